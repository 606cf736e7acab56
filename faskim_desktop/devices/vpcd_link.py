"""A virtual smart card's link to vsmartcard's ``vpcd`` reader driver.

``vpcd`` is a PC/SC reader driver loaded by ``pcscd``: it listens on TCP (35963 for reader
"Virtual PCD 00 00", 35964 for "Virtual PCD 00 01") and a card *emulator* connects to it. While
the emulator is connected the reader reports a card present; closing the connection removes
the card. This module is the emulator side of that link and nothing else — the card's command
logic (an eMRTD applet, a test card) is a ``VirtualCard`` passed in, so it can be tested
without a reader.

Framing (vsmartcard's vpcd protocol): every message in both directions is a 2-byte big-endian
length followed by that many payload bytes. A 1-byte payload from vpcd is a control code:

* ``0`` power off, ``1`` power on, ``2`` reset — no answer is expected;
* ``4`` "send the ATR" — the card answers with its ATR (ISO/IEC 7816-3) as one frame.

Any longer payload is a command APDU (ISO/IEC 7816-4); the card answers with one frame holding
the response data followed by SW1 SW2.

vpcd writes the length and the APDU in separate writes; with Nagle's algorithm and delayed ACKs
each exchange would cost ~40 ms, so the socket sets ``TCP_NODELAY`` and re-arms ``TCP_QUICKACK``
(which Linux clears after use) after every read.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time
from typing import Protocol

log = logging.getLogger(__name__)

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963  # "Virtual PCD 00 00"; reader n listens on 35963 + n

CTRL_OFF = 0
CTRL_ON = 1
CTRL_RESET = 2
CTRL_ATR = 4

# SW 6F00 "no precise diagnosis" (ISO/IEC 7816-4 §5.6) when a card's handler raises.
SW_INTERNAL_ERROR = b"\x6f\x00"


class VirtualCard(Protocol):
    """The card side: what an emulator must answer. Methods run on the link's thread."""

    def atr(self) -> bytes: ...

    def power_on(self) -> None: ...

    def power_off(self) -> None: ...

    def reset(self) -> None: ...

    def apdu(self, command: bytes) -> bytes:
        """Answer one command APDU with response data + SW1 SW2."""
        ...


class VpcdLinkError(ConnectionError):
    """The link to vpcd could not be made or broke."""


def _set_low_latency(sock: socket.socket) -> None:
    """TCP_NODELAY, and TCP_QUICKACK where the OS has it; no-ops on other socket families."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    quickack = getattr(socket, "TCP_QUICKACK", None)  # Linux only
    if quickack is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)


class VpcdLink:
    """One framed TCP connection to vpcd (the emulator is the client)."""

    def __init__(self, host: str = VPCD_HOST, port: int = VPCD_PORT) -> None:
        self.host = host
        self.port = port
        self._sock: socket.socket | None = None

    # -- connection ----------------------------------------------------------------------------

    def connect(self, timeout: float = 10.0) -> None:
        """Connect, retrying until ``timeout`` while vpcd is not listening yet."""
        deadline = time.monotonic() + timeout
        last: OSError | None = None
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=2.0)
            except OSError as exc:
                last = exc
                if time.monotonic() >= deadline:
                    raise VpcdLinkError(f"vpcd not reachable on {self.host}:{self.port}: {last}") from exc
                time.sleep(0.05)
                continue
            sock.settimeout(None)
            _set_low_latency(sock)
            self._sock = sock
            log.debug("vpcd link up on port %d", self.port)
            return

    @property
    def connected(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        """Close the link: for pcscd this is the card leaving the reader."""
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
            log.debug("vpcd link closed on port %d", self.port)

    # -- framing -------------------------------------------------------------------------------

    def _recv_exact(self, n: int) -> bytes | None:
        sock = self._sock
        if sock is None:
            return None
        buf = bytearray()
        while len(buf) < n:
            try:
                chunk = sock.recv(n - len(buf))
            except OSError:
                return None
            if not chunk:
                return None
            buf += chunk
            _set_low_latency(sock)  # Linux clears QUICKACK after use
        return bytes(buf)

    def recv_frame(self) -> bytes | None:
        """The next payload from vpcd, or ``None`` when the link closed."""
        if self._sock is None:
            return None
        header = self._recv_exact(2)
        if header is None:
            return None
        (length,) = struct.unpack(">H", header)
        if length == 0:
            return b""
        return self._recv_exact(length)

    def send_frame(self, payload: bytes) -> None:
        if self._sock is None:
            raise VpcdLinkError("vpcd link is closed")
        if len(payload) > 0xFFFF:
            raise ValueError("vpcd frame payload longer than 65535 bytes")
        try:
            self._sock.sendall(struct.pack(">H", len(payload)) + payload)
        except OSError as exc:
            raise VpcdLinkError(f"vpcd link broke: {exc}") from exc

    # -- serving a card ------------------------------------------------------------------------

    def handle(self, card: VirtualCard, payload: bytes) -> bytes | None:
        """Dispatch one payload to ``card``; the answer to send back, or ``None`` for none."""
        if len(payload) == 1:
            code = payload[0]
            if code == CTRL_OFF:
                card.power_off()
            elif code == CTRL_ON:
                card.power_on()
            elif code == CTRL_RESET:
                card.reset()
            elif code == CTRL_ATR:
                return card.atr()
            else:
                log.warning("vpcd sent unknown control code %d", code)
            return None
        try:
            return card.apdu(payload)
        except Exception:  # a broken handler must not take the link down
            log.exception("virtual card failed on an APDU")
            return SW_INTERNAL_ERROR

    def serve(self, card: VirtualCard, stop: threading.Event | None = None) -> None:
        """Answer vpcd until the link closes or ``stop`` is set (then close it)."""
        while stop is None or not stop.is_set():
            payload = self.recv_frame()
            if payload is None:
                break
            answer = self.handle(card, payload)
            if answer is not None:
                try:
                    self.send_frame(answer)
                except VpcdLinkError:
                    break
        self.close()


class CardInserter:
    """Runs a ``VirtualCard`` on a background thread: ``insert()`` / ``remove()`` it.

    ``insert`` returns once the TCP link is up; pcscd then needs a moment to notice the card,
    so callers wait for the reader's state rather than sleep.
    """

    def __init__(self, card: VirtualCard, host: str = VPCD_HOST, port: int = VPCD_PORT) -> None:
        self.card = card
        self.host = host
        self.port = port
        self._link: VpcdLink | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def inserted(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def insert(self, timeout: float = 10.0) -> None:
        if self.inserted:
            return
        self._stop.clear()
        link = VpcdLink(self.host, self.port)
        link.connect(timeout)
        self._link = link
        self._thread = threading.Thread(
            target=link.serve, args=(self.card, self._stop), name=f"vpcd-card-{self.port}", daemon=True
        )
        self._thread.start()

    def remove(self) -> None:
        """Take the card out. Safe to call from the card's own handler (a card pulled mid-APDU)."""
        self._stop.set()
        if self._link is not None:
            self._link.close()  # unblocks recv in serve()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5.0)
        self._link = None
        self._thread = None

    def __enter__(self) -> CardInserter:
        self.insert()
        return self

    def __exit__(self, *exc: object) -> None:
        self.remove()
