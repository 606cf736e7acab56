"""Step 1 through the real stack: the tanda terima printed from the Terima page goes through the
Qt printer driver and CUPS to the office's A4 document printer (an ippeveprinter stand-in), while
the card printer's queue keeps only CR80 blanks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spool_pages import job_pages

from faskim_desktop.config import Settings
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.gui.devices_hub import DeviceHub
from tests.conftest import principals, wait_idle

pytestmark = pytest.mark.stack
A4_MM = (210.0, 297.0)


def test_the_tanda_terima_reaches_the_a4_document_printer(qtbot, qapp, workspace, seat_factory, stack_env) -> None:
    ensure_built()
    from faskim_desktop.gui.pages.step_terima import TerimaPage

    doc_queue = stack_env.get("FASKIM_TEST_DOC_PRINTER")
    if not doc_queue:
        pytest.skip("no document printer in the stand-ins (scripts/devices start)")
    spool = Path(stack_env["FASKIM_TEST_DOC_PRINTER_SPOOL"])
    before = {p for p in spool.iterdir()}
    settings = DeviceSettings(workspace.folder)
    settings.set_choice(DeviceKind.PRINTER, DeviceChoice("qt", stack_env["FASKIM_TEST_PRINTER"], {}))
    settings.save()
    Settings(workspace.folder).set("document_printer", doc_queue)

    ctx = seat_factory("loket1", simulated=False)
    ctx.devices = DeviceHub(workspace.folder, simulated=False)
    case = IntakeService(workspace, principals(workspace)["loket1"]).open_case()
    page = TerimaPage(ctx)
    qtbot.addWidget(page)
    page.load(case)
    wait_idle(qtbot, ctx)
    page.tick_required()
    page.receive()
    wait_idle(qtbot, ctx, timeout=30_000)

    deadline = time.monotonic() + 60
    new: list[Path] = []
    while time.monotonic() < deadline:
        new = [p for p in spool.iterdir() if p not in before and p.suffix != ".prn" and p.stat().st_size]
        if new:
            break
        qtbot.wait(200)
    assert new, "no job reached the document printer"
    time.sleep(0.5)  # let ippeveprinter finish writing the file
    pages = job_pages(new[0])
    assert pages
    width, height = sorted((pages[0].width_mm, pages[0].height_mm))
    assert abs(width - A4_MM[0]) < 2 and abs(height - A4_MM[1]) < 2
