"""One seat of the two-seat load test: a child process doing one kind of real work until time is up.

    python -m tests.harness.load_worker FOLDER ROLE USERNAME SEED SECONDS

The store is the one FASKIM_DB_URL names (PostgreSQL) or, without it, the SQLite file in FOLDER.
The worker prints ``READY`` once its workspace is open, waits for a ``GO`` line on stdin (so
every seat starts at the same moment), works for SECONDS and prints one ``RESULT {json}`` line.

Roles:
- ``counter``: opens new cases and carries its own through the loket steps (1-4a), then, once
  the supervisor and the bendahara have done theirs, on through 7-11 to the archive.
- ``supervisor``: approves any case waiting at step 5 (two supervisor seats race for them).
- ``bendahara``: takes the payment of any case waiting at step 6.
- ``drafter``: two of these edit the step-3 draft of the same parked cases, each keeping the
  CaseRef it read and sometimes pausing before saving, so the other seat's save makes its
  version stale: the save must then be refused with Conflict, never overwrite the other.

Refusals a racing seat must expect (Conflict, IllegalTransition, NotFound) are counted;
anything else that reaches the caller (an OperationalError such as "database is locked", a
StoreError, any other exception) is an error of the product and is reported in full.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.errors import Conflict, IllegalTransition, NotFound
from faskim_desktop.core.scripted_case import Crew, advance, sample_entry
from faskim_desktop.core.services.base import ref
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.core.workspace import open_workspace
from faskim_desktop.store.tables import Case

PASSWORD = "rahasia-123"
EXPECTED = (Conflict, IllegalTransition, NotFound)
COUNTER_STATES = {sop.State.TERIMA, sop.State.PERIKSA, sop.State.ENTRI, sop.State.CEKAL, sop.State.PINDAI_BERKAS,
                  sop.State.BIOMETRIK, sop.State.REGISTER, sop.State.CETAK, sop.State.PENGESAHAN,
                  sop.State.PENYERAHAN, sop.State.ARSIP}
DRAFT_MARK = "load_writer"


class Worker:
    def __init__(self, folder: Path, role: str, username: str, seed: int) -> None:
        self.ws = open_workspace(folder)
        self.role = role
        self.rng = random.Random(seed)
        accounts = Accounts(self.ws.store)
        p = {name: accounts.principal(name) for name in
             {"loket1", "spv1", "bendahara1", "wasdakim1", "kakanim1", "infokim1", username}}
        me = p[username]
        self.crew = Crew(
            loket=me if role in ("counter", "drafter") else p["loket1"],
            supervisor=me if role == "supervisor" else p["spv1"], supervisor_password=PASSWORD,
            bendahara=me if role == "bendahara" else p["bendahara1"],
            wasdakim=p["wasdakim1"], kakanim=p["kakanim1"], infokim=p["infokim1"])
        self.tag = f"{role}:{username}:{seed}"
        self.result: dict[str, object] = {"tag": self.tag, "steps": 0, "opened": [], "expected": {},
                                          "errors": [], "drafts": []}
        self.mine: list[int] = []

    # --- bookkeeping -------------------------------------------------------------------------

    def _refused(self, err: Exception) -> None:
        expected = self.result["expected"]
        assert isinstance(expected, dict)
        key = f"{type(err).__name__}:{getattr(err, 'code', '')}"
        expected[key] = expected.get(key, 0) + 1

    def _error(self, err: BaseException) -> None:
        errors = self.result["errors"]
        assert isinstance(errors, list)
        if len(errors) < 20:
            errors.append({"type": f"{type(err).__module__}.{type(err).__name__}", "text": str(err)[:400],
                           "trace": traceback.format_exc()[-2000:]})

    def guarded(self, action) -> object:  # type: ignore[no-untyped-def]
        try:
            return action()
        except EXPECTED as err:
            self._refused(err)
        except Exception as err:  # everything else is what this test looks for
            self._error(err)
        return None

    def _cases_in(self, states: set[sop.State], ids: list[int] | None = None) -> list[int]:
        with self.ws.store.read() as session:
            query = select(Case.id).where(Case.state.in_([s.value for s in states]))
            if ids is not None:
                query = query.where(Case.id.in_(ids))
            return list(session.execute(query).scalars())

    def _advance(self, case_id: int) -> None:
        entry = sample_entry(case_id, passport=f"PL{case_id:07d}")
        if advance(self.ws, self.crew, case_id, entry) is not None:
            self.result["steps"] = int(self.result["steps"]) + 1  # type: ignore[call-overload]

    # --- roles -------------------------------------------------------------------------------

    def counter_round(self) -> None:
        ready = self._cases_in(COUNTER_STATES, self.mine) if self.mine else []
        if len(ready) < 2:
            opened = self.guarded(lambda: IntakeService(self.ws, self.crew.loket).open_case())
            if opened is not None:
                self.mine.append(opened.id)  # type: ignore[attr-defined]
                opened_list = self.result["opened"]
                assert isinstance(opened_list, list)
                opened_list.append(opened.id)  # type: ignore[attr-defined]
                ready.append(opened.id)  # type: ignore[attr-defined]
        if ready:
            case_id = self.rng.choice(ready)
            self.guarded(lambda: self._advance(case_id))

    def shared_round(self, state: sop.State) -> None:
        waiting = self._cases_in({state})
        if not waiting:
            time.sleep(0.05)
            return
        case_id = self.rng.choice(waiting)
        self.guarded(lambda: self._advance(case_id))

    def drafter_round(self, parked: list[int]) -> None:
        case_id = self.rng.choice(parked)
        intake = IntakeService(self.ws, self.crew.loket)
        with self.ws.store.read() as session:
            found = session.get(Case, case_id)
            assert found is not None
            seen = ref(found)
        entry = intake.load_entry(case_id)
        if self.rng.random() < 0.5:
            time.sleep(self.rng.uniform(0.0, 0.05))  # the officer is still typing; the other seat saves
        marker = f"{self.tag}:{seen.version}:{self.rng.random():.8f}"
        entry = replace(entry, sponsor_contact=f"0812-{self.rng.randrange(10**8):08d}",
                        extra={**entry.extra, DRAFT_MARK: marker})
        saved = self.guarded(lambda: intake.save_draft(seen, entry))
        if saved is not None:
            drafts = self.result["drafts"]
            assert isinstance(drafts, list)
            drafts.append([case_id, seen.version, saved.version, marker])  # type: ignore[attr-defined]

    def run(self, seconds: float, parked: list[int]) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if self.role == "counter":
                    self.counter_round()
                elif self.role == "supervisor":
                    self.shared_round(sop.State.PERSETUJUAN)
                elif self.role == "bendahara":
                    self.shared_round(sop.State.PEMBAYARAN)
                elif self.role == "drafter":
                    self.drafter_round(parked)
                else:
                    raise SystemExit(f"unknown role {self.role}")
            except Exception as err:  # a failing read is as much a finding as a write
                self._error(err)


def main() -> int:
    folder, role, username, seed, seconds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), float(
        sys.argv[5])
    parked = [int(x) for x in os.environ.get("FASKIM_LOAD_PARKED", "").split(",") if x]
    worker = Worker(folder, role, username, seed)
    print("READY", flush=True)
    if sys.stdin.readline().strip() != "GO":
        return 2
    worker.run(seconds, parked)
    worker.ws.close()
    print("RESULT " + json.dumps(worker.result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
