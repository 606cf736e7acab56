"""The office's domain settings (kept in the database) and the effective-dated fee table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, clock, messages
from faskim_desktop.core.errors import NotFound, ValidationError
from faskim_desktop.store.tables import Fee, OfficeSetting

SERVICE = "faskim"  # the PNBP tariff line of this service


# The documents usually required (Permenkumham 22/2012 and the design brief's gathered facts).
DEFAULT_CHECKLIST: list[dict[str, Any]] = [
    {"code": "formulir", "id": "Formulir permohonan", "en": "Application form", "required": True},
    {"code": "surat_permohonan", "id": "Surat permohonan", "en": "Application letter", "required": True},
    {"code": "ktp_ortu", "id": "KTP orang tua WNI", "en": "Indonesian parent's ID card (KTP)", "required": True},
    {"code": "kk", "id": "Kartu Keluarga", "en": "Family card (KK)", "required": True},
    {"code": "akta_lahir", "id": "Akta kelahiran anak", "en": "Child's birth certificate", "required": True},
    {"code": "akta_nikah", "id": "Akta perkawinan orang tua", "en": "Parents' marriage certificate", "required": True},
    {"code": "paspor_anak", "id": "Paspor asing anak", "en": "Child's foreign passport", "required": True},
    {"code": "paspor_ortu", "id": "Paspor orang tua", "en": "Parents' passports", "required": True},
    {"code": "izin_tinggal_ortu", "id": "Izin tinggal orang tua WNA", "en": "Foreign parent's stay permit", "required": False},
    {"code": "foto", "id": "Pas foto 4×6", "en": "4×6 photos", "required": True},
    {"code": "bukti_daftar_abg", "id": "Bukti pendaftaran anak berkewarganegaraan ganda",
     "en": "Proof of dual-citizenship registration", "required": True},
    {"code": "surat_kuasa", "id": "Surat kuasa (bila dikuasakan)", "en": "Power of attorney (if represented)",
     "required": False},
]

DEFAULTS: dict[str, Any] = {
    "office_name": "Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan",
    "office_code": "JKS",
    "office_address": "Jl. Warung Buncit Raya No. 207, Jakarta Selatan",
    "application_number_format": "{office}-PMH-{year}-{seq:06d}",
    "receipt_number_format": "{office}-KW-{year}-{seq:06d}",
    "register_number_format": "{office}/FSK/{year}/{seq:05d}",
    "document_checklist": DEFAULT_CHECKLIST,
    # The facility card runs to the passport's expiry, at most to the child's 21st birthday
    # (18 plus the 3 years to choose a citizenship, UU 12/2006 art. 6).
    "card_max_age": 21,
    "fingers": ["right_thumb", "left_thumb", "right_index", "left_index"],
    "fingerprint_retries": 3,
    "fingerprint_min_quality": 40,
    "face_only_below_age": 5,
    "signers": [],  # usernames designated to sign besides the kakanim role
    "signer_may_not_approve": True,
    "payment_methods": ["tunai", "transfer", "edc", "qris"],
}


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    code: str
    address: str


def get(session: Session, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    row = session.get(OfficeSetting, key)
    return json.loads(row.value) if row else DEFAULTS[key]


def put(session: Session, actor: str, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise ValidationError("office.unknown_setting", field=key)
    row = session.get(OfficeSetting, key) or OfficeSetting(key=key, value="null", updated_at=clock.now())
    row.value = json.dumps(value, ensure_ascii=False)
    row.updated_at = clock.now()
    row.updated_by = actor
    session.add(row)
    audit.append(session, actor, "office.setting", "setting", key, {"value": value})


def profile(session: Session) -> OfficeProfile:
    return OfficeProfile(get(session, "office_name"), get(session, "office_code"), get(session, "office_address"))


def fee_on(session: Session, day: date, service: str = SERVICE) -> Fee:
    fee = session.execute(
        select(Fee)
        .where(Fee.service == service, Fee.effective_from <= day)
        .order_by(Fee.effective_from.desc(), Fee.id.desc())
    ).scalars().first()
    if fee is None:
        raise NotFound("office.no_fee", day=day.isoformat())
    return fee


def set_fee(session: Session, actor: str, amount: int, effective_from: date, service: str = SERVICE) -> Fee:
    if amount <= 0 or amount > 100_000_000:
        raise ValidationError("office.bad_fee", field="amount")
    fee = Fee(service=service, amount=amount, effective_from=effective_from, created_by=actor, created_at=clock.now())
    session.add(fee)
    session.flush()
    audit.append(session, actor, "office.fee", "fee", fee.id, {"amount": amount, "from": effective_from.isoformat()})
    return fee


messages.register(
    {
        "office.unknown_setting": {"id": "Pengaturan tidak dikenal.", "en": "Unknown setting."},
        "office.no_fee": {
            "id": "Tarif PNBP untuk tanggal {day} belum diatur. Minta admin mengisi tabel tarif.",
            "en": "No PNBP fee is set for {day}. Ask an administrator to fill in the fee table.",
        },
        "office.bad_fee": {"id": "Tarif tidak wajar.", "en": "The fee is not plausible."},
    }
)
