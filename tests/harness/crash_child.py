"""A seat doing real work until it is killed: the child process of the crash-safety harness.

It first resumes every open case where it stood (as the app does when reopened), then starts new
ones, carrying each through the SOP with the core services. After every committed step it
prints ``COMMIT <case id> <state> <version>`` and flushes, so the parent knows what the store
must still hold after a SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.scripted_case import Crew, advance, sample_entry
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.core.workspace import open_workspace
from faskim_desktop.store.tables import Case

PASSWORD = "rahasia-123"


def main() -> int:
    folder, seed = Path(sys.argv[1]), int(sys.argv[2])
    os.environ["FASKIM_DATA_DIR"] = str(folder)
    rng = random.Random(seed)
    ws = open_workspace(folder)
    accounts = Accounts(ws.store)
    p = {name: accounts.principal(name) for name in
         ("loket1", "spv1", "bendahara1", "wasdakim1", "kakanim1", "infokim1")}
    crew = Crew(p["loket1"], p["spv1"], PASSWORD, p["bendahara1"], p["wasdakim1"], p["kakanim1"], p["infokim1"])

    def report(case) -> None:  # type: ignore[no-untyped-def]
        print(f"COMMIT {case.id} {case.state.value} {case.version}", flush=True)

    with ws.store.read() as session:
        open_ids = list(session.execute(select(Case.id).where(
            Case.state.not_in([s.value for s in sop.TERMINAL_STATES] + [sop.State.DITAHAN.value]))).scalars())
    print("READY", flush=True)
    while True:
        if open_ids:
            case_id = open_ids.pop(0)
        else:
            case = IntakeService(ws, crew.loket).open_case()
            report(case)
            case_id = case.id
        entry = sample_entry(case_id, passport=f"PX{case_id:07d}")
        while True:
            case = advance(ws, crew, case_id, entry)
            report(case)
            if case.state in sop.TERMINAL_STATES or case.state is sop.State.DITAHAN or rng.random() < 0.1:
                break  # sometimes leave a case half-way, as a counter does at closing time


if __name__ == "__main__":
    sys.exit(main())
