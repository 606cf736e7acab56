"""The card's model (``CardData``) built from the store, and the card PDF signed with the office key.

What the card prints comes from the case (register number, validity set at step 8 as
``case.card_valid_until``), its applicant (``Foreigner``), the card photo captured at step 7
(``StoredFile`` kind ``photo``, decrypted from the file store) and the office profile. The seal
(``core.seal``) is signed with the office key from ``core.services.office_keys``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from faskim_desktop.core import clock, messages
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.office_keys import OfficeKeys
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.documents.card import render_card
from faskim_desktop.documents.compose.receipt import office_model
from faskim_desktop.documents.models import CardData, Official
from faskim_desktop.store.tables import Case, Foreigner, StoredFile, User

HEAD_OF_OFFICE = "Kepala Kantor"


def _signing_official(session) -> Official:  # type: ignore[no-untyped-def]
    """The head of office printed under the signature area: the first active Kakanim account."""
    for user in session.execute(select(User).order_by(User.username)).scalars():
        roles = {r.strip() for r in (user.roles or "").split(",")}
        if Role.KAKANIM.value in roles and user.active:
            return Official(user.full_name or user.username, HEAD_OF_OFFICE, user.nip)
    return Official("", HEAD_OF_OFFICE)


def card_data(ws: Workspace, case_id: int, issue_date: dt.date | None = None) -> CardData:
    with ws.store.read() as session:
        case = session.get(Case, case_id)
        if case is None or not case.foreigner_id:
            raise ValidationError("card.no_data", field="case")
        person = session.get(Foreigner, case.foreigner_id)
        if person is None or not case.register_no or case.card_valid_until is None:
            raise ValidationError("card.no_data", field="register_no")
        if person.birth_date is None or person.passport_expiry is None:
            raise ValidationError("card.no_data", field="birth_date")
        photo_row = (
            session.execute(
                select(StoredFile)
                .where(
                    StoredFile.case_id == case_id, StoredFile.kind == "photo", StoredFile.deleted_at.is_(None)
                )
                .order_by(StoredFile.id.desc())
            )
            .scalars()
            .first()
        )
        photo_ref = (photo_row.path, photo_row.sha256) if photo_row else None
        office_data = office_model(session)
        official = _signing_official(session)
        values = {
            "register_number": case.register_no,
            "name": person.name,
            "sex": (person.sex or "X").upper(),
            "place_of_birth": person.birth_place or "-",
            "date_of_birth": person.birth_date,
            "nationality": person.nationality.upper(),
            "passport_number": person.passport_no,
            "passport_expiry": person.passport_expiry,
            "niora": person.niora or "-",
            "valid_until": case.card_valid_until,
        }
    photo = ws.files.get(*photo_ref) if photo_ref else None
    return CardData(
        office=office_data,
        issue_date=issue_date or clock.today(),
        signing_official=official,
        photo=photo,
        **values,
    )


def render_case_card(ws: Workspace, case_id: int, *, show_guides: bool = False) -> bytes:
    """The case's card as a two-page CR80 PDF with a freshly signed seal."""
    data = card_data(ws, case_id)
    return render_card(data, signer=OfficeKeys(ws).signer(), show_guides=show_guides)


MESSAGES: dict[str, dict[str, str]] = {
    "card.no_data": {
        "id": "Data kartu belum lengkap (nomor register, data pemohon atau masa berlaku belum ada).",
        "en": "The card data is incomplete (register number, applicant data or validity missing).",
    },
}
messages.register(MESSAGES)
