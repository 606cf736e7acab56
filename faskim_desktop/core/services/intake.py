"""Langkah Awal at the counter: receive the file (1), check it (2), enter the data (3), scan it (4a).

Step 4, the cekal screening, runs right after the data is saved (``screening_step``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop, validation
from faskim_desktop.core.errors import IllegalTransition, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.transliteration import to_mrz_name
from faskim_desktop.store.tables import Case, CaseStep, DocumentCheck, Foreigner, StoredFile

DOC_STATUSES = ("valid", "invalid", "missing")
REQUIRED_SCANS = ("formulir", "surat_permohonan")
SCAN_CATEGORIES = ("formulir", "surat_permohonan", "lainnya")


@dataclass(frozen=True)
class Receipt:
    applicant_kind: str = "pemohon"  # pemohon / kuasa
    representative_name: str = ""
    representative_id_no: str = ""
    power_of_attorney_ref: str = ""
    received: tuple[str, ...] = ()  # checklist codes received


@dataclass(frozen=True)
class DocumentVerdict:
    status: str  # valid / invalid / missing
    note: str = ""


@dataclass
class EntryData:
    """Step 3 as typed: every field the SOP lists, plus the data it says to show and complete.

    Values are the raw strings of the form; ``validate`` turns them into typed values or
    collects every field's error at once.
    """

    kategori: str = "Fasilitas Keimigrasian"
    produk: str = "Kartu Fasilitas Keimigrasian"
    jenis_dokim: str = "Affidavit"
    izin_tinggal_ke: str = "1"
    tujuan: str = ""
    waktu: str = ""
    niora: str = ""
    nama_pemohon: str = ""
    sex: str = ""
    birth_place: str = ""
    tanggal_lahir: str = ""
    nationality: str = ""
    passport_no: str = ""
    passport_expiry: str = ""
    passport_source: str = "typed"
    sponsor_nik: str = ""
    sponsor_name: str = ""
    sponsor_address: str = ""
    sponsor_contact: str = ""
    sponsor_relation: str = ""
    nama_pengurus: str = ""
    nama_biro_jasa: str = ""
    landing_date: str = ""
    landing_port: str = ""
    landing_vessel: str = ""
    stay_permit_type: str = ""
    stay_permit_no: str = ""
    stay_permit_expiry: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CleanEntry:
    case_fields: dict[str, object]
    foreigner_fields: dict[str, object]


def validate(entry: EntryData) -> CleanEntry:
    """All fields checked; raises one ValidationError listing every field that failed."""
    errors: dict[str, ValidationError] = {}
    clean_case: dict[str, object] = {}
    clean_person: dict[str, object] = {}

    def check(target: dict[str, object], key: str, func, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        try:
            target[key] = func(*args, **kwargs)
        except ValidationError as err:
            errors[err.field or key] = err

    t = validation.text
    check(clean_case, "kategori", t, entry.kategori, "kategori", 64, True)
    check(clean_case, "produk", t, entry.produk, "produk", 64, True)
    check(clean_case, "jenis_dokim", t, entry.jenis_dokim, "jenis_dokim", 64, True)
    check(clean_case, "izin_tinggal_ke", validation.positive_int, entry.izin_tinggal_ke, "izin_tinggal_ke")
    check(clean_case, "tujuan", t, entry.tujuan, "tujuan", 200, True)
    check(clean_case, "waktu", t, entry.waktu, "waktu", 64, False)
    check(clean_case, "sponsor_nik", validation.nik, entry.sponsor_nik, "sponsor_nik")
    check(clean_case, "sponsor_name", validation.person_name, entry.sponsor_name, "sponsor_name")
    check(clean_case, "sponsor_address", t, entry.sponsor_address, "sponsor_address", 400, True)
    check(clean_case, "sponsor_contact", t, entry.sponsor_contact, "sponsor_contact", 64, False)
    check(clean_case, "sponsor_relation", t, entry.sponsor_relation, "sponsor_relation", 32, False)
    check(clean_case, "nama_pengurus", validation.person_name, entry.nama_pengurus, "nama_pengurus", False)
    check(clean_case, "nama_biro_jasa", t, entry.nama_biro_jasa, "nama_biro_jasa", 200, False)
    check(clean_case, "landing_date", validation.past_date, entry.landing_date, "landing_date", False)
    check(clean_case, "landing_port", t, entry.landing_port, "landing_port", 100, False)
    check(clean_case, "landing_vessel", t, entry.landing_vessel, "landing_vessel", 64, False)
    check(clean_case, "stay_permit_type", t, entry.stay_permit_type, "stay_permit_type", 32, False)
    check(clean_case, "stay_permit_no", t, entry.stay_permit_no, "stay_permit_no", 64, False)
    check(clean_case, "stay_permit_expiry", validation.parse_date, entry.stay_permit_expiry,
          "stay_permit_expiry", False)
    check(clean_person, "niora", t, entry.niora, "niora", 32, False)
    check(clean_person, "name", validation.person_name, entry.nama_pemohon, "nama_pemohon")
    check(clean_person, "sex", validation.sex, entry.sex, "sex")
    check(clean_person, "birth_place", t, entry.birth_place, "birth_place", 100, False)
    check(clean_person, "birth_date", validation.past_date, entry.tanggal_lahir, "tanggal_lahir")
    check(clean_person, "nationality", validation.country, entry.nationality, "nationality")
    check(clean_person, "passport_no", validation.passport_number, entry.passport_no, "passport_no")
    check(clean_person, "passport_expiry", validation.future_date, entry.passport_expiry, "passport_expiry")
    if entry.passport_source not in {"typed", "mrz", "chip"}:
        errors["passport_source"] = ValidationError("val.required", field="passport_source")
    clean_person["passport_source"] = entry.passport_source
    if errors:
        first = next(iter(errors.values()))
        raise ValidationError("entry.invalid", field=first.field, count=len(errors), errors=errors)
    return CleanEntry(clean_case, clean_person)


class IntakeService(StepService):
    # --- Step 1 --------------------------------------------------------------------------------

    def open_case(self, queue_ticket: str = "") -> CaseRef:
        self.actor.require(Role.LOKET)
        now = clock.now()
        with self.transaction() as session:
            number = self.next_number(session, "application", "application_number_format", now)
            case = Case(
                number=number, state=sop.INITIAL_STATE.value, created_at=now, created_by=self.actor.username,
                updated_at=now, queue_ticket=queue_ticket[:16],
            )
            session.add(case)
            session.flush()
            for item in office.get(session, "document_checklist"):
                session.add(DocumentCheck(case_id=case.id, doc_code=item["code"], required=bool(item["required"])))
            case_machine.enter(session, case, sop.INITIAL_STATE)
            session.flush()
            case_machine.start(session, case, self.actor)
            audit.append(session, self.actor.username, "case.open", "case", case.id, {"number": number})
            return ref(case)

    def save_receipt_draft(self, case: CaseRef | int, receipt: Receipt) -> CaseRef:
        """Keep what is ticked so far without finishing step 1 (nothing typed is lost)."""
        with self.transaction() as session:
            found = self._case(session, case)
            self._require_state(found, sop.State.TERIMA)
            self._write_receipt(session, found, receipt)
            found.version += 1
            found.updated_at = clock.now()
            session.add(found)
            return ref(found)

    def receive(self, case: CaseRef | int, receipt: Receipt) -> CaseRef:
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.RECEIVE, self.actor)
            if receipt.applicant_kind not in {"pemohon", "kuasa"}:
                raise ValidationError("intake.applicant_kind", field="applicant_kind")
            if receipt.applicant_kind == "kuasa":
                validation.person_name(receipt.representative_name, "representative_name")
                validation.text(receipt.representative_id_no, "representative_id_no", 40, True)
                if "surat_kuasa" not in receipt.received:
                    raise ValidationError("intake.poa_required", field="surat_kuasa")
            if not receipt.received:
                raise ValidationError("intake.nothing_received", field="received")
            self._write_receipt(session, found, receipt)
            case_machine.apply(session, found, sop.Action.RECEIVE, self.actor, {"documents": len(receipt.received)})
            return ref(found)

    def _write_receipt(self, session: Session, case: Case, receipt: Receipt) -> None:
        case.applicant_kind = receipt.applicant_kind
        case.representative_name = validation.text(receipt.representative_name, "representative_name", 200)
        case.representative_id_no = validation.text(receipt.representative_id_no, "representative_id_no", 40)
        case.power_of_attorney_ref = validation.text(receipt.power_of_attorney_ref, "power_of_attorney_ref", 100)
        checks = self.checklist(session, case.id or 0)
        known = {c.doc_code for c in checks}
        unknown = set(receipt.received) - known
        if unknown:
            raise ValidationError("intake.unknown_document", field="received", code=", ".join(sorted(unknown)))
        for check in checks:
            check.received = check.doc_code in receipt.received
            session.add(check)

    @staticmethod
    def checklist(session: Session, case_id: int) -> list[DocumentCheck]:
        return list(
            session.execute(
                select(DocumentCheck).where(DocumentCheck.case_id == case_id).order_by(DocumentCheck.id)
            ).scalars()
        )

    # --- Step 2 --------------------------------------------------------------------------------

    def check_documents(self, case: CaseRef | int, verdicts: Mapping[str, DocumentVerdict]) -> CaseRef:
        """Judge each document. All required ones valid: the file goes on with the officer's
        paraf; otherwise it is returned and the case ends (a return slip lists why)."""
        with self.transaction() as session:
            found = self._case(session, case)
            self._require_state(found, sop.State.PERIKSA)
            checks = self.checklist(session, found.id or 0)
            missing_verdict = [c.doc_code for c in checks if c.required and c.doc_code not in verdicts]
            if missing_verdict:
                raise ValidationError("intake.verdict_missing", field=missing_verdict[0],
                                      documents=", ".join(missing_verdict))
            for check in checks:
                verdict = verdicts.get(check.doc_code)
                if verdict is None:
                    continue
                if verdict.status not in DOC_STATUSES:
                    raise ValidationError("intake.bad_status", field=check.doc_code)
                if verdict.status != "valid" and not verdict.note.strip():
                    raise ValidationError("intake.note_required", field=check.doc_code)
                check.status = verdict.status
                check.note = validation.text(verdict.note, check.doc_code, 400)
                session.add(check)
            complete = all(c.status == "valid" for c in checks if c.required)
            if complete:
                found.paraf_by = self.actor.username
                found.paraf_at = clock.now()
                case_machine.apply(session, found, sop.Action.CHECK_COMPLETE, self.actor)
            else:
                problems = [c.doc_code for c in checks if c.required and c.status != "valid"]
                case_machine.apply(
                    session, found, sop.Action.CHECK_INCOMPLETE, self.actor, {"problems": problems}
                )
            return ref(found)

    def reopen_as_new(self, case: CaseRef | int) -> CaseRef:
        """A returned file brought back complete becomes a new application (the old one stays)."""
        self.actor.require(Role.LOKET)
        with self.transaction() as session:
            old = self._case(session, case, lock=False)
            if old.state != sop.State.DIKEMBALIKAN.value:
                raise IllegalTransition("intake.not_returned", number=old.number)
            old_number = old.number
            receipt = Receipt(
                old.applicant_kind, old.representative_name, old.representative_id_no, old.power_of_attorney_ref,
            )
        new = self.open_case()
        with self.transaction() as session:
            found = self._case(session, new.id)
            found.applicant_kind = receipt.applicant_kind
            found.representative_name = receipt.representative_name
            found.representative_id_no = receipt.representative_id_no
            found.power_of_attorney_ref = receipt.power_of_attorney_ref
            session.add(found)
            audit.append(session, self.actor.username, "case.reopened_from", "case", found.id, {"from": old_number})
            return ref(found)

    # --- Step 3 --------------------------------------------------------------------------------

    def save_draft(self, case: CaseRef | int, entry: EntryData) -> CaseRef:
        """Persist the form as typed, valid or not, so closing the app loses nothing."""
        with self.transaction() as session:
            found = self._case(session, case)
            self._require_state(found, sop.State.ENTRI)
            draft = json.dumps(asdict(entry), ensure_ascii=False)
            if len(draft) > 50_000:
                raise ValidationError("val.too_long", field="draft", max=50_000, length=len(draft))
            found.entry_draft = draft
            found.version += 1
            found.updated_at = clock.now()
            session.add(found)
            return ref(found)

    def load_entry(self, case_id: int) -> EntryData:
        """The form's content: the saved draft, else what the case holds."""
        with self.ws.store.read() as session:
            found = self._case(session, case_id, lock=False)
            if found.entry_draft:
                raw = json.loads(found.entry_draft)
                return EntryData(**{k: v for k, v in raw.items() if k in EntryData.__dataclass_fields__})
            person = session.get(Foreigner, found.foreigner_id) if found.foreigner_id else None
            return entry_from(found, person)

    def find_foreigner(self, niora: str = "", passport_no: str = "") -> Foreigner | None:
        with self.ws.store.read() as session:
            query = select(Foreigner)
            if niora.strip():
                query = query.where(Foreigner.niora == niora.strip())
            elif passport_no.strip():
                query = query.where(Foreigner.passport_no == passport_no.strip().upper())
            else:
                return None
            return session.execute(query.order_by(Foreigner.id.desc())).scalars().first()

    def open_cases_with_passport(self, passport_no: str, excluding: int | None = None) -> list[str]:
        """Numbers of other open cases for the same passport (the form warns about them)."""
        cleaned = passport_no.strip().upper()
        if not cleaned:
            return []
        with self.ws.store.read() as session:
            rows = session.execute(
                select(Case.number, Case.id)
                .join(Foreigner, Foreigner.id == Case.foreigner_id)
                .where(Foreigner.passport_no == cleaned, Case.state.not_in([s.value for s in sop.TERMINAL_STATES]))
            ).all()
            return [number for number, case_id in rows if case_id != excluding]

    def save_data(self, case: CaseRef | int, entry: EntryData) -> CaseRef:
        clean = validate(entry)
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.SAVE_DATA, self.actor)
            person = self._upsert_foreigner(session, clean.foreigner_fields)
            for key, value in clean.case_fields.items():
                setattr(found, key, value)
            found.foreigner_id = person.id
            found.entry_draft = ""
            correction = bool(found.correction_reasons)
            case_machine.apply(session, found, sop.Action.SAVE_DATA, self.actor, {"correction": correction})
            return ref(found)

    @staticmethod
    def _upsert_foreigner(session: Session, fields: Mapping[str, object]) -> Foreigner:
        # FOR NO KEY UPDATE (PostgreSQL), not FOR UPDATE: another seat updating a case of the same
        # applicant twice in one transaction (approval: paraf fields, then the state) re-checks the
        # case's foreign key with FOR KEY SHARE on this row; FOR UPDATE blocks that and, with the
        # audit-chain lock held by the other seat, deadlocks. SQLite ignores row locks.
        person = None
        if fields.get("niora"):
            person = session.execute(
                select(Foreigner).where(Foreigner.niora == fields["niora"]).with_for_update(key_share=True)
            ).scalars().first()
        if person is None:
            person = session.execute(
                select(Foreigner).where(
                    Foreigner.passport_no == fields["passport_no"], Foreigner.nationality == fields["nationality"]
                ).with_for_update(key_share=True)
            ).scalars().first()
        if person is None:
            person = Foreigner(passport_no=str(fields["passport_no"]), nationality=str(fields["nationality"]),
                               name=str(fields["name"]))
        else:
            person.version += 1
        for key, value in fields.items():
            setattr(person, key, value)
        person.name_key = to_mrz_name(str(fields["name"]))[:200]
        session.add(person)
        session.flush()
        return person

    # --- Step 4a: scanning the file ------------------------------------------------------------

    def add_scan_pages(self, case: CaseRef | int, category: str, pages: Iterable[bytes]) -> list[int]:
        """Store scanned pages (PNG) of one document category; returns the new file ids."""
        if category not in SCAN_CATEGORIES:
            raise ValidationError("intake.scan_category", field="category")
        with self.transaction() as session:
            found = self._case(session, case)
            self._require_state(found, sop.State.PINDAI_BERKAS, sop.State.ENTRI, sop.State.DITAHAN)
            existing = [f for f in self.files_of(session, found.id or 0, "scan") if f.category == category]
            page = max((f.page for f in existing), default=0)
            ids = []
            for data in pages:
                page += 1
                row = self.store_file(session, found, "scan", data, "image/png", category, page)
                ids.append(row.id or 0)
            return ids

    def delete_scan_page(self, file_id: int) -> None:
        with self.transaction() as session:
            row = session.get(StoredFile, file_id)
            if row is None or row.kind != "scan" or row.deleted_at is not None:
                raise ValidationError("intake.no_such_page", field="page")
            found = self._case(session, row.case_id or 0)
            self._require_state(found, sop.State.PINDAI_BERKAS, sop.State.ENTRI, sop.State.DITAHAN)
            row.deleted_at = clock.now()
            session.add(row)
            audit.append(session, self.actor.username, "file.delete", "file", row.id, {"case": found.id})

    def forward(self, case: CaseRef | int) -> CaseRef:
        """Send the scanned file to the official's approval queue."""
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.FORWARD, self.actor)
            scanned = {f.category for f in self.files_of(session, found.id or 0, "scan")}
            lacking = [c for c in REQUIRED_SCANS if c not in scanned]
            if lacking:
                raise ValidationError("intake.scan_required", field=lacking[0], documents=", ".join(lacking))
            case_machine.apply(session, found, sop.Action.FORWARD, self.actor)
            return ref(found)

    @staticmethod
    def _require_state(case: Case, *states: sop.State) -> None:
        if sop.State(case.state) not in states:
            raise IllegalTransition("case.wrong_step", number=case.number, state=case.state)


