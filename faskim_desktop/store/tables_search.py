"""Tables of the case search index (issue 9).

Two narrow key tables (and the SLA day roll-up below), kept beside the data they index so that search works the same on SQLite
and PostgreSQL (no FTS5 or pg_trgm needed): every lookup is a range seek ``key >= q AND key < q
|| '~'`` on a B-tree, which both engines serve from the index alone.

- ``search_name``: one row per (name token, foreigner). Tokens are ICAO-folded (``to_mrz_name``)
  and also in the cekal normaliser's canonical spelling (``core.screening.normalise``), so
  "Müller", "Mueller" and "Muller" all meet.
- ``search_number``: one row per (number key, case): the application, receipt and register
  numbers (letters and digits only, and their running sequence without leading zeros), the
  passport number and the NIORA of the case's applicant.

Both are derived data: ``core.search.rebuild`` fills them from the store, and
``core.search`` keeps them current on every ORM flush that touches a case or a foreigner.
No foreign keys on purpose (bulk rebuilds delete and insert millions of rows).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, Index, Integer, PrimaryKeyConstraint, String
from sqlmodel import Field, SQLModel

from faskim_desktop.store.tables import AuditEvent, CaseStep

TOKEN_LENGTH = 40
NAMES_LENGTH = 400


class SearchName(SQLModel, table=True):
    __tablename__ = "search_name"
    __table_args__ = (
        PrimaryKeyConstraint("token", "foreigner_id"),
        Index("ix_search_name_foreigner", "foreigner_id", "token"),
        {"sqlite_with_rowid": False},
    )

    token: str = Field(sa_column=Column(String(TOKEN_LENGTH), nullable=False))
    foreigner_id: int = Field(sa_column=Column(Integer, nullable=False, autoincrement=False))
    # every token of the name, each after a space (" EMMA KIM MULER MUELLER"): the other words of
    # a query are checked on the index row itself (LIKE '% KIM%'), with no second lookup
    names: str = Field(default="", sa_column=Column(String(NAMES_LENGTH), nullable=False, server_default=""))


class SearchNumber(SQLModel, table=True):
    __tablename__ = "search_number"
    __table_args__ = (
        PrimaryKeyConstraint("key", "case_id"),
        Index("ix_search_number_case", "case_id"),
        {"sqlite_with_rowid": False},
    )

    key: str = Field(sa_column=Column(String(TOKEN_LENGTH), nullable=False))
    case_id: int = Field(sa_column=Column(Integer, nullable=False, autoincrement=False))


class SlaDaily(SQLModel, table=True):
    """Per-day roll-up of the SOP timings, so that a month of a busy office reads in milliseconds.

    ``kind`` 0: work time (started → finished) of the step visits finished that day, per
    ``state``, in ``core.sla.BUCKET_SECONDS`` buckets; 1: waiting time (entered → started) of the
    same visits; 2: count of step actions taken that day (``state`` holds the action); 3: cases
    created that day (``state`` = "created"); kinds 10, 11, 12: kinds 0-2 summed over the calendar
    month, dated its first day (a month then reads one row per bucket). Days are the office's
    local days. Kept current by
    ``core.sla`` on every flush that finishes a step or creates a case (an upsert adding 1), and
    rebuilt from ``case_step`` by ``core.sla.rebuild`` (revision 0003 does it for old stores).
    """

    __tablename__ = "sla_daily"
    __table_args__ = (
        PrimaryKeyConstraint("day", "kind", "state", "bucket"),
        {"sqlite_with_rowid": False},
    )

    day: date = Field(sa_column=Column(Date, nullable=False))
    kind: int = Field(sa_column=Column(Integer, nullable=False, autoincrement=False))
    state: str = Field(sa_column=Column(String(32), nullable=False))
    bucket: int = Field(sa_column=Column(Integer, nullable=False, autoincrement=False))
    n: int = 0


# The SLA roll-up reads a day's finished steps by their finishing time.
Index("ix_case_step_finished", CaseStep.__table__.c.finished_at)  # type: ignore[attr-defined]
# The case timeline reads every audit event of one case.
Index("ix_audit_event_entity", AuditEvent.__table__.c.entity, AuditEvent.__table__.c.entity_id)  # type: ignore[attr-defined]
