"""Through the real OS stack: pyscard → pcscd → vpcd → the eMRTD emulator.

``scripts/devices start`` runs pcscd with vpcd and puts the demo emulator in "Virtual PCD 00 00";
these tests insert their own emulated chips into "Virtual PCD 00 01" (vpcd port 35964) with
``vpcd_link.CardInserter`` so they can also pull the card out mid-read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import cv2
import numpy as np
import pytest

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd.errors import BacRefused, CardRemoved
from faskim_desktop.core.emrtd.reader import PassportReader
from faskim_desktop.devices.emrtd_emulator import DEMO, ChipContent, EmrtdApplet, VpcdCard, demo_signing_keys
from faskim_desktop.devices.vpcd_link import CardInserter

pytestmark = pytest.mark.stack

EMRTD_READER = os.environ.get("FASKIM_TEST_PCSC_EMRTD_READER", "Virtual PCD 00 00")
TEST_READER = os.environ.get("FASKIM_TEST_PCSC_READER", "Virtual PCD 00 01")
TEST_PORT = int(os.environ.get("FASKIM_TEST_VPCD_PORT", "35964"))


@pytest.fixture(scope="module")
def pcsc():
    """The pyscard driver, or a skip naming what is missing."""
    pytest.importorskip("smartcard", reason="pyscard is not installed (pip install pyscard)")
    from faskim_desktop.devices.errors import DeviceError
    from faskim_desktop.devices.real.smartcard_pcsc import PcscSmartCardReader

    driver = PcscSmartCardReader()
    try:
        names = [d.id for d in driver.devices()]
    except DeviceError as exc:
        pytest.skip(f"pcscd is not running (scripts/devices start): {exc.code}")
    if TEST_READER not in names:
        pytest.skip(f"vpcd reader {TEST_READER!r} not listed by pcscd (scripts/devices start)")
    yield driver
    driver.close()


def _wait_card(pcsc, reader: str, present: bool, timeout: float = 5.0) -> bool:
    """Poll pcscd until it sees the card in ``reader`` (or sees it gone)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        details = {d.id: d.details for d in pcsc.devices()}.get(reader, {})
        if (details.get("card") == "present") == present:
            return True
        time.sleep(0.02)  # polling interval, not a wait for a fixed time
    return False


@pytest.fixture
def inserted(pcsc, demo_content: ChipContent) -> Iterator[tuple[CardInserter, EmrtdApplet]]:
    applet = EmrtdApplet(DEMO, demo_content)
    inserter = CardInserter(VpcdCard(applet), port=TEST_PORT)
    try:
        inserter.insert(timeout=5.0)
    except ConnectionError as exc:
        pytest.skip(f"vpcd does not accept a card on port {TEST_PORT}: {exc}")
    if not _wait_card(pcsc, TEST_READER, present=True):
        inserter.remove()
        pytest.fail(f"pcscd did not see the emulated card in {TEST_READER!r}")
    yield inserter, applet
    inserter.remove()
    _wait_card(pcsc, TEST_READER, present=False)


def _connect(pcsc, reader: str):
    pcsc.open(reader)
    return pcsc.connect(timeout=5.0)


def test_read_with_the_right_key(pcsc, inserted) -> None:
    connection = _connect(pcsc, TEST_READER)
    try:
        data = PassportReader(connection.transmit).read(DEMO.mrz_key, cscas=[demo_signing_keys().csca_cert])
    finally:
        connection.disconnect()
    assert data.dg1.document_number == DEMO.document_number
    assert data.dg1.sex is mrz.Sex.FEMALE
    assert data.passive_auth is not None and data.passive_auth.hashes_ok and data.passive_auth.chain_valid


def test_wrong_key_is_refused_with_the_reason(pcsc, inserted) -> None:
    connection = _connect(pcsc, TEST_READER)
    try:
        with pytest.raises(BacRefused) as info:
            PassportReader(connection.transmit).read(mrz.mrz_key(DEMO.document_number, "010101", DEMO.expiry))
    finally:
        connection.disconnect()
    assert info.value.params["sw"] == "6300"


def test_card_removed_mid_read(pcsc, inserted) -> None:
    inserter, _ = inserted
    connection = _connect(pcsc, TEST_READER)
    sent = 0

    def transmit(apdu: bytes) -> bytes:
        nonlocal sent
        sent += 1
        if sent == 30:  # somewhere in DG2
            inserter.remove()
        return connection.transmit(apdu)

    try:
        with pytest.raises(CardRemoved):
            PassportReader(transmit).read(DEMO.mrz_key)
    finally:
        connection.disconnect()


def test_dg2_photo_is_decoded_and_shown(pcsc, inserted) -> None:
    connection = _connect(pcsc, TEST_READER)
    try:
        face = PassportReader(connection.transmit).read(DEMO.mrz_key).face
    finally:
        connection.disconnect()
    assert face is not None
    image = cv2.imdecode(np.frombuffer(face.data, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (face.height, face.width, 3)
    qtgui = pytest.importorskip("PySide6.QtGui")
    shown = qtgui.QImage.fromData(face.data)
    assert (shown.width(), shown.height()) == (face.width, face.height)


def test_the_stand_in_demo_emulator(pcsc) -> None:
    """The emulator scripts/devices starts in "Virtual PCD 00 00" answers the demo key."""
    devices = {d.id: d for d in pcsc.devices()}
    if devices.get(EMRTD_READER) is None or devices[EMRTD_READER].details.get("card") != "present":
        pytest.skip(f"no eMRTD emulator card in {EMRTD_READER!r} (scripts/devices start)")
    connection = _connect(pcsc, EMRTD_READER)
    try:
        data = PassportReader(connection.transmit).read(DEMO.mrz_key)
    finally:
        connection.disconnect()
    assert data.dg1.document_number == DEMO.document_number and data.sod_ok
