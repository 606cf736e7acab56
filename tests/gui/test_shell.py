"""The GUI shell: log in, see the work queue, open each phase wizard."""

from __future__ import annotations

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import PASSWORD, principals, standard_crew, wait_idle

ensure_built()

from faskim_desktop.gui.login import LoginDialog  # noqa: E402
from faskim_desktop.gui.main_window import MainWindow  # noqa: E402


def test_login_refuses_a_wrong_password_in_words_then_accepts(qtbot, workspace) -> None:
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.ui.usernameEdit, "loket1")
    qtbot.keyClicks(dialog.ui.passwordEdit, "salah")
    dialog.ui.buttonBox.accepted.emit()
    assert "salah" in dialog.ui.messageLabel.text().lower()
    assert dialog.principal is None
    qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.principal is not None and dialog.principal.username == "loket1"


def test_the_account_locks_after_repeated_failures(qtbot, workspace) -> None:
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.ui.usernameEdit.setText("loket2")
    for _ in range(5):
        dialog.ui.passwordEdit.setText("bukan-ini")
        dialog.ui.buttonBox.accepted.emit()
    assert "dikunci" in dialog.ui.messageLabel.text()
    dialog.ui.passwordEdit.setText(PASSWORD)  # even the right password waits out the lock
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.principal is None


def test_the_main_window_lists_my_work_and_opens_each_phase(qtbot, workspace, seat_factory, artifacts) -> None:
    people = principals(workspace)
    crew = standard_crew(people)
    waiting = carry(workspace, crew, until=sop.State.PERSETUJUAN).case
    ctx = seat_factory("spv1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1, timeout=5000)
    assert window.queue.model.items[0].number == waiting.number
    (artifacts / "screenshots").mkdir(exist_ok=True)
    window.grab().save(str(artifacts / "screenshots" / "shell_queue.png"))
    window.open_case(waiting.id)
    wait_idle(qtbot, ctx)
    wizard = window.wizards[sop.Phase.UTAMA]
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is wizard, timeout=5000)
    qtbot.waitUntil(lambda: wizard.case is not None, timeout=5000)
    assert "Persetujuan" in wizard.header.text() and "5 menit" in wizard.mutu.text()
    window.grab().save(str(artifacts / "screenshots" / "shell_wizard_utama.png"))
    for phase in sop.Phase:
        window.tabs.setCurrentWidget(window.wizards[phase])
        assert window.tabs.currentWidget() is window.wizards[phase]
