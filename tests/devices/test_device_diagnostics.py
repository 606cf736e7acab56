"""Diagnostics export and its personal-data filter."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

import pytest

from faskim_desktop.devices import diagnostics
from faskim_desktop.devices.diagnostics import REDACTED, export_zip, scrub
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.registry import BUILTIN_DRIVERS, DriverRegistry, DriverSpec

# Made-up data of the shapes that must never leave the office.
PERSONAL = [
    ("MRZ", "P<IDNSANTOSO<<BUDI<ANDREAS<<<<<<<<<<<<<<<<<<<", "SANTOSO"),
    ("MRZ line 2", "X12345678<IDN1501013M3001017<<<<<<<<<<<<<<02", "X12345678"),
    ("NIK", "nik 3171234501010001 checked", "3171234501010001"),
    ("passport", "passport A1234567 scanned", "A1234567"),
    ("date", "born 15-01-2015 here", "15-01-2015"),
    ("iso date", "dob 2015-01-15", "2015-01-15"),
    ("email", "contact budi.santoso@example.co.id now", "budi.santoso@example.co.id"),
    ("phone", "call +62 812-3456-7890 please", "812-3456-7890"),
    ("key value", "applicant nama=Budi Santoso, step=7", "Budi Santoso"),
    ("json key", '{"name": "Siti Aminah", "step": 3}', "Siti Aminah"),
    ("hex dump", "apdu resp 61195F1F0A5053414E544F534F3C3C4255444990", "5053414E544F534F"),
    ("base64", "photo iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk", "iVBORw0KGgo"),
]


@pytest.mark.parametrize(("label", "line", "secret"), PERSONAL, ids=[p[0] for p in PERSONAL])
def test_scrub_removes_personal_data(label: str, line: str, secret: str) -> None:
    out = scrub(line)
    assert secret not in out
    assert REDACTED in out


@pytest.mark.parametrize(
    "line",
    [
        "2026-11-29 12:00:01,123 INFO faskim_desktop.devices.registry: driver camera:opencv unavailable",
        "device worker camera: call failed (DeviceTimeout)",
        "step 7 took 412 ms, code device.low_quality",
        "faskim_desktop.devices.simulated.fingerprint:SimulatedFingerprintReader",
    ],
)
def test_scrub_keeps_technical_lines(line: str) -> None:
    assert scrub(line) == line


def test_scrub_handles_odd_input() -> None:
    assert scrub("") == ""
    assert scrub("\x00\xff unicode é ü") == "\x00\xff unicode é ü"


def test_export_zip_contents_and_no_personal_data(tmp_path: Path, data_dir: Path) -> None:
    logs = data_dir / "logs"
    logs.mkdir()
    (logs / "faskim.log").write_text(
        "2026-11-29 10:00:00 INFO x: saved nama=Budi Santoso nik 3171234501010001\n"
    )
    buffer = diagnostics.install_log_buffer()
    logging.getLogger("faskim_desktop.test").warning("passport A7654321 failed check")
    reg = DriverRegistry(
        [
            DriverSpec(DeviceKind.CAMERA, "simulated", BUILTIN_DRIVERS["camera:simulated"], "test"),
            DriverSpec(DeviceKind.CAMERA, "broken", "fk_not_here:X", "test"),
        ]
    )
    path = export_zip(tmp_path / "out" / "diag.zip", data_dir=data_dir, registry=reg, workstation="w1")
    assert any("A7654321" not in line and "failed check" in line for line in buffer.lines())
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        assert {"versions.json", "drivers.json", "settings.json", "log.txt", "README.txt"} <= names
        versions = json.loads(zf.read("versions.json"))
        assert versions["python"] and "numpy" in versions["libraries"]
        drivers = json.loads(zf.read("drivers.json"))
        broken = next(d for d in drivers if d["driver"] == "broken")
        assert broken["available"] is False and "fk_not_here" in broken["reason"]
        assert next(d for d in drivers if d["driver"] == "simulated")["devices"][0]["id"] == "sim-camera-0"
        assert json.loads(zf.read("settings.json"))["workstation"] == "w1"
        everything = b"".join(zf.read(n) for n in names).decode()
    for secret in ("Budi Santoso", "3171234501010001", "A7654321"):
        assert secret not in everything
    assert "failed check" in everything and "saved" in everything
