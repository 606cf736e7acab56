"""The SLA dashboard (issue 9): per SOP step the median and p90 work time against the mutu baku
(a line), the share within it and the wait before the step; cases per day; returned / held /
rejected counts — for today, this week or this month. The three slowest steps against their
standard (median / mutu baku) are drawn red in the chart, bold in the table and named at the
top; a row whose median is over the standard is red.

The figures are computed by ``core.sla`` on the store worker; this page only draws them.
"""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import messages, sla
from faskim_desktop.gui.context import SeatContext

NAVY = QColor("#1E3A5F")
LIGHT = QColor("#7BA7D1")
GOLD = QColor("#C9A227")
RED = QColor("#C0392B")
OVER_ROW = QColor("#FEE2E2")  # median over the mutu baku
LOW_ROW = QColor("#FEF3C7")  # among the three slowest against the standard


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


class DashboardPage(QWidget):
    rendered = Signal(float)  # milliseconds from asking to the charts drawn

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: sla.Summary | None = None
        self.slow_steps: set[str] = set()
        self.started = 0.0
        self.last_render_ms: float | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Hari ini"), sla.PeriodKind.DAY.value)
        self.kind.addItem(self.tr("Minggu ini"), sla.PeriodKind.WEEK.value)
        self.kind.addItem(self.tr("Bulan ini"), sla.PeriodKind.MONTH.value)
        self.kind.setCurrentIndex(2)
        self.anchor = QDateEdit(QDate.currentDate())
        self.anchor.setCalendarPopup(True)
        self.anchor.setDisplayFormat("dd-MM-yyyy")
        self.refresh_button = QPushButton(self.tr("&Tampilkan"))
        self.refresh_button.setDefault(True)
        kind_label = QLabel(self.tr("&Periode:"))
        kind_label.setBuddy(self.kind)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.counts = QLabel()
        self.slowest = QLabel()
        self.slowest.setStyleSheet(f"color: {RED.name()};")
        self.slowest.setWordWrap(True)

        self.step_chart = QChart()
        self.step_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.step_chart.setMargins(QMargins(4, 4, 4, 4))
        self.step_view = QChartView(self.step_chart)
        self.step_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.day_chart = QChart()
        self.day_chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.day_chart.setMargins(QMargins(4, 4, 4, 4))
        self.day_view = QChartView(self.day_chart)
        self.day_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Langkah"), self.tr("Kunjungan"), self.tr("Median (mnt)"), self.tr("P90 (mnt)"),
            self.tr("Mutu baku (mnt)"), self.tr("Dalam mutu baku"), self.tr("Tunggu median (mnt)"),
            self.tr("Tunggu rata-rata (mnt)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(kind_label)
        top.addWidget(self.kind)
        top.addWidget(self.anchor)
        top.addWidget(self.refresh_button)
        top.addSpacing(16)
        top.addWidget(self.heading, 1)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.step_view)
        charts.addWidget(self.day_view)
        charts.setSizes([640, 440])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(charts)
        body.addWidget(self.table)
        body.setSizes([360, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.slowest)
        layout.addWidget(body, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.anchor.dateChanged.connect(lambda _d: self.refresh())

    def period(self) -> sla.Period:
        value = self.anchor.date()
        return sla.period(self.kind.currentData(), date(value.year(), value.month(), value.day()))

    def refresh(self) -> None:
        which = self.period()
        self.started = time.perf_counter()
        self.refresh_button.setEnabled(False)
        self.heading.setText(self.tr("Menghitung…"))
        self.ctx.run(lambda: sla.summary(self.ctx.ws.store, which), self.show_summary, self,
                     self._failed)

    def _failed(self, error: BaseException) -> None:
        from faskim_desktop.gui.context import show_error

        self.refresh_button.setEnabled(True)
        self.heading.setText("")
        show_error(self, error)

    # --- drawing ------------------------------------------------------------------------------

    def show_summary(self, summary: sla.Summary) -> None:
        self.summary = summary
        self.refresh_button.setEnabled(True)
        p = summary.period
        last = p.days[-1]
        self.heading.setText(self.tr("%1 s.d. %2").replace("%1", p.start.strftime("%d-%m-%Y"))
                             .replace("%2", last.strftime("%d-%m-%Y")))
        self.counts.setText(
            self.tr("Diterima %1 · selesai %2 · dikembalikan %3 · dikembalikan untuk perbaikan %4 · "
                    "ditahan (cekal) %5 · ditolak %6")
            .replace("%1", str(summary.received)).replace("%2", str(summary.finished))
            .replace("%3", str(summary.returned)).replace("%4", str(summary.corrections))
            .replace("%5", str(summary.held)).replace("%6", str(summary.rejected)))
        slow = summary.slowest(3)
        self.slow_steps = {s.step for s in slow}
        over = [s for s in summary.steps if s.over]
        named = ", ".join(f"{s.step}. {messages.text('step.' + s.code)} ({_minutes(s.median_minutes)} / "
                          f"{s.mutu_baku_minutes} mnt)" for s in slow)
        self.slowest.setText(
            (self.tr("%1 langkah dengan median di atas mutu baku. ").replace("%1", str(len(over))) if over
             else self.tr("Semua median dalam mutu baku. "))
            + self.tr("Paling lambat dibanding mutu baku: %1").replace("%1", named or "—"))
        self._draw_steps(summary)
        self._draw_days(summary)
        self._fill_table(summary)
        self.last_render_ms = (time.perf_counter() - self.started) * 1000
        self.rendered.emit(self.last_render_ms)

    def _draw_steps(self, summary: sla.Summary) -> None:
        chart = self.step_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        steps = list(summary.steps)
        median = QBarSet(self.tr("Median"))
        median.setColor(NAVY)
        median.setSelectedColor(RED)
        p90 = QBarSet(self.tr("P90"))
        p90.setColor(LIGHT)
        top = 1.0
        for index, s in enumerate(steps):
            median.append(s.median_minutes or 0.0)
            p90.append(s.p90_minutes or 0.0)
            top = max(top, s.median_minutes or 0, s.p90_minutes or 0, s.mutu_baku_minutes or 0)
            if s.step in self.slow_steps:
                median.selectBar(index)  # the three slowest steps against their standard: drawn red
        bars = QBarSeries()
        bars.append(median)
        bars.append(p90)
        chart.addSeries(bars)
        standard = QLineSeries()
        standard.setName(self.tr("Mutu baku"))
        pen = QPen(GOLD)
        pen.setWidth(3)
        standard.setPen(pen)
        for index, s in enumerate(steps):
            if s.mutu_baku_minutes:
                standard.append(index, s.mutu_baku_minutes)
        chart.addSeries(standard)
        axis_x = QBarCategoryAxis()
        axis_x.append([s.step for s in steps])
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.1)
        axis_y.setLabelFormat("%.0f")
        axis_y.applyNiceNumbers()
        axis_y.setTitleText(self.tr("menit"))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, standard):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        chart.setTitle(self.tr("Waktu kerja per langkah: median dan P90 dibanding mutu baku"))
        chart.setTitleFont(_bold())
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def _draw_days(self, summary: sla.Summary) -> None:
        chart = self.day_chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        counts = QBarSet(self.tr("Permohonan masuk"))
        counts.setColor(NAVY)
        labels = []
        top = 1
        for day, n in summary.cases_per_day:
            counts.append(n)
            labels.append(day.strftime("%d"))
            top = max(top, n)
        series = QBarSeries()
        series.append(counts)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(labels or ["-"])
        small = QFont()
        small.setPointSize(7)
        axis_x.setLabelsFont(small)
        if len(labels) > 10:
            axis_x.setLabelsAngle(-90)
        axis_y = QValueAxis()
        axis_y.setRange(0, top * 1.1)
        axis_y.setLabelFormat("%.0f")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.setTitle(self.tr("Permohonan masuk per hari"))
        chart.setTitleFont(_bold())
        chart.legend().setVisible(False)

    def _fill_table(self, summary: sla.Summary) -> None:
        self.table.setRowCount(len(summary.steps))
        for row, s in enumerate(summary.steps):
            share = s.share_within
            values = [f"{s.step}. {messages.text('step.' + s.code)}", str(s.visits), _minutes(s.median_minutes),
                      _minutes(s.p90_minutes), str(s.mutu_baku_minutes or "—"),
                      "—" if share is None else f"{share * 100:.0f}%", _minutes(s.wait_median_minutes),
                      _minutes(s.wait_mean_minutes)]
            colour = OVER_ROW if s.over else LOW_ROW if s.step in self.slow_steps else None
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if s.step in self.slow_steps:
                    item.setFont(_bold())
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                self.table.setItem(row, column, item)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
