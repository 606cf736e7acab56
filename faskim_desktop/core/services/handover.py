"""Step 10: the card and passport handed over against the tanda terima and the kuitansi."""

from __future__ import annotations

import re

from faskim_desktop.core import case_machine, messages, sop, validation
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.base import CaseRef, StepService, ref


def scanned_number(text: str) -> str:
    """What a barcode scanner or a person typed: trimmed, upper-cased, stray spaces removed.

    A QR code of our documents carries the bare number; some scanners add a prefix such as
    ``FSK:``, which is dropped.
    """
    cleaned = re.sub(r"\s+", "", text or "").upper()
    return cleaned.split(":", 1)[1] if cleaned.startswith(("FSK:", "KW:", "PMH:")) else cleaned


class HandoverService(StepService):
    def hand_over(
        self, case: CaseRef | int, application_no: str, receipt_no: str, collector_kind: str,
        collector_name: str = "", collector_id_no: str = "",
    ) -> CaseRef:
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.HAND_OVER, self.actor)
            if scanned_number(application_no) != found.number.upper():
                raise ValidationError("handover.wrong_application", field="application_no")
            if not found.receipt_no or scanned_number(receipt_no) != found.receipt_no.upper():
                raise ValidationError("handover.wrong_receipt", field="receipt_no")
            if collector_kind not in {"pemohon", "kuasa"}:
                raise ValidationError("intake.applicant_kind", field="collector_kind")
            name = validation.person_name(collector_name, "collector_name", required=collector_kind == "kuasa")
            id_no = validation.text(collector_id_no, "collector_id_no", 40, required=collector_kind == "kuasa")
            found.collected_by = f"{collector_kind}:{name}" if name else collector_kind
            found.collected_id_no = id_no
            case_machine.apply(session, found, sop.Action.HAND_OVER, self.actor, {"collector": collector_kind})
            return ref(found)


messages.register(
    {
        "handover.wrong_application": {
            "id": "Nomor tanda terima tidak cocok dengan berkas ini. Jangan serahkan; periksa tanda terima pemohon.",
            "en": "The receipt number does not match this file. Do not hand over; check the applicant's receipt.",
        },
        "handover.wrong_receipt": {
            "id": "Nomor kuitansi tidak cocok dengan pembayaran berkas ini. Jangan serahkan; periksa kuitansi.",
            "en": "The kuitansi number does not match this file's payment. Do not hand over; check the kuitansi.",
        },
    }
)
