"""One Protocol per device kind.

The SOP steps and the technician page talk to these, never to a library. A driver is a class
with the kind's methods plus the common ``DriverInfo`` surface; its I/O is blocking and is run on
the device's worker thread by the caller (see ``devices.worker``), never on the GUI thread.
Drivers never open dialogs: anything needing a person is raised as a ``DeviceError``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable


class DeviceKind(enum.StrEnum):
    CAMERA = "camera"
    FINGERPRINT = "fingerprint"
    SCANNER = "scanner"
    PRINTER = "printer"
    SMARTCARD = "smartcard"


@dataclass(frozen=True)
class DeviceDescriptor:
    """A device a driver found: ``id`` is what settings store to pick it again."""

    id: str
    label: str
    details: dict[str, str] = field(default_factory=dict)


class Driver(Protocol):
    """What every driver has, whatever its kind.

    A driver class is constructed without arguments by the registry. It may also define a
    classmethod ``available() -> str | None`` that returns ``None`` when the driver can run here
    and otherwise the reason it cannot (library missing, no daemon); the registry calls it
    lazily and shows the reason on the technician page instead of crashing.
    """

    kind: DeviceKind
    name: str  # registry name, e.g. "simulated", "opencv", "sane"

    def devices(self) -> list[DeviceDescriptor]:
        """The devices this driver can reach now (may be empty)."""
        ...

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        """Claim a device. Raises NotConnected/DeviceBusy."""
        ...

    def close(self) -> None: ...


# --- Camera -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """One BGR frame as raw bytes (``height * width * 3``) so callers need not import numpy."""

    width: int
    height: int
    data: bytes
    timestamp: float


@runtime_checkable
class Camera(Driver, Protocol):
    def read_frame(self, timeout: float = 2.0) -> Frame: ...


# --- Fingerprint ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FingerprintImage:
    """An 8-bit grey image at ``dpi`` with the driver's quality score (0–100)."""

    width: int
    height: int
    pixels: bytes
    dpi: int
    quality: int
    finger: str


@runtime_checkable
class FingerprintReader(Driver, Protocol):
    def capture(self, finger: str, timeout: float = 15.0) -> FingerprintImage: ...


# --- Scanner ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScanSettings:
    resolution: int = 200
    mode: str = "color"  # "color" | "gray" | "lineart"
    source: str = "flatbed"  # "flatbed" | "adf"


@dataclass(frozen=True)
class ScannedPage:
    """One page as PNG bytes."""

    width: int
    height: int
    dpi: int
    png: bytes


@runtime_checkable
class Scanner(Driver, Protocol):
    def scan(self, settings: ScanSettings) -> list[ScannedPage]:
        """Scan one page (flatbed) or every page in the feeder (ADF).

        A failure mid-batch raises a DeviceError whose ``params['pages']`` holds the pages
        scanned before it, so nothing already scanned is lost.
        """
        ...


# --- Card printer -----------------------------------------------------------------------------


class JobState(enum.StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class PrintJob:
    job_id: str
    state: JobState
    reason: str = ""


@runtime_checkable
class CardPrinter(Driver, Protocol):
    def supports_duplex(self) -> bool: ...

    def submit(self, pdf: bytes, title: str, duplex: bool = False, page_size: str = "CR80") -> PrintJob:
        """Send a PDF to the queue. ``page_size`` "CR80" (85.60 × 53.98 mm) or "A4"."""
        ...

    def job_state(self, job_id: str) -> PrintJob: ...


# --- Smart card -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardEvent:
    reader: str
    inserted: bool
    atr: bytes = b""


class CardConnection(Protocol):
    """An open connection to a card: raw APDU exchange only, no command logic.

    ``transmit`` takes a full command APDU and returns the response data followed by the two
    status bytes SW1 SW2, so protocol code (e.g. eMRTD BAC) is tested on recorded exchanges.
    """

    def atr(self) -> bytes: ...

    def transmit(self, apdu: bytes) -> bytes: ...

    def disconnect(self) -> None: ...


@runtime_checkable
class SmartCardReader(Driver, Protocol):
    def connect(self, timeout: float = 5.0) -> CardConnection:
        """Connect to the card in the opened reader. Raises NotConnected when no card."""
        ...

    def wait_for_event(self, timeout: float) -> CardEvent | None: ...
