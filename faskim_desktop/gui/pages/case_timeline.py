"""A case read-only, start to end (issue 9): every step — who, when, how long against the mutu
baku (over: red), the wait before it — every document and print, payment, signature, screening,
and every audit event of the case. Opened from the search page (Enter / double-click)."""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import messages
from faskim_desktop.core.services.timeline_views import Timeline, timeline
from faskim_desktop.gui.context import SeatContext

OVER = QColor("#FEE2E2")
OPEN = QColor("#FEF3C7")


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S") if moment else "—"


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], colours: list[QColor | None] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if colours and colours[r] is not None:
                item.setBackground(QBrush(colours[r]))
            if c and text[:1].isdigit() and len(text) < 10:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class CaseTimelineView(QWidget):
    """The story of one case; ``load(case_id)`` reads it on the store worker."""

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Timeline | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.steps = _table([self.tr("Langkah"), self.tr("Status"), self.tr("Masuk"), self.tr("Mulai"),
                             self.tr("Oleh"), self.tr("Selesai"), self.tr("Tunggu (mnt)"), self.tr("Kerja (mnt)"),
                             self.tr("Mutu baku (mnt)"), self.tr("Tindakan")])
        self.records = _table([self.tr("Waktu"), self.tr("Jenis"), self.tr("Apa"), self.tr("Oleh"),
                               self.tr("Keterangan")])
        self.events = _table([self.tr("No."), self.tr("Waktu"), self.tr("Pelaku"), self.tr("Kejadian"),
                              self.tr("Rincian")])
        self.tabs.addTab(self.steps, self.tr("&Langkah SOP"))
        self.tabs.addTab(self.records, self.tr("&Dokumen && cetak"))
        self.tabs.addTab(self.events, self.tr("&Jejak audit"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.facts)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    def load(self, case_id: int) -> None:
        self.title.setText(self.tr("Memuat…"))
        self.ctx.run(lambda: timeline(self.ctx.ws.store, case_id), self.show_timeline, self)

    def show_timeline(self, data: Timeline) -> None:
        self.data = data
        state = messages.text(f"state.{data.state}")
        self.title.setText(f"{data.number} — {state}")
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, value in (
            (self.tr("Pemohon"), data.name or "—"),
            (self.tr("Paspor / kewarganegaraan"), f"{data.passport_no or '—'} / {data.nationality or '—'}"),
            (self.tr("NIORA"), data.niora or "—"),
            (self.tr("Kuitansi / register"), f"{data.receipt_no or '—'} / {data.register_no or '—'}"),
            (self.tr("Dibuat"), f"{_when(data.created_at)} ({data.created_by})"),
        ):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts.addRow(label, value_label)
        over = sum(1 for s in data.steps if s.over)
        self.summary.setText(
            self.tr("%1 kunjungan langkah; kerja %2 mnt, tunggu %3 mnt; %4 langkah melebihi mutu baku.")
            .replace("%1", str(len(data.steps))).replace("%2", _minutes(data.total_work_minutes))
            .replace("%3", _minutes(data.total_wait_minutes)).replace("%4", str(over))
        )
        rows, colours = [], []
        for s in data.steps:
            rows.append([s.step, messages.text(f"state.{s.state}"), _when(s.entered_at), _when(s.started_at),
                         s.finished_by or s.started_by or "—", _when(s.finished_at), _minutes(s.wait_minutes),
                         _minutes(s.work_minutes), str(s.mutu_baku_minutes or "—"),
                         messages.text(f"action.{s.action}") if s.action else self.tr("(berjalan)")])
            colours.append(OVER if s.over else OPEN if s.finished_at is None else None)
        _fill(self.steps, rows, colours)
        _fill(self.records, [[_when(r.at), r.kind, r.what, r.who, r.detail] for r in data.records])
        _fill(self.events, [[str(e.seq), _when(e.at), e.actor, e.action,
                             json.dumps(e.details, ensure_ascii=False)[:200]] for e in data.events])
        self.tabs.setTabText(1, self.tr("&Dokumen && cetak (%1)").replace("%1", str(len(data.records))))
        self.tabs.setTabText(2, self.tr("&Jejak audit (%1)").replace("%1", str(len(data.events))))


class CaseTimelineDialog(QDialog):
    def __init__(self, ctx: SeatContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat berkas (hanya baca)"))
        self.view = CaseTimelineView(ctx, self)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reject)
        self.resize(1200, 700)
        self.view.load(case_id)


def show_timeline(ctx: SeatContext, case_id: int, parent: QWidget | None = None) -> CaseTimelineDialog:
    dialog = CaseTimelineDialog(ctx, case_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
