"""The start-up schema check reads revision ids without Alembic; it must agree with Alembic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from faskim_desktop.core.errors import StoreError
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store


def test_revisions_read_from_the_files_are_alembics() -> None:
    assert migrate._script_revisions() == (migrate.head_revision(), migrate.known_revisions())


def test_check_schema_at_every_kind_of_revision(workspace: Workspace, tmp_path: Path) -> None:
    migrate.check_schema(workspace.store)  # at head: accepted
    assert migrate._stored_revision(workspace.store) == migrate.current_revision(workspace.store)
    for revision, code in ((sorted(migrate.known_revisions())[0], "store.outdated_schema"),
                           ("9999_future", "store.newer_schema")):
        if revision == migrate.head_revision():
            continue
        with workspace.store.write() as session:
            session.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        with pytest.raises(StoreError) as refused:
            migrate.check_schema(workspace.store)
        assert refused.value.code == code
    empty = Store(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    try:
        with pytest.raises(StoreError) as refused:
            migrate.check_schema(empty)
        assert refused.value.code == "store.not_initialised"
    finally:
        empty.dispose()


def test_an_unusual_history_falls_back_to_alembic(monkeypatch: pytest.MonkeyPatch, workspace: Workspace) -> None:
    monkeypatch.setattr(migrate, "_script_revisions", lambda: None)
    migrate.check_schema(workspace.store)
