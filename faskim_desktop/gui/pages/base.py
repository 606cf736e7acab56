"""The base of every step page, and the page used for steps that need no form of their own."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from faskim_desktop.core import messages, sop
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.gui.context import SeatContext


class StepPage(QWidget):
    """A page for one or more SOP states of a case.

    ``load`` is called each time the wizard shows the page for a case; after a successful action
    the page emits ``case_changed`` with the new ``CaseRef`` and the wizard moves on.
    """

    states: tuple[sop.State, ...] = ()
    case_changed = Signal(object)

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: CaseRef | None = None

    def load(self, case: CaseRef) -> None:
        self.case = case

    def moved(self, case: CaseRef) -> None:
        """Call after an action succeeded."""
        self.case = case
        self.ctx.events.case_moved.emit(case)
        self.case_changed.emit(case)


class ActionStepPage(StepPage):
    """The state's actions that need no input, as buttons (e.g. assigning the register number)."""

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.info = QFormLayout()
        self.number = QLabel()
        self.state_label = QLabel()
        self.info.addRow(self.tr("Nomor permohonan:"), self.number)
        self.info.addRow(self.tr("Tahap:"), self.state_label)
        layout.addLayout(self.info)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        layout.addStretch(1)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.number.setText(case.number)
        self.state_label.setText(messages.text(f"state.{case.state.value}"))
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        allowed = [t for t in sop.actions_from(case.state)
                   if not t.exceptional and self.ctx.principal.has(*t.roles)]
        if not allowed:
            roles = ", ".join(messages.text(f"role.{r.value}") for r in sop.waiting_role(case.state))
            self.hint.setText(self.tr("Berkas ini menunggu tindakan dari: %1").replace("%1", roles))
        else:
            self.hint.setText("")
        self.buttons.addStretch(1)
