"""cekal_version.index_scheme: which normalisation and blocking-key rules built the list's index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 15:30:00

Lists imported before this revision were indexed by scheme 1. A store whose index was built by
other rules than the running code's cannot be screened through the index (a query's keys would
not meet the stored ones); ``faskim db upgrade`` rebuilds such an index after migrating.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cekal_version", schema=None) as batch_op:
        batch_op.add_column(sa.Column("index_scheme", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("cekal_version", schema=None) as batch_op:
        batch_op.drop_column("index_scheme")
