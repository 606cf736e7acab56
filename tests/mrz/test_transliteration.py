"""Name folding per ICAO Doc 9303 part 3 section 6."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faskim_desktop.core.transliteration import to_mrz_field, to_mrz_name


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Müller", "MUELLER"),
        ("Jürgen Groß", "JUERGEN GROSS"),
        ("Åsa Ærø", "AASA AEROE"),
        ("Øystein", "OEYSTEIN"),
        ("Ängström", "AENGSTROEM"),
        ("José Ñúñez", "JOSE NUNEZ"),
        ("Łukasz Żółć", "LUKASZ ZOLC"),
        ("O'Brien-Smith", "OBRIEN SMITH"),
        ("ERIKSSON<<ANNA<MARIA", "ERIKSSON ANNA MARIA"),
        ("Þórður", "THORDUR"),
        ("Пётр Щукин", "PETR SHCHUKIN"),
        ("  siti   nurhaliza ", "SITI NURHALIZA"),
    ],
)
def test_icao_transliteration(text: str, folded: str) -> None:
    assert to_mrz_name(text) == folded


def test_mrz_field_pads_with_fillers() -> None:
    assert to_mrz_field("Eriksson", "Anna Maria", 39) == "ERIKSSON<<ANNA<MARIA" + "<" * 19
    assert len(to_mrz_field("A" * 50, "B", 39)) == 39


@given(st.text())
def test_output_alphabet(text: str) -> None:
    out = to_mrz_name(text)
    assert set(out) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
    assert out == out.strip() and "  " not in out
