"""The technician page, driven like a technician would, on the simulated drivers."""

from __future__ import annotations

import itertools
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from faskim_desktop.devices import registry
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.registry import BUILTIN_DRIVERS, DriverRegistry, DriverSpec
from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings

pytestmark = pytest.mark.gui

SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture
def page_registry() -> Iterator[DriverRegistry]:
    """The simulators plus one driver whose library is missing (it must show its reason)."""
    specs = [registry.parse_entry(k, v, "builtin") for k, v in BUILTIN_DRIVERS.items()]
    specs.append(DriverSpec(DeviceKind.CAMERA, "opencv-contoh", "fk_cv_not_installed:Camera", "test"))
    reg = DriverRegistry([s for s in specs if s is not None])
    registry.set_registry(reg)
    yield reg
    registry.set_registry(None)


@pytest.fixture
def seeded_choices(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> DeviceSettings:
    monkeypatch.setenv("FASKIM_SEAT", "loket-1")
    s = DeviceSettings(data_dir)
    for kind in DeviceKind:
        s.set_choice(kind, DeviceChoice("simulated", "", {"seed": 7}))
    s.set_choice(DeviceKind.PRINTER, DeviceChoice("simulated", "", {"output_dir": str(data_dir / "cetak")}))
    s.save()
    return s


@pytest.fixture
def page(qtbot, data_dir: Path, page_registry: DriverRegistry, seeded_choices: DeviceSettings):
    from faskim_desktop.gui.pages.technician import TechnicianPage

    widget = TechnicianPage(data_dir)
    qtbot.addWidget(widget)
    widget.resize(1180, 860)
    with qtbot.waitSignals([widget.driversLoaded, widget.devicesListed], timeout=20000):
        pass
    for panel in widget.panels.values():
        qtbot.waitUntil(lambda p=panel: p.device_combo.count() > 0, timeout=10000)
    yield widget
    widget.shutdown()


def _run_test(qtbot, panel) -> object:
    with qtbot.waitSignal(panel.testFinished, timeout=20000) as blocker:
        panel.test_button.click()
    return blocker.args[0]


def test_drivers_table_shows_availability_and_reason(page) -> None:
    rows = {
        (page.driver_table.item(r, 1).text(), page.driver_table.item(r, 0).text()): r
        for r in range(page.driver_table.rowCount())
    }
    assert len(rows) == 6
    broken = rows[("opencv-contoh", "Kamera")]
    assert page.driver_table.item(broken, 2).text() == "tidak tersedia"
    assert "fk_cv_not_installed" in page.driver_table.item(broken, 3).text()
    sim = rows[("simulated", "Kamera")]
    assert page.driver_table.item(sim, 2).text() == "tersedia"
    assert "sim-camera-0" in page.driver_table.item(sim, 3).text()
    camera = page.panels[DeviceKind.CAMERA]
    assert camera.current_driver() == "simulated"  # the unavailable driver cannot be chosen


@pytest.mark.parametrize("kind", list(DeviceKind), ids=lambda k: k.value)
def test_each_kind_test_action_shows_its_result(qtbot, page, kind: DeviceKind) -> None:
    panel = page.panels[kind]
    page.tabs.setCurrentWidget(panel)
    result = _run_test(qtbot, panel)
    assert result.ok and result.kind == kind
    if kind == DeviceKind.SMARTCARD:
        assert "3B" in panel.image.text()
    else:
        assert panel.image.pixmap() is not None and not panel.image.pixmap().isNull()
    if kind == DeviceKind.FINGERPRINT:
        assert panel.quality_bar.value() == result.summary["quality"] > 0
    if kind == DeviceKind.PRINTER:
        assert result.summary["state"] == "completed"
        assert list((page.data_dir / "cetak").glob("job-*.pdf"))


def test_camera_live_preview_updates_and_stops(qtbot, page) -> None:
    camera = page.panels[DeviceKind.CAMERA]
    camera.preview_button.click()
    for _ in range(3):
        with qtbot.waitSignal(camera.frameShown, timeout=5000):
            pass
    assert not camera.test_button.isEnabled()  # no test while the preview holds the camera
    camera.preview_button.click()
    qtbot.waitUntil(lambda: camera.test_button.isEnabled(), timeout=5000)
    assert _run_test(qtbot, camera).ok


def test_fault_shows_message_and_device_works_after_clearing(qtbot, page) -> None:
    printer = page.panels[DeviceKind.PRINTER]
    printer.fault_combo.setCurrentIndex(printer.fault_combo.findData("offline"))
    with qtbot.waitSignal(printer.testFailed, timeout=10000) as blocker:
        printer.test_button.click()
    assert blocker.args == ["device.offline"]
    assert "offline" in printer.status.text() and "Printer kartu simulasi" in printer.status.text()
    printer.fault_combo.setCurrentIndex(0)
    assert _run_test(qtbot, printer).ok


def test_save_keeps_choices_for_this_workstation(qtbot, page, data_dir: Path) -> None:
    scanner = page.panels[DeviceKind.SCANNER]
    res = scanner._setting_widgets["resolution"]
    res.setCurrentIndex(res.findData(300))
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save_button.click()
    again = DeviceSettings(data_dir, workstation="loket-1")
    assert again.choice("scanner").driver == "simulated"
    assert again.choice("scanner").device == "sim-scanner-0"
    assert again.choice("scanner").settings["resolution"] == 300
    assert again.choice("camera").settings["seed"] == 7  # driver extras survive the round trip
    data = json.loads((data_dir / "devices.json").read_text())
    assert list(data["workstations"]) == ["loket-1"]


def test_diagnostics_export_from_the_page(qtbot, page, tmp_path: Path) -> None:
    target = tmp_path / "diag.zip"
    with qtbot.waitSignal(page.diagnosticsExported, timeout=20000):
        page.export_diagnostics(target)
    with zipfile.ZipFile(target) as zf:
        drivers = json.loads(zf.read("drivers.json"))
    assert any(d["driver"] == "opencv-contoh" and not d["available"] for d in drivers)


def test_event_loop_stays_responsive_during_a_slow_capture(qtbot, page) -> None:
    """A 1 s fingerprint capture runs while a 10 ms QTimer keeps firing: no gap over 100 ms."""
    fingerprint = page.panels[DeviceKind.FINGERPRINT]
    fingerprint._choice.settings["delay"] = 1.0
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.wait(50)
    start = time.perf_counter()
    result = _run_test(qtbot, fingerprint)
    elapsed = time.perf_counter() - start
    qtbot.wait(30)
    timer.stop()
    assert result.ok and elapsed >= 1.0  # the capture really was slow
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 50
    assert max(gaps) < 0.1, f"event loop blocked for {max(gaps) * 1000:.0f} ms"


def test_screenshots(qtbot, page) -> None:
    """Screenshots for review: the camera tab with a live preview, and each other tab after its test."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.show()
    qtbot.waitExposed(page)
    for kind in (DeviceKind.FINGERPRINT, DeviceKind.SCANNER, DeviceKind.PRINTER, DeviceKind.SMARTCARD):
        panel = page.panels[kind]
        page.tabs.setCurrentWidget(panel)
        _run_test(qtbot, panel)
        qtbot.wait(50)
        assert page.grab().save(str(SCREENSHOTS / f"technician-{kind.value}.png"))
    camera = page.panels[DeviceKind.CAMERA]
    page.tabs.setCurrentWidget(camera)
    camera.preview_button.click()
    for _ in range(2):
        with qtbot.waitSignal(camera.frameShown, timeout=5000):
            pass
    path = SCREENSHOTS / "technician.png"
    assert page.grab().save(str(path))
    camera.stop_preview()
    assert path.stat().st_size > 10000


# -- on the real stacks (scripts/devices start) -----------------------------------------------------


def _stand_in_env() -> dict[str, str] | None:
    """The KEY='value' lines scripts/devices writes, or None when the stand-ins are not started."""
    path = Path(__file__).resolve().parents[2] / ".run" / "devices" / "env"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    env: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and not line.startswith("#"):
            env[key.strip()] = value.strip().strip("'")
    return env


@pytest.mark.stack
def test_screenshots_on_real_stacks(qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Live preview from the OpenCV camera, a test card through CUPS, an ATR through pcscd."""
    import os

    env = _stand_in_env()
    if not env or not env.get("FASKIM_TEST_CAMERA") or not env.get("FASKIM_TEST_PRINTER"):
        if os.environ.get("FASKIM_REQUIRE_STACK") == "1":
            pytest.fail("device stand-ins not running: scripts/devices start")
        pytest.skip("device stand-ins not running: scripts/devices start")
    from faskim_desktop.gui.pages.technician import TechnicianPage

    monkeypatch.setenv("FASKIM_CAMERA_SOURCES", env["FASKIM_TEST_CAMERA"])
    monkeypatch.setenv("FASKIM_SEAT", "loket-stack")
    choices = DeviceSettings(data_dir)
    choices.set_choice("camera", DeviceChoice("opencv", env["FASKIM_TEST_CAMERA"], {}))
    choices.set_choice("printer", DeviceChoice("qt", env["FASKIM_TEST_PRINTER"], {}))
    choices.set_choice("smartcard", DeviceChoice("pcsc", env.get("FASKIM_TEST_PCSC_EMRTD_READER", ""), {}))
    if env.get("FASKIM_TEST_SCANNER"):
        choices.set_choice("scanner", DeviceChoice("sane", env["FASKIM_TEST_SCANNER"], {}))
    choices.save()
    registry.set_registry(DriverRegistry())
    try:
        page = TechnicianPage(data_dir)
        qtbot.addWidget(page)
        page.resize(1180, 860)
        page.show()
        with qtbot.waitSignals([page.driversLoaded, page.devicesListed], timeout=120000):
            pass
        for kind in (DeviceKind.CAMERA, DeviceKind.PRINTER, DeviceKind.SMARTCARD):
            panel = page.panels[kind]
            qtbot.waitUntil(lambda p=panel: p.device_combo.count() > 0, timeout=20000)
            assert panel.current_driver() != "simulated"
        kinds = [DeviceKind.PRINTER, DeviceKind.SMARTCARD]
        if page.panels[DeviceKind.SCANNER].current_driver() == "sane":
            kinds.append(DeviceKind.SCANNER)  # only when SANE saw the stand-in's config dir
        for kind in kinds:
            panel = page.panels[kind]
            page.tabs.setCurrentWidget(panel)
            with qtbot.waitSignal(panel.testFinished, timeout=90000) as blocker:
                panel.test_button.click()
            assert blocker.args[0].ok
            qtbot.wait(50)
            assert page.grab().save(str(SCREENSHOTS / f"technician-real-{kind.value}.png"))
        camera = page.panels[DeviceKind.CAMERA]
        page.tabs.setCurrentWidget(camera)
        camera.preview_button.click()
        for _ in range(3):
            with qtbot.waitSignal(camera.frameShown, timeout=10000):
                pass
        assert page.grab().save(str(SCREENSHOTS / "technician-real.png"))
        camera.stop_preview()
        page.shutdown()
    finally:
        registry.set_registry(None)


def test_a_hanging_driver_neither_freezes_the_page_nor_blocks_switching(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A driver stuck listing devices: the table says so, and choosing another driver works."""
    from faskim_desktop.gui.pages.technician import TechnicianPage
    from tests.devices import fake_drivers

    monkeypatch.setattr(registry, "DEVICE_LIST_TIMEOUT", 0.3)
    monkeypatch.setenv("FASKIM_SEAT", "loket-1")
    specs = [
        DriverSpec(DeviceKind.CAMERA, "macet", "tests.devices.fake_drivers:HangingCamera", "test"),
        DriverSpec(DeviceKind.CAMERA, "simulated", BUILTIN_DRIVERS["camera:simulated"], "test"),
    ]
    registry.set_registry(DriverRegistry(specs))
    choices = DeviceSettings(data_dir)
    choices.set_choice("camera", DeviceChoice("macet", "", {}))
    choices.save()
    fake_drivers.RELEASE.clear()
    try:
        page = TechnicianPage(data_dir)
        qtbot.addWidget(page)
        with qtbot.waitSignals([page.driversLoaded, page.devicesListed], timeout=20000):
            pass
        row = next(
            r for r in range(page.driver_table.rowCount()) if page.driver_table.item(r, 1).text() == "macet"
        )
        assert "tidak menjawab" in page.driver_table.item(row, 3).text()
        camera = page.panels[DeviceKind.CAMERA]
        assert camera.current_driver() == "macet" and camera.worker.busy  # stuck in devices()
        stuck = camera.worker
        camera.driver_combo.setCurrentIndex(camera.driver_combo.findData("simulated"))
        assert camera.worker is not stuck
        qtbot.waitUntil(lambda: camera.device_combo.count() > 0, timeout=10000)
        with qtbot.waitSignal(camera.testFinished, timeout=10000) as blocker:
            camera.test_button.click()
        assert blocker.args[0].ok
        page.shutdown()
    finally:
        fake_drivers.RELEASE.set()
        registry.set_registry(None)
