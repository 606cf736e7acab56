"""The tanda terima (SOP step 1) as the store holds it: the case, its ticked checklist, the officer."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import clock, office
from faskim_desktop.core.services.awal_intake import draft_name
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.documents.models import Office, Official, ReceiptData, ReceivedDocument
from faskim_desktop.store.tables import Case, CaseStep, Foreigner, User

OFFICER_POSITION = {"id": "Petugas Loket", "en": "Counter officer"}


def office_model(session: Session) -> Office:
    """The office's letterhead from its settings; the city is the address's last part."""
    profile = office.profile(session)
    parts = [p.strip() for p in profile.address.split(",") if p.strip()]
    city = parts[-1] if parts else profile.name
    if city.startswith("Jakarta"):
        city = "Jakarta"  # "Jakarta Selatan" -> the city written before dates
    return Office(code=profile.code, name=profile.name, address=profile.address, city=city)


def official(session: Session, username: str, position: str) -> Official:
    user = session.execute(select(User).where(User.username == username)).scalars().first()
    if user is None:
        return Official(name=username, position=position)
    return Official(name=user.full_name, position=position, nip=user.nip)


def document_names(session: Session, language: str = "id") -> dict[str, str]:
    """Checklist code -> the document's name in ``language`` (the office's configured list)."""
    names: dict[str, str] = {}
    for item in office.get(session, "document_checklist"):
        names[str(item["code"])] = str(item.get(language) or item.get("id") or item["code"])
    return names


def applicant_of(session: Session, case: Case) -> Foreigner | None:
    return session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None


def received_at(session: Session, case: Case) -> dt.datetime:
    """When step 1 finished (the receive action), else now."""
    row = session.execute(
        select(CaseStep).where(CaseStep.case_id == case.id, CaseStep.state == "terima")
        .order_by(CaseStep.id.desc())
    ).scalars().first()
    moment = (row.finished_at if row and row.finished_at else None) or clock.now()
    return (clock.aware(moment) or moment).astimezone()


def compose_receipt(
    session: Session, case_id: int, applicant_name: str = "", language: str = "id"
) -> ReceiptData:
    """``applicant_name`` is what the officer typed at step 1 (the child's data is entered at
    step 3; the name is kept in the case's draft); a saved applicant record wins over it."""
    case = session.get(Case, case_id)
    if case is None:
        raise LookupError(case_id)
    names = document_names(session, language)
    documents = tuple(
        ReceivedDocument(names.get(check.doc_code, check.doc_code))
        for check in IntakeService.checklist(session, case_id)
        if check.received
    )
    person = applicant_of(session, case)
    applicant_name = applicant_name or draft_name(case)
    representative = case.applicant_kind == "kuasa"
    submitted_by = case.representative_name or ("" if representative else applicant_name)
    return ReceiptData(
        office=office_model(session),
        application_number=case.number,
        received_at=received_at(session, case),
        applicant_name=(person.name if person else applicant_name) or "—",
        submitted_by=submitted_by or "—",
        documents=documents,
        officer=official(session, case.created_by, OFFICER_POSITION.get(language, OFFICER_POSITION["id"])),
        is_representative=representative,
        power_of_attorney_ref=case.power_of_attorney_ref if representative else "",
        passport_number=person.passport_no if person else "",
        queue_ticket=case.queue_ticket,
    )
