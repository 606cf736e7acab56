"""Step 6 at the bendahara's seat: a wrong amount refused in words, the 3-copy kuitansi printed to
the simulated printer and kept, a double click makes one payment, a void with the supervisor keeps
both records and a new receipt follows, the daily cash summary as PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

from faskim_desktop.core import sop
from faskim_desktop.core.services.utama_views import payments_of
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Case
from tests.conftest import PASSWORD, wait_idle
from tests.gui.langkah_utama_support import case_at

ensure_built()

from faskim_desktop.gui.pages.step_pembayaran import PembayaranPage  # noqa: E402


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _printed(ctx) -> list[Path]:  # type: ignore[no-untyped-def]
    driver = ctx.devices._drivers.get(DeviceKind.PRINTER)
    return sorted(driver.output_dir.glob("job-*.pdf")) if driver else []


def test_payment_kuitansi_void_and_cash_summary(qtbot, workspace, seat_factory, artifacts):
    case = case_at(workspace, sop.State.PEMBAYARAN)
    ctx = seat_factory("bendahara1")
    page = PembayaranPage(ctx)
    qtbot.addWidget(page)
    page.resize(1030, 640)
    page.show()
    page.load(case)
    wait_idle(qtbot, ctx)
    assert page.due.text() == "Rp 400.000"

    # a wrong amount: refused next to the field, nothing recorded
    qtbot.keyClicks(page.amount, "350.000")
    page.pay_button.click()
    wait_idle(qtbot, ctx)
    assert page.amount_error.isVisible() and "Rp 400.000" in page.amount_error.text()
    assert payments_of(workspace, case.id) == []

    # a non-cash method needs its reference
    page.amount.setText("400.000")
    page.method.setCurrentIndex(page.method.findData("transfer"))
    page.pay_button.click()
    wait_idle(qtbot, ctx)
    assert page.reference_error.isVisible() and "referensi" in page.reference_error.text()
    page.method.setCurrentIndex(page.method.findData("tunai"))

    page.pay_button.click()
    page.pay()  # a double press makes no second payment
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "dikirim ke printer" in page.result.text(), timeout=10_000)
    payments = payments_of(workspace, case.id)
    assert len(payments) == 1 and payments[0].amount == 400_000 and payments[0].method == "tunai"
    first_receipt = payments[0].receipt_no
    jobs = _printed(ctx)
    assert len(jobs) == 1
    text = _pdf_text(jobs[0])
    for words in ("LEMBAR 1", "LEMBAR 2", "LEMBAR 3", "untuk Pemohon", "untuk Berkas Permohonan",
                  "untuk Bendahara", first_receipt, "Empat ratus ribu rupiah"):
        assert words in text, words
    kept = list((workspace.output_dir).rglob(f"kuitansi-{first_receipt}.pdf"))
    assert len(kept) == 1
    (artifacts / "screenshots").mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(jobs[0]),
                    str(artifacts / "screenshots" / "utama_kuitansi")], check=True)
    qtbot.wait(100)
    page.grab().save(str(artifacts / "screenshots" / "utama_pembayaran.png"))

    # void: the supervisor's password is checked; both records stay
    qtbot.keyClicks(page.void_user, "spv1")
    qtbot.keyClicks(page.void_password, "salah-sandi")
    qtbot.keyClicks(page.void_reason, "Cara bayar salah dicatat")
    page.void_button.click()
    wait_idle(qtbot, ctx)
    assert "salah" in page.message.text().lower() or "gagal" in page.message.text().lower()
    assert payments_of(workspace, case.id)[0].voided_at is None
    qtbot.keyClicks(page.void_password, PASSWORD)
    page.void_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: len(_printed(ctx)) == 2, timeout=10_000)  # the VOID kuitansi is printed too
    assert "BATAL" in _pdf_text(_printed(ctx)[1])
    with workspace.store.read() as session:
        assert session.get(Case, case.id).state == "pembayaran"
    voided = payments_of(workspace, case.id)
    assert len(voided) == 1 and voided[0].voided_by == "spv1" and voided[0].void_reason == "Cara bayar salah dicatat"
    assert page.history.count() == 1 and "BATAL" in page.history.item(0).text()

    # a new payment gets the next receipt number; the void is not reused
    qtbot.keyClicks(page.amount, "400000")
    page.method.setCurrentIndex(page.method.findData("qris"))
    qtbot.keyClicks(page.reference, "QR-778812")
    page.pay_button.click()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "dikirim ke printer" in page.result.text(), timeout=10_000)
    both = payments_of(workspace, case.id)
    assert len(both) == 2 and both[1].receipt_no != first_receipt
    assert int(both[1].receipt_no.rsplit("-", 1)[1]) == int(first_receipt.rsplit("-", 1)[1]) + 1

    moved = []
    page.case_changed.connect(moved.append)
    page.next_button.click()
    assert moved and moved[0].state is sop.State.BIOMETRIK

    page.summary_button.click()
    wait_idle(qtbot, ctx)
    assert "1 transaksi" in page.summary.text() and "1 batal" in page.summary.text()
    summary_pdf = list(workspace.output_dir.rglob("rekap-kas-*.pdf"))
    assert len(summary_pdf) == 1
    summary_text = _pdf_text(summary_pdf[0])
    assert "REKAPITULASI" in summary_text and "QRIS" in summary_text and "BATAL" in summary_text
