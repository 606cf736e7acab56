"""The kuitansi (SOP step 6) and the bendahara's daily cash summary as the store holds them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.core import clock
from faskim_desktop.documents.compose.receipt import office_model, official
from faskim_desktop.documents.models import CashEntry, CashSummaryData, KuitansiData
from faskim_desktop.store.tables import Case, Foreigner, Payment

BENDAHARA_POSITION = "Bendahara Penerima"
# The store's method codes -> the renderer's (documents/formatting.METHODS).
METHOD_CODES = {"tunai": "cash", "transfer": "transfer", "edc": "edc", "qris": "qris"}


def _payer(case: Case, applicant: str) -> str:
    """Who handed over the money: the representative under a power of attorney, else the
    sponsoring parent, else the applicant."""
    if case.applicant_kind == "kuasa" and case.representative_name:
        return case.representative_name
    return case.sponsor_name or applicant


def kuitansi_data(session: Session, payment_id: int) -> KuitansiData:
    payment = session.get(Payment, payment_id)
    if payment is None:
        raise LookupError(f"payment {payment_id}")
    case = session.get(Case, payment.case_id)
    assert case is not None
    person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
    applicant = person.name if person else ""
    return KuitansiData(
        office=office_model(session),
        receipt_number=payment.receipt_no,
        paid_at=(clock.aware(payment.paid_at) or payment.paid_at).astimezone(),
        payer_name=_payer(case, applicant),
        applicant_name=applicant,
        application_number=case.number,
        amount=payment.amount,
        method=METHOD_CODES.get(payment.method, payment.method),
        bendahara=official(session, payment.cashier, BENDAHARA_POSITION),
        reference=payment.reference,
        voided=payment.voided_at is not None,
        void_reason=payment.void_reason,
        voided_at=(clock.aware(payment.voided_at) or payment.voided_at).astimezone() if payment.voided_at else None,
        voided_by=payment.voided_by,
    )


def latest_payment_id(session: Session, case_id: int) -> int | None:
    return session.execute(
        select(Payment.id).where(Payment.case_id == case_id).order_by(Payment.id.desc())
    ).scalars().first()


def cash_summary_data(session: Session, day: dt.date, bendahara: str, cashier: str | None = None) -> CashSummaryData:
    """Every receipt issued on ``day`` (local time), voided ones marked; ``cashier`` narrows it to
    one bendahara's receipts."""
    start = dt.datetime.combine(day, dt.time.min).astimezone()
    end = start + dt.timedelta(days=1)
    query = (
        select(Payment, Case.number)
        .join(Case, Case.id == Payment.case_id)
        .where(Payment.paid_at >= start, Payment.paid_at < end)
        .order_by(Payment.receipt_no)
    )
    if cashier:
        query = query.where(Payment.cashier == cashier)
    entries = tuple(
        CashEntry(
            receipt_number=payment.receipt_no,
            paid_at=(clock.aware(payment.paid_at) or payment.paid_at).astimezone(),
            application_number=number,
            method=METHOD_CODES.get(payment.method, payment.method),
            amount=payment.amount,
            voided=payment.voided_at is not None,
        )
        for payment, number in session.execute(query).all()
    )
    return CashSummaryData(
        office=office_model(session), day=day, entries=entries,
        bendahara=official(session, bendahara, BENDAHARA_POSITION), generated_at=clock.now().astimezone(),
    )
