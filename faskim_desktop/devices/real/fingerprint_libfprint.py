"""Fingerprint reader through libfprint 2 (PyGObject, ``gi.require_version("FPrint", "2.0")``).

Only readers that give images (libfprint "image devices", feature ``CAPTURE``) can serve the
SOP's capture step; match-on-chip readers are listed but refuse ``capture`` with a reason.

libfprint's asynchronous calls finish on a GLib main context. The driver uses the ``*_sync``
variants, which iterate the context themselves, and is meant to run on its device's worker
thread (never the GUI thread). A capture is bounded by ``timeout`` through a ``GCancellable``
cancelled from a timer.

Quality (0–100) of each capture, computed here because libfprint has none and there is no
pip-installable NFIQ 2:

1. the ridge score of ``devices.fingerprint_quality.quality_score`` — squared-gradient
   orientation coherence over 16×16 foreground blocks, foreground coverage and contrast;
2. scaled down when libfprint's minutiae extractor (NIST NBIS *mindtct*, run by libfprint on
   every capture) found fewer than ``MIN_MINUTIAE`` minutiae: matching needs about a dozen
   (ANSI/NIST-ITL practice), so a clear but tiny or partial print still scores low.

Errors: libfprint "retry" errors (finger too short, not centred, remove and retry, or no
minutiae found) → ``LowQuality``; cancelled by the timeout → ``DeviceTimeout``; device busy
→ ``DeviceBusy``; removed / not open → ``NotConnected``; an image whose size is implausible for
a finger at the reader's resolution → ``BadData``. ``settings['min_quality']`` (default 0)
turns a low score into ``LowQuality``.

libfprint's ``virtual_image`` driver (enabled by ``FP_VIRTUAL_IMAGE=/path/socket`` *before* the
first ``FPrint.Context`` is created) stands in for a reader in tests: a client writes two native
ints (width, height) and the 8-bit grey pixels to the socket and ``capture`` returns them.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from faskim_desktop.devices.errors import (
    BadData,
    DeviceBusy,
    DeviceError,
    DeviceTimeout,
    DeviceUnavailable,
    LowQuality,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, FingerprintImage

log = logging.getLogger(__name__)

DEFAULT_DPI = 500  # when a device reports no resolution (virtual_image), ISO/IEC 19794-4 default
MIN_MINUTIAE = 12
# A finger at 500 dpi: at least ~5 mm across (100 px), at most a four-finger slap (~80 mm).
MIN_SIDE_MM = 5.0
MAX_SIDE_MM = 90.0
G_IO_ERROR_CANCELLED = 19


def _gi() -> tuple[Any, Any, Any]:
    import gi

    gi.require_version("FPrint", "2.0")
    from gi.repository import FPrint, Gio, GLib

    return FPrint, Gio, GLib


def combined_quality(ridge_score: int, minutiae: int | None) -> int:
    """Ridge score (0–100) scaled by how many minutiae were found (``None``: not known)."""
    score = max(0, min(100, int(ridge_score)))
    if minutiae is not None and minutiae < MIN_MINUTIAE:
        score = round(score * max(0, minutiae) / MIN_MINUTIAE)
    return score


def check_size(width: int, height: int, data_len: int, dpi: int, device: str) -> None:
    """``BadData`` for an image that cannot be a finger at ``dpi`` or whose data is short."""
    if width <= 0 or height <= 0 or data_len != width * height:
        raise BadData(device=device, reason=f"image {width}x{height} with {data_len} bytes")
    low = MIN_SIDE_MM / 25.4 * dpi
    high = MAX_SIDE_MM / 25.4 * dpi
    if min(width, height) < low or max(width, height) > high:
        raise BadData(device=device, reason=f"image size {width}x{height} px is not a finger at {dpi} dpi")


class LibfprintReader:
    kind = DeviceKind.FINGERPRINT
    name = "libfprint"

    def __init__(self) -> None:
        self._context: Any = None
        self._device: Any = None
        self._device_id = ""
        self._min_quality = 0

    @classmethod
    def available(cls) -> str | None:
        try:
            _gi()
        except (ImportError, ValueError) as exc:  # ValueError: typelib FPrint 2.0 not installed
            return f"libfprint (PyGObject + gir1.2-fprint-2.0) tidak tersedia / is not available ({exc})"
        return None

    # -- helpers ------------------------------------------------------------------------------

    def _fprint(self) -> Any:
        try:
            return _gi()[0]
        except (ImportError, ValueError) as exc:
            raise DeviceUnavailable(device="libfprint", reason=str(exc)) from exc

    def _list(self) -> list[tuple[str, Any]]:
        """(id, FpDevice) for every reader libfprint sees now.

        One ``FpContext`` per driver instance (contexts replaced while devices are alive make
        GLib complain); ``enumerate`` picks up readers plugged in since.
        """
        fprint = self._fprint()
        if self._context is None:
            self._context = fprint.Context()
        self._context.enumerate()
        found = []
        for dev in self._context.get_devices():
            found.append((f"{dev.get_driver()}:{dev.get_device_id()}", dev))
        return found

    def _map_error(self, exc: Exception, during: str) -> DeviceError:
        fprint, gio, glib = _gi()
        device = self._device_id or "libfprint"
        domain = glib.quark_to_string(exc.domain) if isinstance(exc.domain, int) else str(exc.domain)
        code = int(getattr(exc, "code", -1))
        log.info("libfprint %s failed: %s/%d", during, domain, code)
        if domain == glib.quark_to_string(fprint.DeviceRetry.quark()):
            return LowQuality(device=device, reason="retry", libfprint=code)
        if domain == glib.quark_to_string(gio.io_error_quark()) and code == G_IO_ERROR_CANCELLED:
            return DeviceTimeout(device=device)
        if domain == glib.quark_to_string(fprint.DeviceError.quark()):
            if code == int(fprint.DeviceError.BUSY) or code == int(fprint.DeviceError.ALREADY_OPEN):
                return DeviceBusy(device=device)
            if code in (int(fprint.DeviceError.REMOVED), int(fprint.DeviceError.NOT_OPEN)):
                return NotConnected(device=device)
            if code == int(fprint.DeviceError.DATA_INVALID):
                return BadData(device=device, reason="invalid data")
            if code == int(fprint.DeviceError.NOT_SUPPORTED):
                return DeviceUnavailable(device=device, reason="operation not supported by this reader")
        if "busy" in str(exc).lower():
            return DeviceBusy(device=device)
        return DeviceError(device=device, libfprint=code)

    # -- Driver -------------------------------------------------------------------------------

    def devices(self) -> list[DeviceDescriptor]:
        fprint = self._fprint()
        out = []
        for dev_id, dev in self._list():
            images = dev.has_feature(fprint.DeviceFeature.CAPTURE)
            out.append(
                DeviceDescriptor(
                    id=dev_id,
                    label=dev.get_name(),
                    details={"driver": dev.get_driver(), "images": "yes" if images else "no"},
                )
            )
        return out

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        glib = _gi()[2]
        settings = settings or {}
        self.close()
        try:
            self._min_quality = int(str(settings.get("min_quality", 0)))
        except ValueError:
            raise UnsupportedSetting(device=device_id, setting="min_quality", value=settings["min_quality"]) from None
        if not 0 <= self._min_quality <= 100:
            raise UnsupportedSetting(device=device_id, setting="min_quality", value=self._min_quality)
        match = [dev for dev_id, dev in self._list() if dev_id == device_id]
        if not match:
            raise NotConnected(device=device_id, reason="reader not found")
        self._device_id = device_id
        try:
            match[0].open_sync(None)
        except glib.Error as exc:
            self._device_id = device_id
            raise self._map_error(exc, "open") from exc
        self._device = match[0]
        log.debug("fingerprint reader opened (%s)", match[0].get_driver())

    def close(self) -> None:
        dev, self._device = self._device, None
        if dev is not None:
            try:
                dev.close_sync(None)
            except Exception:
                log.debug("libfprint close failed", exc_info=True)

    @property
    def is_open(self) -> bool:
        return self._device is not None

    # -- FingerprintReader ---------------------------------------------------------------------

    def capture(self, finger: str, timeout: float = 15.0) -> FingerprintImage:
        if self._device is None:
            raise NotConnected(device=self._device_id or "libfprint", reason="reader not opened")
        fprint, gio, glib = _gi()
        if not self._device.has_feature(fprint.DeviceFeature.CAPTURE):
            raise DeviceUnavailable(device=self._device_id, reason="this reader does not give images")
        cancellable = gio.Cancellable()
        timer = threading.Timer(max(0.0, timeout), cancellable.cancel)
        timer.daemon = True
        timer.start()
        try:
            image = self._device.capture_sync(True, cancellable)
        except glib.Error as exc:
            raise self._map_error(exc, "capture") from exc
        finally:
            timer.cancel()
        width, height = int(image.get_width()), int(image.get_height())
        pixels = bytes(image.get_data())
        ppmm = float(image.get_ppmm() or 0.0)
        dpi = round(ppmm * 25.4) if ppmm > 0 else DEFAULT_DPI
        check_size(width, height, len(pixels), dpi, self._device_id)
        quality = self._quality(image, width, height, pixels)
        log.debug("fingerprint captured: %dx%d at %d dpi, quality %d", width, height, dpi, quality)
        if quality < self._min_quality:
            raise LowQuality(device=self._device_id, quality=quality, minimum=self._min_quality)
        return FingerprintImage(width=width, height=height, pixels=pixels, dpi=dpi, quality=quality, finger=finger)

    @staticmethod
    def _quality(image: Any, width: int, height: int, pixels: bytes) -> int:
        import numpy as np

        from faskim_desktop.devices.fingerprint_quality import quality_score

        gray = np.frombuffer(pixels, dtype=np.uint8).reshape(height, width)
        try:
            minutiae: int | None = len(image.get_minutiae())
        except Exception:  # older libfprint or a device that skipped detection
            minutiae = None
        return combined_quality(quality_score(gray), minutiae)
