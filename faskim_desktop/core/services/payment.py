"""Step 6: PNBP payment with a gapless receipt (kuitansi) number; voids keep both records."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop, validation
from faskim_desktop.core.errors import IllegalTransition, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.cosign import authenticate_cosigner
from faskim_desktop.store.tables import Payment

REFERENCE_METHODS = {"transfer", "edc", "qris"}  # methods that must carry a reference


@dataclass(frozen=True)
class DaySummary:
    day: date
    per_method: dict[str, tuple[int, int]]  # method -> (count, total)
    voided: int
    receipt_numbers: list[str]

    @property
    def total(self) -> int:
        return sum(total for _count, total in self.per_method.values())

    @property
    def count(self) -> int:
        return sum(count for count, _total in self.per_method.values())


def parse_amount(text: str) -> int:
    """Rupiah as typed: "400000", "400.000", "Rp 400.000,00"."""
    raw = text.strip().lower().replace("rp", "").replace(" ", "")
    if raw.endswith((",00", ",0")):
        raw = raw.rsplit(",", 1)[0]
    raw = raw.replace(".", "")
    # ASCII digits only and a sane length: str.isdigit() also accepts "²" or other scripts'
    # digits, which int() then refuses with a bare ValueError.
    if not re.fullmatch(r"[0-9]{1,15}", raw):
        raise ValidationError("payment.amount_format", field="amount")
    return int(raw)


class PaymentService(StepService):
    def amount_due(self, day: date | None = None) -> int:
        with self.ws.store.read() as session:
            return office.fee_on(session, day or clock.today()).amount

    def pay(self, case: CaseRef | int, amount_typed: str, method: str, reference: str = "") -> Payment:
        amount = parse_amount(amount_typed)
        reference = validation.text(reference, "reference", 100)
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.PAY, self.actor)
            if method not in office.get(session, "payment_methods"):
                raise ValidationError("payment.method", field="method")
            if method in REFERENCE_METHODS and not reference:
                raise ValidationError("payment.reference_required", field="reference")
            due = office.fee_on(session, clock.today()).amount
            if amount != due:
                raise ValidationError("payment.amount_mismatch", field="amount", due=f"{due:,}".replace(",", "."))
            number = self.next_number(session, "receipt", "receipt_number_format")
            payment = Payment(case_id=found.id, receipt_no=number, amount=amount, method=method,
                              reference=reference, paid_at=clock.now(), cashier=self.actor.username)
            session.add(payment)
            session.flush()
            found.receipt_no = number
            case_machine.apply(session, found, sop.Action.PAY, self.actor,
                               {"receipt_no": number, "amount": amount, "method": method})
            return payment

    def void(self, payment_id: int, reason: str, supervisor: str, supervisor_password: str) -> CaseRef:
        """Void a payment taken in error: needs the supervisor and a reason; the record stays,
        marked void, and the case goes back to the cashier for a new receipt."""
        reason = validation.text(reason, "void_reason", 400, required=True)
        cosigner = authenticate_cosigner(self.ws, self.actor, supervisor, supervisor_password, Role.SUPERVISOR)
        self.actor.require(Role.BENDAHARA, Role.SUPERVISOR)
        with self.transaction() as session:
            payment = session.get(Payment, payment_id)
            if payment is None or payment.voided_at is not None:
                raise IllegalTransition("payment.not_voidable")
            found = self._case(session, payment.case_id)
            case_machine.check_allowed(found, sop.Action.VOID_PAYMENT, cosigner)
            payment.voided_at = clock.now()
            payment.voided_by = cosigner.username
            payment.void_reason = reason
            session.add(payment)
            found.receipt_no = ""
            case_machine.apply(session, found, sop.Action.VOID_PAYMENT, cosigner,
                               {"receipt_no": payment.receipt_no, "requested_by": self.actor.username}, reason)
            audit.append(session, self.actor.username, "payment.void_requested", "payment", payment.id, {})
            return ref(found)

    def payments_of(self, case_id: int) -> list[Payment]:
        with self.ws.store.read() as session:
            return list(session.execute(
                select(Payment).where(Payment.case_id == case_id).order_by(Payment.id)).scalars())

    def day_summary(self, day: date) -> DaySummary:
        start = datetime.combine(day, time.min).astimezone()
        end = start + timedelta(days=1)
        with self.ws.store.read() as session:
            rows = session.execute(
                select(Payment).where(Payment.paid_at >= start, Payment.paid_at < end).order_by(Payment.receipt_no)
            ).scalars().all()
        per_method: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        voided = 0
        for row in rows:
            if row.voided_at is not None:
                voided += 1
                continue
            per_method[row.method][0] += 1
            per_method[row.method][1] += row.amount
        return DaySummary(day, {k: (v[0], v[1]) for k, v in sorted(per_method.items())}, voided,
                          [r.receipt_no for r in rows])


messages.register(
    {
        "payment.amount_format": {
            "id": "Jumlah tidak dikenali. Tulis angka rupiah, mis. 400000 atau 400.000.",
            "en": "Amount not recognised. Write rupiah digits, e.g. 400000 or 400.000.",
        },
        "payment.amount_mismatch": {
            "id": "Jumlah yang diketik tidak sama dengan tarif PNBP hari ini (Rp {due}). Periksa lagi uang yang diterima.",
            "en": "The amount typed differs from today's PNBP fee (Rp {due}). Check the money received again.",
        },
        "payment.method": {"id": "Pilih cara pembayaran.", "en": "Choose the payment method."},
        "payment.reference_required": {
            "id": "Isi nomor referensi transaksi untuk pembayaran non-tunai.",
            "en": "Enter the transaction reference for a non-cash payment.",
        },
        "payment.not_voidable": {
            "id": "Pembayaran ini tidak dapat dibatalkan (tidak ada atau sudah batal).",
            "en": "This payment cannot be voided (missing or already void).",
        },
    }
)
