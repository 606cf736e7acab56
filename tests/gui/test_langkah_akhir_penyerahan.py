"""Step 10: the handover against the tanda terima and kuitansi numbers (typed by a barcode scanner,
read by the webcam, or typed); a wrong number is refused next to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from faskim_desktop.core import sop
from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import case_at, screenshot, show_page, stored_case

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.pages import step_penyerahan  # noqa: E402
from faskim_desktop.gui.pages.step_penyerahan import PenyerahanPage  # noqa: E402


def _scanner_types(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """A USB barcode scanner is a keyboard: the characters, then Enter."""
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_handover_refuses_a_wrong_receipt_number_then_hands_over(
    qtbot, workspace, akhir_seats, artifacts
) -> None:
    case = case_at(workspace, sop.State.PENYERAHAN)
    stored = stored_case(workspace, case.id)
    ctx = akhir_seats("loket1")
    page = show_page(qtbot, PenyerahanPage(ctx))
    page.load(case)
    wait_idle(qtbot, ctx)
    _scanner_types(qtbot, page.application_no, stored.number)
    assert page.receipt_no.hasFocus() or page.focusWidget() is page.receipt_no
    _scanner_types(qtbot, page.receipt_no, "JKS-KW-2020-999999")
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=5000)
    assert "kuitansi tidak cocok" in page.receipt_error.text().lower()
    assert page.application_error.text() == ""
    screenshot(page, artifacts, "penyerahan_ditolak")
    wait_idle(qtbot, ctx)
    assert stored_case(workspace, case.id).state == sop.State.PENYERAHAN.value

    page.by_representative.setChecked(True)  # a representative must name themselves
    page.receipt_no.setText(stored.receipt_no)
    page.hand_over()
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=5000)
    assert page.collector_name_error.text()

    page.by_applicant.setChecked(True)
    page.receipt_no.setText(f"KW:{stored.receipt_no.lower()}")  # a scanner prefix and case are tolerated
    with qtbot.waitSignal(page.case_changed, timeout=5000) as moved:
        qtbot.keyClick(page.receipt_no, Qt.Key.Key_Return)
    assert moved.args[0].state is sop.State.ARSIP
    wait_idle(qtbot, ctx)
    assert stored_case(workspace, case.id).collected_by == "pemohon"


def test_the_webcam_reads_both_qr_codes(qtbot, workspace, akhir_seats, monkeypatch, artifacts) -> None:
    case = case_at(workspace, sop.State.PENYERAHAN)
    stored = stored_case(workspace, case.id)
    codes = iter(["", stored.number, stored.number, stored.receipt_no])
    monkeypatch.setattr(step_penyerahan, "decode_qr", lambda frame: next(codes, ""))
    ctx = akhir_seats("loket1")
    page = show_page(qtbot, PenyerahanPage(ctx))
    page.camera_interval_ms = 10
    page.load(case)
    wait_idle(qtbot, ctx)
    page.by_representative.setChecked(True)
    qtbot.keyClicks(page.collector_name, "Dewi Lestari")
    qtbot.keyClicks(page.collector_id, "3174015708800003")
    page.camera_button.setChecked(True)
    qtbot.waitUntil(lambda: not page.camera_button.isChecked(), timeout=10_000)
    assert page.application_no.text() == stored.number and page.receipt_no.text() == stored.receipt_no
    screenshot(page, artifacts, "penyerahan")
    with qtbot.waitSignal(page.case_changed, timeout=5000):
        qtbot.mouseClick(page.hand_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    after = stored_case(workspace, case.id)
    assert after.collected_by == "kuasa:Dewi Lestari" and after.collected_id_no == "3174015708800003"


def test_the_qr_code_of_a_printed_tanda_terima_is_read_from_a_camera_frame(tmp_path) -> None:
    """The real decoder on a rendered receipt: OpenCV finds the QR and returns the bare number."""
    from faskim_desktop.devices.protocols import Frame
    from faskim_desktop.documents import samples
    from faskim_desktop.documents.receipt import render_receipt
    from faskim_desktop.documents.seal_reader import rasterise_pdf

    data = samples.receipt()
    pdf = tmp_path / "tanda-terima.pdf"
    pdf.write_bytes(render_receipt(data))
    page = rasterise_pdf(pdf, dpi=150)[0].convert("RGB")
    red, green, blue = page.split()
    from PIL import Image

    bgr = Image.merge("RGB", (blue, green, red))
    frame = Frame(bgr.width, bgr.height, bgr.tobytes(), 0.0)
    assert step_penyerahan.decode_qr(frame) == data.application_number
    blank = Frame(64, 48, bytes(64 * 48 * 3), 0.0)
    assert step_penyerahan.decode_qr(blank) == ""  # no code in view: nothing, no error
