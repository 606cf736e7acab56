"""Finding any case fast (issue 9): one query string plus filters, by name or by number.

What a query means
- It holds a digit: a **number**. Letters and digits only are kept and upper-cased, and the
  result is matched as a prefix of every number the case carries: application, receipt and
  register number, passport number, NIORA ("jks-pmh-2026-0001", "A0100", "5699"). A fragment
  that is the running sequence ("123", "000123", "2026-000123") finds the numbers ending in it.
- Otherwise a **name**: each word is folded like an MRZ (ICAO Doc 9303 part 3 §6: diacritics,
  case, apostrophes) and spelled the cekal normaliser's canonical way (``core.screening.normalise``:
  old Indonesian spellings, doubled letters, transliteration groups). Every word must match the
  start of some word of the applicant's name, in any order ("mul emm" finds "Emma Müller").
- Filters: states and a range of creation dates (office local days).

How it is fast: ``store.tables_search`` holds two narrow key tables; every lookup is a range seek
on a B-tree (``key >= q AND key < q || '~'``), streamed and cut at one page, so the cost depends
on the page size, not on the number of cases. With several name words, the rarest word's range
is read and the others are checked on the same index row (it carries all the name's tokens). Those tables are kept current here: every ORM
flush that adds or changes a case or a foreigner re-derives that row's keys in the same
transaction (SQLAlchemy ``after_flush`` listener registered on import). Bulk writers (the demo
seed) call ``index_cases`` / ``rebuild`` themselves.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain

from sqlalchemy import Integer, and_, bindparam, delete, event, func, insert, literal, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from faskim_desktop.core import sop
from faskim_desktop.core.screening import memo
from faskim_desktop.core.screening.normalise import canonical_token, fold, skeleton, strip_titles
from faskim_desktop.store.db import Store, translate_errors
from faskim_desktop.store.tables import Case, Foreigner
from faskim_desktop.store.tables_search import NAMES_LENGTH, TOKEN_LENGTH, SearchName, SearchNumber

log = logging.getLogger(__name__)

PAGE = 100
_HIGH = "~"  # sorts after A-Z and 0-9: [q, q + "~") holds every key starting with q
_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")
_PART = re.compile(r"[A-Z0-9]+")
_MIN_NAME_PREFIX = 1

_name = SearchName.__table__  # type: ignore[attr-defined]
_number = SearchNumber.__table__  # type: ignore[attr-defined]
_case = Case.__table__  # type: ignore[attr-defined]
_person = Foreigner.__table__  # type: ignore[attr-defined]


# --- keys -------------------------------------------------------------------------------------

def name_tokens(name: str) -> set[str]:
    """Index tokens of a name: each folded word and its canonical spelling."""
    out: set[str] = set()
    for token in fold(name or ""):
        out.add(token[:TOKEN_LENGTH])
        out.add(canonical_token(token)[:TOKEN_LENGTH])
    out.discard("")
    return out


def names_of(tokens: Iterable[str]) -> str:
    """The ``names`` column: every token, each after a space, so ``LIKE '% KIM%'`` is "a token starts
    with KIM"."""
    return "".join(f" {t}" for t in sorted(tokens))[:NAMES_LENGTH]


def name_rows(foreigner_id: int, name: str) -> list[dict]:
    tokens = name_tokens(name)
    names = names_of(tokens)
    return [{"token": t, "foreigner_id": foreigner_id, "names": names} for t in tokens]


def number_keys(value: str) -> set[str]:
    """Index keys of one number: letters and digits only, and its running sequence without
    leading zeros (the last all-digit part: "JKS/FSK/2026/00045" -> "JKSFSK202600045", "45")."""
    text = (value or "").upper()
    whole = _NOT_ALNUM.sub("", text)[:TOKEN_LENGTH]
    if not whole:
        return set()
    keys = {whole}
    parts = _PART.findall(text)
    if len(parts) > 1 and parts[-1].isdigit():
        keys.add(parts[-1].lstrip("0") or "0")
    return keys


def case_keys(number: str, receipt_no: str, register_no: str, passport_no: str, niora: str) -> set[str]:
    keys: set[str] = set()
    for value in (number, receipt_no, register_no, passport_no, niora):
        keys |= number_keys(value)
    return keys


