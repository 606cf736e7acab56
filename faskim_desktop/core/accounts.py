"""User accounts: argon2id password hashes, lockout after repeated failures, role checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, clock, messages
from faskim_desktop.core.errors import (
    AuthenticationError,
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from faskim_desktop.core.roles import LOGIN_ROLES, Role
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import User

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile (t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()

USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,64}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Principal:
    """The logged-in person, as the services see them."""

    user_id: int
    username: str
    full_name: str
    roles: frozenset[Role]

    def has(self, *roles: Role) -> bool:
        return any(role in self.roles for role in roles)

    def require(self, *roles: Role) -> None:
        if not self.has(*roles):
            raise PermissionDenied("auth.role_required", roles=", ".join(r.value for r in roles))


SYSTEM = Principal(0, "system", "Sistem", frozenset({Role.SYSTEM}))


def parse_roles(text: str) -> frozenset[Role]:
    roles = set()
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        try:
            role = Role(part)
        except ValueError:
            raise ValidationError("auth.unknown_role", field="roles", role=part) from None
        if role not in LOGIN_ROLES:
            raise ValidationError("auth.unknown_role", field="roles", role=part)
        roles.add(role)
    return frozenset(roles)


def _principal(user: User) -> Principal:
    return Principal(user.id or 0, user.username, user.full_name, parse_roles(user.roles))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("auth.password_short", field="password", min=MIN_PASSWORD)
    return _hasher.hash(password)


class Accounts:
    def __init__(self, store: Store, lockout_attempts: int = 5, lockout_minutes: int = 15) -> None:
        self.store = store
        self.lockout_attempts = lockout_attempts
        self.lockout = timedelta(minutes=lockout_minutes)

    def add_user(
        self, actor: str, username: str, full_name: str, password: str, roles: str, nip: str = ""
    ) -> Principal:
        username = username.strip().lower()
        if not USERNAME_RE.match(username):
            raise ValidationError("auth.bad_username", field="username")
        if not full_name.strip():
            raise ValidationError("auth.full_name_required", field="full_name")
        parsed = parse_roles(roles)
        if not parsed:
            raise ValidationError("auth.roles_required", field="roles")
        password_hash = hash_password(password)
        with self.store.write() as session:
            if session.execute(select(User).where(User.username == username)).scalars().first():
                raise Conflict("auth.user_exists", username=username)
            user = User(
                username=username, full_name=full_name.strip(), nip=nip.strip(),
                roles=",".join(sorted(r.value for r in parsed)), password_hash=password_hash,
                created_at=clock.now(),
            )
            session.add(user)
            session.flush()
            audit.append(session, actor, "user.add", "user", user.id, {"username": username, "roles": user.roles})
            return _principal(user)

    def set_password(self, actor: str, username: str, password: str) -> None:
        password_hash = hash_password(password)
        with self.store.write() as session:
            user = self._get(session, username)
            user.password_hash = password_hash
            user.failed_attempts = 0
            user.locked_until = None
            user.version += 1
            session.add(user)
            audit.append(session, actor, "user.password", "user", user.id, {"username": user.username})

    def set_active(self, actor: str, username: str, active: bool) -> None:
        with self.store.write() as session:
            user = self._get(session, username)
            user.active = active
            user.version += 1
            session.add(user)
            audit.append(session, actor, "user.active", "user", user.id, {"username": user.username, "active": active})

    def set_roles(self, actor: str, username: str, roles: str) -> None:
        parsed = parse_roles(roles)
        if not parsed:
            raise ValidationError("auth.roles_required", field="roles")
        with self.store.write() as session:
            user = self._get(session, username)
            user.roles = ",".join(sorted(r.value for r in parsed))
            user.version += 1
            session.add(user)
            audit.append(session, actor, "user.roles", "user", user.id, {"username": user.username, "roles": user.roles})

    def list_users(self) -> list[User]:
        with self.store.read() as session:
            return list(session.execute(select(User).order_by(User.username)).scalars().all())

    def principal(self, username: str) -> Principal:
        with self.store.read() as session:
            return _principal(self._get(session, username))

    @staticmethod
    def _get(session: Session, username: str) -> User:
        user = session.execute(select(User).where(User.username == username.strip().lower())).scalars().first()
        if user is None:
            raise NotFound("auth.no_user", username=username)
        return user

    def authenticate(self, username: str, password: str) -> Principal:
        """Check a password. Failures count towards a lockout; all of it is audited.

        The same message answers an unknown user and a wrong password, so the login dialog does
        not reveal which usernames exist.
        """
        now = clock.now()
        outcome: Principal | AuthenticationError
        with self.store.write() as session:
            user = session.execute(
                select(User).where(User.username == username.strip().lower())
            ).scalars().first()
            if user is None or not user.active:
                audit.append(session, "system", "auth.fail", "user", "", {"reason": "unknown_or_inactive"})
                outcome = AuthenticationError("auth.bad_credentials")
            elif user.locked_until and clock.aware(user.locked_until) > now:
                audit.append(session, user.username, "auth.locked", "user", user.id, {})
                remaining = int((clock.aware(user.locked_until) - now).total_seconds() // 60) + 1
                outcome = AuthenticationError("auth.locked", minutes=remaining)
            elif self._password_ok(user.password_hash, password):
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                user.failed_attempts = 0
                user.locked_until = None
                session.add(user)
                audit.append(session, user.username, "auth.login", "user", user.id, {})
                outcome = _principal(user)
            else:
                user.failed_attempts += 1
                details: dict[str, object] = {"attempts": user.failed_attempts}
                if user.failed_attempts >= self.lockout_attempts:
                    user.locked_until = now + self.lockout
                    user.failed_attempts = 0
                    details["locked"] = True
                session.add(user)
                audit.append(session, user.username, "auth.fail", "user", user.id, details)
                outcome = (
                    AuthenticationError("auth.locked", minutes=int(self.lockout.total_seconds() // 60))
                    if details.get("locked")
                    else AuthenticationError(
                        "auth.bad_credentials_left", left=self.lockout_attempts - user.failed_attempts
                    )
                )
        # Raised after the commit: the failure counter must be saved, not rolled back.
        if isinstance(outcome, AuthenticationError):
            raise outcome
        return outcome

    @staticmethod
    def _password_ok(stored: str, password: str) -> bool:
        try:
            return _hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def logout(self, principal: Principal, reason: str = "user") -> None:
        with self.store.write() as session:
            audit.append(session, principal.username, "auth.logout", "user", principal.user_id, {"reason": reason})


messages.register(
    {
        "auth.bad_credentials": {
            "id": "Nama pengguna atau kata sandi salah.",
            "en": "Wrong username or password.",
        },
        "auth.bad_credentials_left": {
            "id": "Nama pengguna atau kata sandi salah. Sisa percobaan sebelum akun dikunci: {left}.",
            "en": "Wrong username or password. Attempts left before the account is locked: {left}.",
        },
        "auth.locked": {
            "id": "Akun dikunci karena terlalu banyak percobaan gagal. Coba lagi dalam {minutes} menit "
            "atau minta admin membukanya.",
            "en": "The account is locked after too many failed attempts. Try again in {minutes} minutes "
            "or ask an administrator to unlock it.",
        },
        "auth.role_required": {
            "id": "Tindakan ini memerlukan peran: {roles}.",
            "en": "This action needs the role: {roles}.",
        },
        "auth.unknown_role": {"id": "Peran tidak dikenal: {role}.", "en": "Unknown role: {role}."},
        "auth.roles_required": {"id": "Pilih sekurang-kurangnya satu peran.", "en": "Choose at least one role."},
        "auth.password_short": {
            "id": "Kata sandi minimal {min} karakter.",
            "en": "The password needs at least {min} characters.",
        },
        "auth.bad_username": {
            "id": "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
            "en": "Username: 3–64 characters of lowercase letters, digits, dot, underscore or hyphen.",
        },
        "auth.full_name_required": {"id": "Nama lengkap wajib diisi.", "en": "The full name is required."},
        "auth.user_exists": {"id": "Pengguna {username} sudah ada.", "en": "User {username} already exists."},
        "auth.no_user": {"id": "Pengguna {username} tidak ditemukan.", "en": "User {username} not found."},
    }
)
