"""The counter's queue controls: call the next ticket, call it again, skip it.

SOP Identifikasi Langkah, Langkah Awal 1: "Mesin antrian akan memanggil secara otomatis dan
menampilkan nomor antrian pada layar monitor". Calling a ticket opens a new application that
carries the ticket number (``IntakeService.open_case(queue_ticket=...)``); the queue display
window (``queue_display``) shows and announces the call.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.core.services.queues import TicketQueue, ticket_label
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import run_quietly

SERVICE = "A"  # the counter's tickets (B is the bendahara's)


def counter_name(ctx: SeatContext) -> str:
    """The counter number shown and announced: the seat's name in the workstation settings."""
    try:
        seat = str(ctx.ws.settings.get("seat_name") or "")
    except KeyError:
        seat = ""
    digits = "".join(ch for ch in seat if ch.isdigit())
    return digits or seat or "1"


class QueuePanel(QGroupBox):
    """``case_opened`` carries the application opened for the called ticket."""

    case_opened = Signal(object)
    ticket_changed = Signal(str)

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Antrean loket"))
        self.ctx = ctx
        self.ticket_id: int | None = None
        self.ticket_text = ""
        self.current = QLabel(self.tr("Belum ada nomor dipanggil"))
        font = QFont(self.current.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.current.setFont(font)
        self.waiting = QLabel()
        self.call_button = QPushButton(self.tr("&Panggil berikutnya"))
        self.recall_button = QPushButton(self.tr("Panggil &ulang"))
        self.skip_button = QPushButton(self.tr("Le&wati"))
        self.serve_button = QPushButton(self.tr("&Mulai berkas"))
        self.serve_button.setToolTip(self.tr("Pemohon yang dipanggil sudah di loket: buka berkas baru untuknya"))
        self.issue_button = QPushButton(self.tr("Ambil nomor (demo)"))
        self.issue_button.setToolTip(self.tr("Mencetak nomor antrean baru, untuk demo dan pelatihan"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c5221f;")
        for button in self._buttons():
            button.setAutoDefault(False)
        self.call_button.clicked.connect(self.call_next)
        self.recall_button.clicked.connect(self.recall)
        self.skip_button.clicked.connect(self.skip)
        self.issue_button.clicked.connect(self.issue)
        self.serve_button.clicked.connect(self.serve)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.current)
        top.addSpacing(16)
        top.addWidget(self.waiting)
        top.addSpacing(16)
        top.addWidget(self.message, 1)
        buttons = QHBoxLayout()
        for button in self._buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.current.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self._update_buttons()
        self.refresh()

    # --- actions --------------------------------------------------------------------------------

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.call_button, self.recall_button, self.skip_button, self.serve_button, self.issue_button)

    def _busy(self, busy: bool) -> None:
        for button in self._buttons():
            button.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.recall_button.setEnabled(self.ticket_id is not None)
        self.skip_button.setEnabled(self.ticket_id is not None)
        self.serve_button.setEnabled(self.ticket_id is not None)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setText(i18n.explain(error))

    def refresh(self) -> None:
        ctx = self.ctx
        run_quietly(
            ctx, lambda: TicketQueue(ctx.ws).waiting_count(SERVICE), self._show_waiting, self, self._failed
        )

    def _show_waiting(self, count: int) -> None:
        self.waiting.setText(self.tr("Menunggu: %1").replace("%1", str(count)))

    def issue(self) -> None:
        ctx = self.ctx
        self._busy(True)

        def work() -> str:
            return ticket_label(TicketQueue(ctx.ws).issue(SERVICE))

        def done(label: str) -> None:
            self._busy(False)
            self.message.setStyleSheet("color: #188038;")
            self.message.setText(self.tr("Nomor %1 diambil.").replace("%1", label))
            self.refresh()

        ctx.run(work, done, self, self._failed)

    def call_next(self) -> None:
        """Call the next waiting ticket: the display shows and announces it."""
        ctx = self.ctx
        self._busy(True)
        self.message.clear()
        counter = counter_name(ctx)

        def work() -> tuple[int, str]:
            ticket = TicketQueue(ctx.ws).call_next(SERVICE, counter, ctx.principal.username)
            return ticket.id or 0, ticket_label(ticket)

        def done(result: tuple[int, str]) -> None:
            self.ticket_id, self.ticket_text = result
            self._busy(False)
            self.current.setText(self.tr("Dipanggil: %1").replace("%1", self.ticket_text))
            self.message.setStyleSheet("color: #188038;")
            self.message.setText(self.tr("Tekan \"Mulai berkas\" saat pemohon datang ke loket."))
            self.ticket_changed.emit(self.ticket_text)
            self.refresh()

        ctx.run(work, done, self, self._failed)

    def serve(self) -> None:
        """The called applicant is at the counter: open a new application carrying the ticket."""
        if self.ticket_id is None:
            return
        ctx = self.ctx
        ticket_id, label = self.ticket_id, self.ticket_text
        self._busy(True)

        def work() -> CaseRef:
            case = IntakeService(ctx.ws, ctx.principal).open_case(queue_ticket=label)
            TicketQueue(ctx.ws).serve(ticket_id, ctx.principal.username, case.id)
            return case

        def done(case: CaseRef) -> None:
            self.ticket_id = None
            self._busy(False)
            self.current.setText(self.tr("Dilayani: %1").replace("%1", label))
            self.message.setStyleSheet("color: #188038;")
            self.message.setText(self.tr("Berkas baru %1 dibuka.").replace("%1", case.number))
            self.case_opened.emit(case)

        ctx.run(work, done, self, self._failed)

    def recall(self) -> None:
        if self.ticket_id is None:
            return
        ctx = self.ctx
        ticket_id = self.ticket_id
        self._busy(True)

        def done(_: object) -> None:
            self._busy(False)
            self.message.setStyleSheet("color: #188038;")
            self.message.setText(self.tr("Nomor %1 dipanggil ulang.").replace("%1", self.ticket_text))

        ctx.run(lambda: TicketQueue(ctx.ws).recall(ticket_id, ctx.principal.username), done, self, self._failed)

    def skip(self) -> None:
        if self.ticket_id is None:
            return
        ctx = self.ctx
        ticket_id = self.ticket_id
        self._busy(True)

        def done(_: object) -> None:
            self.message.setStyleSheet("color: #188038;")
            self.message.setText(self.tr("Nomor %1 dilewati.").replace("%1", self.ticket_text))
            self.ticket_id = None
            self.current.setText(self.tr("Belum ada nomor dipanggil"))
            self._busy(False)
            self.refresh()

        ctx.run(lambda: TicketQueue(ctx.ws).skip(ticket_id, ctx.principal.username), done, self, self._failed)