# --- keeping the index current ----------------------------------------------------------------

def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def index_foreigners(conn: Connection, ids: Iterable[int]) -> None:
    """Re-derive the name tokens of these foreigners and the number keys of their cases."""
    wanted = sorted({int(i) for i in ids if i})
    for part in _chunks(wanted):
        conn.execute(delete(_name).where(_name.c.foreigner_id.in_(part)))
        rows = [row for fid, name in conn.execute(select(_person.c.id, _person.c.name)
                                                  .where(_person.c.id.in_(part)))
                for row in name_rows(fid, name)]
        if rows:
            conn.execute(insert(_name), rows)
        cases = conn.execute(select(_case.c.id).where(_case.c.foreigner_id.in_(part))).scalars().all()
        index_cases(conn, cases)


def index_cases(conn: Connection, ids: Iterable[int]) -> None:
    """Re-derive the number keys of these cases (their own numbers and their applicant's)."""
    wanted = sorted({int(i) for i in ids if i})
    for part in _chunks(wanted):
        conn.execute(delete(_number).where(_number.c.case_id.in_(part)))
        query = (
            select(_case.c.id, _case.c.number, _case.c.receipt_no, _case.c.register_no, _person.c.passport_no,
                   _person.c.niora)
            .select_from(_case.outerjoin(_person, _person.c.id == _case.c.foreigner_id))
            .where(_case.c.id.in_(part))
        )
        rows = [{"key": key, "case_id": cid}
                for cid, number, receipt, register, passport, niora in conn.execute(query)
                for key in case_keys(number, receipt, register, passport or "", niora or "")]
        if rows:
            conn.execute(insert(_number), rows)


def index_new(conn: Connection, people: Sequence[dict], cases: Sequence[dict]) -> None:
    """Index rows a bulk writer has just inserted (given as the dicts it inserted)."""
    names = [row for person in people for row in name_rows(person["id"], person["name"])]
    by_person = {person["id"]: person for person in people}
    numbers = []
    for case in cases:
        person = by_person.get(case.get("foreigner_id")) or {}
        for key in case_keys(case["number"], case.get("receipt_no", ""), case.get("register_no", ""),
                             person.get("passport_no", ""), person.get("niora", "")):
            numbers.append({"key": key, "case_id": case["id"]})
    if names:
        conn.execute(insert(_name), names)
    if numbers:
        conn.execute(insert(_number), numbers)


def rebuild_on(conn: Connection, batch: int = 20_000) -> tuple[int, int]:
    """Empty and refill both key tables from the store; returns (foreigners, cases) indexed."""
    conn.execute(delete(_name))
    conn.execute(delete(_number))
    people = cases = 0
    last = 0
    while True:
        rows = conn.execute(select(_person.c.id, _person.c.name).where(_person.c.id > last)
                            .order_by(_person.c.id).limit(batch)).all()
        if not rows:
            break
        names = [row for fid, name in rows for row in name_rows(fid, name)]
        memo.trim()  # the name caches shared with screening stay bounded over a million people
        if names:
            conn.execute(insert(_name), names)
        people += len(rows)
        last = rows[-1][0]
    last = 0
    while True:
        rows = conn.execute(
            select(_case.c.id, _case.c.number, _case.c.receipt_no, _case.c.register_no, _person.c.passport_no,
                   _person.c.niora)
            .select_from(_case.outerjoin(_person, _person.c.id == _case.c.foreigner_id))
            .where(_case.c.id > last).order_by(_case.c.id).limit(batch)
        ).all()
        if not rows:
            break
        keys = [{"key": k, "case_id": row[0]} for row in rows for k in case_keys(row[1], row[2], row[3], row[4] or "",
                                                                                   row[5] or "")]
        if keys:
            conn.execute(insert(_number), keys)
        cases += len(rows)
        last = rows[-1][0]
    return people, cases


def rebuild(store: Store) -> tuple[int, int]:
    with store.write() as session:
        return rebuild_on(session.connection())


_CASE_FIELDS = ("number", "receipt_no", "register_no", "foreigner_id")
_PERSON_FIELDS = ("name", "passport_no", "niora")


