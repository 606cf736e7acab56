"""Card printer through the operating system's print queue with QtPrintSupport.

Qt covers CUPS (Linux, macOS) and the Windows spooler: ``QPrinterInfo`` lists the queues, a
``QPrinter`` with the CR80 page size (ISO/IEC 7810 ID-1, 85.60 × 53.98 mm) and zero margins is
painted with ``QPainter``. The PDF handed in (from ``documents/``) is rasterised page by page
with QtPdf's ``QPdfDocument`` at the printer resolution (300 dpi by default, typical of
dye-sublimation card printers) and drawn full-bleed; duplex uses Qt's long-side mode when
the queue offers it.

Qt tells neither the job id nor how a job ended. Where a CUPS scheduler answers, the Qt-free
``cups_ipp`` module finds the job by the unique name this driver gives it and follows its
``job-state``; it also reads the queue's state before submitting. Elsewhere (Windows spooler)
a job counts as completed once spooled, which the job's ``reason`` says.

Refusals: a stopped queue or one not accepting jobs → ``DeviceOffline``; a queue that does not
offer the requested page size → ``MediaProblem``; duplex asked of a simplex queue →
``UnsupportedSetting``; a PDF that cannot be read → ``BadData``.

This is the one devices module that imports PySide6 (QtCore, QtGui, QtPrintSupport, QtPdf —
never QtWidgets), and only inside functions so the driver is merely *unavailable* without it.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
import uuid
from typing import Any

from faskim_desktop.devices.errors import (
    BadData,
    DeviceError,
    DeviceOffline,
    DeviceUnavailable,
    MediaProblem,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, JobState, PrintJob
from faskim_desktop.devices.real import cups_ipp

log = logging.getLogger(__name__)

# Page sizes the SOP prints, width × height in millimetres as designed (landscape card).
PAGE_SIZES_MM: dict[str, tuple[float, float]] = {
    "CR80": (85.60, 53.98),  # ISO/IEC 7810 ID-1
    "A4": (210.0, 297.0),  # ISO 216
}
SIZE_TOLERANCE_MM = 1.0  # queues round sizes (CUPS reports 85.73 mm from 242.6 pt)
DEFAULT_DPI = 300
JOB_LOOKUP_TIMEOUT = 10.0

_CUPS_STATES = {
    cups_ipp.JOB_PENDING: JobState.PENDING,
    cups_ipp.JOB_HELD: JobState.PENDING,
    cups_ipp.JOB_PROCESSING: JobState.PROCESSING,
    cups_ipp.JOB_STOPPED: JobState.FAILED,
    cups_ipp.JOB_CANCELED: JobState.CANCELLED,
    cups_ipp.JOB_ABORTED: JobState.FAILED,
    cups_ipp.JOB_COMPLETED: JobState.COMPLETED,
}
SPOOLED_PREFIX = "spooled:"
_APP: list[Any] = []  # the QGuiApplication made for headless printing, if any


def job_from_cups(job_id: str, attrs: dict[str, list[object]]) -> PrintJob:
    """A ``PrintJob`` from CUPS Get-Job-Attributes (Qt-free; tested on recorded answers)."""
    state = attrs.get("job-state", [None])[0]
    if not isinstance(state, int) or state not in _CUPS_STATES:
        return PrintJob(job_id=job_id, state=JobState.FAILED, reason=f"unknown job-state {state!r}")
    return PrintJob(job_id=job_id, state=_CUPS_STATES[state], reason=cups_ipp.job_reason(attrs))


def size_matches(size_mm: tuple[float, float], wanted_mm: tuple[float, float]) -> bool:
    """Same sheet in either orientation, within ``SIZE_TOLERANCE_MM``."""
    (w, h), (ww, wh) = size_mm, wanted_mm
    same = abs(w - ww) <= SIZE_TOLERANCE_MM and abs(h - wh) <= SIZE_TOLERANCE_MM
    turned = abs(w - wh) <= SIZE_TOLERANCE_MM and abs(h - ww) <= SIZE_TOLERANCE_MM
    return same or turned


def _qt() -> dict[str, Any]:
    from PySide6 import QtCore, QtGui, QtPdf, QtPrintSupport

    return {"core": QtCore, "gui": QtGui, "pdf": QtPdf, "print": QtPrintSupport}


class QtCardPrinter:
    kind = DeviceKind.PRINTER
    name = "qt"

    def __init__(self) -> None:
        self._queue: str | None = None
        self._dpi = DEFAULT_DPI
        self._cups: cups_ipp.CupsClient | None = None
        self._use_cups: bool | None = None

    @classmethod
    def available(cls) -> str | None:
        try:
            _qt()
        except ImportError as exc:
            return f"PySide6 QtPrintSupport/QtPdf tidak tersedia / is not available ({exc})"
        return None

    # -- Qt plumbing --------------------------------------------------------------------------

    @staticmethod
    def _ensure_app() -> None:
        """Painting on a QPrinter needs a Qt GUI application; make one when run headless (CLI)."""
        qt = _qt()
        if qt["core"].QCoreApplication.instance() is not None:
            return
        if threading.current_thread() is not threading.main_thread():
            raise DeviceUnavailable(device="qt", reason="the Qt application must be created before printing")
        args = ["faskim"]
        if not (os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            args += ["-platform", "offscreen"]
        _APP.append(qt["gui"].QGuiApplication(args))  # kept alive for the process

    def _info(self, queue: str) -> Any:
        qt = _qt()
        for info in qt["print"].QPrinterInfo.availablePrinters():
            if info.printerName() == queue:
                return info
        raise NotConnected(device=queue, reason="print queue not found")

    def _cups_client(self) -> cups_ipp.CupsClient | None:
        if self._use_cups is None:
            self._use_cups = os.name == "posix" and cups_ipp.scheduler_available()
            self._cups = cups_ipp.CupsClient() if self._use_cups else None
        return self._cups

    # -- Driver -------------------------------------------------------------------------------

    def devices(self) -> list[DeviceDescriptor]:
        qt = _qt()
        out = []
        for info in qt["print"].QPrinterInfo.availablePrinters():
            sizes = [_size_mm(s, qt) for s in info.supportedPageSizes()]
            out.append(
                DeviceDescriptor(
                    id=info.printerName(),
                    label=info.description() or info.printerName(),
                    details={
                        "model": info.makeAndModel(),
                        "state": _state_name(info.state()),
                        "cr80": "yes" if any(size_matches(s, PAGE_SIZES_MM["CR80"]) for s in sizes) else "no",
                        "duplex": "yes" if _duplex_modes(info, qt) else "no",
                        "default": "yes" if info.isDefault() else "no",
                    },
                )
            )
        return out

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        settings = settings or {}
        self._info(device_id)
        dpi = settings.get("dpi", DEFAULT_DPI)
        try:
            self._dpi = int(str(dpi))
        except ValueError:
            raise UnsupportedSetting(device=device_id, setting="dpi", value=dpi) from None
        if not 72 <= self._dpi <= 1200:
            raise UnsupportedSetting(device=device_id, setting="dpi", value=dpi)
        self._queue = device_id

    def close(self) -> None:
        self._queue = None

    @property
    def is_open(self) -> bool:
        return self._queue is not None

    def _require_open(self) -> str:
        if self._queue is None:
            raise NotConnected(device="qt", reason="printer queue not opened")
        return self._queue

    # -- CardPrinter --------------------------------------------------------------------------

    def supports_duplex(self) -> bool:
        queue = self._require_open()
        return bool(_duplex_modes(self._info(queue), _qt()))

    def _check_queue(self, queue: str, info: Any) -> None:
        client = self._cups_client()
        if client is not None:
            try:
                problem = cups_ipp.queue_problem(client.printer_attributes(queue))
            except cups_ipp.IppError as exc:
                raise DeviceOffline(device=queue, reason=str(exc)) from exc
            if problem:
                raise DeviceOffline(device=queue, reason=problem)
            return
        qt = _qt()
        if info.state() == qt["print"].QPrinter.PrinterState.Error:
            raise DeviceOffline(device=queue, reason="queue in error state")

    def _page_size(self, queue: str, info: Any, page_size: str) -> Any:
        """The queue's own QPageSize for ``page_size`` (so Qt sends the queue's media name)."""
        qt = _qt()
        wanted = PAGE_SIZES_MM.get(page_size.upper())
        if wanted is None:
            raise UnsupportedSetting(device=queue, setting="page_size", value=page_size)
        for size in info.supportedPageSizes():
            if size_matches(_size_mm(size, qt), wanted):
                return size
        raise MediaProblem(device=queue, reason=f"the queue does not offer the {page_size.upper()} page size")

    def submit(self, pdf: bytes, title: str, duplex: bool = False, page_size: str = "CR80") -> PrintJob:
        queue = self._require_open()
        qt = _qt()
        self._ensure_app()
        info = self._info(queue)
        self._check_queue(queue, info)
        qpage = self._page_size(queue, info, page_size)
        if duplex and not _duplex_modes(info, qt):
            raise UnsupportedSetting(device=queue, setting="duplex", value="on")
        if not pdf.startswith(b"%PDF"):
            raise BadData(device=queue, reason="not a PDF document")
        job_name = f"{title[:60]} [faskim-{uuid.uuid4().hex[:12]}]"
        pages = self._render_pages(queue, pdf)
        self._paint(queue, qpage, pages, duplex, job_name)
        log.info("print job spooled to queue %s (%d pages)", queue, len(pages))
        return self._find_job(queue, job_name)

    def _render_pages(self, queue: str, pdf: bytes) -> list[Any]:
        """Every PDF page as a QImage at the printer resolution."""
        qt = _qt()
        fd, path = tempfile.mkstemp(suffix=".pdf", prefix="faskim-print-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pdf)
            doc = qt["pdf"].QPdfDocument()
            status = doc.load(path)
            if status != qt["pdf"].QPdfDocument.Error.None_ or doc.pageCount() < 1:
                raise BadData(device=queue, reason="the PDF cannot be read")
            images = []
            for index in range(doc.pageCount()):
                points = doc.pagePointSize(index)
                pixels = qt["core"].QSize(
                    max(1, round(points.width() * self._dpi / 72)), max(1, round(points.height() * self._dpi / 72))
                )
                image = doc.render(index, pixels)
                if image.isNull():
                    raise BadData(device=queue, reason=f"PDF page {index + 1} cannot be rendered")
                images.append(image)
            doc.close()
            return images
        finally:
            os.unlink(path)

    def _paint(self, queue: str, qpage: Any, pages: list[Any], duplex: bool, job_name: str) -> None:
        qt = _qt()
        QPrinter = qt["print"].QPrinter
        QPageLayout = qt["gui"].QPageLayout
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(queue)
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
        printer.setResolution(self._dpi)
        printer.setDocName(job_name)
        printer.setCreator("Faskim Desktop")
        printer.setFullPage(True)
        if not printer.setPageSize(qpage):
            raise MediaProblem(device=queue, reason="the queue refused the page size")
        printer.setPageMargins(qt["core"].QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide if duplex else QPrinter.DuplexMode.DuplexNone)
        painter = qt["gui"].QPainter()
        if not painter.begin(printer):
            raise DeviceOffline(device=queue, reason="the print system refused the job")
        try:
            painter.setRenderHint(qt["gui"].QPainter.RenderHint.SmoothPixmapTransform)
            for index, image in enumerate(pages):
                if index:
                    printer.newPage()
                target = printer.pageRect(QPrinter.Unit.DevicePixel)
                _draw_fitted(painter, image, target, qt)
        finally:
            if not painter.end():
                raise DeviceOffline(device=queue, reason="the print system did not accept the job")

    def _find_job(self, queue: str, job_name: str) -> PrintJob:
        client = self._cups_client()
        if client is None:
            return PrintJob(job_id=SPOOLED_PREFIX + job_name, state=JobState.COMPLETED, reason="spooled")
        deadline = time.monotonic() + JOB_LOOKUP_TIMEOUT
        while True:
            try:
                job_id = client.find_job(queue, job_name)
            except cups_ipp.IppError as exc:
                raise DeviceError(device=queue, reason=str(exc)) from exc
            if job_id is not None:
                return self.job_state(str(job_id))
            if time.monotonic() >= deadline:
                raise DeviceError(device=queue, reason="the queue did not list the submitted job")
            time.sleep(0.05)

    def job_state(self, job_id: str) -> PrintJob:
        queue = self._queue or "qt"
        if job_id.startswith(SPOOLED_PREFIX):
            return PrintJob(job_id=job_id, state=JobState.COMPLETED, reason="spooled")
        client = self._cups_client()
        if client is None or not job_id.isdigit():
            raise BadData(device=queue, reason=f"unknown job {job_id!r}")
        try:
            attrs = client.job_attributes(int(job_id))
        except cups_ipp.IppError as exc:
            raise DeviceError(device=queue, reason=str(exc)) from exc
        return job_from_cups(job_id, attrs)


def _size_mm(page_size: Any, qt: dict[str, Any]) -> tuple[float, float]:
    size = page_size.size(qt["gui"].QPageSize.Unit.Millimeter)
    return float(size.width()), float(size.height())


def _duplex_modes(info: Any, qt: dict[str, Any]) -> list[Any]:
    mode = qt["print"].QPrinter.DuplexMode
    return [m for m in info.supportedDuplexModes() if m in (mode.DuplexLongSide, mode.DuplexShortSide)]


def _state_name(state: Any) -> str:
    return str(getattr(state, "name", state)).lower()


def _draw_fitted(painter: Any, image: Any, target: Any, qt: dict[str, Any]) -> None:
    """Draw ``image`` filling ``target``; a page drawn in the other orientation is turned 90°."""
    page_landscape = target.width() >= target.height()
    image_landscape = image.width() >= image.height()
    if page_landscape != image_landscape:
        image = image.transformed(qt["gui"].QTransform().rotate(90), qt["core"].Qt.TransformationMode.SmoothTransformation)
    scale = min(target.width() / image.width(), target.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    x = target.x() + (target.width() - w) / 2
    y = target.y() + (target.height() - h) / 2
    painter.drawImage(qt["core"].QRectF(x, y, w, h), image)
