"""The child's name as the officer types it at step 1, kept before the data entry of step 3.

Step 1's tanda terima and step 2's return slip name the applicant, but the applicant record is
only made at step 3. The name typed at the counter is therefore kept as the start of the step-3
draft (``Case.entry_draft``, the same JSON ``IntakeService.save_draft`` writes), so it survives
a restart, prints on both documents and is already filled in when data entry begins.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlmodel import Session

from faskim_desktop.core import clock, sop, validation
from faskim_desktop.core.errors import IllegalTransition
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.intake import EntryData
from faskim_desktop.store.tables import Case

EARLY_STATES = (sop.State.TERIMA, sop.State.PERIKSA)


def draft_name(case: Case) -> str:
    """The applicant's name held in the case's draft ("" when none)."""
    if not case.entry_draft:
        return ""
    try:
        raw = json.loads(case.entry_draft)
    except ValueError:
        return ""
    return str(raw.get("nama_pemohon", "")) if isinstance(raw, dict) else ""


def applicant_name(session: Session, case_id: int) -> str:
    found = session.get(Case, case_id)
    return draft_name(found) if found is not None else ""


class ApplicantNameService(StepService):
    def remember(self, case: CaseRef | int, name: str) -> CaseRef:
        """Keep ``name`` (validated as a person's name, may be empty) in the case's draft."""
        self.actor.require(Role.LOKET)
        cleaned = validation.person_name(name, "applicant_name", required=False)
        with self.transaction() as session:
            found = self._case(session, case)
            if sop.State(found.state) not in EARLY_STATES:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            if draft_name(found) == cleaned:
                return ref(found)
            try:
                raw = json.loads(found.entry_draft) if found.entry_draft else asdict(EntryData())
            except ValueError:
                raw = asdict(EntryData())
            raw["nama_pemohon"] = cleaned
            found.entry_draft = json.dumps(raw, ensure_ascii=False)
            found.version += 1
            found.updated_at = clock.now()
            session.add(found)
            return ref(found)
