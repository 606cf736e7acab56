"""Scores of each variant kind, date-of-birth compatibility and blocking keys."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from faskim_desktop.core.screening import matcher
from faskim_desktop.core.screening.matcher import Dob, dob_compare, parse_dob, score_names
from faskim_desktop.core.screening.normalise import normalise

LISTED = "Muhammad Yusuf bin Abdul Rahman"


def score(query: str, entry: str = LISTED) -> matcher.NameScore:
    return score_names(normalise(query), normalise(entry))


@pytest.mark.parametrize(
    ("query", "entry", "flag"),
    [
        ("Muhammad Yusuf Abdul Rahman", LISTED, "exact"),
        ("Mohd Yousef Abd al-Rahman", LISTED, "exact"),  # transliteration: canonical tokens equal
        ("Abdul Rahman Muhammad Yusuf", LISTED, "order_swap"),
        ("Muhammad Abdul Rahman", LISTED, "dropped_token"),
        ("M. Yusuf Abdul Rahman", LISTED, "initials"),
        ("Muhammad Yusuf Abdul Rahmna", LISTED, "typo"),
        ("Muhammad Yusuf Abdulrahman", LISTED, "merged_split"),
        ("Budi Santoso", "Budi Santosa", "typo"),
        ("Siti Nur Haliza", "Siti Nurhaliza", "merged_split"),
        ("Moha Mmed Ali", "Mohammed Ali", "merged_split"),
        ("C. Anwar", "Chairul Anwar", "initials"),  # initial of the written form, not the canonical KH
        ("Omra Hakim", "Omar Hakim", "typo"),  # typo in a transliterated word: folded forms compared
    ],
)
def test_variant_scores_above_threshold(query: str, entry: str, flag: str) -> None:
    result = score(query, entry)
    assert result.score >= matcher.ALERT_THRESHOLD, result
    assert flag in result.flags


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Budi Setiawan", "Budi Santoso"),
        ("Ahmad Yani", "Ahmad Yanto"),
        ("Muhammad", "Muhammad Ali Khan"),  # one word against a longer name
        ("A. B.", "Ali Baba"),  # initials alone never alert
        ("Wang Wei", "Wang Fang"),
    ],
)
def test_different_people_score_below_threshold(query: str, entry: str) -> None:
    assert score(query, entry).score < matcher.ALERT_THRESHOLD


def test_exact_is_100_and_symmetric_enough() -> None:
    assert score(LISTED).score == 100
    a = score_names(normalise("Budi Santoso"), normalise("Budi Wijaya Santoso")).score
    b = score_names(normalise("Budi Wijaya Santoso"), normalise("Budi Santoso")).score
    assert a == b


@pytest.mark.parametrize(
    ("query", "entry", "code"),
    [
        ("1980-03-14", "1980-03-14", "dob.exact"),
        ("1980-03-04", "1980-04-03", "dob.day_month_swapped"),
        ("1981-03-14", "1980-03-14", "dob.year_pm1"),
        ("1980", "1980-03-14", "dob.year_only"),
        ("1980-03-14", "1981", "dob.year_only"),
        (None, "1980-03-14", "dob.missing"),
        ("1980-03-14", None, "dob.missing"),
        ("1980-03-15", "1980-03-14", "dob.mismatch"),
        ("1975", "1980", "dob.mismatch"),
    ],
)
def test_dob_compare(query: str | None, entry: str | None, code: str) -> None:
    assert dob_compare(parse_dob(query), parse_dob(entry))[0] == code


def test_dob_mismatch_cannot_alert() -> None:
    assert 100 + dob_compare(Dob(1980, 1, 1), Dob(1990, 5, 5))[1] < matcher.ALERT_THRESHOLD


@pytest.mark.parametrize("bad", ["1980-02-30", "80-01-01", "1980/01/01", "19800101", "abcd", "0001", "1980-1-1"])
def test_parse_dob_refuses(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_dob(bad)


def test_nationality() -> None:
    assert matcher.nationality_compare("IDN", "idn") == ("nationality.match", 0)
    assert matcher.nationality_compare("IDN", "MYS")[0] == "nationality.mismatch"
    assert matcher.nationality_compare(None, "MYS") == (None, 0)


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Abdul Rahman Muhammad Yusuf", LISTED),
        ("Muhammad Abdul Rahman", LISTED),
        ("M. Yusuf Abdul Rahman", LISTED),
        ("Mohd Yousef Abd al-Rahman", LISTED),
        ("Xudi Santoso", "Budi Santoso"),  # typo in the first letter of a two-word name
        ("Budi Xantoso", "Budi Santoso"),
        ("Abdulrahman", "Abdul Rahman"),
        ("Suhrato", "Suharto"),
        ("C. Anwar", "Chairul Anwar"),
    ],
)
def test_variants_share_a_blocking_key(query: str, entry: str) -> None:
    assert matcher.key_strings(normalise(query), query=True) & matcher.key_strings(normalise(entry))


def test_usable() -> None:
    assert matcher.usable(normalise("Budi Santoso"))
    assert not matcher.usable(normalise("A. B."))
    assert matcher.usable(normalise("Ali"))


_WORD = st.text(alphabet="ABCDEFGHIJKLMNOPRSTUWY", min_size=3, max_size=9)


def _edit(word: str, kind: int, position: int, letter: str) -> str:
    position %= len(word)
    if kind == 0:  # substitution
        return word[:position] + letter + word[position + 1 :]
    if kind == 1:  # deletion
        return word[:position] + word[position + 1 :]
    if kind == 2:  # insertion
        return word[:position] + letter + word[position:]
    position = min(position, len(word) - 2)  # transposition of neighbours
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


@settings(max_examples=1500, deadline=None)
@given(
    words=st.lists(_WORD, min_size=1, max_size=3),
    which=st.integers(0, 2),
    kind=st.integers(0, 3),
    position=st.integers(0, 20),
    letter=st.sampled_from("ABCDEFGHIJKLMNOPRSTUWY"),
)
def test_one_typo_never_escapes_the_blocking_keys(words, which, kind, position, letter) -> None:  # type: ignore[no-untyped-def]
    """Whatever one edit does to one word, a name still scoring as a match shares a key (the
    claim of the T/Q/P key design, which the index relies on to never hide such a name)."""
    listed = normalise(" ".join(words))
    edited = list(words)
    target = edited[which % len(edited)]
    edited[which % len(edited)] = _edit(target, kind, position, letter) if len(target) > 1 else target
    query = normalise(" ".join(edited))
    # names, not title or particle words (those are dropped before any key is made)
    assume(len(listed.tokens) == len(words) and len(query.tokens) == len(words))
    assume(all(len(t) >= 3 for t in listed.tokens + query.tokens))  # not collapsed by spelling rules
    if matcher.can_alert(score_names(query, listed), matcher.ALERT_THRESHOLD, dob_full=True):
        asked = set(matcher.key_hashes(query, query=True))
        asked |= set(matcher.partial_keys(query, matcher.ALERT_THRESHOLD, dob_full=True))
        assert asked & set(matcher.key_hashes(listed))


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Wenhaowenwei", "Wenhaowen Wei"),  # a merged word first paired as a typo with one part
        ("Rapradravii", "Rapradra Vii"),
        ("Ahmad Sir Egar Hakim", "Ahmad Siregar Hakim"),  # "Sir" inside a name is not a title
    ],
)
def test_merges_found_past_a_typo_pairing(query: str, entry: str) -> None:
    result = score(query, entry)
    assert result.score >= matcher.ALERT_THRESHOLD and "merged_split" in result.flags, result


def test_exact_dob_lifts_only_a_one_word_name() -> None:
    """The lift is for the pair the partial keys find, nothing else the index could not find."""
    partial = score("Santoso", "Budi Santoso")
    assert partial.score < matcher.ALERT_THRESHOLD and "one_word" in partial.flags
    assert matcher.can_alert(partial, matcher.ALERT_THRESHOLD, dob_full=True)
    assert not matcher.can_alert(partial, matcher.ALERT_THRESHOLD, dob_full=False)
    assert partial.score + matcher.dob_lift(partial, "dob.exact") >= matcher.ALERT_THRESHOLD
    assert matcher.dob_lift(partial, "dob.year_pm1") == 0
    for query, entry in [("Budi Santoso", "Budu Santosa"), ("Abdulrahman", "Abdul Rahman Wahid")]:
        other = score(query, entry)  # two typos; a merge against a longer name
        assert not matcher.can_alert(other, matcher.ALERT_THRESHOLD, dob_full=True), other
        assert matcher.dob_lift(other, "dob.exact") == 0
