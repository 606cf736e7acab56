"""Steps 8 and 9: the register number, the card print record, and the head of office's signature."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop, validation
from faskim_desktop.core.errors import IllegalTransition, PermissionDenied, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.cosign import authenticate_cosigner
from faskim_desktop.core.services.signing import data_hash, record_signature
from faskim_desktop.store.tables import CardPrint, Case, Foreigner, Signature


def card_valid_until(person: Foreigner | None, max_age: int) -> date | None:
    """The passport's expiry, but never past the child's ``max_age``-th birthday."""
    if person is None:
        return None
    limits = [d for d in (person.passport_expiry,) if d]
    if person.birth_date:
        born = person.birth_date
        try:
            limits.append(born.replace(year=born.year + max_age))
        except ValueError:  # born on 29 February
            limits.append(date(born.year + max_age, 3, 1))
    return min(limits) if limits else None


@dataclass(frozen=True)
class PrintCount:
    completed: int
    failed: int
    spoiled: int


class IssuanceService(StepService):
    # --- Step 8 --------------------------------------------------------------------------------

    def assign_register(self, case: CaseRef | int) -> CaseRef:
        """Allocated by the store in the same transaction as the step: gapless, never reused."""
        with self.transaction() as session:
            found = self._case(session, case)
            actor = case_machine.system_or(self.actor, found)
            case_machine.check_allowed(found, sop.Action.ASSIGN_REGISTER, actor)
            if found.register_no:
                raise IllegalTransition("issuance.has_register", number=found.number)
            found.register_no = self.next_number(session, "register", "register_number_format")
            person = session.get(Foreigner, found.foreigner_id) if found.foreigner_id else None
            found.card_valid_until = card_valid_until(person, int(office.get(session, "card_max_age")))
            case_machine.apply(session, found, sop.Action.ASSIGN_REGISTER, actor, {"register_no": found.register_no})
            return ref(found)

    # --- Step 9: printing ----------------------------------------------------------------------

    def begin_print(self, case: CaseRef | int, printer: str) -> int:
        """Account for a blank card before it goes to the printer; returns the print record id."""
        with self.transaction() as session:
            found = self._case(session, case)
            if found.state != sop.State.CETAK.value:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            self.actor.require(Role.LOKET)
            pending = session.execute(
                select(CardPrint).where(CardPrint.case_id == found.id, CardPrint.state == "pending")
            ).scalars().first()
            if pending is not None:  # a retried job reuses its record: the card is not counted twice
                return pending.id or 0
            attempts = session.execute(
                select(func.count()).select_from(CardPrint).where(CardPrint.case_id == found.id)
            ).scalar_one()
            row = CardPrint(case_id=found.id, attempt=attempts + 1, printer=printer[:100], created_at=clock.now(),
                            created_by=self.actor.username)
            session.add(row)
            session.flush()
            audit.append(session, self.actor.username, "card.print_begin", "case", found.id, {"attempt": row.attempt})
            return row.id or 0

    def job_submitted(self, print_id: int, job_id: str) -> None:
        with self.transaction() as session:
            row = session.get(CardPrint, print_id)
            if row is None:
                raise ValidationError("issuance.no_print", field="print")
            row.job_id = job_id[:64]
            session.add(row)

    def finish_print(self, print_id: int, succeeded: bool, reason: str = "") -> CaseRef:
        """The printer's final word on a job. Success moves the case to signature; a failure is
        recorded (the card is spoiled only if one was consumed) and the print can be retried."""
        with self.transaction() as session:
            row = session.get(CardPrint, print_id)
            if row is None or row.state != "pending":
                raise ValidationError("issuance.no_print", field="print")
            found = self._case(session, row.case_id)
            row.finished_at = clock.now()
            row.reason = reason[:400]
            if succeeded:
                row.state = "completed"
                session.add(row)
                case_machine.apply(session, found, sop.Action.PRINT_CARD, self.actor,
                                   {"attempt": row.attempt, "job": row.job_id})
            else:
                row.state = "failed"
                session.add(row)
                audit.append(session, self.actor.username, "card.print_failed", "case", found.id,
                             {"attempt": row.attempt, "reason": reason[:200]})
            return ref(found)

    def reprint(self, case: CaseRef | int, reason: str, supervisor: str, supervisor_password: str) -> CaseRef:
        """A printed card is spoiled (misprint, damage): it stays counted, and the case returns
        to printing with the supervisor's consent and a reason."""
        reason = validation.text(reason, "reason", 400, required=True)
        cosigner = authenticate_cosigner(self.ws, self.actor, supervisor, supervisor_password, Role.SUPERVISOR)
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.REPRINT, cosigner)
            last = session.execute(
                select(CardPrint).where(CardPrint.case_id == found.id, CardPrint.state == "completed")
                .order_by(CardPrint.id.desc())
            ).scalars().first()
            if last is not None:
                last.state = "spoiled"
                last.reason = reason
                last.authorised_by = cosigner.username
                session.add(last)
            case_machine.apply(session, found, sop.Action.REPRINT, cosigner,
                               {"requested_by": self.actor.username}, reason)
            return ref(found)

    def print_count(self, case_id: int | None = None, day: date | None = None) -> PrintCount:
        with self.ws.store.read() as session:
            query = select(CardPrint.state, func.count()).group_by(CardPrint.state)
            if case_id is not None:
                query = query.where(CardPrint.case_id == case_id)
            counts = dict(session.execute(query).all())
        return PrintCount(counts.get("completed", 0), counts.get("failed", 0), counts.get("spoiled", 0))

    # --- Step 9: signature ---------------------------------------------------------------------

    def may_sign(self, session: Session) -> bool:
        return self.actor.has(Role.KAKANIM) or self.actor.username in office.get(session, "signers")

    def sign(self, case: CaseRef | int, stamp_applied: bool = True) -> CaseRef:
        """The Kakanim (or designated official) signs: bound to the case's data hash."""
        with self.transaction() as session:
            found = self._case(session, case)
            if not self.may_sign(session):
                raise PermissionDenied("issuance.not_signer")
            signer = self.actor if self.actor.has(Role.KAKANIM) else case_machine.with_role(self.actor, Role.KAKANIM)
            case_machine.check_allowed(found, sop.Action.SIGN, signer)
            if office.get(session, "signer_may_not_approve"):
                approvers = set(session.execute(
                    select(Signature.signer).where(Signature.case_id == found.id, Signature.kind == "paraf")
                ).scalars())
                case_machine.require_not(self.actor, approvers, "issuance.signer_approved")
            if not stamp_applied:
                raise ValidationError("issuance.stamp_required", field="stamp")
            digest = data_hash(session, found)
            found.data_hash = digest
            record_signature(session, found, "pengesahan", signer, digest,
                             note=f"stamp+register {found.register_no}")
            case_machine.apply(session, found, sop.Action.SIGN, signer,
                               {"data_hash": digest, "register_no": found.register_no, "stamp": True})
            return ref(found)

    def awaiting_signature(self) -> list[Case]:
        with self.ws.store.read() as session:
            return list(session.execute(
                select(Case).where(Case.state == sop.State.PENGESAHAN.value).order_by(Case.updated_at)
            ).scalars())


messages.register(
    {
        "issuance.has_register": {
            "id": "Berkas {number} sudah memiliki nomor register.",
            "en": "File {number} already has a register number.",
        },
        "issuance.no_print": {"id": "Catatan cetak tidak ditemukan.", "en": "Print record not found."},
        "issuance.not_signer": {
            "id": "Anda bukan Kepala Kantor atau pejabat yang ditunjuk untuk menandatangani.",
            "en": "You are not the head of office or an official designated to sign.",
        },
        "issuance.signer_approved": {
            "id": "Anda telah memberi paraf pada berkas ini; pengesahan harus oleh pejabat lain.",
            "en": "You initialled this file; another official must sign it.",
        },
        "issuance.stamp_required": {
            "id": "Bubuhkan cap dinas dan nomor register sebelum menandatangani.",
            "en": "Apply the office stamp and register number before signing.",
        },
    }
)