def _changed(session: Session, obj: object, fields: Sequence[str]) -> bool:
    from sqlalchemy import inspect as sa_inspect

    state = sa_inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in fields)


def _after_flush(session: Session, _context: object) -> None:
    cases: set[int] = set()
    people: set[int] = set()
    gone: set[int] = set()
    for obj in chain(session.new, session.dirty):
        if isinstance(obj, Case) and obj.id and (obj in session.new or _changed(session, obj, _CASE_FIELDS)):
            cases.add(obj.id)
        elif isinstance(obj, Foreigner) and obj.id and (obj in session.new or _changed(session, obj, _PERSON_FIELDS)):
            people.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Case) and obj.id:
            gone.add(obj.id)
    if not (cases or people or gone):
        return
    conn = session.connection()
    if people:
        index_foreigners(conn, people)
    if cases:
        index_cases(conn, cases)
    if gone:
        conn.execute(delete(_number).where(_number.c.case_id.in_(sorted(gone))))


if not event.contains(Session, "after_flush", _after_flush):
    event.listen(Session, "after_flush", _after_flush)


# --- queries ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    states: tuple[str, ...] = ()  # sop.State values; empty = any
    created_from: date | None = None  # office local days, inclusive
    created_to: date | None = None

    @property
    def empty(self) -> bool:
        return not self.states and self.created_from is None and self.created_to is None


@dataclass(frozen=True)
class Hit:
    case_id: int
    number: str
    state: str
    created_at: datetime
    name: str
    passport_no: str
    niora: str
    receipt_no: str
    register_no: str


@dataclass(frozen=True)
class Parsed:
    kind: str  # "number" | "name" | "all" (no text: filters only) | "none" (nothing searchable)
    number: str = ""
    words: tuple[tuple[str, ...], ...] = ()  # per query word: the prefixes any of which may match


def parse(text: str) -> Parsed:
    memo.trim()  # one search at a time: the shared name caches are bounded here
    text = (text or "").strip()[:200]
    if not text:
        return Parsed("all")
    if any(ch.isdigit() for ch in text):
        number = _NOT_ALNUM.sub("", text.upper())[:TOKEN_LENGTH]
        return Parsed("number", number=number) if number else Parsed("none")
    folded = strip_titles(fold(text))
    words = []
    for token in dict.fromkeys(folded):
        forms = {token[:TOKEN_LENGTH], skeleton(token)[:TOKEN_LENGTH], canonical_token(token)[:TOKEN_LENGTH]}
        # A form that is a prefix of another already covers it.
        kept = tuple(sorted(f for f in forms if f and not any(o != f and f.startswith(o) for o in forms)))
        if kept:
            words.append(kept)
    # Text with nothing searchable in it ("%", "'") finds nothing, rather than everything.
    return Parsed("name", words=tuple(words)) if words else Parsed("none")


def _ranges(column, prefixes: Iterable[str]):  # type: ignore[no-untyped-def]
    return or_(*(and_(column >= p, column < p + _HIGH) for p in prefixes))


def _utc_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _filter_terms(filters: Filters) -> list:  # type: ignore[type-arg]
    terms = []
    if filters.states:
        terms.append(_case.c.state.in_(list(filters.states)))
    if filters.created_from is not None:
        terms.append(_case.c.created_at >= _utc_day_start(filters.created_from))
    if filters.created_to is not None:
        terms.append(_case.c.created_at < _utc_day_start(filters.created_to + timedelta(days=1)))
    return terms


_COLUMNS = (_case.c.id, _case.c.number, _case.c.state, _case.c.created_at, _person.c.name, _person.c.passport_no,
            _person.c.niora, _case.c.receipt_no, _case.c.register_no)


def _hit(row: Sequence[object]) -> Hit:
    created = row[3]
    if isinstance(created, datetime) and created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return Hit(int(row[0]), str(row[1]), str(row[2]), created, str(row[4] or ""),  # type: ignore[arg-type]
               str(row[5] or ""), str(row[6] or ""), str(row[7] or ""), str(row[8] or ""))


