"""Step 9 through the real stack: the card printed from the app's printing page by the Qt printer
driver into CUPS, arriving at the ippeveprinter stand-in as a CR80 duplex job, followed to its end."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spool_pages import job_pages

from faskim_desktop.core import sop
from faskim_desktop.core.services.card_output import CardOutputService
from faskim_desktop.core.services.office_keys import OfficeKeys
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings
from faskim_desktop.documents.seal_reader import verify_file
from tests.conftest import principals, wait_idle
from tests.gui.akhir_support import case_at, prints, stored_case

pytestmark = pytest.mark.stack

CR80_MM = (85.60, 53.98)
TOLERANCE_MM = 0.5


def _job_files(spool: Path) -> set[Path]:
    return {p for p in spool.iterdir() if p.suffix != ".prn"}


def test_the_card_printed_from_the_app_arrives_at_cups_as_a_cr80_duplex_job(
    qtbot, qapp, workspace, seat_factory, stack_env, tmp_path
) -> None:
    from faskim_desktop.devices.real import cups_ipp
    from faskim_desktop.gui.build_ui import ensure_built

    ensure_built()
    from faskim_desktop.gui.pages.step_cetak import CetakPage

    queue = stack_env["FASKIM_TEST_PRINTER"]
    spool = Path(stack_env["FASKIM_TEST_PRINTER_SPOOL"])
    try:
        cups_ipp.CupsClient(timeout=2.0).printer_attributes(queue)
    except cups_ipp.IppError as exc:
        pytest.skip(f"CUPS queue {queue} not reachable ({exc}): scripts/devices start")
    settings = DeviceSettings(workspace.folder)
    settings.set_choice(DeviceKind.PRINTER, DeviceChoice("qt", queue, {"duplex": True}))
    settings.save()

    case = case_at(workspace, sop.State.CETAK)
    ctx = seat_factory("loket1", simulated=False)
    page = CetakPage(ctx)
    qtbot.addWidget(page)
    page.poll_interval_ms = 200
    page.load(case)
    qtbot.waitUntil(page.print_button.isEnabled, timeout=20_000)
    assert page.printer_label.text() == "qt"
    before = _job_files(spool)
    with qtbot.waitSignal(page.case_changed, timeout=120_000) as moved:
        page.print_card()
    assert moved.args[0].state is sop.State.PENGESAHAN
    wait_idle(qtbot, ctx)
    rows = prints(workspace, case.id)
    assert [(r.state, r.printer) for r in rows] == [("completed", "qt")] and rows[0].job_id

    deadline = time.monotonic() + 20
    while not (_job_files(spool) - before) and time.monotonic() < deadline:
        time.sleep(0.1)
    new = _job_files(spool) - before
    assert len(new) == 1, sorted(p.name for p in new)
    pages = job_pages(new.pop())
    width, height = sorted((pages[0].width_mm, pages[0].height_mm), reverse=True)
    assert abs(width - CR80_MM[0]) <= TOLERANCE_MM and abs(height - CR80_MM[1]) <= TOLERANCE_MM, pages
    assert pages[0].duplex == "long-edge", pages[0]

    card = tmp_path / "kartu.pdf"
    card.write_bytes(CardOutputService(workspace, principals(workspace)["loket1"]).latest(case.id) or b"")
    seal = verify_file(card, OfficeKeys(workspace).trusted())
    assert seal.valid and seal.fields is not None
    assert seal.fields.register_number == stored_case(workspace, case.id).register_no
