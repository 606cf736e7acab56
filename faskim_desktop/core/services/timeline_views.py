"""A case's whole story, read-only (issue 9): every step with who and when, its work time against
the mutu baku and the waiting time before it; every stored document and card print, payment,
signature, screening; and every audit event of the case, its payments and its files.

Plain dataclasses out, codes not sentences (the GUI words them). No personal data is logged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, or_, select

from faskim_desktop.core import clock, sop
from faskim_desktop.core.errors import NotFound
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import (
    AuditEvent,
    CardPrint,
    Case,
    CaseStep,
    Foreigner,
    Payment,
    Screening,
    Signature,
    StoredFile,
)


def _minutes(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    return ((clock.aware(later) or later) - (clock.aware(earlier) or earlier)).total_seconds() / 60


@dataclass(frozen=True)
class StepVisit:
    step: str
    state: str
    entered_at: datetime
    started_at: datetime | None
    started_by: str
    finished_at: datetime | None
    finished_by: str
    action: str
    note: str
    work_minutes: float | None  # started -> finished (so far, for an open step: None)
    wait_minutes: float | None  # entered -> started: the wait between the previous step and this one
    mutu_baku_minutes: int | None

    @property
    def over(self) -> bool:
        return bool(self.mutu_baku_minutes and self.work_minutes is not None
                    and self.work_minutes > self.mutu_baku_minutes)


@dataclass(frozen=True)
class Record:
    """One document, print, payment, signature or screening, as a line of the timeline."""

    at: datetime
    kind: str  # file / print / payment / signature / screening
    what: str  # a code: file kind + category, print state, payment method, signature kind, hit/clear
    who: str
    detail: str  # numbers and states only


@dataclass(frozen=True)
class Event:
    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    details: dict


@dataclass(frozen=True)
class Timeline:
    case_id: int
    number: str
    state: str
    created_at: datetime
    created_by: str
    name: str
    passport_no: str
    niora: str
    nationality: str
    receipt_no: str
    register_no: str
    steps: tuple[StepVisit, ...]
    records: tuple[Record, ...]
    events: tuple[Event, ...]

    @property
    def total_work_minutes(self) -> float:
        return sum(s.work_minutes or 0 for s in self.steps)

    @property
    def total_wait_minutes(self) -> float:
        return sum(s.wait_minutes or 0 for s in self.steps)


def _aware(moment: datetime) -> datetime:
    return clock.aware(moment) or moment


def timeline(store: Store, case_id: int) -> Timeline:
    with store.read() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("case.not_found", case_id=case_id)
        person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
        steps = []
        for row in session.execute(select(CaseStep).where(CaseStep.case_id == case_id).order_by(CaseStep.id)).scalars():
            step = sop.step_of(sop.State(row.state)) if row.state in sop.State._value2member_map_ else None
            steps.append(StepVisit(
                row.step, row.state, _aware(row.entered_at),
                clock.aware(row.started_at), row.started_by, clock.aware(row.finished_at), row.finished_by,
                row.action, row.note, _minutes(row.finished_at, row.started_at),
                _minutes(row.started_at, row.entered_at),
                step.mutu_baku_minutes if step and row.state != sop.State.DITAHAN.value else None,
            ))
        records: list[Record] = []
        files = list(session.execute(select(StoredFile).where(StoredFile.case_id == case_id)
                                     .order_by(StoredFile.id)).scalars())
        for f in files:
            detail = f"#{f.id} p{f.page}" + (" (dihapus)" if f.deleted_at else "")
            records.append(Record(_aware(f.created_at), "file", f"{f.kind}:{f.category}", f.created_by, detail))
        for p in session.execute(select(CardPrint).where(CardPrint.case_id == case_id)).scalars():
            records.append(Record(_aware(p.created_at), "print", p.state, p.created_by,
                                  f"#{p.attempt} {p.printer} {p.job_id}".strip()
                                  + (f" / {p.authorised_by}" if p.authorised_by else "")))
        payments = list(session.execute(select(Payment).where(Payment.case_id == case_id)).scalars())
        for pay in payments:
            records.append(Record(_aware(pay.paid_at), "payment", pay.method, pay.cashier,
                                  f"{pay.receipt_no} Rp {pay.amount:,}".replace(",", ".")
                                  + (f" VOID {pay.voided_by}" if pay.voided_at else "")))
        for sig in session.execute(select(Signature).where(Signature.case_id == case_id)).scalars():
            records.append(Record(_aware(sig.signed_at), "signature", sig.kind, sig.signer, sig.data_hash[:12]))
        for scr in session.execute(select(Screening).where(Screening.case_id == case_id)).scalars():
            records.append(Record(_aware(scr.ran_at), "screening", "hit" if scr.hit else "clear", scr.decided_by,
                                  f"v{scr.list_version or '-'} {scr.decision}".strip()))
        records.sort(key=lambda r: r.at)
        owners = [and_(AuditEvent.entity == "case", AuditEvent.entity_id == str(case_id))]
        if payments:
            owners.append(and_(AuditEvent.entity == "payment", AuditEvent.entity_id.in_([str(p.id) for p in payments])))
        if files:
            owners.append(and_(AuditEvent.entity == "file", AuditEvent.entity_id.in_([str(f.id) for f in files])))
        events = tuple(
            Event(e.seq, _aware(e.at), e.actor, e.action, e.entity, e.entity_id, _details(e.details))
            for e in session.execute(select(AuditEvent).where(or_(*owners)).order_by(AuditEvent.seq)).scalars()
        )
        return Timeline(
            case.id or 0, case.number, case.state, _aware(case.created_at), case.created_by,
            person.name if person else "", person.passport_no if person else "", person.niora if person else "",
            person.nationality if person else "", case.receipt_no, case.register_no, tuple(steps), tuple(records),
            events,
        )


def _details(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
