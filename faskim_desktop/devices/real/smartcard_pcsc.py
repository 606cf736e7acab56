"""Smart-card reader through PC/SC (pcsc-lite on Linux, WinSCard on Windows) via pyscard.

The driver is only the *connection*: list readers, wait for insert/remove, connect, ATR and
raw APDU exchange. Command logic (eMRTD BAC, secure messaging) lives elsewhere and talks to a
``CardConnection``, so it is tested on recorded exchanges without a reader.

pyscard's low-level ``smartcard.scard`` module is used rather than its object layer so every
PC/SC return code is seen and mapped to a typed error:

* service missing/stopped (``SCARD_E_NO_SERVICE`` …) → ``DeviceUnavailable`` naming pcscd;
* unknown or vanished reader → ``NotConnected``;
* no card → ``NotConnected``; card removed or reset mid-exchange, or an answer without
  status word (a mute or pulled card) → ``CardRemoved``
  (``device.card_removed``, a ``NotConnected``) so the eMRTD flow can ask for the card again;
* another program holds the card exclusively → ``DeviceBusy``; timeouts → ``DeviceTimeout``.

``transmit`` follows ISO/IEC 7816-3 §10.3.3/ISO/IEC 7816-4 §5.1.3 for the T=0 procedure bytes
the reader passes up: ``61xx`` (more response bytes: GET RESPONSE with Le=xx, repeated) and
``6Cxx`` (wrong Le: the same command re-sent with Le=xx). This logic is the pure function
``exchange_t0`` so it is tested without a reader.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from faskim_desktop.devices.errors import (
    BadData,
    CardRemoved,
    DeviceBusy,
    DeviceError,
    DeviceTimeout,
    DeviceUnavailable,
    NotConnected,
)
from faskim_desktop.devices.protocols import CardEvent, DeviceDescriptor, DeviceKind

log = logging.getLogger(__name__)

# PC/SC return codes (pcsc-lite pcsclite.h / Microsoft winscard.h), as unsigned 32-bit values.
SCARD_S_SUCCESS = 0x00000000
SCARD_E_CANCELLED = 0x80100002
SCARD_E_INVALID_HANDLE = 0x80100003
SCARD_E_UNKNOWN_READER = 0x80100009
SCARD_E_TIMEOUT = 0x8010000A
SCARD_E_SHARING_VIOLATION = 0x8010000B
SCARD_E_NO_SMARTCARD = 0x8010000C
SCARD_E_PROTO_MISMATCH = 0x8010000F
SCARD_F_COMM_ERROR = 0x80100013
SCARD_E_NOT_TRANSACTED = 0x80100016
SCARD_E_READER_UNAVAILABLE = 0x80100017
SCARD_E_NO_SERVICE = 0x8010001D
SCARD_E_SERVICE_STOPPED = 0x8010001E
SCARD_E_NO_READERS_AVAILABLE = 0x8010002E
SCARD_E_COMM_DATA_LOST = 0x8010002F
SCARD_W_UNRESPONSIVE_CARD = 0x80100066
SCARD_W_UNPOWERED_CARD = 0x80100067
SCARD_W_RESET_CARD = 0x80100068
SCARD_W_REMOVED_CARD = 0x80100069

SERVICE_GONE = {SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED, SCARD_E_INVALID_HANDLE}
NO_CARD = {SCARD_E_NO_SMARTCARD, SCARD_W_UNRESPONSIVE_CARD, SCARD_W_UNPOWERED_CARD}
CARD_GONE = {SCARD_W_REMOVED_CARD, SCARD_W_RESET_CARD, SCARD_E_NOT_TRANSACTED, SCARD_E_COMM_DATA_LOST}
READER_GONE = {SCARD_E_UNKNOWN_READER, SCARD_E_READER_UNAVAILABLE, SCARD_E_NO_READERS_AVAILABLE}

SCARD_STATE_CHANGED = 0x0002
SCARD_STATE_EMPTY = 0x0010
SCARD_STATE_PRESENT = 0x0020
SCARD_STATE_MUTE = 0x0200

PCSCD_REASON = "layanan PC/SC (pcscd) tidak berjalan / the PC/SC service (pcscd) is not running"

MAX_GET_RESPONSE = 64  # a card that keeps answering 61xx forever is broken, not a long file


def _u32(code: int) -> int:
    return code & 0xFFFFFFFF


def map_pcsc_error(code: int, device: str, during: str) -> DeviceError:
    """The typed error for a failing PC/SC call (``during`` names the call, for the log)."""
    code = _u32(code)
    log.info("PC/SC %s failed: 0x%08X", during, code)
    hexcode = f"0x{code:08X}"
    if code in SERVICE_GONE:
        return DeviceUnavailable(device=device, reason=PCSCD_REASON, pcsc=hexcode)
    if code in CARD_GONE:
        return CardRemoved(device=device, pcsc=hexcode)
    if code in NO_CARD:
        return NotConnected(device=device, reason="no card", pcsc=hexcode)
    if code in READER_GONE:
        return NotConnected(device=device, reason="reader not found", pcsc=hexcode)
    if code == SCARD_E_SHARING_VIOLATION:
        return DeviceBusy(device=device, pcsc=hexcode)
    if code == SCARD_E_TIMEOUT:
        return DeviceTimeout(device=device, pcsc=hexcode)
    return DeviceError(device=device, pcsc=hexcode)


def exchange_t0(send: Callable[[bytes], bytes], apdu: bytes) -> bytes:
    """Exchange ``apdu`` resolving T=0 procedure status words; returns data + final SW1 SW2.

    ``send`` transmits one APDU and returns the raw response (data + SW1 SW2).
    * ``6Cxx``: wrong length — re-send the command with Le = xx (ISO/IEC 7816-3 §10.3.3).
    * ``61xx``: xx more bytes are waiting — GET RESPONSE (INS C0, Le = xx) and append, until
      the card answers with something other than 61xx (ISO/IEC 7816-4 §5.1.3).
    """
    if len(apdu) < 4:
        raise ValueError("a command APDU has at least CLA INS P1 P2")
    response = send(apdu)
    if len(response) < 2:
        raise ValueError("a response APDU ends with SW1 SW2")
    if response[-2] == 0x6C:
        # Case 2 command: replace Le (or append it for a case-1 header) with the card's length.
        body = apdu if len(apdu) == 4 else apdu[:-1]
        response = send(body + bytes([response[-1]]))
        if len(response) < 2:
            raise ValueError("a response APDU ends with SW1 SW2")
    data = bytearray(response[:-2])
    sw = response[-2:]
    rounds = 0
    while sw[0] == 0x61:
        rounds += 1
        if rounds > MAX_GET_RESPONSE:
            raise ValueError("card keeps answering 61xx")
        # GET RESPONSE on the command's logical channel (CLA channel bits b1-b2).
        more = send(bytes([apdu[0] & 0x03, 0xC0, 0x00, 0x00, sw[1]]))
        if len(more) < 2:
            raise ValueError("a response APDU ends with SW1 SW2")
        data += more[:-2]
        sw = more[-2:]
    return bytes(data) + bytes(sw)


class PcscCardConnection:
    """An open PC/SC card handle: ``atr``, ``transmit``, ``disconnect`` (a ``CardConnection``)."""

    def __init__(self, scard: Any, hcard: Any, protocol: int, reader: str, atr: bytes) -> None:
        self._scard = scard
        self._hcard = hcard
        self._protocol = protocol
        self._reader = reader
        self._atr = atr
        self._lock = threading.Lock()

    def atr(self) -> bytes:
        return self._atr

    def _send(self, apdu: bytes) -> bytes:
        if self._hcard is None:
            raise NotConnected(device=self._reader, reason="connection closed")
        hresult, response = self._scard.SCardTransmit(self._hcard, self._protocol, list(apdu))
        if _u32(hresult) != SCARD_S_SUCCESS:
            raise map_pcsc_error(hresult, self._reader, "SCardTransmit")
        if len(response) < 2:
            # No status word at all: the card went mute or left while answering (vpcd returns an
            # empty answer when the emulator's link drops before the reader notices the removal).
            raise CardRemoved(device=self._reader, reason="no answer from the card")
        return bytes(response)

    def transmit(self, apdu: bytes) -> bytes:
        with self._lock:
            try:
                return exchange_t0(self._send, bytes(apdu))
            except ValueError as exc:
                raise BadData(device=self._reader, reason=str(exc)) from exc

    def disconnect(self) -> None:
        with self._lock:
            hcard, self._hcard = self._hcard, None
            if hcard is not None:
                hresult = self._scard.SCardDisconnect(hcard, self._scard.SCARD_LEAVE_CARD)
                if _u32(hresult) not in (SCARD_S_SUCCESS, *CARD_GONE, *SERVICE_GONE):
                    log.info("PC/SC SCardDisconnect: 0x%08X", _u32(hresult))

    def __enter__(self) -> PcscCardConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.disconnect()


class PcscSmartCardReader:
    """A PC/SC reader. ``open(reader_name)``; settings: ``share`` ("shared"|"exclusive")."""

    kind = DeviceKind.SMARTCARD
    name = "pcsc"

    def __init__(self) -> None:
        self._scard: Any = None
        self._context: Any = None
        self._reader: str | None = None
        self._share = "shared"
        self._last_state: int | None = None
        self._connection: PcscCardConnection | None = None

    @classmethod
    def available(cls) -> str | None:
        try:
            from smartcard import scard  # noqa: F401
        except ImportError as exc:
            return f"pyscard tidak terpasang / pyscard is not installed ({exc})"
        return None

    # -- context ------------------------------------------------------------------------------

    def _lib(self) -> Any:
        if self._scard is None:
            try:
                from smartcard import scard
            except ImportError as exc:
                raise DeviceUnavailable(device="pcsc", reason="pyscard is not installed") from exc
            self._scard = scard
        return self._scard

    def _ctx(self, fresh: bool = False) -> Any:
        scard = self._lib()
        if self._context is not None and not fresh:
            return self._context
        if self._context is not None:
            scard.SCardReleaseContext(self._context)
            self._context = None
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if _u32(hresult) != SCARD_S_SUCCESS:
            raise DeviceUnavailable(device="pcsc", reason=PCSCD_REASON, pcsc=f"0x{_u32(hresult):08X}")
        self._context = context
        return context

    def _call(self, during: str, fn: Callable[[Any], tuple[Any, ...]], device: str) -> tuple[Any, ...]:
        """Run ``fn(context)``; on a stale context (pcscd restarted) retry once with a new one."""
        result = fn(self._ctx())
        if _u32(result[0]) in SERVICE_GONE:
            result = fn(self._ctx(fresh=True))
        if _u32(result[0]) != SCARD_S_SUCCESS:
            raise map_pcsc_error(result[0], device, during)
        return result

    def _reader_names(self) -> list[str]:
        scard = self._lib()
        try:
            _, names = self._call("SCardListReaders", lambda c: scard.SCardListReaders(c, []), "pcsc")
        except NotConnected:  # SCARD_E_NO_READERS_AVAILABLE: a service with no reader plugged in
            return []
        return list(names)

    # -- Driver -------------------------------------------------------------------------------

    def devices(self) -> list[DeviceDescriptor]:
        found = []
        for name in self._reader_names():
            present = self._present(name)
            found.append(
                DeviceDescriptor(id=name, label=name, details={"card": "present" if present else "absent"})
            )
        return found

    def open(self, device_id: str, settings: dict[str, object] | None = None) -> None:
        settings = settings or {}
        if device_id not in self._reader_names():
            raise NotConnected(device=device_id, reason="reader not found")
        self._reader = device_id
        share = str(settings.get("share", "shared"))
        self._share = share if share in ("shared", "exclusive") else "shared"
        self._last_state = None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.disconnect()
            self._connection = None
        if self._context is not None and self._scard is not None:
            self._scard.SCardReleaseContext(self._context)
        self._context = None
        self._reader = None

    @property
    def is_open(self) -> bool:
        return self._reader is not None

    def _require_open(self) -> str:
        if self._reader is None:
            raise NotConnected(device="pcsc", reason="reader not opened")
        return self._reader

    # -- SmartCardReader ----------------------------------------------------------------------

    def _status(self, reader: str, current: int, timeout_ms: int) -> tuple[int, int, bytes]:
        """SCardGetStatusChange for one reader: (hresult, event state, atr)."""
        scard = self._lib()
        hresult, states = scard.SCardGetStatusChange(self._ctx(), timeout_ms, [(reader, current)])
        if _u32(hresult) in SERVICE_GONE:
            hresult, states = scard.SCardGetStatusChange(
                self._ctx(fresh=True), timeout_ms, [(reader, current)]
            )
        if _u32(hresult) != SCARD_S_SUCCESS or not states:
            return _u32(hresult), 0, b""
        _, event, atr = states[0]
        return SCARD_S_SUCCESS, int(event), bytes(atr)

    def _present(self, reader: str) -> bool:
        hresult, event, _ = self._status(reader, 0, 0)
        return (
            hresult == SCARD_S_SUCCESS
            and bool(event & SCARD_STATE_PRESENT)
            and not (event & SCARD_STATE_MUTE)
        )

    def connect(self, timeout: float = 5.0) -> PcscCardConnection:
        """Connect to the card; waits up to ``timeout`` for one to be inserted."""
        reader = self._require_open()
        scard = self._lib()
        share = scard.SCARD_SHARE_EXCLUSIVE if self._share == "exclusive" else scard.SCARD_SHARE_SHARED
        protocols = scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            hresult, hcard, protocol = scard.SCardConnect(self._ctx(), reader, share, protocols)
            code = _u32(hresult)
            if code in SERVICE_GONE:
                hresult, hcard, protocol = scard.SCardConnect(self._ctx(fresh=True), reader, share, protocols)
                code = _u32(hresult)
            if code == SCARD_S_SUCCESS:
                break
            if code not in NO_CARD | CARD_GONE or time.monotonic() >= deadline:
                raise map_pcsc_error(code, reader, "SCardConnect")
            # No card yet: block in pcscd until the reader's state changes (or the time is up).
            remaining = max(1, int((deadline - time.monotonic()) * 1000))
            self._status(reader, SCARD_STATE_EMPTY, min(remaining, 500))
        hresult, _name, _state, _proto, atr = scard.SCardStatus(hcard)
        if _u32(hresult) != SCARD_S_SUCCESS:
            scard.SCardDisconnect(hcard, scard.SCARD_LEAVE_CARD)
            raise map_pcsc_error(hresult, reader, "SCardStatus")
        self._connection = PcscCardConnection(scard, hcard, protocol, reader, bytes(atr))
        log.debug("card connected (protocol %d)", protocol)
        return self._connection

    def wait_for_event(self, timeout: float) -> CardEvent | None:
        """The next insertion or removal in the opened reader, or ``None`` after ``timeout``."""
        reader = self._require_open()
        if self._last_state is None:
            hresult, event, _ = self._status(reader, 0, 0)
            if hresult != SCARD_S_SUCCESS:
                raise map_pcsc_error(hresult, reader, "SCardGetStatusChange")
            self._last_state = event & ~SCARD_STATE_CHANGED
        was_present = bool(self._last_state & SCARD_STATE_PRESENT)
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            remaining_ms = max(0, int((deadline - time.monotonic()) * 1000))
            hresult, event, atr = self._status(reader, self._last_state, remaining_ms)
            if hresult == SCARD_E_TIMEOUT:
                return None
            if hresult != SCARD_S_SUCCESS:
                raise map_pcsc_error(hresult, reader, "SCardGetStatusChange")
            self._last_state = event & ~SCARD_STATE_CHANGED
            present = bool(event & SCARD_STATE_PRESENT)
            if present != was_present:
                return CardEvent(reader=reader, inserted=present, atr=atr if present else b"")
            if remaining_ms == 0:
                return None
