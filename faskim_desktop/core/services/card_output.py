"""Step 9's generated card kept with the case: the PDF that went to the printer (front and back,
with its signed seal) is stored encrypted in the file store as a document of the case, so the
archive (step 11) holds exactly what was printed, and a reprint can show what was spoiled."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from faskim_desktop.core import sop
from faskim_desktop.core.errors import IllegalTransition
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService
from faskim_desktop.core.services.issuance import PrintCount
from faskim_desktop.store.tables import CardPrint, StoredFile

KIND = "document"
CATEGORY = "kartu"


class CardOutputService(StepService):
    def keep(self, case: CaseRef | int, pdf: bytes, print_id: int) -> int:
        """Store the card PDF sent for print record ``print_id``; returns the stored file's id."""
        with self.transaction() as session:
            found = self._case(session, case, lock=False)
            if found.state != sop.State.CETAK.value:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            self.actor.require(Role.LOKET)
            row = self.store_file(
                session,
                found,
                KIND,
                pdf,
                "application/pdf",
                CATEGORY,
                page=print_id,
                meta={"print_id": print_id},
            )
            return row.id or 0

    def latest(self, case_id: int) -> bytes | None:
        """The last card PDF kept for the case (None when none was printed yet)."""
        with self.ws.store.read() as session:
            row = (
                session.execute(
                    select(StoredFile)
                    .where(
                        StoredFile.case_id == case_id,
                        StoredFile.kind == KIND,
                        StoredFile.category == CATEGORY,
                        StoredFile.deleted_at.is_(None),
                    )
                    .order_by(StoredFile.id.desc())
                )
                .scalars()
                .first()
            )
            if row is None:
                return None
            path, digest = row.path, row.sha256
        return self.ws.files.get(path, digest)


def blanks_used_on(ws, day: date) -> PrintCount:  # type: ignore[no-untyped-def]
    """Every blank card that went through the printer on ``day`` (office local time), by outcome:
    the counter's daily accounting of blanks (completed, failed at the printer, spoiled at signature)."""
    start = datetime.combine(day, time.min).astimezone()  # local midnight, as an aware moment
    end = start + timedelta(days=1)
    with ws.store.read() as session:
        counts = dict(
            session.execute(
                select(CardPrint.state, func.count())
                .where(CardPrint.created_at >= start, CardPrint.created_at < end)
                .group_by(CardPrint.state)
            ).all()
        )
    return PrintCount(counts.get("completed", 0), counts.get("failed", 0), counts.get("spoiled", 0))
