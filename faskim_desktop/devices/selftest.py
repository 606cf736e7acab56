"""The test action of each device kind, shared by ``faskim devices test`` and the technician page.

Each action opens the device, does the one thing a technician checks (a frame, a fingerprint
capture with its quality, a one-page scan, a CR80 test card print followed to its end, a card's
ATR), closes it, and returns a ``SelfTestResult`` holding codes and numbers (no sentences) plus
the raw sample for display. Failures are the typed ``DeviceError``s of the driver. Blocking: run
it on the device's worker.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from typing import Any

from faskim_desktop.devices.errors import DeviceTimeout, MediaProblem, NotConnected
from faskim_desktop.devices.protocols import DeviceKind, JobState, ScanSettings

# ISO/IEC 7810 ID-1 (CR80): 85.60 × 53.98 mm.
CR80_MM = (85.60, 53.98)
TEST_FINGER = "right_index"


@dataclass
class SelfTestResult:
    kind: DeviceKind
    driver: str
    device_id: str
    ok: bool
    summary: dict[str, Any] = field(default_factory=dict)  # numbers/codes for display or JSON
    sample: object | None = None  # Frame, FingerprintImage, ScannedPage, PrintJob, ATR bytes


def sample_card_pdf(label: str = "KARTU UJI / TEST CARD") -> bytes:
    """A one-page CR80 test card: border, centre cross, 5 mm grid marks and a label (reportlab)."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    w, h = CR80_MM[0] * mm, CR80_MM[1] * mm
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(w, h), pageCompression=1)
    pdf.setTitle("Faskim test card")
    pdf.setStrokeColorRGB(0.1, 0.2, 0.5)
    pdf.setLineWidth(0.6)
    pdf.rect(1.5 * mm, 1.5 * mm, w - 3 * mm, h - 3 * mm)
    pdf.setLineWidth(0.2)
    for x in range(5, int(CR80_MM[0]), 5):
        pdf.line(x * mm, 1.5 * mm, x * mm, 3.5 * mm)
    pdf.line(w / 2 - 4 * mm, h / 2, w / 2 + 4 * mm, h / 2)
    pdf.line(w / 2, h / 2 - 4 * mm, w / 2, h / 2 + 4 * mm)
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawCentredString(w / 2, h - 10 * mm, label)
    pdf.setFont("Helvetica", 6)
    pdf.drawCentredString(w / 2, 8 * mm, "CR80 85.60 x 53.98 mm — Faskim Desktop")
    pdf.setFillColorRGB(0.1, 0.2, 0.5)
    pdf.rect(5 * mm, h / 2 - 6 * mm, 18 * mm, 12 * mm, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def run_selftest(
    kind: DeviceKind | str,
    driver: Any,
    device_id: str | None = None,
    settings: dict[str, object] | None = None,
    job_timeout: float = 60.0,
) -> SelfTestResult:
    """Open ``device_id`` (or the driver's first device), do the kind's check, close."""
    kind = DeviceKind(kind)
    if device_id is None:
        found = driver.devices()
        if not found:
            raise NotConnected(device=f"{kind.value}:{driver.name}", reason="no device found")
        device_id = found[0].id
    driver.open(device_id, settings or {})
    try:
        result = SelfTestResult(kind, driver.name, device_id, ok=True)
        if kind == DeviceKind.CAMERA:
            frame = driver.read_frame(timeout=5.0)
            result.summary = {"width": frame.width, "height": frame.height}
            result.sample = frame
        elif kind == DeviceKind.FINGERPRINT:
            image = driver.capture(TEST_FINGER, timeout=30.0)
            result.summary = {
                "width": image.width,
                "height": image.height,
                "dpi": image.dpi,
                "quality": image.quality,
                "finger": image.finger,
            }
            result.sample = image
        elif kind == DeviceKind.SCANNER:
            opts = settings or {}
            scan = ScanSettings(
                resolution=int(str(opts.get("resolution", 100))),
                mode=str(opts.get("mode", "color")),
                source=str(opts.get("source", "flatbed")),
            )
            pages = driver.scan(scan)
            if not pages:
                raise MediaProblem(device=device_id, reason="no page")
            first = pages[0]
            result.summary = {
                "pages": len(pages),
                "width": first.width,
                "height": first.height,
                "dpi": first.dpi,
            }
            result.sample = first
        elif kind == DeviceKind.PRINTER:
            job = driver.submit(sample_card_pdf(), "Faskim test card", duplex=False, page_size="CR80")
            deadline = time.monotonic() + job_timeout
            while job.state in (JobState.PENDING, JobState.PROCESSING):
                if time.monotonic() > deadline:
                    raise DeviceTimeout(device=device_id, timeout=job_timeout)
                time.sleep(0.05)
                job = driver.job_state(job.job_id)
            result.ok = job.state == JobState.COMPLETED
            result.summary = {"job_id": job.job_id, "state": job.state.value, "reason": job.reason}
            result.sample = job
            if job.state == JobState.FAILED:
                raise MediaProblem(device=device_id, reason=job.reason or "job failed", job_id=job.job_id)
        elif kind == DeviceKind.SMARTCARD:
            conn = driver.connect(timeout=5.0)
            try:
                atr = conn.atr()
            finally:
                conn.disconnect()
            result.summary = {"atr": atr.hex(" ").upper()}
            result.sample = atr
        return result
    finally:
        driver.close()
