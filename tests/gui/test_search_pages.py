"""Search, case timeline and SLA dashboard pages (issue 9): type a fragment, rows appear; open the
story of a case; the dashboard draws the store's figures. Screenshots go to artifacts/screenshots."""

from __future__ import annotations

from PySide6.QtCore import Qt

from faskim_desktop.core import demo_data, search, sla, sop
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.gui.pages.case_timeline import CaseTimelineDialog
from faskim_desktop.gui.pages.dashboard import DashboardPage
from faskim_desktop.gui.pages.search import SearchPage
from tests.conftest import principals, standard_crew, wait_idle


def _crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    p = principals(ws)
    return standard_crew(p)


def _shot(widget, artifacts, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    for _ in range(5):  # let the charts' scene lay out titles, axes and legends
        QApplication.processEvents()
    (artifacts / "screenshots").mkdir(exist_ok=True)
    widget.grab().save(str(artifacts / "screenshots" / name))


def test_typing_a_fragment_shows_rows_and_enter_opens_the_timeline(qtbot, workspace, seat_factory,
                                                                   artifacts) -> None:
    demo_data.seed_cases(workspace.store, 800, days=30, seed=4)
    real = carry(workspace, _crew(workspace), sample_entry(seed=21, name="Zoë Anneliese Müller-Lüdenscheidt"),
                 until=sop.State.SELESAI).case
    assert real is not None
    ctx = seat_factory("spv1")
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.keyClicks(page.box, "ludensch zo")  # typed without the umlaut, words in any order
    with qtbot.waitSignal(page.model.first_rows, timeout=10_000):
        pass
    wait_idle(qtbot, ctx)
    assert [h.case_id for h in page.model.hits] == [real.id]
    assert page.model.data(page.model.index(0, 0)) == real.number

    page.box.clear()
    qtbot.keyClicks(page.box, "s")  # one letter: hundreds of names, fetched a page at a time
    qtbot.waitUntil(lambda: page.model.rowCount() >= 100, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() == 100 and page.model.canFetchMore()
    assert all(any(t.startswith("S") for t in search.name_tokens(h.name)) for h in page.model.hits)
    page.table.scrollToBottom()  # the view asks for more near the end
    qtbot.waitUntil(lambda: page.model.rowCount() > 100, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert len({h.case_id for h in page.model.hits}) == page.model.rowCount()
    _shot(page, artifacts, "search_results.png")

    page.state.setCurrentIndex(page.state.findData(sop.State.SELESAI.value))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and all(h.state == "selesai" for h in page.model.hits),
                    timeout=10_000)
    wait_idle(qtbot, ctx)

    page.box.clear()
    qtbot.keyClicks(page.box, real.number[-6:])
    qtbot.waitUntil(lambda: any(h.case_id == real.id for h in page.model.hits), timeout=10_000)
    wait_idle(qtbot, ctx)
    row = next(i for i, h in enumerate(page.model.hits) if h.case_id == real.id)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(page, "timeline_dialog", None) is not None, timeout=5000)
    dialog: CaseTimelineDialog = page.timeline_dialog
    qtbot.waitUntil(lambda: dialog.view.data is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    data = dialog.view.data
    assert data.case_id == real.id and data.state == "selesai"
    assert dialog.view.steps.rowCount() == len(data.steps) >= 13
    assert dialog.view.events.rowCount() == len(data.events) > 0
    assert any(r.kind == "payment" for r in data.records) and any(r.kind == "print" for r in data.records)
    assert {e.action for e in data.events} >= {"case.receive", "case.approve", "case.archive"}
    dialog.resize(1366, 768)
    _shot(dialog, artifacts, "search_timeline.png")
    dialog.view.tabs.setCurrentIndex(2)
    _shot(dialog, artifacts, "search_timeline_audit.png")
    dialog.close()

    # a seeded (historical) case: real durations, steps over the mutu baku marked
    from faskim_desktop.core.services.timeline_views import timeline

    over_case = next(cid for cid in range(1, 800) if any(v.over for v in timeline(workspace.store, cid).steps))
    seeded = CaseTimelineDialog(ctx, over_case)
    qtbot.addWidget(seeded)
    qtbot.waitUntil(lambda: seeded.view.data is not None, timeout=10_000)
    wait_idle(qtbot, ctx)
    row = next(i for i, v in enumerate(seeded.view.data.steps) if v.over)
    assert seeded.view.steps.item(row, 7).background().color().name() == "#fee2e2"
    seeded.resize(1366, 768)
    seeded.show()
    _shot(seeded, artifacts, "search_timeline_seeded.png")


def test_nothing_found_says_so(qtbot, workspace, seat_factory) -> None:
    ctx = seat_factory("loket1")
    page = SearchPage(ctx)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.box, "qqqzzz")
    qtbot.waitUntil(lambda: "Tidak ditemukan" in page.status.text(), timeout=10_000)
    assert page.model.rowCount() == 0


def test_dashboard_draws_the_store_figures(qtbot, workspace, seat_factory, artifacts) -> None:
    demo_data.seed_cases(workspace.store, 1500, days=45, seed=8)
    ctx = seat_factory("spv1")
    page = DashboardPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    with qtbot.waitSignal(page.rendered, timeout=20_000):
        page.refresh()
    wait_idle(qtbot, ctx)
    expected = sla.summary(workspace.store, sla.period("month"))
    assert page.summary is not None and page.summary.steps == expected.steps
    assert page.table.rowCount() == len(sop.STEPS)
    assert page.table.item(0, 1).text() == str(expected.steps[0].visits)
    series = page.step_chart.series()
    assert len(series) == 2  # bars (median, p90) and the mutu baku line
    medians = series[0].barSets()[0]
    assert [round(medians.at(i), 3) for i in range(medians.count())] == [
        round(s.median_minutes or 0.0, 3) for s in expected.steps]
    slowest = {s.step for s in expected.slowest(3)}
    assert sorted(medians.selectedBars()) == [i for i, s in enumerate(expected.steps) if s.step in slowest]
    assert all(s.step in page.slowest.text() for s in expected.slowest(3))
    assert page.day_chart.series()[0].barSets()[0].count() == len(expected.cases_per_day)
    _shot(page, artifacts, "dashboard_month.png")
    page.kind.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.summary is not None and page.summary.period.kind is sla.PeriodKind.DAY,
                    timeout=20_000)
    wait_idle(qtbot, ctx)
    _shot(page, artifacts, "dashboard_today.png")
