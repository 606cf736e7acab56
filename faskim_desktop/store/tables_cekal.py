"""Tables of the cekal (cegah/tangkal) watch list and its screening index.

The list is replaced as a whole by each import; every import is a ``CekalVersion`` with its
counts and a diff (``CekalChange`` rows) against the previous one. The blocking index
(``CekalKey``) lives in the same database so that screening works on SQLite and PostgreSQL
alike: each row maps a 63-bit hash of a normalised name key, plus the entry's year of birth
(0 = unknown), to one name row. Queries seek on ``(key, dob_year)``.

No foreign-key constraints are declared between these tables on purpose: the list is replaced
by bulk deletes and inserts of a million rows inside one transaction, and SQLite disables its
fast truncate path for parent tables when foreign keys are enforced. The import module keeps
the references consistent itself (one transaction, all or nothing).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Index, PrimaryKeyConstraint
from sqlalchemy import DateTime as SADateTime
from sqlmodel import Field, SQLModel


class CekalVersion(SQLModel, table=True):
    """One import of the official list, with its counts and the diff against the previous one."""

    __tablename__ = "cekal_version"

    id: int | None = Field(default=None, primary_key=True)
    imported_at: datetime = Field(sa_column=Column(SADateTime(timezone=True), nullable=False))
    source: str = Field(default="", max_length=255)  # file name only, never its content
    imported_by: str = Field(default="", max_length=64)
    entries: int = 0
    cegah: int = 0
    tangkal: int = 0
    names: int = 0  # names + aliases indexed
    passports: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    unchanged: int = 0
    # the normalisation and key rules that built the index (core.screening.matcher.INDEX_SCHEME)
    index_scheme: int = Field(default=1, sa_column_kwargs={"server_default": "1"})


class CekalEntry(SQLModel, table=True):
    """One person on the list (the current version)."""

    __tablename__ = "cekal_entry"

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=300)
    dob: str = Field(default="", max_length=10)  # "YYYY-MM-DD", "YYYY" or ""
    dob_year: int | None = None
    dob_month: int | None = None
    dob_day: int | None = None
    nationality: str = Field(default="", max_length=3)
    list_type: str = Field(max_length=8)  # cegah | tangkal
    reason: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    version_id: int = Field(index=True)  # the version that added or last changed this entry
    digest: str = Field(max_length=40)  # content hash, for the diff of the next import


class CekalName(SQLModel, table=True):
    """The full name and each alias of an entry, with its normalised form."""

    __tablename__ = "cekal_name"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(index=True)
    alias: bool = False
    name: str = Field(max_length=300)
    norm: str = Field(max_length=300)  # canonical tokens separated by spaces


class CekalPassport(SQLModel, table=True):
    __tablename__ = "cekal_passport"

    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(index=True)
    number: str = Field(max_length=32, index=True)  # normalised: A-Z0-9 only


class CekalKey(SQLModel, table=True):
    """Blocking index: hash of a normalised name key and year of birth -> name row."""

    __tablename__ = "cekal_key"
    __table_args__ = (
        PrimaryKeyConstraint("key", "dob_year", "name_id"),
        {"sqlite_with_rowid": False},
    )

    key: int = Field(sa_column=Column(BigInteger, nullable=False, autoincrement=False))
    dob_year: int = Field(default=0)
    name_id: int


class CekalChange(SQLModel, table=True):
    """The diff of a version: which references were added, removed or changed."""

    __tablename__ = "cekal_change"
    __table_args__ = (Index("ix_cekal_change_version_kind", "version_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    version_id: int
    reference: str = Field(max_length=64)
    kind: str = Field(max_length=8)  # added | removed | changed
