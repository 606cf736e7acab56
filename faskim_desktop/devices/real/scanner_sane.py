"""Scanner through SANE (Scanner Access Now Easy) via python-sane.

``devices()`` lists what SANE finds; ``open(name)`` claims one; ``scan(ScanSettings)`` sets the
resolution, colour mode and source explicitly (backend defaults differ and SANE keeps the
previous values) and returns PNG pages:

* flatbed — one page;
* ADF — every page until SANE reports the feeder empty (``SANE_STATUS_NO_DOCS``). A failure
  after some pages raises the typed error with ``params['pages']`` holding the pages already
  scanned, so nothing scanned is lost (see ``protocols.Scanner``).

A scan that yields no image data is ``BadData``; a jam or open cover is ``MediaProblem``; a
backend that lacks the requested mode/source/resolution is ``UnsupportedSetting``.

SANE reads its configuration at ``sane_init``: ``SANE_CONFIG_DIR`` must be set before the first
use in the process (the stand-in's env file does this for tests); libsane caches the directory
list, so changing it later in the same process has no effect. SANE is initialised once per
process and used under one lock: backends are not required to be thread-safe.
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any

from faskim_desktop.devices.errors import (
    BadData,
    DeviceBusy,
    DeviceError,
    DeviceUnavailable,
    MediaProblem,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, ScannedPage, ScanSettings

log = logging.getLogger(__name__)

_lock = threading.RLock()
_initialised = False

# sane_strstatus() texts (SANE standard §4.2.4) that python-sane puts in its exceptions.
STATUS_NO_DOCS = "Document feeder out of documents"
STATUS_MAP: dict[str, tuple[type[DeviceError], str]] = {
    "Device busy": (DeviceBusy, ""),
    "Document feeder jammed": (MediaProblem, "feeder jammed"),
    STATUS_NO_DOCS: (MediaProblem, "feeder empty"),
    "Scanner cover is open": (MediaProblem, "cover open"),
    "Error during device I/O": (NotConnected, "I/O error"),
    "Access to resource has been denied": (NotConnected, "access denied"),
    "Invalid argument": (NotConnected, "no such device"),
    "Operation not supported": (UnsupportedSetting, ""),
}

MODE_NAMES = {
    "color": ("color", "colour", "rgb", "24bit color", "color24"),
    "gray": ("gray", "grey", "grayscale", "greyscale", "8bit gray", "gray8"),
    "lineart": ("lineart", "binary", "black & white", "bw", "halftone"),
}
SOURCE_NAMES = {
    "flatbed": ("flatbed", "normal", "document table", "platen"),
    "adf": ("automatic document feeder", "adf", "adf front", "adf simplex", "feeder", "adf duplex"),
}
MAX_PAGES = 200  # a feeder that never runs dry is a backend fault


def map_sane_error(exc: BaseException, device: str, pages: list[ScannedPage] | None = None) -> DeviceError:
    """The typed error for a python-sane exception; ``pages`` scanned before it are kept."""
    text = str(exc).strip()
    cls, reason = STATUS_MAP.get(text, (DeviceError, ""))
    params: dict[str, object] = {"sane": text}
    if reason:
        params["reason"] = reason
    if cls is UnsupportedSetting:
        params.update(setting="scan", value=text)
    if pages is not None:
        params["pages"] = list(pages)
    log.info("SANE failed: %s", text)
    return cls(device=device, **params)


def choose(value: str, offered: list[str] | None, synonyms: dict[str, tuple[str, ...]]) -> str | None:
    """The backend's own word for ``value`` (e.g. "Color" for "color"), or None if it lacks it."""
    if not offered:
        return None
    wanted = synonyms.get(value.lower(), (value.lower(),))
    lowered = {o.lower(): o for o in offered if isinstance(o, str)}
    for name in wanted:
        if name in lowered:
            return lowered[name]
    for name in wanted:  # "ADF Front", "Flatbed (A4)": a word inside the backend's label
        for low, original in lowered.items():
            if name in low:
                return original
    return None


def resolution_allowed(value: int, constraint: Any) -> bool:
    if constraint is None:
        return True
    if isinstance(constraint, tuple) and len(constraint) == 3:  # SANE range (min, max, quant)
        low, high, _quant = constraint
        return float(low) <= value <= float(high)
    if isinstance(constraint, list):
        return any(abs(float(c) - value) < 0.5 for c in constraint)
    return True


def image_to_page(image: Any, dpi: int) -> ScannedPage:
    if image is None or image.width == 0 or image.height == 0:
        raise ValueError("empty image")
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return ScannedPage(width=image.width, height=image.height, dpi=dpi, png=buf.getvalue())


