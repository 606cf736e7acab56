"""The face image read from a passport chip (DG2, ICAO Doc 9303 part 10), kept with the case so
step 7 can show it beside the live photo. Stored encrypted like every other file."""

from __future__ import annotations

import io

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
        if media_type not in MEDIA_TYPES or not data or len(data) > MAX_BYTES or not _is_image(data, media_type):
            raise ValidationError("chip_photo.bad", field="chip_photo")
        with self.transaction() as session:
            found = self._case(session, case_id)
            if sop.State(found.state) in sop.TERMINAL_STATES:
                raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
            row = self.store_file(session, found, "chip_photo", data, media_type, "dg2")
            audit.append(session, self.actor.username, "passport.chip_photo", "case", found.id, {"file": row.id})
            return row.id or 0


def _is_image(data: bytes, media_type: str) -> bool:
    """The bytes really are a JPEG / JPEG 2000 image (Pillow reads its header and structure)."""
    from PIL import Image

    expected = {"image/jpeg": "JPEG", "image/jp2": "JPEG2000"}[media_type]
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            return image.format == expected
    except Exception:  # any decoder complaint means "not an image we keep"
        return False


messages.register(
    {
        "chip_photo.bad": {
            "id": "Foto dari cip tidak dapat disimpan (format atau ukuran tidak wajar).",
            "en": "The chip photo cannot be stored (unexpected format or size).",
        },
    }
)
