"""``faskim devices list`` and ``faskim devices test``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from faskim_desktop.cli import main
from faskim_desktop.core import messages
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, data_dir: Path, fresh_registry: object) -> None:
    monkeypatch.setenv("FASKIM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("FASKIM_SEAT", "loket-test")
    yield
    messages.set_language(messages.DEFAULT_LANGUAGE)


def test_list_json_has_all_five_kinds_with_availability(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["kinds"]) == {k.value for k in DeviceKind}
    for kind, drivers in data["kinds"].items():
        sim = next(d for d in drivers if d["driver"] == "simulated")
        assert sim["available"] is True and sim["reason"] == ""
        assert sim["devices"][0]["id"].startswith(f"sim-{kind}-")
        for d in drivers:
            assert d["available"] or d["reason"], "an unavailable driver always says why"


def test_list_text_is_indonesian_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "list"]) == 0
    out = capsys.readouterr().out
    assert "Kamera [camera]" in out and "Printer kartu [printer]" in out and "tersedia" in out
    assert main(["--lang", "en", "devices", "list", "--no-devices"]) == 0
    out = capsys.readouterr().out
    assert "Camera [camera]" in out and "sim-camera-0" not in out


@pytest.mark.parametrize("kind", [k.value for k in DeviceKind])
def test_test_passes_for_each_simulated_kind(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "test", kind, "--driver", "simulated", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is True and out["kind"] == kind and out["summary"]


def test_test_failure_exits_non_zero_with_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "test", "printer", "--driver", "simulated", "--fault", "paper_jam"]) == 1
    err = capsys.readouterr().err
    assert "Printer kartu simulasi" in err and "kertas/kartu" in err
    assert (
        main(["devices", "test", "camera", "--driver", "simulated", "--fault", "disconnected", "--json"]) == 1
    )
    out = json.loads(capsys.readouterr().out)
    assert out == {**out, "ok": False, "error": "device.not_connected"}


def test_unknown_driver_or_device_fails_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["devices", "test", "scanner", "--driver", "nonexistent"]) == 1
    assert "nonexistent" in capsys.readouterr().err
    assert main(["devices", "test", "scanner", "--driver", "simulated", "--device", "usb:9"]) == 1
    assert "usb:9" in capsys.readouterr().err


def test_unknown_kind_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["devices", "test", "toaster"])
    assert info.value.code == 2


def test_test_uses_the_saved_choice(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = DeviceSettings(data_dir, workstation="loket-test")
    s.set_choice("smartcard", DeviceChoice("simulated", "sim-smartcard-1", {}))
    s.save()
    # The saved reader 1 holds no card: the test must use it (and so fail), proving the choice is read.
    assert main(["devices", "test", "smartcard", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["driver"] == "simulated" and out["error"] == "device.not_connected"


def test_diagnostics_command_writes_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "diag.zip"
    assert main(["devices", "diagnostics", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    with zipfile.ZipFile(target) as zf:
        assert {"versions.json", "drivers.json", "settings.json", "log.txt"} <= set(zf.namelist())
