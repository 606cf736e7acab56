"""cekal watch list: versions, entries, names, passports, blocking keys, diffs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 11:59:06.694277
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cekal_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cekal_change', schema=None) as batch_op:
        batch_op.create_index('ix_cekal_change_version_kind', ['version_id', 'kind'], unique=False)

    op.create_table('cekal_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('dob', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('dob_year', sa.Integer(), nullable=True),
    sa.Column('dob_month', sa.Integer(), nullable=True),
    sa.Column('dob_day', sa.Integer(), nullable=True),
    sa.Column('nationality', sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
    sa.Column('list_type', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('cekal_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cekal_entry_version_id'), ['version_id'], unique=False)

    op.create_table('cekal_key',
    sa.Column('key', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('dob_year', sa.Integer(), nullable=False),
    sa.Column('name_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', 'dob_year', 'name_id'),
    sqlite_with_rowid=False
    )
    op.create_table('cekal_name',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.Boolean(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('norm', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cekal_name', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cekal_name_entry_id'), ['entry_id'], unique=False)

    op.create_table('cekal_passport',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cekal_passport', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cekal_passport_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cekal_passport_number'), ['number'], unique=False)

    op.create_table('cekal_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('imported_by', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('cegah', sa.Integer(), nullable=False),
    sa.Column('tangkal', sa.Integer(), nullable=False),
    sa.Column('names', sa.Integer(), nullable=False),
    sa.Column('passports', sa.Integer(), nullable=False),
    sa.Column('added', sa.Integer(), nullable=False),
    sa.Column('removed', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('cekal_version')
    with op.batch_alter_table('cekal_passport', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cekal_passport_number'))
        batch_op.drop_index(batch_op.f('ix_cekal_passport_entry_id'))

    op.drop_table('cekal_passport')
    with op.batch_alter_table('cekal_name', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cekal_name_entry_id'))

    op.drop_table('cekal_name')
    op.drop_table('cekal_key')
    with op.batch_alter_table('cekal_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cekal_entry_version_id'))

    op.drop_table('cekal_entry')
    with op.batch_alter_table('cekal_change', schema=None) as batch_op:
        batch_op.drop_index('ix_cekal_change_version_kind')

    op.drop_table('cekal_change')
