"""The real drivers' logic that needs no OS stack: protocol helpers, parsers and error mapping.

Not marked ``stack``: these run everywhere, on recorded or hand-built exchanges.
"""

from __future__ import annotations

import socket
import struct
import threading

import pytest
from PIL import Image
from spool_pages import SpoolFormatError, job_pages, pdf_pages, pwg_pages, urf_pages
from standins import EnvFileError, parse_env

from faskim_desktop.devices.errors import (
    BadData,
    CardRemoved,
    DeviceBusy,
    DeviceError,
    DeviceTimeout,
    DeviceUnavailable,
    MediaProblem,
    NotConnected,
    UnsupportedSetting,
)
from faskim_desktop.devices.protocols import JobState, ScanSettings
from faskim_desktop.devices.real import (
    camera_opencv,
    cups_ipp,
    fingerprint_libfprint,
    printer_qt,
    scanner_sane,
)
from faskim_desktop.devices.real import smartcard_pcsc as pcsc
from faskim_desktop.devices.vpcd_link import SW_INTERNAL_ERROR, VpcdLink

# -- T=0 procedure bytes (ISO/IEC 7816-3 §10.3.3, 7816-4 §5.1.3) ---------------------------------


class Card:
    def __init__(self, answers: list[bytes]) -> None:
        self.answers = list(answers)
        self.sent: list[bytes] = []

    def __call__(self, apdu: bytes) -> bytes:
        self.sent.append(apdu)
        return self.answers.pop(0)


def test_plain_response_passes_through() -> None:
    card = Card([b"\x01\x02\x90\x00"])
    assert pcsc.exchange_t0(card, bytes.fromhex("00B0000002")) == b"\x01\x02\x90\x00"
    assert len(card.sent) == 1


def test_61xx_chains_get_response_on_the_same_channel() -> None:
    card = Card([b"\x61\x04", b"\xaa\xbb\x61\x02", b"\xcc\xdd\x90\x00"])
    assert pcsc.exchange_t0(card, bytes.fromhex("01B0000000")) == b"\xaa\xbb\xcc\xdd\x90\x00"
    assert card.sent[1:] == [bytes.fromhex("01C0000004"), bytes.fromhex("01C0000002")]


def test_6cxx_resends_with_le() -> None:
    card = Card([b"\x6c\x10", bytes(16) + b"\x90\x00"])
    assert pcsc.exchange_t0(card, bytes.fromhex("00CA010000")) == bytes(16) + b"\x90\x00"
    assert card.sent[1] == bytes.fromhex("00CA010010")
    card = Card([b"\x6c\x08", bytes(8) + b"\x90\x00"])
    pcsc.exchange_t0(card, bytes.fromhex("00CA0100"))  # case 1 header gets an Le
    assert card.sent[1] == bytes.fromhex("00CA010008")


@pytest.mark.parametrize(
    ("apdu", "answers"),
    [
        (b"\x00\xa4", [b"\x90\x00"]),  # not even CLA INS P1 P2
        (bytes.fromhex("00B0000000"), [b"\x90"]),  # no SW2
        (bytes.fromhex("00B0000000"), [b"\x61\x02", b""]),  # GET RESPONSE answered with nothing
        (bytes.fromhex("00B0000000"), [b"\x61\x01"] * (pcsc.MAX_GET_RESPONSE + 2)),  # never ends
    ],
)
def test_malformed_exchanges_raise(apdu: bytes, answers: list[bytes]) -> None:
    with pytest.raises(ValueError):
        pcsc.exchange_t0(Card(answers), apdu)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (0x8010001D, DeviceUnavailable),
        (-2146435043, DeviceUnavailable),  # the same as a signed 32-bit value
        (0x80100069, CardRemoved),
        (0x80100016, CardRemoved),
        (0x8010000C, NotConnected),
        (0x80100009, NotConnected),
        (0x8010000B, DeviceBusy),
        (0x8010000A, DeviceTimeout),
        (0x80100001, DeviceError),
    ],
)
def test_pcsc_codes_map_to_typed_errors(code: int, expected: type[DeviceError]) -> None:
    err = pcsc.map_pcsc_error(code, "Reader 0", "SCardTransmit")
    assert type(err) is expected
    assert err.params["pcsc"].startswith("0x80100")


