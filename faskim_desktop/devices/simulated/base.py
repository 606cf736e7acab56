"""What every simulated driver shares: devices, open/close, seed, delay and fault injection.

A fault is selected with ``set_fault(mode)`` (or the ``"fault"`` key of the open settings) and
stays until ``clear_fault()``, or for ``count`` operations. While it is active the next operation
raises the fault's typed error; once cleared the same driver instance works again, so the
"retry without restarting the application" path can be exercised and tested.
"""

from __future__ import annotations

import enum
import hashlib
import threading
import time
from collections.abc import Mapping

from faskim_desktop.devices.errors import (
    BadData,
    CardRemoved,
    DeviceBusy,
    DeviceOffline,
    DeviceTimeout,
    LowQuality,
    MediaProblem,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind


class FaultMode(enum.StrEnum):
    DISCONNECTED = "disconnected"
    BUSY = "busy"
    TIMEOUT = "timeout"
    LOW_QUALITY = "low_quality"
    GARBAGE = "garbage"
    PAPER_JAM = "paper_jam"
    OFFLINE = "offline"
    CARD_REMOVED = "card_removed"


# The typed error each fault mode must produce (the contract tests check exactly this).
FAULT_ERRORS: dict[FaultMode, type[Exception]] = {
    FaultMode.DISCONNECTED: NotConnected,
    FaultMode.BUSY: DeviceBusy,
    FaultMode.TIMEOUT: DeviceTimeout,
    FaultMode.LOW_QUALITY: LowQuality,
    FaultMode.GARBAGE: BadData,
    FaultMode.PAPER_JAM: MediaProblem,
    FaultMode.OFFLINE: DeviceOffline,
    FaultMode.CARD_REMOVED: CardRemoved,
}

_COMMON_FAULTS = frozenset({FaultMode.DISCONNECTED, FaultMode.BUSY, FaultMode.TIMEOUT})


def derive_seed(*parts: object) -> int:
    """A stable 64-bit seed from any parts (hash(), by contrast, changes between runs)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


class SimulatedDriver:
    """Base class; subclasses set ``kind``, ``label`` and ``extra_faults`` and call ``_begin``."""

    kind: DeviceKind
    name = "simulated"
    label = "Perangkat simulasi"
    device_count = 1
    extra_faults: frozenset[FaultMode] = frozenset()

    def __init__(self, seed: int = 0, delay: float = 0.0) -> None:
        self.seed = int(seed)
        self.delay = float(delay)
        self._fault: FaultMode | None = None
        self._fault_left: int | None = None
        self._device_id: str | None = None
        self._settings: dict[str, object] = {}
        self._state_lock = threading.RLock()

    @classmethod
    def available(cls) -> str | None:
        return None  # needs nothing but the package itself

    @property
    def supported_faults(self) -> frozenset[FaultMode]:
        return _COMMON_FAULTS | self.extra_faults

    # -- devices ------------------------------------------------------------------------------

    def _device_ids(self) -> list[str]:
        return [f"sim-{self.kind.value}-{i}" for i in range(self.device_count)]

    def devices(self) -> list[DeviceDescriptor]:
        if self._fault == FaultMode.DISCONNECTED:
            return []  # an unplugged device disappears from the list, as real ones do
        return [
            DeviceDescriptor(dev_id, f"{self.label} {i + 1}", {"simulated": "yes", "seed": str(self.seed)})
            for i, dev_id in enumerate(self._device_ids())
        ]

    @property
    def device_label(self) -> str:
        return f"{self.label} ({self._device_id or self._device_ids()[0]})"

    @property
    def is_open(self) -> bool:
        return self._device_id is not None

    def open(self, device_id: str, settings: Mapping[str, object] | None = None) -> None:
        with self._state_lock:
            settings = dict(settings or {})
            if "fault" in settings:
                fault = settings.pop("fault")
                self.set_fault(str(fault) if fault else None)
            if self._fault == FaultMode.DISCONNECTED:
                raise NotConnected(device=f"{self.label} ({device_id})")
            if device_id not in self._device_ids():
                raise NotConnected(device=f"{self.label} ({device_id})")
            if "seed" in settings:
                self.seed = _as_int(settings.pop("seed"), "seed", self.label)
            if "delay" in settings:
                self.delay = _as_float(settings.pop("delay"), "delay", self.label)
            self._device_id = device_id
            self._settings = settings
            self._apply_settings(settings)

    def _apply_settings(self, settings: dict[str, object]) -> None:
        """Subclasses validate and keep their own settings here."""

    def close(self) -> None:
        with self._state_lock:
            self._device_id = None

    # -- faults -------------------------------------------------------------------------------

    @property
    def fault(self) -> FaultMode | None:
        return self._fault

    def set_fault(self, mode: FaultMode | str | None, count: int | None = None) -> None:
        """Make the next operations fail with ``mode`` (all of them, or the next ``count``)."""
        with self._state_lock:
            if mode is None or mode == "":
                self._fault, self._fault_left = None, None
                return
            mode = FaultMode(mode)
            if mode not in self.supported_faults:
                raise UnsupportedSetting(device=self.label, setting="fault", value=mode.value)
            self._fault = mode
            self._fault_left = count
            self._on_fault_changed()

    def clear_fault(self) -> None:
        with self._state_lock:
            self._fault, self._fault_left = None, None
            self._on_fault_changed()

    def _on_fault_changed(self) -> None:
        """Hook (e.g. the card reader reports removal/insertion events)."""

    def _take_fault(self) -> FaultMode | None:
        with self._state_lock:
            fault = self._fault
            if fault is not None and self._fault_left is not None:
                self._fault_left -= 1
                if self._fault_left <= 0:
                    self._fault, self._fault_left = None, None
                    self._on_fault_changed()
            return fault

    def _begin(self, timeout: float | None = None) -> FaultMode | None:
        """Start one operation: check open, wait ``delay``, raise common faults.

        Returns the kind-specific fault (low quality, garbage, jam...) for the subclass to act on.
        """
        if self._device_id is None:
            raise NotConnected(device=self.device_label)
        if self.delay > 0:
            time.sleep(self.delay)
        fault = self._take_fault()
        device = self.device_label
        if fault == FaultMode.DISCONNECTED:
            raise NotConnected(device=device)
        if fault == FaultMode.BUSY:
            raise DeviceBusy(device=device)
        if fault == FaultMode.TIMEOUT:
            # A real timeout waits; the simulator waits briefly so tests stay fast.
            time.sleep(min(max(timeout or 0.0, 0.0), 0.05))
            raise DeviceTimeout(device=device, timeout=timeout or 0)
        return fault


def _as_int(value: object, setting: str, device: str) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise UnsupportedSetting(device=device, setting=setting, value=value) from None


def _as_float(value: object, setting: str, device: str) -> float:
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise UnsupportedSetting(device=device, setting=setting, value=value) from None
    if result < 0:
        raise UnsupportedSetting(device=device, setting=setting, value=value)
    return result


def setting_int(settings: Mapping[str, object], key: str, default: int, lo: int, hi: int, device: str) -> int:
    """An integer setting in ``[lo, hi]``; anything else is ``UnsupportedSetting``."""
    if key not in settings:
        return default
    value = _as_int(settings[key], key, device)
    if not lo <= value <= hi:
        raise UnsupportedSetting(device=device, setting=key, value=value)
    return value
