"""Workstation settings: the data folder, the database, the seat's name and the session lock.

Reachable from the login dialog (the database must be chosen before anyone can log in) and from
the main window. Changes to the folder or the database apply at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from faskim_desktop.config import Settings, choose_data_dir, data_dir
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.store.db import Store


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pengaturan komputer ini"))
        self.settings = Settings(data_dir())
        self.folder = QLineEdit(str(data_dir()))
        browse = QPushButton(self.tr("&Pilih…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.db_url = QLineEdit(self.settings.get("db_url"))
        self.db_url.setPlaceholderText(self.tr("kosong = SQLite di folder data; mis. postgresql+psycopg://user@server/faskim"))
        test = QPushButton(self.tr("&Uji koneksi"))
        test.clicked.connect(self._test)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_url, 1)
        db_row.addWidget(test)
        self.seat = QLineEdit(self.settings.get("seat_name"))
        self.idle = QSpinBox()
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" menit"))
        self.idle.setValue(int(self.settings.get("idle_lock_minutes")))
        self.backup_dir = QLineEdit(self.settings.get("backup_dir"))
        form = QFormLayout()
        # A row holding a layout needs its own label with a buddy for the mnemonic to work.
        folder_label = QLabel(self.tr("&Folder data"))
        folder_label.setBuddy(self.folder)
        db_label = QLabel(self.tr("&Basis data"))
        db_label.setBuddy(self.db_url)
        form.addRow(folder_label, folder_row)
        form.addRow(db_label, db_row)
        form.addRow(self.tr("Nama &kursi/loket"), self.seat)
        form.addRow(self.tr("Kunci layar setelah &diam"), self.idle)
        form.addRow(self.tr("Folder &cadangan harian"), self.backup_dir)
        self.message = QLabel()
        self.message.setWordWrap(True)
        note = QLabel(self.tr("Perubahan folder data dan basis data berlaku setelah aplikasi dibuka ulang."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder data"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _url_ok(self) -> bool:
        url = self.db_url.text().strip()
        if not url:
            return True
        try:
            make_url(url)
        except ArgumentError:
            self.message.setText(self.tr("Alamat basis data tidak dikenali. Contoh: postgresql+psycopg://user@server/faskim"))
            return False
        return True

    def _test(self) -> None:
        if not self._url_ok():
            return
        url = self.db_url.text().strip() or f"sqlite:///{Path(self.folder.text()) / 'faskim.sqlite3'}"
        store = Store(url)
        try:
            store.ping()
            self.message.setText(self.tr("Koneksi berhasil."))
        except FaskimError as err:
            self.message.setText(err.message())
        except Exception:  # any driver failure is shown in words, not as a traceback
            self.message.setText(self.tr("Koneksi gagal. Periksa alamat, nama pengguna dan jaringan."))
        finally:
            store.dispose()

    def _save(self) -> None:
        if not self._url_ok():
            return
        folder = Path(self.folder.text().strip()).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            self.message.setText(self.tr("Folder tidak dapat dibuat: %1").replace("%1", err.strerror or str(err)))
            return
        target = Settings(folder)
        target.set("db_url", self.db_url.text().strip())
        target.set("seat_name", self.seat.text().strip())
        target.set("idle_lock_minutes", self.idle.value())
        target.set("backup_dir", self.backup_dir.text().strip())
        if folder != data_dir():
            choose_data_dir(folder)
        self.accept()
