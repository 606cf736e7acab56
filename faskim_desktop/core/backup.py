"""Backups that can be trusted, and restores that check before they replace anything.

A backup is a folder: ``store.sqlite3`` (SQLite's online backup API: a consistent snapshot while
seats keep working) or ``store.pgdump`` (``pg_dump -Fc``), the encrypted file store as it is on
disk, and ``manifest.json`` with the SHA-256 of every file. Files are written before the rows
that point at them and never changed afterwards, so copying them after the database snapshot
always finds every file the snapshot refers to.

The file store's key is not copied unless asked (``include_keys``): a stolen backup alone then
reveals no photo, fingerprint or scan. Restoring on another machine needs the key too.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from faskim_desktop import __version__
from faskim_desktop.core import audit, clock, messages
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store

log = logging.getLogger(__name__)
MANIFEST = "manifest.json"
SQLITE_NAME = "store.sqlite3"
PGDUMP_NAME = "store.pgdump"


class BackupError(FaskimError):
    code = "backup.error"


@dataclass(frozen=True)
class BackupInfo:
    folder: Path
    files: int
    bytes: int
    revision: str


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _snapshot_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # page-by-page copy under a read transaction: a consistent snapshot
    finally:
        dst.close()
        src.close()


def _pg_dump(url: str, target: Path) -> None:
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    command = ["pg_dump", "-Fc", "-f", str(target), "-h", parsed.host or "localhost", "-p", str(parsed.port or 5432),
               "-U", parsed.username or "postgres", parsed.database or ""]
    try:
        subprocess.run(command, check=True, env=env, capture_output=True, timeout=3600)
    except FileNotFoundError:
        raise BackupError("backup.no_pg_dump") from None
    except subprocess.CalledProcessError as err:
        raise BackupError("backup.pg_dump_failed", detail=err.stderr.decode(errors="replace")[-300:]) from None


def create(ws: Workspace, target: Path, include_keys: bool = False) -> BackupInfo:
    """Write a backup into ``target`` (a new or empty folder)."""
    if target.exists() and any(target.iterdir()):
        raise BackupError("backup.target_not_empty", path=str(target))
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=target.parent if target.parent.exists() else None))
    try:
        if ws.store.is_sqlite:
            assert ws.store.sqlite_path is not None
            _snapshot_sqlite(ws.store.sqlite_path, partial / SQLITE_NAME)
        else:
            _pg_dump(ws.store.url, partial / PGDUMP_NAME)
        files_root = ws.folder / "files"
        if files_root.exists():
            shutil.copytree(files_root, partial / "files", ignore=shutil.ignore_patterns("*.tmp"))
        if include_keys and ws.keys_dir.exists():
            shutil.copytree(ws.keys_dir, partial / "keys")
        hashes = {}
        total = 0
        for path in sorted(p for p in partial.rglob("*") if p.is_file()):
            relative = path.relative_to(partial).as_posix()
            hashes[relative] = _sha256(path)
            total += path.stat().st_size
        manifest = {
            "format": 1, "created_at": clock.now().isoformat(), "app_version": __version__,
            "revision": migrate.current_revision(ws.store), "backend": ws.store.backend,
            "includes_keys": include_keys, "sha256": hashes,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.rmdir()
        os.replace(partial, target)  # the backup appears whole or not at all
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    log.info("backup written: %d files", len(hashes))
    return BackupInfo(target, len(hashes), total, str(manifest["revision"]))


def verify(folder: Path) -> dict:
    """Check a backup without touching anything: manifest hashes, the database's own integrity,
    a known schema revision, and the audit chain. Returns the manifest."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        hashes = manifest["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        raise BackupError("backup.no_manifest", path=str(folder)) from None
    for relative, expected in hashes.items():
        path = folder / relative
        if not path.is_file() or _sha256(path) != expected:
            raise BackupError("backup.hash_mismatch", file=relative)
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    if on_disk - set(hashes):
        raise BackupError("backup.unexpected_file", file=sorted(on_disk - set(hashes))[0])
    revision = manifest.get("revision")
    if revision and revision not in migrate.known_revisions():
        raise BackupError("backup.newer_schema", revision=revision)
    if SQLITE_NAME in hashes:
        # Checked on a scratch copy: opening the backup itself would add -wal/-shm files to it.
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / SQLITE_NAME
            shutil.copy2(folder / SQLITE_NAME, copy)
            conn = sqlite3.connect(copy)
            try:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            except sqlite3.DatabaseError as err:
                result = str(err)
            finally:
                conn.close()
            if result != "ok":
                raise BackupError("backup.integrity", detail=result)
            store = Store(f"sqlite:///{copy}")
            try:
                with store.read() as session:
                    report = audit.verify(session)
            finally:
                store.dispose()
        if not report.ok:
            raise BackupError("backup.audit_broken", detail=report.message())
    return manifest


