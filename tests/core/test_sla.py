"""SLA figures (issue 9) against the store itself: counts exact, medians to the 0.1-minute bucket."""

from __future__ import annotations

import statistics
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from faskim_desktop.core import clock, demo_data, sla, sop
from faskim_desktop.store.tables import Case, CaseStep
from faskim_desktop.store.tables_search import SlaDaily


@pytest.fixture
def seeded(workspace):  # type: ignore[no-untyped-def]
    demo_data.seed_cases(workspace.store, 1200, days=40, seed=9)
    return workspace


def _steps_finished(store, which: sla.Period):  # type: ignore[no-untyped-def]
    lo, hi = sla.utc_start(which.start), sla.utc_start(which.end)
    with store.read() as session:
        return session.execute(select(CaseStep).where(CaseStep.finished_at >= lo, CaseStep.finished_at < hi)).scalars().all()


def _check(store, which: sla.Period) -> sla.Summary:  # type: ignore[no-untyped-def]
    summary = sla.summary(store, which)
    rows = _steps_finished(store, which)
    actions: dict[str, int] = {}
    for row in rows:
        actions[row.action] = actions.get(row.action, 0) + 1
    assert {k: v for k, v in summary.actions.items() if v} == {k: v for k, v in actions.items() if k}
    for stats in summary.steps:
        step = sop.step(stats.step)
        mine = [r for r in rows if r.state in {s.value for s in step.states} and r.state != "ditahan"
                and r.started_at is not None]
        work = [((clock.aware(r.finished_at) - clock.aware(r.started_at)).total_seconds()) / 60 for r in mine]
        assert stats.visits == len(work)
        if work:
            assert stats.median_minutes == pytest.approx(sorted(work)[(len(work) + 1) // 2 - 1], abs=0.06)
            assert stats.p90_minutes is not None
            if step.mutu_baku_minutes:
                assert stats.within == sum(1 for w in work if w < step.mutu_baku_minutes)
            waits = [((clock.aware(r.started_at) - clock.aware(r.entered_at)).total_seconds()) / 60 for r in mine]
            assert stats.wait_mean_minutes == pytest.approx(statistics.mean(waits), abs=0.06)
    lo, hi = sla.utc_start(which.start), sla.utc_start(which.end)
    with store.read() as session:
        created = session.execute(select(func.count()).select_from(Case)
                                  .where(Case.created_at >= lo, Case.created_at < hi)).scalar()
    assert summary.cases_created == created
    return summary


def test_month_week_day_match_the_store(seeded) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    for which in (sla.period("month", today), sla.period("week", today), sla.period("day", today),
                  sla.period("month", today - timedelta(days=31)), sla.period("day", today - timedelta(days=3))):
        _check(seeded.store, which)


def _rollup(store) -> dict:  # type: ignore[no-untyped-def]
    with store.read() as session:
        return {(r.day, r.kind, r.state, r.bucket): r.n for r in session.execute(select(SlaDaily)).scalars()}


def test_rebuild_in_sql_recounts_what_was_added_as_it_happened(seeded) -> None:  # type: ignore[no-untyped-def]
    before = _rollup(seeded.store)
    with seeded.store.write() as session:
        sla.rebuild(session.connection())
    after = _rollup(seeded.store)

    def totals(rollup):  # type: ignore[no-untyped-def]
        out: dict = {}
        for (day, kind, state, _b), n in rollup.items():
            out[(day, kind, state)] = out.get((day, kind, state), 0) + n
        return out

    assert totals(before) == totals(after)
    assert before == after  # bucket by bucket: both sides round the moments to whole milliseconds


def test_services_keep_the_rollup_current(workspace) -> None:  # type: ignore[no-untyped-def]
    from faskim_desktop.core.scripted_case import carry, sample_entry
    from tests.conftest import principals, standard_crew

    p = principals(workspace)
    crew = standard_crew(p)
    carry(workspace, crew, sample_entry(seed=41), until=sop.State.SELESAI)
    carry(workspace, crew, sample_entry(seed=42), until=sop.State.PEMBAYARAN)
    summary = _check(workspace.store, sla.period("day"))
    assert summary.received == 2 and summary.finished == 1 and summary.cases_created == 2
    before = _rollup(workspace.store)
    with workspace.store.write() as session:
        sla.rebuild(session.connection())
    assert _rollup(workspace.store) == before


def test_returned_held_rejected_counts(seeded) -> None:  # type: ignore[no-untyped-def]
    which = sla.Period(sla.PeriodKind.MONTH, clock.today() - timedelta(days=60), clock.today() + timedelta(days=1))
    summary = _check(seeded.store, which)
    with seeded.store.read() as session:
        returned = session.execute(select(func.count()).select_from(Case).where(
            Case.state == sop.State.DIKEMBALIKAN.value)).scalar()
        rejected = session.execute(select(func.count()).select_from(Case).where(
            Case.state == sop.State.DITOLAK_CEKAL.value)).scalar()
    assert summary.returned == returned and returned > 0
    assert summary.rejected == rejected and summary.held >= rejected > 0
    slow = summary.slowest(3)
    assert len(slow) == 3
    ratios = [(s.median_minutes or 0) / (s.mutu_baku_minutes or 1) for s in slow]
    assert ratios == sorted(ratios, reverse=True)


def test_periods() -> None:
    from datetime import date

    assert sla.period("week", date(2026, 11, 29)).start == date(2026, 11, 23)
    assert sla.period("month", date(2026, 12, 15)).end == date(2027, 1, 1)
    assert len(sla.month(2026, 2).days) == 28
    with pytest.raises(ValueError):
        sla.period("year")


def test_empty_store_gives_empty_figures(workspace) -> None:  # type: ignore[no-untyped-def]
    summary = sla.summary(workspace.store, sla.period("month"))
    assert all(s.visits == 0 and s.median_minutes is None for s in summary.steps)
    assert summary.cases_created == 0


def test_same_figures_on_postgres(any_workspace) -> None:  # type: ignore[no-untyped-def]
    demo_data.seed_cases(any_workspace.store, 300, days=20, seed=6)
    today = clock.today()
    _check(any_workspace.store, sla.period("month", today))
    _check(any_workspace.store, sla.period("week", today - timedelta(days=7)))
    before = _rollup(any_workspace.store)
    with any_workspace.store.write() as session:
        sla.rebuild(session.connection())
    assert _rollup(any_workspace.store) == before
