"""Engine and sessions of the store: embedded SQLite by default, PostgreSQL by URL.

SQLite is opened in WAL mode with foreign keys on, a busy timeout and ``synchronous=FULL`` (a
power cut never loses a committed step). Write transactions on SQLite start with
``BEGIN IMMEDIATE`` so two seats queue for the write lock instead of failing with "database is
locked" when a reader upgrades; readers use a separate engine with ordinary deferred
transactions, which WAL lets run beside a writer.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlmodel import Session

from faskim_desktop.core import messages
from faskim_desktop.core.errors import StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own handling defers it).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _make_engine(url: str, immediate: bool) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Store:
    """One database: a writer engine and a reader engine over the same URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        parsed = make_url(url)
        self.backend = parsed.get_backend_name()
        if self.backend == "sqlite" and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.writer = _make_engine(url, immediate=True)
        self.reader = _make_engine(url, immediate=False) if self.backend == "sqlite" else self.writer

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = make_url(self.url).database
        return Path(database) if self.is_sqlite and database and database != ":memory:" else None

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any exception."""
        with Session(self.writer, expire_on_commit=False) as session, translate_errors(), session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.reader, expire_on_commit=False) as session, translate_errors():
            yield session

    def dispose(self) -> None:
        self.writer.dispose()
        if self.reader is not self.writer:
            self.reader.dispose()

    def has_tables(self) -> bool:
        with translate_errors():
            return inspect(self.reader).has_table("alembic_version")

    def ping(self) -> None:
        with translate_errors(), self.reader.connect() as conn:
            conn.execute(text("SELECT 1"))


@contextlib.contextmanager
def translate_errors() -> Iterator[None]:
    """Turn driver failures that mean "this store cannot be used" into a StoreError."""
    try:
        yield
    except DatabaseError as err:
        orig = getattr(err, "orig", None)
        detail = str(orig or err).lower()
        if "file is not a database" in detail or "malformed" in detail:
            raise StoreError("store.not_a_database") from err
        if isinstance(err, OperationalError) and (
            "unable to open" in detail or "could not connect" in detail or "connection refused" in detail
        ):
            raise StoreError("store.unreachable") from err
        raise


messages.register(
    {
        "store.not_a_database": {
            "id": "Berkas basis data rusak atau bukan basis data Faskim. Pulihkan dari cadangan "
            "(faskim restore) atau pilih berkas lain; tidak ada data yang diubah.",
            "en": "The database file is damaged or not a Faskim database. Restore a backup "
            "(faskim restore) or choose another file; nothing was changed.",
        },
        "store.unreachable": {
            "id": "Basis data tidak dapat dibuka atau server tidak dapat dihubungi. Periksa "
            "alamat basis data (FASKIM_DB_URL) dan jaringan, lalu coba lagi.",
            "en": "The database cannot be opened or its server cannot be reached. Check the "
            "database address (FASKIM_DB_URL) and the network, then try again.",
        },
        "store.newer_schema": {
            "id": "Basis data ini dibuat oleh versi Faskim yang lebih baru ({revision}). Perbarui "
            "aplikasi ini; basis data tidak diubah.",
            "en": "This database was made by a newer Faskim version ({revision}). Update this "
            "application; the database was not changed.",
        },
        "store.not_initialised": {
            "id": "Basis data belum disiapkan. Jalankan 'faskim db upgrade'.",
            "en": "The database is not set up yet. Run 'faskim db upgrade'.",
        },
        "store.outdated_schema": {
            "id": "Struktur basis data perlu diperbarui. Jalankan 'faskim db upgrade' (buat cadangan dahulu).",
            "en": "The database structure needs an upgrade. Run 'faskim db upgrade' (back up first).",
        },
    }
)
