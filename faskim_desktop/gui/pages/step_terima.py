"""Step 1 — Terima berkas: who brings the file, which documents were received, the tanda terima.

SOP IMI-GR.01.05-2537 step 1 and Identifikasi Langkah, Langkah Awal 2a: the file is received from
the applicant "atau yang diberi kuasa"; the checklist is the office's configured list
(``core.office`` ``document_checklist``). Ticks are saved as a draft as they are made, so closing
the app loses nothing; "Terima & cetak tanda terima" finishes the step and prints the receipt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.services.awal_intake import ApplicantNameService, draft_name
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.intake import IntakeService, Receipt
from faskim_desktop.core.services.paperwork import PaperworkService
from faskim_desktop.documents.compose.receipt import compose_receipt, document_names
from faskim_desktop.documents.receipt import render_receipt
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import (
    Busy,
    MessageLine,
    error_label,
    field_errors,
    mark,
    message_of,
    run_quietly,
)
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register
from faskim_desktop.gui.printing import keep_copy, print_pdf
from faskim_desktop.gui.queue_panel import QueuePanel
from faskim_desktop.store.tables import Case

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 600


@dataclass(frozen=True)
class TerimaView:
    case: CaseRef
    applicant_kind: str
    representative_name: str
    representative_id_no: str
    power_of_attorney_ref: str
    items: list[tuple[str, str, bool, bool]]  # code, name, required, received
    queue_ticket: str
    applicant_name: str


def load_view(ctx: SeatContext, case: CaseRef) -> TerimaView:
    from faskim_desktop.core.services.base import ref

    with ctx.ws.store.read() as session:
        found = session.get(Case, case.id)
        assert found is not None
        names = document_names(session)
        items = [
            (c.doc_code, names.get(c.doc_code, c.doc_code), c.required, c.received)
            for c in IntakeService.checklist(session, case.id)
        ]
        return TerimaView(ref(found), found.applicant_kind, found.representative_name, found.representative_id_no,
                          found.power_of_attorney_ref, items, found.queue_ticket, draft_name(found))


@register(sop.State.TERIMA)
class TerimaPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.checks: dict[str, QCheckBox] = {}
        self._loading = False
        self._saved_receipt: Receipt | None = None
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)

        self.queue_panel = QueuePanel(ctx, self)
        self.queue_panel.case_opened.connect(self.moved)

        # who hands in the file
        self.who_box = QGroupBox(self.tr("Yang menyerahkan berkas"))
        self.as_applicant = QRadioButton(self.tr("P&emohon / orang tua pemohon"))
        self.as_representative = QRadioButton(self.tr("&Kuasa (dengan surat kuasa)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.as_applicant)
        self.kind_group.addButton(self.as_representative)
        self.as_applicant.setChecked(True)
        self.applicant_name = QLineEdit()
        self.applicant_name.setPlaceholderText(self.tr("sesuai paspor, dicetak pada tanda terima"))
        self.submitter_name = QLineEdit()
        self.representative_id = QLineEdit()
        self.poa_ref = QLineEdit()
        self.poa_ref.setPlaceholderText(self.tr("nomor / tanggal surat kuasa"))
        self.errors = {
            "applicant_name": error_label(),
            "representative_name": error_label(),
            "representative_id_no": error_label(),
            "power_of_attorney_ref": error_label(),
            "received": error_label(),
        }
        kinds = QHBoxLayout()
        kinds.addWidget(self.as_applicant)
        kinds.addWidget(self.as_representative)
        kinds.addStretch(1)
        who = QFormLayout(self.who_box)
        who.addRow(kinds)
        who.addRow(self.tr("Nama pemohon (&anak):"), self._with_error(self.applicant_name, "applicant_name"))
        self.submitter_label = QLabel(self.tr("Nama yang me&nyerahkan:"))
        self.submitter_label.setBuddy(self.submitter_name)
        who.addRow(self.submitter_label, self._with_error(self.submitter_name, "representative_name"))
        self.id_label = QLabel(self.tr("No. &identitas kuasa:"))
        self.id_label.setBuddy(self.representative_id)
        who.addRow(self.id_label, self._with_error(self.representative_id, "representative_id_no"))
        self.poa_label = QLabel(self.tr("Su&rat kuasa:"))
        self.poa_label.setBuddy(self.poa_ref)
        who.addRow(self.poa_label, self._with_error(self.poa_ref, "power_of_attorney_ref"))

        # the checklist
        self.list_box = QGroupBox(self.tr("Dokumen yang diterima (* wajib)"))
        self.grid = QGridLayout(self.list_box)
        self.grid.setHorizontalSpacing(24)
        self.all_button = QPushButton(self.tr("Centang semua yang wa&jib"))
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(self.tick_required)
        self.count_label = QLabel()

        self.receive_button = QPushButton(self.tr("Terima && &cetak tanda terima"))
        self.receive_button.setDefault(True)
        self.receive_button.setAutoDefault(True)
        self.receive_button.clicked.connect(self.receive)
        self.busy = Busy(self.receive_button, self.tr("Memproses…"))
        self.message = MessageLine()
        self.draft_state = QLabel()
        self.draft_state.setStyleSheet("color: #5f6368;")

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.who_box)
        inner.addWidget(self.list_box)
        inner.addWidget(self.errors["received"])
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        actions = QHBoxLayout()
        actions.addWidget(self.all_button)
        actions.addWidget(self.count_label)
        actions.addSpacing(16)
        actions.addWidget(self.draft_state)
        actions.addStretch(1)
        actions.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.queue_panel)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.as_representative.toggled.connect(self._kind_changed)
        for edit in (self.applicant_name, self.submitter_name, self.representative_id, self.poa_ref):
            edit.textEdited.connect(self._changed)
        self._kind_changed()

    def _with_error(self, widget: QWidget, key: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.errors[key])
        return box

    # --- loading --------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        if self._draft_timer.isActive() and self.case is not None and self.case.id != case.id:
            self._draft_timer.stop()
            self.save_draft()  # what was ticked for the previous case is kept with it
        self._draft_timer.stop()
        super().load(case)
        self.message.clear()
        self.busy.stop()
        self.receive_button.setEnabled(False)
        ctx = self.ctx
        ctx.run(lambda: load_view(ctx, case), self._show, self, self.message.error)

    def _show(self, view: TerimaView) -> None:
        if self.case is None or view.case.id != self.case.id:
            return
        self.case = view.case
        self._loading = True
        try:
            self.as_representative.setChecked(view.applicant_kind == "kuasa")
            self.as_applicant.setChecked(view.applicant_kind != "kuasa")
            self.submitter_name.setText(view.representative_name)
            self.representative_id.setText(view.representative_id_no)
            self.poa_ref.setText(view.power_of_attorney_ref)
            self.applicant_name.setText(view.applicant_name)
            while self.grid.count():
                item = self.grid.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            self.checks.clear()
            rows = (len(view.items) + 1) // 2
            for index, (code, name, required, received) in enumerate(view.items):
                box = QCheckBox(f"{name}{' *' if required else ''}")
                box.setChecked(received)
                box.setProperty("doc_code", code)
                box.setProperty("required", required)
                box.toggled.connect(self._changed)
                self.checks[code] = box
                self.grid.addWidget(box, index % rows, index // rows)
            for key, label in self.errors.items():
                mark(self._widget_for(key), label, "")
            self._kind_changed()
        finally:
            self._loading = False
        self.receive_button.setEnabled(True)
        self._update_count()
        self.draft_state.setText(
            self.tr("Nomor antrean: %1").replace("%1", view.queue_ticket) if view.queue_ticket else ""
        )
        self.applicant_name.setFocus()

    def _widget_for(self, key: str) -> QWidget:
        return {
            "applicant_name": self.applicant_name,
            "representative_name": self.submitter_name,
            "representative_id_no": self.representative_id,
            "power_of_attorney_ref": self.poa_ref,
            "received": self.list_box,
            "surat_kuasa": self.list_box,
        }.get(key, self.list_box)

    # --- editing ----------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        kuasa = self.as_representative.isChecked()
        for widget in (self.id_label, self.representative_id, self.poa_label, self.poa_ref):
            widget.setVisible(kuasa)
        self.submitter_label.setText(self.tr("&Nama kuasa:") if kuasa else self.tr("Nama yang me&nyerahkan:"))
        if "surat_kuasa" in self.checks:
            self.checks["surat_kuasa"].setText(
                self.checks["surat_kuasa"].text().rstrip(" *") + (" *" if kuasa else "")
            )
        self._changed()

    def _changed(self, *_: object) -> None:
        self._update_count()
        if self._loading or self.case is None:
            return
        self.draft_state.setText(self.tr("Belum tersimpan…"))
        self._draft_timer.start()

    def _update_count(self) -> None:
        ticked = sum(1 for box in self.checks.values() if box.isChecked())
        self.count_label.setText(self.tr("%1 dari %2 dokumen dicentang").replace("%1", str(ticked))
                                 .replace("%2", str(len(self.checks))))

    def tick_required(self) -> None:
        for box in self.checks.values():
            if box.property("required"):
                box.setChecked(True)

    def receipt(self) -> Receipt:
        return Receipt(
            applicant_kind="kuasa" if self.as_representative.isChecked() else "pemohon",
            representative_name=self.submitter_name.text(),
            representative_id_no=self.representative_id.text() if self.as_representative.isChecked() else "",
            power_of_attorney_ref=self.poa_ref.text() if self.as_representative.isChecked() else "",
            received=tuple(code for code, box in self.checks.items() if box.isChecked()),
        )

    def save_draft(self) -> None:
        if self.case is None:
            return
        ctx, case_id, receipt = self.ctx, self.case.id, self.receipt()
        name = self.applicant_name.text()

        def work() -> CaseRef:
            # the ticks are kept even when a typed name is refused (too long, a digit in it)
            saved = IntakeService(ctx.ws, ctx.principal).save_receipt_draft(case_id, receipt)
            ApplicantNameService(ctx.ws, ctx.principal).remember(case_id, name)
            return saved

        def saved(case: CaseRef) -> None:
            if self.case is not None and self.case.id == case.id:
                self.case = case
            self.draft_state.setText(self.tr("Tersimpan otomatis"))
            for key in ("applicant_name", "representative_name", "representative_id_no", "power_of_attorney_ref"):
                mark(self._widget_for(key), self.errors[key], "")

        def failed(error: BaseException) -> None:
            self.draft_state.setText(self.tr("Draf belum tersimpan: %1").replace("%1", message_of(error)))
            for key, err in field_errors(error).items():
                if key in self.errors:
                    mark(self._widget_for(key), self.errors[key], message_of(err))

        run_quietly(ctx, work, saved, self, failed)

    # --- finishing the step -------------------------------------------------------------------------

    def receive(self) -> None:
        if self.case is None or not self.busy.start():
            return
        self._draft_timer.stop()
        for key, label in self.errors.items():
            mark(self._widget_for(key), label, "")
        self.message.clear()
        ctx, case_id, receipt = self.ctx, self.case.id, self.receipt()
        applicant = self.applicant_name.text()

        def work() -> tuple[CaseRef, bytes, str]:
            ApplicantNameService(ctx.ws, ctx.principal).remember(case_id, applicant)
            moved = IntakeService(ctx.ws, ctx.principal).receive(case_id, receipt)
            with ctx.ws.store.read() as session:
                data = compose_receipt(session, case_id)
            pdf = render_receipt(data)
            PaperworkService(ctx.ws, ctx.principal).keep(case_id, "tanda_terima", pdf)
            path = keep_copy(ctx, pdf, f"tanda-terima-{moved.number}")
            return moved, pdf, str(path)

        ctx.run(work, self._received, self, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        errors = field_errors(error)
        for key, err in errors.items():
            target = "received" if key in {"received", "surat_kuasa", "applicant_kind"} else key
            if target in self.errors:
                mark(self._widget_for(target), self.errors[target], message_of(err))
        self.message.error(error)

    def _received(self, result: tuple[CaseRef, bytes, str]) -> None:
        case, pdf, _path = result
        self.busy.stop()
        ctx = self.ctx
        number = case.number

        def printed(job: object) -> None:
            ctx.events.status.emit(self.tr("Tanda terima %1 dikirim ke printer.").replace("%1", number))

        def not_printed(error: BaseException) -> None:
            ctx.events.status.emit(
                self.tr("Tanda terima %1 belum tercetak: %2 (salinan tersimpan)")
                .replace("%1", number).replace("%2", message_of(error))
            )

        print_pdf(ctx, pdf, f"Tanda terima {number}", "A4", printed, not_printed)
        self.message.ok(self.tr("Berkas %1 diterima; tanda terima dicetak.").replace("%1", number))
        self.moved(case)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.receive_button.isEnabled():
            focused = self.focusWidget()
            if isinstance(focused, QLineEdit):
                self.focusNextChild()
                return
        super().keyPressEvent(event)
