"""The kuitansi and the daily cash summary filled from the store (Qt-free)."""

from __future__ import annotations

from sqlalchemy import update

from faskim_desktop.core import clock, sop
from faskim_desktop.core.scripted_case import carry, sample_entry
from faskim_desktop.core.services.payment import PaymentService
from faskim_desktop.documents.compose.kuitansi import cash_summary_data, kuitansi_data, latest_payment_id
from faskim_desktop.documents.kuitansi import render_cash_summary, render_kuitansi, summarise
from faskim_desktop.store.tables import Case
from tests.conftest import PASSWORD
from tests.gui.langkah_utama_support import crew


def test_kuitansi_and_cash_summary_from_the_store(workspace) -> None:
    team = crew(workspace)
    first = carry(workspace, team, entry=sample_entry(21), until=sop.State.PEMBAYARAN).case
    second = carry(workspace, team, entry=sample_entry(22), until=sop.State.PEMBAYARAN).case
    with workspace.store.write() as session:  # the second file was brought by a representative
        session.execute(update(Case).where(Case.id == second.id).values(
            applicant_kind="kuasa", representative_name="Biro Jasa Maju"))
    payments = PaymentService(workspace, team.bendahara)
    paid = payments.pay(first, "400.000", "tunai")
    payments.void(paid.id, "Salah cara bayar", "spv1", PASSWORD)
    payments.pay(first.id, "400000", "edc", "TRACE-0042")  # the case went back to the cashier
    payments.pay(second, "Rp 400.000,00", "qris", "QR-1")

    with workspace.store.read() as session:
        voided = kuitansi_data(session, paid.id)
        again = kuitansi_data(session, latest_payment_id(session, first.id))
        by_proxy = kuitansi_data(session, latest_payment_id(session, second.id))
        summary = cash_summary_data(session, clock.today(), "bendahara1")
    assert voided.voided and voided.voided_by == "spv1" and voided.void_reason == "Salah cara bayar"
    assert voided.method == "cash" and voided.amount == 400_000
    assert again.method == "edc" and again.reference == "TRACE-0042" and not again.voided
    assert again.receipt_number != voided.receipt_number
    assert again.payer_name == "Dewi Lestari" and again.applicant_name == "Emma Putri Wijaya"
    assert by_proxy.payer_name == "Biro Jasa Maju"
    assert again.bendahara.name == "Bendahara1" and again.bendahara.position == "Bendahara Penerima"
    per_method, count, total, void_count = summarise(summary)
    assert (count, total, void_count) == (2, 800_000, 1)
    assert per_method == {"edc": (1, 400_000), "qris": (1, 400_000)}
    assert payments.day_summary(clock.today()).total == total  # the service agrees with the document
    for pdf in (render_kuitansi(voided), render_kuitansi(again), render_cash_summary(summary)):
        assert pdf.startswith(b"%PDF-")
