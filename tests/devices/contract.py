"""Reusable contract checks for device drivers — one function per kind.

Every driver, simulated or real, must pass the check of its kind. The simulated drivers run them
in ``test_device_contract.py``; a real driver's stack test does the same against its stand-in::

    from tests.devices.contract import check_driver   # the repo root is on pytest's pythonpath

    def test_sane_contract(sane_standin):
        driver = registry.create("scanner", "sane")
        check_driver(driver, device_id="test:0")

Each ``check_*`` opens the device (``device_id`` or the first listed), performs the kind's core
operation, asserts the result's shape, closes, and returns the sample so the caller can make
stack-specific assertions (e.g. that the CUPS job file is a CR80 page). ``check_fault`` is for
drivers with fault injection (``set_fault``/``clear_fault``): the fault raises exactly its typed
error, a readable message in both languages, and the same instance works once it is cleared.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from faskim_desktop.core import messages
from faskim_desktop.devices.errors import DeviceError
from faskim_desktop.devices.protocols import (
    Camera,
    CardPrinter,
    DeviceDescriptor,
    DeviceKind,
    FingerprintImage,
    FingerprintReader,
    Frame,
    JobState,
    PrintJob,
    ScannedPage,
    Scanner,
    ScanSettings,
    SmartCardReader,
)
from faskim_desktop.devices.selftest import sample_card_pdf

PROTOCOLS = {
    DeviceKind.CAMERA: Camera,
    DeviceKind.FINGERPRINT: FingerprintReader,
    DeviceKind.SCANNER: Scanner,
    DeviceKind.PRINTER: CardPrinter,
    DeviceKind.SMARTCARD: SmartCardReader,
}

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# SELECT the master file (ISO/IEC 7816-4 §11.1.1, P1=00 selects MF/DF/EF by id 3F00).
SELECT_MF = bytes.fromhex("00A40000023F00")


def check_common(driver: Any) -> list[DeviceDescriptor]:
    """Attributes and device listing every driver has."""
    assert isinstance(driver.kind, DeviceKind), "driver.kind must be a DeviceKind"
    assert isinstance(driver.name, str) and driver.name, "driver.name must be a non-empty str"
    assert isinstance(driver, PROTOCOLS[driver.kind]), f"driver does not implement {driver.kind} protocol"
    found = driver.devices()
    assert isinstance(found, list)
    for d in found:
        assert isinstance(d, DeviceDescriptor) and d.id and d.label, f"bad descriptor {d!r}"
    ids = [d.id for d in found]
    assert len(ids) == len(set(ids)), "device ids must be unique"
    return found


def _open(driver: Any, device_id: str | None, settings: dict[str, object] | None) -> str:
    if device_id is None:
        found = check_common(driver)
        assert found, f"{driver.kind}:{driver.name} lists no device"
        device_id = found[0].id
    driver.open(device_id, dict(settings or {}))
    return device_id


def check_error(err: BaseException, expected: type[DeviceError] = DeviceError) -> None:
    """A driver's failure is a typed DeviceError with a code and words in id and en."""
    assert isinstance(err, expected), f"expected {expected.__name__}, got {type(err).__name__}: {err}"
    assert err.code.startswith("device."), err.code
    assert messages.has(err.code), f"no message registered for {err.code}"
    for lang in messages.LANGUAGES:
        text = err.message(lang)
        assert text and "{" not in text, f"unformatted message for {err.code}/{lang}: {text!r}"


# -- one operation per kind (used by the checks and by check_fault) ---------------------------


def camera_op(driver: Any) -> Frame:
    frame = driver.read_frame(timeout=5.0)
    assert isinstance(frame, Frame)
    assert frame.width > 0 and frame.height > 0
    assert len(frame.data) == frame.width * frame.height * 3, "frame data must be BGR width*height*3"
    return frame


def fingerprint_op(driver: Any, finger: str = "right_index") -> FingerprintImage:
    img = driver.capture(finger, timeout=30.0)
    assert isinstance(img, FingerprintImage)
    assert img.finger == finger
    assert img.width > 0 and img.height > 0 and len(img.pixels) == img.width * img.height
    assert img.dpi >= 250, "fingerprint images are expected at 500 dpi (at least 250)"
    assert 0 <= img.quality <= 100
    return img


def scanner_op(driver: Any, settings: ScanSettings | None = None) -> list[ScannedPage]:
    settings = settings or ScanSettings(resolution=75, mode="color", source="flatbed")
    pages = driver.scan(settings)
    assert isinstance(pages, list) and pages, "a scan returns at least one page (or raises)"
    for p in pages:
        assert isinstance(p, ScannedPage)
        assert p.png.startswith(PNG_MAGIC), "pages are PNG bytes"
        assert p.width > 0 and p.height > 0 and p.dpi > 0
    return pages


