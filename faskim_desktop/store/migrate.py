"""Creating and upgrading the store's schema with Alembic, and refusing a schema we do not know."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from faskim_desktop.core.errors import StoreError
from faskim_desktop.store.db import Store, translate_errors

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# Alembic (and every dialect's DDL module it loads) costs ~0.4 s of import at start-up; checking
# the schema needs only the revision ids, read from the migration files' text (see check_schema).
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(store: Store) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with translate_errors(), store.reader.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store) -> str:
    """Create or migrate the schema to the newest revision; returns it. Refuses a newer schema."""
    current = current_revision(store)
    if current and current not in known_revisions():
        raise StoreError("store.newer_schema", revision=current)
    from alembic import command

    config = _config()
    with translate_errors(), store.writer.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
    return head_revision()


def check_schema(store: Store) -> None:
    """Raise a StoreError unless the store is at exactly the revision this code expects.

    Fast path without Alembic: the revision ids read from the migration files' text and the
    store's ``alembic_version`` row; anything unusual (a merge, several heads or rows, a file
    that does not read plainly) falls back to Alembic itself.
    """
    scripts = _script_revisions()
    current = _stored_revision(store) if scripts else None
    if scripts is None or current is False:
        current, known, head = current_revision(store), known_revisions(), head_revision()
    else:
        head, known = scripts
    if current is None:
        raise StoreError("store.not_initialised")
    if current not in known:
        raise StoreError("store.newer_schema", revision=current)
    if current != head:
        raise StoreError("store.outdated_schema")


def _script_revisions() -> tuple[str, set[str]] | None:
    """(head, every revision) from ``revision = ...`` / ``down_revision = ...`` of each file."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(_ASSIGNMENT.findall(path.read_text(encoding="utf-8")))
        try:
            revision, down = ast.literal_eval(found["revision"]), ast.literal_eval(found["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return None  # merges (tuples) and the like: let Alembic decide
        revisions.add(revision)
        if down:
            parents.add(down)
    heads = revisions - parents
    return (heads.pop(), revisions) if len(heads) == 1 and parents <= revisions else None


def _stored_revision(store: Store) -> str | bool | None:
    """The store's revision; None when it has none; False when Alembic must look (several rows)."""
    with translate_errors(), store.reader.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        return False
    return rows[0] if rows else None
