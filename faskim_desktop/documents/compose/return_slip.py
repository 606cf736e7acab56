"""The surat pengembalian berkas (SOP step 2, file incomplete): what is missing or not valid."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import clock
from faskim_desktop.core.services.awal_intake import draft_name
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.documents.compose.receipt import (
    OFFICER_POSITION,
    applicant_of,
    document_names,
    office_model,
    official,
)
from faskim_desktop.documents.models import DocumentProblem, ReturnSlipData
from faskim_desktop.store.tables import Case, CaseStep

GENERAL_NOTE = {
    "id": "Berkas dapat diajukan kembali setelah dilengkapi, sebagai permohonan baru.",
    "en": "The file may be submitted again once complete, as a new application.",
}


def returned_at(session: Session, case: Case) -> dt.datetime:
    row = session.execute(
        select(CaseStep).where(CaseStep.case_id == case.id, CaseStep.state == "periksa")
        .order_by(CaseStep.id.desc())
    ).scalars().first()
    moment = (row.finished_at if row and row.finished_at else None) or clock.now()
    return (clock.aware(moment) or moment).astimezone()


def compose_return_slip(
    session: Session, case_id: int, applicant_name: str = "", language: str = "id"
) -> ReturnSlipData:
    case = session.get(Case, case_id)
    if case is None:
        raise LookupError(case_id)
    names = document_names(session, language)
    problems = tuple(
        DocumentProblem(names.get(c.doc_code, c.doc_code), c.status or "missing", c.note)
        for c in IntakeService.checklist(session, case_id)
        if c.required and c.status != "valid"
    )
    person = applicant_of(session, case)
    applicant_name = applicant_name or draft_name(case)
    submitted_by = case.representative_name or (applicant_name if case.applicant_kind != "kuasa" else "")
    finished_by = session.execute(
        select(CaseStep.finished_by).where(CaseStep.case_id == case.id, CaseStep.state == "periksa")
        .order_by(CaseStep.id.desc())
    ).scalars().first()
    return ReturnSlipData(
        office=office_model(session),
        application_number=case.number,
        returned_at=returned_at(session, case),
        applicant_name=(person.name if person else applicant_name) or "—",
        submitted_by=submitted_by or "—",
        problems=problems,
        officer=official(session, finished_by or case.created_by,
                         OFFICER_POSITION.get(language, OFFICER_POSITION["id"])),
        slip_number=f"PB-{case.number}",
        general_note=GENERAL_NOTE.get(language, GENERAL_NOTE["id"]),
    )
