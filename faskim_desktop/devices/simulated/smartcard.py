"""Simulated PC/SC reader with pluggable card applets.

A card is an *applet*: any object with ``respond(apdu: bytes) -> bytes`` (response data followed
by SW1 SW2, ISO/IEC 7816-4), optionally an ``atr`` attribute and a ``reset()`` called at power-on.
The eMRTD helper's card emulator logic plugs in here unchanged, so the chip-reading step can be
exercised without pcscd. ``insert_card``/``remove_card`` queue ``CardEvent``s for
``wait_for_event``. Reader 0 holds the built-in ``TestApplet`` card from the start.
"""

from __future__ import annotations

import queue
import threading
from typing import Protocol, runtime_checkable

import numpy as np

from faskim_desktop.devices.errors import BadData, CardRemoved, DeviceTimeout, NotConnected
from faskim_desktop.devices.protocols import CardEvent, DeviceKind
from faskim_desktop.devices.simulated.base import FaultMode, SimulatedDriver, derive_seed

SW_OK = b"\x90\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_INS_NOT_SUPPORTED = b"\x6d\x00"
SW_CLA_NOT_SUPPORTED = b"\x6e\x00"
SW_FILE_NOT_FOUND = b"\x6a\x82"


@runtime_checkable
class CardApplet(Protocol):
    def respond(self, apdu: bytes) -> bytes: ...


def make_atr(historical: bytes) -> bytes:
    """An ISO/IEC 7816-3 ATR: TS=3B, T0 with TD1, TD1=80 (T=0, TD2 follows), TD2=01 (T=1), TCK."""
    if len(historical) > 15:
        raise ValueError("at most 15 historical bytes")
    body = bytes([0x80 | len(historical), 0x80, 0x01]) + historical
    tck = 0
    for b in body:
        tck ^= b
    return b"\x3b" + body + bytes([tck])


class TestApplet:
    """A minimal card: SELECT by AID answers 9000 for its AID, GET CHALLENGE gives seeded bytes."""

    __test__ = False  # not a pytest class
    AID = bytes.fromhex("F046415348494D01")  # proprietary AID ("FASKIM" + version)

    def __init__(self, seed: int = 0) -> None:
        self.atr = make_atr(b"FASKIMSIM")
        self._seed = seed
        self._counter = 0

    def reset(self) -> None:
        self._counter = 0

    def respond(self, apdu: bytes) -> bytes:
        if len(apdu) < 4:
            return SW_WRONG_LENGTH
        cla, ins, p1, _p2 = apdu[:4]
        if cla not in (0x00, 0x0C):
            return SW_CLA_NOT_SUPPORTED
        if ins == 0xA4:  # SELECT (ISO/IEC 7816-4 §11.1.1)
            if p1 == 0x04:
                lc = apdu[4] if len(apdu) > 4 else 0
                aid = apdu[5 : 5 + lc]
                return SW_OK if aid == self.AID else SW_FILE_NOT_FOUND
            return SW_OK
        if ins == 0x84:  # GET CHALLENGE (ISO/IEC 7816-4 §11.5.2)
            le = apdu[4] if len(apdu) > 4 else 8
            le = le or 256
            rng = np.random.default_rng(derive_seed("challenge", self._seed, self._counter))
            self._counter += 1
            return rng.integers(0, 256, le, dtype=np.uint8).tobytes() + SW_OK
        return SW_INS_NOT_SUPPORTED