def entry_from(case: Case, person: Foreigner | None) -> EntryData:
    def d(value: date | None) -> str:
        return value.isoformat() if value else ""

    entry = EntryData(
        kategori=case.kategori or EntryData.kategori, produk=case.produk or EntryData.produk,
        jenis_dokim=case.jenis_dokim or EntryData.jenis_dokim,
        izin_tinggal_ke=str(case.izin_tinggal_ke or 1), tujuan=case.tujuan, waktu=case.waktu,
        sponsor_nik=case.sponsor_nik, sponsor_name=case.sponsor_name, sponsor_address=case.sponsor_address,
        sponsor_contact=case.sponsor_contact, sponsor_relation=case.sponsor_relation,
        nama_pengurus=case.nama_pengurus, nama_biro_jasa=case.nama_biro_jasa, landing_date=d(case.landing_date),
        landing_port=case.landing_port, landing_vessel=case.landing_vessel, stay_permit_type=case.stay_permit_type,
        stay_permit_no=case.stay_permit_no, stay_permit_expiry=d(case.stay_permit_expiry),
    )
    if person is not None:
        entry.niora = person.niora
        entry.nama_pemohon = person.name
        entry.sex = person.sex
        entry.birth_place = person.birth_place
        entry.tanggal_lahir = d(person.birth_date)
        entry.nationality = person.nationality
        entry.passport_no = person.passport_no
        entry.passport_expiry = d(person.passport_expiry)
        entry.passport_source = person.passport_source
    return entry


