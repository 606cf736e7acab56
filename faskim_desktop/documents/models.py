"""Inputs of the document renderers: plain frozen dataclasses, filled by the services.

Every field is explicit and already in display form where the store has no better type (names,
numbers); dates are ``date``/``datetime`` and amounts integer rupiah. The renderers never look
anything up: what a document shows is exactly what its dataclass holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Office:
    """The issuing immigration office (kantor imigrasi)."""

    code: str  # short office code, e.g. "JKS"; also written into the seal
    name: str  # e.g. "Kantor Imigrasi Kelas I Khusus TPI Jakarta Selatan"
    address: str  # one line, e.g. "Jl. Warung Buncit Raya No. 207, Jakarta Selatan 12760"
    city: str  # place written before dates on letters, e.g. "Jakarta"
    phone: str = ""
    regional_office: str = ""  # "Kantor Wilayah ..." line of the letterhead, printed when given
    ministry: str = "Kementerian Imigrasi dan Pemasyarakatan Republik Indonesia"
    directorate: str = "Direktorat Jenderal Imigrasi"


@dataclass(frozen=True)
class Official:
    """A person who signs or handles a document (officer, bendahara, head of office)."""

    name: str
    position: str = ""  # jabatan, e.g. "Petugas Loket", "Bendahara Penerima"
    nip: str = ""  # civil-servant number, printed when given


# --- step 1: tanda terima ---------------------------------------------------------------------

@dataclass(frozen=True)
class ReceivedDocument:
    name: str  # e.g. "Paspor kebangsaan asing anak"
    original: bool = False  # asli (original) shown, else fotokopi
    copies: int = 1
    note: str = ""


@dataclass(frozen=True)
class ReceiptData:
    """Tanda terima permohonan (SOP step 1)."""

    office: Office
    application_number: str
    received_at: dt.datetime
    applicant_name: str  # the child (pemohon)
    submitted_by: str  # who handed the file in: the applicant/parent or the authorised representative
    documents: tuple[ReceivedDocument, ...]
    officer: Official
    is_representative: bool = False  # True when submitted_by holds a power of attorney
    power_of_attorney_ref: str = ""  # surat kuasa number/date when is_representative
    representative_relation: str = ""  # e.g. "Biro jasa PT ...", "Kakek"
    service: str = "Penerbitan Kartu Fasilitas Keimigrasian"
    passport_number: str = ""
    queue_ticket: str = ""
    estimated_collection: dt.date | None = None


# --- step 2: surat pengembalian berkas --------------------------------------------------------

@dataclass(frozen=True)
class DocumentProblem:
    name: str
    status: str  # "missing" | "invalid" (tidak ada / tidak sah)
    note: str = ""


@dataclass(frozen=True)
class ReturnSlipData:
    office: Office
    application_number: str
    returned_at: dt.datetime
    applicant_name: str
    submitted_by: str
    problems: tuple[DocumentProblem, ...]
    officer: Official
    slip_number: str = ""
    general_note: str = ""


# --- step 6: kuitansi and the bendahara's summary ---------------------------------------------

@dataclass(frozen=True)
class KuitansiData:
    office: Office
    receipt_number: str
    paid_at: dt.datetime
    payer_name: str  # "telah terima dari"
    applicant_name: str
    application_number: str
    amount: int  # rupiah
    method: str  # code: "cash" | "transfer" | "qris" | "edc" | "billing" (or any text, shown as is)
    bendahara: Official
    reference: str = ""  # bank/billing reference (kode billing SIMPONI, NTPN, EDC trace)
    purpose: str = "PNBP Penerbitan Kartu Fasilitas Keimigrasian"
    voided: bool = False
    void_reason: str = ""
    voided_at: dt.datetime | None = None
    voided_by: str = ""  # supervisor who approved the void


@dataclass(frozen=True)
class CashEntry:
    receipt_number: str
    paid_at: dt.datetime
    application_number: str
    method: str
    amount: int
    voided: bool = False


@dataclass(frozen=True)
class CashSummaryData:
    """Rekap penerimaan harian bendahara (count and total per method)."""

    office: Office
    day: dt.date
    entries: tuple[CashEntry, ...]
    bendahara: Official
    generated_at: dt.datetime | None = None


# --- steps 8-9: the card ----------------------------------------------------------------------

@dataclass(frozen=True)
class CardData:
    office: Office
    register_number: str
    name: str
    sex: str  # ICAO code: "M", "F" or "X"
    place_of_birth: str
    date_of_birth: dt.date
    nationality: str  # ICAO 3-letter code, e.g. "AUS"
    passport_number: str
    passport_expiry: dt.date
    niora: str
    issue_date: dt.date
    valid_until: dt.date
    signing_official: Official  # Kakanim or the designated official (pejabat yang ditunjuk)
    photo: bytes | None = None  # JPEG/PNG bytes; a placeholder is drawn when None or unreadable
    nationality_name: str = ""  # e.g. "AUSTRALIA"; the code is shown when empty


# --- issue 9: reports -------------------------------------------------------------------------

@dataclass(frozen=True)
class CounterDailyReportData:
    """Laporan harian loket: how many cases reached each outcome on ``day``."""

    office: Office
    day: dt.date
    received: int
    returned: int
    approved: int
    paid: int
    printed: int
    handed_over: int
    archived: int
    cards_spoiled: int
    held_cekal: int = 0
    rejected: int = 0
    prepared_by: Official | None = None
    generated_at: dt.datetime | None = None
    notes: str = ""


@dataclass(frozen=True)
class PaymentRecord:
    """A payment as the store holds it (what the bendahara took)."""

    payment_id: str
    application_number: str
    method: str
    amount: int
    receipt_number: str | None  # the kuitansi it produced; None when none was printed
    voided: bool = False


@dataclass(frozen=True)
class IssuedReceipt:
    """A kuitansi number as issued (from the receipt-number ledger)."""

    receipt_number: str
    amount: int
    voided: bool = False


@dataclass(frozen=True)
class PaymentDailyReportData:
    office: Office
    day: dt.date
    payments: tuple[PaymentRecord, ...]
    receipts: tuple[IssuedReceipt, ...]
    bendahara: Official
    generated_at: dt.datetime | None = None


@dataclass(frozen=True)
class SlaStep:
    step: int  # 1..11
    name: str  # e.g. "Terima berkas"
    cases: int
    median_minutes: float | None
    p90_minutes: float | None
    mutu_baku_minutes: float
    share_within: float | None  # 0..1
    mean_wait_minutes: float | None = None  # waiting before the step


@dataclass(frozen=True)
class SlaReportData:
    office: Office
    year: int
    month: int  # 1..12
    steps: tuple[SlaStep, ...]
    cases_started: int = 0
    cases_finished: int = 0
    returned: int = 0
    held: int = 0
    rejected: int = 0
    generated_at: dt.datetime | None = None
    cases_per_day: tuple[tuple[dt.date, int], ...] = field(default_factory=tuple)
