"""Gapless numbers drawn inside the caller's transaction.

The counter row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite's write transactions
are already serialised by ``BEGIN IMMEDIATE``), incremented and written back in the same
transaction as the step that uses the number. A rollback returns the number, a commit makes it
permanent: no gap, no duplicate, whatever the number of seats.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from faskim_desktop.store.tables import Counter


def lock_counter(session: Session, name: str) -> Counter:
    """The locked counter row ``name``, created at zero if it does not exist yet."""
    counter = session.execute(select(Counter).where(Counter.name == name).with_for_update()).scalars().first()
    if counter is None:
        # Two seats may both find no row (a new year's first number): each inserts it with
        # ON CONFLICT DO NOTHING, so the one that comes second waits for the first's row instead
        # of failing on the primary key, then both lock the same row and take turns.
        _insert_missing(session, name)
        counter = (
            session.execute(select(Counter).where(Counter.name == name).with_for_update()).scalars().one()
        )
    return counter


def _insert_missing(session: Session, name: str) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported stores
        session.add(Counter(name=name, value=0, head=""))
        session.flush()
        return
    session.execute(insert(Counter).values(name=name, value=0, head="").on_conflict_do_nothing())


def next_value(session: Session, name: str) -> int:
    counter = lock_counter(session, name)
    counter.value += 1
    session.add(counter)
    session.flush()
    return counter.value


def peek(session: Session, name: str) -> int:
    counter = session.get(Counter, name)
    return counter.value if counter else 0
