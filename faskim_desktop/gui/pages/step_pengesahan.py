"""Step 9 (signature) — the Kakanim or the designated official signs the printed card.

The official sees the printed card (the very PDF sent to the printer, kept with the case), confirms
that the office stamp and the register number are on it, and re-enters their password: signing is
an authenticated act (``Accounts.authenticate``), recorded and bound to the case's data hash by
``IssuanceService.sign``. Someone who may not sign is refused in words. A card found spoiled goes
back to printing with a reason and the supervisor's consent (``ReprintDialog``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.card_output import CardOutputService
from faskim_desktop.core.services.issuance import IssuanceService
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
from faskim_desktop.gui.pages.step_cetak import PREVIEW_H, PREVIEW_W, ReprintDialog


@register(sop.State.PENGESAHAN)
class PengesahanPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.facts: CardFacts | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.waiting = QLabel()
        self.front = ImageBox(PREVIEW_W, PREVIEW_H, self.tr("Kartu tercetak (depan)…"))
        self.back = ImageBox(PREVIEW_W, PREVIEW_H, self.tr("Kartu tercetak (belakang)…"))
        previews = QHBoxLayout()
        previews.addWidget(self.front)
        previews.addWidget(self.back)
        previews.addStretch(1)

        self.stamp = QCheckBox(self.tr("Cap &dinas dan nomor register telah dibubuhkan pada kartu"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kata sandi Anda, untuk mengesahkan"))
        self.password.returnPressed.connect(self.sign)
        form = QFormLayout()
        form.addRow("", self.stamp)
        self.password_label = QLabel(self.tr("&Kata sandi:"))
        self.password_label.setBuddy(self.password)
        form.addRow(self.password_label, self.password)

        self.message = MessageLine()
        self.reprint_button = QPushButton(self.tr("Kartu rusak — cetak &ulang…"))
        self.reprint_button.clicked.connect(self.request_reprint)
        self.sign_button = QPushButton(self.tr("&Tanda tangani"))
        self.sign_button.setDefault(True)
        self.sign_button.setAutoDefault(True)
        self.sign_button.clicked.connect(self.sign)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.waiting)
        layout.addLayout(previews)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setTabOrder(self.stamp, self.password)
        self.setTabOrder(self.password, self.sign_button)
        self.setTabOrder(self.sign_button, self.reprint_button)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.stamp.setChecked(False)
        self.password.clear()
        self.message.clear_message()
        self.sign_button.setEnabled(False)
        self.front.show_image(None)
        self.back.show_image(None)
        ctx, case_id = self.ctx, case.id

        def work() -> tuple[CardFacts, bytes | None, int]:
            pdf = CardOutputService(ctx.ws, ctx.principal).latest(case_id)
            others = len(IssuanceService(ctx.ws, ctx.principal).awaiting_signature())
            return card_facts(ctx.ws, case_id), pdf, others

        ctx.run(work, weak(self._loaded), None, weak(self.message.error))

    def _loaded(self, result: tuple[CardFacts, bytes | None, int]) -> None:
        self.facts, pdf, waiting = result
        self.summary.setText(
            self.tr(
                "Nomor register %1 · %2 · paspor %3. Periksa kartu tercetak, bubuhkan cap dinas, lalu "
                "tanda tangani."
            )
            .replace("%1", self.facts.register_no)
            .replace("%2", self.facts.name)
            .replace("%3", self.facts.passport_no)
        )
        self.waiting.setText(self.tr("Kartu menunggu tanda tangan: %1").replace("%1", str(waiting)))
        pages = pdf_pages(pdf, PREVIEW_H - 6) if pdf else []
        self.front.show_image(pages[0] if pages else None)
        self.back.show_image(pages[1] if len(pages) > 1 else None)
        self.sign_button.setEnabled(True)
        self.stamp.setFocus()

    def sign(self) -> None:
        if self.case is None or not self.sign_button.isEnabled():
            return
        if not self.stamp.isChecked():
            self.message.error(self.tr("Bubuhkan cap dinas dan nomor register, lalu centang konfirmasinya."))
            self.stamp.setFocus()
            return
        if not self.password.text():
            self.message.error(self.tr("Masukkan kata sandi Anda untuk mengesahkan."))
            self.password.setFocus()
            return
        self.sign_button.setEnabled(False)
        self.message.info(self.tr("Memproses… tanda tangan dicatat."))
        ctx, case_id, password = self.ctx, self.case.id, self.password.text()
        self.password.clear()

        def work() -> CaseRef:
            accounts = Accounts(
                ctx.ws.store, ctx.ws.settings.get("lockout_attempts"), ctx.ws.settings.get("lockout_minutes")
            )
            accounts.authenticate(ctx.principal.username, password)  # the signature is an authenticated act
            return IssuanceService(ctx.ws, ctx.principal).sign(case_id, stamp_applied=True)

        ctx.run(work, weak(self._signed), None, weak(self._refused))

    def _signed(self, case: CaseRef) -> None:
        self.message.ok(self.tr("Kartu disahkan. Berkas siap diserahkan."))
        self.moved(case)

    def _refused(self, error: BaseException) -> None:
        self.message.error(error)
        self.sign_button.setEnabled(True)
        self.password.setFocus()

    def request_reprint(self) -> None:
        if self.case is None:
            return
        dialog = ReprintDialog(self.ctx, self.case, self)
        self.reprint_dialog = dialog  # reachable from tests
        dialog.finished.connect(lambda _code: self._reprint_done(dialog))
        dialog.open()

    def _reprint_done(self, dialog: ReprintDialog) -> None:
        if dialog.result_case is not None:
            self.message.ok(self.tr("Cetak ulang disetujui; berkas kembali ke pencetakan."))
            self.moved(dialog.result_case)
