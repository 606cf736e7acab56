"""The login dialog (form from ui/login.ui)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.gui import i18n
from faskim_desktop.gui.forms.ui_login import Ui_LoginDialog

if TYPE_CHECKING:  # the store's modules load after the window is up (see app.main)
    from faskim_desktop.core.accounts import Principal
    from faskim_desktop.core.workspace import Workspace

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))


class LoginDialog(QDialog):
    language_changed = Signal(str)
    first_painted = Signal()  # the window is on screen: slower start-up work may begin

    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None, locked_user: str = "") -> None:
        super().__init__(parent)
        self.ws: Workspace | None = None
        self.principal: Principal | None = None
        self._painted = False
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        font = self.ui.titleLabel.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        for code, label in LANGUAGES:
            self.ui.languageCombo.addItem(label, code)
        self.ui.languageCombo.setCurrentIndex(0 if messages.current_language() == "id" else 1)
        self.ui.languageCombo.currentIndexChanged.connect(self._language_picked)
        self.ui.messageLabel.setStyleSheet("color: #b00020;")
        # Room for a three-line message, so a long reason is never cut off.
        self.ui.messageLabel.setMinimumHeight(3 * self.ui.messageLabel.fontMetrics().lineSpacing() + 4)
        self.ui.buttonBox.accepted.connect(self._try_login)
        self.settings_button = self.ui.buttonBox.addButton(self.tr("&Pengaturan…"),
                                                           QDialogButtonBox.ButtonRole.ResetRole)
        self.settings_button.clicked.connect(self._open_settings)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.officeLabel.setText("")
        if workspace is None:  # the store is still opening: the officer can already type
            self._ok_button().setEnabled(False)
            self.ui.officeLabel.setText(self.tr("Membuka basis data…"))
        else:
            self.attach(workspace)
        if locked_user:  # the idle lock: only the same person (or logout) continues
            self.ui.usernameEdit.setText(locked_user)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.languageCombo.setEnabled(False)
            self.ui.passwordEdit.setFocus()
        else:
            self.ui.usernameEdit.setFocus()
        self._retranslate_buttons()

    def _ok_button(self):  # type: ignore[no-untyped-def]
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def attach(self, workspace: Workspace) -> None:
        """The store is open: show the office and allow logging in."""
        from faskim_desktop.core import office

        self.ws = workspace
        try:
            with workspace.store.read() as session:
                self.ui.officeLabel.setText(office.profile(session).name)
        except FaskimError:
            self.ui.officeLabel.setText("")
        self._ok_button().setEnabled(True)

    def _retranslate_buttons(self) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Masuk"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))

    def _open_settings(self) -> None:
        from faskim_desktop.gui.settings_dialog import SettingsDialog

        if SettingsDialog(self).exec():
            self.ui.messageLabel.setStyleSheet("")
            self.ui.messageLabel.setText(self.tr("Pengaturan disimpan. Buka ulang aplikasi bila folder data atau "
                                                 "basis data diubah."))

    def _language_picked(self) -> None:
        language = self.ui.languageCombo.currentData()
        i18n.set_language(language)
        self.ui.retranslateUi(self)
        self._retranslate_buttons()
        self.language_changed.emit(language)

    def _try_login(self) -> None:
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        self.ui.messageLabel.setStyleSheet("color: #b00020;")
        if not username or not password:
            self.ui.messageLabel.setText(self.tr("Isi nama pengguna dan kata sandi."))
            return
        if self.ws is None:
            return
        from faskim_desktop.core.accounts import Accounts

        accounts = Accounts(self.ws.store, self.ws.settings.get("lockout_attempts"),
                            self.ws.settings.get("lockout_minutes"))
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            self.principal = accounts.authenticate(username, password)
        except FaskimError as err:
            self.ui.messageLabel.setText(err.message())
            self.ui.passwordEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        finally:
            self.unsetCursor()
        self.accept()
