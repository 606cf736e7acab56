"""The seat's main window: the work queue, the three phase wizards, and the pages of other roles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar, QTabWidget, QWidget

from faskim_desktop.core import messages, sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.idle import IdleWatcher
from faskim_desktop.gui.wizard import PhaseWizard
from faskim_desktop.gui.work_queue import WorkQueueView

PHASE_TITLES = {sop.Phase.AWAL: "phase.awal", sop.Phase.UTAMA: "phase.utama", sop.Phase.AKHIR: "phase.akhir"}


class MainWindow(QMainWindow):
    second_seat_requested = Signal()
    logged_out = Signal()
    language_requested = Signal(str)

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        roles = ", ".join(messages.text(f"role.{r.value}") for r in sorted(ctx.principal.roles))
        seat = ctx.ws.settings.get("seat_name")
        self.setWindowTitle(
            self.tr("Faskim Desktop — %1 (%2)").replace("%1", ctx.principal.full_name).replace("%2", roles)
            + (f" — {seat}" if seat else "")
        )
        self.tabs = QTabWidget()
        self.setCentralWidget(self.tabs)
        self.queue = WorkQueueView(ctx)
        self.queue.open_requested.connect(self.open_case)
        self.tabs.addTab(self.queue, self.tr("Pekerjaan saya"))
        self.wizards: dict[sop.Phase, PhaseWizard] = {}
        for phase in sop.Phase:
            wizard = PhaseWizard(ctx, phase)
            wizard.left_phase.connect(self._route)
            self.wizards[phase] = wizard
            self.tabs.addTab(wizard, messages.text(PHASE_TITLES[phase]))
        self._add_role_pages()
        self._build_actions()

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy)
        backend = "PostgreSQL" if not ctx.ws.store.is_sqlite else "SQLite"
        self.statusBar().addPermanentWidget(QLabel(f"{ctx.principal.username} · {backend}"))
        ctx.tasks.busy_changed.connect(self.busy.setVisible)
        ctx.events.status.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.idle = IdleWatcher(int(ctx.ws.settings.get("idle_lock_minutes")) * 60,
                                int(ctx.ws.settings.get("idle_warning_seconds")), self)
        self.idle.warn.connect(self._idle_warning)
        self.idle.lock.connect(self.lock_seat)
        self.resize(1280, 760)

    # --- structure ----------------------------------------------------------------------------

    def _add_role_pages(self) -> None:
        from faskim_desktop.gui.pages.search import SearchPage

        self.search_page = SearchPage(self.ctx, self)  # Enter or double-click opens the read-only timeline
        self.tabs.addTab(self.search_page, self.tr("Cari berkas"))
        from faskim_desktop.gui.pages.verify_card import VerifyCardPage

        self.tabs.addTab(VerifyCardPage(self.ctx, self), self.tr("Verifikasi kartu"))
        if self.ctx.principal.has(Role.SUPERVISOR, Role.KAKANIM, Role.ADMIN):
            from faskim_desktop.gui.pages.dashboard import DashboardPage

            self.dashboard = DashboardPage(self.ctx, self)
            self.tabs.addTab(self.dashboard, self.tr("Kinerja SLA"))
            self.tabs.currentChanged.connect(
                lambda index: self.tabs.widget(index) is self.dashboard and self.dashboard.refresh())
        if self.ctx.principal.has(Role.ADMIN):
            from faskim_desktop.gui.pages.admin import AdminPage

            self.tabs.addTab(AdminPage(self.ctx, self), self.tr("Admin"))
        if self.ctx.principal.has(Role.TEKNISI, Role.ADMIN):
            from faskim_desktop.gui.pages.technician import TechnicianPage

            technician = TechnicianPage(self.ctx.ws.folder, self)
            if self.ctx.devices is not None:
                technician.saved.connect(lambda _path: self.ctx.devices.reload())
            self.tabs.addTab(technician, self.tr("Teknisi"))

    def _build_actions(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("&Berkas"))
        self.new_case_action = QAction(self.tr("Berkas &baru"), self)
        self.new_case_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_case_action.setEnabled(self.ctx.principal.has(Role.LOKET))
        self.new_case_action.triggered.connect(self.new_case)
        refresh = QAction(self.tr("&Segarkan daftar"), self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.queue.refresh)
        show_queue = QAction(self.tr("&Daftar pekerjaan"), self)
        show_queue.setShortcut(QKeySequence(Qt.Key.Key_F2))
        show_queue.triggered.connect(lambda: self.tabs.setCurrentWidget(self.queue))
        second = QAction(self.tr("Buka &kursi kedua…"), self)
        second.setShortcut(QKeySequence("Ctrl+Shift+N"))
        second.triggered.connect(self.second_seat_requested)
        lock = QAction(self.tr("&Kunci layar"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_seat)
        logout = QAction(self.tr("&Keluar akun"), self)
        logout.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        logout.triggered.connect(self.logout)
        find = QAction(self.tr("&Cari berkas…"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._find)
        settings = QAction(self.tr("&Pengaturan komputer ini…"), self)
        settings.triggered.connect(self._open_settings)
        for action in (self.new_case_action, refresh, show_queue, find, second, settings, lock, logout):
            menu_file.addAction(action)
            self.addAction(action)
        menu_view = self.menuBar().addMenu(self.tr("&Tampilan"))
        from faskim_desktop.gui.queue_display import open_display

        menu_view.addAction(self.tr("Layar &antrean (monitor kedua)"), lambda: open_display(self.ctx, self))
        menu_view.addSeparator()
        for code, label in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(label, self)
            action.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            menu_view.addAction(action)
        for index in range(1, 5):  # Alt+1..4: queue and the three phases
            jump = QAction(self)
            jump.setShortcut(QKeySequence(f"Alt+{index}"))
            jump.triggered.connect(lambda _=False, i=index - 1: self.tabs.setCurrentIndex(i))
            self.addAction(jump)

    def _find(self) -> None:
        self.tabs.setCurrentWidget(self.search_page)
        self.search_page.box.setFocus()

    def _open_settings(self) -> None:
        from faskim_desktop.gui.settings_dialog import SettingsDialog

        if SettingsDialog(self).exec():
            self.statusBar().showMessage(self.tr("Pengaturan disimpan; folder data dan basis data berlaku setelah "
                                                 "aplikasi dibuka ulang."), 10000)

    # --- cases --------------------------------------------------------------------------------

    def new_case(self) -> None:
        ctx = self.ctx
        ctx.run(lambda: IntakeService(ctx.ws, ctx.principal).open_case(), self._opened_new, self)

    def _opened_new(self, case: CaseRef) -> None:
        self.ctx.events.case_moved.emit(case)
        self.statusBar().showMessage(self.tr("Berkas baru %1 dibuat.").replace("%1", case.number), 8000)
        self.open_case(case.id, sop.Phase.AWAL)

    def open_case(self, case_id: int, phase: sop.Phase | None = None) -> None:
        if phase is None:
            # Ask the wizard of any phase; it routes to the right one through left_phase.
            phase = sop.Phase.AWAL
        wizard = self.wizards[phase]
        self.tabs.setCurrentWidget(wizard)
        wizard.open_case(case_id)

    def _route(self, case: CaseRef) -> None:
        phase = sop.phase_of(case.state)
        state_words = messages.text(f"state.{case.state.value}")
        if phase is None:
            self.statusBar().showMessage(self.tr("Berkas %1: %2.").replace("%1", case.number)
                                         .replace("%2", state_words), 10000)
            self.tabs.setCurrentWidget(self.queue)
            return
        if self.ctx.principal.has(*sop.actors(case.state)):
            wizard = self.wizards[phase]
            self.tabs.setCurrentWidget(wizard)
            wizard.open_case(case.id)
            return
        roles = ", ".join(messages.text(f"role.{r.value}") for r in sop.waiting_role(case.state))
        self.statusBar().showMessage(
            self.tr("Berkas %1 diteruskan: %2 (menunggu %3).").replace("%1", case.number)
            .replace("%2", state_words).replace("%3", roles), 10000)
        self.tabs.setCurrentWidget(self.queue)
        self.queue.refresh()

    # --- session ------------------------------------------------------------------------------

    def _idle_warning(self, seconds: int) -> None:
        self.statusBar().showMessage(
            self.tr("Tidak ada aktivitas: layar akan dikunci dalam %1 detik.").replace("%1", str(seconds)), 10000)

    def lock_seat(self) -> None:
        from faskim_desktop.gui.login import LoginDialog

        self.idle.stop()
        self.hide()
        dialog = LoginDialog(self.ctx.ws, None, locked_user=self.ctx.principal.username)
        dialog.setWindowTitle(self.tr("Layar terkunci — masuk kembali"))
        if dialog.exec() and dialog.principal and dialog.principal.username == self.ctx.principal.username:
            self.show()
            self.idle.start()
        else:
            self.logout()

    def logout(self) -> None:
        Accounts(self.ctx.ws.store).logout(self.ctx.principal)
        self.close()
        self.logged_out.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.idle.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.queue.timer.stop()
        super().closeEvent(event)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    return QMessageBox.question(parent, title, text) == QMessageBox.StandardButton.Yes
