"""Paraf and pengesahan bound to the data they approve.

The data hash covers the case's key fields and its applicant; a signature records it, so a
later change to the data is visible as a mismatch against what was signed.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, clock
from faskim_desktop.core.accounts import Principal
from faskim_desktop.store.tables import Case, Foreigner, Signature, StoredFile

_CASE_FIELDS = (
    "number", "kategori", "produk", "jenis_dokim", "izin_tinggal_ke", "tujuan", "waktu", "sponsor_nik",
    "sponsor_name", "sponsor_address", "nama_pengurus", "nama_biro_jasa", "landing_date", "landing_port",
    "stay_permit_type", "stay_permit_no", "stay_permit_expiry", "register_no", "receipt_no", "card_valid_until",
)
_PERSON_FIELDS = ("niora", "passport_no", "nationality", "name", "sex", "birth_place", "birth_date", "passport_expiry")


def data_hash(session: Session, case: Case) -> str:
    person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
    photo = session.execute(
        select(StoredFile.sha256).where(
            StoredFile.case_id == case.id, StoredFile.kind == "photo", StoredFile.deleted_at.is_(None)
        ).order_by(StoredFile.id.desc())
    ).scalars().first()
    material = {
        "case": {k: getattr(case, k) for k in _CASE_FIELDS},
        "person": {k: getattr(person, k) for k in _PERSON_FIELDS} if person else None,
        "photo": photo or "",
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()


def record_signature(
    session: Session, case: Case, kind: str, signer: Principal, digest: str, note: str = ""
) -> Signature:
    row = Signature(case_id=case.id, kind=kind, signer=signer.username, signed_at=clock.now(), data_hash=digest,
                    note=note)
    session.add(row)
    session.flush()
    audit.append(session, signer.username, f"signature.{kind}", "case", case.id, {"data_hash": digest})
    return row
