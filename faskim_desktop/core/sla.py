"""How the office is doing against the SOP's *mutu baku* (issue 9): per step the median and
90th-percentile work time, the share within the standard, the waiting time before the step,
cases per day and the returned / held / rejected counts, for a day, a week or a month.

Every figure comes from ``case_step`` (each visit of a case to a state, with when it was
entered, started and finished) and ``faskim_case`` — grouped in SQL, never row by row in Python:

- work time of a visit = finished - started; waiting time = started - entered (a step is
  entered when the previous one finishes, so this is the wait between steps);
- times are counted in ``BUCKET_SECONDS`` buckets (6 s = 0.1 minute, the precision reports
  print), so a median or p90 is exact to the printed decimal and counts are exact;
- a visit belongs to the local day it finished on.

A month of a busy office holds millions of visits, so they are counted as they happen into
``sla_daily`` (per local day, state and bucket): every ORM flush that finishes a step or creates
a case adds 1 to its rows in the same transaction (an upsert, on SQLite and PostgreSQL alike).
A period then reads a few thousand roll-up rows, whatever the size of the store. Bulk writers
(the demo seed) add their counts with ``add``; ``rebuild`` recounts everything from
``case_step`` in SQL (revision 0003 runs it for stores that existed before).
"""

from __future__ import annotations

import enum
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import chain

from sqlalchemy import Date, Float, Integer, cast, delete, event, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from faskim_desktop.core import clock, sop
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import Case, CaseStep
from faskim_desktop.store.tables_search import SlaDaily

log = logging.getLogger(__name__)

BUCKET_SECONDS = 6
WORK, WAIT, ACTION, CREATED = 0, 1, 2, 3
MONTHLY = 10  # kind + MONTHLY: the same counts for the whole calendar month, dated its first day

_step = CaseStep.__table__  # type: ignore[attr-defined]
_case = Case.__table__  # type: ignore[attr-defined]
_daily = SlaDaily.__table__  # type: ignore[attr-defined]
Key = tuple[date, int, str, int]  # (day, kind, state or action, bucket)

# The visits measured per SOP step: the normal path only (a hold for Wasdakim is not step work).
MEASURED: tuple[sop.State, ...] = tuple(
    state for step in sop.STEPS for state in step.states if state is not sop.State.DITAHAN
)


class PeriodKind(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date  # first day, inclusive
    end: date  # last day, exclusive

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]


def period(kind: PeriodKind | str, anchor: date | None = None) -> Period:
    """The day, the ISO week (Monday first) or the calendar month holding ``anchor`` (default today)."""
    kind = PeriodKind(kind)
    anchor = anchor or clock.today()
    if kind is PeriodKind.DAY:
        return Period(kind, anchor, anchor + timedelta(days=1))
    if kind is PeriodKind.WEEK:
        start = anchor - timedelta(days=anchor.weekday())
        return Period(kind, start, start + timedelta(days=7))
    start = anchor.replace(day=1)
    end = (start + timedelta(days=32)).replace(day=1)
    return Period(kind, start, end)


def month(year: int, month_no: int) -> Period:
    return period(PeriodKind.MONTH, date(year, month_no, 1))


@dataclass(frozen=True)
class StepStats:
    step: str  # SOP step number ("1".."11", "4a")
    code: str  # sop Step.code (message "step.<code>")
    mutu_baku_minutes: int | None
    visits: int
    median_minutes: float | None
    p90_minutes: float | None
    within: int  # visits finished under the mutu baku
    wait_median_minutes: float | None
    wait_mean_minutes: float | None

    @property
    def share_within(self) -> float | None:
        return self.within / self.visits if self.visits and self.mutu_baku_minutes else None

    @property
    def over(self) -> bool:
        """The median is over the mutu baku."""
        return bool(self.mutu_baku_minutes and self.median_minutes is not None
                    and self.median_minutes > self.mutu_baku_minutes)


@dataclass(frozen=True)
class Summary:
    period: Period
    steps: tuple[StepStats, ...]
    cases_per_day: tuple[tuple[date, int], ...]
    actions: Mapping[str, int]  # sop.Action value -> how many were taken in the period

    @property
    def received(self) -> int:
        return self.actions.get(sop.Action.RECEIVE.value, 0)

    @property
    def cases_created(self) -> int:
        return sum(n for _day, n in self.cases_per_day)

    @property
    def finished(self) -> int:
        return self.actions.get(sop.Action.ARCHIVE.value, 0)

    @property
    def returned(self) -> int:
        """Files returned as incomplete at step 2."""
        return self.actions.get(sop.Action.CHECK_INCOMPLETE.value, 0)

    @property
    def corrections(self) -> int:
        """Files sent back by the official for correction (SOP ketidaksesuaian)."""
        return self.actions.get(sop.Action.RETURN_FOR_CORRECTION.value, 0)

    @property
    def held(self) -> int:
        return self.actions.get(sop.Action.SCREEN_HIT.value, 0)

    @property
    def rejected(self) -> int:
        return self.actions.get(sop.Action.CONFIRM_HIT.value, 0)

    def slowest(self, count: int = 3) -> tuple[StepStats, ...]:
        """Steps furthest over their standard (median / mutu baku), worst first."""
        rated = [s for s in self.steps if s.mutu_baku_minutes and s.median_minutes is not None]
        rated.sort(key=lambda s: (s.median_minutes or 0) / (s.mutu_baku_minutes or 1), reverse=True)
        return tuple(rated[:count])


