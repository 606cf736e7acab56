"""The audit trail: append-only and hash-chained.

Each event's hash covers its own fields and the previous event's hash, so editing, deleting or
reordering any row breaks the chain from that row on, and ``verify`` names the first broken one.
Appending locks the chain head (a ``Counter`` row) in the caller's transaction, so the event and
the state change it records commit together, and two seats never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import clock, messages
from faskim_desktop.core.sequences import lock_counter
from faskim_desktop.store.tables import AuditEvent, Counter

CHAIN = "audit"
GENESIS = "0" * 64


def canonical(details: Mapping[str, object]) -> str:
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _timestamp(moment: datetime) -> str:
    aware = clock.aware(moment)
    assert aware is not None
    return aware.isoformat(timespec="microseconds")


def event_hash(
    prev_hash: str, seq: int, at: datetime, actor: str, action: str, entity: str, entity_id: str, details: str
) -> str:
    material = "\x1f".join([prev_hash, str(seq), _timestamp(at), actor, action, entity, entity_id, details])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = "",
    details: Mapping[str, object] | None = None,
) -> AuditEvent:
    head = lock_counter(session, CHAIN)
    seq = head.value + 1
    prev = head.head or GENESIS
    at = clock.now()
    body = canonical(details or {})
    digest = event_hash(prev, seq, at, actor, action, entity, str(entity_id), body)
    event = AuditEvent(
        seq=seq, at=at, actor=actor, action=action, entity=entity, entity_id=str(entity_id),
        details=body, prev_hash=prev, hash=digest,
    )
    session.add(event)
    head.value = seq
    head.head = digest
    session.add(head)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    first_broken_seq: int | None = None
    first_broken_id: int | None = None
    problem: str = ""  # message code

    def message(self, language: str | None = None) -> str:
        if self.ok:
            return messages.text("audit.ok", {"events": self.events}, language)
        return messages.text(
            self.problem, {"seq": self.first_broken_seq, "id": self.first_broken_id}, language
        )


def _events(session: Session, batch: int = 5000) -> Iterator[AuditEvent]:
    # Walk in physical insertion order (id), so a reordering of seq values is caught too.
    last_id = 0
    while True:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).scalars().all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id or last_id


def verify(session: Session) -> ChainReport:
    prev = GENESIS
    expected_seq = 1
    count = 0
    for event in _events(session):
        broken = None
        if event.seq != expected_seq:
            broken = "audit.broken_sequence"
        elif event.prev_hash != prev:
            broken = "audit.broken_link"
        elif event.hash != event_hash(
            prev, event.seq, event.at, event.actor, event.action, event.entity, event.entity_id, event.details
        ):
            broken = "audit.broken_hash"
        if broken:
            return ChainReport(False, count, event.seq, event.id, broken)
        prev = event.hash
        expected_seq += 1
        count += 1
    head = session.get(Counter, CHAIN)
    if head is not None and (head.value != count or (count and head.head != prev)):
        return ChainReport(False, count, count + 1, None, "audit.truncated")
    return ChainReport(True, count)


messages.register(
    {
        "audit.ok": {
            "id": "Jejak audit utuh: {events} peristiwa terverifikasi.",
            "en": "Audit trail intact: {events} events verified.",
        },
        "audit.broken_sequence": {
            "id": "Jejak audit rusak pada peristiwa #{seq} (baris id {id}): urutan terputus — ada baris yang dihapus atau disisipkan.",
            "en": "Audit trail broken at event #{seq} (row id {id}): the sequence is interrupted — a row was deleted or inserted.",
        },
        "audit.broken_link": {
            "id": "Jejak audit rusak pada peristiwa #{seq} (baris id {id}): tidak tersambung ke peristiwa sebelumnya.",
            "en": "Audit trail broken at event #{seq} (row id {id}): it does not link to the previous event.",
        },
        "audit.broken_hash": {
            "id": "Jejak audit rusak pada peristiwa #{seq} (baris id {id}): isinya telah diubah.",
            "en": "Audit trail broken at event #{seq} (row id {id}): its content was edited.",
        },
        "audit.truncated": {
            "id": "Jejak audit rusak: peristiwa terakhir (mulai #{seq}) telah dihapus.",
            "en": "Audit trail broken: the latest events (from #{seq}) were deleted.",
        },
    }
)
