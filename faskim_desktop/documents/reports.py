"""Reports (issue 9): daily counter report, bendahara's daily payment report reconciled with the
receipts, and the monthly SLA report against the SOP's mutu baku, with charts.

Inputs are the dataclasses in ``models``; the numbers are computed by the services from the
store. The one piece of logic here is ``reconcile()``, which matches payments with issued
receipt numbers and names every discrepancy (it is pure and tested on its own).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, TableStyle

from faskim_desktop.documents.fonts import fonts
from faskim_desktop.documents.formatting import lang, long_date, method_name, month_year
from faskim_desktop.documents.letterhead import GOLD, NAVY, RED
from faskim_desktop.documents.models import (
    CounterDailyReportData,
    PaymentDailyReportData,
    SlaReportData,
)
from faskim_desktop.documents.pages import (
    build,
    generated_line,
    grid_table,
    key_value_table,
    p,
    signature_block,
    styles,
)
from faskim_desktop.documents.terbilang import terbilang

LABELS = {
    "id": {
        "counter_title": "LAPORAN HARIAN LOKET",
        "counter_sub": "Penerbitan Kartu Fasilitas Keimigrasian",
        "day": "Tanggal",
        "outcome": "Uraian",
        "count": "Jumlah",
        "received": "Permohonan diterima (tanda terima)",
        "returned": "Berkas dikembalikan (tidak lengkap)",
        "held_cekal": "Ditahan karena kecocokan daftar cekal",
        "rejected": "Ditolak",
        "approved": "Disetujui pejabat (paraf)",
        "paid": "Pembayaran PNBP diterima",
        "printed": "Kartu dicetak",
        "handed_over": "Kartu diserahkan",
        "archived": "Berkas dipindai dan diarsip",
        "cards_spoiled": "Blangko kartu rusak",
        "notes": "Catatan",
        "prepared": "Dibuat oleh,",
        "known": "Mengetahui,",
        "head": "Kepala Seksi Statuskim",
        "payment_title": "LAPORAN PENERIMAAN HARIAN BENDAHARA",
        "payment_sub": "Rekonsiliasi pembayaran PNBP dengan kuitansi yang diterbitkan",
        "payments_total": "Jumlah pembayaran (sah)",
        "receipts_total": "Jumlah kuitansi (sah)",
        "difference": "Selisih",
        "status_summary": "Hasil rekonsiliasi",
        "reconciled": "SESUAI",
        "not_reconciled": "TIDAK SESUAI",
        "no": "No.",
        "receipt": "No. Kuitansi",
        "payment": "ID Bayar",
        "application": "No. Permohonan",
        "method": "Cara bayar",
        "paid_amount": "Dibayar (Rp)",
        "receipt_amount": "Kuitansi (Rp)",
        "status": "Status",
        "ok": "Sesuai",
        "voided": "Batal (keduanya)",
        "no_receipt": "Tanpa kuitansi",
        "no_payment": "Kuitansi tanpa pembayaran",
        "amount_mismatch": "Jumlah berbeda",
        "void_mismatch": "Status batal berbeda",
        "duplicate": "Kuitansi dipakai ganda",
        "per_method": "Per cara bayar",
        "words": "Terbilang",
        "bendahara": "Bendahara Penerima,",
        "sla_title": "LAPORAN BULANAN KINERJA LAYANAN (SLA)",
        "sla_sub": "Waktu penyelesaian per langkah SOP dibandingkan mutu baku",
        "period": "Periode",
        "started": "Permohonan masuk",
        "finished": "Permohonan selesai",
        "returned_short": "Dikembalikan",
        "held_short": "Ditahan (cekal)",
        "rejected_short": "Ditolak",
        "step": "Langkah",
        "cases": "Kasus",
        "median": "Median (mnt)",
        "p90": "P90 (mnt)",
        "mutu_baku": "Mutu baku (mnt)",
        "within": "Dalam mutu baku",
        "wait": "Tunggu (mnt)",
        "chart_title": "Median dan P90 per langkah dibandingkan mutu baku (menit)",
        "per_day_title": "Permohonan masuk per hari",
        "slowest": "Langkah yang paling jauh dari mutu baku",
        "legend_median": "Median",
        "legend_p90": "P90",
        "legend_mutu": "Mutu baku",
        "none": "(tidak ada data)",
        "total_row": "JUMLAH",
        "legend_over": "Median melebihi mutu baku",
    },
    "en": {
        "counter_title": "DAILY COUNTER REPORT",
        "counter_sub": "Immigration Facility Card issuance",
        "day": "Date",
        "outcome": "Item",
        "count": "Count",
        "received": "Applications received (receipts issued)",
        "returned": "Files returned (incomplete)",
        "held_cekal": "Held on a watch-list match",
        "rejected": "Rejected",
        "approved": "Approved by the official",
        "paid": "PNBP payments received",
        "printed": "Cards printed",
        "handed_over": "Cards handed over",
        "archived": "Files scanned and archived",
        "cards_spoiled": "Card blanks spoiled",
        "notes": "Notes",
        "prepared": "Prepared by,",
        "known": "Acknowledged,",
        "head": "Head of Immigration Status Section",
        "payment_title": "TREASURER'S DAILY PAYMENT REPORT",
        "payment_sub": "PNBP payments reconciled with the receipts issued",
        "payments_total": "Payments (valid)",
        "receipts_total": "Receipts (valid)",
        "difference": "Difference",
        "status_summary": "Reconciliation",
        "reconciled": "RECONCILED",
        "not_reconciled": "NOT RECONCILED",
        "no": "No.",
        "receipt": "Receipt no.",
        "payment": "Payment id",
        "application": "Application no.",
        "method": "Method",
        "paid_amount": "Paid (IDR)",
        "receipt_amount": "Receipt (IDR)",
        "status": "Status",
        "ok": "Matches",
        "voided": "Voided (both)",
        "no_receipt": "No receipt",
        "no_payment": "Receipt without payment",
        "amount_mismatch": "Amount differs",
        "void_mismatch": "Void status differs",
        "duplicate": "Receipt used twice",
        "per_method": "By method",
        "words": "In words",
        "bendahara": "Treasurer,",
        "sla_title": "MONTHLY SERVICE LEVEL (SLA) REPORT",
        "sla_sub": "Time per SOP step against the standard (mutu baku)",
        "period": "Period",
        "started": "Applications received",
        "finished": "Applications completed",
        "returned_short": "Returned",
        "held_short": "Held (watch list)",
        "rejected_short": "Rejected",
        "step": "Step",
        "cases": "Cases",
        "median": "Median (min)",
        "p90": "P90 (min)",
        "mutu_baku": "Standard (min)",
        "within": "Within standard",
        "wait": "Wait (min)",
        "chart_title": "Median and P90 per step against the standard (minutes)",
        "per_day_title": "Applications received per day",
        "slowest": "Steps furthest over the standard",
        "legend_median": "Median",
        "legend_p90": "P90",
        "legend_mutu": "Standard",
        "none": "(no data)",
        "total_row": "TOTAL",
        "legend_over": "Median over the standard",
    },
}

WIDTH = A4[0] - 2 * 14 * mm


def _num(value: int) -> str:
    return f"{value:,}".replace(",", ".")


# --- daily counter report ---------------------------------------------------------------------

COUNTER_ROWS = ("received", "returned", "held_cekal", "rejected", "approved", "paid", "printed", "handed_over",
                "archived", "cards_spoiled")


def render_counter_daily(data: CounterDailyReportData, language: str = "id") -> bytes:
    lg = lang(language)
    t = LABELS[lg]
    st = styles()
    rows = [[str(i), t[key], _num(getattr(data, key))] for i, key in enumerate(COUNTER_ROWS, 1)]
    table = grid_table([t["no"], t["outcome"], t["count"]], rows, [12 * mm, WIDTH - 42 * mm, 30 * mm], st,
                       right_columns=(2,))
    chart = _hbar_chart([t[k] for k in COUNTER_ROWS], [getattr(data, k) for k in COUNTER_ROWS], WIDTH, 62 * mm,
                        alert={COUNTER_ROWS.index(k) for k in ("returned", "held_cekal", "rejected", "cards_spoiled")})
    preparer = data.prepared_by
    story = [
        p(t["counter_title"], st.title),
        p(t["counter_sub"], st.subtitle),
        key_value_table([(t["day"], long_date(data.day, lg))], st, WIDTH, 30 * mm),
        Spacer(0, 4 * mm),
        table,
        Spacer(0, 6 * mm),
        chart,
    ]
    if data.notes:
        story += [Spacer(0, 3 * mm), p(f"{t['notes']}: {data.notes}", st.body)]
    place_date = f"{data.office.city}, {long_date(data.day, lg)}" if data.office.city else ""
    story += [
        Spacer(0, 8 * mm),
        KeepTogether([signature_block([
            (f"{t['known']} {t['head']}", "", ""),
            (t["prepared"], preparer.name if preparer else "", preparer.nip if preparer else ""),
        ], WIDTH, st, place_date)]),
    ]
    return build(story, office=data.office, pagesize=A4, title=f"{t['counter_title']} {data.day.isoformat()}",
                 footer=f"{t['counter_title']} · {data.day.isoformat()} · "
                        f"{generated_line(data.generated_at, lg)}")


def _hbar_chart(labels: list[str], values: list[int], width: float, height: float,
                alert: set[int] | frozenset[int] = frozenset()) -> Drawing:
    """A horizontal bar per row, drawn with shapes (labels left, value at the bar's end)."""
    f = fonts()
    drawing = Drawing(width, height)
    label_w = 62 * mm
    top = height - 2
    row_h = (height - 4) / max(1, len(values))
    biggest = max([*values, 1])
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = top - (i + 1) * row_h
        drawing.add(String(label_w - 4, y + row_h * 0.3, label, fontName=f.regular, fontSize=7, textAnchor="end"))
        bar_w = (width - label_w - 30) * value / biggest
        drawing.add(Rect(label_w, y + row_h * 0.15, max(bar_w, 0.5), row_h * 0.7, fillColor=RED if i in alert else NAVY,
                         strokeColor=None))
        drawing.add(String(label_w + bar_w + 3, y + row_h * 0.3, _num(value), fontName=f.bold, fontSize=7))
    return drawing


# --- bendahara's daily payment report ---------------------------------------------------------

@dataclass(frozen=True)
class ReconLine:
    receipt_number: str
    payment_id: str
    application_number: str
    method: str
    paid_amount: int | None
    receipt_amount: int | None
    status: str  # ok | voided | no_receipt | no_payment | amount_mismatch | void_mismatch | duplicate


@dataclass(frozen=True)
class Reconciliation:
    lines: tuple[ReconLine, ...]
    payments_total: int
    receipts_total: int

    @property
    def difference(self) -> int:
        return self.payments_total - self.receipts_total

    @property
    def problems(self) -> tuple[ReconLine, ...]:
        return tuple(line for line in self.lines if line.status not in ("ok", "voided"))

    @property
    def reconciled(self) -> bool:
        return not self.problems and self.difference == 0


def reconcile(data: PaymentDailyReportData) -> Reconciliation:
    """Match each payment with its receipt number and name every discrepancy."""
    receipts = {r.receipt_number: r for r in data.receipts}
    used = Counter(pay.receipt_number for pay in data.payments if pay.receipt_number)
    lines: list[ReconLine] = []
    seen: set[str] = set()
    for pay in data.payments:
        number = pay.receipt_number or ""
        receipt = receipts.get(number) if number else None
        if receipt is None:
            status = "no_receipt"
        elif used[number] > 1:
            status = "duplicate"
        elif receipt.voided != pay.voided:
            status = "void_mismatch"
        elif receipt.amount != pay.amount:
            status = "amount_mismatch"
        else:
            status = "voided" if pay.voided else "ok"
        seen.add(number)
        lines.append(ReconLine(number or "-", pay.payment_id, pay.application_number, pay.method, pay.amount,
                               receipt.amount if receipt else None, status))
    for number, receipt in receipts.items():
        if number not in seen:
            lines.append(ReconLine(number, "-", "-", "-", None, receipt.amount,
                                   "voided" if receipt.voided else "no_payment"))
    payments_total = sum(pay.amount for pay in data.payments if not pay.voided)
    receipts_total = sum(r.amount for r in data.receipts if not r.voided)
    return Reconciliation(tuple(lines), payments_total, receipts_total)


def render_payment_daily(data: PaymentDailyReportData, language: str = "id") -> bytes:
    lg = lang(language)
    t = LABELS[lg]
    st = styles()
    recon = reconcile(data)
    method_totals: Counter[str] = Counter()
    method_counts: Counter[str] = Counter()
    for pay in data.payments:
        if not pay.voided:
            method_totals[pay.method] += pay.amount
            method_counts[pay.method] += 1
    verdict = t["reconciled"] if recon.reconciled else t["not_reconciled"]
    problem_style = ParagraphStyle("problem", parent=st.cell_bold, textColor=RED)
    summary = key_value_table([
        (t["day"], long_date(data.day, lg)),
        (t["payments_total"], f"Rp {_num(recon.payments_total)}"),
        (t["receipts_total"], f"Rp {_num(recon.receipts_total)}"),
        (t["difference"], f"Rp {_num(recon.difference)}"),
        (t["status_summary"], f"{verdict} ({len(recon.problems)})"),
    ], st, WIDTH, 55 * mm)
    method_rows: list[list[object]] = [
        [method_name(m, lg), str(method_counts[m]), _num(method_totals[m])] for m in sorted(method_totals)
    ]
    method_rows.append([t["total_row"], str(sum(method_counts.values())), _num(recon.payments_total)])
    methods = grid_table([t["method"], t["count"], t["paid_amount"]], method_rows,
                         [WIDTH - 70 * mm, 30 * mm, 40 * mm], st, right_columns=(1, 2), bold_last_row=True)
    rows = [
        [str(i), line.receipt_number, line.payment_id, line.application_number,
         method_name(line.method, lg) if line.method != "-" else "-",
         _num(line.paid_amount) if line.paid_amount is not None else "-",
         _num(line.receipt_amount) if line.receipt_amount is not None else "-",
         t[line.status] if line.status in ("ok", "voided") else p(t[line.status], problem_style)]
        for i, line in enumerate(recon.lines, 1)
    ] or [["", t["none"], "", "", "", "", "", ""]]
    detail = grid_table(
        [t["no"], t["receipt"], t["payment"], t["application"], t["method"], t["paid_amount"], t["receipt_amount"],
         t["status"]], rows,
        [8 * mm, 33 * mm, 14 * mm, 33 * mm, 24 * mm, 19 * mm, 19 * mm, WIDTH - 150 * mm], st, right_columns=(5, 6),
    )
    commands = [
        ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#FEE2E2"))
        for i, line in enumerate(recon.lines, 1)
        if line.status not in ("ok", "voided")
    ]
    detail.setStyle(TableStyle(commands))
    story = [
        p(t["payment_title"], st.title),
        p(t["payment_sub"], st.subtitle),
        summary,
        Spacer(0, 1 * mm),
        p(f"{t['words']}: {terbilang(recon.payments_total).capitalize()}", st.small),
        Spacer(0, 4 * mm),
        p(t["per_method"], st.value),
        Spacer(0, 1.5 * mm),
        methods,
        Spacer(0, 5 * mm),
        detail,
        Spacer(0, 8 * mm),
        KeepTogether([signature_block([("", "", ""), (t["bendahara"], data.bendahara.name, data.bendahara.nip)],
                                      WIDTH, st, f"{data.office.city}, {long_date(data.day, lg)}")]),
    ]
    return build(story, office=data.office, pagesize=A4, title=f"{t['payment_title']} {data.day.isoformat()}",
                 footer=f"{t['payment_title']} · {data.day.isoformat()} · "
                        f"{generated_line(data.generated_at, lg)}")


# --- monthly SLA report -----------------------------------------------------------------------

def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}".replace(".", ",")


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _sla_chart(data: SlaReportData, t: dict[str, str], width: float, height: float) -> Drawing:
    f = fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 34
    chart.width, chart.height = width - 40, height - 62
    medians = [s.median_minutes or 0.0 for s in data.steps]
    p90s = [s.p90_minutes or 0.0 for s in data.steps]
    mutu = [s.mutu_baku_minutes for s in data.steps]
    chart.data = [medians, p90s, mutu]
    chart.categoryAxis.categoryNames = [str(s.step) for s in data.steps]
    chart.categoryAxis.labels.fontName = f.regular
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = f.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([*medians, *p90s, *mutu, 1.0])
    chart.valueAxis.valueMax = top * 1.1
    chart.valueAxis.valueStep = max(1, round(top / 6))
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E5E7EB")
    chart.valueAxis.visibleGrid = True
    chart.bars[0].fillColor = NAVY
    chart.bars[1].fillColor = colors.HexColor("#7BA7D1")
    chart.bars[2].fillColor = GOLD
    for bar in (chart.bars[0], chart.bars[1], chart.bars[2]):
        bar.strokeColor = None
    chart.groupSpacing = 6
    # median bars over the standard are drawn red
    for i, (median, standard) in enumerate(zip(medians, mutu, strict=True)):
        if median > standard:
            chart.bars[(0, i)].fillColor = RED
    drawing.add(chart)
    drawing.add(String(0, height - 10, t["chart_title"], fontName=f.bold, fontSize=8.5))
    legend = Legend()
    legend.x, legend.y = 28, 14
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = f.regular
    legend.fontSize = 7
    legend.dx, legend.dy = 7, 7
    legend.deltax = 90
    legend.colorNamePairs = [(NAVY, t["legend_median"]), (colors.HexColor("#7BA7D1"), t["legend_p90"]),
                             (GOLD, t["legend_mutu"]), (RED, t["legend_over"])]
    drawing.add(legend)
    drawing.add(Line(28, 34, 28 + chart.width, 34, strokeColor=colors.black, strokeWidth=0.5))
    return drawing


