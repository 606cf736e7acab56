"""Simulated webcam: a drawn frontal face, with seeded sensor noise and a slight head sway.

The face is drawn with OpenCV primitives in proportions the frontal Haar cascade recognises
(dark brows and eyes above lighter cheeks, a lighter nose bridge), so the photo checks of the
capture step can run against it. Output is deterministic for a given seed and frame number.
"""

from __future__ import annotations

import functools
import threading
import time

import cv2
import numpy as np

from faskim_desktop.devices.errors import BadData, LowQuality
from faskim_desktop.devices.protocols import DeviceKind, Frame
from faskim_desktop.devices.simulated.base import FaultMode, SimulatedDriver, derive_seed, setting_int


def draw_face(width: int, height: int, dx: int = 0, dy: int = 0, tone: int = 0) -> np.ndarray:
    """A BGR image of a frontal face centred at (width/2 + dx, height/2 + dy)."""
    img = np.full((height, width, 3), (200, 190, 180), np.uint8)
    size = min(width, height)
    cx, cy = width // 2 + dx, height // 2 + dy + size // 48
    fw, fh = int(size * 0.24), int(size * 0.32)
    hair = (30, 30, 40)
    skin = (140 + tone, 170 + tone, 215)
    cv2.ellipse(img, (cx, cy - int(fh * 0.25)), (int(fw * 1.08), int(fh * 0.95)), 0, 180, 360, hair, -1)
    cv2.rectangle(img, (cx - fw // 3, cy + fh // 2), (cx + fw // 3, height), (120, 150, 190), -1)
    cv2.ellipse(img, (cx, cy), (fw, fh), 0, 0, 360, skin, -1)
    cv2.ellipse(img, (cx, cy - int(fh * 0.75)), (int(fw * 0.95), int(fh * 0.35)), 0, 180, 360, hair, -1)
    ex, ey = int(fw * 0.42), cy - int(fh * 0.12)
    for side in (-1, 1):
        x = cx + side * ex
        cv2.ellipse(
            img, (x, ey - int(fh * 0.14)), (int(fw * 0.25), int(fh * 0.04)), 0, 0, 360, (40, 40, 50), -1
        )
        cv2.ellipse(img, (x, ey), (int(fw * 0.22), int(fh * 0.08)), 0, 0, 360, (100, 120, 160), -1)
        cv2.ellipse(img, (x, ey), (int(fw * 0.16), int(fh * 0.05)), 0, 0, 360, (235, 235, 235), -1)
        cv2.circle(img, (x, ey), max(1, int(fh * 0.045)), (40, 30, 20), -1)
    cv2.ellipse(
        img, (cx, cy + int(fh * 0.2)), (int(fw * 0.12), int(fh * 0.06)), 0, 0, 360, (110, 135, 175), -1
    )
    cv2.ellipse(img, (cx, cy + int(fh * 0.5)), (int(fw * 0.3), int(fh * 0.07)), 0, 0, 360, (80, 80, 150), -1)
    return cv2.GaussianBlur(img, (0, 0), max(1.0, size / 160))


@functools.lru_cache(maxsize=1)
def _portrait() -> np.ndarray | None:
    """The public-domain NASA astronaut portrait that scikit-image ships (BGR), when installed.

    With it the simulated camera frames a real face as a counter webcam would, so the photo
    checks can pass in the demo and in training; without it the drawn face is used.
    """
    try:
        from skimage import data
    except ImportError:
        return None
    return np.ascontiguousarray(data.astronaut()[:, :, ::-1])


def portrait_frame(width: int, height: int, dx: int = 0) -> np.ndarray | None:
    portrait = _portrait()
    if portrait is None:
        return None
    left = 24 + dx
    return cv2.resize(portrait[0:300, left:left + 400], (width, height), interpolation=cv2.INTER_AREA)


class SimulatedCamera(SimulatedDriver):
    kind = DeviceKind.CAMERA
    label = "Kamera simulasi"
    extra_faults = frozenset({FaultMode.LOW_QUALITY, FaultMode.GARBAGE})

    def __init__(self, seed: int = 0, delay: float = 0.0) -> None:
        super().__init__(seed, delay)
        self.width, self.height, self.fps = 640, 480, 15
        self.subject = "portrait"  # "drawn": the synthetic face only
        self._frame_no = 0
        self._lock = threading.Lock()

    def _apply_settings(self, settings: dict[str, object]) -> None:
        self.width = setting_int(settings, "width", 640, 160, 1920, self.label)
        self.height = setting_int(settings, "height", 480, 120, 1080, self.label)
        self.fps = setting_int(settings, "fps", 15, 1, 60, self.label)
        self.subject = "drawn" if settings.get("subject") == "drawn" else "portrait"
        self._frame_no = 0

    def read_frame(self, timeout: float = 2.0) -> Frame:
        fault = self._begin(timeout)
        with self._lock:
            n = self._frame_no
            self._frame_no += 1
        if fault == FaultMode.GARBAGE:
            raise BadData(device=self.device_label, reason="frame size mismatch")
        if fault == FaultMode.LOW_QUALITY:
            raise LowQuality(device=self.device_label, reason="underexposed")
        img = self.frame_array(n)
        return Frame(self.width, self.height, img.tobytes(), time.time())

    def frame_array(self, n: int) -> np.ndarray:
        """Frame number ``n`` for this seed as a BGR array (same inputs, same pixels)."""
        rng = np.random.default_rng(derive_seed("camera", self.seed, n))
        sway = 0.5 * (1 + np.sin(n / 7.0))
        dx = round(float(sway) * 8 - 4)
        dy = int(rng.integers(-2, 3))
        tone = int(derive_seed("tone", self.seed) % 30) - 15
        subject = portrait_frame(self.width, self.height, dx) if self.subject == "portrait" else None
        if subject is None:
            subject = draw_face(self.width, self.height, dx, dy, tone)
        img = subject.astype(np.int16)
        img += rng.normal(0, 3, img.shape).astype(np.int16)
        return np.clip(img, 0, 255).astype(np.uint8)
