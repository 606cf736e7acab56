"""What must hold in a store after any crash."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from faskim_desktop.core import audit, sop
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import AuditEvent, Case, CaseStep, Counter, Payment


def check_store(ws: Workspace, committed: dict[int, int]) -> list[str]:
    """Problems found (empty: consistent). ``committed`` maps case id -> the last version the
    child reported as committed."""
    problems: list[str] = []
    path: Path | None = ws.store.sqlite_path
    if path is not None:
        conn = sqlite3.connect(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if result != "ok":
            problems.append(f"integrity_check: {result}")
    with ws.store.read() as session:
        report = audit.verify(session)
        if not report.ok:
            problems.append(f"audit chain: {report.problem} at {report.first_broken_seq}")
        cases = {c.id: c for c in session.execute(select(Case)).scalars()}
        for case_id, version in committed.items():
            case = cases.get(case_id)
            if case is None or case.version < version:
                problems.append(f"lost commit: case {case_id} v{version} (store has {case and case.version})")
        steps = session.execute(select(CaseStep)).scalars().all()
        by_case: dict[int, list[CaseStep]] = {}
        for step in steps:
            by_case.setdefault(step.case_id, []).append(step)
        transitions = dict(session.execute(
            select(AuditEvent.entity_id, func.count()).where(
                AuditEvent.entity == "case", AuditEvent.action.like("case.%"),
                AuditEvent.action.not_in(["case.open", "case.reopened_from"]))
            .group_by(AuditEvent.entity_id)).all())
        for case_id, case in cases.items():
            records = by_case.get(case_id, [])
            open_records = [r for r in records if r.finished_at is None]
            terminal = sop.State(case.state) in sop.TERMINAL_STATES
            if terminal and open_records:
                problems.append(f"case {case_id}: ended but has an open step")
            if not terminal and (len(open_records) != 1 or open_records[0].state != case.state):
                problems.append(f"case {case_id}: state {case.state} but open steps {[r.state for r in open_records]}")
            closed = len(records) - len(open_records)
            if transitions.get(str(case_id), 0) != closed:
                problems.append(f"case {case_id}: {closed} finished steps but "
                                f"{transitions.get(str(case_id), 0)} transition events")
            order = [s.value for s in sop.State]
            past_payment = order.index(case.state) > order.index(sop.State.PEMBAYARAN.value) and case.state not in (
                sop.State.DIKEMBALIKAN.value, sop.State.DITOLAK_CEKAL.value)
            if past_payment != bool(case.receipt_no):
                problems.append(f"case {case_id}: state {case.state} with receipt '{case.receipt_no}'")
        for name, column in (("receipt", Payment.receipt_no), ("register", Case.register_no)):
            numbers = [n for n in session.execute(select(column)).scalars() if n]
            seqs = sorted(int(re.search(r"(\d+)$", n).group(1)) for n in numbers)
            counters = session.execute(select(Counter).where(Counter.name.like(f"{name}:%"))).scalars().all()
            top = sum(c.value for c in counters)
            if seqs != list(range(1, top + 1)):
                problems.append(f"{name} numbers not gapless/unique: {len(seqs)} used, counter {top}")
    return problems
