"""Register numbers (SOP step 8) drawn by two processes at once: no duplicate, no gap — on SQLite and
on a real PostgreSQL server. Each process is a separate "seat" with its own engine, calling the
same service the GUI calls (``IssuanceService.assign_register``)."""

from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

from sqlalchemy import select

from faskim_desktop.core import case_machine, clock, sop
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case

PER_SEAT = 12


def _cases_waiting_for_a_number(ws: Workspace, count: int) -> list[int]:
    """Cases standing at step 8 (set up directly: the steps before are tested elsewhere)."""
    ids = []
    with ws.store.write() as session:
        for n in range(count):
            now = clock.now()
            case = Case(
                number=f"UJI-REG-{n:04d}",
                state=sop.State.REGISTER.value,
                created_at=now,
                created_by="setup",
                updated_at=now,
            )
            session.add(case)
            session.flush()
            case_machine.enter(session, case, sop.State.REGISTER)
            ids.append(case.id)
    return ids


def _seat(folder: str, db_url: str, case_ids: list[int], start, results) -> None:  # type: ignore[no-untyped-def]
    os.environ["FASKIM_NO_KEYRING"] = "1"
    if db_url:
        os.environ["FASKIM_DB_URL"] = db_url
    else:
        os.environ.pop("FASKIM_DB_URL", None)
    from faskim_desktop.core.accounts import Accounts
    from faskim_desktop.core.services.issuance import IssuanceService
    from faskim_desktop.core.workspace import open_workspace

    ws = open_workspace(Path(folder))
    try:
        service = IssuanceService(ws, Accounts(ws.store).principal("loket1"))
        start.wait(timeout=60)
        for case_id in case_ids:
            service.assign_register(case_id)
    finally:
        ws.close()
    results.put(len(case_ids))


def test_two_processes_draw_register_numbers_without_duplicate_or_gap(any_workspace: Workspace) -> None:
    ws = any_workspace
    ids = _cases_waiting_for_a_number(ws, 2 * PER_SEAT)
    db_url = "" if ws.store.is_sqlite else ws.store.url
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    # interleaved halves, so both seats work on neighbouring cases at the same moment
    seats = [
        context.Process(target=_seat, args=(str(ws.folder), db_url, ids[i::2], start, results))
        for i in range(2)
    ]
    for seat in seats:
        seat.start()
    start.set()
    for seat in seats:
        seat.join(timeout=180)
        assert seat.exitcode == 0, f"seat process failed (exit {seat.exitcode})"
    assert sorted(results.get(timeout=5) for _ in seats) == [PER_SEAT, PER_SEAT]

    with ws.store.read() as session:
        numbers = list(session.execute(select(Case.register_no).where(Case.id.in_(ids))).scalars())
        states = set(session.execute(select(Case.state).where(Case.id.in_(ids))).scalars())
    assert states == {sop.State.CETAK.value}
    assert len(set(numbers)) == len(numbers) == 2 * PER_SEAT  # no duplicate
    year = clock.now().astimezone().year
    sequence = sorted(int(re.fullmatch(rf"JKS/FSK/{year}/(\d{{5}})", n).group(1)) for n in numbers)  # type: ignore[union-attr]
    assert sequence == list(range(1, 2 * PER_SEAT + 1))  # no gap
