"""Folding names to the characters a machine-readable zone can hold.

ICAO Doc 9303 part 3 (section 6, "Transliterations recommended for use by States") lists how
national characters are written in the MRZ, which only holds ``A``–``Z``, ``0``–``9`` and the
filler ``<``. The screening helper compares names in this folded form, so a list entry typed as
"Müller" matches an MRZ that says "MUELLER".

``to_mrz_name`` is the one public entry point: any text in, upper-case ``A``–``Z`` words
separated by single spaces out. ``to_mrz_field`` builds the fixed-width name field of an MRZ.
"""

from __future__ import annotations

import re
import unicodedata

# Doc 9303 part 3, table "Transliteration of Multinational Latin-based Characters": characters
# whose MRZ form is not simply the base letter. Everything else with a diacritic falls back to
# its Unicode base letter (À → A, Ç → C, Ñ → N …), which is what the same table prescribes.
_LATIN: dict[str, str] = {
    "Ä": "AE",
    "Å": "AA",
    "Æ": "AE",
    "Ö": "OE",
    "Ø": "OE",
    "Ü": "UE",
    "ß": "SS",
    "ẞ": "SS",
    "Œ": "OE",
    "Þ": "TH",
    "Ð": "D",
    "Đ": "D",
    "Ħ": "H",
    "Ĳ": "IJ",
    "Ł": "L",
    "Ŀ": "L",
    "Ŋ": "N",
    "Ŧ": "T",
    "ı": "I",
    "ĸ": "K",
    "ŉ": "N",
}

# Doc 9303 part 3, table "Transliteration of Cyrillic characters" (Russian/Ukrainian/Belarusian
# letters as they appear in MRZs issued since the 7th edition). Soft sign is omitted.
_CYRILLIC: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "I", "Й": "I", "К": "K", "Л": "L", "М": "M",
    "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ў": "U", "Ф": "F",
    "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "",
    "Э": "E", "Ю": "IU", "Я": "IA",
}  # fmt: skip

# Doc 9303 part 3 §6.1: apostrophes and full stops are omitted; hyphens and other separators
# become a filler (here: a space, since the result is a human-comparable name).
_OMIT = set("'’‘`´.ʼ")


def _fold_char(ch: str) -> str:
    upper = ch.upper() if ch not in ("ß", "ı", "ĸ", "ŉ") else ch
    if upper in _LATIN:
        return _LATIN[upper]
    if upper in _CYRILLIC:
        return _CYRILLIC[upper]
    if ch in _OMIT:
        return ""
    if "A" <= upper <= "Z":
        return upper
    # Fallback: strip diacritics by canonical decomposition (É → E + ◌́ → E).
    base = "".join(c for c in unicodedata.normalize("NFKD", upper) if not unicodedata.combining(c))
    if base and all("A" <= c <= "Z" for c in base):
        return base
    if base in _LATIN:
        return _LATIN[base]
    return " "


def to_mrz_name(text: str) -> str:
    """Fold ``text`` to MRZ letters: upper-case ``A``–``Z`` words separated by single spaces.

    ``<`` fillers in the input (an MRZ name fragment) count as separators, digits and other
    symbols become separators, apostrophes and full stops vanish.

    >>> to_mrz_name("Jürgen Groß-Müller")
    'JUERGEN GROSS MUELLER'
    """
    folded = "".join(_fold_char(ch) for ch in text)
    return " ".join(re.split(r"[^A-Z]+", folded)).strip()


def to_mrz_field(primary: str, secondary: str, width: int) -> str:
    """The MRZ name field ``PRIMARY<<SECONDARY`` padded (or truncated) to ``width`` characters.

    Truncation follows Doc 9303 part 3 §4.6 in its simplest form: the field is cut at
    ``width``; callers that need the finer truncation rules should shorten names first.
    """
    prim = to_mrz_name(primary).replace(" ", "<")
    sec = to_mrz_name(secondary).replace(" ", "<")
    field = f"{prim}<<{sec}" if sec else prim
    return field[:width].ljust(width, "<")
