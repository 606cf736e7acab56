"""Reports filled from the store (issue 9): counts match the store; the payment report reconciles
with the receipts the audit chain records; PDFs render and read back; CSV/XLSX hold the same."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from faskim_desktop.core import clock, demo_data, sop
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.core.services.payment import PaymentService
from faskim_desktop.documents import reports
from faskim_desktop.documents.compose import reports as compose
from faskim_desktop.store.tables import CaseStep, Payment
from tests.conftest import PASSWORD, principals, standard_crew


def _crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    p = principals(ws)
    return standard_crew(p)


def _pdf_text(pdf: bytes, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _action_count(store, day, action: sop.Action) -> int:  # type: ignore[no-untyped-def]
    lo, hi = compose._day_bounds(day)
    with store.read() as session:
        return int(session.execute(select(func.count()).select_from(CaseStep).where(
            CaseStep.finished_at >= lo, CaseStep.finished_at < hi, CaseStep.action == action.value)).scalar() or 0)


def test_daily_counter_report_counts_match_the_store(workspace, tmp_path, artifacts) -> None:  # type: ignore[no-untyped-def]
    demo_data.seed_cases(workspace.store, 1500, days=30, seed=12)
    day = clock.today() - timedelta(days=3)
    data = compose.counter_daily_data(workspace.store, day, "loket1")
    for key, action in compose.COUNTER_ACTIONS.items():
        assert getattr(data, key) == _action_count(workspace.store, day, action), key
    lo, hi = compose._day_bounds(day)
    with workspace.store.read() as session:
        paid = session.execute(select(func.count()).select_from(Payment).where(
            Payment.paid_at >= lo, Payment.paid_at < hi, Payment.voided_at.is_(None))).scalar()
    assert data.paid == paid and data.received > 0 and data.approved > 0
    pdf = reports.render_counter_daily(data)
    text = _pdf_text(pdf, tmp_path)
    assert "LAPORAN HARIAN LOKET" in text and str(data.received) in text
    (artifacts / "reports").mkdir(exist_ok=True)
    (artifacts / "reports" / "counter_daily.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(artifacts / "reports" / "counter_daily.pdf"),
                        str(artifacts / "screenshots" / "search_report_daily")], check=True)
    table = compose.counter_table(data)
    csv_text = compose.to_csv(table).decode("utf-8-sig")
    assert f"Permohonan diterima (tanda terima),{data.received}" in csv_text


def test_payment_report_reconciles_with_the_receipt_ledger(workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    crew = _crew(workspace)
    paid = [carry(workspace, crew, sample_entry(seed=s), until=sop.State.BIOMETRIK).case for s in (31, 32, 33)]
    assert all(paid)
    # one voided (supervisor + reason): both records stay, marked void
    with workspace.store.read() as session:
        first = session.execute(select(Payment).where(Payment.case_id == paid[0].id)).scalars().one()
    PaymentService(workspace, crew.bendahara).void(first.id or 0, "salah nominal", "spv1", PASSWORD)
    data = compose.payment_daily_data(workspace.store, clock.today(), "bendahara1")
    assert len(data.payments) == 3 and len(data.receipts) == 3
    recon = reports.reconcile(data)
    assert recon.reconciled, recon.problems
    assert recon.payments_total == 2 * 400_000
    assert sorted(line.status for line in recon.lines) == ["ok", "ok", "voided"]
    text = _pdf_text(reports.render_payment_daily(data), tmp_path)
    assert "SESUAI" in text and "TIDAK SESUAI" not in text
    # a payment row without its receipt in the ledger is named
    broken = compose.PaymentDailyReportData(
        office=data.office, day=data.day, payments=data.payments, receipts=data.receipts[1:],
        bendahara=data.bendahara)
    assert not reports.reconcile(broken).reconciled
    xlsx = compose.to_xlsx([compose.payment_table(data)])
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet.max_row == 1 + 3 + 1  # header, three lines, total


def test_monthly_sla_report_matches_the_summary(workspace, tmp_path, artifacts) -> None:  # type: ignore[no-untyped-def]
    demo_data.seed_cases(workspace.store, 1200, days=40, seed=14)
    today = clock.today()
    data = compose.sla_report_data(workspace.store, today.year, today.month)
    assert [s.step for s in data.steps] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert data.cases_started == _sum_actions(workspace.store, today.replace(day=1), today, sop.Action.RECEIVE)
    assert sum(n for _d, n in data.cases_per_day) > 0
    pdf = reports.render_sla_monthly(data)
    text = _pdf_text(pdf, tmp_path)
    assert "LAPORAN BULANAN KINERJA LAYANAN" in text
    (artifacts / "reports").mkdir(exist_ok=True)
    (artifacts / "reports" / "sla_monthly.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(artifacts / "reports" / "sla_monthly.pdf"),
                        str(artifacts / "screenshots" / "search_report_sla")], check=True)
    book = compose.to_xlsx([compose.sla_table(data), compose.per_day_table(data)])
    from openpyxl import load_workbook

    sheets = load_workbook(io.BytesIO(book)).worksheets
    assert sheets[0].max_row == 1 + len(data.steps) and sheets[1].max_row == 1 + len(data.cases_per_day)


def _sum_actions(store, start, end, action) -> int:  # type: ignore[no-untyped-def]
    total, day = 0, start
    while day <= end:
        total += _action_count(store, day, action)
        day += timedelta(days=1)
    return total


def test_an_empty_day_renders(workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    day = clock.today() - timedelta(days=400)
    data = compose.counter_daily_data(workspace.store, day)
    assert data.received == 0 and data.cards_spoiled == 0
    assert reports.render_counter_daily(data).startswith(b"%PDF")
    pay = compose.payment_daily_data(workspace.store, day)
    assert pay.payments == () and reports.reconcile(pay).reconciled
    assert reports.render_payment_daily(pay).startswith(b"%PDF")