class Search:
    """One query, read page by page (``next_page``) as the result table scrolls.

    Pages are cut in SQL (LIMIT/OFFSET over a streamed index range); a case found through two
    keys (its application and receipt sequence both starting "12") is returned once.
    """

    def __init__(self, store: Store, text: str, filters: Filters | None = None) -> None:
        self.store = store
        self.parsed = parse(text)
        self.filters = filters or Filters()
        self.exhausted = self.parsed.kind == "none"
        self._offset = 0
        self._seen: set[int] = set()
        self._fallback_done = False
        self._driver: int | None = None

    # The statement for raw rows [offset, offset + limit) of this query, and its parameters.
    # Statements are built once per *shape* (kind, words and prefixes per word, which filters)
    # with bound parameters, so a query costs an execution, not a statement construction.
    def _statement(self, conn: Connection, limit: int, offset: int):  # type: ignore[no-untyped-def]
        parsed, filters = self.parsed, self.filters
        params: dict[str, object] = {"lim": limit, "off": offset}
        fshape = (len(filters.states) > 0, filters.created_from is not None, filters.created_to is not None)
        if filters.states:
            params["states"] = list(filters.states)
        if filters.created_from is not None:
            params["cfrom"] = _utc_day_start(filters.created_from)
        if filters.created_to is not None:
            params["cto"] = _utc_day_start(filters.created_to + timedelta(days=1))
        if parsed.kind == "number":
            prefixes = [parsed.number]
            if parsed.number.isdigit() and parsed.number.startswith("0") and parsed.number.lstrip("0"):
                prefixes.append(parsed.number.lstrip("0"))
            _bind_prefixes(params, "n0", prefixes)
            shape: tuple = ("number", len(prefixes), fshape)
        elif parsed.kind == "name":
            driver = self._driver_word(conn)
            words = [parsed.words[driver], *(w for i, w in enumerate(parsed.words) if i != driver)]
            for index, word in enumerate(words):
                _bind_prefixes(params, f"w{index}", word)
                for j, prefix in enumerate(word):
                    params[f"w{index}_{j}_like"] = f"% {prefix}%"
            shape = ("name", tuple(len(w) for w in words), fshape)
        else:
            shape = ("all", fshape)
        statement = _STATEMENTS.get(shape)
        if statement is None:
            statement = _STATEMENTS[shape] = _build(shape)
        return statement, params
    def _driver_word(self, conn: Connection) -> int:
        """The query word with the fewest index rows (capped counts) drives the scan."""
        if self._driver is None:
            words = self.parsed.words
            if len(words) == 1:
                self._driver = 0
            else:
                cap = 5_000
                counts = []
                for word in words:
                    inner = select(literal(1)).where(_ranges(_name.c.token, word)).limit(cap).subquery()
                    counts.append(conn.execute(select(func.count()).select_from(inner)).scalar() or 0)
                self._driver = min(range(len(words)), key=lambda i: (counts[i], -len(words[i][0])))
        return self._driver

    def next_page(self, limit: int = PAGE) -> list[Hit]:
        """The next up to ``limit`` distinct cases; an empty list (and ``exhausted``) at the end."""
        out: list[Hit] = []
        if self.exhausted:
            return out
        # A plain Core connection (no ORM session): this runs on every keystroke pause.
        with translate_errors(), self.store.reader.connect() as conn:
            while len(out) < limit and not self.exhausted:
                want = limit - len(out)
                statement, params = self._statement(conn, want, self._offset)
                rows = conn.execute(statement, params).all()
                self._offset += len(rows)
                for row in rows:
                    if row[0] not in self._seen:
                        self._seen.add(row[0])
                        out.append(_hit(row))
                if len(rows) < want:
                    self.exhausted = True
            if self.exhausted and self.parsed.kind == "number" and not self._fallback_done and not self._seen:
                self._fallback_done = True
                out.extend(self._sequence_fallback(conn))
        return out

    def _sequence_fallback(self, conn: Connection) -> list[Hit]:
        """A tail fragment such as "2026-000123" (no key starts with it): found through its
        sequence key ("123"), then kept when one of the case's numbers really contains it."""
        number = self.parsed.number
        tail = re.search(r"(\d+)$", number)
        if not tail or len(number) < 2:
            return []
        digits = tail.group(1)
        # Where the sequence starts inside the fragment is unknown ("2026000123": the year's
        # digits come first), so each proper suffix, without its leading zeros, is tried.
        sequences = list(dict.fromkeys((digits[k:].lstrip("0") or "0") for k in range(1, len(digits))))
        if digits != number:
            sequences.insert(0, digits.lstrip("0") or "0")
        source = _number.join(_case, _case.c.id == _number.c.case_id).outerjoin(
            _person, _person.c.id == _case.c.foreigner_id)
        rows = []
        for sequence in sequences[:12]:
            rows += conn.execute(select(*_COLUMNS).select_from(source)
                                 .where(_number.c.key == sequence, *_filter_terms(self.filters))
                                 .order_by(_case.c.id).limit(1000)).all()
        out = []
        for row in rows:
            keys = [_NOT_ALNUM.sub("", str(v or "").upper()) for v in (row[1], row[7], row[8], row[5], row[6])]
            if row[0] not in self._seen and any(number in key for key in keys):
                self._seen.add(row[0])
                out.append(_hit(row))
        return out