def _per_day_chart(data: SlaReportData, t: dict[str, str], width: float, height: float) -> Drawing:
    f = fonts()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 28, 18
    chart.width, chart.height = width - 40, height - 42
    chart.data = [[count for _day, count in data.cases_per_day]]
    chart.categoryAxis.categoryNames = [str(day.day) for day, _count in data.cases_per_day]
    chart.categoryAxis.labels.fontName = f.regular
    chart.categoryAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = f.regular
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E5E7EB")
    chart.bars[0].fillColor = NAVY
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    drawing.add(String(0, height - 10, t["per_day_title"], fontName=f.bold, fontSize=8.5))
    return drawing


def render_sla_monthly(data: SlaReportData, language: str = "id") -> bytes:
    lg = lang(language)
    t = LABELS[lg]
    st = styles()
    rows = []
    for s in data.steps:
        rows.append([str(s.step), s.name, _num(s.cases), _minutes(s.median_minutes), _minutes(s.p90_minutes),
                     _minutes(s.mutu_baku_minutes), _share(s.share_within), _minutes(s.mean_wait_minutes)])
    table = grid_table(
        ["#", t["step"], t["cases"], t["median"], t["p90"], t["mutu_baku"], t["within"], t["wait"]],
        rows or [["", t["none"], "", "", "", "", "", ""]],
        [8 * mm, WIDTH - 8 * mm - 6 * 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm, 20 * mm], st,
        right_columns=(2, 3, 4, 5, 6, 7),
    )
    commands = []
    for i, s in enumerate(data.steps, 1):
        if s.median_minutes is not None and s.median_minutes > s.mutu_baku_minutes:
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#FEE2E2")))
        elif s.share_within is not None and s.share_within < 0.8:
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#FEF3C7")))
    table.setStyle(TableStyle(commands))
    over = sorted(
        (s for s in data.steps if s.median_minutes is not None and s.mutu_baku_minutes > 0),
        key=lambda s: (s.median_minutes or 0) / s.mutu_baku_minutes, reverse=True,
    )[:3]
    slowest = ", ".join(f"{s.step}. {s.name} ({_minutes(s.median_minutes)} / {_minutes(s.mutu_baku_minutes)})"
                        for s in over)
    summary = key_value_table([
        (t["period"], month_year(data.year, data.month, lg)),
        (t["started"], _num(data.cases_started)),
        (t["finished"], _num(data.cases_finished)),
        (f"{t['returned_short']} / {t['held_short']} / {t['rejected_short']}",
         f"{_num(data.returned)} / {_num(data.held)} / {_num(data.rejected)}"),
    ], st, WIDTH, 70 * mm)
    story = [
        p(t["sla_title"], st.title),
        p(t["sla_sub"], st.subtitle),
        summary,
        Spacer(0, 4 * mm),
        table,
        Spacer(0, 2 * mm),
    ]
    if slowest:
        story.append(p(f"{t['slowest']}: {slowest}", st.small))
    story += [Spacer(0, 4 * mm), _sla_chart(data, t, WIDTH, 72 * mm)]
    if data.cases_per_day:
        story += [Spacer(0, 3 * mm), _per_day_chart(data, t, WIDTH, 48 * mm)]
    return build(story, office=data.office, pagesize=A4, title=f"{t['sla_title']} {data.year}-{data.month:02d}",
                 footer=f"{t['sla_title']} · {data.year}-{data.month:02d} · "
                        f"{generated_line(data.generated_at, lg)}")


__all__ = [
    "ReconLine",
    "Reconciliation",
    "reconcile",
    "render_counter_daily",
    "render_payment_daily",
    "render_sla_monthly",
]
