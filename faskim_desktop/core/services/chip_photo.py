"""The face image read from a passport chip (DG2, ICAO Doc 9303 part 10), kept with the case so
step 7 can show it beside the live photo. Stored encrypted like every other file."""

from __future__ import annotations

from faskim_desktop.core import audit, messages, sop
from faskim_desktop.core.errors import IllegalTransition, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import StepService

MEDIA_TYPES = frozenset({"image/jpeg", "image/jp2"})
MAX_BYTES = 200_000  # a DG2 portrait is ~15–25 KB; anything far larger is not a passport photo


class ChipPhotoService(StepService):
    def save(self, case_id: int, data: bytes, media_type: str) -> int:
        """Store the chip photo of the case's applicant; returns the file id."""
        self.actor.require(Role.LOKET)
        if media_type not in MEDIA_TYPES or not data or len(data) > MAX_BYTES:
            raise ValidationError("chip_photo.bad", field="chip_photo")
        with self.transaction() as session:
            found = self._case(session, case_id)
            if sop.State(found.state) in sop.TERMINAL_STATES:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            row = self.store_file(session, found, "chip_photo", data, media_type, "dg2")
            audit.append(session, self.actor.username, "case.chip_photo", "case", found.id, {"file": row.id})
            return row.id or 0


messages.register(
    {
        "chip_photo.bad": {
            "id": "Foto dari cip tidak dapat disimpan (format atau ukuran tidak wajar).",
            "en": "The chip photo cannot be stored (unexpected format or size).",
        },
    }
)
