"""Qt card printer driver through CUPS to ippeveprinter, which keeps every job file."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from contract import check_driver, check_error
from spool_pages import job_pages
from stack_support import create, stand_in_missing

from faskim_desktop.devices.errors import DeviceOffline, MediaProblem
from faskim_desktop.devices.protocols import JobState
from faskim_desktop.devices.selftest import sample_card_pdf

pytestmark = pytest.mark.stack

CR80_MM = (85.60, 53.98)
TOLERANCE_MM = 0.5  # a 300 dpi raster rounds each side to a whole pixel (0.085 mm)


@pytest.fixture
def queue(stack_env: dict[str, str], drivers, qapp) -> str:  # type: ignore[no-untyped-def]
    """The test queue; ``qapp`` first, so the driver never makes a bare QGuiApplication that
    would stop later GUI tests from creating widgets in this process."""
    from faskim_desktop.devices.real import cups_ipp

    name = stack_env["FASKIM_TEST_PRINTER"]
    try:
        cups_ipp.CupsClient(timeout=2.0).printer_attributes(name)
    except cups_ipp.IppError as exc:
        stand_in_missing(f"CUPS queue {name} not reachable ({exc}): scripts/devices start")
    return name


@pytest.fixture
def spool(stack_env: dict[str, str]) -> Path:
    return Path(stack_env["FASKIM_TEST_PRINTER_SPOOL"])


def job_files(spool: Path) -> set[Path]:
    # ippeveprinter keeps the document (-k) and writes the print command's output as .prn.
    return {p for p in spool.iterdir() if p.suffix != ".prn"}


def new_job_file(spool: Path, before: set[Path], timeout: float = 10.0) -> Path:
    deadline = time.monotonic() + timeout
    while True:
        new = job_files(spool) - before
        if new:
            assert len(new) == 1, f"one job expected, found {sorted(p.name for p in new)}"
            return new.pop()
        assert time.monotonic() < deadline, "no job file arrived at the printer"
        time.sleep(0.05)


def is_cr80(width_mm: float, height_mm: float) -> bool:
    w, h = sorted((width_mm, height_mm), reverse=True)
    return abs(w - CR80_MM[0]) <= TOLERANCE_MM and abs(h - CR80_MM[1]) <= TOLERANCE_MM


def two_page_pdf() -> bytes:
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(CR80_MM[0] * mm, CR80_MM[1] * mm))
    for side in ("DEPAN / FRONT", "BELAKANG / BACK"):
        pdf.rect(2 * mm, 2 * mm, (CR80_MM[0] - 4) * mm, (CR80_MM[1] - 4) * mm)
        pdf.drawString(10 * mm, 25 * mm, side)
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_contract_job_arrives_as_a_cr80_page(drivers, queue: str, spool: Path) -> None:
    driver = create(drivers, "printer", "qt")
    assert queue in [d.id for d in driver.devices()]
    before = job_files(spool)
    job = check_driver(driver, device_id=queue)
    assert job.state == JobState.COMPLETED
    path = new_job_file(spool, before)
    pages = job_pages(path)
    assert pages and is_cr80(pages[0].width_mm, pages[0].height_mm), (path.name, pages)
    assert pages[0].duplex in ("simplex", ""), pages[0]  # PDF spools carry no duplex flag


def test_duplex_card_is_sent_long_edge(drivers, queue: str, spool: Path) -> None:
    driver = create(drivers, "printer", "qt")
    driver.open(queue)
    try:
        assert driver.supports_duplex()
        before = job_files(spool)
        job = driver.submit(two_page_pdf(), "kartu dua sisi", duplex=True, page_size="CR80")
        deadline = time.monotonic() + 60
        while job.state in (JobState.PENDING, JobState.PROCESSING) and time.monotonic() < deadline:
            time.sleep(0.05)
            job = driver.job_state(job.job_id)
    finally:
        driver.close()
    assert job.state == JobState.COMPLETED, job.reason
    pages = job_pages(new_job_file(spool, before))
    assert is_cr80(pages[0].width_mm, pages[0].height_mm)
    assert pages[0].duplex == "long-edge", pages[0]


def test_queue_without_the_page_size_is_a_media_problem(drivers, queue: str, spool: Path) -> None:
    driver = create(drivers, "printer", "qt")
    driver.open(queue)
    try:
        before = job_files(spool)
        with pytest.raises(MediaProblem) as info:
            driver.submit(sample_card_pdf(), "A4 on a card printer", page_size="A4")
        check_error(info.value, MediaProblem)
        assert job_files(spool) == before, "nothing was sent"
        # The same driver prints a card right after.
        job = driver.submit(sample_card_pdf(), "card after refusal", page_size="CR80")
        assert job.job_id
    finally:
        driver.close()


def test_stopped_queue_is_offline(drivers, stack_env: dict[str, str], queue: str) -> None:
    driver = create(drivers, "printer", "qt")
    driver.open(stack_env["FASKIM_TEST_PRINTER_OFFLINE"])
    try:
        with pytest.raises(DeviceOffline) as info:
            driver.submit(sample_card_pdf(), "to a stopped queue")
        check_error(info.value, DeviceOffline)
        assert "stopped" in str(info.value.params.get("reason"))
    finally:
        driver.close()
