"""PC/SC driver against pcscd + vpcd with a small ISO/IEC 7816-4 test card on the vpcd link."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from contract import SELECT_MF, check_driver, check_error
from stack_support import create, stand_in_missing

from faskim_desktop.devices.errors import CardRemoved, DeviceBusy, DeviceError, NotConnected
from faskim_desktop.devices.vpcd_link import CardInserter

pytestmark = pytest.mark.stack

# ATR (ISO/IEC 7816-3 §8): TS=3B direct convention, T0=8A (TD1 present, 10 historical bytes)…
TEST_ATR = bytes.fromhex("3B8A80010031C173C8400000900090")
LONG_DATA = bytes(range(200))


class FakeIsoCard:
    """A card with a few ISO/IEC 7816-4 behaviours the driver must cope with.

    * SELECT (A4) → 9000; GET CHALLENGE (84) → Le random-looking bytes + 9000;
    * READ BINARY (B0) of a 200-byte file → 61C8, the data then comes by GET RESPONSE (C0)
      in chunks of at most 0x80 bytes (61xx again for the rest), as a T=0 card does;
    * INS CA (GET DATA) with a wrong Le → 6C05, with Le=05 → five bytes + 9000;
    * INS EE → the card is pulled from the reader while answering.
    """

    def __init__(self) -> None:
        self.inserter: CardInserter | None = None
        self.pending = b""
        self.commands: list[bytes] = []
        self.powered = False

    def atr(self) -> bytes:
        return TEST_ATR

    def power_on(self) -> None:
        self.powered = True

    def power_off(self) -> None:
        self.powered = False

    def reset(self) -> None:
        self.pending = b""

    def apdu(self, command: bytes) -> bytes:
        self.commands.append(command)
        ins = command[1]
        if ins == 0xA4:
            return b"\x90\x00"
        if ins == 0x84:
            return bytes((i * 37 + 11) & 0xFF for i in range(command[4])) + b"\x90\x00"
        if ins == 0xB0:
            self.pending = LONG_DATA
            return bytes([0x61, len(self.pending)])
        if ins == 0xC0:
            chunk, self.pending = self.pending[: min(command[4], 0x80)], self.pending[min(command[4], 0x80) :]
            if self.pending:
                return chunk + bytes([0x61, len(self.pending)])
            return chunk + b"\x90\x00"
        if ins == 0xCA:
            if len(command) == 5 and command[4] == 5:
                return b"\x01\x02\x03\x04\x05\x90\x00"
            return b"\x6c\x05"
        if ins == 0xEE:
            assert self.inserter is not None
            self.inserter.remove()  # pulled mid-exchange: vpcd gets no answer
            return b"\x90\x00"
        return b"\x6d\x00"  # INS not supported


def wait_until_empty(reader_name: str, timeout: float = 5.0) -> None:
    """pcscd polls vpcd for presence: wait until it saw the card go, so the next card is new."""
    from faskim_desktop.devices.real.smartcard_pcsc import PcscSmartCardReader

    driver = PcscSmartCardReader()
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if all(d.details.get("card") == "absent" for d in driver.devices() if d.id == reader_name):
                return
            time.sleep(0.02)
    finally:
        driver.close()
    raise AssertionError(f"{reader_name} still reports a card {timeout}s after removal")


def remove(inserter: CardInserter, reader_name: str) -> None:
    inserter.remove()
    wait_until_empty(reader_name)


@pytest.fixture
def reader_name(stack_env: dict[str, str]) -> str:
    if not os.path.exists("/run/pcscd/pcscd.comm") and not os.path.exists("/var/run/pcscd/pcscd.comm"):
        stand_in_missing("pcscd is not running (scripts/devices start)")
    return stack_env["FASKIM_TEST_PCSC_READER"]


@pytest.fixture
def card(stack_env: dict[str, str]) -> FakeIsoCard:
    return FakeIsoCard()


@pytest.fixture
def inserted(card: FakeIsoCard, reader_name: str, stack_env: dict[str, str]) -> Iterator[CardInserter]:
    wait_until_empty(reader_name)
    inserter = CardInserter(card, port=int(stack_env["FASKIM_TEST_VPCD_PORT"]))
    card.inserter = inserter
    inserter.insert()
    yield inserter
    remove(inserter, reader_name)


@pytest.fixture
def reader(drivers, reader_name: str):  # type: ignore[no-untyped-def]
    driver = create(drivers, "smartcard", "pcsc")
    driver.open(reader_name)
    yield driver
    driver.close()


def test_lists_both_virtual_readers(drivers, reader_name: str) -> None:
    driver = create(drivers, "smartcard", "pcsc")
    names = [d.id for d in driver.devices()]
    assert reader_name in names
    assert any(n.startswith("Virtual PCD") and n != reader_name for n in names)


def test_contract_with_card(drivers, reader_name: str, inserted: CardInserter, card: FakeIsoCard) -> None:
    driver = create(drivers, "smartcard", "pcsc")
    response = check_driver(driver, device_id=reader_name)
    assert response == b"\x90\x00"
    assert card.commands[-1] == SELECT_MF


def test_atr_and_apdus_reach_the_card(reader, inserted: CardInserter, card: FakeIsoCard) -> None:
    conn = reader.connect(timeout=5.0)
    try:
        assert conn.atr() == TEST_ATR
        challenge = conn.transmit(bytes.fromhex("0084000008"))
        assert challenge[-2:] == b"\x90\x00" and len(challenge) == 10
        assert challenge[:8] == bytes((i * 37 + 11) & 0xFF for i in range(8))
        assert conn.transmit(bytes.fromhex("00FF000000")) == b"\x6d\x00"
    finally:
        conn.disconnect()
    assert bytes.fromhex("0084000008") in card.commands


def test_61xx_is_followed_by_get_response(reader, inserted: CardInserter, card: FakeIsoCard) -> None:
    conn = reader.connect(timeout=5.0)
    try:
        response = conn.transmit(bytes.fromhex("00B0000000"))
    finally:
        conn.disconnect()
    assert response == LONG_DATA + b"\x90\x00"
    assert [c[1] for c in card.commands[-3:]] == [0xB0, 0xC0, 0xC0]


def test_6cxx_resends_with_the_right_le(reader, inserted: CardInserter, card: FakeIsoCard) -> None:
    conn = reader.connect(timeout=5.0)
    try:
        response = conn.transmit(bytes.fromhex("00CA010000"))
    finally:
        conn.disconnect()
    assert response == b"\x01\x02\x03\x04\x05\x90\x00"
    assert card.commands[-1] == bytes.fromhex("00CA010005")


def test_no_card_is_not_connected(reader) -> None:
    with pytest.raises(NotConnected) as info:
        reader.connect(timeout=0.3)
    check_error(info.value, NotConnected)


def test_insert_and_remove_events(reader, reader_name: str, card: FakeIsoCard, stack_env: dict[str, str]) -> None:
    wait_until_empty(reader_name)
    assert reader.wait_for_event(0.1) is None  # empty reader, nothing happens
    inserter = CardInserter(card, port=int(stack_env["FASKIM_TEST_VPCD_PORT"]))
    card.inserter = inserter
    inserter.insert()
    try:
        event = reader.wait_for_event(5.0)
        assert event is not None and event.inserted and event.atr == TEST_ATR
    finally:
        inserter.remove()
    event = reader.wait_for_event(5.0)
    assert event is not None and not event.inserted


def test_card_pulled_mid_exchange_then_works_again(
    reader, reader_name: str, card: FakeIsoCard, stack_env: dict[str, str]
) -> None:
    port = int(stack_env["FASKIM_TEST_VPCD_PORT"])
    wait_until_empty(reader_name)
    inserter = CardInserter(card, port=port)
    card.inserter = inserter
    inserter.insert()
    conn = reader.connect(timeout=5.0)
    with pytest.raises(CardRemoved) as info:
        conn.transmit(bytes.fromhex("00EE000000"))
    check_error(info.value, NotConnected)
    assert info.value.code == "device.card_removed"
    conn.disconnect()
    wait_until_empty(reader_name)
    # The card goes back in: the same driver instance connects and exchanges again.
    inserter = CardInserter(card, port=port)
    card.inserter = inserter
    inserter.insert()
    try:
        conn = reader.connect(timeout=5.0)
        assert conn.transmit(SELECT_MF) == b"\x90\x00"
        conn.disconnect()
    finally:
        remove(inserter, reader_name)


def test_unknown_reader_is_not_connected(drivers, reader_name: str) -> None:
    driver = create(drivers, "smartcard", "pcsc")
    with pytest.raises(DeviceError) as info:
        driver.open("No Such Reader 99")
    check_error(info.value, NotConnected)


def test_emrtd_emulator_presents_a_chip(drivers, stack_env: dict[str, str]) -> None:
    """The eMRTD emulator that scripts/devices starts answers in its reader (when it exists)."""
    from pathlib import Path

    pkg = Path(__file__).resolve().parents[2] / "faskim_desktop" / "devices" / "emrtd_emulator"
    if not (pkg / "__main__.py").exists():
        pytest.skip("faskim_desktop.devices.emrtd_emulator is not written yet")
    driver = create(drivers, "smartcard", "pcsc")
    driver.open(stack_env["FASKIM_TEST_PCSC_EMRTD_READER"])
    try:
        conn = driver.connect(timeout=5.0)
        try:
            assert conn.atr()[:1] in (b"\x3b", b"\x3f")
            # SELECT the eMRTD application by AID A0 00 00 02 47 10 01 (ICAO Doc 9303 part 10 §3.1).
            response = conn.transmit(bytes.fromhex("00A4040C07A0000002471001"))
            assert response[-2:] == b"\x90\x00"
        finally:
            conn.disconnect()
    finally:
        driver.close()


def test_card_held_exclusively_elsewhere_is_busy(drivers, reader_name: str, inserted: CardInserter) -> None:
    holder = create(drivers, "smartcard", "pcsc")
    other = create(drivers, "smartcard", "pcsc")
    holder.open(reader_name, {"share": "exclusive"})
    other.open(reader_name)
    try:
        conn = holder.connect(timeout=5.0)
        with pytest.raises(DeviceBusy) as info:
            other.connect(timeout=1.0)
        check_error(info.value, DeviceBusy)
        conn.disconnect()
        conn = other.connect(timeout=5.0)  # released: the other program gets the card
        assert conn.transmit(SELECT_MF) == b"\x90\x00"
        conn.disconnect()
    finally:
        holder.close()
        other.close()
