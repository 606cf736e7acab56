"""Read-only views for the Langkah Utama pages (steps 5–7): what the official sees before the
paraf, the payments of a case, the fingerprints kept. Queries only; no state changes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from faskim_desktop.core import clock, office
from faskim_desktop.core.accounts import SYSTEM
from faskim_desktop.core.services.base import StepService
from faskim_desktop.core.services.screening_step import ScreeningStepService, ScreeningView
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, CaseStep, DocumentCheck, Foreigner, Payment, StoredFile


@dataclass(frozen=True)
class DocCheckView:
    code: str
    name: str
    required: bool
    received: bool
    status: str  # "", valid, invalid, missing
    note: str


@dataclass(frozen=True)
class FileRef:
    id: int
    kind: str
    category: str
    page: int
    path: str
    sha256: str
    quality: int | None = None
    meta: str = "{}"


@dataclass(frozen=True)
class ApprovalView:
    case_id: int
    number: str
    fields: list[tuple[str, str]]  # (field code, value as text); labels come from the GUI
    documents: list[DocCheckView]
    scans: list[FileRef]
    screening: ScreeningView | None
    entered_by: list[str]
    previous_reasons: list[str]  # the last return for correction, if the file came back


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (clock.aware(value) or value).astimezone().strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


CASE_FIELDS = (
    "tujuan", "waktu", "kategori", "produk", "jenis_dokim", "izin_tinggal_ke", "sponsor_nik", "sponsor_name",
    "sponsor_relation", "sponsor_address", "sponsor_contact", "nama_pengurus", "nama_biro_jasa", "landing_date",
    "landing_port", "landing_vessel", "stay_permit_type", "stay_permit_no", "stay_permit_expiry",
)
PERSON_FIELDS = ("name", "sex", "birth_place", "birth_date", "nationality", "passport_no", "passport_expiry", "niora")


def approval_view(ws: Workspace, case_id: int) -> ApprovalView:
    with ws.store.read() as session:
        case = session.get(Case, case_id)
        if case is None:
            from faskim_desktop.core.errors import NotFound

            raise NotFound("case.not_found")
        person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
        fields: list[tuple[str, str]] = []
        if person is not None:
            fields += [(f"person.{name}", _text(getattr(person, name))) for name in PERSON_FIELDS]
        fields += [(f"case.{name}", _text(getattr(case, name))) for name in CASE_FIELDS]
        names = {str(i["code"]): str(i.get("id") or i["code"]) for i in office.get(session, "document_checklist")}
        checks = session.execute(
            select(DocumentCheck).where(DocumentCheck.case_id == case_id).order_by(DocumentCheck.id)
        ).scalars().all()
        documents = [DocCheckView(c.doc_code, names.get(c.doc_code, c.doc_code), c.required, c.received, c.status,
                                  c.note) for c in checks]
        scans = [_ref(f) for f in StepService.files_of(session, case_id, "scan")]
        entered = sorted({s for s in session.execute(
            select(CaseStep.finished_by).where(CaseStep.case_id == case_id, CaseStep.state == "entri",
                                               CaseStep.finished_by != "")).scalars()})
        reasons: list[str] = []
        last_return = session.execute(
            select(CaseStep).where(CaseStep.case_id == case_id, CaseStep.action == "return_for_correction")
            .order_by(CaseStep.id.desc())
        ).scalars().first()
        if last_return is not None and last_return.note:
            reasons = [r for r in last_return.note.split("; ") if r]
        number = case.number
    screening = ScreeningStepService(ws, SYSTEM).latest(case_id)  # a read: no actor needed
    return ApprovalView(case_id, number, fields, documents, scans, screening, entered, reasons)


def correction_reasons(ws: Workspace, case_id: int) -> list[str]:
    """The discrepancies a returned file carries back to the counter (empty once approved)."""
    with ws.store.read() as session:
        case = session.get(Case, case_id)
        if case is None or not case.correction_reasons:
            return []
        return list(json.loads(case.correction_reasons))


def _ref(f: StoredFile) -> FileRef:
    return FileRef(f.id or 0, f.kind, f.category, f.page, f.path, f.sha256, f.quality, f.meta)


def payments_of(ws: Workspace, case_id: int) -> list[Payment]:
    with ws.store.read() as session:
        return list(session.execute(select(Payment).where(Payment.case_id == case_id).order_by(Payment.id)).scalars())


def biometric_files(ws: Workspace, case_id: int) -> list[FileRef]:
    with ws.store.read() as session:
        files = StepService.files_of(session, case_id)
        kinds = ("photo", "photo_original", "fingerprint", "finger_exception", "chip_photo")
        return [_ref(f) for f in files if f.kind in kinds]


def payment_methods(ws: Workspace) -> list[str]:
    with ws.store.read() as session:
        return list(office.get(session, "payment_methods"))
