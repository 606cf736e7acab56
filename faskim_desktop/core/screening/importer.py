"""Importing a list file as a new version of the cekal list, with its blocking index.

One pass over the file validates, normalises and writes every row; all errors are collected
(with line and field) and any error rolls everything back. The whole replacement — entries, names, passports, index keys,
the version row and its diff — happens in one write transaction: an import is all or nothing.

Rows are written with ``executemany`` on the driver connection (SQLite) or SQLAlchemy Core
batches (other databases), never as ORM objects: a national list has a million rows. Index keys
are collected in compact arrays, sorted, and inserted in key order so the index B-tree is built
by appending rather than by random inserts.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from array import array
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from faskim_desktop.core import messages
from faskim_desktop.core.screening import listfile, memo
from faskim_desktop.core.screening.matcher import INDEX_SCHEME, key_hashes
from faskim_desktop.core.screening.normalise import NormalName, normalise
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables_cekal import (
    CekalChange,
    CekalEntry,
    CekalKey,
    CekalName,
    CekalPassport,
    CekalVersion,
)

log = logging.getLogger(__name__)

BATCH = 20_000


@dataclass(frozen=True)
class ImportResult:
    version: int
    entries: int
    cegah: int
    tangkal: int
    names: int
    passports: int
    keys: int
    added: int
    removed: int
    changed: int
    unchanged: int


def _insert(conn: Connection, table, columns: Sequence[str], rows: Sequence[tuple]) -> int:  # type: ignore[no-untyped-def]
    """Bulk insert of tuples; returns the row count."""
    if not rows:
        return 0
    if conn.dialect.name == "sqlite":
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(sql, rows)
        cursor.close()
        return len(rows)
    statement = insert(table)
    for start in range(0, len(rows), BATCH):
        conn.execute(statement, [dict(zip(columns, row, strict=True)) for row in rows[start : start + BATCH]])
    return len(rows)


def _previous(conn: Connection) -> dict[str, tuple[int, int]]:
    """reference → (digest, version_id) of the current list."""
    entry = CekalEntry.__table__
    result = conn.execute(select(entry.c.reference, entry.c.digest, entry.c.version_id))
    return {ref: (int(digest), version) for ref, digest, version in result}


def import_list(store: Store, path: Path, imported_by: str = "") -> ImportResult:
    """Replace the list with the content of ``path`` in one transaction, or change nothing.

    The file is read once: rows are validated, normalised and written as they come, inside the
    write transaction. Any error (every one is collected, with line and field) rolls the whole
    transaction back and raises ``listfile.ListFileError``; once an error is seen, the rest of
    the file is only validated, not written.
    """
    path = Path(path)
    with store.write() as session:
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size = -131072")  # 128 MiB for the bulk build
        previous = _previous(conn)
        version_table = CekalVersion.__table__
        version_id = conn.execute(
            insert(version_table)
            .values(
                imported_at=datetime.now(UTC), source=path.name[:255], imported_by=imported_by[:64],
                index_scheme=INDEX_SCHEME,
            )
            .returning(version_table.c.id)
        ).scalar_one()
        for table in (CekalKey, CekalPassport, CekalName, CekalEntry):
            conn.execute(delete(table.__table__))

        errors: list[listfile.RowError] = []
        counts = {"cegah": 0, "tangkal": 0, "added": 0, "changed": 0}
        change_rows: list[tuple] = []
        names_rows: list[tuple] = []
        passport_rows: list[tuple] = []
        entry_rows: list[tuple] = []
        totals = {"names": 0, "passports": 0}
        name_id = entry_id = 0

        def flush() -> None:
            _insert(
                conn,
                CekalEntry.__table__,
                (
                    "id", "reference", "name", "dob", "dob_year", "dob_month", "dob_day", "nationality",
                    "list_type", "reason", "valid_from", "valid_until", "version_id", "digest",
                ),
                entry_rows,
            )  # fmt: skip
            totals["names"] += _insert(conn, CekalName.__table__, ("id", "entry_id", "alias", "name", "norm"), names_rows)
            totals["passports"] += _insert(conn, CekalPassport.__table__, ("entry_id", "number"), passport_rows)
            _insert(conn, CekalChange.__table__, ("version_id", "reference", "kind"), change_rows)
            change_rows.clear()
            entry_rows.clear()
            names_rows.clear()
            passport_rows.clear()

        key_parts: list[tuple[bytes, bytes, bytes, int]] = []
        for rows, batch_keys in _prepared(path, errors):
            name_base = name_id
            for ref, fields, list_type, digest, names, passports in rows:
                if errors:
                    continue  # the import will be refused: only look for further errors
                entry_id += 1
                counts[list_type] += 1
                before = previous.pop(ref, None)  # what is left at the end was removed
                if before is None:
                    version = version_id
                    counts["added"] += 1
                    change_rows.append((version_id, ref, "added"))
                elif before[0] != digest:
                    version = version_id
                    counts["changed"] += 1
                    change_rows.append((version_id, ref, "changed"))
                else:
                    version = before[1]
                entry_rows.append((entry_id, ref, *fields, version, str(digest)))
                for position, (text_value, norm) in enumerate(names):
                    name_id += 1
                    names_rows.append((name_id, entry_id, position > 0, text_value, norm))
                for number in passports:
                    passport_rows.append((entry_id, number))
            if not errors:
                key_parts.append((*batch_keys, name_base))
            if len(entry_rows) >= BATCH:
                flush()
        if errors:
            errors.sort(key=lambda e: e.line)
            raise listfile.ListFileError(errors)
        if not entry_id:
            raise listfile.ListFileError([listfile.RowError(0, "", "cekal.import.no_rows")])
        removed = len(previous)
        change_rows.extend((version_id, ref, "removed") for ref in previous)
        del previous
        flush()
        total_keys = _insert_keys(conn, list(_key_arrays(key_parts)))
        del key_parts
        values = {
            "entries": entry_id,
            "cegah": counts["cegah"],
            "tangkal": counts["tangkal"],
            "names": totals["names"],
            "passports": totals["passports"],
            "added": counts["added"],
            "removed": removed,
            "changed": counts["changed"],
            "unchanged": entry_id - counts["added"] - counts["changed"],
        }
        conn.execute(update(version_table).where(version_table.c.id == version_id).values(**values))
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size = -2000")
        log.info("cekal list version %s imported: %s entries, %s keys", version_id, entry_id, total_keys)
    return ImportResult(version=version_id, keys=total_keys, **values)


PARALLEL_MIN_BYTES = 2_000_000  # smaller files are checked in this process
CHUNK = 2_000


Prepared = tuple[str, tuple, str, int, tuple[tuple[str, str], ...], tuple[str, ...]]
BatchKeys = tuple[bytes, bytes, bytes]  # key hashes (int64), years (int16), name ordinals (int32)


def _prepare_batch(
    batch: list[tuple[int, list[str], list[int], bool]],
) -> tuple[list[listfile.RowError], list[Prepared], BatchKeys]:
    """Field checks, normalisation, digest and index keys of a batch of records.

    Returns plain tuples and packed arrays (cheap to send back from a worker process): per row the
    reference, the entry's column values, list type, digest, (name, norm) of the name and each
    alias, and passport numbers; for the batch, every index key with its entry's year of birth
    (0 = unknown) and the ordinal of its name within the batch (the importer numbers the names).
    """
    errors, rows = listfile.check_records(batch)
    out: list[Prepared] = []
    named: list[tuple[NormalName, int]] = []
    for row in rows:
        dob = row.dob_parsed
        fields = (
            row.name, row.dob, dob.year if dob else None, dob.month if dob else None, dob.day if dob else None,
            row.nationality, row.list_type, row.reason, row.valid_from, row.valid_until,
        )  # fmt: skip
        names = tuple(zip((row.name, *row.aliases), (n.norm for n in row.names), strict=True))
        named.extend((name, dob.year if dob else 0) for name in row.names)
        out.append((row.reference, fields, row.list_type, row.digest(), names, row.passports))
    keys = _pack_keys(named)
    memo.trim()
    return errors, out, keys


def _pack_keys(named: Sequence[tuple[NormalName, int]]) -> BatchKeys:
    """The index keys of names (each with its entry's year of birth, 0 = unknown), packed: every
    key hash, its year, and the ordinal of its name in ``named``."""
    key_values, key_years, key_ordinals = array("q"), array("h"), array("i")
    for ordinal, (name, year) in enumerate(named):
        hashes = key_hashes(name)
        key_values.extend(hashes)
        key_years.extend(array("h", (year,)) * len(hashes))
        key_ordinals.extend(array("i", (ordinal,)) * len(hashes))
    return key_values.tobytes(), key_years.tobytes(), key_ordinals.tobytes()


def _key_arrays(parts: list[tuple[bytes, bytes, bytes, int]]):  # type: ignore[no-untyped-def]
    """The batches' keys as three numpy arrays: hash, year, name id (ordinal + the batch's base).

    Each batch's bytes are copied in and dropped at once, so a national list's ~100 MB of keys is
    never held twice.
    """
    import numpy as np

    total = sum(len(p[0]) // 8 for p in parts)
    keys = np.empty(total, dtype=np.int64)
    years = np.empty(total, dtype=np.int16)
    names = np.empty(total, dtype=np.int64)
    start = 0
    parts.reverse()  # popped from the end, in file order
    while parts:
        key_bytes, year_bytes, ordinals, base = parts.pop()
        end = start + len(key_bytes) // 8
        keys[start:end] = np.frombuffer(key_bytes, dtype=np.int64)
        years[start:end] = np.frombuffer(year_bytes, dtype=np.int16)
        names[start:end] = np.frombuffer(ordinals, dtype=np.int32)
        names[start:end] += base + 1
        start = end
    return keys, years, names


def _batches(path: Path, errors: list[listfile.RowError]) -> Iterator[list]:
    batch: list = []
    for record in listfile.records(path, errors):
        batch.append(record)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepared(path: Path, errors: list[listfile.RowError]) -> Iterator[tuple[list[Prepared], BatchKeys]]:
    """Prepared batches in file order; large files are prepared by worker processes (one per core)."""
    workers = min(4, os.cpu_count() or 1)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0  # the sequential path reports the unreadable file in words
    if workers < 2 or size < PARALLEL_MIN_BYTES:
        yield from _prepared_here(path, errors)
        return
    # "spawn": the caller may be a GUI process with threads, which must not be forked
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        pool.submit(_ready).result(timeout=120)
    except Exception:  # workers cannot start here (frozen or embedded interpreter …): do it alone
        log.warning("cekal import: worker processes unavailable, preparing rows in this process")
        pool.shutdown(wait=False, cancel_futures=True)
        yield from _prepared_here(path, errors)
        return
    with pool:
        pending: deque = deque()
        source = _batches(path, errors)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * workers + 2:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.append(pool.submit(_prepare_batch, batch))
            if not pending:
                return
            batch_errors, rows, keys = pending.popleft().result()
            errors.extend(batch_errors)
            yield rows, keys


def _ready() -> bool:
    return True


def _prepared_here(path: Path, errors: list[listfile.RowError]) -> Iterator[tuple[list[Prepared], BatchKeys]]:
    for batch in _batches(path, errors):
        batch_errors, rows, keys = _prepare_batch(batch)
        errors.extend(batch_errors)
        yield rows, keys


def _insert_keys(conn: Connection, columns: list) -> int:  # type: ignore[type-arg]
    """Insert the index rows sorted by (key, year, name) and without duplicates.

    ``columns`` holds the key, year and name-id sequences; it is emptied, so that each array
    can be dropped as soon as its sorted copy exists (a national list's are ~60 MB each).
    """
    import numpy as np

    keys, yrs, nms = (np.asarray(c, dtype=t) for c, t in zip(columns, (np.int64, np.int16, np.int64), strict=True))
    columns.clear()
    order = np.lexsort((nms, yrs, keys))
    keys = keys[order]
    yrs = yrs[order]
    nms = nms[order]
    del order
    # Equal rows only arise when two key strings of one name hash alike (63 bits: rare).
    repeated = (keys[1:] == keys[:-1]) & (yrs[1:] == yrs[:-1]) & (nms[1:] == nms[:-1])
    if repeated.any():
        keep = np.concatenate(([True], ~repeated))
        keys, yrs, nms = keys[keep], yrs[keep], nms[keep]

    total = 0
    step = 200_000
    for start in range(0, len(keys), step):
        chunk = slice(start, start + step)
        rows = list(zip(keys[chunk].tolist(), yrs[chunk].tolist(), nms[chunk].tolist(), strict=True))
        total += _insert(conn, CekalKey.__table__, ("key", "dob_year", "name_id"), rows)
    return total


def index_stale(store: Store) -> bool:
    """Whether the current list was indexed by other normalisation/key rules than this code's."""
    table = CekalVersion.__table__
    with store.read() as session:
        scheme = session.connection().execute(
            select(table.c.index_scheme).order_by(table.c.id.desc()).limit(1)
        ).scalar()
    return scheme is not None and scheme != INDEX_SCHEME


def reindex(store: Store) -> int:
    """Rebuild the stored normal forms and the blocking index of the current list with this
    code's rules, in one transaction (after an upgrade that changed them). Returns the key count."""
    import numpy as np

    names_table, entry_table, version_table = CekalName.__table__, CekalEntry.__table__, CekalVersion.__table__
    change_norm = update(names_table).where(names_table.c.id == bindparam("row_id")).values(norm=bindparam("norm"))
    with store.write() as session:
        conn = session.connection()
        rows = conn.execute(
            select(names_table.c.id, names_table.c.name, entry_table.c.dob_year)
            .join(entry_table, entry_table.c.id == names_table.c.entry_id)
            .order_by(names_table.c.id)
        ).all()
        parts: list[tuple[bytes, bytes, bytes, int]] = []
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            named = [(normalise(name), year or 0) for _id, name, year in chunk]
            conn.execute(change_norm, [{"row_id": row[0], "norm": n.norm} for row, (n, _y) in zip(chunk, named, strict=True)])
            parts.append((*_pack_keys(named), start - 1))  # ordinal + start = the row's place in `rows`
            memo.trim()
        keys, years, places = _key_arrays(parts)
        name_ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows))
        conn.execute(delete(CekalKey.__table__))
        total = _insert_keys(conn, [keys, years, name_ids[places]])
        latest = conn.execute(select(func.max(version_table.c.id))).scalar()
        if latest is not None:
            conn.execute(update(version_table).where(version_table.c.id == latest).values(index_scheme=INDEX_SCHEME))
    log.info("cekal index rebuilt with scheme %s: %s names, %s keys", INDEX_SCHEME, len(rows), total)
    return total


def current_version(store: Store) -> int | None:
    table = CekalVersion.__table__
    with store.read() as session:
        return session.connection().execute(select(func.max(table.c.id))).scalar()


def versions(store: Store) -> list[CekalVersion]:
    with store.read() as session:
        rows = session.connection().execute(
            select(CekalVersion.__table__).order_by(CekalVersion.__table__.c.id)
        )
        return [CekalVersion(**row._mapping) for row in rows]


def changes(store: Store, version: int) -> dict[str, list[str]]:
    table = CekalChange.__table__
    out: dict[str, list[str]] = {"added": [], "removed": [], "changed": []}
    with store.read() as session:
        for ref, kind in session.connection().execute(
            select(table.c.reference, table.c.kind).where(table.c.version_id == version).order_by(table.c.id)
        ):
            out.setdefault(kind, []).append(ref)
    return out


messages.register(
    {
        "cekal.import.no_rows": {
            "id": "Berkas tidak memuat satu pun entri; daftar lama tetap berlaku.",
            "en": "The file holds no entries; the current list stays in force.",
        },
    }
)
