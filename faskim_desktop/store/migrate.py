"""Creating and upgrading the store's schema with Alembic, and refusing a schema we do not know."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from faskim_desktop.core.errors import StoreError
from faskim_desktop.store.db import Store, translate_errors

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_config()).walk_revisions()}


def current_revision(store: Store) -> str | None:
    with translate_errors(), store.reader.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(store: Store) -> str:
    """Create or migrate the schema to the newest revision; returns it. Refuses a newer schema."""
    current = current_revision(store)
    if current and current not in known_revisions():
        raise StoreError("store.newer_schema", revision=current)
    config = _config()
    with translate_errors(), store.writer.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
    return head_revision()


def check_schema(store: Store) -> None:
    """Raise a StoreError unless the store is at exactly the revision this code expects."""
    current = current_revision(store)
    if current is None:
        raise StoreError("store.not_initialised")
    if current not in known_revisions():
        raise StoreError("store.newer_schema", revision=current)
    if current != head_revision():
        raise StoreError("store.outdated_schema")
