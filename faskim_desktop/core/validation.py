"""Field rules shared by the forms, the services and the importers.

Each check returns the cleaned value or raises ``ValidationError`` with the field and a code
whose words say what is wrong and how to fix it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from faskim_desktop.core import clock, messages
from faskim_desktop.core.errors import ValidationError

NIK_RE = re.compile(r"^[0-9]{16}$")  # ASCII digits only: \d also matches other scripts
PASSPORT_RE = re.compile(r"^[A-Z0-9]{5,20}$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$|^D$")
# Letters of any script, combining marks, spaces, apostrophes, hyphens, dots and commas.
_NAME_ALLOWED = {"Zs", "Pd", "Mn", "Mc"}
# Of the "other punctuation" class only what names use: dots, commas, apostrophes, the middle
# dot (Catalan) and the Hebrew geresh/gershayim; not "@", "#", "%", "/", ";", "!" and the like.
_NAME_PUNCTUATION = set(".,'·׳״")


def text(value: str | None, field: str, max_length: int, required: bool = False) -> str:
    cleaned = " ".join((value or "").split())
    if required and not cleaned:
        raise ValidationError("val.required", field=field)
    if len(cleaned) > max_length:
        raise ValidationError("val.too_long", field=field, max=max_length, length=len(cleaned))
    return cleaned


def person_name(value: str | None, field: str = "name", required: bool = True, max_length: int = 200) -> str:
    cleaned = unicodedata.normalize("NFC", text(value, field, max_length, required))
    for char in cleaned:
        category = unicodedata.category(char)
        if not (category.startswith("L") or category in _NAME_ALLOWED or char in _NAME_PUNCTUATION
                or char in "'’`"):
            raise ValidationError("val.name_chars", field=field, char=char)
    return cleaned


def nik(value: str | None, field: str = "sponsor_nik", required: bool = True) -> str:
    """The 16-digit Indonesian population number (Nomor Induk Kependudukan).

    Digits 7–12 encode the birth date (day + 40 for women), so an impossible date there is
    refused too.
    """
    cleaned = re.sub(r"[\s.-]", "", value or "")
    if not cleaned:
        if required:
            raise ValidationError("val.required", field=field)
        return ""
    if not NIK_RE.match(cleaned):
        raise ValidationError("val.nik_format", field=field, length=len(cleaned))
    day, month = int(cleaned[6:8]), int(cleaned[8:10])
    if day > 40:
        day -= 40
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValidationError("val.nik_date", field=field)
    return cleaned


def passport_number(value: str | None, field: str = "passport_no") -> str:
    cleaned = re.sub(r"[\s<]", "", (value or "").upper())
    if not cleaned:
        raise ValidationError("val.required", field=field)
    if not PASSPORT_RE.match(cleaned):
        raise ValidationError("val.passport_format", field=field)
    return cleaned


def country(value: str | None, field: str = "nationality") -> str:
    cleaned = (value or "").strip().upper()
    if not COUNTRY_RE.match(cleaned):
        raise ValidationError("val.country", field=field)
    return cleaned


def parse_date(value: str | date | None, field: str, required: bool = True) -> date | None:
    """Accept ISO (YYYY-MM-DD) and the Indonesian DD-MM-YYYY / DD/MM/YYYY forms."""
    if isinstance(value, date):
        return value
    raw = (value or "").strip()
    if not raw:
        if required:
            raise ValidationError("val.required", field=field)
        return None
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw) or None
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", raw)
        if not match:
            raise ValidationError("val.date_format", field=field)
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError("val.date_impossible", field=field) from None


def past_date(value: str | date | None, field: str, required: bool = True) -> date | None:
    parsed = parse_date(value, field, required)
    if parsed and parsed > clock.today():
        raise ValidationError("val.date_future", field=field)
    if parsed and parsed.year < 1900:
        raise ValidationError("val.date_too_old", field=field)
    return parsed


def future_date(value: str | date | None, field: str, required: bool = True, code: str = "val.expired") -> date | None:
    parsed = parse_date(value, field, required)
    if parsed and parsed < clock.today():
        raise ValidationError(code, field=field)
    return parsed


def sex(value: str | None, field: str = "sex") -> str:
    cleaned = (value or "").strip().upper()[:1]
    if cleaned not in {"M", "F", "X"}:
        raise ValidationError("val.sex", field=field)
    return cleaned


def positive_int(value: object, field: str, maximum: int = 99) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError("val.number", field=field) from None
    if not 1 <= number <= maximum:
        raise ValidationError("val.number_range", field=field, max=maximum)
    return number


messages.register(
    {
        "val.required": {"id": "Wajib diisi.", "en": "Required."},
        "val.too_long": {
            "id": "Terlalu panjang: {length} karakter, maksimal {max}. Persingkat isian.",
            "en": "Too long: {length} characters, at most {max}. Shorten it.",
        },
        "val.name_chars": {
            "id": "Nama memuat karakter yang tidak diizinkan: “{char}”. Gunakan huruf, spasi, apostrof atau tanda hubung.",
            "en": "The name contains a character that is not allowed: “{char}”. Use letters, spaces, apostrophes or hyphens.",
        },
        "val.nik_format": {
            "id": "NIK harus 16 angka (terisi {length}). Periksa KTP orang tua WNI.",
            "en": "The NIK must be 16 digits (got {length}). Check the Indonesian parent's ID card.",
        },
        "val.nik_date": {
            "id": "NIK tidak valid: angka ke-7 s.d. 10 bukan tanggal lahir yang mungkin.",
            "en": "The NIK is not valid: digits 7–10 are not a possible birth date.",
        },
        "val.passport_format": {
            "id": "Nomor paspor 5–20 huruf/angka tanpa spasi.",
            "en": "The passport number is 5–20 letters or digits without spaces.",
        },
        "val.country": {
            "id": "Kode negara harus 3 huruf ISO 3166 (mis. AUS, NLD, USA).",
            "en": "The country code must be 3 ISO 3166 letters (e.g. AUS, NLD, USA).",
        },
        "val.date_format": {
            "id": "Tanggal tidak dikenali. Tulis HH-BB-TTTT atau TTTT-BB-HH.",
            "en": "Date not recognised. Write DD-MM-YYYY or YYYY-MM-DD.",
        },
        "val.date_impossible": {"id": "Tanggal itu tidak ada di kalender.", "en": "That date does not exist."},
        "val.date_future": {"id": "Tanggal tidak boleh di masa depan.", "en": "The date cannot be in the future."},
        "val.date_too_old": {"id": "Tanggal terlalu lampau; periksa tahunnya.", "en": "The date is too far back; check the year."},
        "val.expired": {
            "id": "Sudah kedaluwarsa. Dokumen yang berlaku diperlukan.",
            "en": "Expired. A valid document is needed.",
        },
        "val.sex": {"id": "Pilih jenis kelamin: L/P (M/F) atau X.", "en": "Choose the sex: M, F or X."},
        "val.number": {"id": "Harus berupa angka.", "en": "Must be a number."},
        "val.number_range": {"id": "Harus antara 1 dan {max}.", "en": "Must be between 1 and {max}."},
    }
)
