"""Camera through OpenCV's ``VideoCapture``: a device index, a stream URL or a video file.

``open(device_id, settings)``:

* ``device_id`` — ``"0"``, ``"1"`` … (a local camera index), ``"/dev/videoN"``, a URL
  (``rtsp://``, ``http://``) or a path to a video file. A file stands in for a camera where no
  camera exists (CI, the technician's demo); it is looped and paced at its own frame rate.
* settings — ``width``/``height`` (pixels) and ``fps``. They are asked of the device; frames
  that still come at another size are resized so callers always get what they configured.

Sources offered by ``devices()``: the local camera indices (``/dev/video*`` on Linux, a quick
probe of indices 0–3 elsewhere) plus every entry of ``FASKIM_CAMERA_SOURCES``
(``os.pathsep``-separated files or URLs, e.g. a counter's IP camera).
"""

from __future__ import annotations

import glob
import logging
import os
import sys
import time
from typing import Any

from faskim_desktop.devices.errors import (
    BadData,
    DeviceBusy,
    DeviceTimeout,
    DeviceUnavailable,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, Frame

log = logging.getLogger(__name__)

SOURCES_ENV = "FASKIM_CAMERA_SOURCES"
URL_SCHEMES = ("rtsp://", "rtmp://", "http://", "https://", "udp://", "tcp://")


def parse_source(device_id: str) -> int | str:
    """A camera index for ``"0"``…, otherwise the path or URL unchanged."""
    text = device_id.strip()
    if text.isdigit():
        return int(text)
    return text


def _is_file(source: int | str) -> bool:
    return isinstance(source, str) and not source.startswith(URL_SCHEMES) and not source.startswith("/dev/")


class OpenCvCamera:
    kind = DeviceKind.CAMERA
    name = "opencv"

    def __init__(self) -> None:
        self._cv2: Any = None
        self._cap: Any = None
        self._device: str = ""
        self._source: int | str | None = None
        self._size: tuple[int, int] | None = None
        self._frame_interval = 0.0  # pacing for files (seconds per frame)
        self._next_due = 0.0
        self._got_frame = False

    @classmethod
    def available(cls) -> str | None:
        try:
            import cv2  # noqa: F401
        except ImportError as exc:
            return f"OpenCV (cv2) tidak terpasang / OpenCV (cv2) is not installed ({exc})"
        return None

    def _lib(self) -> Any:
        if self._cv2 is None:
            try:
                import cv2
            except ImportError as exc:
                raise DeviceUnavailable(device="opencv", reason="OpenCV (cv2) is not installed") from exc
            self._cv2 = cv2
        return self._cv2

    # -- Driver -------------------------------------------------------------------------------

    def devices(self) -> list[DeviceDescriptor]:
        found: list[DeviceDescriptor] = []
        if sys.platform.startswith("linux"):
            for path in sorted(glob.glob("/dev/video*")):
                index = path.removeprefix("/dev/video")
                if index.isdigit():
                    found.append(
                        DeviceDescriptor(id=index, label=f"Kamera {index} ({path})", details={"path": path})
                    )
        else:
            cv2 = self._lib()
            for index in range(4):
                cap = cv2.VideoCapture(index)
                try:
                    if cap.isOpened():
                        found.append(DeviceDescriptor(id=str(index), label=f"Kamera {index}"))
                finally:
                    cap.release()
        for entry in os.environ.get(SOURCES_ENV, "").split(os.pathsep):
            entry = entry.strip()
            if not entry or any(d.id == entry for d in found):
                continue
            kind = "url" if entry.startswith(URL_SCHEMES) else "file"
            if kind == "file" and not os.path.exists(entry):
                continue
            found.append(
                DeviceDescriptor(id=entry, label=os.path.basename(entry) or entry, details={"type": kind})
            )
        return found

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        cv2 = self._lib()
        settings = settings or {}
        self.close()
        source = parse_source(device_id)
        if _is_file(source) and not os.path.exists(str(source)):
            raise NotConnected(device=device_id, reason="video file not found")
        cap = cv2.VideoCapture(source)
        if not cap.isOpened():
            cap.release()
            raise NotConnected(device=device_id, reason="could not open (unplugged, wrong address or in use)")
        try:
            width = _int_setting(settings, "width", device_id)
            height = _int_setting(settings, "height", device_id)
            fps = _float_setting(settings, "fps", device_id)
        except UnsupportedSetting:
            cap.release()
            raise
        if width and height:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        if fps:
            cap.set(cv2.CAP_PROP_FPS, fps)
        self._cap = cap
        self._device = device_id
        self._source = source
        self._size = (width, height) if width and height else None
        native_fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
        pace = fps or native_fps
        self._frame_interval = 1.0 / pace if _is_file(source) and pace > 0 else 0.0
        self._next_due = 0.0
        self._got_frame = False
        log.debug("camera opened (%s source)", "file" if _is_file(source) else "live")

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
        self._cap = None
        self._source = None

    @property
    def is_open(self) -> bool:
        return self._cap is not None

    def resolution(self) -> tuple[int, int]:
        """The size frames are delivered at (after any resize)."""
        if self._size:
            return self._size
        if self._cap is None:
            raise NotConnected(device=self._device or "opencv", reason="camera not opened")
        cv2 = self._lib()
        return int(self._cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(self._cap.get(cv2.CAP_PROP_FRAME_HEIGHT))

    # -- Camera -------------------------------------------------------------------------------

    def _read_once(self) -> Any:
        ok, image = self._cap.read()
        if ok and image is not None:
            return image
        if _is_file(self._source or ""):  # end of a video file: loop it
            self._cap.set(self._lib().CAP_PROP_POS_FRAMES, 0)
            ok, image = self._cap.read()
            if ok and image is not None:
                return image
        return None

    def read_frame(self, timeout: float = 2.0) -> Frame:
        if self._cap is None:
            raise NotConnected(device=self._device or "opencv", reason="camera not opened")
        cv2 = self._lib()
        if self._frame_interval:
            now = time.monotonic()
            if self._next_due > now:
                time.sleep(self._next_due - now)
            self._next_due = max(now, self._next_due) + self._frame_interval
        deadline = time.monotonic() + timeout
        image = self._read_once()
        while image is None:
            if not self._cap.isOpened():
                raise NotConnected(device=self._device, reason="camera disconnected")
            if time.monotonic() >= deadline:
                if _is_file(self._source or ""):
                    raise BadData(device=self._device, reason="the video file has no readable frame")
                if not self._got_frame:  # opened but never streamed: usually held by another program
                    raise DeviceBusy(device=self._device)
                raise DeviceTimeout(device=self._device)
            time.sleep(0.02)
            image = self._read_once()
        if image.ndim == 2:
            image = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
        elif image.shape[2] == 4:
            image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
        if self._size and (image.shape[1], image.shape[0]) != self._size:
            image = cv2.resize(image, self._size, interpolation=cv2.INTER_AREA)
        self._got_frame = True
        height, width = image.shape[:2]
        return Frame(width=width, height=height, data=image.tobytes(), timestamp=time.time())


def _int_setting(settings: dict[str, object], key: str, device: str = "opencv") -> int:
    value = settings.get(key)
    if value in (None, ""):
        return 0
    try:
        number = int(str(value))
    except ValueError:
        raise UnsupportedSetting(device=device, setting=key, value=value) from None
    if number < 0:
        raise UnsupportedSetting(device=device, setting=key, value=value)
    return number


def _float_setting(settings: dict[str, object], key: str, device: str = "opencv") -> float:
    value = settings.get(key)
    if value in (None, ""):
        return 0.0
    try:
        number = float(str(value))
    except ValueError:
        raise UnsupportedSetting(device=device, setting=key, value=value) from None
    if not number >= 0:  # also rejects NaN
        raise UnsupportedSetting(device=device, setting=key, value=value)
    return number
