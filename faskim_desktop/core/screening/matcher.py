"""Blocking keys and scores: which list names to look at for an applicant, and how close they are.

Blocking (both sides produce keys from canonical tokens, see ``normalise``):

- ``C`` — all tokens concatenated in order: exact names, mononyms, a two-token name written as
  one token ("Abdul Rahman" / "Abdulrahman").
- ``I`` — for every ordered pair of tokens (i, j) with token j a full word: the initial of i and
  the whole of j. Any two shared tokens meet in one of these keys, so order swaps, dropped
  middle names, initials ("B. Santoso"), a typo in a third token, and a merge or split next to a
  third token all share a key with the listed name.
- ``T`` — only for two-word names: one word whole and the last three letters of the other, so a
  typo in the *first* letter of the other word still shares a key.
- ``S`` — only for one-word names: the first three and the last three letters (typos in
  mononyms).

Keys are hashed to 63-bit integers (stable across processes: BLAKE2b) and stored with the
entry's year of birth, so a query with a year only reads the keys of years y-1..y+1 and of
entries whose year is unknown.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA

from faskim_desktop.core.screening.normalise import NormalName

ALERT_THRESHOLD = 80  # default alert score (0–100); Settings may override per office

# Score parts (name score is 0–100 before date of birth and nationality adjust it).
ORDER_SWAP = 96
MERGED_SPLIT = 95
INITIAL_SIM = 0.85
TYPO_FLOOR = 0.75  # OSA normalised similarity below which two words are different names
TYPO_DISCOUNT = 0.97
EXTRA_TOKEN_PENALTY = 8  # per word present on one side only (dropped middle name)
ORDER_PENALTY = 3
MONONYM_PENALTY = 15  # a one-word name matching one word of a longer name

DOB_DAY_MONTH_SWAPPED = -3
DOB_YEAR_PM1 = -5
DOB_YEAR_ONLY = -2
DOB_YEAR_ONLY_PM1 = -6
DOB_MISMATCH = -40
NATIONALITY_MISMATCH = -6


# --- keys ---------------------------------------------------------------------------------------


def key_strings(tokens: tuple[str, ...]) -> set[str]:
    """The blocking keys of one canonical name (index side and query side alike)."""
    keys: set[str] = set()
    if not tokens:
        return keys
    keys.add("C" + "".join(tokens))
    n = len(tokens)
    if n == 1:
        tok = tokens[0]
        if len(tok) >= 4:
            keys.add("S<" + tok[:3])
            keys.add("S>" + tok[-3:])
        return keys
    for i in range(n):
        for j in range(n):
            if i != j and len(tokens[j]) >= 2:
                keys.add(f"I{tokens[i][0]}|{tokens[j]}")
    full = [t for t in tokens if len(t) >= 2]
    if n == 2 and len(full) == 2:
        a, b = full
        if len(b) >= 4:
            keys.add(f"T{a}|{b[-3:]}")
        if len(a) >= 4:
            keys.add(f"T{b}|{a[-3:]}")
    return keys


def key_hash(key: str) -> int:
    """A stable signed 63-bit integer for a key (fits BIGINT on SQLite and PostgreSQL)."""
    return int.from_bytes(hashlib.blake2b(key.encode("ascii"), digest_size=8).digest(), "big") >> 1


def key_hashes(tokens: tuple[str, ...]) -> list[int]:
    return [key_hash(k) for k in key_strings(tokens)]


def usable(tokens: tuple[str, ...]) -> bool:
    """Whether the blocking keys of a query can find its candidates (else: full scan)."""
    return any(len(t) >= 2 for t in tokens)


# --- name score ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameScore:
    score: int
    flags: frozenset[str]  # exact, transliteration, order_swap, merged_split, dropped_token,
    #                        initials, typo
    counts: tuple[tuple[str, int], ...] = ()


def _merge_adjacent(a: list[str], other: set[str]) -> tuple[list[str], bool]:
    """Join neighbouring words of ``a`` whose concatenation is a word of the other name."""
    merged = False
    i = 0
    out: list[str] = []
    while i < len(a):
        if i + 1 < len(a) and a[i] + a[i + 1] in other and a[i] not in other and a[i + 1] not in other:
            out.append(a[i] + a[i + 1])
            i += 2
            merged = True
        else:
            out.append(a[i])
            i += 1
    return out, merged


def _token_sim(q: str, e: str) -> tuple[float, str]:
    if q == e:
        return 1.0, "exact"
    if len(q) == 1 or len(e) == 1:
        return (INITIAL_SIM, "initial") if q[0] == e[0] else (0.0, "")
    sim = OSA.normalized_similarity(q, e)
    if sim >= TYPO_FLOOR:
        return sim * TYPO_DISCOUNT, "typo"
    return 0.0, ""


def score_names(query: tuple[str, ...], entry: tuple[str, ...]) -> NameScore:
    """Score two canonical names 0–100 and say which tolerances were used."""
    if not query or not entry:
        return NameScore(0, frozenset())
    if query == entry:
        return NameScore(100, frozenset({"exact"}))
    if sorted(query) == sorted(entry):
        return NameScore(ORDER_SWAP, frozenset({"order_swap"}))
    q, mq = _merge_adjacent(list(query), set(entry))
    e, me = _merge_adjacent(list(entry), set(query))
    flags: set[str] = set()
    if mq or me:
        flags.add("merged_split")
        if q == e:
            return NameScore(MERGED_SPLIT, frozenset(flags))
        if sorted(q) == sorted(e):
            return NameScore(MERGED_SPLIT - ORDER_PENALTY, frozenset(flags | {"order_swap"}))
    pairs: list[tuple[float, int, int, str]] = []
    for i, qt in enumerate(q):
        for j, et in enumerate(e):
            sim, kind = _token_sim(qt, et)
            if sim > 0:
                pairs.append((sim, i, j, kind))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_q: set[int] = set()
    used_e: set[int] = set()
    total = 0.0
    full_words = 0
    initials = typos = 0
    order: list[tuple[int, int]] = []
    for sim, i, j, kind in pairs:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        total += sim
        order.append((i, j))
        if kind == "initial":
            initials += 1
        else:
            full_words += 1
            if kind == "typo":
                typos += 1
    if full_words == 0:
        return NameScore(min(40, int(100 * total / max(len(q), len(e)))), frozenset())
    n_short = min(len(q), len(e))
    n_long = max(len(q), len(e))
    extra = n_long - len(order)
    value = 100.0 * total / n_short - EXTRA_TOKEN_PENALTY * extra
    if n_short == 1 and n_long > 1:
        value -= MONONYM_PENALTY
    order.sort()
    if any(order[k][1] > order[k + 1][1] for k in range(len(order) - 1)):
        flags.add("order_swap")
        value -= ORDER_PENALTY
    counts: list[tuple[str, int]] = []
    if extra > 0:
        flags.add("dropped_token")
        counts.append(("dropped_token", extra))
    if initials:
        flags.add("initials")
        counts.append(("initials", initials))
    if typos:
        flags.add("typo")
        counts.append(("typo", typos))
    return NameScore(max(0, min(99, round(value))), frozenset(flags), tuple(counts))


def best_name_score(query: NormalName, names: Iterable[tuple[str, ...]]) -> tuple[NameScore, int]:
    best = NameScore(0, frozenset())
    best_index = -1
    for index, tokens in enumerate(names):
        current = score_names(query.tokens, tokens)
        if current.score > best.score:
            best, best_index = current, index
    return best, best_index


# --- date of birth and nationality -------------------------------------------------------------


@dataclass(frozen=True)
class Dob:
    """A date of birth as given: year always, month and day when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def full(self) -> bool:
        return self.month is not None and self.day is not None


