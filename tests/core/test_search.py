"""Case search (issue 9): names tolerant of diacritics, order and fragments; numbers by prefix and
by sequence fragment; filters; the index kept current by the services' own writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from faskim_desktop.core import clock, demo_data, search, sop
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.store.tables import Case, Foreigner
from faskim_desktop.store.tables_search import SearchName, SearchNumber
from tests.conftest import principals, standard_crew


@pytest.fixture
def seeded(workspace):  # type: ignore[no-untyped-def]
    demo_data.seed_cases(workspace.store, 1500, days=60, seed=3)
    return workspace


def _crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    p = principals(ws)
    return standard_crew(p)


def _all(store, text, filters=None):  # type: ignore[no-untyped-def]
    query = search.Search(store, text, filters)
    hits = []
    while not query.exhausted:
        hits += query.next_page(500)
    return hits


def test_name_keys_fold_and_canonicalise() -> None:
    assert {"MUELLER", "MULER", "ZOE"} <= search.name_tokens("Zoë Müller")
    assert search.number_keys("JKS/FSK/2026/00045") == {"JKSFSK202600045", "45"}
    assert search.number_keys("A0100") == {"A0100"}
    assert search.number_keys("") == set()


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_query_means_filters_only(text: str) -> None:
    assert search.parse(text).kind == "all"


@pytest.mark.parametrize("text", ["---", "\x00", "'", "%_%", "!!", "\u200b"])
def test_text_with_nothing_searchable_finds_nothing(text: str) -> None:
    assert search.parse(text).kind == "none"


def test_long_and_odd_input_does_not_break(seeded) -> None:  # type: ignore[no-untyped-def]
    assert len(search.search(seeded.store, "ä" * 5000)) <= search.PAGE  # folded, cut to 40 letters
    assert search.search(seeded.store, "%_%") == []
    assert search.search(seeded.store, "1" * 300) == []
    assert isinstance(search.search(seeded.store, "Ω Ж 東京"), list)  # Cyrillic folds, CJK drops; never raises


def test_name_fragment_any_order_any_spelling_matches_the_store(seeded) -> None:  # type: ignore[no-untyped-def]
    with seeded.store.read() as session:
        expected = {cid for cid, name in session.execute(
            select(Case.id, Foreigner.name).join(Foreigner, Foreigner.id == Case.foreigner_id))
            if "Müller" in name and name.startswith("So")}
    assert expected
    for text in ("so mül", "MUELLER sophie", "muller so", "sophie müll"):
        found = {h.case_id for h in _all(seeded.store, text)}
        assert found == expected, text


def test_every_case_is_found_by_its_exact_numbers(seeded) -> None:  # type: ignore[no-untyped-def]
    with seeded.store.read() as session:
        case, person = session.execute(select(Case, Foreigner).join(Foreigner, Foreigner.id == Case.foreigner_id)
                                       .where(Case.register_no != "").limit(1)).one()
    for text in (case.number, case.receipt_no, case.register_no, person.passport_no, person.niora,
                 case.number.lower(), case.number.replace("-", " ")):
        hits = search.search(seeded.store, text)
        assert hits and hits[0].case_id == case.id, text


def test_number_prefix_and_sequence_fragments(seeded) -> None:  # type: ignore[no-untyped-def]
    with seeded.store.read() as session:
        numbers = dict(session.execute(select(Case.id, Case.number)).all())
    target = next(cid for cid, number in numbers.items() if number.endswith("000123"))
    year = numbers[target].split("-")[2]
    for text in ("000123", "123", f"{year}-000123", f"PMH-{year}-000123", numbers[target][:-1]):
        assert target in {h.case_id for h in _all(seeded.store, text)}, text
    # a prefix finds exactly the numbers that start with it (application numbers here)
    prefix = numbers[target][:-2]
    found = {h.case_id for h in _all(seeded.store, prefix)}
    assert found == {cid for cid, n in numbers.items() if n.startswith(prefix)}


def test_filters_state_and_dates(seeded) -> None:  # type: ignore[no-untyped-def]
    today = clock.today()
    start = today - timedelta(days=10)
    filters = search.Filters((sop.State.SELESAI.value,), start, today)
    hits = _all(seeded.store, "", filters)
    low = search._utc_day_start(start)
    with seeded.store.read() as session:
        expected = set(session.execute(select(Case.id).where(
            Case.state == sop.State.SELESAI.value, Case.created_at >= low)).scalars())
    assert {h.case_id for h in hits} == expected
    assert all(h.state == "selesai" for h in _all(seeded.store, "emma", search.Filters(("selesai",))))


def test_pages_are_distinct_and_complete(seeded) -> None:  # type: ignore[no-untyped-def]
    query = search.Search(seeded.store, "a")
    seen: list[int] = []
    while not query.exhausted:
        seen += [h.case_id for h in query.next_page(37)]
    assert len(seen) == len(set(seen))
    with seeded.store.read() as session:
        expected = {cid for cid, name in session.execute(
            select(Case.id, Foreigner.name).join(Foreigner, Foreigner.id == Case.foreigner_id))
            if any(t.startswith("A") for t in search.name_tokens(name))}
    assert set(seen) == expected


def test_index_follows_service_writes_and_rebuild_is_identical(workspace) -> None:  # type: ignore[no-untyped-def]
    crew = _crew(workspace)
    out = carry(workspace, crew, sample_entry(seed=11, name="Ólafur Þór Sigurðsson", passport="X1234567"),
                until=sop.State.PERSETUJUAN)
    assert out.case is not None
    assert [h.case_id for h in search.search(workspace.store, "sigurds olaf")] == [out.case.id]
    assert [h.case_id for h in search.search(workspace.store, "X1234567")] == [out.case.id]
    assert [h.case_id for h in search.search(workspace.store, out.case.number)] == [out.case.id]
    with workspace.store.read() as session:
        before = (set(session.execute(select(SearchName.token, SearchName.foreigner_id)).all()),
                  set(session.execute(select(SearchNumber.key, SearchNumber.case_id)).all()))
    search.rebuild(workspace.store)
    with workspace.store.read() as session:
        after = (set(session.execute(select(SearchName.token, SearchName.foreigner_id)).all()),
                 set(session.execute(select(SearchNumber.key, SearchNumber.case_id)).all()))
        assert session.execute(select(func.count()).select_from(SearchNumber)).scalar()
    assert before == after


def test_search_on_postgres_too(any_workspace) -> None:  # type: ignore[no-untyped-def]
    demo_data.seed_cases(any_workspace.store, 300, days=20, seed=5)
    with any_workspace.store.read() as session:
        case, name = session.execute(select(Case, Foreigner.name).join(Foreigner, Foreigner.id == Case.foreigner_id)
                                     .limit(1)).one()
    first, last = name.split()[0], name.split()[-1]
    assert case.id in {h.case_id for h in _all(any_workspace.store, f"{last[:3]} {first}")}
    assert search.search(any_workspace.store, case.number)[0].case_id == case.id
