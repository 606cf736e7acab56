"""Step 2 — Periksa kelengkapan: each required document valid, invalid or missing, with a note.

SOP step 2 (and Identifikasi Langkah, Langkah Awal 2b–c, 2f–g): complete → the date and the
officer's paraf are recorded on the file and the case goes on to data entry; incomplete → a
surat pengembalian berkas lists what is missing, is printed, and the case ends as returned. A
returned file can be brought back as a new application from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.services.base import CaseRef, ref
from faskim_desktop.core.services.intake import DocumentVerdict, IntakeService
from faskim_desktop.core.services.paperwork import PaperworkService
from faskim_desktop.documents.compose.receipt import compose_receipt, document_names
from faskim_desktop.documents.compose.return_slip import compose_return_slip
from faskim_desktop.documents.receipt import render_receipt
from faskim_desktop.documents.return_slip import render_return_slip
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import (
    Busy,
    MessageLine,
    error_label,
    field_errors,
    mark,
    message_of,
)
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register
from faskim_desktop.gui.printing import keep_copy, print_pdf
from faskim_desktop.store.tables import Case

STATUSES = ("", "valid", "invalid", "missing")


@dataclass(frozen=True)
class PeriksaView:
    case: CaseRef
    submitter: str
    items: list[tuple[str, str, bool, bool, str, str]]  # code, name, required, received, status, note


def load_view(ctx: SeatContext, case: CaseRef) -> PeriksaView:
    with ctx.ws.store.read() as session:
        found = session.get(Case, case.id)
        assert found is not None
        names = document_names(session)
        items = [
            (c.doc_code, names.get(c.doc_code, c.doc_code), c.required, c.received, c.status, c.note)
            for c in IntakeService.checklist(session, case.id)
        ]
        return PeriksaView(ref(found), found.representative_name, items)


class DocumentRow:
    def __init__(
        self, page: PeriksaPage, code: str, name: str, required: bool, received: bool, status: str, note: str
    ) -> None:
        self.code = code
        self.required = required
        self.name = QLabel(f"{name}{' *' if required else ''}")
        self.name.setWordWrap(True)
        self.received = QLabel(
            QCoreApplication.translate("DocumentRow", "diterima")
            if received
            else QCoreApplication.translate("DocumentRow", "tidak diserahkan")
        )
        self.received.setStyleSheet("color: #188038;" if received else "color: #c5221f;")
        self.status = QComboBox()
        for value, text in zip(
            STATUSES,
            (
                QCoreApplication.translate("DocumentRow", "— pilih —"),
                QCoreApplication.translate("DocumentRow", "Sah"),
                QCoreApplication.translate("DocumentRow", "Tidak sah"),
                QCoreApplication.translate("DocumentRow", "Tidak ada"),
            ),
            strict=True,
        ):
            self.status.addItem(text, value)
        if not status:  # a first look: what was not handed in is missing, the rest presumed valid
            status = "valid" if received else "missing"
            if not received and not note:
                note = QCoreApplication.translate("DocumentRow", "Tidak diserahkan saat penerimaan berkas.")
        self.status.setCurrentIndex(max(0, STATUSES.index(status) if status in STATUSES else 0))
        self.note = QLineEdit(note)
        self.note.setPlaceholderText(
            QCoreApplication.translate("DocumentRow", "catatan (wajib bila tidak sah / tidak ada)")
        )
        self.error = error_label()
        self.name.setBuddy(self.status)

    def verdict(self) -> DocumentVerdict | None:
        value = self.status.currentData()
        return DocumentVerdict(value, self.note.text()) if value else None


@register(sop.State.PERIKSA)
class PeriksaPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: dict[str, DocumentRow] = {}
        self.returned: CaseRef | None = None
        self.submitter = ""

        self.intro = QLabel(
            self.tr(
                "Periksa keaslian dan keabsahan setiap dokumen. Berkas lengkap bila semua dokumen wajib sah; "
                "bila tidak, berkas dikembalikan dengan surat pengembalian."
            )
        )
        self.intro.setWordWrap(True)
        self.box = QGroupBox(self.tr("Hasil pemeriksaan dokumen (* wajib)"))
        self.grid = QGridLayout(self.box)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 4)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.intro)
        inner.addWidget(self.box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.summary = QLabel()
        self.check_button = QPushButton(self.tr("&Simpan hasil pemeriksaan"))
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.busy = Busy(self.check_button, self.tr("Memproses…"))
        self.message = MessageLine()

        # after a return: reprint the slip, reopen as a new application, or finish
        self.returned_box = QGroupBox(self.tr("Berkas dikembalikan"))
        self.returned_text = QLabel()
        self.returned_text.setWordWrap(True)
        self.reprint_button = QPushButton(self.tr("Cetak &ulang surat pengembalian"))
        self.reopen_button = QPushButton(self.tr("Buka kembali sebagai &permohonan baru"))
        self.done_button = QPushButton(self.tr("Sele&sai"))
        self.reprint_button.clicked.connect(self.reprint)
        self.reopen_button.clicked.connect(self.reopen)
        self.done_button.clicked.connect(self.finish_returned)
        returned_layout = QVBoxLayout(self.returned_box)
        returned_layout.addWidget(self.returned_text)
        row = QHBoxLayout()
        for button in (self.reprint_button, self.reopen_button, self.done_button):
            row.addWidget(button)
        row.addStretch(1)
        returned_layout.addLayout(row)
        self.returned_box.setVisible(False)
        self._last_pdf = b""

        self.receipt_button = QPushButton(self.tr("Cetak ulang tanda te&rima"))
        self.receipt_button.setAutoDefault(False)
        self.receipt_button.setToolTip(self.tr("Bila tanda terima langkah 1 belum tercetak"))
        self.receipt_button.clicked.connect(self.reprint_receipt)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.receipt_button)
        actions.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.returned_box)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    # --- loading --------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.returned = None
        self.returned_box.setVisible(False)
        self.receipt_button.setEnabled(True)
        self.box.setEnabled(True)
        self.message.clear()
        self.busy.stop()
        self.check_button.setEnabled(False)
        ctx = self.ctx
        ctx.run(lambda: load_view(ctx, case), self._show, self, self.message.error)

    def _show(self, view: PeriksaView) -> None:
        if self.case is None or view.case.id != self.case.id:
            return
        self.case = view.case
        self.submitter = view.submitter
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.rows.clear()
        headers = (self.tr("Dokumen"), self.tr("Saat diterima"), self.tr("Hasil"), self.tr("Catatan"))
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, column)
        line = 1
        for code, name, required, received, status, note in view.items:
            if not required and not received:
                continue  # an optional document not handed in needs no verdict
            row = DocumentRow(self, code, name, required, received, status, note)
            row.status.currentIndexChanged.connect(self._update_summary)
            self.rows[code] = row
            self.grid.addWidget(row.name, line, 0)
            self.grid.addWidget(row.received, line, 1)
            self.grid.addWidget(row.status, line, 2)
            self.grid.addWidget(row.note, line, 3)
            self.grid.addWidget(row.error, line + 1, 3)
            line += 2
        previous: QWidget | None = None
        for row in self.rows.values():  # tab order: status, note, next status ...
            if previous is not None:
                QWidget.setTabOrder(previous, row.status)
            QWidget.setTabOrder(row.status, row.note)
            previous = row.note
        if previous is not None:
            QWidget.setTabOrder(previous, self.check_button)
        self.check_button.setEnabled(True)
        self._update_summary()
        first = next(iter(self.rows.values()), None)
        if first:
            first.status.setFocus()

    def _update_summary(self) -> None:
        problems = [r for r in self.rows.values() if r.required and r.status.currentData() != "valid"]
        if problems:
            self.summary.setText(
                self.tr("%1 dokumen wajib belum sah: berkas akan DIKEMBALIKAN.").replace(
                    "%1", str(len(problems))
                )
            )
            self.summary.setStyleSheet("color: #c5221f; font-weight: bold;")
            self.check_button.setText(self.tr("&Kembalikan berkas && cetak surat"))
        else:
            self.summary.setText(self.tr("Semua dokumen wajib sah: berkas LENGKAP, paraf dicatat."))
            self.summary.setStyleSheet("color: #188038; font-weight: bold;")
            self.check_button.setText(self.tr("Berkas &lengkap (paraf)"))
        self.busy.idle_text = self.check_button.text()

    # --- the decision -------------------------------------------------------------------------------

    def verdicts(self) -> dict[str, DocumentVerdict]:
        return {code: v for code, row in self.rows.items() if (v := row.verdict()) is not None}

    def check(self) -> None:
        if self.case is None or not self.busy.start():
            return
        for row in self.rows.values():
            mark(row.status, row.error, "")
            mark(row.note, None, "")
        self.message.clear()
        ctx, case_id, verdicts = self.ctx, self.case.id, self.verdicts()

        def work() -> tuple[CaseRef, bytes]:
            moved = IntakeService(ctx.ws, ctx.principal).check_documents(case_id, verdicts)
            pdf = b""
            if moved.state is sop.State.DIKEMBALIKAN:
                with ctx.ws.store.read() as session:
                    pdf = render_return_slip(compose_return_slip(session, case_id))
                PaperworkService(ctx.ws, ctx.principal).keep(case_id, "surat_pengembalian", pdf)
                keep_copy(ctx, pdf, f"surat-pengembalian-{moved.number}")
            return moved, pdf

        ctx.run(work, self._checked, self, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        for code, err in field_errors(error).items():
            row = self.rows.get(code)
            if row is not None:
                target = row.note if err.code == "intake.note_required" else row.status
                mark(target, row.error, message_of(err))
        self.message.error(error)

    def _checked(self, result: tuple[CaseRef, bytes]) -> None:
        case, pdf = result
        self.busy.stop()
        if case.state is not sop.State.DIKEMBALIKAN:
            self.message.ok(
                self.tr("Berkas %1 lengkap; tanggal dan paraf tercatat.").replace("%1", case.number)
            )
            self.moved(case)
            return
        self.returned = case
        self.case = case
        self._last_pdf = pdf
        self.box.setEnabled(False)
        self.check_button.setEnabled(False)
        self.returned_text.setText(
            self.tr(
                "Berkas %1 dikembalikan kepada pemohon. Surat pengembalian dikirim ke printer dan salinannya "
                "disimpan. Berkas ini tetap tersimpan dan dapat dicari."
            ).replace("%1", case.number)
        )
        self.returned_box.setVisible(True)
        self.summary.clear()
        self.receipt_button.setEnabled(False)
        self.ctx.events.case_moved.emit(case)
        self._print(pdf, case.number)
        self.reopen_button.setFocus()

    def _print(self, pdf: bytes, number: str) -> None:
        ctx = self.ctx

        def printed(_: object) -> None:
            self.message.ok(self.tr("Surat pengembalian %1 dikirim ke printer.").replace("%1", number))

        def not_printed(error: BaseException) -> None:
            self.message.error(
                self.tr("Surat pengembalian belum tercetak: %1. Salinan tersimpan; cetak ulang.").replace(
                    "%1", message_of(error)
                )
            )

        print_pdf(ctx, pdf, f"Surat pengembalian {number}", "A4", printed, not_printed)

    def reprint_receipt(self) -> None:
        if self.case is None:
            return
        ctx, case_id, number = self.ctx, self.case.id, self.case.number
        self.receipt_button.setEnabled(False)

        def work() -> bytes:
            with ctx.ws.store.read() as session:
                return render_receipt(compose_receipt(session, case_id))

        def made(pdf: bytes) -> None:
            self.receipt_button.setEnabled(True)

            def printed(_: object) -> None:
                self.message.ok(self.tr("Tanda terima %1 dikirim ke printer.").replace("%1", number))

            def not_printed(error: BaseException) -> None:
                self.message.error(
                    self.tr("Tanda terima belum tercetak: %1").replace("%1", message_of(error))
                )

            print_pdf(ctx, pdf, f"Tanda terima {number}", "A4", printed, not_printed)

        def failed(error: BaseException) -> None:
            self.receipt_button.setEnabled(True)
            self.message.error(error)

        ctx.run(work, made, self, failed)

    def reprint(self) -> None:
        if self.returned is not None and self._last_pdf:
            self._print(self._last_pdf, self.returned.number)

    def reopen(self) -> None:
        if self.returned is None:
            return
        ctx, old = self.ctx, self.returned
        self.reopen_button.setEnabled(False)

        def done(case: CaseRef) -> None:
            self.reopen_button.setEnabled(True)
            self.returned = None
            self.returned_box.setVisible(False)
            self.moved(case)

        def failed(error: BaseException) -> None:
            self.reopen_button.setEnabled(True)
            self.message.error(error)

        ctx.run(lambda: IntakeService(ctx.ws, ctx.principal).reopen_as_new(old), done, self, failed)

    def finish_returned(self) -> None:
        if self.returned is not None:
            case, self.returned = self.returned, None
            self.returned_box.setVisible(False)
            self.moved(case)
