"""Two seats as two PROCESSES on one store (SQLite file, and a real PostgreSQL server).

* The counter submits a file (steps 1–4a through the services); the supervisor's process polls its
  work queue (core.services.queues.work_queue, as the supervisor seat's queue view does) and sees
  the file at its first poll after the counter's commit — with the seat's 1 s poll interval, that
  is within the issue's 2 s; it approves. A second file is returned with reasons and comes back
  to the counter's queue carrying them.
* Payments: two bendahara processes take many payments at the same moment; receipt numbers stay
  unique and gapless, and a void keeps both records (the voided receipt's number is never reused).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from pathlib import Path

from sqlalchemy import select

from faskim_desktop.core import case_machine, clock, sop
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, Payment

POLL_S = 0.2  # the test's poll; the seats poll every poll_interval_ms (1 s by default)
PER_SEAT = 15


def _env(db_url: str) -> None:
    os.environ["FASKIM_NO_KEYRING"] = "1"
    if db_url:
        os.environ["FASKIM_DB_URL"] = db_url
    else:
        os.environ.pop("FASKIM_DB_URL", None)


def _counter(folder: str, db_url: str, results, go) -> None:  # type: ignore[no-untyped-def]
    """The counter's process: submits two files, then waits for the second to come back."""
    _env(db_url)
    from faskim_desktop.core.scripted_case import carry, sample_entry
    from faskim_desktop.core.services.queues import work_queue
    from faskim_desktop.core.services.utama_views import correction_reasons
    from faskim_desktop.core.workspace import open_workspace
    from tests.gui.langkah_utama_support import crew

    ws = open_workspace(Path(folder))
    try:
        team = crew(ws)
        go.wait(timeout=60)
        for seed in (11, 12):  # two applicants
            case = carry(ws, team, entry=sample_entry(seed), until=sop.State.PERSETUJUAN).case
            results.put(("submitted", case.id, time.time()))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the returned file reappears in the counter's queue
            mine = [item for item in work_queue(ws, team.loket) if item.case_id == case.id]
            if mine and mine[0].state is sop.State.ENTRI:
                results.put(("returned", case.id, correction_reasons(ws, case.id)))
                break
            time.sleep(POLL_S)
    finally:
        ws.close()


def _supervisor(folder: str, db_url: str, results, go) -> None:  # type: ignore[no-untyped-def]
    """The supervisor's process: polls its queue; approves the first file, returns the second."""
    _env(db_url)
    from faskim_desktop.core.accounts import Accounts
    from faskim_desktop.core.services.approval import ApprovalService
    from faskim_desktop.core.services.queues import work_queue
    from faskim_desktop.core.workspace import open_workspace

    ws = open_workspace(Path(folder))
    try:
        supervisor = Accounts(ws.store).principal("spv1")
        service = ApprovalService(ws, supervisor)
        go.set()
        decided: set[int] = set()
        deadline = time.monotonic() + 120
        polls = []
        while len(decided) < 2 and time.monotonic() < deadline:
            started = time.time()
            polls.append(started)
            for item in work_queue(ws, supervisor):
                if item.case_id in decided or item.state is not sop.State.PERSETUJUAN:
                    continue
                results.put(("seen", item.case_id, time.time(), started))
                if not decided:
                    service.approve(item.case_id)
                else:
                    service.return_for_correction(item.case_id, ["Nama di paspor berbeda dengan akta lahir",
                                                                 "Cap kedatangan tidak terbaca"])
                decided.add(item.case_id)
            time.sleep(POLL_S)
        results.put(("polls", 0, polls))
    finally:
        ws.close()


def test_the_supervisor_process_sees_a_submitted_file_at_its_next_poll(any_workspace: Workspace) -> None:
    ws = any_workspace
    db_url = "" if ws.store.is_sqlite else ws.store.url
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    go = context.Event()
    seats = [context.Process(target=_supervisor, args=(str(ws.folder), db_url, results, go)),
             context.Process(target=_counter, args=(str(ws.folder), db_url, results, go))]
    for seat in seats:
        seat.start()
    for seat in seats:
        seat.join(timeout=180)
        assert seat.exitcode == 0, f"seat process failed (exit {seat.exitcode})"
    events: dict[str, list] = {}
    while not results.empty():
        kind, *rest = results.get(timeout=5)
        events.setdefault(kind, []).append(rest)
    submitted = {case_id: at for case_id, at in events["submitted"]}
    seen = {case_id: (at, poll_started) for case_id, at, poll_started in events["seen"]}
    polls = events["polls"][0][1]
    assert set(seen) == set(submitted)
    for case_id, committed in submitted.items():
        poll_started = seen[case_id][1]
        # the poll that saw it is the first one that started after the counter's commit
        polls_between = [p for p in polls if committed < p < poll_started]
        assert polls_between == [], (case_id, len(polls_between))
        print(f"case {case_id}: seen {seen[case_id][0] - committed:.3f} s after the commit "
              f"(test poll {POLL_S} s; the seat polls every {ws.settings.get('poll_interval_ms')} ms)")
    first, second = sorted(submitted)
    returned = events["returned"][0]
    assert returned[0] == second
    assert returned[1] == ["Nama di paspor berbeda dengan akta lahir", "Cap kedatangan tidak terbaca"]
    with ws.store.read() as session:
        assert session.get(Case, first).state == sop.State.PEMBAYARAN.value
        assert session.get(Case, first).paraf_by == "spv1"
        assert session.get(Case, second).state == sop.State.ENTRI.value


# --- payments ------------------------------------------------------------------------------------


