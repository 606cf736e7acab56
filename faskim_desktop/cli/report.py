"""``faskim report daily|payments|sla``: the issue-9 reports as PDF, CSV or XLSX.

    faskim report daily --date 2026-11-28 --out laporan.pdf [--csv laporan.csv] [--xlsx laporan.xlsx]
    faskim report payments --date 2026-11-28 --out bendahara.pdf
    faskim report sla --month 2026-11 --out sla.pdf
    faskim report search "emma mül" [--state selesai] [--from 2026-11-01] [--to 2026-11-30]

``--out`` takes the PDF; ``--csv``/``--xlsx`` write the same figures as tables. At least one of
them is needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from faskim_desktop.cli._common import workspace
from faskim_desktop.core import messages, search
from faskim_desktop.documents import reports as render
from faskim_desktop.documents.compose import reports as compose


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(messages.text("report.bad_date", {"value": text})) from err


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        dt.date(year, month, 1)
    except (ValueError, TypeError) as err:
        raise argparse.ArgumentTypeError(messages.text("report.bad_month", {"value": text})) from err
    return year, month


def _outputs(args: argparse.Namespace, pdf: bytes | None, tables: list[compose.Table]) -> int:
    if not (args.out or args.csv or args.xlsx):
        print(messages.text("report.no_output"), file=sys.stderr)
        return 2
    if args.out and pdf is not None:
        print(compose.write(Path(args.out), pdf))
    if args.csv:
        print(compose.write(Path(args.csv), compose.to_csv(tables[0])))
    if args.xlsx:
        print(compose.write(Path(args.xlsx), compose.to_xlsx(tables)))
    return 0


def _daily(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        data = compose.counter_daily_data(ws.store, args.date, args.by or "")
    finally:
        ws.close()
    pdf = render.render_counter_daily(data, args.lang) if args.out else None
    return _outputs(args, pdf, [compose.counter_table(data, args.lang)])


def _payments(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        data = compose.payment_daily_data(ws.store, args.date, args.by or "")
    finally:
        ws.close()
    pdf = render.render_payment_daily(data, args.lang) if args.out else None
    code = _outputs(args, pdf, [compose.payment_table(data, args.lang)])
    if code == 0 and not render.reconcile(data).reconciled:
        print(messages.text("report.not_reconciled"), file=sys.stderr)
    return code


def _sla(args: argparse.Namespace) -> int:
    year, month = args.month
    ws = workspace()
    try:
        data = compose.sla_report_data(ws.store, year, month, args.lang)
    finally:
        ws.close()
    pdf = render.render_sla_monthly(data, args.lang) if args.out else None
    return _outputs(args, pdf, [compose.sla_table(data, args.lang), compose.per_day_table(data, args.lang)])


def _search(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        filters = search.Filters(tuple(args.state or ()), args.date_from, args.date_to)
        hits = search.search(ws.store, args.query, filters, args.limit)
    finally:
        ws.close()
    for hit in hits:
        # the operator asked for these cases; shown on their terminal, never logged
        print(f"{hit.number}\t{hit.state}\t{hit.created_at.astimezone():%Y-%m-%d %H:%M}\t{hit.name}\t"
              f"{hit.passport_no}\t{hit.receipt_no}\t{hit.register_no}")
    return 0 if hits else 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="daily, payment and SLA reports; case search")
    sub = parser.add_subparsers(dest="report_command", required=True)

    def outputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", help="PDF file to write")
        p.add_argument("--csv", help="CSV file to write")
        p.add_argument("--xlsx", help="XLSX file to write")

    daily = sub.add_parser("daily", help="daily counter report (laporan harian loket)")
    daily.add_argument("--date", type=_date, required=True, help="YYYY-MM-DD (office local day)")
    daily.add_argument("--by", help="username of the officer who prepares it")
    outputs(daily)
    daily.set_defaults(handler=_daily)

    payments = sub.add_parser("payments", help="bendahara's daily payment report, reconciled with receipts")
    payments.add_argument("--date", type=_date, required=True, help="YYYY-MM-DD")
    payments.add_argument("--by", help="username of the bendahara")
    outputs(payments)
    payments.set_defaults(handler=_payments)

    monthly = sub.add_parser("sla", help="monthly SLA report against the mutu baku")
    monthly.add_argument("--month", type=_month, required=True, help="YYYY-MM")
    outputs(monthly)
    monthly.set_defaults(handler=_sla)

    finder = sub.add_parser("search", help="find cases by a name or number fragment")
    finder.add_argument("query")
    finder.add_argument("--state", action="append", choices=search.state_choices())
    finder.add_argument("--from", dest="date_from", type=_date)
    finder.add_argument("--to", dest="date_to", type=_date)
    finder.add_argument("--limit", type=int, default=50)
    finder.set_defaults(handler=_search)


messages.register(
    {
        "report.bad_date": {"id": "Tanggal tidak valid: {value} (format TTTT-BB-HH).",
                            "en": "Invalid date: {value} (format YYYY-MM-DD)."},
        "report.bad_month": {"id": "Bulan tidak valid: {value} (format TTTT-BB).",
                             "en": "Invalid month: {value} (format YYYY-MM)."},
        "report.no_output": {"id": "Sebutkan berkas keluaran: --out (PDF), --csv atau --xlsx.",
                             "en": "Name an output file: --out (PDF), --csv or --xlsx."},
        "report.not_reconciled": {
            "id": "Perhatian: pembayaran dan kuitansi hari ini TIDAK SESUAI; lihat laporan.",
            "en": "Warning: today's payments and receipts do NOT reconcile; see the report.",
        },
    }
)
