"""The idle lock: after a short idle time the seat warns, then locks; only the same person gets back in."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import PASSWORD

ensure_built()

from faskim_desktop.gui import login as login_module  # noqa: E402
from faskim_desktop.gui.idle import IdleWatcher  # noqa: E402
from faskim_desktop.gui.main_window import MainWindow  # noqa: E402


def test_the_watcher_warns_then_locks(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher = IdleWatcher(idle_seconds=3, warning_seconds=2)
    warnings: list[int] = []
    watcher.warn.connect(warnings.append)
    with qtbot.waitSignal(watcher.lock, timeout=8000):
        watcher.start()
    assert len(warnings) == 1 and 0 < warnings[0] <= 2  # one warning, before the lock
    watcher.stop()


def test_input_keeps_the_seat_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    watcher = IdleWatcher(idle_seconds=2, warning_seconds=1)
    field.installEventFilter(watcher)
    locked: list[bool] = []
    watcher.lock.connect(lambda: locked.append(True))
    watcher.start()
    for _ in range(8):  # four seconds of typing: twice the idle time
        qtbot.keyClick(field, "a")
        qtbot.wait(500)
    assert not locked and field.text() == "a" * 8
    with qtbot.waitSignal(watcher.lock, timeout=6000):  # then the officer walks away
        pass
    watcher.stop()


def test_a_zero_idle_time_never_locks(qtbot) -> None:  # type: ignore[no-untyped-def]
    watcher = IdleWatcher(idle_seconds=0, warning_seconds=60)
    watcher.start()
    assert not watcher.enabled and not watcher._timer.isActive()


@pytest.fixture
def seat_window(qtbot, seat_factory, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FASKIM_IDLE_LOCK_MINUTES", "1")
    ctx = seat_factory("loket1")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def unlock_as(monkeypatch, username: str, password: str | None):  # type: ignore[no-untyped-def]
    """Answer the lock dialog as ``username`` (None: cancel), recording what the dialog offered."""
    seen: dict[str, object] = {}

    def answer(dialog) -> int:  # type: ignore[no-untyped-def]
        seen["username"] = dialog.ui.usernameEdit.text()
        seen["read_only"] = dialog.ui.usernameEdit.isReadOnly()
        if password is None:
            return QDialog.DialogCode.Rejected.value
        dialog.ui.usernameEdit.setText(username)  # even if someone forces another name in
        dialog.ui.passwordEdit.setText(password)
        dialog.ui.buttonBox.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(login_module.LoginDialog, "exec", answer)
    return seen


def test_the_same_person_unlocks_the_seat(qtbot, seat_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = unlock_as(monkeypatch, "loket1", PASSWORD)
    logged_out: list[bool] = []
    seat_window.logged_out.connect(lambda: logged_out.append(True))
    seat_window.idle.lock.emit()
    assert seen == {"username": "loket1", "read_only": True}
    assert seat_window.isVisible() and not logged_out
    assert seat_window.idle._timer.isActive()  # watching again


@pytest.mark.parametrize("username, password", [("spv1", PASSWORD), ("loket1", "salah-sandi"), ("loket1", None)])
def test_anyone_else_or_a_wrong_password_ends_the_session(qtbot, seat_window, monkeypatch,  # type: ignore[no-untyped-def]
                                                          username: str, password: str | None) -> None:
    unlock_as(monkeypatch, username, password)
    with qtbot.waitSignal(seat_window.logged_out, timeout=5000):
        seat_window.idle.lock.emit()
    assert not seat_window.isVisible()


def test_the_window_locks_on_its_own_after_the_idle_time(qtbot, seat_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen = unlock_as(monkeypatch, "loket1", PASSWORD)
    seat_window.idle.idle_seconds = 2  # short idle time for the test
    seat_window.idle.warning_seconds = 1
    seat_window.idle.start()
    qtbot.waitUntil(lambda: "username" in seen, timeout=8000)
    assert seen["username"] == "loket1" and seat_window.isVisible()