def test_connection_without_status_word_is_card_removed() -> None:
    class FakeScard:
        SCARD_LEAVE_CARD = 0

        def SCardTransmit(self, hcard: object, protocol: int, apdu: list[int]) -> tuple[int, list[int]]:
            return 0, []

        def SCardDisconnect(self, hcard: object, disposition: int) -> int:
            return 0

    conn = pcsc.PcscCardConnection(FakeScard(), object(), 2, "Reader 0", b"\x3b\x00")
    with pytest.raises(CardRemoved):
        conn.transmit(bytes.fromhex("00A4000C023F00"))
    conn.disconnect()
    with pytest.raises(NotConnected):
        conn.transmit(bytes.fromhex("00A4000C023F00"))


# -- vpcd framing --------------------------------------------------------------------------------


class EchoCard:
    def __init__(self) -> None:
        self.events: list[str] = []

    def atr(self) -> bytes:
        return b"\x3b\x80\x80\x01\x01"

    def power_on(self) -> None:
        self.events.append("on")

    def power_off(self) -> None:
        self.events.append("off")

    def reset(self) -> None:
        self.events.append("reset")

    def apdu(self, command: bytes) -> bytes:
        if command[1] == 0xFF:
            raise RuntimeError("applet bug")
        return command[::-1] + b"\x90\x00"


def test_vpcd_control_codes_and_apdus() -> None:
    link, card = VpcdLink(), EchoCard()
    assert link.handle(card, b"\x01") is None
    assert link.handle(card, b"\x02") is None
    assert link.handle(card, b"\x00") is None
    assert link.handle(card, b"\x04") == card.atr()
    assert link.handle(card, b"\x09") is None  # unknown control code: ignored
    assert card.events == ["on", "reset", "off"]
    assert link.handle(card, b"\x00\xa4\x00\x00") == b"\x00\x00\xa4\x00\x90\x00"
    assert link.handle(card, b"\x00\xff\x00\x00") == SW_INTERNAL_ERROR


def test_vpcd_frames_over_a_socket() -> None:
    ours, theirs = socket.socketpair()
    link = VpcdLink()
    link._sock = ours  # the framing, without a vpcd
    card = EchoCard()
    server = threading.Thread(target=link.serve, args=(card,))
    server.start()
    # vpcd writes the length and the payload separately.
    theirs.sendall(b"\x00\x01")
    theirs.sendall(b"\x04")
    assert theirs.recv(2) == struct.pack(">H", len(card.atr()))
    assert theirs.recv(64) == card.atr()
    theirs.sendall(b"\x00\x04\x00\xa4\x01\x02")
    assert theirs.recv(2) == b"\x00\x06" and theirs.recv(64) == b"\x02\x01\xa4\x00\x90\x00"
    theirs.sendall(b"\x00\x05\x00")  # a truncated frame, then the card leaves
    theirs.close()
    server.join(5)
    assert not server.is_alive() and not link.connected


# -- IPP (RFC 8010) ------------------------------------------------------------------------------


def ipp_response(status: int, groups: list[tuple[int, list[tuple[int, str, bytes]]]], end: bool = True) -> bytes:
    out = bytearray(struct.pack(">BBHI", 1, 1, status, 7))
    for tag, attrs in groups:
        out.append(tag)
        for value_tag, name, value in attrs:
            key = name.encode()
            out += struct.pack(">BH", value_tag, len(key)) + key + struct.pack(">H", len(value)) + value
    if end:
        out.append(cups_ipp.TAG_END)
    return bytes(out)


def test_ipp_request_encoding() -> None:
    body = cups_ipp.encode_request(
        cups_ipp.OP_GET_JOBS, 3, [(cups_ipp.TAG_KEYWORD, "requested-attributes", ["job-id", "job-state"])]
    )
    assert body[:8] == b"\x01\x01\x00\x0a\x00\x00\x00\x03"
    assert b"attributes-charset\x00\x05utf-8" in body
    assert b"\x44\x00\x14requested-attributes\x00\x06job-id\x44\x00\x00\x00\x09job-state" in body
    assert body.endswith(b"\x03")


