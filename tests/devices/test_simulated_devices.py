"""What the simulated drivers promise beyond the shared contract."""

from __future__ import annotations

import io
import json

import cv2
import numpy as np
import pytest
from PIL import Image

from faskim_desktop.devices.errors import CardRemoved, MediaProblem, NotConnected, UnsupportedSetting
from faskim_desktop.devices.fingerprint_quality import quality_score
from faskim_desktop.devices.protocols import CardEvent, JobState, ScanSettings
from faskim_desktop.devices.selftest import run_selftest, sample_card_pdf
from faskim_desktop.devices.simulated.camera import SimulatedCamera
from faskim_desktop.devices.simulated.fingerprint import SimulatedFingerprintReader
from faskim_desktop.devices.simulated.printer import SimulatedCardPrinter
from faskim_desktop.devices.simulated.scanner import SimulatedScanner
from faskim_desktop.devices.simulated.smartcard import SimulatedSmartCardReader, TestApplet, make_atr


def _frame_array(seed: int, frames: int = 1, subject: str = "drawn") -> list[np.ndarray]:
    cam = SimulatedCamera(seed=seed)
    cam.open("sim-camera-0", {"subject": subject})
    out = []
    for _ in range(frames):
        f = cam.read_frame()
        out.append(np.frombuffer(f.data, np.uint8).reshape(f.height, f.width, 3))
    return out


def test_camera_face_is_found_by_the_frontal_haar_cascade() -> None:
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    assert not cascade.empty()
    for frame in _frame_array(seed=7, frames=5):
        faces = cascade.detectMultiScale(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY), 1.1, 5)
        assert len(faces) == 1
        w = faces[0][2]
        assert w > frame.shape[1] * 0.25  # a face big enough for a passport-style crop


@pytest.mark.parametrize(("width", "height"), [(320, 240), (1280, 720)])
def test_camera_face_found_at_other_resolutions(width: int, height: int) -> None:
    cam = SimulatedCamera()
    cam.open("sim-camera-0", {"width": width, "height": height, "subject": "drawn"})
    f = cam.read_frame()
    img = np.frombuffer(f.data, np.uint8).reshape(height, width, 3)
    cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
    assert len(cascade.detectMultiScale(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), 1.1, 5)) == 1


def test_camera_frames_the_portrait_so_the_photo_checks_pass() -> None:
    """The default subject (the public-domain portrait scikit-image ships) passes every ICAO check,
    so the demo's biometric step can capture automatically."""
    pytest.importorskip("skimage")
    from faskim_desktop.core.photo_checks import PhotoChecker

    checker = PhotoChecker()
    for frame in _frame_array(seed=3, frames=3, subject="portrait"):
        result = checker.assess(frame)
        assert result.passed, result.summary()


def test_camera_is_deterministic_under_seed() -> None:
    a, b, c = _frame_array(1, 2), _frame_array(1, 2), _frame_array(2, 2)
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    assert not np.array_equal(a[0], c[0])
    assert not np.array_equal(a[0], a[1])  # frames move like a live picture


@pytest.mark.parametrize("bad", [{"width": 10}, {"fps": 0}, {"height": "tall"}, {"seed": "x"}, {"delay": -1}])
def test_camera_rejects_bad_settings(bad: dict[str, object]) -> None:
    with pytest.raises(UnsupportedSetting):
        SimulatedCamera().open("sim-camera-0", bad)


def test_unknown_device_id_is_not_connected() -> None:
    with pytest.raises(NotConnected):
        SimulatedCamera().open("no-such-camera")


def _capture(person: str, finger: str, seed: int = 0) -> bytes:
    reader = SimulatedFingerprintReader(seed=seed)
    reader.open("sim-fingerprint-0", {"person": person})
    img = reader.capture(finger)
    assert (img.width, img.height, img.dpi) == (320, 400, 500)
    assert img.quality >= 60
    return img.pixels


def test_fingerprints_differ_per_finger_and_person_and_repeat_per_seed() -> None:
    a = _capture("A", "right_index")
    assert a == _capture("A", "right_index")
    others = [_capture("A", "left_index"), _capture("B", "right_index"), _capture("A", "right_index", seed=9)]
    base = np.frombuffer(a, np.uint8).astype(float)
    for other in others:
        arr = np.frombuffer(other, np.uint8).astype(float)
        corr = np.corrcoef(base, arr)[0, 1]
        assert corr < 0.5, "another finger/person must not look like the same print"


def test_fingerprint_unknown_finger_is_refused() -> None:
    reader = SimulatedFingerprintReader()
    reader.open("sim-fingerprint-0")
    with pytest.raises(UnsupportedSetting):
        reader.capture("sixth_finger")


