"""The store refuses what it cannot use, in words, and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from faskim_desktop.core import audit, messages
from faskim_desktop.core.errors import StoreError
from faskim_desktop.core.workspace import Workspace, open_workspace
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store


def test_sqlite_runs_in_wal_with_foreign_keys_and_full_sync(workspace: Workspace) -> None:
    with workspace.store.writer.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    db = tmp_path / "faskim.sqlite3"
    db.write_bytes(b"this is a spreadsheet, not a database" * 100)
    before = db.read_bytes()
    with pytest.raises(StoreError) as err:
        open_workspace(tmp_path)
    assert err.value.code == "store.not_a_database"
    assert "cadangan" in err.value.message("id") and "backup" in err.value.message("en")
    assert db.read_bytes() == before


def test_a_store_from_a_newer_version_is_refused(workspace: Workspace) -> None:
    with workspace.store.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    url = workspace.store.url
    workspace.close()
    store = Store(url)
    with pytest.raises(StoreError) as err:
        migrate.check_schema(store)
    assert err.value.code == "store.newer_schema" and "9999" in err.value.message()
    with pytest.raises(StoreError):  # and an upgrade does not touch it either
        migrate.upgrade(store)
    store.dispose()


def test_an_empty_store_asks_for_the_upgrade(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    with pytest.raises(StoreError) as err:
        open_workspace(tmp_path / "fresh")
    assert err.value.code == "store.not_initialised"
    assert "faskim db upgrade" in err.value.message()


def test_a_data_folder_that_cannot_be_created_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        open_workspace(blocker / "data")
    assert err.value.code == "workspace.folder" and "FASKIM_DATA_DIR" in err.value.message()


def test_an_unreachable_server_is_explained(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FASKIM_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    with pytest.raises(StoreError) as err:
        open_workspace(tmp_path)
    assert err.value.code == "store.unreachable"


def _tamper(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE audit_event SET details = '{\"roles\":\"admin\"}' WHERE seq = 3", "audit.broken_hash"),
        ("DELETE FROM audit_event WHERE seq = 4", "audit.broken_sequence"),
        ("UPDATE audit_event SET seq = -1 WHERE seq = 3; UPDATE audit_event SET seq = 3 WHERE seq = 4; "
         "UPDATE audit_event SET seq = 4 WHERE seq = -1", "audit.broken_sequence"),
        ("DELETE FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event)", "audit.truncated"),
    ],
)
def test_any_edit_delete_or_reorder_breaks_the_audit_chain(workspace: Workspace, sql: str, problem: str) -> None:
    with workspace.store.read() as session:
        assert audit.verify(session).ok
    path = workspace.store.sqlite_path
    workspace.close()
    _tamper(path, sql)
    store = Store(f"sqlite:///{path}")
    with store.read() as session:
        report = audit.verify(session)
    store.dispose()
    assert not report.ok and report.problem == problem
    assert messages.has(problem)