def printer_op(driver: Any, pdf: bytes | None = None, poll_timeout: float = 60.0) -> PrintJob:
    job = driver.submit(pdf or sample_card_pdf(), "contract test", duplex=False, page_size="CR80")
    assert isinstance(job, PrintJob) and job.job_id
    deadline = time.monotonic() + poll_timeout
    while job.state in (JobState.PENDING, JobState.PROCESSING) and time.monotonic() < deadline:
        time.sleep(0.05)
        job = driver.job_state(job.job_id)
        assert isinstance(job, PrintJob)
    assert job.state == JobState.COMPLETED, f"job ended {job.state} ({job.reason})"
    return job


def smartcard_op(driver: Any, apdu: bytes = SELECT_MF) -> bytes:
    conn = driver.connect(timeout=5.0)
    try:
        atr = conn.atr()
        assert isinstance(atr, bytes) and atr[:1] in (b"\x3b", b"\x3f"), "ATR starts with TS 3B or 3F"
        response = conn.transmit(apdu)
        assert isinstance(response, bytes) and len(response) >= 2, "response ends with SW1 SW2"
        return response
    finally:
        conn.disconnect()


OPERATIONS: dict[DeviceKind, Callable[[Any], object]] = {
    DeviceKind.CAMERA: camera_op,
    DeviceKind.FINGERPRINT: fingerprint_op,
    DeviceKind.SCANNER: scanner_op,
    DeviceKind.PRINTER: printer_op,
    DeviceKind.SMARTCARD: smartcard_op,
}


# -- the per-kind checks ------------------------------------------------------------------------


def check_camera(
    driver: Any, device_id: str | None = None, settings: dict[str, object] | None = None, frames: int = 3
) -> list[Frame]:
    _open(driver, device_id, settings)
    try:
        return [camera_op(driver) for _ in range(frames)]
    finally:
        driver.close()


def check_fingerprint(
    driver: Any,
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
    finger: str = "right_index",
) -> FingerprintImage:
    _open(driver, device_id, settings)
    try:
        return fingerprint_op(driver, finger)
    finally:
        driver.close()


def check_scanner(
    driver: Any,
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
    scan: ScanSettings | None = None,
) -> list[ScannedPage]:
    _open(driver, device_id, settings)
    try:
        return scanner_op(driver, scan)
    finally:
        driver.close()


def check_printer(
    driver: Any,
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
    pdf: bytes | None = None,
    poll_timeout: float = 60.0,
) -> PrintJob:
    _open(driver, device_id, settings)
    try:
        assert isinstance(driver.supports_duplex(), bool)
        return printer_op(driver, pdf, poll_timeout)
    finally:
        driver.close()


def check_smartcard(
    driver: Any,
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
    apdu: bytes = SELECT_MF,
) -> bytes:
    _open(driver, device_id, settings)
    try:
        return smartcard_op(driver, apdu)
    finally:
        driver.close()


CHECKS: dict[DeviceKind, Callable[..., object]] = {
    DeviceKind.CAMERA: check_camera,
    DeviceKind.FINGERPRINT: check_fingerprint,
    DeviceKind.SCANNER: check_scanner,
    DeviceKind.PRINTER: check_printer,
    DeviceKind.SMARTCARD: check_smartcard,
}


def check_driver(
    driver: Any, device_id: str | None = None, settings: dict[str, object] | None = None, **kwargs: Any
) -> object:
    """The contract of ``driver.kind``; returns that check's sample."""
    check_common(driver)
    return CHECKS[driver.kind](driver, device_id=device_id, settings=settings, **kwargs)


def check_not_open(driver: Any) -> None:
    """Using a device that was never opened is a typed error, not an AttributeError."""
    try:
        OPERATIONS[driver.kind](driver)
    except DeviceError as err:
        check_error(err)
    else:
        raise AssertionError("an operation before open() must raise a DeviceError")


def check_fault(
    driver: Any,
    fault: Any,
    expected: type[DeviceError],
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
) -> None:
    """``fault`` raises ``expected``; after ``clear_fault()`` the same instance works again."""
    dev = _open(driver, device_id, settings)
    op = OPERATIONS[driver.kind]
    try:
        op(driver)  # healthy first
        driver.set_fault(fault)
        try:
            op(driver)
        except DeviceError as err:
            check_error(err, expected)
        else:
            raise AssertionError(f"fault {fault} did not raise {expected.__name__}")
        driver.clear_fault()
        if not getattr(driver, "is_open", True):  # a fault that unplugged the device needs a re-open
            driver.open(dev, dict(settings or {}))
        op(driver)  # works again without a new instance
    finally:
        driver.clear_fault()
        driver.close()
