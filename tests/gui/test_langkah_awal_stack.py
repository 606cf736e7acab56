"""The file scan (step 4a) with the real SANE driver against the `test` backend of
``scripts/devices start`` (the SANE stand-in), through the page and the seat's device hub."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image
from PySide6.QtCore import Qt

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.core.services.awal_views import scan_image, scan_pages
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import DeviceChoice
from faskim_desktop.gui.pages.step_pindai import PindaiPage
from tests.conftest import principals, standard_crew, wait_idle
from tests.devices_stack import standins
from tests.gui.awal_support import open_in_awal, open_window, shot, wait_state

pytestmark = pytest.mark.stack


@pytest.fixture
def sane_env() -> dict[str, str]:
    env = standins.load()
    if env is None:
        pytest.skip(standins.NOT_STARTED)
    if not env.get("SANE_CONFIG_DIR") or not env.get("FASKIM_TEST_SCANNER"):
        pytest.skip("the SANE stand-in is not configured in .run/devices/env (scripts/devices start)")
    os.environ["SANE_CONFIG_DIR"] = env["SANE_CONFIG_DIR"]  # read by libsane at its first init
    return env


def test_scan_through_the_sane_stand_in_and_forward(qtbot, workspace, seat_factory, artifacts, sane_env) -> None:
    people = principals(workspace)
    crew = standard_crew(people)
    case_id = carry(workspace, crew, until=sop.State.PINDAI_BERKAS).case.id
    ctx = seat_factory("loket1", simulated=False)
    ctx.devices.settings.set_choice(DeviceKind.SCANNER, DeviceChoice("sane", sane_env["FASKIM_TEST_SCANNER"]))
    try:
        available = ctx.devices.driver_name(DeviceKind.SCANNER)
    except Exception as err:  # pragma: no cover - depends on the machine
        pytest.skip(f"SANE driver not usable here: {err}")
    assert available == "sane"
    window = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, window, ctx, case_id, PindaiPage)
    page.resolution.setCurrentIndex(0)  # 150 dpi
    for index in (0, 1):
        page.category.setCurrentIndex(index)
        qtbot.mouseClick(page.scan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.scan_busy.active is False, timeout=30_000)
        wait_idle(qtbot, ctx)
        if "gagal" in page.message.text():
            pytest.skip(f"the SANE stand-in did not scan: {page.message.text()}")
        qtbot.waitUntil(lambda: page.thumbs.count() == 1, timeout=10_000)
    pages = scan_pages(workspace, case_id)
    assert sorted(p.category for p in pages) == ["formulir", "surat_permohonan"]
    image = Image.open(io.BytesIO(scan_image(workspace, pages[0].file_id)))
    # the test backend scans 80 x 100 mm: at 150 dpi that is about 472 x 590 pixels of a pattern
    assert abs(image.width - 80 / 25.4 * 150) <= 3
    shot(window, artifacts, "4a_pindai_sane")
    qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    wait_state(qtbot, ctx, workspace, case_id, sop.State.PERSETUJUAN)


def test_read_passport_chip_through_pcscd_and_the_emulator(qtbot, workspace, seat_factory, artifacts) -> None:
    """Step 3's "Baca paspor (chip)" through pyscard → pcscd → vpcd → the project's eMRTD emulator
    (the demo passport in reader "Virtual PCD 00 00", started by scripts/devices start)."""
    env = standins.load()
    if env is None:
        pytest.skip(standins.NOT_STARTED)
    reader = env.get("FASKIM_TEST_PCSC_EMRTD_READER")
    if not env.get("FASKIM_TEST_PCSC") or not reader:
        pytest.skip("the PC/SC stand-in is not configured in .run/devices/env (scripts/devices start)")
    pytest.importorskip("smartcard", reason="pyscard is not installed")
    from faskim_desktop.devices.emrtd_emulator.passport import DEMO
    from faskim_desktop.devices.errors import DeviceError
    from faskim_desktop.devices.real.smartcard_pcsc import PcscSmartCardReader
    from faskim_desktop.gui.pages.step_entri import EntriPage

    try:
        listed = {d.id: d.details for d in PcscSmartCardReader().devices()}
    except DeviceError as err:
        pytest.skip(f"pcscd is not running (scripts/devices start): {err.code}")
    if listed.get(reader, {}).get("card") != "present":
        pytest.skip(f"no emulated passport in {reader!r} (scripts/devices start runs the eMRTD emulator)")
    people = principals(workspace)
    crew = standard_crew(people)
    case_id = carry(workspace, crew, until=sop.State.ENTRI).case.id
    ctx = seat_factory("loket1", simulated=False)
    ctx.devices.settings.set_choice(DeviceKind.SMARTCARD, DeviceChoice("pcsc", reader))
    window = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, window, ctx, case_id, EntriPage)
    page.mrz_edit.setPlainText("\n".join(DEMO.mrz_lines))  # the key comes from the MRZ
    qtbot.waitUntil(lambda: page.source == "mrz", timeout=3000)
    qtbot.mouseClick(page.chip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.source == "chip" or "tidak terbaca" in page.message.text(), timeout=20_000)
    assert page.source == "chip", page.message.text()
    assert page.value("passport_no") == DEMO.document_number and not page.mismatch_box.isVisible()
    assert page.photo_label.isVisible()  # DG2 decoded and shown
    shot(window, artifacts, "3_entri_chip_pcsc")
