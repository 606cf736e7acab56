"""The administrator adds a user with roles, a new fee, and office settings — all in the store."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate

from faskim_desktop.core import office
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.roles import Role
from faskim_desktop.gui.pages.admin import AdminPage, UserDialog
from tests.conftest import wait_idle


def test_admin_manages_users_fees_and_office(qtbot, workspace, seat_factory, artifacts, monkeypatch) -> None:
    ctx = seat_factory("admin1")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    wait_idle(qtbot, ctx)
    assert page.users.rowCount() == len(Accounts(workspace.store).list_users())

    def fill(dialog: UserDialog) -> int:
        dialog.username.setText("kasir2")
        dialog.full_name.setText("Kasir Kedua")
        dialog.password.setText("sandi-kasir-2")
        dialog.role_boxes[Role.BENDAHARA].setChecked(True)
        return 1

    monkeypatch.setattr(UserDialog, "exec", fill)
    page._add_user()
    wait_idle(qtbot, ctx)
    assert Accounts(workspace.store).principal("kasir2").roles == {Role.BENDAHARA}

    page.fee_amount.setValue(450_000)
    page.fee_from.setDate(QDate.fromString((date.today() + timedelta(days=30)).isoformat(), "yyyy-MM-dd"))
    page._add_fee()
    wait_idle(qtbot, ctx)
    with workspace.store.read() as session:
        assert office.fee_on(session, date.today()).amount == 400_000  # the old fee still applies today
        assert office.fee_on(session, date.today() + timedelta(days=31)).amount == 450_000

    page.office_fields["office_code"].setText("DPS")
    page.office_fields["register_number_format"].setText("{office}-{seq:06d}-{bad}")
    warnings: list[str] = []
    monkeypatch.setattr("faskim_desktop.gui.pages.admin.QMessageBox.warning",
                        lambda _parent, _title, text: warnings.append(text))
    page._save_office()  # a bad template is refused before anything is saved
    wait_idle(qtbot, ctx)
    assert warnings and "{seq" in warnings[0]
    with workspace.store.read() as session:
        assert office.get(session, "office_code") == "JKS"
    page.office_fields["register_number_format"].setText("{office}/FSK/{year}/{seq:05d}")
    page._save_office()
    wait_idle(qtbot, ctx)
    with workspace.store.read() as session:
        assert office.get(session, "office_code") == "DPS"
    (artifacts / "screenshots").mkdir(exist_ok=True)
    page.grab().save(str(artifacts / "screenshots" / "admin_users.png"))
