"""The "Verifikasi kartu" page: a card printed by the app verifies (PDF and image), a card sealed with
a foreign key does not, and an image without a seal is said to be unreadable."""

from __future__ import annotations

import io

from PIL import Image

from faskim_desktop.core import sop
from faskim_desktop.core.seal import create_office_key, load_signer
from faskim_desktop.core.services.card_output import CardOutputService
from faskim_desktop.documents import samples
from faskim_desktop.documents.card import render_card
from faskim_desktop.documents.seal_reader import rasterise_pdf
from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import principals, wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import case_at, screenshot, show_page, stored_case

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.pages.verify_card import VerifyCardPage  # noqa: E402


def _wait_result(qtbot, ctx, page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.file_button.isEnabled(), timeout=30_000)
    wait_idle(qtbot, ctx)


def test_a_card_printed_by_the_app_verifies_and_a_foreign_one_does_not(
    qtbot, workspace, akhir_seats, tmp_path, artifacts
) -> None:
    case = case_at(workspace, sop.State.PENGESAHAN)
    pdf = CardOutputService(workspace, principals(workspace)["loket1"]).latest(case.id)
    assert pdf is not None
    card = tmp_path / "kartu.pdf"
    card.write_bytes(pdf)
    ctx = akhir_seats("loket1")
    page = show_page(qtbot, VerifyCardPage(ctx))

    page.verify_file(card)
    _wait_result(qtbot, ctx, page)
    assert page.result is not None and page.result.valid and page.verdict.text() == "SAH"
    assert page.values["register_number"].text() == stored_case(workspace, case.id).register_no

    back = rasterise_pdf(card, dpi=200)[1]  # the back of the card as a scanner would see it
    buffer = io.BytesIO()
    back.save(buffer, "PNG")
    page.verify_image(buffer.getvalue())
    _wait_result(qtbot, ctx, page)
    assert page.result is not None and page.result.valid
    screenshot(page, artifacts, "verifikasi_sah")

    create_office_key(tmp_path / "other", "frasa-sandi-lain", office_code="LAIN")
    foreign = tmp_path / "asing.pdf"
    foreign.write_bytes(
        render_card(samples.card(), signer=load_signer(tmp_path / "other", "frasa-sandi-lain"))
    )
    page.verify_file(foreign)
    _wait_result(qtbot, ctx, page)
    assert page.result is not None and not page.result.valid and page.verdict.text() == "TIDAK SAH"
    assert "tidak dipercaya" in page.reason.text() and "TIDAK terverifikasi" in page.fields_note.text()
    screenshot(page, artifacts, "verifikasi_tidak_sah")

    blank = io.BytesIO()
    Image.new("L", (400, 250), 255).save(blank, "PNG")
    page.verify_image(blank.getvalue())  # a damaged or empty image: no seal found
    _wait_result(qtbot, ctx, page)
    assert page.result is None and page.verdict.text() == "TIDAK TERBACA"
    assert "Tidak ada segel" in page.reason.text()