def test_ipp_response_decoding_skips_collections() -> None:
    data = ipp_response(
        0,
        [
            (cups_ipp.TAG_OPERATION, [(cups_ipp.TAG_CHARSET, "attributes-charset", b"utf-8")]),
            (
                cups_ipp.TAG_JOB,
                [
                    (cups_ipp.TAG_INTEGER, "job-id", struct.pack(">i", 42)),
                    (cups_ipp.TAG_ENUM, "job-state", struct.pack(">i", 9)),
                    (cups_ipp.TAG_BEG_COLLECTION, "media-col", b""),
                    (0x4A, "", b"media-size"),
                    (cups_ipp.TAG_BEG_COLLECTION, "", b""),
                    (0x4A, "", b"x-dimension"),
                    (cups_ipp.TAG_INTEGER, "", struct.pack(">i", 8560)),
                    (cups_ipp.TAG_END_COLLECTION, "", b""),
                    (cups_ipp.TAG_END_COLLECTION, "", b""),
                    (cups_ipp.TAG_KEYWORD, "job-state-reasons", b"job-completed-successfully"),
                    (cups_ipp.TAG_KEYWORD, "", b"other-reason"),
                    (cups_ipp.TAG_BOOLEAN, "flag", b"\x01"),
                ],
            ),
        ],
    )
    response = cups_ipp.decode_response(data)
    job = response.first(cups_ipp.TAG_JOB)
    assert job["job-id"] == [42] and job["job-state"] == [9]
    assert job["job-state-reasons"] == ["job-completed-successfully", "other-reason"]
    assert job["media-col"] == [{}] and job["flag"] == [True]
    assert "x-dimension" not in job
    assert printer_qt.job_from_cups("42", job).state == JobState.COMPLETED


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x01\x01\x00\x00",
        ipp_response(0, [(cups_ipp.TAG_JOB, [(cups_ipp.TAG_INTEGER, "job-id", struct.pack(">i", 1))])], end=False),
        ipp_response(0, [(cups_ipp.TAG_JOB, [(cups_ipp.TAG_INTEGER, "job-id", struct.pack(">i", 1))])])[:-4],
        b"\x01\x01\x00\x00\x00\x00\x00\x01\x02\x21\x00",  # name length cut
        b"\x01\x01\x00\x00\x00\x00\x00\x01\x02\x21\x00\x02ab\x00\x04\x00",  # value cut
    ],
)
def test_malformed_ipp_responses_raise(data: bytes) -> None:
    with pytest.raises(cups_ipp.IppError):
        cups_ipp.decode_response(data)


@pytest.mark.parametrize(
    ("state", "expected"),
    [(3, JobState.PENDING), (4, JobState.PENDING), (5, JobState.PROCESSING), (6, JobState.FAILED),
     (7, JobState.CANCELLED), (8, JobState.FAILED), (9, JobState.COMPLETED), (99, JobState.FAILED)],
)
def test_cups_job_states(state: int, expected: JobState) -> None:
    job = printer_qt.job_from_cups("5", {"job-state": [state], "job-state-reasons": ["none"]})
    assert job.state == expected and job.job_id == "5"
    assert printer_qt.job_from_cups("5", {}).state == JobState.FAILED


def test_queue_problems() -> None:
    assert cups_ipp.queue_problem({"printer-state": [3], "printer-is-accepting-jobs": [True]}) is None
    stopped = cups_ipp.queue_problem({"printer-state": [5], "printer-state-reasons": ["paused"]})
    assert stopped is not None and stopped.startswith("stopped") and "paused" in stopped
    assert "not accepting" in str(cups_ipp.queue_problem({"printer-state": [3], "printer-is-accepting-jobs": [False]}))


def test_page_size_matching() -> None:
    cr80 = printer_qt.PAGE_SIZES_MM["CR80"]
    assert printer_qt.size_matches((85.73, 53.98), cr80)
    assert printer_qt.size_matches((53.98, 85.6), cr80)  # the same card turned
    assert not printer_qt.size_matches((210.0, 297.0), cr80)
    assert not printer_qt.size_matches((86.9, 54.0), cr80)


# -- SANE ----------------------------------------------------------------------------------------


