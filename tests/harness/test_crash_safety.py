"""Kill a working seat with SIGKILL at random moments, over and over; the store must stay whole.

After each kill: SQLite's integrity check passes, the audit chain verifies, every step the child
reported as committed is still there, no step is half-done, numbers stay gapless, and the next
child resumes every open case where it stood. Short form here (CI); ``scripts/test --long`` runs
the long form (FASKIM_LONG=1).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from faskim_desktop.core.workspace import Workspace, open_workspace
from tests.harness.invariants import check_store

REPO = Path(__file__).resolve().parents[2]
KILLS = 300 if os.environ.get("FASKIM_LONG") == "1" else 40


def _run_child(folder: Path, seed: int, lifetime: float, committed: dict[int, int]) -> int:
    """Start a child seat, let it work ``lifetime`` seconds after it is ready, SIGKILL it."""
    env = {**os.environ, "FASKIM_DATA_DIR": str(folder), "PYTHONPATH": str(REPO)}
    env.pop("FASKIM_DB_URL", None)
    child = subprocess.Popen([sys.executable, "-m", "tests.harness.crash_child", str(folder), str(seed)],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = threading.Event()
    steps = [0]

    def read() -> None:  # every line the child flushed before dying is read, up to EOF
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "READY":
                ready.set()
            elif line.startswith("COMMIT "):
                _, case_id, _state, version = line.split()
                committed[int(case_id)] = max(committed.get(int(case_id), 0), int(version))
                steps[0] += 1

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        child.kill()
        raise AssertionError(f"child never became ready: {child.stderr.read()[-2000:]}")
    time.sleep(lifetime)
    if child.poll() is not None:
        raise AssertionError(f"child died by itself: {child.stderr.read()[-2000:]}")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join(10)
    return steps[0]


@pytest.mark.slow
def test_random_sigkills_never_leave_the_store_inconsistent(workspace: Workspace) -> None:
    folder = workspace.folder
    workspace.close()
    committed: dict[int, int] = {}
    rng = random.Random(2026)
    total_steps = 0
    for round_no in range(KILLS):
        total_steps += _run_child(folder, round_no, rng.uniform(0.02, 0.8), committed)
        ws = open_workspace(folder)
        try:
            problems = check_store(ws, committed)
        finally:
            ws.close()
        assert not problems, f"after kill {round_no + 1}: {problems}"
    assert total_steps > KILLS  # the children really worked between kills
