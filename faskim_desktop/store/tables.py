"""The store's tables (SQLModel). Schema changes go through Alembic revisions only.

Times are stored as timezone-aware UTC. Every table that two seats may edit carries a
``version`` column checked on update (optimistic locking).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlalchemy import DateTime as SADateTime
from sqlmodel import Field, SQLModel


def _ts(**kwargs) -> Field:  # type: ignore[valid-type]
    return Field(sa_column=Column(SADateTime(timezone=True), **kwargs))


class User(SQLModel, table=True):
    __tablename__ = "app_user"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    full_name: str = Field(max_length=200)
    nip: str = Field(default="", max_length=32)  # civil servant number, shown on paraf
    roles: str = Field(default="", max_length=200)  # comma-separated Role values
    password_hash: str = Field(max_length=200)
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = _ts(nullable=True)
    created_at: datetime = _ts(nullable=False)
    version: int = 1


class Counter(SQLModel, table=True):
    """Gapless sequences (receipt/register/application numbers) and the audit chain head.

    A number is taken by locking this row in the same transaction as the step that uses it, so
    a rollback gives the number back and two seats can never draw the same one.
    """

    name: str = Field(primary_key=True, max_length=64)
    value: int = 0
    head: str = Field(default="", max_length=64)  # audit chain: hash of the last event


class AuditEvent(SQLModel, table=True):
    """Append-only, hash-chained record of every state change."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    seq: int = Field(index=True, unique=True)
    at: datetime = _ts(nullable=False)
    actor: str = Field(max_length=64)  # username or "system"
    action: str = Field(max_length=64)
    entity: str = Field(max_length=32)
    entity_id: str = Field(default="", max_length=64)
    details: str = ""  # canonical JSON
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class OfficeSetting(SQLModel, table=True):
    """Domain settings of the office (name, code, card validity, checklist...), as JSON values."""

    __tablename__ = "office_setting"

    key: str = Field(primary_key=True, max_length=64)
    value: str  # JSON
    updated_at: datetime = _ts(nullable=False)
    updated_by: str = Field(default="", max_length=64)


class Fee(SQLModel, table=True):
    """Effective-dated PNBP tariff per service."""

    id: int | None = Field(default=None, primary_key=True)
    service: str = Field(index=True, max_length=64)
    amount: int  # rupiah, whole
    effective_from: date
    created_by: str = Field(default="", max_length=64)
    created_at: datetime = _ts(nullable=False)


class Foreigner(SQLModel, table=True):
    """The applicant child (foreign national), found again by NIORA or passport number."""

    id: int | None = Field(default=None, primary_key=True)
    niora: str = Field(default="", index=True, max_length=32)
    passport_no: str = Field(index=True, max_length=20)
    nationality: str = Field(max_length=3)  # ISO 3166 alpha-3 / ICAO code
    name: str = Field(max_length=200)
    name_key: str = Field(default="", index=True, max_length=200)  # normalised for search
    sex: str = Field(default="", max_length=1)  # M / F / X
    birth_place: str = Field(default="", max_length=100)
    birth_date: date | None = None
    passport_issued: date | None = None
    passport_expiry: date | None = None
    passport_source: str = Field(default="typed", max_length=16)  # typed / mrz / chip
    version: int = 1


class Case(SQLModel, table=True):
    """One application (permohonan) and where it stands in the SOP."""

    __tablename__ = "faskim_case"
    __table_args__ = (Index("ix_case_state_updated", "state", "updated_at"),)

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(index=True, unique=True, max_length=32)  # application number
    state: str = Field(index=True, max_length=24)
    version: int = 1
    created_at: datetime = _ts(nullable=False, index=True)
    created_by: str = Field(max_length=64)
    updated_at: datetime = _ts(nullable=False)
    queue_ticket: str = Field(default="", max_length=16)
    # step 1: who brought the file
    applicant_kind: str = Field(default="pemohon", max_length=16)  # pemohon / kuasa
    representative_name: str = Field(default="", max_length=200)
    representative_id_no: str = Field(default="", max_length=40)
    power_of_attorney_ref: str = Field(default="", max_length=100)
    # step 3: the SOP's entry fields
    kategori: str = Field(default="", max_length=64)
    produk: str = Field(default="", max_length=64)
    jenis_dokim: str = Field(default="", max_length=64)
    izin_tinggal_ke: int | None = None
    tujuan: str = Field(default="", max_length=200)
    waktu: str = Field(default="", max_length=64)
    entry_draft: str = ""  # JSON of the step-3 form as typed, until it is saved valid
    foreigner_id: int | None = Field(default=None, foreign_key="foreigner.id", index=True)
    sponsor_nik: str = Field(default="", index=True, max_length=16)
    sponsor_name: str = Field(default="", max_length=200)
    sponsor_address: str = Field(default="", max_length=400)
    sponsor_contact: str = Field(default="", max_length=64)
    sponsor_relation: str = Field(default="", max_length=32)
    nama_pengurus: str = Field(default="", max_length=200)
    nama_biro_jasa: str = Field(default="", max_length=200)
    landing_date: date | None = None
    landing_port: str = Field(default="", max_length=100)
    landing_vessel: str = Field(default="", max_length=64)
    stay_permit_type: str = Field(default="", max_length=32)
    stay_permit_no: str = Field(default="", max_length=64)
    stay_permit_expiry: date | None = None
    # step 2 / 5: paraf and correction
    paraf_by: str = Field(default="", max_length=64)
    paraf_at: datetime | None = _ts(nullable=True)
    correction_reasons: str = ""  # JSON list, set when returned for correction
    # step 8 onwards
    register_no: str = Field(default="", index=True, max_length=40)
    receipt_no: str = Field(default="", index=True, max_length=40)
    card_valid_until: date | None = None
    data_hash: str = Field(default="", max_length=64)  # hash bound by the Kakanim's signature
    collected_by: str = Field(default="", max_length=200)
    collected_id_no: str = Field(default="", max_length=40)
    closed_at: datetime | None = _ts(nullable=True)


