"""Find any case (issue 9): one search box (a name or number fragment) and filters (state,
creation dates); the results in a table that fetches page by page as it scrolls, so a million
cases never load at once. The query runs ~250 ms after typing stops, on the seat's store worker;
Enter or a double-click opens the case's timeline, read-only.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import clock, messages, search, sop
from faskim_desktop.gui.context import SeatContext

DEBOUNCE_MS = 250
PAGE = 100
ANY, OPEN, CLOSED = "", "__open__", "__closed__"
Index = QModelIndex | QPersistentModelIndex


class SearchResultModel(QAbstractTableModel):
    """Rows of one ``core.search.Search``, fetched a page at a time on the store worker.

    ``canFetchMore``/``fetchMore`` let the view ask for the next page when it scrolls near the
    end; a new query bumps ``generation`` so that a late page of the old query is dropped.
    """

    first_rows = Signal(float)  # milliseconds from the query's start to its first page shown
    finished = Signal(int, bool)  # rows so far, exhausted

    COLUMNS = ("number", "name", "passport_no", "niora", "state", "created_at", "receipt_no", "register_no")

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hits: list[search.Hit] = []
        self.query: search.Search | None = None
        self.generation = 0
        self.loading = False
        self.started = 0.0
        self.last_latency_ms: float | None = None
        self._headers = [self.tr("No. permohonan"), self.tr("Nama"), self.tr("Paspor"), self.tr("NIORA"),
                         self.tr("Status"), self.tr("Dibuat"), self.tr("No. kuitansi"), self.tr("No. register")]

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        hit = self.hits[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "state":
            return messages.text(f"state.{hit.state}")
        if column == "created_at":
            return hit.created_at.astimezone().strftime("%d-%m-%Y %H:%M")
        return getattr(hit, column)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self.query is not None and not self.query.exhausted
                and not self.loading)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetch()

    # --- queries ------------------------------------------------------------------------------

    def set_query(self, text: str, filters: search.Filters) -> None:
        self.generation += 1
        self.beginResetModel()
        self.hits = []
        self.query = search.Search(self.ctx.ws.store, text, filters)
        self.loading = False
        self.endResetModel()
        self.started = time.perf_counter()
        self.last_latency_ms = None
        self._fetch()

    def clear(self) -> None:
        self.generation += 1
        self.beginResetModel()
        self.hits, self.query, self.loading = [], None, False
        self.endResetModel()

    def _fetch(self) -> None:
        query, generation = self.query, self.generation
        if query is None:
            return
        self.loading = True
        self.ctx.run(lambda: query.next_page(PAGE), lambda page: self._arrived(generation, page),
                     None, lambda err: self._failed(generation, err))

    def _arrived(self, generation: int, page: list[search.Hit]) -> None:
        if generation != self.generation:
            return  # a page of a query the user has typed past
        self.loading = False
        if page:
            self.beginInsertRows(QModelIndex(), len(self.hits), len(self.hits) + len(page) - 1)
            self.hits.extend(page)
            self.endInsertRows()
        if self.last_latency_ms is None:
            self.last_latency_ms = (time.perf_counter() - self.started) * 1000
            self.first_rows.emit(self.last_latency_ms)
        self.finished.emit(len(self.hits), bool(self.query and self.query.exhausted))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self.generation:
            self.loading = False
            self.finished.emit(len(self.hits), True)
            from faskim_desktop.gui.context import show_error

            show_error(None, error)


class SearchPage(QWidget):
    """The search box, the filters and the result table."""

    open_requested = Signal(int)  # case id

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None, open_timeline: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Cari nama (sebagian), no. permohonan/kuitansi/register, paspor, NIORA…"))
        self.box.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.addItem(self.tr("Semua status"), ANY)
        self.state.addItem(self.tr("Masih berjalan"), OPEN)
        self.state.addItem(self.tr("Sudah berakhir"), CLOSED)
        for state in sop.State:
            self.state.addItem(messages.text(f"state.{state.value}"), state.value)
        self.use_dates = QCheckBox(self.tr("&Tanggal dibuat"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setEnabled(False)
        self.status = QLabel()
        self.model = SearchResultModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((170, 230, 100, 100, 190, 120, 160)):
            self.table.setColumnWidth(column, width)

        search_label = QLabel(self.tr("&Cari:"))
        search_label.setBuddy(self.box)
        state_label = QLabel(self.tr("&Status:"))
        state_label.setBuddy(self.state)
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.box, 1)
        filters = QHBoxLayout()
        filters.addWidget(state_label)
        filters.addWidget(self.state)
        filters.addSpacing(12)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.box, self.state)
        self.setTabOrder(self.state, self.use_dates)
        self.setTabOrder(self.use_dates, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.table)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_query)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._enter)
        self.state.currentIndexChanged.connect(lambda _i: self.timer.start())
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self.timer.start())
        self.date_to.dateChanged.connect(lambda _d: self.timer.start())
        self.model.finished.connect(self._show_count)
        self.table.activated.connect(lambda index: self._open(index.row()))
        if open_timeline:
            self.open_requested.connect(self._show_timeline)
        self.setFocusProxy(self.box)

    # --- behaviour ----------------------------------------------------------------------------

    def filters(self) -> search.Filters:
        choice = self.state.currentData()
        if choice == OPEN:
            states = tuple(s.value for s in sop.State if s not in sop.TERMINAL_STATES)
        elif choice == CLOSED:
            states = tuple(s.value for s in sop.TERMINAL_STATES)
        elif choice:
            states = (choice,)
        else:
            states = ()
        start = end = None
        if self.use_dates.isChecked():
            start = _date(self.date_from.date())
            end = _date(self.date_to.date())
        return search.Filters(states, start, end)

    def run_query(self) -> None:
        self.timer.stop()
        text = self.box.text().strip()
        filters = self.filters()
        if not text and filters.empty:
            self.model.clear()
            self.status.setText(self.tr("Ketik nama atau nomor."))
            return
        self.status.setText(self.tr("Mencari…"))
        self.model.set_query(text, filters)

    def _enter(self) -> None:
        if self.timer.isActive():
            self.run_query()
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.timer.start()

    def _show_count(self, rows: int, exhausted: bool) -> None:
        if rows == 0:
            self.status.setText(self.tr("Tidak ditemukan."))
        elif exhausted:
            self.status.setText(self.tr("%1 berkas.").replace("%1", str(rows)))
        else:
            self.status.setText(self.tr("%1+ berkas (gulir untuk lebih banyak).").replace("%1", str(rows)))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.model.hits):
            self.open_requested.emit(self.model.hits[row].case_id)

    def _show_timeline(self, case_id: int) -> None:
        from faskim_desktop.gui.pages.case_timeline import show_timeline

        self.timeline_dialog = show_timeline(self.ctx, case_id, self)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day()) if value.isValid() else clock.today()
