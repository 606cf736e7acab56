"""Biometric retention: photos and fingerprints of closed cases go N days after handover, nothing else."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from faskim_desktop.core import audit, clock, retention, sop
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.scripted_case import Crew, carry
from faskim_desktop.core.services.archive import ArchiveService, verify_bundle
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import AuditEvent, CaseStep, StoredFile
from tests.conftest import principals, standard_crew

REPO = Path(__file__).resolve().parents[2]


def crew(ws: Workspace) -> Crew:
    p = principals(ws)
    return standard_crew(p)


def files(ws: Workspace, case_id: int) -> list[StoredFile]:
    with ws.store.read() as session:
        return list(session.execute(select(StoredFile).where(StoredFile.case_id == case_id)
                                    .order_by(StoredFile.id)).scalars())


def handed_over_days_ago(ws: Workspace, case_id: int, days: int) -> None:
    """Move the handover back in time, as if the card had been collected ``days`` days ago."""
    with ws.store.write() as session:
        session.execute(update(CaseStep).where(CaseStep.case_id == case_id,
                                               CaseStep.state == sop.State.PENYERAHAN.value)
                        .values(finished_at=clock.now() - timedelta(days=days)))


@pytest.fixture
def office(workspace: Workspace) -> dict[str, int]:
    """A closed case, one handed over but not archived yet, one still at the biometrics step."""
    c = crew(workspace)
    made = {
        "closed": carry(workspace, c).case.id,  # type: ignore[union-attr]
        "arsip": carry(workspace, c, until=sop.State.ARSIP).case.id,  # type: ignore[union-attr]
        "open": carry(workspace, c, until=sop.State.REGISTER).case.id,  # type: ignore[union-attr]
    }
    for case_id in made.values():
        handed_over_days_ago(workspace, case_id, 40)
    return made


def test_closed_cases_lose_their_biometrics_and_nothing_else(workspace: Workspace, office: dict[str, int]) -> None:
    ws = workspace
    before = {name: files(ws, case_id) for name, case_id in office.items()}
    closed = before["closed"]
    kinds = {f.kind for f in closed}
    assert {"photo", "photo_original", "fingerprint", "archive", "scan"} <= kinds

    report = retention.run(ws, days=30)

    assert report.cases == [office["closed"]] and not report.dry_run
    after = files(ws, office["closed"])
    for row in after:
        on_disk = (ws.files.root / row.path).exists()
        if row.kind in retention.BIOMETRIC_KINDS:
            assert row.deleted_at is not None and not on_disk
        else:
            assert row.deleted_at is None and on_disk
            ws.files.get(row.path, row.sha256)  # still decrypts to what was stored
    assert report.files == sum(1 for f in closed if f.kind in retention.BIOMETRIC_KINDS)
    # The archive bundle is the office's record: untouched and still whole.
    bundle = ArchiveService(ws, crew(ws).infokim).export_bundle(office["closed"])
    assert verify_bundle(bundle) == []
    assert any(name.startswith("photo") or "photo" in name for name in zipfile.ZipFile(io.BytesIO(bundle)).namelist())
    # Open cases (including one handed over but not yet archived) are left alone.
    for name in ("arsip", "open"):
        assert [(f.id, f.deleted_at) for f in files(ws, office[name])] == [(f.id, None) for f in before[name]]
        assert all((ws.files.root / f.path).exists() for f in before[name])
    with ws.store.read() as session:
        assert audit.verify(session).ok
        events = session.execute(select(AuditEvent).where(AuditEvent.action == retention.EVENT)).scalars().all()
    assert [(e.entity_id, e.actor) for e in events] == [(str(office["closed"]), "system")]
    details = json.loads(events[0].details)
    assert details["retention_days"] == 30 and sorted(details["files"]) == sorted(
        f.id for f in closed if f.kind in retention.BIOMETRIC_KINDS)

    again = retention.run(ws, days=30)
    assert again.cases == [] and again.files == 0


def test_nothing_is_due_within_the_period_or_when_retention_is_off(workspace: Workspace,
                                                                    office: dict[str, int]) -> None:
    ws = workspace
    snapshot = {case_id: [(f.id, f.deleted_at) for f in files(ws, case_id)] for case_id in office.values()}
    assert retention.run(ws, days=41).cases == []
    assert retention.run(ws, days=0).cases == []
    assert retention.configured_days(ws) == 0 and retention.run(ws).cases == []  # the default keeps them
    assert {case_id: [(f.id, f.deleted_at) for f in files(ws, case_id)] for case_id in office.values()} == snapshot


def test_dry_run_counts_but_changes_nothing(workspace: Workspace, office: dict[str, int]) -> None:
    ws = workspace
    before = [(f.id, f.deleted_at) for f in files(ws, office["closed"])]
    with ws.store.read() as session:
        events = audit.verify(session).events
    report = retention.run(ws, days=30, dry_run=True)
    assert report.cases == [office["closed"]] and report.files > 0 and report.bytes > 0
    assert [(f.id, f.deleted_at) for f in files(ws, office["closed"])] == before
    assert all((ws.files.root / f.path).exists() for f in files(ws, office["closed"]))
    with ws.store.read() as session:
        assert audit.verify(session).events == events


def test_a_crash_after_the_commit_leaves_files_the_next_run_removes(workspace: Workspace,
                                                                    office: dict[str, int]) -> None:
    ws = workspace
    with ws.store.write() as session:  # the rows were marked, then the process died before deleting
        rows = session.execute(select(StoredFile).where(StoredFile.case_id == office["closed"],
                                                        StoredFile.kind == "fingerprint")).scalars().all()
        for row in rows:
            row.deleted_at = clock.now()
            session.add(row)
    leftover = [row.path for row in rows]
    assert leftover and all((ws.files.root / p).exists() for p in leftover)
    report = retention.run(ws, days=30)
    assert report.leftovers == len(leftover)
    assert not any((ws.files.root / p).exists() for p in leftover)


def test_a_negative_period_is_refused(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as refused:
        retention.run(workspace, days=-1)
    assert refused.value.code == "retention.bad_days"


def faskim(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FASKIM_DATA_DIR": str(data), "FASKIM_LANG": "en", "PYTHONPATH": str(REPO)}
    env.pop("FASKIM_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "faskim_desktop.cli", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_command_line(workspace: Workspace, office: dict[str, int]) -> None:
    data = workspace.folder
    off = faskim(data, "retention", "run")
    assert off.returncode == 0, off.stderr
    assert "kept" in off.stdout
    dry = faskim(data, "retention", "run", "--dry-run", "--days", "30", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["cases"] == [office["closed"]]
    assert all(f.deleted_at is None for f in files(workspace, office["closed"]))
    (data / "workstation.json").write_text(json.dumps({"biometric_retention_days": 30}))
    done = faskim(data, "retention", "run")
    assert done.returncode == 0, done.stderr
    assert "removed from 1 case" in done.stdout
    assert all(f.deleted_at is not None for f in files(workspace, office["closed"])
               if f.kind in retention.BIOMETRIC_KINDS)