def test_backend_words_for_modes_and_sources() -> None:
    assert scanner_sane.choose("color", ["Lineart", "Gray", "Color"], scanner_sane.MODE_NAMES) == "Color"
    assert scanner_sane.choose("gray", ["Binary", "Grayscale"], scanner_sane.MODE_NAMES) == "Grayscale"
    assert scanner_sane.choose("adf", ["Flatbed", "ADF Front"], scanner_sane.SOURCE_NAMES) == "ADF Front"
    assert scanner_sane.choose("adf", ["Flatbed"], scanner_sane.SOURCE_NAMES) is None
    assert scanner_sane.choose("color", None, scanner_sane.MODE_NAMES) is None


def test_resolution_constraints() -> None:
    assert scanner_sane.resolution_allowed(300, (50, 1200, 1))
    assert not scanner_sane.resolution_allowed(2400, (50, 1200, 1))
    assert scanner_sane.resolution_allowed(300, [75, 150, 300])
    assert not scanner_sane.resolution_allowed(200, [75, 150, 300])
    assert scanner_sane.resolution_allowed(200, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Device busy", DeviceBusy), ("Document feeder jammed", MediaProblem), ("Scanner cover is open", MediaProblem),
     ("Error during device I/O", NotConnected), ("Out of memory", DeviceError)],
)
def test_sane_status_texts(text: str, expected: type[DeviceError]) -> None:
    assert type(scanner_sane.map_sane_error(Exception(text), "test:0")) is expected


class FakeOption:
    def __init__(self, constraint: object) -> None:
        self.constraint = constraint

    def is_active(self) -> bool:
        return True


class FakeSaneDevice:
    """A feeder that gives ``good`` pages, then fails with ``error`` (python-sane's behaviour)."""

    def __init__(self, good: int, error: str, blank_first: bool = False) -> None:
        object.__setattr__(self, "opt", {
            "source": FakeOption(["Flatbed", "Automatic Document Feeder"]),
            "mode": FakeOption(["Gray", "Color"]),
            "resolution": FakeOption((1, 1200, 1)),
        })
        object.__setattr__(self, "left", good)
        object.__setattr__(self, "error", error)
        object.__setattr__(self, "blank_first", blank_first)
        object.__setattr__(self, "resolution", 75)

    def __setattr__(self, key: str, value: object) -> None:
        object.__setattr__(self, key, value)

    def start(self) -> None:
        if self.left <= 0:
            raise Exception(self.error)

    def snap(self, no_cancel: bool = False) -> Image.Image:
        object.__setattr__(self, "left", self.left - 1)
        if self.blank_first:
            raise RuntimeError("Scanner returned no data")
        return Image.new("RGB", (20, 30), (200, 10, 10))

    def scan(self) -> Image.Image:
        self.start()
        return self.snap()

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass


def fake_scanner(dev: FakeSaneDevice) -> scanner_sane.SaneScanner:
    scanner = scanner_sane.SaneScanner()
    scanner._dev = dev
    scanner._device = "fake:0"
    return scanner


def test_mid_batch_jam_keeps_the_pages() -> None:
    scanner = fake_scanner(FakeSaneDevice(2, "Document feeder jammed"))
    with pytest.raises(MediaProblem) as info:
        scanner.scan(ScanSettings(resolution=75, mode="color", source="adf"))
    pages = info.value.params["pages"]
    assert len(pages) == 2 and all(p.png.startswith(b"\x89PNG") and p.dpi == 75 for p in pages)


def test_feeder_runs_dry_normally() -> None:
    scanner = fake_scanner(FakeSaneDevice(3, scanner_sane.STATUS_NO_DOCS))
    assert len(scanner.scan(ScanSettings(resolution=75, source="adf"))) == 3
    with pytest.raises(MediaProblem) as info:  # nothing in the feeder at all
        fake_scanner(FakeSaneDevice(0, scanner_sane.STATUS_NO_DOCS)).scan(ScanSettings(source="adf"))
    assert info.value.params["pages"] == []


def test_scanner_returning_nothing_is_bad_data() -> None:
    scanner = fake_scanner(FakeSaneDevice(1, "", blank_first=True))
    with pytest.raises(BadData):
        scanner.scan(ScanSettings(resolution=75))
    with pytest.raises(UnsupportedSetting):
        scanner.scan(ScanSettings(mode="lineart"))


# -- fingerprint, camera -------------------------------------------------------------------------


