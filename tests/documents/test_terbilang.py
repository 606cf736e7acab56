"""Indonesian amounts in words."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faskim_desktop.documents.terbilang import LIMIT, terbilang


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (7, "tujuh"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (400000, "empat ratus ribu"),
        (1000000, "satu juta"),
        (1250000, "satu juta dua ratus lima puluh ribu"),
        (2001000, "dua juta seribu"),
        (1000000000, "satu miliar"),
        (7000000001, "tujuh miliar satu"),
        (1000000000000, "satu triliun"),
        (123456789012345, "seratus dua puluh tiga triliun empat ratus lima puluh enam miliar "
                          "tujuh ratus delapan puluh sembilan juta dua belas ribu tiga ratus empat puluh lima"),
    ],
)
def test_words(amount: int, words: str) -> None:
    assert terbilang(amount, currency=None) == words


def test_with_currency() -> None:
    assert terbilang(400000) == "empat ratus ribu rupiah"
    assert terbilang(0) == "nol rupiah"
    assert terbilang(-1500) == "minus seribu lima ratus rupiah"


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        terbilang(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        terbilang(True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        terbilang("400000")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        terbilang(LIMIT)


@given(st.integers(min_value=1, max_value=LIMIT - 1))
def test_shape(amount: int) -> None:
    words = terbilang(amount, currency=None).split()
    assert "nol" not in words  # zero is never spoken inside a number
    assert words[0] not in {"ribu", "juta", "miliar", "triliun", "puluh", "ratus", "belas"}
    for i in range(len(words) - 1):  # a thousands group of exactly one is "seribu"
        if words[i : i + 2] == ["satu", "ribu"]:
            assert i > 0 and words[i - 1] in {"puluh", "ratus"}
    for a, b in itertools.pairwise(words):
        assert not (a == b and a in {"ribu", "juta", "miliar", "triliun"})