class CaseStep(SQLModel, table=True):
    """One visit of a case to one state: when it arrived, who started and finished the work."""

    __tablename__ = "case_step"
    __table_args__ = (Index("ix_case_step_case", "case_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id")
    step: str = Field(max_length=4)  # SOP step number
    state: str = Field(max_length=24)
    entered_at: datetime = _ts(nullable=False, index=True)
    started_at: datetime | None = _ts(nullable=True)
    started_by: str = Field(default="", max_length=64)
    finished_at: datetime | None = _ts(nullable=True)
    finished_by: str = Field(default="", max_length=64)
    action: str = Field(default="", max_length=32)
    note: str = ""


class DocumentCheck(SQLModel, table=True):
    """Step 1/2: one document of the checklist: received at the counter, then judged."""

    __tablename__ = "document_check"
    __table_args__ = (UniqueConstraint("case_id", "doc_code"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id", index=True)
    doc_code: str = Field(max_length=48)
    required: bool = True
    received: bool = False
    status: str = Field(default="", max_length=16)  # "", valid, invalid, missing
    note: str = Field(default="", max_length=400)


class Screening(SQLModel, table=True):
    """Step 4: the result of one cekal screening of a case, and Wasdakim's decision."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id", index=True)
    ran_at: datetime = _ts(nullable=False)
    list_version: int | None = None
    hit: bool = False
    hits: str = "[]"  # JSON: [{"entry": ref, "score": n, "reasons": [...]}]
    decision: str = Field(default="", max_length=16)  # "", cleared, confirmed
    decided_by: str = Field(default="", max_length=64)
    decided_at: datetime | None = _ts(nullable=True)
    decision_reason: str = Field(default="", max_length=1000)


class Payment(SQLModel, table=True):
    """Step 6: a PNBP payment with its gapless receipt number; a void keeps the record."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id", index=True)
    receipt_no: str = Field(unique=True, max_length=40)
    amount: int
    method: str = Field(max_length=16)  # tunai / transfer / edc / qris
    reference: str = Field(default="", max_length=100)
    paid_at: datetime = _ts(nullable=False, index=True)
    cashier: str = Field(max_length=64)
    voided_at: datetime | None = _ts(nullable=True)
    voided_by: str = Field(default="", max_length=64)
    void_reason: str = Field(default="", max_length=400)


class StoredFile(SQLModel, table=True):
    """A file in the encrypted file store: scans, photos, fingerprints, generated documents."""

    __tablename__ = "stored_file"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="faskim_case.id", index=True)
    kind: str = Field(max_length=24)  # scan / photo / photo_original / fingerprint / document / chip_photo
    category: str = Field(default="", max_length=48)  # document category, finger name, document type
    page: int = 0
    media_type: str = Field(default="application/octet-stream", max_length=64)
    path: str = Field(max_length=300)  # relative to the file store root
    sha256: str = Field(max_length=64)  # of the plaintext
    size: int = 0
    quality: int | None = None
    meta: str = "{}"  # JSON
    created_at: datetime = _ts(nullable=False)
    created_by: str = Field(default="", max_length=64)
    deleted_at: datetime | None = _ts(nullable=True)


class CardPrint(SQLModel, table=True):
    """Step 9: each blank card used; spoiled and failed cards stay accountable."""

    __tablename__ = "card_print"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id", index=True)
    attempt: int = 1
    printer: str = Field(default="", max_length=100)
    job_id: str = Field(default="", max_length=64)
    state: str = Field(default="pending", max_length=16)  # pending/completed/failed/spoiled
    reason: str = Field(default="", max_length=400)
    authorised_by: str = Field(default="", max_length=64)  # supervisor for a reprint
    created_at: datetime = _ts(nullable=False)
    created_by: str = Field(default="", max_length=64)
    finished_at: datetime | None = _ts(nullable=True)


class Signature(SQLModel, table=True):
    """Step 5 paraf and step 9 pengesahan: an authenticated act bound to the case's data hash."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="faskim_case.id", index=True)
    kind: str = Field(max_length=16)  # paraf / pengesahan / cosign
    signer: str = Field(max_length=64)
    signed_at: datetime = _ts(nullable=False)
    data_hash: str = Field(max_length=64)
    note: str = Field(default="", max_length=400)


class QueueTicket(SQLModel, table=True):
    """The counter's queue: a ticket per applicant per day and service."""

    __tablename__ = "queue_ticket"
    __table_args__ = (UniqueConstraint("day", "service", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    day: date = Field(index=True)
    service: str = Field(max_length=16)  # "A" counter, "B" bendahara
    number: int
    state: str = Field(default="waiting", max_length=16)  # waiting/called/skipped/served
    counter: str = Field(default="", max_length=16)
    issued_at: datetime = _ts(nullable=False)
    called_at: datetime | None = _ts(nullable=True)
    calls: int = 0
    case_id: int | None = Field(default=None, foreign_key="faskim_case.id")
