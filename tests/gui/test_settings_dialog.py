"""The data folder and the database are set in the app too, and apply at the next start."""

from __future__ import annotations

from pathlib import Path

from faskim_desktop.config import Settings, data_dir
from faskim_desktop.gui.settings_dialog import SettingsDialog


def test_folder_and_database_chosen_in_the_app_apply_next_start(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FASKIM_DATA_DIR", raising=False)
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.db_url.setText("this is not a url")
    dialog._save()
    assert "tidak dikenali" in dialog.message.text() and data_dir() == tmp_path / "share" / "faskim-desktop"
    target = tmp_path / "kantor" / "data"
    dialog.folder.setText(str(target))
    dialog.db_url.setText("")
    dialog.seat.setText("Loket 3")
    dialog._test()
    assert "berhasil" in dialog.message.text()
    dialog._save()
    assert data_dir() == target
    assert Settings(target).get("seat_name") == "Loket 3"
    assert Settings(target).db_url().endswith("kantor/data/faskim.sqlite3")