def _bind_prefixes(params: dict[str, object], name: str, prefixes: Sequence[str]) -> None:
    for index, prefix in enumerate(prefixes):
        params[f"{name}_{index}_lo"] = prefix
        params[f"{name}_{index}_hi"] = prefix + _HIGH


def _bound_ranges(column, name: str, count: int):  # type: ignore[no-untyped-def]
    return or_(*(and_(column >= bindparam(f"{name}_{i}_lo"), column < bindparam(f"{name}_{i}_hi"))
                 for i in range(count)))


def _bound_filters(fshape: tuple[bool, bool, bool]) -> list:  # type: ignore[type-arg]
    has_states, has_from, has_to = fshape
    terms = []
    if has_states:
        terms.append(_case.c.state.in_(bindparam("states", expanding=True)))
    if has_from:
        terms.append(_case.c.created_at >= bindparam("cfrom"))
    if has_to:
        terms.append(_case.c.created_at < bindparam("cto"))
    return terms


def _build(shape: tuple):  # type: ignore[no-untyped-def,type-arg]
    """The statement of one query shape (see ``Search._statement``)."""
    kind = shape[0]
    limit, offset = bindparam("lim", type_=Integer), bindparam("off", type_=Integer)
    if kind == "number":
        _kind, count, fshape = shape
        source = _number.join(_case, _case.c.id == _number.c.case_id).outerjoin(
            _person, _person.c.id == _case.c.foreigner_id)
        return (select(*_COLUMNS).select_from(source)
                .where(_bound_ranges(_number.c.key, "n0", count), *_bound_filters(fshape))
                .order_by(_number.c.key, _number.c.case_id).limit(limit).offset(offset))
    if kind == "name":
        _kind, counts, fshape = shape
        # the other words are checked on the driver's own index row (its ``names``)
        checks = [or_(*(_name.c.names.like(bindparam(f"w{index}_{j}_like")) for j in range(count)))
                  for index, count in enumerate(counts[1:], 1)]
        source = _name.join(_case, _case.c.foreigner_id == _name.c.foreigner_id).join(
            _person, _person.c.id == _name.c.foreigner_id)
        statement = select(*_COLUMNS).select_from(source).where(
            _bound_ranges(_name.c.token, "w0", counts[0]), *checks, *_bound_filters(fshape))
        if counts[0] == 1:  # one range: the index order is free
            statement = statement.order_by(_name.c.token, _name.c.foreigner_id, _case.c.id)
        return statement.limit(limit).offset(offset)
    _kind, fshape = shape
    source = _case.outerjoin(_person, _person.c.id == _case.c.foreigner_id)
    return (select(*_COLUMNS).select_from(source).where(*_bound_filters(fshape))
            .order_by(_case.c.created_at.desc(), _case.c.id.desc()).limit(limit).offset(offset))


_STATEMENTS: dict[tuple, object] = {}  # type: ignore[type-arg]


def search(store: Store, text: str, filters: Filters | None = None, limit: int = PAGE) -> list[Hit]:
    """The first page of a query (convenience for the command line and tests)."""
    return Search(store, text, filters).next_page(limit)


def state_choices() -> tuple[str, ...]:
    """Every state a case can be in, in SOP order (for the status filter)."""
    return tuple(state.value for state in sop.State)

