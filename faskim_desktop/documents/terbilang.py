"""Amounts in Indonesian words (terbilang), as written on a kuitansi.

    terbilang(400000)               -> "empat ratus ribu rupiah"
    terbilang(1, currency=None)     -> "satu"
    terbilang(1_250_000)            -> "satu juta dua ratus lima puluh ribu rupiah"

Rules of Indonesian numerals: 10 "sepuluh", 11 "sebelas", 12-19 "... belas", tens "... puluh",
100 "seratus", 1000 "seribu" (but 1000 inside a larger group is "satu juta", "satu miliar"),
scales ribu (10^3), juta (10^6), miliar (10^9), triliun (10^12). Amounts up to
999 999 999 999 999 are written; beyond that a ValueError is raised.
"""

from __future__ import annotations

_UNITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
LIMIT = 10**15


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 0:
        return words
    if rest < 10:
        words.append(_UNITS[rest])
    elif rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif rest < 20:
        words += [_UNITS[rest - 10], "belas"]
    else:
        tens, units = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if units:
            words.append(_UNITS[units])
    return words


def _words(n: int) -> list[str]:
    words: list[str] = []
    for value, name in _SCALES:
        group, n = divmod(n, value)
        if group == 0:
            continue
        if group == 1 and value == 1000:
            words.append("seribu")
        else:
            words += [*_below_thousand(group), name]
    words += _below_thousand(n)
    return words


def terbilang(amount: int, currency: str | None = "rupiah") -> str:
    """``amount`` in Indonesian words, followed by ``currency`` unless it is None."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError("terbilang needs an int")
    if abs(amount) >= LIMIT:
        raise ValueError("amount too large to write in words")
    words = ["minus"] if amount < 0 else []
    words += _words(abs(amount)) if amount else ["nol"]
    if currency:
        words.append(currency)
    return " ".join(words)
