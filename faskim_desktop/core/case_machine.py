"""The case state machine: walks the SOP table, records each step's timing and actor.

``apply`` is called by the services inside their write transaction. It refuses an action the
SOP table does not allow from the case's state (``IllegalTransition``) or that the actor's roles
do not cover (``PermissionDenied``), closes the step record of the state being left, opens the
one of the state entered, bumps the case's version and appends the audit event — all in the
caller's transaction, so a crash leaves either the whole step or none of it.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, clock, sop
from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.errors import Conflict, IllegalTransition, NotFound, PermissionDenied
from faskim_desktop.core.roles import Role
from faskim_desktop.store.tables import Case, CaseStep


def load_case(session: Session, case_id: int, expected_version: int | None = None, lock: bool = True) -> Case:
    query = select(Case).where(Case.id == case_id)
    if lock:
        query = query.with_for_update()
    case = session.execute(query).scalars().first()
    if case is None:
        raise NotFound("case.not_found", case_id=case_id)
    if expected_version is not None and case.version != expected_version:
        raise Conflict("case.changed", number=case.number)
    return case


def open_step(session: Session, case: Case) -> CaseStep | None:
    return session.execute(
        select(CaseStep)
        .where(CaseStep.case_id == case.id, CaseStep.finished_at.is_(None))
        .order_by(CaseStep.id.desc())
    ).scalars().first()


def check_allowed(case: Case, action: sop.Action, actor: Principal) -> sop.Transition:
    state = sop.State(case.state)
    found = sop.transition(state, action)
    if found is None:
        raise IllegalTransition("case.illegal_action", action=action.value, state=state.value, number=case.number)
    if not actor.has(*found.roles):
        raise PermissionDenied(
            "case.role_required", action=action.value, roles=", ".join(r.value for r in found.roles)
        )
    return found


def enter(session: Session, case: Case, state: sop.State) -> None:
    """Open the step record of ``state`` (terminal states get none)."""
    step = sop.step_of(state)
    if step is None:
        return
    session.add(CaseStep(case_id=case.id, step=step.number, state=state.value, entered_at=clock.now()))


def start(session: Session, case: Case, actor: Principal) -> None:
    """Mark that someone began the work of the current step (first opener wins)."""
    record = open_step(session, case)
    if record is not None and record.started_at is None:
        record.started_at = clock.now()
        record.started_by = actor.username
        session.add(record)


def apply(
    session: Session,
    case: Case,
    action: sop.Action,
    actor: Principal,
    details: Mapping[str, object] | None = None,
    note: str = "",
) -> sop.Transition:
    found = check_allowed(case, action, actor)
    now = clock.now()
    record = open_step(session, case)
    if record is not None:
        if record.started_at is None:
            record.started_at = now
            record.started_by = actor.username
        record.finished_at = now
        record.finished_by = actor.username
        record.action = action.value
        record.note = note
        session.add(record)
    case.state = found.target.value
    case.version += 1
    case.updated_at = now
    if found.target is sop.State.SELESAI:
        case.closed_at = now
    session.add(case)
    session.flush()
    enter(session, case, found.target)
    audit.append(
        session, actor.username, f"case.{action.value}", "case", case.id,
        {"from": found.source.value, "to": found.target.value, **(details or {})},
    )
    return found


def entered_data_by(session: Session, case: Case) -> set[str]:
    """Everyone who saved the case's data (step 3) at any visit: they may not approve it."""
    rows = session.execute(
        select(CaseStep.finished_by).where(
            CaseStep.case_id == case.id, CaseStep.state == sop.State.ENTRI.value, CaseStep.finished_by != ""
        )
    ).scalars().all()
    return set(rows)


def require_not(actor: Principal, forbidden: set[str], code: str) -> None:
    if actor.username in forbidden:
        raise PermissionDenied(code)


def system_or(actor: Principal, case: Case) -> Principal:
    """Automatic steps run as the system on behalf of whoever triggered them — only a person who
    performs that step (the counter officer for the cekal check and the register number)."""
    step = sop.step_of(sop.State(case.state))
    people = tuple(r for r in (step.performers if step else ()) if r is not Role.SYSTEM)
    if not actor.has(*people):
        raise PermissionDenied("case.role_required", action=case.state,
                               roles=", ".join(r.value for r in people))
    return Principal(actor.user_id, actor.username, actor.full_name, actor.roles | {Role.SYSTEM})


def with_role(actor: Principal, role: Role) -> Principal:
    """``actor`` acting in a role granted by an office setting (e.g. a designated signer)."""
    return Principal(actor.user_id, actor.username, actor.full_name, actor.roles | {role})
