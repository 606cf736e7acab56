"""Step 4 — the cekal check: automatic screening (CEKAL) and Wasdakim's decision on a hit (DITAHAN).

SOP step 4 and Identifikasi Langkah 2d(13): "(a) Jika terdapat dalam daftar cekal ditindaklanjuti
oleh bidang Wasdakim; (b) Jika tidak terdapat dalam daftar cekal dapat dilanjutkan verifikasi."
The screening normally runs as the data is saved (step 3); a case left in CEKAL (a crash between
the two) is screened as soon as its page opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.screening.service import Hit, Reason
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.screening_step import ScreeningStepService, ScreeningView
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
from faskim_desktop.gui.pages.wasdakim_hits import WasdakimHitsWidget
from faskim_desktop.store.tables import Case, Foreigner


def hits_of(view: ScreeningView | None) -> tuple[Hit, ...]:
    """The stored JSON hits (``screening_step.outcome_json``) as the screening's own objects."""
    if view is None:
        return ()
    out = []
    for raw in view.hits:
        reasons = tuple(Reason(str(r.get("code", "")), dict(r.get("params") or {})) for r in raw.get("reasons", []))
        out.append(Hit(str(raw.get("entry", "")), int(raw.get("score", 0)), reasons, str(raw.get("list_type", "")),
                       str(raw.get("name", ""))))
    return tuple(out)


@register(sop.State.CEKAL)
class CekalPage(StepPage):
    """Runs the screening by itself; shows what happens and offers a retry when it fails."""

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("&Ulangi pemeriksaan cekal"))
        self.retry_button.clicked.connect(self.screen)
        self.busy = Busy(self.retry_button, self.tr("Memeriksa daftar cekal…"))
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.retry_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.message.clear()
        self.screen()

    def screen(self) -> None:
        if self.case is None or not self.busy.start():
            return
        self.status.setText(self.tr("Data pemohon berkas %1 sedang diperiksa pada daftar cekal secara otomatis…")
                            .replace("%1", self.case.number))
        ctx, case_id = self.ctx, self.case.id

        def failed(error: BaseException) -> None:
            self.busy.stop()
            self.status.setText(self.tr("Pemeriksaan cekal belum selesai."))
            self.message.error(error)

        def done(case: CaseRef) -> None:
            self.busy.stop()
            self.moved(case)

        ctx.run(lambda: ScreeningStepService(ctx.ws, ctx.principal).screen(case_id), done, self, failed)


@dataclass(frozen=True)
class HeldView:
    case: CaseRef
    screening: ScreeningView | None
    applicant: dict[str, str]


@register(sop.State.DITAHAN)
class DitahanPage(StepPage):
    """Wasdakim: the matched entries and why, then "not the same person" or "confirmed"."""

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.intro = QLabel(self.tr(
            "Data pemohon mirip dengan entri daftar cekal. Bandingkan data pemohon dengan entri di bawah, "
            "lalu putuskan. \"Bukan orang yang sama\" melanjutkan berkas; \"Terkonfirmasi cekal\" menghentikan "
            "berkas dan menyerahkannya ke prosedur cekal."
        ))
        self.intro.setWordWrap(True)
        applicant_box = QGroupBox(self.tr("Data pemohon"))
        self.applicant_form = QFormLayout(applicant_box)
        self.applicant_labels: dict[str, QLabel] = {}
        for key, text in (("name", self.tr("Nama:")), ("birth_date", self.tr("Tanggal lahir:")),
                          ("nationality", self.tr("Kewarganegaraan:")), ("passport_no", self.tr("No. paspor:"))):
            label = QLabel()
            self.applicant_labels[key] = label
            self.applicant_form.addRow(text, label)
        hits_box = QGroupBox(self.tr("Entri daftar cekal yang cocok dan alasannya"))
        hits_layout = QVBoxLayout(hits_box)
        self.hits = WasdakimHitsWidget()
        hits_layout.addWidget(self.hits)
        self.list_version = QLabel()
        hits_layout.addWidget(self.list_version)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.reason.setPlaceholderText(self.tr("Alasan keputusan (wajib), mis. tanggal lahir dan nomor paspor berbeda"))
        self.reason_error = error_label()
        reason_label = QLabel(self.tr("&Alasan keputusan:"))
        reason_label.setBuddy(self.reason)
        self.clear_button = QPushButton(self.tr("Bukan orang yang &sama"))
        self.confirm_button = QPushButton(self.tr("Terkonfirmasi &cekal"))
        self.confirm_button.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.clear_button.clicked.connect(lambda: self.decide(False))
        self.confirm_button.clicked.connect(lambda: self.decide(True))
        self.message = MessageLine()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(applicant_box)
        layout.addWidget(hits_box, 1)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.reason_error)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.reason.clear()
        self.message.clear()
        mark(self.reason, self.reason_error, "")
        self._enable(False)
        ctx = self.ctx

        def work() -> HeldView:
            view = ScreeningStepService(ctx.ws, ctx.principal).latest(case.id)
            applicant: dict[str, str] = {}
            with ctx.ws.store.read() as session:
                found = session.get(Case, case.id)
                person = session.get(Foreigner, found.foreigner_id) if found and found.foreigner_id else None
                if person is not None:
                    applicant = {
                        "name": person.name, "nationality": person.nationality, "passport_no": person.passport_no,
                        "birth_date": person.birth_date.strftime("%d-%m-%Y") if person.birth_date else "",
                    }
            return HeldView(case, view, applicant)

        ctx.run(work, self._show, self, self.message.error)

    def _show(self, held: HeldView) -> None:
        if self.case is None or held.case.id != self.case.id:
            return
        for key, label in self.applicant_labels.items():
            label.setText(held.applicant.get(key, "") or "—")
        self.hits.set_hits(hits_of(held.screening))
        version = held.screening.list_version if held.screening else None
        self.list_version.setText(
            self.tr("Versi daftar cekal: %1").replace("%1", str(version)) if version is not None else ""
        )
        self._enable(True)
        self.reason.setFocus()

    def _enable(self, enabled: bool) -> None:
        for button in (self.clear_button, self.confirm_button):
            button.setEnabled(enabled)

    def decide(self, confirmed: bool) -> None:
        if self.case is None or not self.clear_button.isEnabled():
            return
        reason = self.reason.toPlainText()
        mark(self.reason, self.reason_error, "")
        self._enable(False)
        ctx, case_id = self.ctx, self.case.id

        def failed(error: BaseException) -> None:
            self._enable(True)
            for err in field_errors(error).values():
                mark(self.reason, self.reason_error, message_of(err))
            self.message.error(error)

        def done(case: CaseRef) -> None:
            self._enable(True)
            self.moved(case)

        ctx.run(lambda: ScreeningStepService(ctx.ws, ctx.principal).decide(case_id, confirmed, reason), done, self,
                failed)
