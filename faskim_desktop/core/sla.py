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

A month of a busy office holds millions of visits, so each finished day is rolled up once into
``sla_daily`` (a day never changes once it is over); today is always computed live. A period
then reads a few thousand roll-up rows. ``fill_rollups`` computes missing days ahead of time
(the demo seed and a nightly job may call it; ``summary`` fills whatever it lacks itself).
"""

from __future__ import annotations

import enum
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Float, Integer, cast, delete, func, insert, select
from sqlalchemy.engine import Connection

from faskim_desktop.core import clock, sop
from faskim_desktop.store.db import Store
from faskim_desktop.store.tables import Case, CaseStep
from faskim_desktop.store.tables_search import SlaDaily, SlaDay

log = logging.getLogger(__name__)

BUCKET_SECONDS = 6
WORK, WAIT, ACTION, CREATED = 0, 1, 2, 3

_step = CaseStep.__table__  # type: ignore[attr-defined]
_case = Case.__table__  # type: ignore[attr-defined]
_daily = SlaDaily.__table__  # type: ignore[attr-defined]
_days = SlaDay.__table__  # type: ignore[attr-defined]

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


# --- SQL ---------------------------------------------------------------------------------------

def _seconds(conn: Connection, later, earlier):  # type: ignore[no-untyped-def]
    if conn.dialect.name == "sqlite":
        return (func.julianday(later) - func.julianday(earlier)) * 86400.0
    return func.extract("epoch", later - earlier)


def _bucket(conn: Connection, later, earlier):  # type: ignore[no-untyped-def]
    seconds = _seconds(conn, later, earlier)
    if conn.dialect.name == "sqlite":
        return cast(seconds / BUCKET_SECONDS, Integer)  # truncates; durations are >= 0
    return cast(func.floor(cast(seconds, Float) / BUCKET_SECONDS), Integer)


def utc_start(day: date) -> datetime:
    """The UTC moment the office's local ``day`` begins."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _live(conn: Connection, start: date, end: date) -> list[tuple[int, str, int, int]]:
    """(kind, state/action, bucket, n) for [start, end) straight from the step records."""
    lo, hi = utc_start(start), utc_start(end)
    done = (_step.c.finished_at >= lo) & (_step.c.finished_at < hi)
    rows: list[tuple[int, str, int, int]] = []
    for kind, later, earlier in ((WORK, _step.c.finished_at, _step.c.started_at),
                                 (WAIT, _step.c.started_at, _step.c.entered_at)):
        bucket = _bucket(conn, later, earlier).label("b")
        query = (select(_step.c.state, bucket, func.count()).where(done, _step.c.started_at.is_not(None))
                 .group_by(_step.c.state, bucket))
        rows += [(kind, state, max(0, int(b or 0)), int(n)) for state, b, n in conn.execute(query)]
    query = select(_step.c.action, func.count()).where(done).group_by(_step.c.action)
    rows += [(ACTION, action or "", 0, int(n)) for action, n in conn.execute(query)]
    created = conn.execute(select(func.count()).select_from(_case)
                           .where(_case.c.created_at >= lo, _case.c.created_at < hi)).scalar() or 0
    rows.append((CREATED, "created", 0, int(created)))
    return rows


def _merge(rows: Iterable[tuple[int, str, int, int]]) -> list[tuple[int, str, int, int]]:
    total: Counter[tuple[int, str, int]] = Counter()
    for kind, state, bucket, n in rows:
        total[(kind, state, bucket)] += n
    return [(k, s, b, n) for (k, s, b), n in total.items()]


def rollup_day(conn: Connection, day: date) -> None:
    """Compute and store one finished day (replacing what was stored for it)."""
    rows = _merge(_live(conn, day, day + timedelta(days=1)))
    conn.execute(delete(_daily).where(_daily.c.day == day))
    conn.execute(delete(_days).where(_days.c.day == day))
    if rows:
        conn.execute(insert(_daily), [{"day": day, "kind": k, "state": s, "bucket": b, "n": n} for k, s, b, n in rows])
    conn.execute(insert(_days), [{"day": day, "computed_at": clock.now()}])


def _missing_days(conn: Connection, days: list[date]) -> list[date]:
    if not days:
        return []
    have = set(conn.execute(select(_days.c.day).where(_days.c.day >= days[0], _days.c.day <= days[-1])).scalars())
    return [d for d in days if d not in have]


def fill_rollups(store: Store, start: date | None = None, end: date | None = None) -> int:
    """Roll up every finished day in [start, end) not yet stored (default: from the first case
    to yesterday). Returns how many days were computed."""
    today = clock.today()
    end = min(end or today, today)
    if start is None:
        with store.read() as session:
            first = session.connection().execute(select(func.min(_case.c.created_at))).scalar()
        if first is None:
            return 0
        start = (clock.aware(first) or first).astimezone().date()
    days = [start + timedelta(days=i) for i in range((end - start).days)]
    with store.read() as session:
        missing = _missing_days(session.connection(), days)
    for first in range(0, len(missing), 31):  # one transaction per month's worth of days
        with store.write() as session:
            for day in missing[first : first + 31]:
                rollup_day(session.connection(), day)
    return len(missing)


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
    """The figures of a period: finished days from the roll-up (filled first where missing),
    today live."""
    today = clock.today()
    past = [d for d in which.days if d < today]
    if past:
        fill_rollups(store, past[0], past[-1] + timedelta(days=1))
    rows: list[tuple[int, str, int, int]] = []
    per_day: dict[date, int] = {d: 0 for d in which.days if d <= today}
    with store.read() as session:
        conn = session.connection()
        if past:
            query = (select(_daily.c.kind, _daily.c.state, _daily.c.bucket, func.sum(_daily.c.n))
                     .where(_daily.c.day >= past[0], _daily.c.day <= past[-1], _daily.c.kind != CREATED)
                     .group_by(_daily.c.kind, _daily.c.state, _daily.c.bucket))
            rows += [(int(k), str(s), int(b), int(n)) for k, s, b, n in conn.execute(query)]
            created = conn.execute(select(_daily.c.day, _daily.c.n)
                                   .where(_daily.c.day >= past[0], _daily.c.day <= past[-1], _daily.c.kind == CREATED))
            for day, n in created:
                per_day[day if isinstance(day, date) else date.fromisoformat(str(day))] = int(n)
        if which.start <= today < which.end:
            live = _live(conn, today, today + timedelta(days=1))
            per_day[today] = sum(n for k, _s, _b, n in live if k == CREATED)
            rows += [r for r in live if r[0] != CREATED]
    steps, actions = _stats(rows)
    return Summary(which, steps, tuple(sorted(per_day.items())), actions)


def action_counts(store: Store, day: date) -> dict[str, int]:
    """How many times each SOP action was taken on ``day`` (exact; roll-up or live)."""
    return dict(summary(store, period(PeriodKind.DAY, day)).actions)
