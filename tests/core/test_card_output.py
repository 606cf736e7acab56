"""The printed card kept with the case, and the day's accounting of blank cards (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

from faskim_desktop.core import clock, sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.core.services.card_output import CardOutputService, blanks_used_on
from faskim_desktop.core.services.issuance import IssuanceService
from tests.conftest import PASSWORD, principals, standard_crew


def test_every_blank_of_the_day_is_accounted_for_and_the_last_card_kept(any_workspace) -> None:
    ws = any_workspace
    people = principals(ws)
    crew = standard_crew(people)
    case = carry(ws, crew, until=sop.State.CETAK).case
    issuance, output = IssuanceService(ws, people["loket1"]), CardOutputService(ws, people["loket1"])
    assert output.latest(case.id) is None

    jammed = issuance.begin_print(case.id, "sim")
    output.keep(case.id, b"%PDF-1 first", jammed)
    issuance.finish_print(jammed, False, "media-jam")  # a failed blank
    printed = issuance.begin_print(case.id, "sim")
    assert printed != jammed
    output.keep(case.id, b"%PDF-1 second", printed)
    issuance.finish_print(printed, True)
    IssuanceService(ws, people["kakanim1"]).reprint(case.id, "Tinta luntur", "spv1", PASSWORD)  # spoiled
    again = issuance.begin_print(case.id, "sim")
    output.keep(case.id, b"%PDF-1 third", again)
    issuance.finish_print(again, True)

    assert output.latest(case.id) == b"%PDF-1 third"
    today = blanks_used_on(ws, clock.today())
    assert (today.completed, today.failed, today.spoiled) == (1, 1, 1)
    tomorrow = blanks_used_on(ws, clock.today() + timedelta(days=1))
    assert (tomorrow.completed, tomorrow.failed, tomorrow.spoiled) == (0, 0, 0)