# --- counting ---------------------------------------------------------------------------------

def local_day(moment: datetime) -> date:
    return (clock.aware(moment) or moment).astimezone().date()


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)


def _millis(moment: datetime) -> int:
    # Rounded to whole milliseconds, exactly as SQLite's date functions read a moment.
    return ((clock.aware(moment) or moment) - _EPOCH + _MS / 2) // _MS


def bucket(later: datetime, earlier: datetime) -> int:
    return max(0, (_millis(later) - _millis(earlier)) // (BUCKET_SECONDS * 1000))


def visit_keys(state: str, action: str, entered: datetime, started: datetime | None,
               finished: datetime) -> list[Key]:
    """The roll-up rows one finished visit adds 1 to."""
    day = local_day(finished)
    keys: list[Key] = [(day, ACTION, action or "", 0)]
    if started is not None:
        keys.append((day, WORK, state, bucket(finished, started)))
        keys.append((day, WAIT, state, bucket(started, entered)))
    return keys


def created_key(created: datetime) -> Key:
    return (local_day(created), CREATED, "created", 0)


def add(conn: Connection, counts: Mapping[Key, int]) -> None:
    """Add ``counts`` to the roll-up (insert, or add to the existing row), and to the month's rows
    (``MONTHLY`` + kind, on the month's first day) so that a month reads one row per bucket."""
    total: Counter[Key] = Counter()
    for (d, k, s, b), n in counts.items():
        total[(d, k, s, b)] += n
        if k != CREATED:
            total[(d.replace(day=1), MONTHLY + k, s, b)] += n
    rows = [{"day": d, "kind": k, "state": s, "bucket": b, "n": n} for (d, k, s, b), n in total.items() if n]
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    statement = upsert(_daily)
    statement = statement.on_conflict_do_update(
        index_elements=[_daily.c.day, _daily.c.kind, _daily.c.state, _daily.c.bucket],
        set_={"n": _daily.c.n + statement.excluded.n},
    )
    conn.execute(statement, rows)


def _after_flush(session: Session, _context: object) -> None:
    from sqlalchemy import inspect as sa_inspect

    counts: Counter[Key] = Counter()
    for obj in chain(session.new, session.dirty):
        if isinstance(obj, CaseStep):
            if obj.finished_at is None:
                continue
            if obj not in session.new:
                history = sa_inspect(obj).attrs.finished_at.history
                if not history.added or any(v is not None for v in history.deleted):
                    continue  # not finished by this flush
            counts.update(visit_keys(obj.state, obj.action, obj.entered_at, obj.started_at, obj.finished_at))
        elif isinstance(obj, Case) and obj in session.new and obj.created_at is not None:
            counts[created_key(obj.created_at)] += 1
    if counts:
        add(session.connection(), counts)


if not event.contains(Session, "after_flush", _after_flush):
    event.listen(Session, "after_flush", _after_flush)


def _bucket_sql(conn: Connection, later, earlier):  # type: ignore[no-untyped-def]
    """``bucket`` in SQL: both moments rounded to whole milliseconds, as in Python."""
    if conn.dialect.name == "sqlite":
        # julianday() reads milliseconds; half a millisecond keeps float error off a boundary
        seconds = (func.julianday(later) - func.julianday(earlier)) * 86400.0 + 0.0005
        return cast(seconds / BUCKET_SECONDS, Integer)  # truncates; durations are >= 0
    half = text("interval '0.5 milliseconds'")
    span = func.date_trunc("milliseconds", later + half) - func.date_trunc("milliseconds", earlier + half)
    return cast(func.floor((cast(func.extract("epoch", span), Float) + 0.0005) / BUCKET_SECONDS), Integer)


def _day_sql(conn: Connection, column):  # type: ignore[no-untyped-def]
    """The local day of a stored UTC moment, with the office's current UTC offset (Indonesia
    keeps no daylight saving time)."""
    offset = int((datetime.now().astimezone().utcoffset() or timedelta(0)).total_seconds())
    if conn.dialect.name == "sqlite":
        return func.date(column, f"{offset:+d} seconds")
    return cast(func.timezone("UTC", column) + text(f"interval '{offset} seconds'"), Date)


def utc_start(day: date) -> datetime:
    """The UTC moment the office's local ``day`` begins."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def rebuild(conn: Connection) -> int:
    """Recount the whole roll-up from ``case_step`` and ``faskim_case`` in SQL (a few full scans).
    Returns the number of roll-up rows."""
    conn.execute(delete(_daily))
    counts: Counter[Key] = Counter()
    done = _step.c.finished_at.is_not(None)
    day = _day_sql(conn, _step.c.finished_at).label("d")
    for kind, later, earlier in ((WORK, _step.c.finished_at, _step.c.started_at),
                                 (WAIT, _step.c.started_at, _step.c.entered_at)):
        b = _bucket_sql(conn, later, earlier).label("b")
        query = (select(day, _step.c.state, b, func.count()).where(done, _step.c.started_at.is_not(None))
                 .group_by(day, _step.c.state, b))
        for d, state, value, n in conn.execute(query):
            counts[(_as_date(d), kind, state, max(0, int(value or 0)))] += int(n)
    for d, action, n in conn.execute(select(day, _step.c.action, func.count()).where(done)
                                     .group_by(day, _step.c.action)):
        counts[(_as_date(d), ACTION, action or "", 0)] += int(n)
    created = _day_sql(conn, _case.c.created_at).label("d")
    for d, n in conn.execute(select(created, func.count()).group_by(created)):
        counts[(_as_date(d), CREATED, "created", 0)] += int(n)
    add(conn, counts)
    return len(counts)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# --- statistics from histograms ---------------------------------------------------------------

def _percentile(hist: Mapping[int, int], q: float) -> float | None:
    """The q-quantile in minutes (nearest rank over the buckets, bucket middle)."""
    total = sum(hist.values())
    if not total:
        return None
    rank = max(1, int(-(-q * total // 1)))  # ceil(q * total)
    seen = 0
    for bucket in sorted(hist):
        seen += hist[bucket]
        if seen >= rank:
            return (bucket + 0.5) * BUCKET_SECONDS / 60
    return None


def _mean(hist: Mapping[int, int]) -> float | None:
    total = sum(hist.values())
    if not total:
        return None
    return sum((b + 0.5) * n for b, n in hist.items()) * BUCKET_SECONDS / 60 / total


def _stats(rows: Iterable[tuple[int, str, int, int]]) -> tuple[tuple[StepStats, ...], dict[str, int]]:
    work: dict[str, Counter[int]] = defaultdict(Counter)
    wait: dict[str, Counter[int]] = defaultdict(Counter)
    actions: Counter[str] = Counter()
    for kind, state, bucket, n in rows:
        if kind == WORK:
            work[state][bucket] += n
        elif kind == WAIT:
            wait[state][bucket] += n
        elif kind == ACTION and state:
            actions[state] += n
    steps = []
    for step in sop.STEPS:
        states = [s.value for s in step.states if s in MEASURED]
        hist: Counter[int] = Counter()
        waits: Counter[int] = Counter()
        for state in states:
            hist.update(work.get(state, {}))
            waits.update(wait.get(state, {}))
        limit = step.mutu_baku_minutes
        within = sum(n for b, n in hist.items() if limit and (b + 1) * BUCKET_SECONDS <= limit * 60)
        steps.append(StepStats(step.number, step.code, limit, sum(hist.values()), _percentile(hist, 0.5),
                               _percentile(hist, 0.9), within, _percentile(waits, 0.5), _mean(waits)))
    return tuple(steps), dict(actions)


def summary(store: Store, which: Period) -> Summary:
    """The figures of a period, read from the roll-up (a few thousand rows for a month)."""
    today = clock.today()
    first, last = which.start, which.end - timedelta(days=1)
    per_day: dict[date, int] = {d: 0 for d in which.days if d <= today}
    whole_month = first.day == 1 and which.end == (first + timedelta(days=32)).replace(day=1)
    with store.read() as session:
        conn = session.connection()
        if whole_month:  # the month's own rows: one per bucket, however busy the office
            query = (select(_daily.c.kind - MONTHLY, _daily.c.state, _daily.c.bucket, _daily.c.n)
                     .where(_daily.c.day == first, _daily.c.kind >= MONTHLY))
        else:
            query = (select(_daily.c.kind, _daily.c.state, _daily.c.bucket, func.sum(_daily.c.n))
                     .where(_daily.c.day >= first, _daily.c.day <= last, _daily.c.kind < CREATED)
                     .group_by(_daily.c.kind, _daily.c.state, _daily.c.bucket))
        rows = [(int(k), str(s), int(b), int(n)) for k, s, b, n in conn.execute(query)]
        created = conn.execute(select(_daily.c.day, _daily.c.n)
                               .where(_daily.c.day >= first, _daily.c.day <= last, _daily.c.kind == CREATED))
        for day, n in created:
            per_day[_as_date(day)] = int(n)
    steps, actions = _stats(rows)
    return Summary(which, steps, tuple(sorted(per_day.items())), actions)


def action_counts(store: Store, day: date) -> dict[str, int]:
    """How many times each SOP action was taken on ``day`` (exact; roll-up or live)."""
    return dict(summary(store, period(PeriodKind.DAY, day)).actions)