def parse_dob(text: str | None) -> Dob | None:
    """``YYYY-MM-DD`` or ``YYYY`` → Dob; empty → None; anything else → ValueError."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError("dob")
    value = text.strip()
    if not value:
        return None
    if len(value) == 4 and value.isdigit():
        year = int(value)
        if not 1800 <= year <= 2200:
            raise ValueError("dob")
        return Dob(year)
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        try:
            parsed = date.fromisoformat(value)
        except ValueError as err:
            raise ValueError("dob") from err
        if parsed.year < 1800:
            raise ValueError("dob")
        return Dob(parsed.year, parsed.month, parsed.day)
    raise ValueError("dob")


def dob_compare(query: Dob | None, entry: Dob | None) -> tuple[str, int]:
    """Reason code and score adjustment for two dates of birth."""
    if query is None or entry is None:
        return "dob.missing", 0
    if query.full and entry.full:
        if (query.year, query.month, query.day) == (entry.year, entry.month, entry.day):
            return "dob.exact", 0
        if query.year == entry.year and (query.month, query.day) == (entry.day, entry.month):
            return "dob.day_month_swapped", DOB_DAY_MONTH_SWAPPED
        if abs(query.year - entry.year) == 1 and (query.month, query.day) == (entry.month, entry.day):
            return "dob.year_pm1", DOB_YEAR_PM1
        return "dob.mismatch", DOB_MISMATCH
    if query.year == entry.year:
        return "dob.year_only", DOB_YEAR_ONLY
    if abs(query.year - entry.year) == 1:
        return "dob.year_only", DOB_YEAR_ONLY_PM1
    return "dob.mismatch", DOB_MISMATCH


def nationality_compare(query: str | None, entry: str | None) -> tuple[str | None, int]:
    if not query or not entry:
        return None, 0
    if query.upper() == entry.upper():
        return "nationality.match", 0
    return "nationality.mismatch", NATIONALITY_MISMATCH
