"""Simulated fingerprint reader: synthetic 500 dpi ridge images, one per person and finger.

The simulated "person" is chosen with the open setting ``person`` (any label; it is only a seed,
never logged). The same seed, person and finger always give the same image; another finger or
person gives another pattern. The quality score comes from ``devices.fingerprint_quality``.
"""

from __future__ import annotations

from faskim_desktop.devices.errors import BadData, LowQuality, UnsupportedSetting
from faskim_desktop.devices.fingerprint_quality import quality_score
from faskim_desktop.devices.protocols import DeviceKind, FingerprintImage
from faskim_desktop.devices.simulated.base import FaultMode, SimulatedDriver, derive_seed, setting_int
from faskim_desktop.devices.simulated.ridges import DPI, synthesize

# The ten fingers, ANSI/NIST-ITL finger position codes 1..10 (right thumb .. left little).
FINGERS = (
    "right_thumb",
    "right_index",
    "right_middle",
    "right_ring",
    "right_little",
    "left_thumb",
    "left_index",
    "left_middle",
    "left_ring",
    "left_little",
)


class SimulatedFingerprintReader(SimulatedDriver):
    kind = DeviceKind.FINGERPRINT
    label = "Pemindai sidik jari simulasi"
    extra_faults = frozenset({FaultMode.LOW_QUALITY, FaultMode.GARBAGE})

    def __init__(self, seed: int = 0, delay: float = 0.0) -> None:
        super().__init__(seed, delay)
        self.person = "sim-person-1"
        self.width, self.height = 320, 400
        self.min_quality = 40

    def _apply_settings(self, settings: dict[str, object]) -> None:
        self.person = str(settings.get("person", self.person))
        self.width = setting_int(settings, "width", 320, 160, 800, self.label)
        self.height = setting_int(settings, "height", 400, 160, 1000, self.label)
        self.min_quality = setting_int(settings, "min_quality", 40, 0, 100, self.label)

    def capture(self, finger: str, timeout: float = 15.0) -> FingerprintImage:
        if finger not in FINGERS:
            raise UnsupportedSetting(device=self.label, setting="finger", value=finger)
        fault = self._begin(timeout)
        if fault == FaultMode.GARBAGE:
            raise BadData(device=self.device_label, reason="image size mismatch")
        seed = derive_seed("fingerprint", self.seed, self.person, finger)
        if fault == FaultMode.LOW_QUALITY:
            img = synthesize(seed, self.width, self.height, quality=0.35)
            raise LowQuality(device=self.device_label, quality=quality_score(img), finger=finger)
        img = synthesize(seed, self.width, self.height)
        quality = quality_score(img)
        if quality < self.min_quality:
            raise LowQuality(device=self.device_label, quality=quality, finger=finger)
        return FingerprintImage(self.width, self.height, img.tobytes(), DPI, quality, finger)
