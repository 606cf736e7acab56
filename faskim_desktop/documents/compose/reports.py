"""The issue-9 reports filled from the store: the daily counter report, the bendahara's daily
payment report (reconciled with the receipt ledger) and the monthly SLA report; CSV and XLSX.

Where the numbers come from
- Counter report: the SOP actions taken that day (``case_step.action`` of the visits finished
  that day, via ``core.sla``): received = ``receive``, returned = ``check_incomplete``, held =
  ``screen_hit``, rejected = ``confirm_hit``, approved = ``approve``, printed = ``print_card``,
  handed over = ``hand_over``, archived = ``archive``, cards spoiled = ``reprint`` (each reprint
  marks the previous card ``spoiled`` in ``card_print``); paid = payments taken that day and not
  voided (``payment``).
- Payment report: the payments of the day from ``payment``, against the receipts the audit
  chain records as issued (``case.pay`` events carry the receipt number and amount, and
  ``case.void_payment`` the voided one). The audit events of a day are found by bisecting the
  chain's sequence number (indexed, in time order), so no table scan.
- SLA report: ``core.sla.summary`` of the calendar month.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlmodel import Session

from faskim_desktop.core import clock, messages, sla, sop
from faskim_desktop.documents.compose.kuitansi import METHOD_CODES
from faskim_desktop.documents.compose.receipt import office_model, official
from faskim_desktop.documents.models import (
    CounterDailyReportData,
    IssuedReceipt,
    Official,
    PaymentDailyReportData,
    PaymentRecord,
    SlaReportData,
    SlaStep,
)
from faskim_desktop.documents.reports import COUNTER_ROWS, LABELS, reconcile
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import AuditEvent, Case, Payment

COUNTER_POSITION = "Petugas Loket"
BENDAHARA_POSITION = "Bendahara Penerima"

# counter report row -> the SOP action whose count it is
COUNTER_ACTIONS = {
    "received": sop.Action.RECEIVE,
    "returned": sop.Action.CHECK_INCOMPLETE,
    "held_cekal": sop.Action.SCREEN_HIT,
    "rejected": sop.Action.CONFIRM_HIT,
    "approved": sop.Action.APPROVE,
    "printed": sop.Action.PRINT_CARD,
    "handed_over": sop.Action.HAND_OVER,
    "archived": sop.Action.ARCHIVE,
    "cards_spoiled": sop.Action.REPRINT,
}


def _day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return sla.utc_start(day), sla.utc_start(day + dt.timedelta(days=1))


def _generated() -> dt.datetime:
    return clock.now().astimezone()


# --- daily counter report ---------------------------------------------------------------------

def paid_count(session: Session, day: dt.date) -> int:
    lo, hi = _day_bounds(day)
    return int(session.execute(select(func.count()).select_from(Payment).where(
        Payment.paid_at >= lo, Payment.paid_at < hi, Payment.voided_at.is_(None))).scalar() or 0)


def counter_daily_data(store: Store, day: dt.date, prepared_by: str = "") -> CounterDailyReportData:
    actions = sla.action_counts(store, day)
    counts = {key: actions.get(action.value, 0) for key, action in COUNTER_ACTIONS.items()}
    with store.read() as session:
        paid = paid_count(session, day)
        office = office_model(session)
        preparer = official(session, prepared_by, COUNTER_POSITION) if prepared_by else None
    return CounterDailyReportData(office=office, day=day, paid=paid, prepared_by=preparer,
                                  generated_at=_generated(), **counts)


# --- bendahara's payment report ---------------------------------------------------------------

def _first_seq_at(session: Session, moment: dt.datetime) -> int:
    """The smallest audit sequence number whose event is at or after ``moment`` (bisection over
    the unique, time-ordered ``seq``)."""
    low = session.execute(select(func.min(AuditEvent.seq))).scalar()
    high = session.execute(select(func.max(AuditEvent.seq))).scalar()
    if low is None or high is None:
        return 1
    high += 1
    while low < high:
        middle = (low + high) // 2
        at = session.execute(select(AuditEvent.at).where(AuditEvent.seq >= middle).order_by(AuditEvent.seq)
                             .limit(1)).scalar()
        if at is None or (clock.aware(at) or at) >= moment:
            high = middle
        else:
            low = middle + 1
    return low


def issued_receipts(session: Session, day: dt.date) -> tuple[IssuedReceipt, ...]:
    """Receipts the audit chain records as issued on ``day``; voided if the chain records a void
    of that receipt (on any day up to now)."""
    lo, hi = _day_bounds(day)
    first, last = _first_seq_at(session, lo), _first_seq_at(session, hi)
    issued: dict[str, int] = {}
    for details in session.execute(select(AuditEvent.details).where(
            AuditEvent.seq >= first, AuditEvent.seq < last, AuditEvent.action == f"case.{sop.Action.PAY.value}")
            .order_by(AuditEvent.seq)).scalars():
        body = json.loads(details or "{}")
        if body.get("receipt_no"):
            issued[str(body["receipt_no"])] = int(body.get("amount") or 0)
    voided: set[str] = set()
    if issued:
        for details in session.execute(select(AuditEvent.details).where(
                AuditEvent.seq >= first, AuditEvent.action == f"case.{sop.Action.VOID_PAYMENT.value}")).scalars():
            number = str(json.loads(details or "{}").get("receipt_no") or "")
            if number in issued:
                voided.add(number)
    return tuple(IssuedReceipt(number, amount, number in voided) for number, amount in sorted(issued.items()))


def payment_daily_data(store: Store, day: dt.date, bendahara: str = "") -> PaymentDailyReportData:
    lo, hi = _day_bounds(day)
    with store.read() as session:
        rows = session.execute(
            select(Payment, Case.number).join(Case, Case.id == Payment.case_id)
            .where(Payment.paid_at >= lo, Payment.paid_at < hi).order_by(Payment.receipt_no, Payment.id)
        ).all()
        payments = tuple(
            PaymentRecord(payment_id=str(pay.id), application_number=number,
                          method=METHOD_CODES.get(pay.method, pay.method), amount=pay.amount,
                          receipt_number=pay.receipt_no or None, voided=pay.voided_at is not None)
            for pay, number in rows
        )
        receipts = issued_receipts(session, day)
        cashier = bendahara or (rows[0][0].cashier if rows else "")
        person = official(session, cashier, BENDAHARA_POSITION) if cashier else None
        office = office_model(session)
    return PaymentDailyReportData(office=office, day=day, payments=payments, receipts=receipts,
                                  bendahara=person or Official(name="", position=BENDAHARA_POSITION),
                                  generated_at=_generated())


# --- monthly SLA report -----------------------------------------------------------------------

def sla_report_data(store: Store, year: int, month: int, language: str = "id") -> SlaReportData:
    summary = sla.summary(store, sla.month(year, month))
    steps = tuple(
        SlaStep(step=int(s.step), name=messages.text(f"step.{s.code}", language=language), cases=s.visits,
                median_minutes=s.median_minutes, p90_minutes=s.p90_minutes,
                mutu_baku_minutes=float(s.mutu_baku_minutes or 0), share_within=s.share_within,
                mean_wait_minutes=s.wait_mean_minutes)
        for s in summary.steps if s.mutu_baku_minutes and s.step.isdigit()  # 4a: the SOP sets no time
    )
    with store.read() as session:
        office = office_model(session)
    return SlaReportData(office=office, year=year, month=month, steps=steps, cases_started=summary.received,
                         cases_finished=summary.finished, returned=summary.returned, held=summary.held,
                         rejected=summary.rejected, generated_at=_generated(),
                         cases_per_day=summary.cases_per_day)


# --- CSV / XLSX -------------------------------------------------------------------------------

Table = tuple[str, list[str], list[list[object]]]  # (sheet title, header, rows)


def counter_table(data: CounterDailyReportData, language: str = "id") -> Table:
    t = LABELS["en" if language == "en" else "id"]
    rows: list[list[object]] = [[t[key], int(getattr(data, key))] for key in COUNTER_ROWS]
    return (data.day.isoformat(), [t["outcome"], t["count"]], rows)


def payment_table(data: PaymentDailyReportData, language: str = "id") -> Table:
    t = LABELS["en" if language == "en" else "id"]
    recon = reconcile(data)
    rows: list[list[object]] = [
        [line.receipt_number, line.payment_id, line.application_number, line.method,
         line.paid_amount if line.paid_amount is not None else "",
         line.receipt_amount if line.receipt_amount is not None else "", t[line.status]]
        for line in recon.lines
    ]
    rows.append([t["total_row"], "", "", "", recon.payments_total, recon.receipts_total,
                 t["reconciled"] if recon.reconciled else t["not_reconciled"]])
    header = [t["receipt"], t["payment"], t["application"], t["method"], t["paid_amount"], t["receipt_amount"],
              t["status"]]
    return (data.day.isoformat(), header, rows)


def sla_table(data: SlaReportData, language: str = "id") -> Table:
    t = LABELS["en" if language == "en" else "id"]
    rows: list[list[object]] = [
        [s.step, s.name, s.cases, _round(s.median_minutes), _round(s.p90_minutes), s.mutu_baku_minutes,
         _round(s.share_within, 3), _round(s.mean_wait_minutes)]
        for s in data.steps
    ]
    header = ["#", t["step"], t["cases"], t["median"], t["p90"], t["mutu_baku"], t["within"], t["wait"]]
    return (f"{data.year}-{data.month:02d}", header, rows)


def per_day_table(data: SlaReportData, language: str = "id") -> Table:
    t = LABELS["en" if language == "en" else "id"]
    return (t["per_day_title"][:31], [t["day"], t["count"]], [[d.isoformat(), n] for d, n in data.cases_per_day])


def _round(value: float | None, places: int = 1) -> object:
    return "" if value is None else round(value, places)


def to_csv(table: Table) -> bytes:
    """UTF-8 with a BOM (spreadsheets on Windows then read the Indonesian text right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table[1])
    writer.writerows(table[2])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: Sequence[Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in tables:
        sheet = book.create_sheet(title=_sheet_title(title))
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            width = max(len(str(cell.value or "")) for cell in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
