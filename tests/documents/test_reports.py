"""Daily counter report, bendahara's payment report with reconciliation, monthly SLA report."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import pytest

from faskim_desktop.documents import samples
from faskim_desktop.documents.models import (
    IssuedReceipt,
    PaymentDailyReportData,
    PaymentRecord,
    SlaReportData,
)
from faskim_desktop.documents.reports import (
    reconcile,
    render_counter_daily,
    render_payment_daily,
    render_sla_monthly,
)

from .helpers import needs_pdftoppm, rasterise, save_artifacts

REPORTS = {
    "laporan_harian_loket": lambda lg: render_counter_daily(samples.counter_daily(), lg),
    "laporan_harian_bendahara": lambda lg: render_payment_daily(samples.payment_daily(), lg),
    "laporan_sla_bulanan": lambda lg: render_sla_monthly(samples.sla_monthly(), lg),
}


def text_of(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


@needs_pdftoppm
@pytest.mark.parametrize("name", list(REPORTS))
@pytest.mark.parametrize("language", ["id", "en"])
def test_reports_render(name: str, language: str, tmp_path: Path) -> None:
    pdf = REPORTS[name](language)
    assert pdf.startswith(b"%PDF-")
    assert len(rasterise(pdf, tmp_path, dpi=40)) == 1
    if language == "id":
        save_artifacts(pdf, name)


@needs_pdftoppm
def test_counter_report_shows_every_count(tmp_path: Path) -> None:
    text = text_of(render_counter_daily(samples.counter_daily()), tmp_path)
    for label, value in (("Permohonan diterima", "23"), ("Berkas dikembalikan", "4"), ("Kartu dicetak", "14"),
                         ("Kartu diserahkan", "11"), ("Blangko kartu rusak", "1")):
        line = next(line for line in text.splitlines() if label in line and "  " in line.strip())
        assert line.split()[-1] == value


def test_reconciliation_names_each_discrepancy() -> None:
    recon = reconcile(samples.payment_daily())
    statuses = {line.receipt_number: line.status for line in recon.lines}
    assert statuses["KW-JKS-2026-000307"] == "amount_mismatch"
    assert statuses["KW-JKS-2026-000311"] == "no_payment"
    assert statuses["KW-JKS-2026-000304"] == "voided"
    assert statuses["-"] == "no_receipt"
    assert sum(1 for s in statuses.values() if s == "ok") == 8
    assert recon.payments_total == 10 * 400_000
    assert recon.receipts_total == 8 * 400_000 + 350_000 + 400_000
    assert not recon.reconciled and len(recon.problems) == 3


def test_clean_day_reconciles_and_duplicates_are_caught() -> None:
    office, bendahara, day = samples.OFFICE, samples.BENDAHARA, samples.NOW.date()
    payments = tuple(PaymentRecord(f"P{i}", f"A{i}", "cash", 400_000, f"R{i}") for i in range(3))
    receipts = tuple(IssuedReceipt(f"R{i}", 400_000) for i in range(3))
    clean = reconcile(PaymentDailyReportData(office, day, payments, receipts, bendahara))
    assert clean.reconciled and clean.difference == 0
    doubled = (*payments, PaymentRecord("P9", "A9", "cash", 400000, "R0"))
    recon = reconcile(PaymentDailyReportData(office, day, doubled, receipts, bendahara))
    assert [line.status for line in recon.lines].count("duplicate") == 2
    void_mismatch = (dataclasses.replace(payments[0], voided=True), *payments[1:])
    assert reconcile(PaymentDailyReportData(office, day, void_mismatch, receipts, bendahara)).lines[0].status \
        == "void_mismatch"
    empty = PaymentDailyReportData(office, day, (), (), bendahara)
    assert reconcile(empty).reconciled
    assert render_payment_daily(empty).startswith(b"%PDF")


@needs_pdftoppm
def test_payment_report_text(tmp_path: Path) -> None:
    text = text_of(render_payment_daily(samples.payment_daily()), tmp_path)
    assert "TIDAK SESUAI" in text and "Jumlah berbeda" in text and "Kuitansi tanpa" in text
    assert "Rp 50.000" in text  # 4.000.000 paid - 3.950.000 receipted


@needs_pdftoppm
def test_sla_report_table_and_empty_month(tmp_path: Path) -> None:
    text = text_of(render_sla_monthly(samples.sla_monthly()), tmp_path)
    assert "Persetujuan" in text and "12,0" in text and "31%" in text and "November 2026" in text
    empty = SlaReportData(samples.OFFICE, 2026, 2, ())
    assert "(tidak ada data)" in text_of(render_sla_monthly(empty), tmp_path)
    partial = dataclasses.replace(
        samples.sla_monthly(),
        steps=tuple(dataclasses.replace(s, median_minutes=None, p90_minutes=None, share_within=None)
                    for s in samples.sla_monthly().steps),
    )
    assert render_sla_monthly(partial).startswith(b"%PDF")
