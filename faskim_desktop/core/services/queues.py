"""Work queues ("cases waiting for me") and the applicants' ticket queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop
from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.errors import NotFound, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, CaseStep, Foreigner, QueueTicket

SERVICES = {"A": "loket", "B": "bendahara"}  # ticket letter -> who calls it


@dataclass(frozen=True)
class WorkItem:
    case_id: int
    number: str
    state: sop.State
    version: int
    applicant: str
    waiting_since: datetime
    queue_ticket: str


def states_for(principal: Principal) -> list[sop.State]:
    return [
        state for state in sop.State
        if state not in sop.TERMINAL_STATES
        and any(role in principal.roles for role in sop.actors(state))
    ]


def acting(ws: Workspace, principal: Principal) -> Principal:
    """The person with the roles the office grants by setting: an official designated to sign
    (office setting ``signers``) acts as the head of office for signatures."""
    if principal.has(Role.KAKANIM):
        return principal
    with ws.store.read() as session:
        signers = office.get(session, "signers")
    return case_machine.with_role(principal, Role.KAKANIM) if principal.username in signers else principal


def work_queue(ws: Workspace, principal: Principal, limit: int = 200) -> list[WorkItem]:
    states = [s.value for s in states_for(acting(ws, principal))]
    if not states:
        return []
    with ws.store.read() as session:
        rows = session.execute(
            select(Case, Foreigner.name)
            .outerjoin(Foreigner, Foreigner.id == Case.foreigner_id)
            .where(Case.state.in_(states))
            .order_by(Case.updated_at)
            .limit(limit)
        ).all()
        return [
            WorkItem(c.id or 0, c.number, sop.State(c.state), c.version, name or "",
                     clock.aware(c.updated_at) or c.updated_at, c.queue_ticket)
            for c, name in rows
        ]


def open_step(ws: Workspace, case_id: int) -> CaseStep | None:
    with ws.store.read() as session:
        return session.execute(
            select(CaseStep).where(CaseStep.case_id == case_id, CaseStep.finished_at.is_(None))
            .order_by(CaseStep.id.desc())
        ).scalars().first()


# --- Ticket queue -----------------------------------------------------------------------------


def ticket_label(ticket: QueueTicket) -> str:
    return f"{ticket.service}{ticket.number:03d}"


class TicketQueue:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def issue(self, service: str = "A") -> QueueTicket:
        if service not in SERVICES:
            raise ValidationError("queue.service", field="service")
        day = clock.today()
        with self.ws.store.write() as session:
            last = session.execute(
                select(func.max(QueueTicket.number)).where(QueueTicket.day == day, QueueTicket.service == service)
            ).scalar_one()
            ticket = QueueTicket(day=day, service=service, number=(last or 0) + 1, issued_at=clock.now())
            session.add(ticket)
            session.flush()
            return ticket

    def call_next(self, service: str, counter: str, actor: str) -> QueueTicket:
        with self.ws.store.write() as session:
            ticket = session.execute(
                select(QueueTicket)
                .where(QueueTicket.day == clock.today(), QueueTicket.service == service,
                       QueueTicket.state == "waiting")
                .order_by(QueueTicket.number).limit(1).with_for_update()
            ).scalars().first()
            if ticket is None:
                raise NotFound("queue.empty")
            ticket.state = "called"
            ticket.counter = counter[:16]
            ticket.called_at = clock.now()
            ticket.calls += 1
            session.add(ticket)
            audit.append(session, actor, "queue.call", "ticket", ticket.id, {"ticket": ticket_label(ticket)})
            return ticket

    def recall(self, ticket_id: int, actor: str) -> QueueTicket:
        return self._mark(ticket_id, "called", actor)

    def skip(self, ticket_id: int, actor: str) -> QueueTicket:
        return self._mark(ticket_id, "skipped", actor)

    def serve(self, ticket_id: int, actor: str, case_id: int | None = None) -> QueueTicket:
        return self._mark(ticket_id, "served", actor, case_id)

    def _mark(self, ticket_id: int, state: str, actor: str, case_id: int | None = None) -> QueueTicket:
        with self.ws.store.write() as session:
            ticket = session.get(QueueTicket, ticket_id)
            if ticket is None:
                raise NotFound("queue.no_ticket")
            ticket.state = state
            if state == "called":
                ticket.calls += 1
                ticket.called_at = clock.now()
            if case_id is not None:
                ticket.case_id = case_id
            session.add(ticket)
            audit.append(session, actor, f"queue.{state}", "ticket", ticket.id, {"ticket": ticket_label(ticket)})
            return ticket

    def latest_called(self, limit: int = 5) -> list[QueueTicket]:
        """For the display screen: the newest calls first."""
        with self.ws.store.read() as session:
            return list(session.execute(
                select(QueueTicket)
                .where(QueueTicket.day == clock.today(), QueueTicket.state == "called")
                .order_by(QueueTicket.called_at.desc()).limit(limit)
            ).scalars())

    def waiting_count(self, service: str) -> int:
        with self.ws.store.read() as session:
            return session.execute(
                select(func.count()).select_from(QueueTicket).where(
                    QueueTicket.day == clock.today(), QueueTicket.service == service, QueueTicket.state == "waiting")
            ).scalar_one()


messages.register(
    {
        "queue.service": {"id": "Layanan antrean tidak dikenal.", "en": "Unknown queue service."},
        "queue.empty": {"id": "Tidak ada antrean yang menunggu.", "en": "Nobody is waiting in the queue."},
        "queue.no_ticket": {"id": "Nomor antrean tidak ditemukan.", "en": "Queue ticket not found."},
    }
)
