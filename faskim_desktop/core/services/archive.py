"""Step 11: the finished card scanned, the case archived as one ZIP with a hash manifest, closed."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import date, datetime

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import case_machine, messages, sop
from faskim_desktop.core.errors import IllegalTransition, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.store.tables import (
    AuditEvent,
    Case,
    CaseStep,
    DocumentCheck,
    Foreigner,
    Payment,
    Screening,
    Signature,
    StoredFile,
)

_EXT = {"image/png": "png", "image/jpeg": "jpg", "application/pdf": "pdf", "application/zip": "zip"}


def _row(obj: object) -> dict:
    out = {}
    for key, value in obj.__dict__.items():
        if key.startswith("_"):
            continue
        out[key] = value.isoformat() if isinstance(value, date | datetime) else value
    return out


class ArchiveService(StepService):
    def add_card_scan(self, case: CaseRef | int, pages: list[bytes]) -> list[int]:
        if not pages:
            raise ValidationError("archive.scan_required", field="card_scan")
        with self.transaction() as session:
            found = self._case(session, case)
            if found.state != sop.State.ARSIP.value:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            self.actor.require(Role.INFOKIM)
            return [
                self.store_file(session, found, "card_scan", data, "image/png", "kartu", n).id or 0
                for n, data in enumerate(pages, start=1)
            ]

    def build_bundle(self, session: Session, case: Case) -> bytes:
        """The case as a ZIP: data (JSON), every stored file, the audit extract, a manifest of hashes."""
        case_id = case.id or 0
        person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None

        def rows(model) -> list[dict]:  # type: ignore[no-untyped-def]
            return [_row(r) for r in session.execute(
                select(model).where(model.case_id == case_id).order_by(model.id)).scalars()]

        data = {
            "case": _row(case), "applicant": _row(person) if person else None,
            "steps": rows(CaseStep), "documents": rows(DocumentCheck), "screenings": rows(Screening),
            "payments": rows(Payment), "signatures": rows(Signature),
        }
        audit_rows = [_row(e) for e in session.execute(
            select(AuditEvent).where(AuditEvent.entity == "case", AuditEvent.entity_id == str(case_id))
            .order_by(AuditEvent.seq)).scalars()]
        entries: dict[str, bytes] = {
            "case.json": json.dumps(data, ensure_ascii=False, indent=2, default=str).encode(),
            "audit.json": json.dumps(audit_rows, ensure_ascii=False, indent=2, default=str).encode(),
        }
        for f in self.files_of(session, case_id):
            if not f.path or f.kind == "archive":
                continue
            name = f"files/{f.kind}/{f.category or 'umum'}-{f.page:02d}-{f.id}.{_EXT.get(f.media_type, 'bin')}"
            entries[name] = self.ws.files.get(f.path, f.sha256)
        manifest = {name: hashlib.sha256(blob).hexdigest() for name, blob in entries.items()}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name, blob in entries.items():
                # PNG, JPEG and PDF are compressed already: deflating them again cost ~0.8 s of CPU
                # per case for a few percent; they are stored as they are.
                packed = name.endswith((".png", ".jpg", ".jpeg", ".jp2", ".pdf"))
                bundle.writestr(name, blob, zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)
            bundle.writestr("manifest.json", json.dumps({"case": case.number, "sha256": manifest}, indent=2))
        return buffer.getvalue()

    def archive(self, case: CaseRef | int) -> CaseRef:
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.ARCHIVE, self.actor)
            if not any(f.kind == "card_scan" for f in self.files_of(session, found.id or 0)):
                raise ValidationError("archive.scan_required", field="card_scan")
            bundle = self.build_bundle(session, found)
            row = self.store_file(session, found, "archive", bundle, "application/zip", "arsip")
            case_machine.apply(session, found, sop.Action.ARCHIVE, self.actor,
                               {"archive_sha256": row.sha256, "archive_file": row.id})
            return ref(found)

    def export_bundle(self, case_id: int) -> bytes:
        with self.ws.store.read() as session:
            row = session.execute(
                select(StoredFile).where(StoredFile.case_id == case_id, StoredFile.kind == "archive")
                .order_by(StoredFile.id.desc())
            ).scalars().first()
            if row is None:
                raise ValidationError("archive.none", field="archive")
            return self.ws.files.get(row.path, row.sha256)


def verify_bundle(bundle: bytes) -> list[str]:
    """Names of entries whose content does not match the manifest (empty: intact)."""
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        manifest = json.loads(archive.read("manifest.json"))["sha256"]
        bad = [name for name, digest in manifest.items()
               if hashlib.sha256(archive.read(name)).hexdigest() != digest]
        extra = set(archive.namelist()) - set(manifest) - {"manifest.json"}
    return bad + sorted(extra)


messages.register(
    {
        "archive.scan_required": {
            "id": "Pindai dahulu fotokopi kartu yang telah selesai.",
            "en": "Scan the finished card's copy first.",
        },
        "archive.none": {"id": "Berkas ini belum diarsip.", "en": "This file is not archived yet."},
    }
)
