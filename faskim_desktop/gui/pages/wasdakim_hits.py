"""The cekal hits of a held case, as the Wasdakim officer reviews them.

Given the ``Hit`` objects stored with the case (``core.screening.service``), the widget lists each
matched list entry — reference, list type, score — with the reasons in words (the user's
language, via ``core.messages``), strongest first. The lead's Wasdakim queue embeds it beside the
"not the same person" / "confirmed" actions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core.screening.service import Hit

COLUMNS = 5


class WasdakimHitsWidget(QWidget):
    """Read-only table of a case's cekal hits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Referensi"), self.tr("Jenis daftar"), self.tr("Skor"), self.tr("Nama dalam daftar"),
             self.tr("Alasan kecocokan")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.set_hits(())

    def list_type_text(self, list_type: str) -> str:
        if list_type == "cegah":
            return self.tr("Cegah (dilarang keluar)")
        if list_type == "tangkal":
            return self.tr("Tangkal (dilarang masuk)")
        return list_type

    def set_hits(self, hits: Sequence[Hit]) -> None:
        ordered = sorted(hits, key=lambda h: (-h.score, h.entry))
        if ordered:
            self.summary.setText(self.tr("%n kemungkinan kecocokan dengan daftar cekal.", "", len(ordered)))
        else:
            self.summary.setText(self.tr("Tidak ada kecocokan dengan daftar cekal."))
        self.table.setRowCount(len(ordered))
        for row, hit in enumerate(ordered):
            reasons = "\n".join(reason.text() for reason in hit.reasons)
            cells = (hit.entry, self.list_type_text(hit.list_type), str(hit.score), hit.name, reasons)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def hits_shown(self) -> int:
        return self.table.rowCount()
