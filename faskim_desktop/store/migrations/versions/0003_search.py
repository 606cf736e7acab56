"""search and SLA: name-token and number-key index tables, SLA day roll-up, case_step(finished_at), audit_event(entity, entity_id)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 12:35:00

The key columns are compared byte-wise (``key >= q AND key < q || '~'``): SQLite's default
BINARY collation does that; on PostgreSQL they are declared ``COLLATE "C"`` so that a server
created with a linguistic locale still orders (and range-seeks) them the same way.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _key_type() -> sa.String:
    if op.get_bind().dialect.name == "postgresql":
        return sa.String(40, collation="C")
    return sa.String(40)


def upgrade() -> None:
    op.create_table(
        "search_name",
        sa.Column("token", _key_type(), nullable=False),
        sa.Column("foreigner_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("names", sa.String(400), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("token", "foreigner_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_search_name_foreigner", "search_name", ["foreigner_id", "token"])
    op.create_table(
        "search_number",
        sa.Column("key", _key_type(), nullable=False),
        sa.Column("case_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("key", "case_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_search_number_case", "search_number", ["case_id"])
    op.create_table(
        "sla_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("bucket", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "kind", "state", "bucket"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_case_step_finished", "case_step", ["finished_at"])
    # The case timeline reads every audit event of one case (and of its payments and files).
    op.create_index("ix_audit_event_entity", "audit_event", ["entity", "entity_id"])
    # Existing stores: fill the index and the roll-up from what they hold (a new store has nothing).
    from faskim_desktop.core import search, sla

    search.rebuild_on(op.get_bind())
    sla.rebuild(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_audit_event_entity", table_name="audit_event")
    op.drop_index("ix_case_step_finished", table_name="case_step")
    op.drop_table("sla_daily")
    op.drop_index("ix_search_number_case", table_name="search_number")
    op.drop_table("search_number")
    op.drop_index("ix_search_name_foreigner", table_name="search_name")
    op.drop_table("search_name")