class SaneScanner:
    kind = DeviceKind.SCANNER
    name = "sane"

    def __init__(self) -> None:
        self._sane: Any = None
        self._dev: Any = None
        self._device = ""

    @classmethod
    def available(cls) -> str | None:
        try:
            import sane  # noqa: F401
        except ImportError as exc:
            return f"python-sane tidak terpasang / python-sane is not installed ({exc})"
        return None

    def _lib(self) -> Any:
        global _initialised
        if self._sane is None:
            try:
                import sane
            except ImportError as exc:
                raise DeviceUnavailable(device="sane", reason="python-sane is not installed") from exc
            self._sane = sane
        with _lock:
            if not _initialised:
                try:
                    self._sane.init()
                except Exception as exc:
                    raise DeviceUnavailable(device="sane", reason=f"SANE did not start: {exc}") from exc
                _initialised = True
        return self._sane

    # -- Driver -------------------------------------------------------------------------------

    def devices(self) -> list[DeviceDescriptor]:
        sane = self._lib()
        with _lock:
            try:
                found = sane.get_devices()
            except Exception as exc:
                raise map_sane_error(exc, "sane") from exc
        return [
            DeviceDescriptor(id=name, label=f"{vendor} {model}".strip() or name, details={"type": kind})
            for name, vendor, model, kind in found
        ]

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        sane = self._lib()
        self.close()
        with _lock:
            try:
                dev = sane.open(device_id)
            except RuntimeError as exc:  # python-sane: "No such scan device"
                raise NotConnected(device=device_id, reason="no such device") from exc
            except Exception as exc:
                raise map_sane_error(exc, device_id) from exc
        self._dev = dev
        self._device = device_id
        backend_options = (settings or {}).get("backend_options") or {}
        if isinstance(backend_options, dict):
            for key, value in backend_options.items():
                self._set(str(key).replace("-", "_"), value)

    def close(self) -> None:
        if self._dev is not None:
            with _lock:
                try:
                    self._dev.close()
                except Exception:
                    log.debug("SANE close failed", exc_info=True)
        self._dev = None

    @property
    def is_open(self) -> bool:
        return self._dev is not None

    # -- options ------------------------------------------------------------------------------

    def _option(self, key: str) -> Any:
        opt = self._dev.opt.get(key) if self._dev is not None else None
        if opt is None or not opt.is_active():
            return None
        return opt

    def _set(self, key: str, value: object) -> None:
        try:
            setattr(self._dev, key, value)
        except (AttributeError, TypeError, ValueError) as exc:
            raise UnsupportedSetting(device=self._device, setting=key, value=value) from exc
        except Exception as exc:  # _sane.error: the backend refused the value
            raise UnsupportedSetting(device=self._device, setting=key, value=value, sane=str(exc)) from exc

    def _apply(self, settings: ScanSettings) -> int:
        """Set source, mode, depth and resolution; the resolution actually in effect."""
        source_opt = self._option("source")
        if source_opt is not None:
            source = choose(settings.source, source_opt.constraint, SOURCE_NAMES)
            if source is None:
                raise UnsupportedSetting(device=self._device, setting="source", value=settings.source)
            self._set("source", source)
        elif settings.source != "flatbed":
            raise UnsupportedSetting(device=self._device, setting="source", value=settings.source)
        mode_opt = self._option("mode")
        if mode_opt is not None:
            mode = choose(settings.mode, mode_opt.constraint, MODE_NAMES)
            if mode is None:
                raise UnsupportedSetting(device=self._device, setting="mode", value=settings.mode)
            self._set("mode", mode)
        depth_opt = self._option("depth")
        if depth_opt is not None and settings.mode != "lineart" and 8 in (depth_opt.constraint or [8]):
            self._set("depth", 8)
        res_opt = self._option("resolution")
        if res_opt is None:
            raise UnsupportedSetting(device=self._device, setting="resolution", value=settings.resolution)
        if settings.resolution <= 0 or not resolution_allowed(settings.resolution, res_opt.constraint):
            raise UnsupportedSetting(device=self._device, setting="resolution", value=settings.resolution)
        self._set("resolution", settings.resolution)
        return round(float(self._dev.resolution))

    # -- Scanner ------------------------------------------------------------------------------

    def scan(self, settings: ScanSettings) -> list[ScannedPage]:
        if self._dev is None:
            raise NotConnected(device=self._device or "sane", reason="scanner not opened")
        with _lock:
            dpi = self._apply(settings)
            if settings.source == "adf":
                return self._scan_feeder(dpi)
            return [self._scan_one(dpi)]

    def _scan_one(self, dpi: int) -> ScannedPage:
        try:
            image = self._dev.scan()
        except RuntimeError as exc:  # python-sane: "Scanner returned no data"
            raise BadData(device=self._device, reason="the scanner returned no image") from exc
        except Exception as exc:
            raise map_sane_error(exc, self._device) from exc
        try:
            return image_to_page(image, dpi)
        except ValueError as exc:
            raise BadData(device=self._device, reason="the scanner returned an empty image") from exc

    def _scan_feeder(self, dpi: int) -> list[ScannedPage]:
        pages: list[ScannedPage] = []
        try:
            while len(pages) < MAX_PAGES:
                try:
                    self._dev.start()
                    image = self._dev.snap(True)
                except RuntimeError as exc:
                    raise BadData(
                        device=self._device, reason="the scanner returned no image", pages=pages
                    ) from exc
                except Exception as exc:
                    if str(exc).strip() == STATUS_NO_DOCS:
                        break
                    raise map_sane_error(exc, self._device, pages) from exc
                try:
                    pages.append(image_to_page(image, dpi))
                except ValueError as exc:
                    raise BadData(device=self._device, reason="an empty page", pages=pages) from exc
        finally:
            try:
                self._dev.cancel()
            except Exception:
                log.debug("SANE cancel failed", exc_info=True)
        if not pages:
            raise MediaProblem(device=self._device, reason="feeder empty", pages=[])
        return pages
