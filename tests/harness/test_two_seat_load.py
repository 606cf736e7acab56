"""Several seats working one store at the same time, as an office does on a busy morning.

Seven processes (two counters carrying new cases, two supervisors racing for approvals, a
bendahara taking payments, two seats editing the same parked drafts) work for a bounded time on
one SQLite file, then the same crew as clients of a real PostgreSQL server. Afterwards:

- nothing but the refusals a racing seat must expect (Conflict, IllegalTransition, NotFound)
  reached any caller: no "database is locked", no OperationalError, no other exception;
- application, receipt and register numbers are unique and gapless;
- no lost update: every accepted draft save was made on the version it read, each version was
  written once, and the stored draft is the last accepted save;
- the audit chain verifies and the crash-safety invariants (``check_store``) hold.

Short form here (CI, ~20 s of work per store); ``scripts/test --long`` (FASKIM_LONG=1) works
three minutes per store.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, Counter
from tests.conftest import principals, standard_crew
from tests.harness.invariants import check_store
from tests.harness.load_worker import DRAFT_MARK

REPO = Path(__file__).resolve().parents[2]
LONG = os.environ.get("FASKIM_LONG") == "1"
SECONDS = 180.0 if LONG else 20.0
SEATS = [
    ("counter", "loket1"), ("counter", "loket2"),
    ("supervisor", "spv1"), ("supervisor", "spv2"),
    ("bendahara", "bendahara1"),
    ("drafter", "loket1"), ("drafter", "loket2"),
]
PARKED = 3


def _park_cases(ws: Workspace) -> dict[int, int]:
    """Cases left at step 3 for the two drafters: id -> version."""

    p = principals(ws)
    crew = standard_crew(p)
    parked = {}
    for _ in range(PARKED):
        case = carry(ws, crew, until=sop.State.ENTRI).case
        assert case is not None and case.state is sop.State.ENTRI
        parked[case.id] = case.version
    return parked


def _run_seats(ws: Workspace, parked: dict[int, int]) -> list[dict]:
    env = {**os.environ, "FASKIM_DATA_DIR": str(ws.folder), "PYTHONPATH": str(REPO),
           "FASKIM_LOAD_PARKED": ",".join(map(str, parked))}
    if ws.store.is_sqlite:
        env.pop("FASKIM_DB_URL", None)
    else:
        env["FASKIM_DB_URL"] = ws.store.url
    children = []
    for seed, (role, username) in enumerate(SEATS):
        children.append(subprocess.Popen(
            [sys.executable, "-m", "tests.harness.load_worker", str(ws.folder), role, username, str(seed),
             str(SECONDS)],
            cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    try:
        for child in children:  # every seat open before any starts working
            assert child.stdout is not None
            line = child.stdout.readline().strip()
            assert line == "READY", f"a seat did not start: {line!r} {child.stderr.read()[-3000:]}"  # type: ignore
        for child in children:
            assert child.stdin is not None
            child.stdin.write("GO\n")
            child.stdin.flush()
        results: list[dict] = []
        stderr: dict[int, str] = {}

        def drain(i: int, child: subprocess.Popen) -> None:
            assert child.stderr is not None
            stderr[i] = child.stderr.read()

        drains = [threading.Thread(target=drain, args=(i, c), daemon=True) for i, c in enumerate(children)]
        for thread in drains:
            thread.start()
        for i, child in enumerate(children):
            out, _ = child.communicate(timeout=SECONDS + 180)
            found = [line for line in out.splitlines() if line.startswith("RESULT ")]
            drains[i].join(10)
            assert child.returncode == 0 and found, f"seat {SEATS[i]} failed: {stderr.get(i, '')[-3000:]}"
            results.append(json.loads(found[-1][len("RESULT "):]))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()


def _numbers_gapless(ws: Workspace) -> list[str]:
    problems = []
    with ws.store.read() as session:
        numbers = list(session.execute(select(Case.number)).scalars())
        seqs = sorted(int(re.search(r"(\d+)$", n).group(1)) for n in numbers)  # type: ignore[union-attr]
        top = sum(c.value for c in session.execute(
            select(Counter).where(Counter.name.like("application:%"))).scalars())
    if seqs != list(range(1, top + 1)):
        problems.append(f"application numbers not gapless/unique: {len(seqs)} used, counter {top}")
    return problems


def _lost_updates(ws: Workspace, parked: dict[int, int], results: list[dict]) -> list[str]:
    problems = []
    saves: dict[int, list[tuple[int, int, str]]] = {case_id: [] for case_id in parked}
    for result in results:
        for case_id, base, new, marker in result["drafts"]:
            saves[case_id].append((base, new, marker))
    with ws.store.read() as session:
        for case_id, start in parked.items():
            case = session.get(Case, case_id)
            assert case is not None
            accepted = sorted(saves[case_id])
            bases = [base for base, _, _ in accepted]
            if any(new != base + 1 for base, new, _ in accepted):
                problems.append(f"case {case_id}: a save did not move the version by one: {accepted[:5]}")
            if len(set(bases)) != len(bases):
                problems.append(f"case {case_id}: two saves accepted on the same version (lost update)")
            if case.version != start + len(accepted):
                problems.append(f"case {case_id}: version {case.version}, expected {start} + {len(accepted)} saves")
            if accepted:
                last = max(accepted)[2]
                stored = json.loads(case.entry_draft or "{}").get("extra", {}).get(DRAFT_MARK)
                if stored != last:
                    problems.append(f"case {case_id}: stored draft {stored!r} is not the last accepted {last!r}")
            if sop.State(case.state) is not sop.State.ENTRI:
                problems.append(f"case {case_id}: parked case moved to {case.state}")
    return problems


@pytest.mark.slow
def test_seats_working_at_once_lose_nothing_and_never_see_a_lock(any_workspace: Workspace) -> None:
    ws = any_workspace
    parked = _park_cases(ws)
    results = _run_seats(ws, parked)

    errors = [(r["tag"], e) for r in results for e in r["errors"]]
    assert not errors, "errors reached a seat:\n" + "\n".join(
        f"{tag}: {e['type']}: {e['text']}\n{e['trace']}" for tag, e in errors[:5])

    problems = check_store(ws, {}) + _numbers_gapless(ws) + _lost_updates(ws, parked, results)
    assert not problems, problems

    # The load was real: every kind of seat got work done, both drafters saved, and they did collide.
    with ws.store.read() as session:
        done = session.execute(select(Case.id).where(Case.state == sop.State.SELESAI.value)).scalars().all()
    refusals: dict[str, int] = {}
    for r in results:
        for key, count in r["expected"].items():
            refusals[key] = refusals.get(key, 0) + count
    print(f"\n{ws.store.backend}: {len(SEATS)} seats, {SECONDS:.0f} s, {sum(r['steps'] for r in results)} steps, "
          f"{len(done)} cases archived, {sum(len(r['drafts']) for r in results)} draft saves, refusals {refusals}")
    by_role: dict[str, int] = {}
    for r in results:
        role = r["tag"].split(":")[0]
        by_role[role] = by_role.get(role, 0) + r["steps"]
    assert by_role["counter"] and by_role["supervisor"] and by_role["bendahara"], by_role
    drafters = [r for r in results if r["tag"].startswith("drafter")]
    assert all(r["drafts"] for r in drafters)
    assert sum(r["expected"].get("Conflict:case.changed", 0) for r in drafters) > 0