def test_quality_score_separates_ridges_from_noise_and_blank() -> None:
    ridges = np.frombuffer(_capture("A", "right_thumb"), np.uint8).reshape(400, 320)
    noise = np.random.default_rng(0).integers(0, 256, (400, 320), dtype=np.uint8)
    assert quality_score(ridges) > 60
    assert quality_score(noise) < 20
    assert quality_score(np.full((400, 320), 240, np.uint8)) == 0
    assert quality_score(np.zeros((10, 10), np.uint8)) == 0  # too small to judge
    assert quality_score(np.zeros((64, 64, 3), np.uint8)) == 0  # not a grey image


def test_fingerprint_min_quality_setting_raises_low_quality() -> None:
    from faskim_desktop.devices.errors import LowQuality

    reader = SimulatedFingerprintReader()
    reader.open("sim-fingerprint-0", {"min_quality": 100})
    with pytest.raises(LowQuality) as info:
        reader.capture("right_index")
    assert 0 <= int(info.value.params["quality"]) < 100


def test_scanner_adf_gives_every_page_and_jam_keeps_scanned_pages() -> None:
    scanner = SimulatedScanner(seed=3)
    scanner.open("sim-scanner-0", {"adf_pages": 3})
    pages = scanner.scan(ScanSettings(resolution=75, mode="gray", source="adf"))
    assert len(pages) == 3
    img = Image.open(io.BytesIO(pages[0].png))
    assert img.mode == "L" and img.size == (620, 877)  # A4 at 75 dpi
    assert np.asarray(img).min() < 80  # text was drawn
    scanner.set_fault("paper_jam")
    with pytest.raises(MediaProblem) as info:
        scanner.scan(ScanSettings(resolution=75, source="adf"))
    assert len(info.value.params["pages"]) == 1
    scanner.clear_fault()
    assert len(scanner.scan(ScanSettings(resolution=75, source="adf"))) == 3


def test_scanner_is_deterministic_and_validates_settings() -> None:
    def scan(seed: int) -> bytes:
        s = SimulatedScanner(seed=seed)
        s.open("sim-scanner-0")
        return s.scan(ScanSettings(resolution=75))[0].png

    assert scan(1) == scan(1) != scan(2)
    s = SimulatedScanner()
    s.open("sim-scanner-0")
    for bad in (ScanSettings(resolution=123), ScanSettings(mode="sepia"), ScanSettings(source="tray")):
        with pytest.raises(UnsupportedSetting):
            s.scan(bad)
    lineart = s.scan(ScanSettings(resolution=75, mode="lineart"))[0]
    assert Image.open(io.BytesIO(lineart.png)).mode == "1"


def test_scanner_empty_feeder_is_media_problem() -> None:
    s = SimulatedScanner()
    s.open("sim-scanner-0", {"adf_pages": 0})
    with pytest.raises(MediaProblem):
        s.scan(ScanSettings(resolution=75, source="adf"))


def test_printer_keeps_job_file_and_walks_job_states(tmp_path) -> None:
    printer = SimulatedCardPrinter(output_dir=tmp_path)
    printer.open("sim-printer-0")
    pdf = sample_card_pdf()
    job = printer.submit(pdf, "uji", page_size="CR80")
    states = [job.state]
    while states[-1] not in (JobState.COMPLETED, JobState.FAILED):
        states.append(printer.job_state(job.job_id).state)
    assert states == [JobState.PENDING, JobState.PROCESSING, JobState.COMPLETED]
    assert printer.job_file(job.job_id).read_bytes() == pdf
    meta = json.loads(printer.job_file(job.job_id).with_suffix(".json").read_text())
    assert meta["page_size"] == "CR80"


@pytest.mark.parametrize(
    ("pdf", "page_size", "error"),
    [
        (b"GIF89a...", "CR80", "device.bad_data"),
        (b"", "CR80", "device.bad_data"),
        (b"%PDF-1.4\n", "LETTER", "device.media"),
    ],
)
def test_printer_refuses_bad_jobs(tmp_path, pdf: bytes, page_size: str, error: str) -> None:
    from faskim_desktop.devices.errors import DeviceError

    printer = SimulatedCardPrinter(output_dir=tmp_path)
    printer.open("sim-printer-0")
    with pytest.raises(DeviceError) as info:
        printer.submit(pdf, "x", page_size=page_size)
    assert info.value.code == error