def restore(ws_folder: Path, db_url: str, backup: Path) -> Path:
    """Replace the data folder's store and files with ``backup`` after verifying it.

    The current store and files are moved aside (``<folder>/before-restore-<time>``), never
    deleted. Only for SQLite stores; a PostgreSQL office restores its dump with pg_restore.
    """
    manifest = verify(backup)
    if SQLITE_NAME not in manifest["sha256"]:
        raise BackupError("backup.pg_restore_manual")
    parsed = make_url(db_url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise BackupError("backup.pg_restore_manual")
    db_path = Path(parsed.database)
    aside = ws_folder / f"before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        current = Path(str(db_path) + suffix)
        if current.exists():
            shutil.move(current, aside / current.name)
    if (ws_folder / "files").exists():
        shutil.move(ws_folder / "files", aside / "files")
    shutil.copy2(backup / SQLITE_NAME, db_path)
    if (backup / "files").exists():
        shutil.copytree(backup / "files", ws_folder / "files")
    if (backup / "keys").exists() and not (ws_folder / "keys").exists():
        shutil.copytree(backup / "keys", ws_folder / "keys")
    return aside


def daily(ws: Workspace, root: Path, keep: int) -> Path | None:
    """Today's scheduled backup under ``root`` (once a day), keeping the newest ``keep``."""
    root.mkdir(parents=True, exist_ok=True)
    today = root / f"daily-{clock.today().isoformat()}"
    made = None
    if not today.exists():
        made = create(ws, today).folder
    backups = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("daily-"))
    for old in backups[:-keep] if keep > 0 else []:
        shutil.rmtree(old, ignore_errors=True)
    return made


messages.register(
    {
        "backup.error": {"id": "Cadangan gagal.", "en": "Backup failed."},
        "backup.target_not_empty": {
            "id": "Folder tujuan {path} tidak kosong. Pilih folder baru.",
            "en": "The target folder {path} is not empty. Choose a new folder.",
        },
        "backup.no_pg_dump": {
            "id": "pg_dump tidak ditemukan. Pasang klien PostgreSQL (postgresql-client) untuk mencadangkan server.",
            "en": "pg_dump not found. Install the PostgreSQL client (postgresql-client) to back up the server.",
        },
        "backup.pg_dump_failed": {"id": "pg_dump gagal: {detail}", "en": "pg_dump failed: {detail}"},
        "backup.no_manifest": {
            "id": "{path} bukan folder cadangan Faskim (manifest.json tidak ada atau rusak).",
            "en": "{path} is not a Faskim backup folder (manifest.json missing or damaged).",
        },
        "backup.hash_mismatch": {
            "id": "Cadangan rusak: isi {file} tidak sesuai manifest. Tidak ada yang diganti.",
            "en": "The backup is damaged: {file} does not match the manifest. Nothing was replaced.",
        },
        "backup.unexpected_file": {
            "id": "Cadangan memuat berkas yang tidak tercatat di manifest: {file}. Tidak ada yang diganti.",
            "en": "The backup holds a file the manifest does not list: {file}. Nothing was replaced.",
        },
        "backup.newer_schema": {
            "id": "Cadangan dibuat oleh versi Faskim yang lebih baru ({revision}). Perbarui aplikasi dahulu.",
            "en": "The backup was made by a newer Faskim version ({revision}). Update the application first.",
        },
        "backup.integrity": {
            "id": "Basis data dalam cadangan gagal pemeriksaan integritas: {detail}",
            "en": "The backup's database fails its integrity check: {detail}",
        },
        "backup.audit_broken": {
            "id": "Jejak audit dalam cadangan tidak utuh: {detail}",
            "en": "The backup's audit trail is not intact: {detail}",
        },
        "backup.pg_restore_manual": {
            "id": "Cadangan server PostgreSQL dipulihkan dengan pg_restore oleh administrator basis data.",
            "en": "A PostgreSQL server backup is restored with pg_restore by the database administrator.",
        },
    }
)
