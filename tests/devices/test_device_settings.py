"""Per-workstation device choices in devices.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import FILE_NAME, DeviceChoice, DeviceSettings


def test_defaults_when_no_file(data_dir: Path) -> None:
    s = DeviceSettings(data_dir, workstation="loket-1")
    assert s.choice("camera") == DeviceChoice()
    assert s.effective_settings("scanner") == {"resolution": 200, "mode": "color", "source": "flatbed"}
    assert s.problem == ""


def test_round_trip_and_workstations_kept_apart(data_dir: Path) -> None:
    one = DeviceSettings(data_dir, workstation="loket-1")
    one.set_choice(DeviceKind.CAMERA, DeviceChoice("simulated", "sim-camera-0", {"width": 800, "seed": 5}))
    one.save()
    two = DeviceSettings(data_dir, workstation="loket-2")
    two.set_choice("printer", DeviceChoice("cups", "kartu", {"duplex": True}))
    two.save()
    again = DeviceSettings(data_dir, workstation="loket-1")
    assert again.choice("camera") == DeviceChoice("simulated", "sim-camera-0", {"width": 800, "seed": 5})
    assert again.choice("printer") == DeviceChoice()
    assert DeviceSettings(data_dir, workstation="loket-2").choice("printer").settings == {"duplex": True}


def test_env_gives_data_dir_and_seat(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setenv("FASKIM_DATA_DIR", str(data_dir))
    monkeypatch.setenv("FASKIM_SEAT", "loket-9")
    s = DeviceSettings()
    assert s.path == data_dir / FILE_NAME and s.workstation == "loket-9"


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"workstations": 5}', "\x00\x01"])
def test_malformed_file_is_set_aside_and_defaults_used(data_dir: Path, content: str) -> None:
    (data_dir / FILE_NAME).write_text(content)
    s = DeviceSettings(data_dir, workstation="w")
    assert s.problem == "malformed"
    assert s.choice("camera") == DeviceChoice()
    assert (data_dir / (FILE_NAME + ".bad")).read_text() == content
    s.save()  # and a fresh file can be written
    assert json.loads((data_dir / FILE_NAME).read_text())["version"] == 1


def test_wrong_types_inside_a_valid_file_fall_back_per_field(data_dir: Path) -> None:
    bad = {
        "workstations": {
            "w": {
                "camera": {
                    "driver": 3,
                    "device": ["x"],
                    "settings": {"width": "wide", "fps": 30, "extra": {"a": 1}},
                },
                "scanner": {
                    "driver": "sane",
                    "settings": {"resolution": 123, "mode": "gray", "source": "adf"},
                },
                "printer": {"settings": {"duplex": "ya"}},
                "fingerprint": "nonsense",
                "toaster": {"driver": "x"},
            }
        }
    }
    (data_dir / FILE_NAME).write_text(json.dumps(bad))
    s = DeviceSettings(data_dir, workstation="w")
    assert s.choice("camera") == DeviceChoice("", "", {"width": 640, "fps": 30})
    assert s.choice("scanner").settings == {"resolution": 200, "mode": "gray", "source": "adf"}
    assert s.choice("printer").settings == {"duplex": True}
    assert s.choice("fingerprint") == DeviceChoice()


def test_choice_is_a_copy(data_dir: Path) -> None:
    s = DeviceSettings(data_dir, workstation="w")
    s.choice("camera").settings["width"] = 1
    assert s.choice("camera").settings == {}
