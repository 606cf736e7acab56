"""How the documents write dates, times, money and codes, in Indonesian (default) or English."""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}

METHODS = {
    "cash": {"id": "Tunai", "en": "Cash"},
    "transfer": {"id": "Transfer bank", "en": "Bank transfer"},
    "qris": {"id": "QRIS", "en": "QRIS"},
    "edc": {"id": "Kartu debit (EDC)", "en": "Debit card (EDC)"},
    "billing": {"id": "Kode billing SIMPONI", "en": "SIMPONI billing code"},
}

SEX = {
    "M": {"id": "Laki-laki", "en": "Male"},
    "F": {"id": "Perempuan", "en": "Female"},
    "X": {"id": "Tidak ditentukan", "en": "Unspecified"},
}


def lang(language: str) -> str:
    return "en" if language == "en" else "id"


def long_date(value: dt.date, language: str = "id") -> str:
    """29 November 2026 / 29 November 2026 (day month year in both languages)."""
    return f"{value.day} {MONTHS[lang(language)][value.month - 1]} {value.year}"


def short_date(value: dt.date) -> str:
    """DD-MM-YYYY, the numeric form used on the card and in tables."""
    return value.strftime("%d-%m-%Y")


def time_hm(value: dt.datetime) -> str:
    return value.strftime("%H:%M")


def rupiah(amount: int, language: str = "id") -> str:
    """Rp 400.000 (Indonesian thousands separator); IDR 400,000 in English."""
    if lang(language) == "en":
        return f"IDR {amount:,}"
    return "Rp " + f"{amount:,}".replace(",", ".")


def method_name(method: str, language: str = "id") -> str:
    words = METHODS.get(method.lower())
    return words[lang(language)] if words else method


def sex_name(code: str, language: str = "id") -> str:
    words = SEX.get(code.upper())
    return words[lang(language)] if words else code


def month_year(year: int, month: int, language: str = "id") -> str:
    return f"{MONTHS[lang(language)][month - 1]} {year}"