def test_quality_is_scaled_by_minutiae() -> None:
    assert fingerprint_libfprint.combined_quality(90, None) == 90
    assert fingerprint_libfprint.combined_quality(90, 40) == 90
    assert fingerprint_libfprint.combined_quality(90, 6) == 45
    assert fingerprint_libfprint.combined_quality(90, 0) == 0
    assert fingerprint_libfprint.combined_quality(150, None) == 100


@pytest.mark.parametrize(
    ("width", "height", "length"),
    [(320, 400, 100), (0, 400, 0), (40, 40, 1600), (2000, 2000, 4_000_000)],
)
def test_implausible_fingerprint_images(width: int, height: int, length: int) -> None:
    with pytest.raises(BadData):
        fingerprint_libfprint.check_size(width, height, length, 500, "virtual_image:0")
    fingerprint_libfprint.check_size(320, 400, 128000, 500, "virtual_image:0")


def test_camera_sources() -> None:
    assert camera_opencv.parse_source("0") == 0
    assert camera_opencv.parse_source(" 2 ") == 2
    assert camera_opencv.parse_source("rtsp://10.0.0.5/stream") == "rtsp://10.0.0.5/stream"
    with pytest.raises(UnsupportedSetting):
        camera_opencv._int_setting({"width": -5}, "width")
    with pytest.raises(UnsupportedSetting):
        camera_opencv._float_setting({"fps": "nan"}, "fps")
    assert camera_opencv._int_setting({}, "width") == 0


def test_drivers_report_availability_as_text_or_none() -> None:
    for cls in (
        camera_opencv.OpenCvCamera,
        fingerprint_libfprint.LibfprintReader,
        scanner_sane.SaneScanner,
        printer_qt.QtCardPrinter,
        pcsc.PcscSmartCardReader,
    ):
        reason = cls.available()
        assert reason is None or (isinstance(reason, str) and reason)


def test_unopened_drivers_raise_typed_errors() -> None:
    with pytest.raises(NotConnected):
        camera_opencv.OpenCvCamera().read_frame()
    with pytest.raises(NotConnected):
        scanner_sane.SaneScanner().scan(ScanSettings())
    with pytest.raises(NotConnected):
        pcsc.PcscSmartCardReader().connect(0.1)
    with pytest.raises(NotConnected):
        printer_qt.QtCardPrinter().submit(b"%PDF-1.4", "x")


# -- test helpers' own parsers -------------------------------------------------------------------


def test_env_file_parser() -> None:
    env = parse_env("# comment\n\nA='x y'\nexport B=\"z\"\nC=plain\n")
    assert env == {"A": "x y", "B": "z", "C": "plain"}
    for bad in ("NOVALUE\n", "1A=x\n", "A='open\n"):
        with pytest.raises(EnvFileError):
            parse_env(bad)


def test_spool_parsers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    urf = b"UNIRAST\x00" + struct.pack(">I", 1) + bytes([24, 1, 3, 0]) + bytes(8) + struct.pack(">III", 1011, 638, 300) + bytes(8)
    (page,) = urf_pages(urf)
    assert round(page.width_mm, 1) == 85.6 and page.duplex == "long-edge" and page.dpi == 300
    header = bytearray(1796)
    header[276:284] = struct.pack(">II", 300, 300)
    header[372:380] = struct.pack(">II", 1011, 638)
    (page,) = pwg_pages(b"RaS2" + bytes(header))
    assert round(page.height_mm, 1) == 54.0 and page.duplex == "simplex"
    (page,) = pdf_pages(b"%PDF-1.4\n<< /Type /Page /MediaBox [0 0 242.65 153.01] >>")
    assert round(page.width_mm, 1) == 85.6
    for bad, parser in (
        (b"UNIRAST\x00" + bytes(8), urf_pages),
        (b"UNIRAST\x00" + bytes(40), urf_pages),
        (b"RaS2" + bytes(100), pwg_pages),
        (b"RaS2" + bytes(1796), pwg_pages),
        (b"%PDF-1.4 no boxes", pdf_pages),
        (b"GIF89a", pdf_pages),
    ):
        with pytest.raises(SpoolFormatError):
            parser(bad)
    junk = tmp_path / "1-job.bin"
    junk.write_bytes(b"\x00" * 64)
    with pytest.raises(SpoolFormatError):
        job_pages(junk)