def test_printer_jam_during_job_fails_it(tmp_path) -> None:
    printer = SimulatedCardPrinter(output_dir=tmp_path)
    printer.open("sim-printer-0", {"duplex": False})
    assert printer.supports_duplex() is False
    with pytest.raises(UnsupportedSetting):
        printer.submit(sample_card_pdf(), "x", duplex=True)
    job = printer.submit(sample_card_pdf(), "x")
    printer.set_fault("paper_jam")
    failed = printer.job_state(job.job_id)
    assert failed.state == JobState.FAILED and failed.reason == "media-jam"


class EchoApplet:
    """Stands for the eMRTD helper's card emulator: anything with respond(apdu)."""

    atr = make_atr(b"ECHO")

    def respond(self, apdu: bytes) -> bytes:
        return apdu[1:2] + b"\x90\x00"


def test_smartcard_applets_plug_in_and_events_are_reported() -> None:
    reader = SimulatedSmartCardReader()
    reader.open("sim-smartcard-1")
    with pytest.raises(NotConnected):
        reader.connect()  # reader 1 starts empty
    reader.insert_card(EchoApplet())
    event = reader.wait_for_event(1.0)
    assert event == CardEvent("sim-smartcard-1", True, EchoApplet.atr)
    conn = reader.connect()
    assert conn.atr() == EchoApplet.atr
    assert conn.transmit(bytes.fromhex("00B0000000")) == b"\xb0\x90\x00"
    reader.remove_card()
    assert reader.wait_for_event(1.0) == CardEvent("sim-smartcard-1", False)
    with pytest.raises(CardRemoved):
        conn.transmit(bytes.fromhex("00B0000000"))
    assert reader.wait_for_event(0.01) is None


def test_smartcard_card_removed_fault_reports_events_and_clears() -> None:
    reader = SimulatedSmartCardReader()
    reader.open("sim-smartcard-0")
    reader.set_fault("card_removed")
    assert reader.wait_for_event(1.0).inserted is False
    reader.clear_fault()
    assert reader.wait_for_event(1.0).inserted is True
    assert reader.connect().transmit(bytes.fromhex("0084000008"))[-2:] == b"\x90\x00"


@pytest.mark.parametrize("apdu", [b"", b"\x00\xa4", "00A4"])
def test_smartcard_transmit_rejects_malformed_apdu(apdu: object) -> None:
    reader = SimulatedSmartCardReader()
    reader.open("sim-smartcard-0")
    with pytest.raises(ValueError):
        reader.connect().transmit(apdu)  # type: ignore[arg-type]


def test_test_applet_answers_iso7816_commands() -> None:
    applet = TestApplet(seed=1)
    assert applet.respond(b"\x00\xa4\x04\x00" + bytes([len(TestApplet.AID)]) + TestApplet.AID) == b"\x90\x00"
    assert applet.respond(bytes.fromhex("00A4040002AAAA")) == b"\x6a\x82"
    challenge = applet.respond(bytes.fromhex("0084000008"))
    assert len(challenge) == 10 and challenge[-2:] == b"\x90\x00"
    assert applet.respond(bytes.fromhex("80CA000000")) == b"\x6e\x00"
    assert applet.respond(bytes.fromhex("00FF0000")) == b"\x6d\x00"
    assert applet.respond(b"\x00") == b"\x67\x00"
    atr = applet.atr
    tck = 0
    for b in atr[1:]:
        tck ^= b
    assert atr[0] == 0x3B and tck == 0  # ISO/IEC 7816-3 check byte


def test_make_atr_refuses_too_many_historical_bytes() -> None:
    with pytest.raises(ValueError):
        make_atr(b"x" * 16)


@pytest.mark.parametrize("kind", ["camera", "fingerprint", "scanner", "printer", "smartcard"])
def test_selftest_runs_for_each_kind(kind: str) -> None:
    from faskim_desktop.devices import registry

    driver = registry.DriverRegistry().create(kind, "simulated")
    result = run_selftest(kind, driver)
    assert result.ok and result.summary and result.sample is not None
    assert not driver.is_open  # the test action closes what it opened


def test_fault_for_limited_count_clears_itself() -> None:
    cam = SimulatedCamera()
    cam.open("sim-camera-0")
    cam.set_fault("timeout", count=1)
    from faskim_desktop.devices.errors import DeviceTimeout

    with pytest.raises(DeviceTimeout):
        cam.read_frame()
    assert cam.read_frame().width == 640
    assert cam.fault is None


def test_unsupported_fault_is_refused() -> None:
    with pytest.raises(UnsupportedSetting):
        SimulatedCamera().set_fault("paper_jam")
    with pytest.raises(ValueError):
        SimulatedCamera().set_fault("melted")
