"""The administrator's page: users and roles, the PNBP fee table, the office's settings."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from faskim_desktop.core import messages, office
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.roles import LOGIN_ROLES, Role
from faskim_desktop.gui.context import SeatContext, show_error
from faskim_desktop.store.tables import Fee


class UserDialog(QDialog):
    """Add a user, or change an existing user's roles (and optionally the password)."""

    def __init__(self, parent: QWidget | None = None, username: str = "", roles: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah pengguna") if username else self.tr("Tambah pengguna"))
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setReadOnly(bool(username))
        self.full_name = QLineEdit()
        self.nip = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kosongkan bila tidak diganti") if username else "")
        form.addRow(self.tr("&Nama pengguna"), self.username)
        if not username:
            form.addRow(self.tr("Nama &lengkap"), self.full_name)
            form.addRow(self.tr("N&IP"), self.nip)
        form.addRow(self.tr("&Kata sandi"), self.password)
        box = QGroupBox(self.tr("Peran"))
        grid = QGridLayout(box)
        self.role_boxes: dict[Role, QCheckBox] = {}
        for index, role in enumerate(LOGIN_ROLES):
            check = QCheckBox(messages.text(f"role.{role.value}"))
            check.setChecked(role.value in roles)
            self.role_boxes[role] = check
            grid.addWidget(check, index // 2, index % 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(buttons)

    def roles(self) -> str:
        return ",".join(role.value for role, check in self.role_boxes.items() if check.isChecked())


class AdminPage(QWidget):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.accounts = Accounts(ctx.ws.store)
        tabs = QTabWidget()
        tabs.addTab(self._users_tab(), self.tr("Pengguna && peran"))
        tabs.addTab(self._fees_tab(), self.tr("Tarif PNBP"))
        tabs.addTab(self._office_tab(), self.tr("Kantor"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.reload()

    # --- users --------------------------------------------------------------------------------

    def _users_tab(self) -> QWidget:
        page = QWidget()
        self.users = QTableWidget(0, 4)
        self.users.setHorizontalHeaderLabels([self.tr("Nama pengguna"), self.tr("Nama lengkap"), self.tr("Peran"),
                                              self.tr("Status")])
        self.users.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.users.horizontalHeader().setStretchLastSection(True)
        self.users.verticalHeader().setVisible(False)
        self.users.doubleClicked.connect(self._edit_user)
        add = QPushButton(self.tr("&Tambah pengguna…"))
        add.clicked.connect(self._add_user)
        edit = QPushButton(self.tr("&Ubah peran/kata sandi…"))
        edit.clicked.connect(self._edit_user)
        toggle = QPushButton(self.tr("Aktif/&nonaktifkan"))
        toggle.clicked.connect(self._toggle_user)
        buttons = QHBoxLayout()
        for button in (add, edit, toggle):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.users)
        return page

    def _selected_username(self) -> str | None:
        row = self.users.currentRow()
        return self.users.item(row, 0).text() if row >= 0 else None

    def _add_user(self) -> None:
        dialog = UserDialog(self)
        if dialog.exec():
            me = self.ctx.principal.username
            self._do(lambda: self.accounts.add_user(me, dialog.username.text(), dialog.full_name.text(),
                                                    dialog.password.text(), dialog.roles(), dialog.nip.text()))

    def _edit_user(self) -> None:
        username = self._selected_username()
        if not username:
            return
        roles = frozenset(self.users.item(self.users.currentRow(), 2).data(Qt.ItemDataRole.UserRole).split(","))
        dialog = UserDialog(self, username, roles)
        if dialog.exec():
            me = self.ctx.principal.username
            password = dialog.password.text()

            def change() -> None:
                self.accounts.set_roles(me, username, dialog.roles())
                if password:
                    self.accounts.set_password(me, username, password)

            self._do(change)

    def _toggle_user(self) -> None:
        username = self._selected_username()
        if not username or username == self.ctx.principal.username:
            return
        active = self.users.item(self.users.currentRow(), 3).data(Qt.ItemDataRole.UserRole)
        self._do(lambda: self.accounts.set_active(self.ctx.principal.username, username, not active))

    # --- fees ---------------------------------------------------------------------------------

    def _fees_tab(self) -> QWidget:
        page = QWidget()
        self.fees = QTableWidget(0, 3)
        self.fees.setHorizontalHeaderLabels([self.tr("Berlaku mulai"), self.tr("Tarif (Rp)"), self.tr("Diatur oleh")])
        self.fees.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fees.horizontalHeader().setStretchLastSection(True)
        self.fees.verticalHeader().setVisible(False)
        self.fee_amount = QSpinBox()
        self.fee_amount.setRange(1_000, 100_000_000)
        self.fee_amount.setSingleStep(50_000)
        self.fee_amount.setValue(400_000)
        self.fee_amount.setGroupSeparatorShown(True)
        self.fee_from = QDateEdit(QDate.currentDate())
        self.fee_from.setCalendarPopup(True)
        self.fee_from.setDisplayFormat("dd-MM-yyyy")
        add = QPushButton(self.tr("Tambah &tarif"))
        add.clicked.connect(self._add_fee)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Tarif baru (Rp):")))
        row.addWidget(self.fee_amount)
        row.addWidget(QLabel(self.tr("berlaku mulai:")))
        row.addWidget(self.fee_from)
        row.addWidget(add)
        row.addStretch(1)
        note = QLabel(self.tr("Tarif lama tetap tersimpan; tarif yang berlaku ditentukan oleh tanggal pembayaran."))
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.fees)
        return page

    def _add_fee(self) -> None:
        amount = self.fee_amount.value()
        start = self.fee_from.date().toPython()
        me = self.ctx.principal.username

        def add() -> None:
            with self.ctx.ws.store.write() as session:
                office.set_fee(session, me, amount, start)

        self._do(add)

    # --- office -------------------------------------------------------------------------------

    def _office_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.office_fields: dict[str, QLineEdit] = {}
        for key, label in (("office_name", self.tr("Nama kantor")), ("office_code", self.tr("Kode kantor")),
                           ("office_address", self.tr("Alamat")),
                           ("application_number_format", self.tr("Format nomor permohonan")),
                           ("receipt_number_format", self.tr("Format nomor kuitansi")),
                           ("register_number_format", self.tr("Format nomor register"))):
            edit = QLineEdit()
            self.office_fields[key] = edit
            form.addRow(label, edit)
        self.signers = QLineEdit()
        self.signers.setPlaceholderText(self.tr("nama pengguna, dipisah koma"))
        form.addRow(self.tr("Pejabat yang ditunjuk menandatangani"), self.signers)
        self.face_only = QSpinBox()
        self.face_only.setRange(0, 17)
        form.addRow(self.tr("Hanya foto (tanpa sidik jari) di bawah usia"), self.face_only)
        save = QPushButton(self.tr("&Simpan pengaturan kantor"))
        save.clicked.connect(self._save_office)
        form.addRow("", save)
        return page

    def _save_office(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.office_fields.items()}
        signers = [s.strip().lower() for s in self.signers.text().split(",") if s.strip()]
        face_only = self.face_only.value()
        me = self.ctx.principal.username

        def save() -> None:
            for key, value in values.items():
                if "format" in key:
                    value.format(office="X", year=2026, seq=1)  # a bad template fails here, not at the counter
            with self.ctx.ws.store.write() as session:
                for key, value in values.items():
                    office.put(session, me, key, value)
                office.put(session, me, "signers", signers)
                office.put(session, me, "face_only_below_age", face_only)

        def failed(error: BaseException) -> None:
            if isinstance(error, (KeyError, IndexError, ValueError)):
                QMessageBox.warning(self, self.tr("Pengaturan kantor"),
                                    self.tr("Format penomoran tidak valid. Gunakan {office}, {year} dan {seq:06d}."))
            else:
                show_error(self, error)

        self.ctx.run(save, lambda _r: self.reload(), self, failed)

    # --- loading ------------------------------------------------------------------------------

    def _do(self, func) -> None:  # type: ignore[no-untyped-def]
        self.ctx.run(func, lambda _r: self.reload(), self)

    def reload(self) -> None:
        ctx = self.ctx

        def load() -> tuple:
            users = self.accounts.list_users()
            with ctx.ws.store.read() as session:
                fees = list(session.execute(select(Fee).order_by(Fee.effective_from.desc(), Fee.id.desc())).scalars())
                settings = {key: office.get(session, key) for key in (
                    *self.office_fields, "signers", "face_only_below_age")}
            return users, fees, settings

        ctx.run(load, self._show, self)

    def _show(self, loaded: tuple) -> None:
        users, fees, settings = loaded
        self.users.setRowCount(len(users))
        for row, user in enumerate(users):
            roles = ", ".join(messages.text(f"role.{r}") for r in user.roles.split(",") if r)
            state = self.tr("aktif") if user.active else self.tr("nonaktif")
            if user.locked_until:
                state += self.tr(" (terkunci)")
            cells = [user.username, user.full_name, roles, state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setData(Qt.ItemDataRole.UserRole, user.roles)
                if column == 3:
                    item.setData(Qt.ItemDataRole.UserRole, user.active)
                self.users.setItem(row, column, item)
        self.fees.setRowCount(len(fees))
        for row, fee in enumerate(fees):
            for column, text in enumerate([fee.effective_from.strftime("%d-%m-%Y"), f"{fee.amount:,}".replace(",", "."),
                                           fee.created_by]):
                self.fees.setItem(row, column, QTableWidgetItem(text))
        for key, edit in self.office_fields.items():
            edit.setText(str(settings[key]))
        self.signers.setText(", ".join(settings["signers"]))
        self.face_only.setValue(int(settings["face_only_below_age"]))


