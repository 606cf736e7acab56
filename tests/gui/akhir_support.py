"""Shared by the Langkah Akhir GUI tests: the crew, a case carried to a state, pages at the
wizard's size, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import Crew, carry
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.card_output import CardOutputService
from faskim_desktop.core.services.issuance import IssuanceService
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.documents.compose.card import render_case_card
from faskim_desktop.store.tables import CardPrint, Case
from tests.conftest import principals, standard_crew

PAGE_SIZE = (1010, 600)  # the wizard's page area in a 1366×768 window


def crew(ws: Workspace) -> Crew:
    people = principals(ws)
    return standard_crew(people)


def case_at(ws: Workspace, state: sop.State) -> CaseRef:
    """A fresh case carried to ``state`` by the services (printing done by the services too)."""
    if state is sop.State.PENGESAHAN:
        case = carry(ws, crew(ws), until=sop.State.CETAK).case
        assert case is not None
        issuance = IssuanceService(ws, crew(ws).loket)
        print_id = issuance.begin_print(case.id, "simulated")
        CardOutputService(ws, crew(ws).loket).keep(case.id, render_case_card(ws, case.id), print_id)
        issuance.job_submitted(print_id, "sim-test")
        return issuance.finish_print(print_id, True)
    case = carry(ws, crew(ws), until=state).case
    assert case is not None and case.state is state, case
    return case


def stored_case(ws: Workspace, case_id: int) -> Case:
    with ws.store.read() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return found


def prints(ws: Workspace, case_id: int) -> list[CardPrint]:
    with ws.store.read() as session:
        return list(
            session.execute(
                select(CardPrint).where(CardPrint.case_id == case_id).order_by(CardPrint.id)
            ).scalars()
        )


def show_page(qtbot, page):  # type: ignore[no-untyped-def]
    qtbot.addWidget(page)
    page.resize(*PAGE_SIZE)
    page.show()
    return page


def screenshot(widget, artifacts: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    folder = artifacts / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"akhir_{name}.png"
    widget.grab().save(str(path))
    return path


@pytest.fixture
def akhir_seats(seat_factory, qtbot):  # type: ignore[no-untyped-def]
    """``seat_factory`` whose seats' store and device workers are drained (and the device workers
    stopped) before the test ends, so no result arrives after the widgets it was meant for are gone."""
    made = []

    def make(username: str, simulated: bool = True):  # type: ignore[no-untyped-def]
        ctx = seat_factory(username, simulated)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        qtbot.waitUntil(
            lambda ctx=ctx: ctx.tasks._pending == 0, timeout=30_000
        )  # every store result delivered
        workers = list(ctx.devices._workers.values())
        qtbot.waitUntil(lambda workers=workers: not any(w.busy for w in workers), timeout=30_000)
        ctx.devices.close()
        qtbot.waitUntil(lambda workers=workers: not any(w.busy for w in workers), timeout=30_000)
        for worker in workers:
            worker.shutdown(wait=True)
