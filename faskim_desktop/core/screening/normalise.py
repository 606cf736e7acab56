"""Names reduced to canonical tokens, so that spellings of the same name compare equal.

The pipeline, applied identically to list entries and to applicants:

1. ICAO Doc 9303 part 3 §6 folding (``core.transliteration.to_mrz_name``): diacritics and
   Cyrillic to ``A``–``Z``, apostrophes and full stops dropped, hyphens and other symbols as
   separators ("Abd al-Rahman" → ``ABD AL RAHMAN``).
2. Honorifics and titles (Haji, H., Hj., Dr., Ir., Raden, Teuku, Sheikh, Mr, S.H. …) before or
   after the name, and patronymic/article particles (bin, binti, bt, b., ibn, al-, el- …) anywhere,
   are dropped — unless nothing would be left (see ``strip_titles``).
3. Spelling canonicalisation per token: the pre-1972 Indonesian spellings (Ejaan Van Ophuijsen
   and Soewandi: dj→j, tj→c, oe→u, ch→kh, nj→ny, sj→sy) and the English ``sh`` written ``sy``
   in Indonesian; German-style ``ae``/``ue`` (from ICAO's Ä/Ü folding) reduced to the vowel;
   doubled letters collapsed.
4. Listed transliteration groups (Muhammad/Mohammed/Mohd…, Yusuf/Youssef…, Abdul/Abdel/Abd …)
   mapped to one representative.

The same rules run on both sides, so a rule that merges two genuinely different names can only
add candidates for the scorer to rank; it never loses a true match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from faskim_desktop.core.screening.memo import memoise
from faskim_desktop.core.transliteration import to_mrz_name


def _words(text: str) -> list[str]:
    return text.split()


# Titles and honorifics seen on Indonesian, Malay, Arabic and Western documents (folded form).
HONORIFICS: frozenset[str] = frozenset(
    _words(
        """
    HAJI HJ HAJAH HAJJAH HAJJ HADJI H DR DRS DRA IR PROF SH SE SAG SPD SKOM MBA MSC PHD ST MT
    RADEN RD RA RM TEUKU TGK TENGKU TUNKU TUN DATUK DATO DATIN PUAN ENCIK CIK
    SHEIKH SHAIKH SYEKH SHAYKH SHEIK USTADZ USTAZ KIAI KYAI KH GUS
    MR MRS MS MISS MX SIR MADAM MME MLLE HERR FRAU SR SRA JR II III IV
    """
    )
)
# Particles: patronymic (bin/binti/ibn/bt/b.), Arabic article, Western nobiliary words. (Not VAN,
# LE, DA, DU, TAN, SRI: those are also Vietnamese, Chinese and Indonesian name tokens.)
PATRONYMICS: frozenset[str] = frozenset(_words("BIN BINTI BINTE BT BTE B IBN IBNU BINT"))
# ... of which "Bin" is also a Chinese syllable: inside a hyphenated given name ("Bin-ming") it is
# kept, while "Ibn-Sina" or "bin-Laden" still lose theirs.
_SYLLABLE_PATRONYMICS = frozenset({"BIN"})
PARTICLES: frozenset[str] = PATRONYMICS | frozenset(
    _words("AL EL UL AD AS AR AZ ASH ADH DER DEN VON DE DOS DAS Y")
)
# Particles that are also plausible initials: only dropped when they follow a kept word.
_AMBIGUOUS_INITIALS = frozenset({"B", "Y"})

# Old Indonesian (and Malay) spellings → the 1972 Ejaan Yang Disempurnakan, then a few common
# romanisation pairs. Order matters: longer patterns first.
_SPELLING: tuple[tuple[str, str], ...] = (
    ("DJ", "J"),
    ("TJ", "C"),
    ("NJ", "NY"),
    ("SJ", "SY"),
    ("SH", "SY"),
    ("CH", "KH"),
    ("OE", "U"),
    ("OU", "U"),
    ("UE", "U"),
    ("AE", "A"),
    ("PH", "F"),
    ("TH", "T"),
    ("DH", "D"),
    ("EE", "I"),
)


_DOUBLE = re.compile(r"(.)\1+")


def _first_letter(match: re.Match[str]) -> str:
    return match[1]


def _undouble(text: str) -> str:
    """Doubled letters collapsed ("MUHAMMAD" → "MUHAMAD")."""
    return _DOUBLE.sub(_first_letter, text) if _DOUBLE.search(text) else text


# Transliteration groups (representative first). Arabic given names as romanised in Indonesia,
# Malaysia, the Gulf, the Maghreb, Turkey and South Asia; each variant is spelled as written,
# the spelling rules above are applied when the table is built.
TRANSLITERATION_GROUPS: tuple[tuple[str, ...], ...] = (
    ("MUHAMMAD", "MUHAMAD", "MOHAMMAD", "MOHAMAD", "MOHAMMED", "MOHAMED", "MUHAMMED", "MUHAMED",
     "MOHD", "MUHD", "MD", "MHD", "MOHAMMET", "MEHMET", "MEHMED", "MAHOMED", "MOHAMET", "MOUHAMED"),
    ("AHMAD", "AHMED", "AHMET", "ACHMAD", "ACHMED", "AKHMAD", "AHMAT"),
    ("MAHMUD", "MAHMOUD", "MAHMOOD", "MAHMUT", "MACHMUD"),
    ("YUSUF", "YOUSSEF", "YOUSEF", "YOUSUF", "YUSOF", "YOSEF", "JUSUF", "YOUSSOUF", "YUSUP", "YOUSOF"),
    ("ABDUL", "ABDEL", "ABD", "ABDOUL", "ABDOL", "ABDUR", "ABDUS", "ABDU"),
    ("ABDULLAH", "ABDALLAH", "ABDULAH", "ABDELLAH"),
    ("HUSAIN", "HUSSEIN", "HUSSAIN", "HUSEIN", "HOSSEIN", "HUSIN", "HUSEYIN", "HOSSAIN", "HUSSIN"),
    ("HASAN", "HASSAN", "HASAAN", "HASSANE"),
    ("USMAN", "OSMAN", "UTHMAN", "OTHMAN", "OSMANE", "USMAAN"),
    ("UMAR", "OMAR", "OMER", "UMER"),
    ("IBRAHIM", "EBRAHIM", "IBRAHEEM", "IBRAGIM", "BRAHIM"),
    ("ISMAIL", "ISMAEL", "ISMAYIL", "SMAIL"),
    ("MUSTAFA", "MUSTAPHA", "MOSTAFA", "MOUSTAFA", "MUSTAPA"),
    ("KHALID", "KHALED", "HALID", "CHALID"),
    ("RAHMAN", "REHMAN", "RACHMAN"),
    ("HAMID", "HAMEED", "HAMEID"),
    ("SULAIMAN", "SULEIMAN", "SULEYMAN", "SOLEIMAN", "SOLIMAN", "SULAYMAN", "SULEMAN"),
    ("FATIMAH", "FATIMA", "FATMA", "FATEMEH", "FATEMA"),
    ("AISYAH", "AISHA", "AISHAH", "AYESHA", "AICHA", "AYSHA", "AISAH"),
    ("ZAINAB", "ZEINAB", "ZAYNAB", "ZAINAB", "ZEYNEP"),
    ("NUR", "NOOR", "NOUR", "NOER"),
    ("SAID", "SAYED", "SAEED", "SAYID", "SAIED", "SAYEED"),
    ("MUSA", "MOUSSA", "MOUSA", "MOOSA"),
    ("ISA", "EISA", "ISSA"),
    ("JAMAL", "GAMAL", "DJAMAL", "CEMAL"),
    ("RASYID", "RASHID", "RACHID", "RASHEED", "RASID", "RESHAT"),
    ("SYARIF", "SHARIF", "SHARIEF", "SHERIF", "CHERIF", "SYARIEF"),
    ("YAHYA", "YAHIA", "YEHIA", "JAHJA"),
    ("ALI", "ALY"),
    ("HAKIM", "HAKEEM"),
    ("KARIM", "KAREEM", "KERIM"),
    ("AZIZ", "AZEEZ", "ABDELAZIZ"),
    ("QASIM", "KASIM", "QASSIM", "KASSIM", "KACEM"),
    ("JAFAR", "JAAFAR", "DJAFAR", "JAFFAR", "CAFER"),
    ("HAMZAH", "HAMZA"),
    ("ZAKARIA", "ZAKARIYA", "ZAKARIYYA", "ZACHARIA", "ZAKARIAH"),
    ("SALEH", "SALIH", "SALAH"),
    ("SYAMSUDIN", "SHAMSUDDIN", "SYAMSUDDIN", "SHAMSUDIN", "SJAMSUDIN"),
)

_ALPHA_TOKEN = re.compile(r"[A-Z]+")


@memoise
def skeleton(token: str) -> str:
    """Spelling rules and doubled letters only (no transliteration groups): for merged words."""
    out = token
    for old, new in _SPELLING:
        if old in out:
            out = out.replace(old, new)
    return _undouble(out)


@memoise
def canonical_token(token: str) -> str:
    """One folded token (``A``–``Z``) in its canonical spelling."""
    out = skeleton(token)
    return _GROUPS.get(out, out)


def _build_groups() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in TRANSLITERATION_GROUPS:
        head = group[0]
        for variant in group:
            key = variant
            for old, new in _SPELLING:
                key = key.replace(old, new)
            key = _undouble(key)
            table[key] = head
    return table


_GROUPS: dict[str, str] = _build_groups()


@dataclass(frozen=True, slots=True)
class NormalName:
    """A name in the forms the matcher needs."""

    folded: tuple[str, ...]  # ICAO-folded tokens, honorifics and particles removed
    tokens: tuple[str, ...]  # canonical tokens (same order as ``folded``)
    # Stored form: canonical tokens, each followed by ``|folded`` when the two differ.
    norm: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        norm = " ".join(t if t == f else f"{t}|{f}" for t, f in zip(self.tokens, self.folded, strict=True))
        object.__setattr__(self, "norm", norm)

    @property
    def empty(self) -> bool:
        return not self.tokens


# ICAO Doc 9303 part 3 §6.1 for plain ASCII: apostrophes and full stops vanish, letters are upper
# cased, anything else separates words (what ``to_mrz_name`` does, without its per-letter tables).
_ASCII_OMIT = str.maketrans("", "", "'`.")


@memoise
def _fold_word(word: str) -> tuple[str, ...]:
    if word.isascii():
        return tuple(_ALPHA_TOKEN.findall(word.upper().translate(_ASCII_OMIT)))
    return tuple(_ALPHA_TOKEN.findall(to_mrz_name(word)))


def _folded_words(text: str) -> list[tuple[str, ...]]:
    """ICAO-folded tokens of each white-space separated word of ``text``.

    ICAO folding is character by character and white space is a separator, so folding word by
    word gives the same result — and lets a cache serve the common given and family names.
    """
    return [_fold_word(word[:100]) for word in text[:1000].split()]


def fold(text: str) -> tuple[str, ...]:
    """ICAO-folded tokens of ``text`` (any string in, never raises)."""
    if not isinstance(text, str):
        return ()
    return tuple(token for word in _folded_words(text) for token in word)


def strip_titles(tokens: tuple[str, ...], joined: tuple[bool, ...] | None = None) -> tuple[str, ...]:
    """Drop honorifics and particles; keep the original tokens if nothing would remain.

    Honorifics are titles only before or after the name ("Dr. Ir. H. Budi Santoso", "Budi
    Santoso SH"); inside it a word such as "Sir" or "Dra" is a name. A leading one-letter title
    ("H." for Haji) is only dropped when at least two words follow: in "H. Kaya" the H is more
    likely an initial. Particles go wherever they stand, except "Bin" inside a hyphenated word
    ("Bin-ming" is a Chinese given name, not "bin"); ``joined`` marks the tokens that came from
    such words.
    """
    n = len(tokens)
    lead = 0
    while lead < n and tokens[lead] in HONORIFICS and (len(tokens[lead]) > 1 or n - lead - 1 >= 2):
        lead += 1
    tail = n
    while tail > lead and tokens[tail - 1] in HONORIFICS and len(tokens[tail - 1]) > 1:
        tail -= 1
    kept: list[str] = []
    for index in range(lead, tail):
        token = tokens[index]
        if token in PARTICLES and not (joined and joined[index] and token in _SYLLABLE_PATRONYMICS):
            if token in _AMBIGUOUS_INITIALS and not kept:
                kept.append(token)  # "B. SANTOSO": an initial, not bin
            continue
        kept.append(token)
    return tuple(kept) if kept else tokens


@memoise
def _normalise(text: str) -> NormalName:
    words = _folded_words(text)
    tokens = tuple(token for word in words for token in word)
    joined = tuple(len(word) > 1 for word in words for _token in word)
    folded = strip_titles(tokens, joined)
    return NormalName(folded=folded, tokens=tuple(canonical_token(t) for t in folded))


def normalise(text: str) -> NormalName:
    """The comparable form of a name (any string in, never raises)."""
    if not isinstance(text, str):
        return NormalName((), ())
    return _normalise(text[:1000])


def from_norm(norm: str) -> NormalName:
    """A NormalName back from its stored ``norm``.

    Not memoised: screening parses thousands of candidates' norms per query, and keeping them
    would promote them to the collector's oldest generation, making every full collection longer.
    """
    tokens: list[str] = []
    folded: list[str] = []
    for part in norm.split():
        canonical, _bar, original = part.partition("|")
        tokens.append(canonical)
        folded.append(original or canonical)
    return NormalName(folded=tuple(folded), tokens=tuple(tokens))


_PASSPORT = re.compile(r"[^A-Z0-9]")


def normalise_passport(number: str) -> str:
    """A passport number as compared: upper case, letters and digits only (``<`` and spaces dropped)."""
    if not isinstance(number, str):
        return ""
    return _PASSPORT.sub("", number.upper())[:32]
