"""A phase wizard: the steps of one SOP phase, the case's current page, mutu baku and a live timer.

The wizard knows nothing of the SOP's order: it asks ``sop`` which steps belong to its phase and
which page shows the case's state (``pages.registry``). When an action moves the case out of
the phase, it says so and the main window routes the case on.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import clock, messages, sop
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.queues import acting, open_step
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.base import ActionStepPage, StepPage
from faskim_desktop.gui.pages.registry import page_type
from faskim_desktop.store.tables import Case, CaseStep

WARN_SHARE = 0.8  # the timer turns amber at 80% of the mutu baku


def format_elapsed(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class PhaseWizard(QWidget):
    left_phase = Signal(object)  # CaseRef whose state belongs to another phase (or ended)

    def __init__(self, ctx: SeatContext, phase: sop.Phase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.phase = phase
        self.case: CaseRef | None = None
        self._started: datetime | None = None
        self._pages: dict[type, StepPage] = {}
        self._acting = None  # the person with the roles office settings grant (designated signer)

        self.header = QLabel(self.tr("Belum ada berkas dibuka. Pilih berkas dari daftar pekerjaan."))
        font = QFont(self.header.font())
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.header.setFont(font)
        self.header.setWordWrap(True)
        self.mutu = QLabel()
        self.timer_label = QLabel()
        timer_font = QFont(self.timer_label.font())
        timer_font.setPointSize(timer_font.pointSize() + 6)
        timer_font.setBold(True)
        self.timer_label.setFont(timer_font)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.timer_label.setToolTip(self.tr("Waktu berjalan sejak langkah ini dimulai"))

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.header)
        titles.addWidget(self.mutu)
        top.addLayout(titles, 1)
        top.addWidget(self.timer_label)

        self.step_list = QListWidget()
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setFixedWidth(330)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setSpacing(3)
        for step in sop.steps_in(phase):
            minutes = (self.tr("%1 mnt").replace("%1", str(step.mutu_baku_minutes))
                       if step.mutu_baku_minutes else "—")
            item = QListWidgetItem(f"{step.number}. {messages.text('step.' + step.code)}  ({minutes})")
            item.setData(Qt.ItemDataRole.UserRole, step.number)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.step_list.addItem(item)

        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Pilih berkas dari daftar pekerjaan (F2) atau buat berkas baru (Ctrl+N)."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.stack.addWidget(self.empty)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(line)
        layout.addLayout(body, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_timer)

    # --- opening a case ---------------------------------------------------------------------

    def open_case(self, case_id: int) -> None:
        ctx = self.ctx

        def fetch() -> tuple[CaseRef, CaseStep | None, str]:
            self._acting = acting(ctx.ws, ctx.principal)
            StepService(ctx.ws, self._acting).start(case_id)  # the step's timer starts now
            with ctx.ws.store.read() as session:
                found = session.get(Case, case_id)
                applicant = ""
                if found is not None and found.foreigner_id:
                    from faskim_desktop.store.tables import Foreigner

                    person = session.get(Foreigner, found.foreigner_id)
                    applicant = person.name if person else ""
                return ref(found), open_step(ctx.ws, case_id), applicant

        ctx.run(fetch, self._show, self)

    def _show(self, loaded: tuple[CaseRef, CaseStep | None, str]) -> None:
        case, record, applicant = loaded
        if sop.phase_of(case.state) is not self.phase:
            self.left_phase.emit(case)
            return
        self.case = case
        self._started = clock.aware(record.started_at or record.entered_at) if record else None
        step = sop.step_of(case.state)
        assert step is not None
        name = f" — {applicant}" if applicant else ""
        self.header.setText(
            self.tr("Langkah %1: %2").replace("%1", step.number).replace("%2", messages.text("step." + step.code))
            + f"   [{case.number}{name}]"
        )
        self._mutu_minutes = step.mutu_baku_minutes
        mutu_text = (self.tr("Mutu baku: %1 menit").replace("%1", str(step.mutu_baku_minutes))
                     if step.mutu_baku_minutes else self.tr("Mutu baku: tidak ditetapkan SOP"))
        self.mutu.setText(mutu_text + "  ·  " + messages.text("state." + case.state.value))
        for row in range(self.step_list.count()):
            item = self.step_list.item(row)
            number = item.data(Qt.ItemDataRole.UserRole)
            current = number == step.number
            item.setSelected(current)
            bold = QFont(item.font())
            bold.setBold(current)
            item.setFont(bold)
            item.setForeground(QColor("#0b57d0") if current else QColor("#202124"))
        page = self._page_for(case.state)
        page.load(case)
        self.stack.setCurrentWidget(page)
        page.setFocus()
        self._update_timer()
        self._tick.start()

    def _page_for(self, state: sop.State) -> StepPage:
        cls = page_type(state) or ActionStepPage
        roles = sop.actors(state)
        if not (self._acting or self.ctx.principal).has(*roles):
            cls = ActionStepPage  # someone else's step: show where it stands, offer nothing
        if cls not in self._pages:
            page = cls(self.ctx, self)
            page.case_changed.connect(self._case_changed)
            self._pages[cls] = page
            self.stack.addWidget(page)
        return self._pages[cls]

    def _case_changed(self, case: CaseRef) -> None:
        if sop.phase_of(case.state) is self.phase:
            self.open_case(case.id)
        else:
            self.close_case()
            self.left_phase.emit(case)

    def close_case(self) -> None:
        self.case = None
        self._tick.stop()
        self.timer_label.clear()
        self.mutu.clear()
        self.header.setText(self.tr("Belum ada berkas dibuka. Pilih berkas dari daftar pekerjaan."))
        self.stack.setCurrentWidget(self.empty)

    def _update_timer(self) -> None:
        if self._started is None:
            self.timer_label.clear()
            return
        elapsed = (clock.now() - self._started).total_seconds()
        self.timer_label.setText(format_elapsed(elapsed))
        limit = (self._mutu_minutes or 0) * 60
        colour = "#188038"
        if limit and elapsed > limit:
            colour = "#c5221f"
        elif limit and elapsed > WARN_SHARE * limit:
            colour = "#e37400"
        self.timer_label.setStyleSheet(f"color: {colour};")
