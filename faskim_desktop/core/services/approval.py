"""Step 5: the official's approval (paraf), or the file back to the counter with reasons."""

from __future__ import annotations

import json
from collections.abc import Sequence

from faskim_desktop.core import case_machine, clock, messages, sop, validation
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.signing import data_hash, record_signature


class ApprovalService(StepService):
    def approve(self, case: CaseRef | int, note: str = "") -> CaseRef:
        note = validation.text(note, "note", 400)
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.APPROVE, self.actor)
            case_machine.require_not(self.actor, case_machine.entered_data_by(session, found),
                                     "approval.own_entry")
            digest = data_hash(session, found)
            record_signature(session, found, "paraf", self.actor, digest, note)
            found.paraf_by = self.actor.username
            found.paraf_at = clock.now()
            found.correction_reasons = ""
            case_machine.apply(session, found, sop.Action.APPROVE, self.actor, {"data_hash": digest}, note)
            return ref(found)

    def return_for_correction(self, case: CaseRef | int, reasons: Sequence[str]) -> CaseRef:
        """SOP ketidaksesuaian: each discrepancy named; the counter corrects and resubmits."""
        cleaned = [validation.text(r, "reasons", 400) for r in reasons]
        cleaned = [r for r in cleaned if r]
        if not cleaned:
            raise ValidationError("approval.reasons_required", field="reasons")
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.RETURN_FOR_CORRECTION, self.actor)
            found.correction_reasons = json.dumps(cleaned, ensure_ascii=False)
            case_machine.apply(
                session, found, sop.Action.RETURN_FOR_CORRECTION, self.actor, {"reasons": cleaned},
                note="; ".join(cleaned),
            )
            return ref(found)


messages.register(
    {
        "approval.own_entry": {
            "id": "Anda yang mengentri data berkas ini, sehingga tidak boleh menyetujuinya. Serahkan ke pejabat lain.",
            "en": "You entered this file's data, so you may not approve it. Pass it to another official.",
        },
        "approval.reasons_required": {
            "id": "Sebutkan sekurang-kurangnya satu ketidaksesuaian.",
            "en": "Name at least one discrepancy.",
        },
    }
)
