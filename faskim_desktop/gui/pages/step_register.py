"""Step 8 — Nomor register: the store allocates the number (gapless per year, never reused, unique
across seats) in the same transaction as the step; the page shows it before printing starts."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from faskim_desktop.core import sop
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.issuance import IssuanceService
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.akhir_widgets import CardFacts, MessageLine, card_facts, weak
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register


@register(sop.State.REGISTER)
class RegisterPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._assigned: CaseRef | None = None
        intro = QLabel(
            self.tr(
                "Nomor register diberikan otomatis oleh sistem saat halaman ini dibuka: berurutan per tahun, "
                "tidak pernah dipakai ulang, dan unik di semua kursi."
            )
        )
        intro.setWordWrap(True)
        self.register_label = QLabel("—")
        big = QFont(self.register_label.font())
        big.setPointSize(big.pointSize() + 10)
        big.setBold(True)
        self.register_label.setFont(big)
        self.register_label.setObjectName("registerNumber")
        self.applicant_label = QLabel()
        self.passport_label = QLabel()
        self.valid_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Nomor register:"), self.register_label)
        form.addRow(self.tr("Pemohon:"), self.applicant_label)
        form.addRow(self.tr("Nomor paspor:"), self.passport_label)
        form.addRow(self.tr("Kartu berlaku hingga:"), self.valid_label)
        self.message = MessageLine()
        self.retry_button = QPushButton(self.tr("&Coba beri nomor lagi"))
        self.retry_button.clicked.connect(self._assign)
        self.retry_button.setVisible(False)
        self.next_button = QPushButton(self.tr("&Lanjut ke pencetakan kartu"))
        self.next_button.setDefault(True)
        self.next_button.setAutoDefault(True)
        self.next_button.setEnabled(False)
        self.next_button.clicked.connect(self._next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self._assigned = None
        self.register_label.setText("—")
        self.applicant_label.clear()
        self.passport_label.clear()
        self.valid_label.clear()
        self.next_button.setEnabled(False)
        self._assign()

    def _assign(self) -> None:
        if self.case is None:
            return
        ctx, case_id = self.ctx, self.case.id
        self.retry_button.setVisible(False)
        self.message.info(self.tr("Memproses… nomor register sedang diberikan."))

        def work() -> tuple[CaseRef, CardFacts]:
            moved = IssuanceService(ctx.ws, ctx.principal).assign_register(case_id)
            return moved, card_facts(ctx.ws, case_id)

        ctx.run(work, weak(self._assigned_ok), None, weak(self._failed))

    def _assigned_ok(self, result: tuple[CaseRef, CardFacts]) -> None:
        moved, facts = result
        self._assigned = moved
        self.register_label.setText(facts.register_no)
        self.applicant_label.setText(facts.name)
        self.passport_label.setText(facts.passport_no)
        self.valid_label.setText(facts.valid_until.strftime("%d-%m-%Y") if facts.valid_until else "—")
        self.message.ok(
            self.tr("Nomor register %1 tercatat. Lanjutkan ke pencetakan kartu.").replace(
                "%1", facts.register_no
            )
        )
        self.next_button.setEnabled(True)
        self.next_button.setFocus()
        self.ctx.events.case_moved.emit(moved)  # queues refresh at once

    def _failed(self, error: BaseException) -> None:
        self.message.error(error)
        self.retry_button.setVisible(True)

    def _next(self) -> None:
        if self._assigned is not None:
            self.next_button.setEnabled(False)
            self.moved(self._assigned)
