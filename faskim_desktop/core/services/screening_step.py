"""Step 4: the automatic cekal check and Wasdakim's decision on a possible hit."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from faskim_desktop.core import case_machine, clock, messages, sop, validation
from faskim_desktop.core.errors import IllegalTransition
from faskim_desktop.core.screening.service import Screener, ScreeningOutcome, ScreeningQuery
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.store.tables import Case, Foreigner, Screening


@dataclass(frozen=True)
class ScreeningView:
    screening_id: int
    hit: bool
    hits: list[dict]
    decision: str
    decided_by: str
    decision_reason: str
    list_version: int | None


def outcome_json(outcome: ScreeningOutcome) -> str:
    return json.dumps(
        [
            {
                "entry": h.entry, "score": h.score, "list_type": h.list_type, "name": h.name,
                "reasons": [{"code": r.code, "params": dict(r.params)} for r in h.reasons],
            }
            for h in outcome.hits
        ],
        ensure_ascii=False, default=str,
    )


def query_for(case: Case, person: Foreigner) -> ScreeningQuery:
    return ScreeningQuery(
        name=person.name,
        dob=person.birth_date.isoformat() if person.birth_date else None,
        nationality=person.nationality or None,
        passport=person.passport_no or None,
    )


class ScreeningStepService(StepService):
    def screen(self, case: CaseRef | int) -> CaseRef:
        """Screen the saved applicant; a possible hit holds the case for Wasdakim.

        The screening reads outside the write transaction (it can take a few milliseconds on a
        national list), then the result and the transition commit together.
        """
        with self.ws.store.read() as session:
            found = self._case(session, case, lock=False)
            if found.state != sop.State.CEKAL.value:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            person = session.get(Foreigner, found.foreigner_id) if found.foreigner_id else None
            if person is None:
                raise IllegalTransition("screening.no_applicant", number=found.number)
            query = query_for(found, person)
        outcome = Screener(self.ws.store).screen(query)
        with self.transaction() as session:
            found = self._case(session, found.id or 0)
            system = case_machine.system_or(self.actor, found)
            action = sop.Action.SCREEN_HIT if outcome.hit else sop.Action.SCREEN_CLEAR
            case_machine.check_allowed(found, action, system)
            session.add(Screening(
                case_id=found.id, ran_at=clock.now(), list_version=outcome.list_version, hit=outcome.hit,
                hits=outcome_json(outcome),
            ))
            case_machine.apply(
                session, found, action, system,
                {"hits": len(outcome.hits), "list_version": outcome.list_version,
                 "entries": [h.entry for h in outcome.hits]},
            )
            return ref(found)

    def latest(self, case_id: int) -> ScreeningView | None:
        with self.ws.store.read() as session:
            row = session.execute(
                select(Screening).where(Screening.case_id == case_id).order_by(Screening.id.desc())
            ).scalars().first()
            if row is None:
                return None
            return ScreeningView(row.id or 0, row.hit, json.loads(row.hits), row.decision, row.decided_by,
                                 row.decision_reason, row.list_version)

    def decide(self, case: CaseRef | int, confirmed: bool, reason: str) -> CaseRef:
        """Wasdakim: "not the same person" lets the case go on; "confirmed" stops it."""
        reason = validation.text(reason, "decision_reason", 1000, required=True)
        with self.transaction() as session:
            found = self._case(session, case)
            action = sop.Action.CONFIRM_HIT if confirmed else sop.Action.CLEAR_HIT
            case_machine.check_allowed(found, action, self.actor)
            case_machine.require_not(self.actor, case_machine.entered_data_by(session, found),
                                     "screening.own_case")
            row = session.execute(
                select(Screening).where(Screening.case_id == found.id).order_by(Screening.id.desc())
            ).scalars().first()
            if row is not None:
                row.decision = "confirmed" if confirmed else "cleared"
                row.decided_by = self.actor.username
                row.decided_at = clock.now()
                row.decision_reason = reason
                session.add(row)
            case_machine.apply(session, found, action, self.actor, {"reason": reason}, note=reason)
            return ref(found)


messages.register(
    {
        "screening.no_applicant": {
            "id": "Data pemohon berkas {number} belum tersimpan; cekal belum dapat diperiksa.",
            "en": "The applicant of file {number} is not saved yet; cekal cannot be checked.",
        },
        "screening.own_case": {
            "id": "Anda yang mengentri data berkas ini; keputusan cekal harus diambil petugas Wasdakim lain.",
            "en": "You entered this file's data; another Wasdakim officer must decide on the hit.",
        },
    }
)