def step_history(session: Session, case_id: int) -> list[CaseStep]:
    return list(session.execute(select(CaseStep).where(CaseStep.case_id == case_id).order_by(CaseStep.id)).scalars())


messages.register(
    {
        "entry.invalid": {
            "id": "{count} isian belum benar. Perbaiki kolom yang ditandai merah.",
            "en": "{count} fields are not right yet. Fix the fields marked in red.",
        },
        "intake.applicant_kind": {"id": "Pilih pemohon atau kuasa.", "en": "Choose applicant or representative."},
        "intake.poa_required": {
            "id": "Permohonan melalui kuasa memerlukan surat kuasa. Centang surat kuasa bila sudah diterima.",
            "en": "An application by a representative needs the power of attorney. Tick it when received.",
        },
        "intake.nothing_received": {
            "id": "Belum ada dokumen yang dicentang sebagai diterima.",
            "en": "No document is ticked as received yet.",
        },
        "intake.unknown_document": {"id": "Dokumen tidak dikenal: {code}.", "en": "Unknown document: {code}."},
        "intake.verdict_missing": {
            "id": "Tentukan hasil pemeriksaan untuk: {documents}.",
            "en": "Record a verdict for: {documents}.",
        },
        "intake.bad_status": {"id": "Status dokumen tidak dikenal.", "en": "Unknown document status."},
        "intake.note_required": {
            "id": "Tulis alasan untuk dokumen yang tidak sah atau tidak ada.",
            "en": "Write a reason for a document that is invalid or missing.",
        },
        "intake.not_returned": {
            "id": "Berkas {number} tidak dalam status dikembalikan.",
            "en": "File {number} is not a returned file.",
        },
        "intake.scan_category": {"id": "Kategori pindaian tidak dikenal.", "en": "Unknown scan category."},
        "intake.no_such_page": {"id": "Halaman pindaian tidak ditemukan.", "en": "Scanned page not found."},
        "intake.scan_required": {
            "id": "Pindai dahulu: {documents}.",
            "en": "Scan these first: {documents}.",
        },
        "case.wrong_step": {
            "id": "Berkas {number} tidak berada pada tahap ini (sekarang: {state}).",
            "en": "File {number} is not at this step (now: {state}).",
        },
    }
)