class SimulatedCardConnection:
    def __init__(self, reader: SimulatedSmartCardReader, slot: str, applet: object, atr: bytes) -> None:
        self._reader = reader
        self._slot = slot
        self._applet = applet
        self._atr = atr
        self._open = True

    def atr(self) -> bytes:
        return self._atr

    def transmit(self, apdu: bytes) -> bytes:
        if not isinstance(apdu, (bytes, bytearray)) or len(apdu) < 4:
            raise ValueError("a command APDU has at least CLA INS P1 P2")
        device = self._reader.device_label
        if not self._open:
            raise NotConnected(device=device)
        fault = self._reader._begin_exchange()
        if fault == FaultMode.CARD_REMOVED or self._reader._card_in(self._slot) is not self._applet:
            self._open = False
            raise CardRemoved(device=device)
        if fault == FaultMode.GARBAGE:
            raise BadData(device=device, reason="response shorter than SW1 SW2")
        response = bytes(self._applet.respond(bytes(apdu)))  # type: ignore[attr-defined]
        if len(response) < 2:
            raise BadData(device=device, reason="response shorter than SW1 SW2")
        return response

    def disconnect(self) -> None:
        self._open = False


class SimulatedSmartCardReader(SimulatedDriver):
    kind = DeviceKind.SMARTCARD
    label = "Pembaca kartu cip simulasi"
    device_count = 2
    extra_faults = frozenset({FaultMode.CARD_REMOVED, FaultMode.GARBAGE})

    def __init__(self, seed: int = 0, delay: float = 0.0) -> None:
        super().__init__(seed, delay)
        self._cards: dict[str, tuple[object, bytes]] = {}
        self._events: queue.Queue[CardEvent] = queue.Queue()
        self._cards_lock = threading.Lock()
        self.insert_card(TestApplet(seed), reader=self._device_ids()[0], announce=False)

    # -- card handling (what a person does at the counter) -----------------------------------

    def insert_card(
        self, applet: object, reader: str | None = None, atr: bytes | None = None, announce: bool = True
    ) -> None:
        if not callable(getattr(applet, "respond", None)):
            raise TypeError("a card applet needs respond(apdu) -> bytes")
        slot = reader or self._device_id or self._device_ids()[0]
        card_atr = atr if atr is not None else getattr(applet, "atr", None) or make_atr(b"SIMCARD")
        with self._cards_lock:
            self._cards[slot] = (applet, bytes(card_atr))
        if announce:
            self._events.put(CardEvent(slot, True, bytes(card_atr)))

    def remove_card(self, reader: str | None = None) -> None:
        slot = reader or self._device_id or self._device_ids()[0]
        with self._cards_lock:
            had = self._cards.pop(slot, None)
        if had is not None:
            self._events.put(CardEvent(slot, False))

    def _card_in(self, slot: str) -> object | None:
        with self._cards_lock:
            card = self._cards.get(slot)
        return card[0] if card else None

    def _on_fault_changed(self) -> None:
        slot = self._device_id or self._device_ids()[0]
        with self._cards_lock:
            card = self._cards.get(slot)
        if card is None:
            return
        removed = self._fault == FaultMode.CARD_REMOVED
        self._events.put(CardEvent(slot, not removed, b"" if removed else card[1]))

    def _begin_exchange(self) -> FaultMode | None:
        return self._begin()

    # -- the SmartCardReader protocol -------------------------------------------------------

    def connect(self, timeout: float = 5.0) -> SimulatedCardConnection:
        fault = self._begin(timeout)
        slot = self._device_id or ""
        if fault == FaultMode.CARD_REMOVED:
            raise CardRemoved(device=self.device_label)
        with self._cards_lock:
            card = self._cards.get(slot)
        if card is None:
            raise NotConnected(device=self.device_label, reason="no card")
        if fault == FaultMode.GARBAGE:
            raise BadData(device=self.device_label, reason="invalid ATR")
        applet, atr = card
        reset = getattr(applet, "reset", None)
        if callable(reset):
            reset()
        return SimulatedCardConnection(self, slot, applet, atr)

    def wait_for_event(self, timeout: float) -> CardEvent | None:
        if self._device_id is None:
            raise NotConnected(device=self.device_label)
        if self._fault == FaultMode.DISCONNECTED:
            raise NotConnected(device=self.device_label)
        if self._fault == FaultMode.TIMEOUT:
            raise DeviceTimeout(device=self.device_label, timeout=timeout)
        try:
            return self._events.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
