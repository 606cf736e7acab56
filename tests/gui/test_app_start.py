"""``faskim-desktop`` start-up: the login window is painted first, then the store opens behind it."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from faskim_desktop.gui import app as application
from faskim_desktop.gui.login import LoginDialog


def test_login_window_painted_before_the_store_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FASKIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FASKIM_NO_KEYRING", "1")
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    seen: dict[str, object] = {}
    started = application.StoreLoader.start

    def start(loader) -> None:  # type: ignore[no-untyped-def]
        seen.setdefault("painted_when_store_started", seen.get("dialog")._painted)  # type: ignore[union-attr]
        started(loader)

    def exec_(dialog: LoginDialog) -> int:  # the person closes the window once it can log in
        seen["dialog"] = dialog
        dialog.show()
        deadline = time.monotonic() + 60
        while dialog.ws is None and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        seen["ws"] = dialog.ws
        return 0

    monkeypatch.setattr(application.StoreLoader, "start", start)
    monkeypatch.setattr(LoginDialog, "exec", exec_)
    gc.enable()
    assert application.main([]) == 0  # cancelled login, store opened and closed
    assert gc.isenabled()  # automatic collection is back once the application returns
    assert seen["painted_when_store_started"] is True
    assert seen["ws"] is not None and (tmp_path / "data").is_dir()
