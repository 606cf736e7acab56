"""Read-only queries the Langkah Awal pages and the queue display need (no state changes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from faskim_desktop.core import clock
from faskim_desktop.core.services.queues import ticket_label
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, QueueTicket, StoredFile


@dataclass(frozen=True)
class CallView:
    """One call of a ticket, as the queue display shows it."""

    ticket_id: int
    label: str  # "A001"
    counter: str
    called_at: datetime
    calls: int  # how many times it was called (a recall increments it)


def last_calls(ws: Workspace, limit: int = 5) -> list[CallView]:
    """Today's most recent calls, newest first, whether the applicant was served since or not."""
    with ws.store.read() as session:
        rows = session.execute(
            select(QueueTicket)
            .where(QueueTicket.day == clock.today(), QueueTicket.called_at.is_not(None),
                   QueueTicket.state.in_(["called", "served"]))
            .order_by(QueueTicket.called_at.desc(), QueueTicket.id.desc()).limit(limit)
        ).scalars()
        return [
            CallView(t.id or 0, ticket_label(t), t.counter, clock.aware(t.called_at) or t.called_at, t.calls)
            for t in rows
            if t.called_at is not None
        ]


@dataclass(frozen=True)
class ScanPage:
    file_id: int
    category: str
    page: int


def scan_pages(ws: Workspace, case_id: int) -> list[ScanPage]:
    with ws.store.read() as session:
        rows = session.execute(
            select(StoredFile.id, StoredFile.category, StoredFile.page)
            .where(StoredFile.case_id == case_id, StoredFile.kind == "scan", StoredFile.deleted_at.is_(None))
            .order_by(StoredFile.category, StoredFile.page, StoredFile.id)
        ).all()
        return [ScanPage(file_id, category, page) for file_id, category, page in rows]


def scan_image(ws: Workspace, file_id: int) -> bytes:
    """The stored (decrypted) PNG of one scanned page."""
    with ws.store.read() as session:
        row = session.get(StoredFile, file_id)
        if row is None or row.kind != "scan":
            raise LookupError(file_id)
        path = row.path
    return ws.files.get(path)


def case_brief(ws: Workspace, case_id: int) -> Case | None:
    with ws.store.read() as session:
        found = session.get(Case, case_id)
        if found is not None:
            session.expunge(found)
        return found


def correction_reasons(ws: Workspace, case_id: int) -> list[str]:
    """What the official named when returning the file for correction (SOP ketidaksesuaian)."""
    import json

    with ws.store.read() as session:
        found = session.get(Case, case_id)
        raw = found.correction_reasons if found is not None else ""
    if not raw:
        return []
    try:
        reasons = json.loads(raw)
    except ValueError:
        return [raw]
    return [str(r) for r in reasons] if isinstance(reasons, list) else [str(reasons)]
