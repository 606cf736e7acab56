"""Screening an applicant against the cekal list: the one interface the case service calls.

Two channels, merged into one outcome:

- **passport** — the applicant's passport number equal to a listed one (normalised): always a
  hit, whatever the name says;
- **name** — candidates from the blocking index (``matcher.key_strings``) restricted to
  compatible years of birth, re-ranked by ``matcher.score_names`` and adjusted for date of birth
  and nationality. A query whose name gives no usable key (initials only, a very short single
  word) is compared with every listed name instead (full scan), never answered "no hit".

Entries past their ``valid_until`` (or before ``valid_from``) never match but stay on record.
Entries without a date of birth are judged on the name alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import bindparam, text

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError, ValidationError
from faskim_desktop.core.screening import matcher, memo
from faskim_desktop.core.screening.normalise import NormalName, from_norm, normalise, normalise_passport
from faskim_desktop.store.db import Store

log = logging.getLogger(__name__)

_ALPHA3 = re.compile(r"^[A-Z]{3}$")
SCAN_CHUNK = 50_000


@dataclass(frozen=True)
class ScreeningQuery:
    name: str
    dob: str | None = None  # "YYYY-MM-DD" | "YYYY" | None
    nationality: str | None = None
    passport: str | None = None


@dataclass(frozen=True)
class Reason:
    code: str
    params: dict = field(default_factory=dict)

    def text(self, language: str | None = None) -> str:
        return messages.text(self.code, self.params, language)


@dataclass(frozen=True)
class Hit:
    entry: str  # the list's reference number
    score: int  # 0–100
    reasons: tuple[Reason, ...]
    list_type: str  # cegah | tangkal
    name: str  # the listed name (or alias) that matched


@dataclass(frozen=True)
class ScreeningOutcome:
    hits: tuple[Hit, ...]
    list_version: int | None

    @property
    def hit(self) -> bool:
        return bool(self.hits)


@dataclass(frozen=True)
class _Prepared:
    name: NormalName
    dob: matcher.Dob | None
    nationality: str | None
    passport: str

    @property
    def dob_full(self) -> bool:
        return self.dob is not None and self.dob.full


def prepare(query: ScreeningQuery) -> _Prepared:
    """Validate a query; raises ValidationError (with the field) when it cannot be screened."""
    if not isinstance(query.name, str) or not query.name.strip():
        raise ValidationError("screening.name_required", field="name")
    name = normalise(query.name)
    if name.empty:
        raise ValidationError("screening.name_unreadable", field="name")
    try:
        dob = matcher.parse_dob(query.dob)
    except ValueError as err:
        raise ValidationError("screening.bad_dob", field="dob") from err
    nationality = None
    if query.nationality is not None:
        if not isinstance(query.nationality, str):
            raise ValidationError("screening.bad_nationality", field="nationality")
        nationality = query.nationality.strip().upper() or None
        if nationality and not _ALPHA3.match(nationality):
            raise ValidationError("screening.bad_nationality", field="nationality")
    passport = ""
    if query.passport is not None:
        if not isinstance(query.passport, str):
            raise ValidationError("screening.bad_passport", field="passport")
        passport = normalise_passport(query.passport)
    return _Prepared(name, dob, nationality, passport)


def name_reasons(query: NormalName, entry: NormalName, score: matcher.NameScore) -> list[Reason]:
    """The name part of a hit's reasons, in codes."""
    reasons: list[Reason] = []
    flags = score.flags
    counts = dict(score.counts)
    if flags & {"exact", "order_swap", "merged_split"} and query.folded == entry.folded:
        reasons.append(Reason("name.exact"))
    # spelled differently before canonical spelling → a transliteration/old spelling was used
    if set(query.tokens) & set(entry.tokens) and _spelling_differs(query, entry):
        reasons.append(Reason("name.transliteration"))
    if "order_swap" in flags:
        reasons.append(Reason("name.order_swap"))
    if "merged_split" in flags:
        reasons.append(Reason("name.merged_split"))
    if "dropped_token" in flags:
        reasons.append(Reason("name.dropped_token", {"count": counts.get("dropped_token", 1)}))
    if "initials" in flags:
        reasons.append(Reason("name.initials", {"count": counts.get("initials", 1)}))
    if "typo" in flags:
        reasons.append(Reason("name.typo", {"count": counts.get("typo", 1)}))
    if not reasons:
        reasons.append(Reason("name.exact"))
    return reasons


