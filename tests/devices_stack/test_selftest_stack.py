"""``faskim selftest`` with the workstation's configured devices being the real drivers on their
stand-ins: the OpenCV camera on the video file, SANE's test scanner, the Qt printer into CUPS
(fingerprints stay simulated: the libfprint stand-in needs a feeder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.stack

REPO = Path(__file__).resolve().parents[2]


def test_selftest_passes_with_the_configured_real_devices(stack_env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "office"
    data.mkdir()
    seat = "uji-stack"
    (data / "devices.json").write_text(
        json.dumps(
            {
                "version": 1,
                "workstations": {
                    seat: {
                        "camera": {
                            "driver": "opencv",
                            "device": stack_env["FASKIM_TEST_CAMERA"],
                            "settings": {},
                        },
                        "scanner": {
                            "driver": "sane",
                            "device": stack_env["FASKIM_TEST_SCANNER"],
                            "settings": {"resolution": 75, "mode": "color", "source": "flatbed"},
                        },
                        "printer": {
                            "driver": "qt",
                            "device": stack_env["FASKIM_TEST_PRINTER"],
                            "settings": {"duplex": True},
                        },
                    }
                },
            }
        )
    )
    spool = Path(stack_env["FASKIM_TEST_PRINTER_SPOOL"])
    before = set(spool.iterdir())
    env = {k: v for k, v in os.environ.items() if k != "FASKIM_DB_URL"}
    env.update(stack_env, FASKIM_DATA_DIR=str(data), FASKIM_SEAT=seat, FASKIM_NO_KEYRING="1")
    done = subprocess.run(
        [sys.executable, "-m", "faskim_desktop.cli", "selftest", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] and [s["step"] for s in report["steps"]] == list(range(1, 12))
    assert {p.suffix for p in set(spool.iterdir()) - before} & {".urf", ".pwg", ".pdf", ".ras"}  # a card job
