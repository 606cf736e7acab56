"""Blocking keys and scores: which list names to look at for an applicant, and how close they are.

Blocking (both sides produce keys from canonical tokens, see ``normalise``):

- ``C`` — all canonical tokens concatenated in order (exact names, mononyms), and the folded
  letters concatenated, spelling-normalised: a two-word name written as one word ("Abdul Rahman"
  / "Abdulrahman"). The two usually coincide, so they share one namespace and one key.
- ``P`` — for every ordered pair of tokens (i, j) with token j a full word: the first two
  letters of i (canonical and as written: "Chairul" is canonically "Khairul") and the whole of
  j. Any two shared words meet in one of these keys, so order swaps, dropped middle names, a typo
  in a third word or after the second letter, and a merge or split next to a third word all
  share a key with the listed name. An initial ("B.") in a query asks for every prefix it can
  stand for (BA…BZ) and for a listed initial (B).
- ``T`` and ``Q`` — only for two-word names: one word whole and the last two letters of the
  other (``T``), or — when the other has at most four letters — its first and last letter
  (``Q``), as written and canonical. With ``P`` (first two letters) one typo anywhere in the
  other word leaves at least one key intact: in a word of five letters or more the first two and
  the last two letters cannot both be touched by one edit; in a four-letter word only swapping
  the middle two can, and ``Q`` survives that. (Shorter words are below the typo floor.)
- ``S`` — only for one-word names: the first two and the last two letters, and for a word of
  four letters its first and last (one typo in a mononym leaves one of them intact).

Keys are hashed to 63-bit integers (stable across processes: two CRC-32s) and stored with the
entry's year of birth, so a query with a year only reads the keys of years y-1..y+1 and of
entries whose year is unknown.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz.distance import OSA

from faskim_desktop.core.screening.memo import memoise
from faskim_desktop.core.screening.normalise import NormalName, from_norm, skeleton

# The rules that build a stored index: bump whenever ``normalise`` or ``key_strings`` change what
# they produce for some name, so that a store indexed by older rules is rebuilt (``faskim db
# upgrade``, ``faskim cekal reindex``) instead of silently missing names.
INDEX_SCHEME = 2

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

# A one-word name against a longer one ("Santoso" for "Budi Santoso", 77) is worth an officer's
# look when the full date of birth is the listed person's: the date lifts it over the threshold.
# Only this pair gets the lift, because only for it do the blocking keys ask (``partial_keys``).
ONE_WORD_EXACT_DOB = 5
DOB_ENTRY_MISSING = -10  # the applicant has a date of birth, the entry none: name alone must be strong
# With no full date of birth on the entry the name is the only evidence: an applicant's word that
# the listed name does not explain ("Muhammad Janingja Wijaya" against "Muhammad Wijaya") then
# counts against the match.
WEAK_DOB_UNEXPLAINED_WORD = -6
DOB_DAY_MONTH_SWAPPED = -3
DOB_YEAR_PM1 = -5
DOB_YEAR_ONLY = -4
DOB_YEAR_ONLY_PM1 = -6
DOB_MISMATCH = -40
NATIONALITY_MISMATCH = -6


# --- keys ---------------------------------------------------------------------------------------


def _suffix(token: str) -> str:
    return token[-2:]


_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _prefixes(token: str, folded: str) -> set[str]:
    """Two-letter prefixes of a word (canonical and as written); an initial is its own prefix."""
    return {token[:2], folded[:2]}


def key_strings(name: NormalName, query: bool = False) -> set[str]:
    """The blocking keys of one name.

    The index side (``query=False``) and the query side differ only for ``P`` keys: a query
    word that is an initial ("B.") asks for every two-letter prefix it could stand for, and a
    query word that is whole also asks for its bare initial, which finds listed initials.
    """
    tokens, folded = name.tokens, name.folded
    keys: set[str] = set()
    if not tokens:
        return keys
    keys.add("C" + "".join(tokens))
    keys.add("C" + skeleton("".join(folded)))
    n = len(tokens)
    if n == 1:
        for form in {skeleton(folded[0]), folded[0]}:
            if len(form) >= 4:
                keys.add("S<" + form[:2])
                keys.add("S>" + form[-2:])
                if len(form) == 4:
                    keys.add("S=" + form[0] + form[-1])
        return keys
    for i in range(n):
        if len(tokens[i]) == 1:
            heads = {tokens[i]} | ({tokens[i] + c for c in _LETTERS} if query else set())
        else:
            heads = _prefixes(tokens[i], folded[i])
            if query:
                heads |= {tokens[i][0], folded[i][0]}
        for j in range(n):
            if i != j and len(tokens[j]) >= 2:
                for head in heads:
                    keys.add(f"P{head}|{tokens[j]}")
    if n == 2 and len(tokens[0]) >= 2 and len(tokens[1]) >= 2:
        for a, b in ((0, 1), (1, 0)):
            for form in {tokens[b], folded[b]}:
                if len(form) >= 3:
                    keys.add(f"T{tokens[a]}|{_suffix(form)}")
                    if len(form) <= 4:
                        keys.add(f"Q{tokens[a]}|{form[0]}{form[-1]}")
    return keys


def key_hash(key: str) -> int:
    """A stable non-negative 63-bit integer for a key (fits BIGINT on SQLite and PostgreSQL).

    Two CRC-32s with different seeds: stable across processes and fast; a collision only adds a
    candidate for the scorer to reject, it never hides one.
    """
    data = key.encode("ascii")
    return (zlib.crc32(data) << 31) ^ zlib.crc32(data, 0x5BD1E995)


@memoise
def _cached_hashes(norm: str, query: bool) -> tuple[int, ...]:
    return tuple(key_hash(k) for k in key_strings(from_norm(norm), query))


def key_hashes(name: NormalName, query: bool = False) -> tuple[int, ...]:
    return _cached_hashes(name.norm, query)


def partial_keys(name: NormalName, threshold: int, dob_full: bool) -> tuple[int, ...]:
    """Extra query keys for a one-word name against a longer one ("Suharto" / "Muhammad Suharto").

    Such a pair scores at most ``100 - EXTRA_TOKEN_PENALTY - MONONYM_PENALTY`` (77), plus
    ``ONE_WORD_EXACT_DOB`` when the dates of birth are equal: with a full date of birth (or a
    lower alert score) it can alert, and the ordinary keys would not find it. A one-word query
    then asks for every listed name holding its word (``P<any head>|word``); a query of several
    words asks for listed one-word names equal to one of its words (``C<word>``).
    """
    reach = 100 - MONONYM_PENALTY + (ONE_WORD_EXACT_DOB if dob_full else 0)
    tokens = name.tokens
    if len(tokens) == 1:
        if reach - EXTRA_TOKEN_PENALTY < threshold or len(tokens[0]) < 2:
            return ()
        return _word_keys(tokens[0])
    if reach - EXTRA_TOKEN_PENALTY * (len(tokens) - 1) < threshold:
        return ()
    return tuple(key_hash("C" + token) for token in tokens if len(token) >= 2)


_HEADS = tuple(_LETTERS) + tuple(a + b for a in _LETTERS for b in _LETTERS)


@memoise
def _word_keys(token: str) -> tuple[int, ...]:
    return tuple(key_hash(f"P{head}|{token}") for head in _HEADS)


def usable(name: NormalName) -> bool:
    """Whether the blocking keys of a query can find its candidates (else: full scan).

    One full word is needed: initials alone give no selective key. (A single word of two or
    three letters is found by its ``C`` keys; one typo in so short a word is already below
    the typo floor, so nothing scoring above it can be missed.)
    """
    return any(len(t) >= 2 for t in name.tokens)


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
    others = [o for o in other_skeletons if len(o) >= 4]
    while i < len(tokens):
        if others and i + 1 < len(tokens) and len(tokens[i]) > 1 and len(tokens[i + 1]) > 1:
            joined = skeleton(folded[i] + folded[i + 1])
            alone = (skeleton(folded[i]), skeleton(folded[i + 1]))
            if any(
                o not in alone
                and o[0] == joined[0]
                and abs(len(o) - len(joined)) <= 2
                and (o == joined or OSA.normalized_similarity(o, joined) >= MERGE_SIM)
                for o in others
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


@memoise
def _token_sim(qt: str, qf: str, et: str, ef: str) -> tuple[float, str]:
    if qt == et:
        return 1.0, "exact"
    if len(qt) == 1 or len(et) == 1:
        if len(qt) == 1 and len(et) == 1:
            return 0.0, ""
        if len(qt) == 1:
            return (INITIAL_SIM, "initial") if qt in (et[0], ef[0]) else (0.0, "")
        return (INITIAL_SIM, "initial") if et in (qt[0], qf[0]) else (0.0, "")
    if abs(len(qt) - len(et)) > max(len(qt), len(et)) * (1 - TYPO_FLOOR) and (
        abs(len(qf) - len(ef)) > max(len(qf), len(ef)) * (1 - TYPO_FLOOR)
    ):
        return 0.0, ""  # lengths alone rule out a typo-level similarity
    sim = OSA.normalized_similarity(qt, et)
    if qf != qt or ef != et:
        sim = max(sim, OSA.normalized_similarity(qf, ef))
    if sim >= TYPO_FLOOR:
        return sim * TYPO_DISCOUNT, "typo"
    return 0.0, ""


def _assemble(
    pairs: list[tuple[int, int, float, str]], n_q: int, n_e: int, flags: set[str]
) -> NameScore:
    """The score of an alignment: coverage of the shorter name, penalties for the rest."""
    total = 0.0
    full_words = initials = typos = 0
    for _i, _j, sim, kind in pairs:
        total += sim
        if kind == "initial":
            initials += 1
        else:
            full_words += 1
            if kind == "typo":
                typos += 1
    if full_words == 0:
        return NameScore(min(40, int(100 * total / max(n_q, n_e))), frozenset())
    n_short = min(n_q, n_e)
    n_long = max(n_q, n_e)
    extra = n_long - len(pairs)
    value = 100.0 * total / n_short - EXTRA_TOKEN_PENALTY * extra
    if n_short == 1 and n_long > 1:
        value -= MONONYM_PENALTY
        if "merged_split" not in flags:
            flags.add("one_word")  # a word of the longer name, not a merge of its words
    order = sorted((i, j) for i, j, _s, _k in pairs)
    if any(order[k][1] > order[k + 1][1] for k in range(len(order) - 1)):
        flags.add("order_swap")
        value -= ORDER_PENALTY
    counts: list[tuple[str, int]] = []
    if extra > 0:
        flags.add("dropped_token")
        counts.append(("dropped_token", extra))
        if n_q > n_e:
            flags.add("query_longer")  # the applicant has words the listed name does not explain
    if initials:
        flags.add("initials")
        counts.append(("initials", initials))
    if typos:
        flags.add("typo")
        counts.append(("typo", typos))
    return NameScore(max(0, min(99, round(value))), frozenset(flags), tuple(counts))


def _align(
    q_t: Sequence[str], q_f: Sequence[str], e_t: Sequence[str], e_f: Sequence[str]
) -> tuple[list[tuple[int, int, float, str]], list[int], list[int]]:
    """Greedy alignment: equal words first, then the most similar leftovers."""
    pairs: list[tuple[int, int, float, str]] = []
    used = [False] * len(e_t)
    left_q: list[int] = []
    for i, token in enumerate(q_t):
        for j, other in enumerate(e_t):
            if not used[j] and other == token:
                used[j] = True
                pairs.append((i, j, 1.0, "exact"))
                break
        else:
            left_q.append(i)
    left_e = [j for j in range(len(e_t)) if not used[j]]
    if left_q and left_e:
        options = []
        for i in left_q:
            for j in left_e:
                sim, kind = _token_sim(q_t[i], q_f[i], e_t[j], e_f[j])
                if sim > 0:
                    options.append((sim, i, j, kind))
        if options:
            options.sort(key=lambda o: (-o[0], o[1], o[2]))
            taken_q: set[int] = set()
            taken_e: set[int] = set()
            for sim, i, j, kind in options:
                if i in taken_q or j in taken_e:
                    continue
                taken_q.add(i)
                taken_e.add(j)
                pairs.append((i, j, sim, kind))
            left_q = [i for i in left_q if i not in taken_q]
            left_e = [j for j in left_e if j not in taken_e]
    return pairs, left_q, left_e


def _merge_plausible(left_a: list[int], folded_a: Sequence[str], left_b: list[int], folded_b: Sequence[str]) -> bool:
    """Could two neighbouring leftover words of one name be one leftover word of the other?"""
    left = set(left_a)
    for i in left_a:
        if i + 1 in left:
            first = folded_a[i]
            joined = len(first) + len(folded_a[i + 1])
            for j in left_b:
                other = folded_b[j]
                if abs(joined - len(other)) <= 3 and other[:1] == first[:1]:
                    return True
    return False


def score_names(query: NormalName, entry: NormalName) -> NameScore:
    """Score two names 0–100 and say which tolerances were used."""
    q_t, e_t = query.tokens, entry.tokens
    if not q_t or not e_t:
        return _NONE
    if q_t == e_t:
        return NameScore(100, frozenset({"exact"}))
    if len(q_t) == len(e_t) and sorted(q_t) == sorted(e_t):
        return NameScore(ORDER_SWAP, frozenset({"order_swap"}))
    pairs, left_q, left_e = _align(q_t, query.folded, e_t, entry.folded)
    best = _assemble(pairs, len(q_t), len(e_t), set()) if pairs else _NONE
    # a merged word may have been paired as a typo with one of its parts ("Wenhaowenwei" /
    # "Wenhaowen Wei"): words paired other than exactly count as leftovers here
    left_q = sorted({*left_q, *(i for i, _j, _s, kind in pairs if kind != "exact")})
    left_e = sorted({*left_e, *(j for _i, j, _s, kind in pairs if kind != "exact")})
    if left_q and left_e and (
        _merge_plausible(left_q, query.folded, left_e, entry.folded)
        or _merge_plausible(left_e, entry.folded, left_q, query.folded)
    ):
        merged = _score_with_merges(query, entry)
        if merged.score > best.score:
            return merged
    return best


def _score_with_merges(query: NormalName, entry: NormalName) -> NameScore:
    q_t, q_f, mq = _merge_adjacent(list(query.tokens), list(query.folded), [skeleton(f) for f in entry.folded])
    e_t, e_f, me = _merge_adjacent(list(entry.tokens), list(entry.folded), [skeleton(f) for f in query.folded])
    if not (mq or me):
        return _NONE
    flags = {"merged_split"}
    if q_t == e_t:
        return NameScore(MERGED_SPLIT, frozenset(flags))
    if sorted(q_t) == sorted(e_t):
        return NameScore(MERGED_SPLIT - ORDER_PENALTY, frozenset(flags | {"order_swap"}))
    pairs, _lq, _le = _align(q_t, q_f, e_t, e_f)
    return _assemble(pairs, len(q_t), len(e_t), flags) if pairs else _NONE


def can_alert(score: NameScore, threshold: int, dob_full: bool) -> bool:
    """Whether a name score may still reach the threshold once the dates of birth are compared."""
    if score.score >= threshold:
        return True
    return dob_full and "one_word" in score.flags and score.score + ONE_WORD_EXACT_DOB >= threshold


def dob_lift(score: NameScore, dob_code: str) -> int:
    """The lift an equal full date of birth gives a one-word name against a longer one."""
    return ONE_WORD_EXACT_DOB if dob_code == "dob.exact" and "one_word" in score.flags else 0


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
