"""Backup while the store is in use, verify before replacing, restore compares every case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from faskim_desktop.core import backup, sop
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.core.workspace import Workspace, open_workspace
from faskim_desktop.store.tables import Case, CaseStep, StoredFile
from tests.conftest import principals, standard_crew


def crew(ws: Workspace) -> Crew:
    p = principals(ws)
    return standard_crew(p)


def snapshot(ws: Workspace) -> dict:
    with ws.store.read() as session:
        cases = {c.number: (c.state, c.version, c.register_no, c.receipt_no)
                 for c in session.execute(select(Case)).scalars()}
        steps = len(session.execute(select(CaseStep)).all())
        files = {f.sha256: ws.files.get(f.path, f.sha256) for f in session.execute(select(StoredFile)).scalars()
                 if f.path}
    return {"cases": cases, "steps": steps, "files": files}


def test_backup_then_restore_brings_back_every_case_and_file(workspace: Workspace, tmp_path: Path) -> None:
    carry(workspace, crew(workspace))
    carry(workspace, crew(workspace), sample_entry(2, "Liam Santoso"), until=sop.State.PEMBAYARAN)
    before = snapshot(workspace)
    info = backup.create(workspace, tmp_path / "b1")
    manifest = json.loads((info.folder / "manifest.json").read_text())
    assert "store.sqlite3" in manifest["sha256"] and any(k.startswith("files/") for k in manifest["sha256"])
    assert not any(k.startswith("keys/") for k in manifest["sha256"])  # the key stays out by default
    carry(workspace, crew(workspace), sample_entry(3, "Mia Kusuma"))  # work after the backup
    assert snapshot(workspace) != before
    folder, url = workspace.folder, workspace.store.url
    workspace.close()
    aside = backup.restore(folder, url, info.folder)
    assert (aside / "faskim.sqlite3").exists()  # nothing deleted, only moved aside
    restored = open_workspace(folder)
    try:
        assert snapshot(restored) == before
    finally:
        restored.close()


def test_a_damaged_backup_is_refused_before_anything_is_replaced(workspace: Workspace, tmp_path: Path) -> None:
    carry(workspace, crew(workspace), until=sop.State.BIOMETRIK)
    info = backup.create(workspace, tmp_path / "b2")
    victim = next(p for p in (info.folder / "files").rglob("*.bin"))
    victim.write_bytes(victim.read_bytes()[:-1] + b"\x00")
    before = workspace.store.sqlite_path.read_bytes()
    with pytest.raises(backup.BackupError) as err:
        backup.restore(workspace.folder, workspace.store.url, info.folder)
    assert err.value.code == "backup.hash_mismatch"
    assert workspace.store.sqlite_path.read_bytes() == before


def test_a_backup_with_a_broken_audit_chain_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    import hashlib
    import sqlite3

    info = backup.create(workspace, tmp_path / "b3")
    db = info.folder / "store.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE audit_event SET actor = 'x' WHERE seq = 2")
    conn.commit()
    conn.close()
    manifest = json.loads((info.folder / "manifest.json").read_text())
    manifest["sha256"]["store.sqlite3"] = hashlib.sha256(db.read_bytes()).hexdigest()  # a careful forger
    (info.folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError) as err:
        backup.verify(info.folder)
    assert err.value.code == "backup.audit_broken"


def test_daily_backups_rotate(workspace: Workspace, tmp_path: Path) -> None:
    root = tmp_path / "daily"
    for old in ("daily-2026-01-01", "daily-2026-01-02", "daily-2026-01-03"):
        (root / old).mkdir(parents=True)
    made = backup.daily(workspace, root, keep=2)
    assert made is not None and made.exists()
    assert backup.daily(workspace, root, keep=2) is None  # once a day
    assert sorted(p.name for p in root.iterdir())[-1] == made.name and len(list(root.iterdir())) == 2


def test_not_a_backup_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(backup.BackupError) as err:
        backup.verify(tmp_path)
    assert err.value.code == "backup.no_manifest" and "manifest" in err.value.message()
