"""What every step service shares: the workspace, the acting person, and small helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop
from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.errors import Conflict, ValidationError
from faskim_desktop.core.sequences import next_value
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, StoredFile


@dataclass(frozen=True)
class CaseRef:
    """What a caller keeps between steps: the id and the version it last saw."""

    id: int
    number: str
    state: sop.State
    version: int


def ref(case: Case) -> CaseRef:
    assert case.id is not None
    return CaseRef(case.id, case.number, sop.State(case.state), case.version)


class StepService:
    def __init__(self, workspace: Workspace, actor: Principal) -> None:
        self.ws = workspace
        self.actor = actor

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self.ws.store.write() as session:
            yield session

    def _case(self, session: Session, case: CaseRef | int, lock: bool = True) -> Case:
        if isinstance(case, CaseRef):
            return case_machine.load_case(session, case.id, case.version, lock=lock)
        return case_machine.load_case(session, case, None, lock=lock)

    def start(self, case: CaseRef | int) -> None:
        """Record that this person began the current step's work (the timer starts)."""
        with self.transaction() as session:
            found = self._case(session, case)
            roles = sop.actors(sop.State(found.state))
            if self.actor.has(*roles):
                case_machine.start(session, found, self.actor)

    def store_file(
        self, session: Session, case: Case, kind: str, data: bytes, media_type: str,
        category: str = "", page: int = 0, quality: int | None = None, meta: dict | None = None,
    ) -> StoredFile:
        blob = self.ws.files.put(data, f"{case.id}")
        row = StoredFile(
            case_id=case.id, kind=kind, category=category, page=page, media_type=media_type,
            path=blob.path, sha256=blob.sha256, size=blob.size, quality=quality,
            meta=json.dumps(meta or {}), created_at=clock.now(), created_by=self.actor.username,
        )
        session.add(row)
        session.flush()
        audit.append(
            session, self.actor.username, "file.add", "file", row.id,
            {"case": case.id, "kind": kind, "category": category, "page": page, "sha256": blob.sha256},
        )
        return row

    @staticmethod
    def files_of(session: Session, case_id: int, kind: str | None = None) -> list[StoredFile]:
        query = select(StoredFile).where(StoredFile.case_id == case_id, StoredFile.deleted_at.is_(None))
        if kind:
            query = query.where(StoredFile.kind == kind)
        return list(session.execute(query.order_by(StoredFile.category, StoredFile.page, StoredFile.id)).scalars())

    def next_number(self, session: Session, counter: str, format_key: str, moment: datetime | None = None) -> str:
        year = (moment or clock.now()).astimezone().year
        seq = next_value(session, f"{counter}:{year}")
        template = office.get(session, format_key)
        try:
            return template.format(office=office.get(session, "office_code"), year=year, seq=seq)
        except (KeyError, IndexError, ValueError):
            raise ValidationError("office.bad_number_format", field=format_key) from None


def require_version(case: Case, expected: int | None) -> None:
    if expected is not None and case.version != expected:
        raise Conflict("case.changed", number=case.number)


messages.register(
    {
        "case.not_found": {"id": "Berkas tidak ditemukan.", "en": "Case not found."},
        "case.changed": {
            "id": "Berkas {number} baru saja diubah di kursi lain. Muat ulang berkas lalu ulangi.",
            "en": "File {number} was just changed at another seat. Reload it and try again.",
        },
        "case.illegal_action": {
            "id": "Berkas {number} sedang pada tahap '{state}'; tindakan '{action}' tidak berlaku di tahap ini.",
            "en": "File {number} is at step '{state}'; the action '{action}' does not apply there.",
        },
        "case.role_required": {
            "id": "Tindakan '{action}' hanya untuk peran: {roles}.",
            "en": "The action '{action}' is for the roles: {roles}.",
        },
        "office.bad_number_format": {
            "id": "Format penomoran di pengaturan kantor tidak valid.",
            "en": "The numbering format in the office settings is not valid.",
        },
    }
)
