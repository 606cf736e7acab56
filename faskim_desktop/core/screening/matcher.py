"""Blocking keys and scores: which list names to look at for an applicant, and how close they are.

Blocking (both sides produce keys from canonical tokens, see ``normalise``):

- ``C`` — all canonical tokens concatenated in order (exact names, mononyms) and ``M`` — the
  folded letters concatenated, spelling-normalised: a two-word name written as one word
  ("Abdul Rahman" / "Abdulrahman").
- ``I`` — for every ordered pair of tokens (i, j) with token j a full word: the initial of i
  (canonical and as written: "C." fits "Chairul" although it is canonically "Khairul") and
  the whole of j. Any two shared tokens meet in one of these keys, so order swaps, dropped
  middle names, initials ("B. Santoso"), a typo in a third token, and a merge or split next to a
  third token all share a key with the listed name.
- ``T`` — only for two-word names: one word whole and the last two letters of the other (as
  written and canonical), so a typo in the *first* letters of the other word still shares a key.
- ``S`` — only for one-word names: the first three and the last three letters (typos in
  mononyms).

Keys are hashed to 63-bit integers (stable across processes: BLAKE2b) and stored with the
entry's year of birth, so a query with a year only reads the keys of years y-1..y+1 and of
entries whose year is unknown.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA

from faskim_desktop.core.screening.normalise import NormalName, skeleton

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

DOB_ENTRY_MISSING = -10  # the applicant has a date of birth, the entry none: name alone must be strong
DOB_DAY_MONTH_SWAPPED = -3
DOB_YEAR_PM1 = -5
DOB_YEAR_ONLY = -4
DOB_YEAR_ONLY_PM1 = -6
DOB_MISMATCH = -40
NATIONALITY_MISMATCH = -6


# --- keys ---------------------------------------------------------------------------------------


def _suffix(token: str) -> str:
    return token[-2:]


def key_strings(name: NormalName) -> set[str]:
    """The blocking keys of one name (index side and query side alike)."""
    tokens, folded = name.tokens, name.folded
    keys: set[str] = set()
    if not tokens:
        return keys
    keys.add("C" + "".join(tokens))
    keys.add("M" + skeleton("".join(folded)))
    n = len(tokens)
    if n == 1:
        skel = skeleton(folded[0])
        if len(skel) >= 4:
            keys.add("S<" + skel[:3])
            keys.add("S>" + skel[-3:])
        return keys
    for i in range(n):
        initials = {tokens[i][0], folded[i][0]}
        for j in range(n):
            if i != j and len(tokens[j]) >= 2:
                for initial in initials:
                    keys.add(f"I{initial}|{tokens[j]}")
    if n == 2 and len(tokens[0]) >= 2 and len(tokens[1]) >= 2:
        for a, b in ((0, 1), (1, 0)):
            for form in {tokens[b], folded[b]}:
                if len(form) >= 3:
                    keys.add(f"T{tokens[a]}|{_suffix(form)}")
    return keys


def key_hash(key: str) -> int:
    """A stable signed 63-bit integer for a key (fits BIGINT on SQLite and PostgreSQL)."""
    return int.from_bytes(hashlib.blake2b(key.encode("ascii"), digest_size=8).digest(), "big") >> 1


def key_hashes(name: NormalName) -> list[int]:
    return [key_hash(k) for k in key_strings(name)]


def usable(name: NormalName) -> bool:
    """Whether the blocking keys of a query can find its candidates (else: full scan).

    One full word is needed (initials alone give no selective key); a single word needs four
    letters for its typo keys.
    """
    full = [t for t in name.tokens if len(t) >= 2]
    if not full:
        return False
    return not (len(name.tokens) == 1 and len(skeleton(name.folded[0])) < 4)


# --- name score ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameScore:
    score: int
    flags: frozenset[str]  # exact, order_swap, merged_split, dropped_token, initials, typo
    counts: tuple[tuple[str, int], ...] = ()


_NONE = NameScore(0, frozenset())
MERGE_SIM = 0.85


def _merge_adjacent(
    tokens: list[str], folded: list[str], other_skeletons: list[str]
) -> tuple[list[str], list[str], bool]:
    """Join neighbouring words whose concatenation is (nearly) a word of the other name."""
    merged = False
    i = 0
    out_t: list[str] = []
    out_f: list[str] = []
    while i < len(tokens):
        if i + 1 < len(tokens) and len(tokens[i]) > 1 and len(tokens[i + 1]) > 1:
            joined = skeleton(folded[i] + folded[i + 1])
            alone = {skeleton(folded[i]), skeleton(folded[i + 1])}
            if any(
                o not in alone and (o == joined or OSA.normalized_similarity(o, joined) >= MERGE_SIM)
                for o in other_skeletons
                if len(o) >= 4
            ):
                out_t.append(joined)
                out_f.append(joined)
                i += 2
                merged = True
                continue
        out_t.append(tokens[i])
        out_f.append(folded[i])
        i += 1
    return out_t, out_f, merged


def _token_sim(qt: str, qf: str, et: str, ef: str) -> tuple[float, str]:
    if qt == et:
        return 1.0, "exact"
    if len(qt) == 1 or len(et) == 1:
        if len(qt) == 1 and len(et) == 1:
            return 0.0, ""
        if len(qt) == 1:
            return (INITIAL_SIM, "initial") if qt in (et[0], ef[0]) else (0.0, "")
        return (INITIAL_SIM, "initial") if et in (qt[0], qf[0]) else (0.0, "")
    sim = OSA.normalized_similarity(qt, et)
    if qf != qt or ef != et:
        sim = max(sim, OSA.normalized_similarity(qf, ef))
    if sim >= TYPO_FLOOR:
        return sim * TYPO_DISCOUNT, "typo"
    return 0.0, ""


def score_names(query: NormalName, entry: NormalName) -> NameScore:
    """Score two names 0–100 and say which tolerances were used."""
    if not query.tokens or not entry.tokens:
        return _NONE
    if query.tokens == entry.tokens:
        return NameScore(100, frozenset({"exact"}))
    if sorted(query.tokens) == sorted(entry.tokens):
        return NameScore(ORDER_SWAP, frozenset({"order_swap"}))
    q_t, q_f = list(query.tokens), list(query.folded)
    e_t, e_f = list(entry.tokens), list(entry.folded)
    flags: set[str] = set()
    if len(q_t) != len(e_t) or len(q_t) > 1:
        q_t, q_f, mq = _merge_adjacent(q_t, q_f, [skeleton(f) for f in e_f])
        e_t, e_f, me = _merge_adjacent(e_t, e_f, [skeleton(f) for f in q_f])
        if mq or me:
            flags.add("merged_split")
            if q_t == e_t:
                return NameScore(MERGED_SPLIT, frozenset(flags))
            if sorted(q_t) == sorted(e_t):
                return NameScore(MERGED_SPLIT - ORDER_PENALTY, frozenset(flags | {"order_swap"}))
    pairs: list[tuple[float, int, int, str]] = []
    for i, (qt, qf) in enumerate(zip(q_t, q_f, strict=True)):
        for j, (et, ef) in enumerate(zip(e_t, e_f, strict=True)):
            sim, kind = _token_sim(qt, qf, et, ef)
            if sim > 0:
                pairs.append((sim, i, j, kind))
    if not pairs:
        return _NONE
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_q: set[int] = set()
    used_e: set[int] = set()
    total = 0.0
    full_words = initials = typos = 0
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
        return NameScore(min(40, int(100 * total / max(len(q_t), len(e_t)))), frozenset())
    n_short = min(len(q_t), len(e_t))
    n_long = max(len(q_t), len(e_t))
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
    if query is None:
        return "dob.missing", 0
    if entry is None:
        return "dob.missing", DOB_ENTRY_MISSING
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
