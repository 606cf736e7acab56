""""Berkas menunggu saya": the cases waiting for one of the person's roles, refreshed by polling."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from faskim_desktop.core import clock, messages
from faskim_desktop.core.services.queues import WorkItem, work_queue
from faskim_desktop.gui.context import SeatContext

_Index = QModelIndex | QPersistentModelIndex


class WorkQueueModel(QAbstractTableModel):
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorkItem] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            # Literal tr() calls, so lupdate finds them.
            return (self.tr("Nomor permohonan"), self.tr("Pemohon"), self.tr("Tahap"), self.tr("Menunggu sejak"),
                    self.tr("Antrean"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return item.number
            if column == 1:
                return item.applicant or "—"
            if column == 2:
                return messages.text(f"state.{item.state.value}")
            if column == 3:
                minutes = int((clock.now() - item.waiting_since).total_seconds() // 60)
                return item.waiting_since.astimezone().strftime("%d-%m %H:%M") + f" ({minutes} mnt)"
            return item.queue_ticket
        if role == Qt.ItemDataRole.UserRole:
            return item.case_id
        return None

    def replace(self, items: list[WorkItem]) -> None:
        if [(i.case_id, i.version) for i in items] == [(i.case_id, i.version) for i in self.items]:
            if not self.items:
                return
            self.dataChanged.emit(self.index(0, 3), self.index(max(0, len(self.items) - 1), 3))
            return
        self.beginResetModel()
        self.items = items
        self.endResetModel()


class WorkQueueView(QWidget):
    open_requested = Signal(int)

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = WorkQueueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._loading = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(ctx.ws.settings.get("poll_interval_ms")))
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.events.case_moved.connect(lambda _case: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        ctx = self.ctx

        def done(items: list[WorkItem]) -> None:
            if not shiboken6.isValid(self.model):  # the window closed while the query ran
                return
            self._loading = False
            self.model.replace(items)
            self.summary.setText(self.tr("%1 berkas menunggu Anda. Enter atau klik dua kali untuk membuka.")
                                 .replace("%1", str(len(items))))

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self.summary):
                return
            self._loading = False
            from faskim_desktop.gui import i18n

            self.summary.setText(i18n.explain(error))

        ctx.run(lambda: work_queue(ctx.ws, ctx.principal), done, self, failed)

    def _activated(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if case_id:
            self.open_requested.emit(int(case_id))
