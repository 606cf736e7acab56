"""Step 9 (printing) — the card, front and back with its signed seal, printed on the card printer.

Each blank card is accounted for before it goes out (``IssuanceService.begin_print``); the job is
followed on the printer's own worker until the queue says printed or failed. A printer that goes
offline or runs out of cards keeps the job's record pending: "Coba lagi" sends the same card again
under the same record, so it is never counted twice. A job the printer reports failed is counted as
a failed card, and the next attempt takes a new blank. A reprint of a card found spoiled at
signature needs a reason and the supervisor (``ReprintDialog``, used from the signature page).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import clock, sop
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.card_output import CardOutputService, blanks_used_on
from faskim_desktop.core.services.issuance import IssuanceService, PrintCount
from faskim_desktop.devices.protocols import DeviceKind, JobState, PrintJob
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.akhir_widgets import (
    CardFacts,
    ImageBox,
    MessageLine,
    card_facts,
    pdf_pages,
    weak,
)
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register

log = logging.getLogger(__name__)

PREVIEW_W, PREVIEW_H = 400, 256  # CR80 is 85.60 × 53.98 mm: 1.586:1


@dataclass(frozen=True)
class BlankCounts:
    case: PrintCount  # this case's blanks
    today: PrintCount  # every blank of the day at this office


def blank_counts(ctx: SeatContext, case_id: int) -> BlankCounts:
    return BlankCounts(
        IssuanceService(ctx.ws, ctx.principal).print_count(case_id), blanks_used_on(ctx.ws, clock.today())
    )


def pending_job(ctx: SeatContext, case_id: int) -> tuple[int, str] | None:
    """The case's print record still waiting for the printer's word, with its job id (None if none)."""
    from sqlalchemy import select

    from faskim_desktop.store.tables import CardPrint

    with ctx.ws.store.read() as session:
        row = (
            session.execute(
                select(CardPrint)
                .where(CardPrint.case_id == case_id, CardPrint.state == "pending", CardPrint.job_id != "")
                .order_by(CardPrint.id.desc())
            )
            .scalars()
            .first()
        )
        return (row.id or 0, row.job_id) if row is not None else None


@register(sop.State.CETAK)
class CetakPage(StepPage):
    poll_interval_ms = 700

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pdf: bytes | None = None
        self.facts: CardFacts | None = None
        self.print_id: int | None = None
        self.job_id = ""
        self._kept_for: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._poll)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.front = ImageBox(PREVIEW_W, PREVIEW_H, self.tr("Pratinjau depan…"))
        self.back = ImageBox(PREVIEW_W, PREVIEW_H, self.tr("Pratinjau belakang…"))
        previews = QHBoxLayout()
        previews.addWidget(self.front)
        previews.addWidget(self.back)
        previews.addStretch(1)

        self.printer_label = QLabel()
        self.job_label = QLabel(self.tr("Belum dicetak."))
        self.count_label = QLabel()
        self.count_label.setObjectName("printCounts")
        status = QFormLayout()
        status.addRow(self.tr("Printer kartu:"), self.printer_label)
        status.addRow(self.tr("Status pekerjaan:"), self.job_label)
        status.addRow(self.tr("Blangko kartu berkas ini:"), self.count_label)
        self.day_label = QLabel()
        self.day_label.setObjectName("printCountsToday")
        status.addRow(self.tr("Blangko kartu hari ini:"), self.day_label)
        box = QGroupBox(self.tr("Pencetakan (CR80, depan-belakang)"))
        box.setLayout(status)

        self.message = MessageLine()
        self.print_button = QPushButton(self.tr("&Cetak kartu"))
        self.print_button.setDefault(True)
        self.print_button.setAutoDefault(True)
        self.print_button.clicked.connect(self.print_card)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(previews)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # --- loading ---------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self._timer.stop()
        self.pdf = None
        self.print_id = None
        self.job_id = ""
        self.front.show_image(None)
        self.back.show_image(None)
        self.job_label.setText(self.tr("Belum dicetak."))
        self.print_button.setEnabled(False)
        self.print_button.setText(self.tr("&Cetak kartu"))
        assert self.ctx.devices is not None
        self.printer_label.setText(self.ctx.devices.driver_name(DeviceKind.PRINTER))
        self.message.info(self.tr("Memproses… kartu disusun dan segel ditandatangani."))
        ctx, case_id = self.ctx, case.id

        def work() -> tuple[CardFacts, bytes, BlankCounts, tuple[int, str] | None]:
            from faskim_desktop.documents.compose.card import render_case_card

            pdf = (
                CardOutputService(ctx.ws, ctx.principal).latest(case_id)
                if pending_job(ctx, case_id)
                else None
            )
            pdf = pdf or render_case_card(ctx.ws, case_id)
            return card_facts(ctx.ws, case_id), pdf, blank_counts(ctx, case_id), pending_job(ctx, case_id)

        ctx.run(work, weak(self._loaded), None, weak(self._failed_load))

    def _loaded(self, result: tuple[CardFacts, bytes, BlankCounts, tuple[int, str] | None]) -> None:
        self.facts, self.pdf, counts, pending = result
        self.summary.setText(
            self.tr(
                "Nomor register %1 · %2 · berlaku hingga %3. Periksa pratinjau, masukkan blangko kartu, "
                "lalu cetak."
            )
            .replace("%1", self.facts.register_no)
            .replace("%2", self.facts.name)
            .replace("%3", self.facts.valid_until.strftime("%d-%m-%Y") if self.facts.valid_until else "—")
        )
        pages = pdf_pages(self.pdf, PREVIEW_H - 6)
        self.front.show_image(pages[0] if pages else None)
        self.back.show_image(pages[1] if len(pages) > 1 else None)
        self._show_counts(counts)
        self.message.clear_message()
        if pending is not None:  # a job sent before the app was closed: follow it, do not send again
            self.print_id, self.job_id = pending
            self._kept_for.add(pending[0])
            self.message.info(self.tr("Pekerjaan cetak sebelumnya masih tercatat; statusnya diperiksa…"))
            self._timer.start(0)
            return
        self.print_button.setEnabled(True)
        self.print_button.setFocus()

    def _failed_load(self, error: BaseException) -> None:
        self.message.error(error)

    def _show_counts(self, counts: BlankCounts) -> None:
        self.counts = counts.case
        for label, count in ((self.count_label, counts.case), (self.day_label, counts.today)):
            label.setText(
                self.tr("%1 tercetak · %2 gagal · %3 rusak")
                .replace("%1", str(count.completed))
                .replace("%2", str(count.failed))
                .replace("%3", str(count.spoiled))
            )

    # --- printing --------------------------------------------------------------------------------

    def print_card(self) -> None:
        """Account for the blank, keep the card PDF with the case, send it to the queue."""
        if self.case is None or self.pdf is None or not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        self.message.info(self.tr("Memproses… kartu dikirim ke printer."))
        ctx, case_id, pdf = self.ctx, self.case.id, self.pdf
        assert ctx.devices is not None
        printer = ctx.devices.driver_name(DeviceKind.PRINTER)
        kept = self._kept_for

        def account() -> int:
            print_id = IssuanceService(ctx.ws, ctx.principal).begin_print(case_id, printer)
            if print_id not in kept:
                CardOutputService(ctx.ws, ctx.principal).keep(case_id, pdf, print_id)
                kept.add(print_id)
            return print_id

        ctx.run(account, weak(self._accounted), None, weak(self._print_failed))

    def _accounted(self, print_id: int) -> None:
        self.print_id = print_id
        assert self.ctx.devices is not None and self.pdf is not None and self.facts is not None
        pdf, title = self.pdf, f"Kartu Faskim {self.facts.register_no}"  # no personal data in the title

        def submit(driver) -> PrintJob:  # type: ignore[no-untyped-def]
            return driver.submit(pdf, title, duplex=driver.supports_duplex(), page_size="CR80")

        self.ctx.devices.run(DeviceKind.PRINTER, submit, self._submitted, self._device_failed)

    def _submitted(self, job: PrintJob) -> None:
        self.job_id = job.job_id
        assert self.print_id is not None
        print_id = self.print_id
        ctx = self.ctx
        ctx.run(
            lambda: IssuanceService(ctx.ws, ctx.principal).job_submitted(print_id, job.job_id),
            lambda _=None: None,
            None,
            weak(self._print_failed),
        )
        self._show_job(job)
        self._timer.start(self.poll_interval_ms)

    def _poll(self) -> None:
        if not self.job_id:
            return
        job_id = self.job_id
        assert self.ctx.devices is not None
        self.ctx.devices.run(
            DeviceKind.PRINTER, lambda driver: driver.job_state(job_id), self._job_state, self._device_failed
        )

    def _job_state(self, job: PrintJob) -> None:
        if job.job_id != self.job_id:
            return
        self._show_job(job)
        if job.state in (JobState.PENDING, JobState.PROCESSING):
            self._timer.start(self.poll_interval_ms)
            return
        self.job_id = ""
        succeeded = job.state == JobState.COMPLETED
        print_id = self.print_id
        assert print_id is not None
        ctx, case_id = self.ctx, self.case.id if self.case else 0

        def finish() -> tuple[CaseRef, BlankCounts]:
            moved = IssuanceService(ctx.ws, ctx.principal).finish_print(
                print_id, succeeded, job.reason or job.state.value
            )
            return moved, blank_counts(ctx, case_id)

        done = weak(self._finished) if succeeded else weak(self._job_failed)
        ctx.run(finish, done, None, weak(self._print_failed))

    def _finished(self, result: tuple[CaseRef, BlankCounts]) -> None:
        moved, counts = result
        self._show_counts(counts)
        self.print_id = None
        self.message.ok(self.tr("Kartu tercetak. Teruskan kartu kepada Kepala Kantor untuk ditandatangani."))
        self.moved(moved)

    def _job_failed(self, result: tuple[CaseRef, BlankCounts]) -> None:
        _moved, counts = result
        self._show_counts(counts)
        self.print_id = None
        self.message.error(
            self.tr(
                "Printer melaporkan pekerjaan gagal; blangko dihitung sebagai kartu gagal. "
                "Periksa printer dan "
                "blangko, lalu cetak lagi."
            )
        )
        self.print_button.setText(self.tr("&Cetak lagi"))
        self.print_button.setEnabled(True)

    def _device_failed(self, error: BaseException) -> None:
        """Offline, out of cards, jammed before the job ended: the record stays pending for a retry."""
        self._timer.stop()
        self.job_id = ""
        self.job_label.setText(self.tr("Tertunda — pekerjaan disimpan, belum tercetak."))
        self.message.error(
            f"{self._explain(error)} "
            + self.tr(
                'Pekerjaan cetak disimpan; setelah printer siap, tekan "Coba lagi" '
                "(kartu tidak dihitung dua kali)."
            )
        )
        self.print_button.setText(self.tr("&Coba lagi"))
        self.print_button.setEnabled(True)

    def _print_failed(self, error: BaseException) -> None:
        self._timer.stop()
        self.message.error(error)
        self.print_button.setEnabled(True)

    @staticmethod
    def _explain(error: BaseException) -> str:
        from faskim_desktop.gui import i18n

        return i18n.explain(error)

    def _show_job(self, job: PrintJob) -> None:
        words = {
            JobState.PENDING: self.tr("Dalam antrean"),
            JobState.PROCESSING: self.tr("Sedang dicetak"),
            JobState.COMPLETED: self.tr("Tercetak"),
            JobState.FAILED: self.tr("Gagal"),
            JobState.CANCELLED: self.tr("Dibatalkan"),
        }
        self.job_label.setText(f"{words.get(job.state, job.state.value)} ({job.job_id})")


class ReprintDialog(QDialog):
    """A spoiled card found before signature: the reason and the supervisor's consent (name and password).

    The consent is checked by the service itself (``IssuanceService.reprint``), so the dialog only
    collects it; a refusal is shown in words in the dialog and nothing changes.
    """

    def __init__(self, ctx: SeatContext, case: CaseRef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case = case
        self.result_case: CaseRef | None = None
        self.setWindowTitle(self.tr("Cetak ulang kartu — persetujuan supervisor"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Misalnya: warna pudar, data terpotong, kartu tergores"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.supervisor = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Alasan kartu rusak:"), self.reason)
        form.addRow(self.tr("Nama pengguna &supervisor:"), self.supervisor)
        form.addRow(self.tr("&Kata sandi supervisor:"), self.password)
        self.message = MessageLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Setujui cetak ulang"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Kartu yang rusak tetap tercatat sebagai kartu rusak. Cetak ulang hanya dengan "
                "alasan dan persetujuan supervisor."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not ok.isEnabled():
            return
        ok.setEnabled(False)
        self.message.info(self.tr("Memproses…"))
        ctx, case_id = self.ctx, self.case.id
        reason, username, password = (
            self.reason.toPlainText(),
            self.supervisor.text().strip(),
            self.password.text(),
        )
        self.password.clear()

        def work() -> CaseRef:
            return IssuanceService(ctx.ws, ctx.principal).reprint(case_id, reason, username, password)

        ctx.run(work, weak(self._done), None, weak(self._refused))

    def _done(self, case: CaseRef) -> None:
        self.result_case = case
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.message.error(error)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
