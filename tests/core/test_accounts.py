"""Accounts: argon2id hashes, lockout, and the words for each refusal."""

from __future__ import annotations

import pytest

from faskim_desktop.core.accounts import Accounts, parse_roles
from faskim_desktop.core.errors import AuthenticationError, Conflict, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.store.tables import User
from tests.conftest import PASSWORD


def test_passwords_are_stored_as_argon2id(workspace) -> None:
    users = Accounts(workspace.store).list_users()
    assert users and all(u.password_hash.startswith("$argon2id$") for u in users)
    assert all(PASSWORD not in u.password_hash for u in users)


def test_wrong_password_counts_down_then_locks(workspace) -> None:
    accounts = Accounts(workspace.store, lockout_attempts=3, lockout_minutes=15)
    with pytest.raises(AuthenticationError) as first:
        accounts.authenticate("loket1", "nope")
    assert first.value.code == "auth.bad_credentials_left" and first.value.params["left"] == 2
    accounts_errors = []
    for _ in range(2):
        with pytest.raises(AuthenticationError) as err:
            accounts.authenticate("loket1", "nope")
        accounts_errors.append(err.value.code)
    assert accounts_errors[-1] == "auth.locked"
    with pytest.raises(AuthenticationError) as locked:
        accounts.authenticate("loket1", PASSWORD)
    assert locked.value.code == "auth.locked" and "menit" in locked.value.message("id")
    accounts.set_password("admin1", "loket1", PASSWORD)  # an admin resets and unlocks
    assert accounts.authenticate("loket1", PASSWORD).username == "loket1"


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(workspace) -> None:
    with pytest.raises(AuthenticationError) as err:
        Accounts(workspace.store).authenticate("tidak-ada", "whatever")
    assert err.value.code == "auth.bad_credentials"


def test_a_disabled_user_cannot_log_in(workspace) -> None:
    accounts = Accounts(workspace.store)
    accounts.set_active("admin1", "loket2", False)
    with pytest.raises(AuthenticationError):
        accounts.authenticate("loket2", PASSWORD)


@pytest.mark.parametrize(
    ("username", "roles", "password", "code"),
    [
        ("ab", "loket", "panjang-sekali", "auth.bad_username"),
        ("Nama Spasi", "loket", "panjang-sekali", "auth.bad_username"),
        ("baru1", "", "panjang-sekali", "auth.roles_required"),
        ("baru1", "loket,raja", "panjang-sekali", "auth.unknown_role"),
        ("baru1", "system", "panjang-sekali", "auth.unknown_role"),
        ("baru1", "loket", "pendek", "auth.password_short"),
    ],
)
def test_bad_user_input_is_refused_in_words(workspace, username, roles, password, code) -> None:
    with pytest.raises(ValidationError) as err:
        Accounts(workspace.store).add_user("admin1", username, "Nama", password, roles)
    assert err.value.code == code
    assert err.value.message("id") != code and err.value.message("en") != code


def test_duplicate_user_is_a_conflict(workspace) -> None:
    with pytest.raises(Conflict):
        Accounts(workspace.store).add_user("admin1", "loket1", "Lagi", "panjang-sekali", "loket")


def test_roles_parse_and_one_person_may_hold_several() -> None:
    assert parse_roles("loket, supervisor ,bendahara") == {Role.LOKET, Role.SUPERVISOR, Role.BENDAHARA}


def test_login_and_failures_are_audited_without_the_password(workspace) -> None:
    accounts = Accounts(workspace.store)
    with pytest.raises(AuthenticationError):
        accounts.authenticate("spv1", "salah-sandi-xyz")
    accounts.authenticate("spv1", PASSWORD)
    from sqlalchemy import select

    from faskim_desktop.store.tables import AuditEvent

    with workspace.store.read() as session:
        events = session.execute(select(AuditEvent).where(AuditEvent.actor == "spv1")).scalars().all()
        users = session.execute(select(User)).scalars().all()
    assert {"auth.fail", "auth.login"} <= {e.action for e in events}
    assert all("salah-sandi-xyz" not in e.details for e in events)
    assert users