def _spelling_differs(query: NormalName, entry: NormalName) -> bool:
    q = dict(zip(query.tokens, query.folded, strict=True))
    e = dict(zip(entry.tokens, entry.folded, strict=True))
    return any(q[t] != e[t] for t in q.keys() & e.keys())


class Screener:
    """Screens applicants; one instance per store, safe to reuse for many queries."""

    def __init__(
        self, store: Store, threshold: int = matcher.ALERT_THRESHOLD, today: date | None = None
    ) -> None:
        if not 0 <= int(threshold) <= 100:
            raise ValueError("threshold must be 0–100")
        self.store = store
        self.threshold = int(threshold)
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()

    def screen(self, query: ScreeningQuery) -> ScreeningOutcome:
        prepared = prepare(query)
        with self.store.read() as session:
            conn = session.connection()
            version = _current_version(conn)
            hits = self._screen(conn, prepared)
        return ScreeningOutcome(tuple(hits), version)

    def screen_many(self, queries: Iterable[ScreeningQuery]) -> list[ScreeningOutcome | ValidationError]:
        """Screen a batch on one connection; a query that fails validation yields its error."""
        out: list[ScreeningOutcome | ValidationError] = []
        with self.store.read() as session:
            conn = session.connection()
            version = _current_version(conn)
            for query in queries:
                try:
                    prepared = prepare(query)
                except ValidationError as err:
                    out.append(err)
                    continue
                out.append(ScreeningOutcome(tuple(self._screen(conn, prepared)), version))
        return out

    # --- channels ---------------------------------------------------------------------------

    def _screen(self, conn, query: _Prepared) -> list[Hit]:  # type: ignore[no-untyped-def]
        memo.trim()  # nothing in flight: the name caches are bounded here
        # entry_id -> (best name score, the norm of the name or alias that scored it)
        best: dict[int, tuple[matcher.NameScore, str]] = {}
        passport_ids: set[int] = set()
        if query.passport:
            rows = conn.execute(
                text("SELECT entry_id FROM cekal_passport WHERE number = :n"), {"n": query.passport}
            )
            passport_ids = {row[0] for row in rows}
        for entry_id, norm, score in self._name_candidates(conn, query):
            current = best.get(entry_id)
            if current is None or score.score > current[0].score:
                best[entry_id] = (score, norm)
        wanted = set(best) | passport_ids  # every candidate left can still reach the threshold
        if not wanted:
            return []
        entries = self._entries(conn, wanted)
        names = self._names(conn, wanted)
        hits: list[Hit] = []
        today = self.today
        for entry_id, row in entries.items():
            (reference, entry_name, dob_y, dob_m, dob_d, nationality, list_type, valid_from, valid_until) = (
                row
            )
            if valid_from is not None and _as_date(valid_from) > today:
                continue
            if valid_until is not None and _as_date(valid_until) < today:
                continue
            entry_dob = matcher.Dob(dob_y, dob_m, dob_d) if dob_y else None
            dob_code, dob_adjust = matcher.dob_compare(query.dob, entry_dob)
            nat_code, nat_adjust = matcher.nationality_compare(query.nationality, nationality)
            reasons: list[Reason] = []
            score = 0
            matched_name = entry_name
            if entry_id in best:
                name_score, norm = best[entry_id]
                adjust = dob_adjust + nat_adjust + matcher.dob_lift(name_score, dob_code)
                if "query_longer" in name_score.flags and (entry_dob is None or not entry_dob.full):
                    adjust += matcher.WEAK_DOB_UNEXPLAINED_WORD
                score = max(0, min(100, name_score.score + adjust))
                matched_name = next((n for n, nn in names.get(entry_id, ()) if nn == norm), entry_name)
                if score >= self.threshold:
                    reasons.extend(name_reasons(query.name, from_norm(norm), name_score))
            if entry_id in passport_ids:
                reasons.insert(0, Reason("passport.exact"))
                score = 100
            elif score < self.threshold:
                continue
            reasons.append(Reason(dob_code))
            if nat_code:
                reasons.append(Reason(nat_code))
            hits.append(Hit(reference, score, tuple(reasons), list_type, matched_name))
        hits.sort(key=lambda h: (-h.score, h.entry))
        return hits  # every hit above the threshold: a cut-off could hide the true one

    def _name_candidates(self, conn, query: _Prepared):  # type: ignore[no-untyped-def]
        if not matcher.usable(query.name):
            yield from self._full_scan(conn, query)
            return
        keys = matcher.key_hashes(query.name, query=True) + matcher.partial_keys(
            query.name, self.threshold, query.dob_full
        )
        params: dict[str, object] = {"keys": keys}
        sql = "SELECT id, entry_id, norm FROM cekal_name WHERE id IN (SELECT name_id FROM cekal_key WHERE key IN :keys"
        if query.dob is not None:
            sql += " AND dob_year IN :years"
            params["years"] = [0, query.dob.year - 1, query.dob.year, query.dob.year + 1]
        sql += ")"
        statement = text(sql).bindparams(bindparam("keys", expanding=True))
        if query.dob is not None:
            statement = statement.bindparams(bindparam("years", expanding=True))
        cache: dict[str, matcher.NameScore] = {}
        for _name_id, entry_id, norm in conn.execute(statement, params).all():
            score = cache.get(norm)
            if score is None:
                score = cache[norm] = matcher.score_names(query.name, from_norm(norm))
            if matcher.can_alert(score, self.threshold, query.dob_full):
                yield entry_id, norm, score

    def _full_scan(self, conn, query: _Prepared):  # type: ignore[no-untyped-def]
        """Compare with every listed name: the fallback when blocking keys cannot be used."""
        log.info("cekal screening: query without usable blocking key, full scan")
        norm = " ".join(query.name.folded)
        last = 0
        while True:
            rows = conn.execute(
                text("SELECT id, entry_id, norm FROM cekal_name WHERE id > :last ORDER BY id LIMIT :n"),
                {"last": last, "n": SCAN_CHUNK},
            ).all()
            if not rows:
                return
            last = rows[-1][0]
            norms = [r[2] for r in rows]
            # cheap C-speed prefilter, then the real scorer on the survivors
            for _choice, _sim, index in process.extract(
                norm, norms, scorer=fuzz.token_set_ratio, score_cutoff=30, limit=None
            ):
                score = matcher.score_names(query.name, from_norm(norms[index]))
                if matcher.can_alert(score, self.threshold, query.dob_full):
                    yield rows[index][1], norms[index], score

    @staticmethod
    def _entries(conn, ids: set[int]) -> dict[int, tuple]:  # type: ignore[no-untyped-def]
        statement = text(
            "SELECT id, reference, name, dob_year, dob_month, dob_day, nationality, list_type, valid_from, "
            "valid_until FROM cekal_entry WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        return {row[0]: tuple(row[1:]) for row in conn.execute(statement, {"ids": sorted(ids)})}

    @staticmethod
    def _names(conn, ids: set[int]) -> dict[int, list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
        statement = text(
            "SELECT entry_id, name, norm FROM cekal_name WHERE entry_id IN :ids ORDER BY id"
        ).bindparams(bindparam("ids", expanding=True))
        out: dict[int, list[tuple[str, str]]] = {}
        for entry_id, name, norm in conn.execute(statement, {"ids": sorted(ids)}):
            out.setdefault(entry_id, []).append((name, norm))
        return out


def _current_version(conn) -> int | None:  # type: ignore[no-untyped-def]
    """The list version in force; refuses to screen through an index built by other rules."""
    row = conn.execute(text("SELECT id, index_scheme FROM cekal_version ORDER BY id DESC LIMIT 1")).first()
    if row is None:
        return None
    if row[1] != matcher.INDEX_SCHEME:
        # its keys would not meet this code's query keys: screening could miss a listed name
        raise FaskimError("screening.index_stale")
    return row[0]


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def reason_words(reasons: Sequence[Reason], language: str | None = None) -> list[str]:
    return [r.text(language) for r in reasons]


messages.register(
    {
        "screening.name_required": {
            "id": "Nama wajib diisi untuk pemeriksaan cekal.",
            "en": "A name is required for cekal screening.",
        },
        "screening.name_unreadable": {
            "id": "Nama tidak memuat huruf Latin; masukkan nama sesuai paspor (huruf Latin).",
            "en": "The name holds no Latin letters; enter the name as in the passport (Latin letters).",
        },
        "screening.bad_dob": {
            "id": "Tanggal lahir harus TTTT-BB-HH, TTTT, atau kosong.",
            "en": "Date of birth must be YYYY-MM-DD, YYYY or empty.",
        },
        "screening.bad_nationality": {
            "id": "Kewarganegaraan harus kode ISO 3166 tiga huruf.",
            "en": "Nationality must be a three-letter ISO 3166 code.",
        },
        "screening.index_stale": {
            "id": "Indeks daftar cekal dibuat oleh versi aplikasi sebelumnya dan harus dibangun ulang sebelum "
            "pemeriksaan: minta teknisi menjalankan 'faskim db upgrade' (atau 'faskim cekal reindex').",
            "en": "The cekal list index was built by an earlier version of the application and must be rebuilt "
            "before screening: ask the technician to run 'faskim db upgrade' (or 'faskim cekal reindex').",
        },
        "screening.bad_passport": {
            "id": "Nomor paspor harus berupa teks.",
            "en": "The passport number must be text.",
        },
        "name.exact": {
            "id": "Nama sama (setelah penyetaraan huruf ICAO 9303)",
            "en": "Same name (after ICAO 9303 letter folding)",
        },
        "name.transliteration": {
            "id": "Ejaan/transliterasi nama berbeda (mis. ejaan lama, Muhammad/Mohd)",
            "en": "Different spelling or transliteration (e.g. old spelling, Muhammad/Mohd)",
        },
        "name.order_swap": {"id": "Urutan nama berbeda", "en": "Name order differs"},
        "name.merged_split": {"id": "Bagian nama digabung atau dipisah", "en": "Name parts merged or split"},
        "name.dropped_token": {
            "id": "{count} bagian nama tidak ada di salah satu sisi",
            "en": "{count} name part(s) missing on one side",
        },
        "name.initials": {
            "id": "{count} bagian nama ditulis sebagai inisial",
            "en": "{count} name part(s) written as initials",
        },
        "name.typo": {
            "id": "{count} bagian nama mirip (salah ketik)",
            "en": "{count} name part(s) similar (typing error)",
        },
        "dob.exact": {"id": "Tanggal lahir sama", "en": "Same date of birth"},
        "dob.day_month_swapped": {
            "id": "Tanggal lahir sama dengan hari dan bulan tertukar",
            "en": "Date of birth matches with day and month swapped",
        },
        "dob.year_pm1": {
            "id": "Tanggal lahir sama kecuali tahun (selisih satu tahun)",
            "en": "Date of birth matches except the year (one year apart)",
        },
        "dob.year_only": {
            "id": "Hanya tahun lahir yang dapat dibandingkan dan cocok",
            "en": "Only the year of birth can be compared, and it fits",
        },
        "dob.missing": {
            "id": "Tanggal lahir tidak tersedia; dicocokkan berdasarkan nama saja",
            "en": "No date of birth to compare; matched on the name alone",
        },
        "dob.mismatch": {"id": "Tanggal lahir berbeda", "en": "Date of birth differs"},
        "nationality.match": {"id": "Kewarganegaraan sama", "en": "Same nationality"},
        "nationality.mismatch": {"id": "Kewarganegaraan berbeda", "en": "Different nationality"},
        "passport.exact": {
            "id": "Nomor paspor sama dengan yang tercantum dalam daftar",
            "en": "Passport number equals a listed one",
        },
    }
)