def _cases_at_payment(ws: Workspace, count: int) -> list[int]:
    ids = []
    with ws.store.write() as session:
        for n in range(count):
            now = clock.now()
            case = Case(number=f"UJI-BYR-{n:04d}", state=sop.State.PEMBAYARAN.value, created_at=now,
                        created_by="setup", updated_at=now)
            session.add(case)
            session.flush()
            case_machine.enter(session, case, sop.State.PEMBAYARAN)
            ids.append(case.id)
    return ids


def _cashier(folder: str, db_url: str, case_ids: list[int], void_first: bool, start, results) -> None:  # type: ignore[no-untyped-def]
    _env(db_url)
    from faskim_desktop.core.accounts import Accounts
    from faskim_desktop.core.services.payment import PaymentService
    from faskim_desktop.core.workspace import open_workspace
    from tests.conftest import PASSWORD

    ws = open_workspace(Path(folder))
    try:
        accounts = Accounts(ws.store)
        service = PaymentService(ws, accounts.principal("bendahara1"))
        start.wait(timeout=60)
        methods = ("tunai", "transfer", "edc", "qris")
        taken = 0
        for n, case_id in enumerate(case_ids):
            method = methods[n % 4]
            payment = service.pay(case_id, "400.000", method, "" if method == "tunai" else f"REF{case_id}")
            taken += 1
            if void_first and n == 0:  # taken in error: voided with the supervisor, then paid again
                service.void(payment.id, "Salah cara bayar", "spv1", PASSWORD)
                service.pay(case_id, "400000", "tunai")
                taken += 1
    finally:
        ws.close()
    results.put(taken)


def test_two_cashiers_at_once_give_gapless_unique_receipts_and_a_void_keeps_both(any_workspace: Workspace) -> None:
    ws = any_workspace
    ids = _cases_at_payment(ws, 2 * PER_SEAT)
    db_url = "" if ws.store.is_sqlite else ws.store.url
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    seats = [context.Process(target=_cashier, args=(str(ws.folder), db_url, ids[i::2], i == 0, start, results))
             for i in range(2)]
    for seat in seats:
        seat.start()
    start.set()
    for seat in seats:
        seat.join(timeout=240)
        assert seat.exitcode == 0, f"cashier process failed (exit {seat.exitcode})"
    assert sorted(results.get(timeout=5) for _ in seats) == [PER_SEAT, PER_SEAT + 1]

    with ws.store.read() as session:
        payments = list(session.execute(select(Payment).where(Payment.case_id.in_(ids))).scalars())
        states = set(session.execute(select(Case.state).where(Case.id.in_(ids))).scalars())
    assert states == {sop.State.BIOMETRIK.value}
    numbers = [p.receipt_no for p in payments]
    assert len(numbers) == len(set(numbers)) == 2 * PER_SEAT + 1  # unique, the voided one included
    year = clock.now().astimezone().year
    sequence = sorted(int(re.fullmatch(rf"[A-Z]+-KW-{year}-(\d+)", n).group(1)) for n in numbers)  # type: ignore[union-attr]
    assert sequence == list(range(1, 2 * PER_SEAT + 2))  # gapless from 1
    voided = [p for p in payments if p.voided_at is not None]
    assert len(voided) == 1 and voided[0].voided_by == "spv1" and voided[0].void_reason == "Salah cara bayar"
    again = [p for p in payments if p.case_id == voided[0].case_id]
    assert len(again) == 2 and again[1].receipt_no != again[0].receipt_no  # both records kept
    summary_total = sum(p.amount for p in payments if p.voided_at is None)
    assert summary_total == 400_000 * 2 * PER_SEAT


def test_saving_an_applicant_does_not_block_the_approval_of_their_other_file(any_workspace: Workspace) -> None:
    """Regression (PostgreSQL): the counter saving an applicant's data held the applicant's row
    FOR UPDATE; the supervisor approving another file of that applicant updates the case row twice,
    which re-checks its foreign key with FOR KEY SHARE and waited — a deadlock with the audit lock.
    Found by the two-process test above. The counter now holds FOR NO KEY UPDATE."""
    import threading

    from faskim_desktop.core.scripted_case import carry, sample_entry
    from faskim_desktop.core.services.approval import ApprovalService
    from faskim_desktop.core.services.intake import IntakeService, validate
    from tests.gui.langkah_utama_support import crew

    ws = any_workspace
    team = crew(ws)
    first = carry(ws, team, entry=sample_entry(31), until=sop.State.PERSETUJUAN).case
    locked, release, approved = threading.Event(), threading.Event(), []

    def counter_saving() -> None:  # mid-save at the counter: the applicant's row is locked
        with ws.store.write() as session:
            IntakeService._upsert_foreigner(session, validate(sample_entry(31)).foreigner_fields)
            locked.set()
            release.wait(30)

    def supervisor_approving() -> None:
        approved.append(ApprovalService(ws, team.supervisor).approve(first))

    counter = threading.Thread(target=counter_saving)
    counter.start()
    assert locked.wait(30)
    supervisor = threading.Thread(target=supervisor_approving)
    if not ws.store.is_sqlite:  # SQLite has one writer at a time: the approval would queue behind the save
        supervisor.start()
        supervisor.join(20)
        blocked = supervisor.is_alive()
    release.set()
    counter.join(30)
    if ws.store.is_sqlite:
        supervisor.start()
        blocked = False
    supervisor.join(30)
    assert not blocked, "the approval waited for the counter's lock on the applicant"
    assert approved and approved[0].state is sop.State.PEMBAYARAN
