"""The Screener: channels, validity, entries without a date of birth, fallback, index recall."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.screening import importer, matcher
from faskim_desktop.core.screening.normalise import from_norm, normalise
from faskim_desktop.core.screening.service import Screener, ScreeningQuery, _Prepared, prepare
from faskim_desktop.store.db import Store

from .conftest import row, write_list

TODAY = date(2026, 6, 1)
LIST = [
    row("R1", "Muhammad Yusuf bin Abdul Rahman", dob="1980-03-14", nationality="MYS", passports="A1234567"),
    row("R2", "Budi Santoso", dob="1975-07-01", nationality="IDN", list_type="cegah"),
    row("R3", "Siti Aminah", dob="1990-01-01", valid_until="2025-12-31"),  # expired
    row("R4", "Hans Müller", nationality="DEU"),  # no date of birth
    row("R5", "Nguyễn Văn Đức", dob="1990-11-02", valid_from="2027-01-01"),  # not yet in force
    row("R6", "Ali Baba Khan", dob="1970"),
]


@pytest.fixture
def screener(store: Store, tmp_path: Path) -> Screener:
    importer.import_list(store, write_list(tmp_path / "l.csv", LIST))
    return Screener(store, today=TODAY)


def refs(outcome) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.entry for h in outcome.hits]


def codes(outcome, entry: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for h in outcome.hits if h.entry == entry for r in h.reasons]


def test_hit_with_reasons_in_words(screener: Screener) -> None:
    outcome = screener.screen(ScreeningQuery("Mohd Yousef Abd al-Rahman", "1980-03-14", "MYS", None))
    assert outcome.hit and refs(outcome) == ["R1"] and outcome.list_version == 1
    hit = outcome.hits[0]
    assert hit.score == 100 and hit.list_type == "tangkal" and hit.name.startswith("Muhammad")
    assert [r.code for r in hit.reasons] == ["name.transliteration", "dob.exact", "nationality.match"]
    assert all(r.text("id") and r.text("en") != r.code for r in hit.reasons)


def test_dob_variants_and_mismatch(screener: Screener) -> None:
    assert "dob.day_month_swapped" in codes(screener.screen(ScreeningQuery("Budi Santoso", "1975-01-07")), "R2")
    assert "dob.year_pm1" in codes(screener.screen(ScreeningQuery("Budi Santoso", "1976-07-01")), "R2")
    assert "dob.year_only" in codes(screener.screen(ScreeningQuery("Budi Santoso", "1975")), "R2")
    assert "dob.missing" in codes(screener.screen(ScreeningQuery("Budi Santoso")), "R2")
    assert not screener.screen(ScreeningQuery("Budi Santoso", "1960-02-03")).hit


def test_passport_channel_always_hits(screener: Screener) -> None:
    outcome = screener.screen(ScreeningQuery("Completely Different", "2001-01-01", "FRA", "a 123-4567"))
    assert refs(outcome) == ["R1"] and outcome.hits[0].score == 100
    assert codes(outcome, "R1")[0] == "passport.exact"


def test_expired_entry_stays_on_record_but_does_not_match(screener: Screener, store: Store) -> None:
    assert not screener.screen(ScreeningQuery("Siti Aminah", "1990-01-01")).hit
    with store.read() as session:
        assert session.connection().execute(text("SELECT COUNT(*) FROM cekal_entry WHERE reference='R3'")).scalar()
    earlier = Screener(store, today=date(2025, 6, 1))
    assert earlier.screen(ScreeningQuery("Siti Aminah", "1990-01-01")).hit


def test_entry_not_yet_valid(screener: Screener, store: Store) -> None:
    assert not screener.screen(ScreeningQuery("Nguyen Van Duc", "1990-11-02")).hit
    assert Screener(store, today=date(2027, 2, 1)).screen(ScreeningQuery("Nguyen Van Duc", "1990-11-02")).hit


def test_entry_without_dob_alerts_on_name_alone(screener: Screener) -> None:
    outcome = screener.screen(ScreeningQuery("Hans Mueller", "1950-05-05", "DEU"))
    assert refs(outcome) == ["R4"] and "dob.missing" in codes(outcome, "R4")


def test_full_scan_fallback_when_no_usable_key(screener: Screener, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = Screener._full_scan

    def spy(self, conn, query):  # type: ignore[no-untyped-def]
        calls.append(query.name.norm)
        yield from original(self, conn, query)

    monkeypatch.setattr(Screener, "_full_scan", spy)
    screener.screen(ScreeningQuery("A. K.", "1970"))
    assert calls == ["A K"]
    calls.clear()
    screener.screen(ScreeningQuery("Budi Santoso"))
    assert calls == []


def test_threshold_setting(store: Store, screener: Screener) -> None:
    query = ScreeningQuery("Budi Santosa", "1975-07-01")
    assert screener.screen(query).hit
    assert not Screener(store, threshold=99, today=TODAY).screen(query).hit
    with pytest.raises(ValueError):
        Screener(store, threshold=101)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (ScreeningQuery(""), "name"),
        (ScreeningQuery("李小龙"), "name"),
        (ScreeningQuery("Budi", "1980-02-30"), "dob"),
        (ScreeningQuery("Budi", None, "Indonesia"), "nationality"),
        (ScreeningQuery("Budi", None, None, 1234), "passport"),  # type: ignore[arg-type]
    ],
)
def test_invalid_queries(screener: Screener, query: ScreeningQuery, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        screener.screen(query)
    assert caught.value.field == field and caught.value.message("en")


def test_screen_many(screener: Screener) -> None:
    out = screener.screen_many([ScreeningQuery("Budi Santoso", "1975-07-01"), ScreeningQuery(""), ScreeningQuery("X Y")])
    assert refs(out[0]) == ["R2"] and isinstance(out[1], ValidationError) and not out[2].hit


def test_empty_list_screens_clean(store: Store) -> None:
    outcome = Screener(store).screen(ScreeningQuery("Budi Santoso"))
    assert not outcome.hit and outcome.list_version is None


def test_index_loses_at_most_half_a_percent_against_full_scan(store: Store, tmp_path: Path, bench) -> None:  # type: ignore[no-untyped-def]
    """Same scorer, same year filter: what the blocking keys find vs comparing every name."""
    records = bench.generate_list(tmp_path / "list.csv", 6000, seed=7)
    importer.import_list(store, tmp_path / "list.csv")
    queries = [q for q in bench.build_queries(records, 260, seed=7) if q["kind"] not in ("clean", "expired")]
    with store.read() as session:
        conn = session.connection()
        names = conn.execute(
            text("SELECT n.entry_id, n.norm, e.dob_year FROM cekal_name n JOIN cekal_entry e ON e.id = n.entry_id")
        ).all()
        screener = Screener(store)
        found_full = found_index = 0
        rng = random.Random(3)
        rng.shuffle(queries)
        for q in queries[:140]:
            prepared: _Prepared = prepare(bench_query(q))
            year = prepared.dob.year if prepared.dob else None
            full = {
                entry_id
                for entry_id, norm, dob_year in names
                if (year is None or dob_year is None or abs(dob_year - year) <= 1)
                and matcher.score_names(prepared.name, from_norm(norm)).score >= screener.threshold
            }
            index = {entry_id for entry_id, _norm, _s in screener._name_candidates(conn, prepared)}
            assert index <= full | index
            found_full += len(full)
            found_index += len(full & index)
    assert found_full > 100
    assert found_index / found_full >= 0.995, (found_index, found_full)


def bench_query(q: dict) -> ScreeningQuery:
    return ScreeningQuery(q["name"], q["dob"], q["nationality"], None)


def test_normalised_query_used_for_blocking() -> None:
    assert matcher.key_hashes(normalise("Budi Santoso")) == matcher.key_hashes(normalise("BUDI  SANTOSO"))


def test_same_results_on_sqlite_and_postgres(any_workspace) -> None:  # type: ignore[no-untyped-def]
    from .conftest import REPO

    store = any_workspace.store
    importer.import_list(store, REPO / "resources" / "cekal" / "example.csv")
    again = importer.import_list(store, REPO / "resources" / "cekal" / "example.csv")
    assert again.unchanged == 5 and again.keys > 0
    screener = Screener(store, today=TODAY)
    outcome = screener.screen(ScreeningQuery("Mohd Yousef Abdul Rahman", "1980-03-14", "MYS"))
    assert refs(outcome) == ["CKL-2025-000101"] and outcome.list_version == again.version
    assert refs(screener.screen(ScreeningQuery("X Y", None, None, "C01X00T47"))) == ["CKL-2025-000104"]
    assert not screener.screen(ScreeningQuery("Siti Aisyah binti Ismail", "1988-07-21")).hit  # expired


def test_index_built_by_older_rules_is_refused_then_rebuilt_on_upgrade(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """A list indexed by other name rules would silently miss names: screening refuses it in
    words, and ``faskim db upgrade`` rebuilds it (other commands leave it to that)."""
    from faskim_desktop.cli import main
    from faskim_desktop.core.errors import FaskimError
    from faskim_desktop.core.workspace import open_workspace

    monkeypatch.setenv("FASKIM_NO_KEYRING", "1")
    monkeypatch.setenv("FASKIM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FASKIM_DB_URL", raising=False)
    ws = open_workspace(tmp_path / "data", upgrade=True)
    importer.import_list(ws.store, write_list(tmp_path / "l.csv", LIST))
    with ws.store.write() as session:  # what a store from before the rule change looks like
        conn = session.connection()
        conn.execute(text("UPDATE cekal_version SET index_scheme = 1"))
        conn.execute(text("DELETE FROM cekal_key"))
        conn.execute(text("UPDATE cekal_name SET norm = 'OLD'"))
    with pytest.raises(FaskimError) as refused:
        Screener(ws.store, today=TODAY).screen(ScreeningQuery("Budi Santoso", "1975-07-01"))
    assert refused.value.code == "screening.index_stale" and "faskim db upgrade" in refused.value.message("id")
    ws.close()
    assert main(["cekal", "versions"]) == 0  # opening the store for other work rebuilds nothing
    ws = open_workspace(tmp_path / "data")
    assert importer.index_stale(ws.store)
    ws.close()

    assert main(["--lang", "en", "db", "upgrade"]) == 0
    assert "The cekal list index was rebuilt" in capsys.readouterr().out
    ws = open_workspace(tmp_path / "data")
    try:
        assert not importer.index_stale(ws.store)
        outcome = Screener(ws.store, today=TODAY).screen(ScreeningQuery("Budi Santoso", "1975-07-01"))
        assert refs(outcome) == ["R2"]
        with ws.store.read() as session:
            norms = {n for (n,) in session.connection().execute(text("SELECT norm FROM cekal_name"))}
        assert "OLD" not in norms and "BUDI SANTOSO" in norms
    finally:
        ws.close()


@pytest.mark.parametrize(
    ("listed", "query"),
    [("Muhammad Suharto", "Suharto"), ("Suharto", "Muhammad Suharto"), ("Dra Zimmirwad Bilzimlim", "Dra Bilzimlim")],
)
def test_one_word_against_a_longer_name_with_the_same_birth_date(store: Store, tmp_path: Path, listed: str, query: str) -> None:
    """Partial names alert only with the listed person's exact date of birth, and the index finds them."""
    importer.import_list(store, write_list(tmp_path / "l.csv", [row("P1", listed, dob="1951-06-08")]))
    screener = Screener(store, today=TODAY)
    assert refs(screener.screen(ScreeningQuery(query, "1951-06-08"))) == ["P1"]
    assert refs(screener.screen(ScreeningQuery(query, "1951-06-09"))) == []
    assert refs(screener.screen(ScreeningQuery(query, None))) == []
