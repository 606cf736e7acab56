"""Retention of biometrics: photos and fingerprints are removed N days after the card was handed over.

The setting ``biometric_retention_days`` (config.py; 0 keeps them for ever) says how long. A
case qualifies when it is closed (archived, state ``selesai``) and its handover (step 10) finished
more than N days ago. For each such case, in one transaction with its audit event, every
biometric file row (kinds below) is marked deleted; the encrypted files are removed from the file
store after that commit. A crash in between leaves only encrypted files nobody points at, which
the next run removes (``leftovers``), so no live row ever points at a missing file.

Never touched: open cases (anything not yet archived, including a case waiting for its archive
step, whose bundle still has to be built), scans and generated documents, and the archive
bundle itself (kind ``archive``), which the office keeps as its record of the file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from faskim_desktop.core import audit, case_machine, clock, messages, sop
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, CaseStep, StoredFile

log = logging.getLogger(__name__)

BIOMETRIC_KINDS = ("photo", "photo_original", "fingerprint", "chip_photo")
ACTOR = "system"
EVENT = "biometrics.purged"


@dataclass
class RetentionReport:
    days: int
    cutoff: datetime | None
    dry_run: bool
    cases: list[int] = field(default_factory=list)  # case ids purged (or that would be)
    files: int = 0
    bytes: int = 0
    leftovers: int = 0  # encrypted files of rows purged earlier, removed now

    def as_dict(self) -> dict[str, object]:
        return {"days": self.days, "cutoff": self.cutoff.isoformat() if self.cutoff else None,
                "dry_run": self.dry_run, "cases": self.cases, "files": self.files, "bytes": self.bytes,
                "leftovers": self.leftovers}


def configured_days(ws: Workspace) -> int:
    days = int(ws.settings.get("biometric_retention_days"))
    if days < 0:
        raise ValidationError("retention.bad_days", field="biometric_retention_days", days=days)
    return days


def due(ws: Workspace, days: int, now: datetime | None = None) -> dict[int, datetime]:
    """Closed cases still holding biometrics whose handover is more than ``days`` days old:
    case id -> handover time."""
    if days <= 0:
        return {}
    cutoff = (clock.aware(now) or clock.now()) - timedelta(days=days)
    with ws.store.read() as session:
        holding = select(StoredFile.case_id).where(
            StoredFile.kind.in_(BIOMETRIC_KINDS), StoredFile.deleted_at.is_(None)).distinct()
        rows = session.execute(
            select(CaseStep.case_id, func.max(CaseStep.finished_at))
            .join(Case, Case.id == CaseStep.case_id)
            .where(Case.state == sop.State.SELESAI.value, CaseStep.state == sop.State.PENYERAHAN.value,
                   CaseStep.finished_at.is_not(None), CaseStep.case_id.in_(holding))
            .group_by(CaseStep.case_id)).all()
    found = {}
    for case_id, handed in rows:
        moment = clock.aware(handed)
        if moment is not None and moment < cutoff:
            found[int(case_id)] = moment
    return dict(sorted(found.items()))


def run(ws: Workspace, days: int | None = None, dry_run: bool = False, now: datetime | None = None) -> RetentionReport:
    """Purge what is due. ``days`` defaults to the setting; 0 purges nothing."""
    days = configured_days(ws) if days is None else days
    if days < 0:
        raise ValidationError("retention.bad_days", field="days", days=days)
    moment = clock.aware(now) or clock.now()
    report = RetentionReport(days, moment - timedelta(days=days) if days > 0 else None, dry_run)
    for case_id, handed in due(ws, days, moment).items():
        if dry_run:
            with ws.store.read() as session:
                rows = _biometric_rows(session, case_id)
        else:
            rows = _purge_case(ws, case_id, days, handed, moment)
        if rows:
            report.cases.append(case_id)
            report.files += len(rows)
            report.bytes += sum(size for _, size in rows)
            if not dry_run:
                for path, _ in rows:
                    ws.files.delete(path)
    if not dry_run:
        report.leftovers = _remove_leftovers(ws)
    log.info("biometric retention: %d case(s), %d file(s), dry_run=%s", len(report.cases), report.files, dry_run)
    return report


def _biometric_rows(session, case_id: int) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return [(f.path, f.size) for f in _live_rows(session, case_id)]


def _live_rows(session, case_id: int) -> list[StoredFile]:  # type: ignore[no-untyped-def]
    return list(session.execute(select(StoredFile).where(
        StoredFile.case_id == case_id, StoredFile.kind.in_(BIOMETRIC_KINDS),
        StoredFile.deleted_at.is_(None)).order_by(StoredFile.id)).scalars())


def _purge_case(ws: Workspace, case_id: int, days: int, handed: datetime,
                moment: datetime) -> list[tuple[str, int]]:
    with ws.store.write() as session:
        case = case_machine.load_case(session, case_id)  # locked: nobody reopens it meanwhile
        if sop.State(case.state) is not sop.State.SELESAI:
            return []
        rows = _live_rows(session, case_id)
        if not rows:
            return []
        kinds: dict[str, int] = {}
        for row in rows:
            row.deleted_at = moment
            session.add(row)
            kinds[row.kind] = kinds.get(row.kind, 0) + 1
        audit.append(session, ACTOR, EVENT, "case", case_id, {
            "files": [row.id for row in rows], "kinds": kinds, "retention_days": days,
            "handed_over_at": handed.isoformat()})
        return [(row.path, row.size) for row in rows]


def _remove_leftovers(ws: Workspace) -> int:
    """Encrypted files of biometric rows already marked deleted (a crash after the commit)."""
    with ws.store.read() as session:
        paths = list(session.execute(select(StoredFile.path).where(
            StoredFile.kind.in_(BIOMETRIC_KINDS), StoredFile.deleted_at.is_not(None))).scalars())
    removed = 0
    for path in paths:
        if path and (ws.files.root / path).exists():
            ws.files.delete(path)
            removed += 1
    return removed


MESSAGES = {
    "retention.bad_days": {
        "id": "Masa simpan biometrik tidak valid ({days} hari); isi 0 (simpan terus) atau jumlah hari.",
        "en": "The biometric retention period is not valid ({days} days); use 0 (keep) or a number of days.",
    },
    "retention.off": {
        "id": "Masa simpan biometrik 0: foto dan sidik jari disimpan terus; tidak ada yang dihapus.",
        "en": "Biometric retention is 0: photos and fingerprints are kept; nothing was removed.",
    },
    "retention.done": {
        "id": "Biometrik dihapus dari {cases} berkas ({files} berkas foto/sidik jari, {mb} MB); "
        "penyerahan sebelum {cutoff}.",
        "en": "Biometrics removed from {cases} case(s) ({files} photo/fingerprint files, {mb} MB); "
        "handed over before {cutoff}.",
    },
    "retention.dry_run": {
        "id": "Uji coba: biometrik {cases} berkas ({files} berkas, {mb} MB) akan dihapus; tidak ada yang diubah.",
        "en": "Dry run: biometrics of {cases} case(s) ({files} files, {mb} MB) would be removed; nothing changed.",
    },
}
messages.register(MESSAGES)
