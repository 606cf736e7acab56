"""``faskim selftest --simulated --json --keep DIR`` as a technician runs it: a separate process, one
JSON object, every step 1..11 passing, the files produced, the card verifying with ``faskim card
verify`` and the kept store's audit chain verifying with ``faskim audit verify``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _faskim(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "faskim_desktop.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FASKIM_DB_URL", "FASKIM_DATA_DIR")}
    env.update(FASKIM_NO_KEYRING="1", **extra)
    return env


def test_selftest_carries_one_case_through_every_step_in_a_kept_throw_away_store(tmp_path: Path) -> None:
    office = tmp_path / "office"  # the office's own data folder must stay untouched
    keep = tmp_path / "selftest"
    done = _faskim(
        "selftest", "--simulated", "--json", "--keep", str(keep), env=_env(FASKIM_DATA_DIR=str(office))
    )
    assert done.returncode == 0, done.stderr + done.stdout
    report = json.loads(done.stdout)
    assert set(report) == {"ok", "steps", "files"} and report["ok"] is True
    assert [s["step"] for s in report["steps"]] == list(range(1, 12))
    for step in report["steps"]:
        assert set(step) == {"step", "name", "ok", "seconds", "error"}
        assert step["ok"] is True and step["error"] is None and step["name"]
        assert isinstance(step["seconds"], float | int) and step["seconds"] >= 0
    files = {key: Path(path) for key, path in report["files"].items()}
    assert set(files) == {"tanda_terima", "kuitansi", "card", "archive"}
    for key in ("tanda_terima", "kuitansi", "card"):
        assert files[key].read_bytes().startswith(b"%PDF"), key
    assert zipfile.is_zipfile(files["archive"])
    with zipfile.ZipFile(files["archive"]) as bundle:
        assert {"manifest.json", "case.json", "audit.json"} <= set(bundle.namelist())
    assert not (office / "faskim.sqlite3").exists()

    verified = _faskim("card", "verify", str(files["card"]), "--json", env=_env(FASKIM_DATA_DIR=str(keep)))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    seal = json.loads(verified.stdout)
    assert seal["valid"] is True and seal["office_code"] == "UJI"

    audit = _faskim("audit", "verify", env=_env(FASKIM_DATA_DIR=str(keep)))
    assert audit.returncode == 0, audit.stdout + audit.stderr

    again = _faskim("selftest", "--simulated", "--json", "--keep", str(keep), env=_env())
    assert again.returncode == 2 and "sudah berisi basis data" in again.stderr  # never reuses a store


def test_a_failing_device_fails_its_step_and_the_exit_code(tmp_path: Path) -> None:
    """The camera configured on this workstation is unplugged: step 7 fails in words, later steps are
    reported as not run, and the exit code is non-zero."""
    data = tmp_path / "office"
    data.mkdir()
    seat = "uji-seat"
    (data / "devices.json").write_text(
        json.dumps(
            {
                "version": 1,
                "workstations": {
                    seat: {
                        "camera": {
                            "driver": "simulated",
                            "device": "sim-camera-0",
                            "settings": {"fault": "disconnected"},
                        },
                    }
                },
            }
        )
    )
    done = _faskim("selftest", "--json", env=_env(FASKIM_DATA_DIR=str(data), FASKIM_SEAT=seat))
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("{"), done.stderr[-3000:]
    report = json.loads(done.stdout)
    assert report["ok"] is False
    by_step = {s["step"]: s for s in report["steps"]}
    assert all(by_step[n]["ok"] for n in range(1, 7))
    assert by_step[7]["ok"] is False and "tidak terhubung" in by_step[7]["error"]
    assert all(not by_step[n]["ok"] and by_step[n]["error"] for n in range(8, 12))
    assert report["files"]["tanda_terima"] and report["files"]["kuitansi"]
    assert report["files"]["card"] is None and report["files"]["archive"] is None
