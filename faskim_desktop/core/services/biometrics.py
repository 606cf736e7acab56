"""Step 7: the photo and the fingerprints, stored encrypted; exceptions need the supervisor."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from faskim_desktop.core import audit, case_machine, clock, messages, office, sop, validation
from faskim_desktop.core.errors import IllegalTransition, ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import CaseRef, StepService, ref
from faskim_desktop.core.services.cosign import authenticate_cosigner
from faskim_desktop.store.tables import Case, Foreigner, StoredFile

FINGERS = (
    "right_thumb", "right_index", "right_middle", "right_ring", "right_little",
    "left_thumb", "left_index", "left_middle", "left_ring", "left_little",
)


@dataclass(frozen=True)
class BiometricStatus:
    photo: bool
    fingers_required: tuple[str, ...]
    fingers_done: dict[str, int]  # finger -> best quality
    exceptions: dict[str, str]  # finger -> reason
    attempts: dict[str, int]

    @property
    def complete(self) -> bool:
        return self.photo and all(f in self.fingers_done or f in self.exceptions for f in self.fingers_required)


def age_on(born: date | None, day: date) -> int | None:
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class BiometricsService(StepService):
    def _editable(self, session: Session, case: CaseRef | int) -> Case:
        found = self._case(session, case)
        if found.state != sop.State.BIOMETRIK.value:
            raise IllegalTransition("case.wrong_step", number=found.number, state=found.state)
        self.actor.require(Role.LOKET)
        return found

    def required_fingers(self, session: Session, case: Case) -> tuple[str, ...]:
        person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
        age = age_on(person.birth_date if person else None, clock.today())
        if age is not None and age < int(office.get(session, "face_only_below_age")):
            return ()
        return tuple(office.get(session, "fingers"))

    def save_photo(self, case: CaseRef | int, original: bytes, card_photo: bytes, checks: dict[str, bool]) -> int:
        """Keep the camera original and the card crop; the newest pair is the one used."""
        if not original or not card_photo:
            raise ValidationError("bio.photo_empty", field="photo")
        with self.transaction() as session:
            found = self._editable(session, case)
            self.store_file(session, found, "photo_original", original, "image/png", meta={"checks": checks})
            row = self.store_file(session, found, "photo", card_photo, "image/jpeg", meta={"checks": checks})
            return row.id or 0

    def save_fingerprint(self, case: CaseRef | int, finger: str, png: bytes, quality: int) -> BiometricStatus:
        """Record one capture; all attempts are kept, the best one counts, retries are capped."""
        if finger not in FINGERS:
            raise ValidationError("bio.unknown_finger", field="finger")
        if not 0 <= quality <= 100:
            raise ValidationError("bio.bad_quality", field="quality")
        with self.transaction() as session:
            found = self._editable(session, case)
            status = self._status(session, found)
            limit = int(office.get(session, "fingerprint_retries"))
            if status.attempts.get(finger, 0) >= limit:
                raise ValidationError("bio.retries_used", field=finger, retries=limit)
            self.store_file(session, found, "fingerprint", png, "image/png", category=finger,
                            page=status.attempts.get(finger, 0) + 1, quality=quality)
            return self._status(session, found)

    def finger_exception(self, case: CaseRef | int, finger: str, reason: str, supervisor: str,
                         supervisor_password: str) -> BiometricStatus:
        """A finger that cannot be captured (missing, bandaged...), co-signed by the supervisor."""
        reason = validation.text(reason, "reason", 400, required=True)
        if finger not in FINGERS:
            raise ValidationError("bio.unknown_finger", field="finger")
        cosigner = authenticate_cosigner(self.ws, self.actor, supervisor, supervisor_password, Role.SUPERVISOR)
        with self.transaction() as session:
            found = self._editable(session, case)
            row = StoredFile(case_id=found.id, kind="finger_exception", category=finger, path="", sha256="",
                             meta=json.dumps({"reason": reason, "cosigned_by": cosigner.username}),
                             created_at=clock.now(), created_by=self.actor.username)
            session.add(row)
            session.flush()
            audit.append(session, self.actor.username, "bio.finger_exception", "case", found.id,
                         {"finger": finger, "cosigned_by": cosigner.username})
            return self._status(session, found)

    def status(self, case_id: int) -> BiometricStatus:
        with self.ws.store.read() as session:
            return self._status(session, self._case(session, case_id, lock=False))

    def _status(self, session: Session, case: Case) -> BiometricStatus:
        files = self.files_of(session, case.id or 0)
        done: dict[str, int] = {}
        attempts: dict[str, int] = {}
        exceptions: dict[str, str] = {}
        threshold = int(office.get(session, "fingerprint_min_quality"))
        for f in files:
            if f.kind == "fingerprint":
                attempts[f.category] = attempts.get(f.category, 0) + 1
                if (f.quality or 0) >= threshold:
                    done[f.category] = max(done.get(f.category, 0), f.quality or 0)
            elif f.kind == "finger_exception":
                exceptions[f.category] = json.loads(f.meta).get("reason", "")
        photo = any(f.kind == "photo" for f in files)
        return BiometricStatus(photo, self.required_fingers(session, case), done, exceptions, attempts)

    def complete(self, case: CaseRef | int) -> CaseRef:
        with self.transaction() as session:
            found = self._case(session, case)
            case_machine.check_allowed(found, sop.Action.CAPTURE_BIOMETRICS, self.actor)
            status = self._status(session, found)
            if not status.photo:
                raise ValidationError("bio.photo_missing", field="photo")
            lacking = [f for f in status.fingers_required if f not in status.fingers_done and f not in status.exceptions]
            if lacking:
                raise ValidationError("bio.fingers_missing", field=lacking[0], fingers=", ".join(lacking))
            case_machine.apply(session, found, sop.Action.CAPTURE_BIOMETRICS, self.actor,
                               {"fingers": sorted(status.fingers_done), "exceptions": sorted(status.exceptions)})
            return ref(found)


messages.register(
    {
        "bio.photo_empty": {"id": "Foto kosong. Ambil foto lagi.", "en": "The photo is empty. Take it again."},
        "bio.unknown_finger": {"id": "Jari tidak dikenal.", "en": "Unknown finger."},
        "bio.bad_quality": {"id": "Nilai kualitas harus 0–100.", "en": "Quality must be 0–100."},
        "bio.retries_used": {
            "id": "Batas {retries} kali pengambilan untuk jari ini tercapai. Gunakan hasil terbaik atau catat pengecualian dengan persetujuan supervisor.",
            "en": "The limit of {retries} captures for this finger is reached. Keep the best or record an exception with the supervisor.",
        },
        "bio.photo_missing": {"id": "Foto pemohon belum diambil.", "en": "The applicant's photo is not taken yet."},
        "bio.fingers_missing": {
            "id": "Sidik jari belum lengkap: {fingers}. Ambil atau catat pengecualian.",
            "en": "Fingerprints incomplete: {fingers}. Capture them or record an exception.",
        },
        "finger.right_thumb": {"id": "Ibu jari kanan", "en": "Right thumb"},
        "finger.right_index": {"id": "Telunjuk kanan", "en": "Right index"},
        "finger.right_middle": {"id": "Jari tengah kanan", "en": "Right middle"},
        "finger.right_ring": {"id": "Jari manis kanan", "en": "Right ring"},
        "finger.right_little": {"id": "Kelingking kanan", "en": "Right little"},
        "finger.left_thumb": {"id": "Ibu jari kiri", "en": "Left thumb"},
        "finger.left_index": {"id": "Telunjuk kiri", "en": "Left index"},
        "finger.left_middle": {"id": "Jari tengah kiri", "en": "Left middle"},
        "finger.left_ring": {"id": "Jari manis kiri", "en": "Left ring"},
        "finger.left_little": {"id": "Kelingking kiri", "en": "Left little"},
    }
)
