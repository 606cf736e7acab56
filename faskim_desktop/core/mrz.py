"""Machine-readable zones (ICAO Doc 9303 parts 3–7): parsing, check digits, the BAC key.

Formats handled:

* TD3 — passports, 2 lines × 44 (Doc 9303 part 4);
* TD2 — cards and official travel documents, 2 × 36 (part 6);
* TD1 — ID cards, 3 × 30 (part 5), including document numbers longer than nine characters that
  continue in the optional data (part 5 §4.2.4, note j);
* MRV-A / MRV-B — visas, 2 × 44 / 2 × 36 (part 7), which have no composite check digit.

Input may come from a keyboard-wedge MRZ reader (lines separated by CR, LF or spaces, sometimes
followed by junk such as a terminator or a checksum) or be typed by hand (lower case, stray
spaces): ``parse`` normalises it first. Every failure is a ``ValidationError`` whose ``code``
names the failing element in words through the message table below; nothing here logs the MRZ.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from dataclasses import dataclass, field

from faskim_desktop.core import clock, messages
from faskim_desktop.core.errors import ValidationError

MRZ_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_WEIGHTS = (7, 3, 1)  # Doc 9303 part 3 §4.9


class MrzFormat(enum.StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRV-A"
    MRVB = "MRV-B"


class Sex(enum.StrEnum):
    MALE = "M"
    FEMALE = "F"
    UNSPECIFIED = "X"  # '<' or 'X' in the MRZ


class CheckField(enum.StrEnum):
    """The elements protected by a check digit; each has its own words in ``MESSAGES``."""

    DOCUMENT_NUMBER = "document_number"
    DATE_OF_BIRTH = "date_of_birth"
    DATE_OF_EXPIRY = "date_of_expiry"
    OPTIONAL_DATA = "optional_data"  # the personal number of TD3
    COMPOSITE = "composite"


@dataclass(frozen=True)
class MrzData:
    """One parsed and validated MRZ. Names are folded MRZ names: ``A``–``Z`` and spaces."""

    format: MrzFormat
    document_code: str  # "P", "PA", "I", "ID", "AC", "V" … (fillers removed)
    issuing_state: str  # "UTO", "IDN", "D" (fillers removed)
    primary_identifier: str  # surname(s)
    secondary_identifier: str  # given name(s)
    document_number: str  # fillers removed, long TD1/TD2 numbers joined
    nationality: str
    date_of_birth: dt.date | None  # None when the MRZ says the date is (partly) unknown
    date_of_birth_raw: str  # YYMMDD as printed, may contain '<'
    sex: Sex
    date_of_expiry: dt.date
    optional_data: str  # TD3 personal number; TD1 line 1 / TD2 line 2 optional data
    optional_data_2: str = ""  # TD1 line 2 optional data
    lines: tuple[str, ...] = field(default=(), repr=False)  # personal data: keep out of logs

    @property
    def names(self) -> str:
        return f"{self.secondary_identifier} {self.primary_identifier}".strip()

    def bac_key(self) -> str:
        return mrz_key(self.document_number, self.date_of_birth_raw, self.date_of_expiry.strftime("%y%m%d"))


# ----------------------------------------------------------------------------------------------
# Check digits (Doc 9303 part 3 §4.9)


def char_value(ch: str) -> int:
    if "0" <= ch <= "9":
        return ord(ch) - 48
    if "A" <= ch <= "Z":
        return ord(ch) - 55
    if ch == "<":
        return 0
    raise ValueError(f"not an MRZ character: {ch!r}")


def check_digit(data: str) -> str:
    """The check digit of ``data``: weights 7, 3, 1 repeating, sum modulo 10."""
    total = sum(char_value(c) * _WEIGHTS[i % 3] for i, c in enumerate(data))
    return str(total % 10)


def _verify(which: CheckField, data: str, digit: str, *, filler_ok: bool = False) -> None:
    # A '<' check digit is allowed over an all-filler optional field (part 4 §4.2.2, note h).
    if filler_ok and digit == "<" and set(data) <= {"<"}:
        return
    expected = check_digit(data)
    if digit != expected:
        raise ValidationError(f"mrz.check.{which.value}", field=which.value, found=digit, expected=expected)


# ----------------------------------------------------------------------------------------------
# Input normalisation


_LINE_LENGTHS = {MrzFormat.TD1: (30, 3), MrzFormat.TD2: (36, 2), MrzFormat.TD3: (44, 2)}


def split_lines(text: str) -> list[str]:
    """Turn keyboard-wedge or hand-typed text into the MRZ lines, without validating them.

    Upper-cases, treats CR/LF/tabs/spaces and control characters as separators, drops leading
    and trailing characters outside the MRZ alphabet, then tries in order: tokens that already
    have a format's line lengths (extra tokens after a complete MRZ are ignored as reader junk);
    all tokens joined, when that gives exactly 2×44, 2×36 or 3×30 characters (spaces typed
    inside a line). Raises ``ValidationError("mrz.empty" | "mrz.format")``.
    """
    if not isinstance(text, str):
        raise ValidationError("mrz.empty", field="mrz")
    upper = text.upper().replace("«", "<<")
    # Anything outside the alphabet that is not a letter/digit lookalike is a separator.
    cleaned = "".join(c if c in MRZ_ALPHABET else " " for c in upper)
    tokens = cleaned.split()
    if not tokens:
        raise ValidationError("mrz.empty", field="mrz")

    for width, count in ((44, 2), (36, 2), (30, 3)):
        for start in range(len(tokens) - count + 1):
            window = tokens[start : start + count]
            if all(len(t) == width for t in window):
                return window
    joined = "".join(tokens)
    for width, count in ((44, 2), (36, 2), (30, 3)):
        if len(joined) == width * count:
            return [joined[i * width : (i + 1) * width] for i in range(count)]
    lengths = ",".join(str(len(t)) for t in tokens[:5])
    raise ValidationError("mrz.format", field="mrz", lengths=lengths)


def _check_alphabet(lines: list[str]) -> None:
    for n, line in enumerate(lines, start=1):
        for pos, ch in enumerate(line, start=1):
            if ch not in MRZ_ALPHABET:
                raise ValidationError("mrz.char", field="mrz", line=n, position=pos)


# ----------------------------------------------------------------------------------------------
# Field decoding


def _strip(field_: str) -> str:
    return field_.replace("<", " ").strip()


def _names(name_field: str) -> tuple[str, str]:
    primary, sep, secondary = name_field.partition("<<")
    primary = _strip(primary)
    secondary = re.sub(r" +", " ", _strip(secondary)) if sep else ""
    return re.sub(r" +", " ", primary), secondary


def _state(code: str, which: str) -> str:
    """A 3-character state code: letters, trailing fillers (Germany is ``D<<``)."""
    if not re.fullmatch(r"[A-Z]{1,3}<{0,2}", code) or len(code) != 3:
        raise ValidationError("mrz.state", field=which)
    return code.rstrip("<")


def _sex(ch: str) -> Sex:
    if ch == "M":
        return Sex.MALE
    if ch == "F":
        return Sex.FEMALE
    if ch in ("<", "X"):
        return Sex.UNSPECIFIED
    raise ValidationError("mrz.sex", field="sex")


def _yymmdd(raw: str, which: str) -> tuple[int, int, int]:
    if not re.fullmatch(r"[0-9]{6}", raw):
        raise ValidationError(f"mrz.date.{which}", field=which)
    return int(raw[:2]), int(raw[2:4]), int(raw[4:6])


def birth_date(raw: str, today: dt.date | None = None) -> dt.date | None:
    """Date of birth from YYMMDD: the latest century that puts it not after ``today``.

    ``None`` when the MRZ marks the date (partly) unknown with fillers (part 3 §4.4, e.g.
    ``7408<<``).
    """
    today = today or clock.today()
    if "<" in raw and re.fullmatch(r"[0-9<]{6}", raw):
        return None
    yy, mm, dd = _yymmdd(raw, "date_of_birth")
    for century in (2000, 1900):
        try:
            date = dt.date(century + yy, mm, dd)
        except ValueError as exc:
            raise ValidationError("mrz.date.date_of_birth", field="date_of_birth") from exc
        if date <= today:
            return date
    raise ValidationError("mrz.date.date_of_birth", field="date_of_birth")  # pragma: no cover


EXPIRY_HORIZON_YEARS = 20  # documents are not issued for longer than this


def expiry_date(raw: str, today: dt.date | None = None) -> dt.date:
    """Date of expiry from YYMMDD: 20YY unless that lies more than ~20 years ahead."""
    today = today or clock.today()
    yy, mm, dd = _yymmdd(raw, "date_of_expiry")
    year = 2000 + yy
    if year > today.year + EXPIRY_HORIZON_YEARS:
        year -= 100
    try:
        return dt.date(year, mm, dd)
    except ValueError as exc:
        raise ValidationError("mrz.date.date_of_expiry", field="date_of_expiry") from exc


def _document_number(number_field: str, digit: str, optional: str) -> tuple[str, str]:
    """The document number and the optional data left over.

    TD1/TD2 long numbers (part 5 §4.2.4 note j, part 6 §4.2.4 note j): when the check digit
    position holds '<', the number continues in the optional data up to the first filler, and
    the last character before that filler is the check digit over the whole number.
    """
    if digit == "<" and optional[:1] not in ("", "<"):
        head = number_field
        end = optional.find("<")
        tail = optional if end < 0 else optional[:end]
        if len(tail) < 2:
            raise ValidationError(
                "mrz.check.document_number",
                field="document_number",
                found="<",
                expected=check_digit(number_field),
            )
        full, cd = head + tail[:-1], tail[-1]
        _verify(CheckField.DOCUMENT_NUMBER, full, cd)
        return full.replace("<", ""), optional[len(tail) :]
    _verify(CheckField.DOCUMENT_NUMBER, number_field, digit)
    return number_field.replace("<", ""), optional


def _document_code(code: str, allowed: str) -> str:
    if code[0] not in allowed or not re.fullmatch(r"[A-Z][A-Z<]", code):
        raise ValidationError("mrz.document_code", field="document_code")
    return code.rstrip("<")


# ----------------------------------------------------------------------------------------------
# Parsers per format


def _parse_td3(lines: list[str], today: dt.date) -> MrzData:
    l1, l2 = lines
    visa = l1[0] == "V"
    code = _document_code(l1[0:2], "PV")
    issuing = _state(l1[2:5], "issuing_state")
    primary, secondary = _names(l1[5:44])
    number, _ = _document_number(l2[0:9], l2[9], "")
    nationality = _state(l2[10:13], "nationality")
    _verify(CheckField.DATE_OF_BIRTH, l2[13:19], l2[19])
    dob = birth_date(l2[13:19], today)
    sex = _sex(l2[20])
    _verify(CheckField.DATE_OF_EXPIRY, l2[21:27], l2[27])
    expiry = expiry_date(l2[21:27], today)
    if visa:
        optional = l2[28:44]
    else:
        optional = l2[28:42]
        # Part 4 §4.2.2 note h: the personal number check digit may be '<' over an empty field.
        _verify(CheckField.OPTIONAL_DATA, optional, l2[42], filler_ok=True)
        _verify(CheckField.COMPOSITE, l2[0:10] + l2[13:20] + l2[21:43], l2[43])
    return MrzData(
        format=MrzFormat.MRVA if visa else MrzFormat.TD3,
        document_code=code,
        issuing_state=issuing,
        primary_identifier=primary,
        secondary_identifier=secondary,
        document_number=number,
        nationality=nationality,
        date_of_birth=dob,
        date_of_birth_raw=l2[13:19],
        sex=sex,
        date_of_expiry=expiry,
        optional_data=_strip(optional),
        lines=tuple(lines),
    )


def _parse_td2(lines: list[str], today: dt.date) -> MrzData:
    l1, l2 = lines
    visa = l1[0] == "V"
    code = _document_code(l1[0:2], "ACIV")
    issuing = _state(l1[2:5], "issuing_state")
    primary, secondary = _names(l1[5:36])
    optional_field = l2[28:36] if visa else l2[28:35]
    number, optional = _document_number(l2[0:9], l2[9], optional_field)
    nationality = _state(l2[10:13], "nationality")
    _verify(CheckField.DATE_OF_BIRTH, l2[13:19], l2[19])
    dob = birth_date(l2[13:19], today)
    sex = _sex(l2[20])
    _verify(CheckField.DATE_OF_EXPIRY, l2[21:27], l2[27])
    expiry = expiry_date(l2[21:27], today)
    if not visa:
        _verify(CheckField.COMPOSITE, l2[0:10] + l2[13:20] + l2[21:35], l2[35])
    return MrzData(
        format=MrzFormat.MRVB if visa else MrzFormat.TD2,
        document_code=code,
        issuing_state=issuing,
        primary_identifier=primary,
        secondary_identifier=secondary,
        document_number=number,
        nationality=nationality,
        date_of_birth=dob,
        date_of_birth_raw=l2[13:19],
        sex=sex,
        date_of_expiry=expiry,
        optional_data=_strip(optional),
        lines=tuple(lines),
    )


def _parse_td1(lines: list[str], today: dt.date) -> MrzData:
    l1, l2, l3 = lines
    code = _document_code(l1[0:2], "ACI")
    issuing = _state(l1[2:5], "issuing_state")
    number, optional1 = _document_number(l1[5:14], l1[14], l1[15:30])
    _verify(CheckField.DATE_OF_BIRTH, l2[0:6], l2[6])
    dob = birth_date(l2[0:6], today)
    sex = _sex(l2[7])
    _verify(CheckField.DATE_OF_EXPIRY, l2[8:14], l2[14])
    expiry = expiry_date(l2[8:14], today)
    nationality = _state(l2[15:18], "nationality")
    _verify(CheckField.COMPOSITE, l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29])
    primary, secondary = _names(l3)
    return MrzData(
        format=MrzFormat.TD1,
        document_code=code,
        issuing_state=issuing,
        primary_identifier=primary,
        secondary_identifier=secondary,
        document_number=number,
        nationality=nationality,
        date_of_birth=dob,
        date_of_birth_raw=l2[0:6],
        sex=sex,
        date_of_expiry=expiry,
        optional_data=_strip(optional1),
        optional_data_2=_strip(l2[18:29]),
        lines=tuple(lines),
    )


def parse(text: str, today: dt.date | None = None) -> MrzData:
    """Parse and validate an MRZ from reader or keyboard input.

    Raises ``ValidationError`` (never anything else) naming the first failing element: the
    format, a character, a state code, a date, the sex, or which check digit failed.
    """
    today = today or clock.today()
    lines = split_lines(text)
    _check_alphabet(lines)
    width = len(lines[0])
    if width == 44:
        return _parse_td3(lines, today)
    if width == 36:
        return _parse_td2(lines, today)
    return _parse_td1(lines, today)


# ----------------------------------------------------------------------------------------------
# Comparing two readings of the same document


COMPARED_FIELDS = (
    "document_number",
    "primary_identifier",
    "secondary_identifier",
    "nationality",
    "date_of_birth",
    "sex",
    "date_of_expiry",
    "issuing_state",
)


def differences(a: MrzData, b: MrzData) -> list[str]:
    """Names of the data-entry fields on which two readings disagree (e.g. printed MRZ vs chip).

    Names are compared in their folded MRZ form, so "Müller" typed by hand equals "MUELLER".
    """
    from faskim_desktop.core.transliteration import to_mrz_name

    out = []
    for name in COMPARED_FIELDS:
        left, right = getattr(a, name), getattr(b, name)
        if name.endswith("_identifier"):
            left, right = to_mrz_name(left), to_mrz_name(right)
        if left != right:
            out.append(name)
    return out


def entry_fields(data: MrzData, source: str) -> dict[str, str]:
    """The step-3 data-entry fields (``services.intake.EntryData`` names) an MRZ or chip fills.

    ``source`` is ``"mrz"`` or ``"chip"`` (the form marks these fields as read from the
    document). Dates are ISO; a partly unknown date of birth is left empty for the officer.
    """
    return {
        "nama_pemohon": data.names,
        "sex": data.sex.value,
        "tanggal_lahir": data.date_of_birth.isoformat() if data.date_of_birth else "",
        "nationality": data.nationality,
        "passport_no": data.document_number,
        "passport_expiry": data.date_of_expiry.isoformat(),
        "passport_source": source,
    }


# ----------------------------------------------------------------------------------------------
# BAC key and building MRZs


def _clean_number(doc_no: str) -> str:
    number = doc_no.strip().upper().replace(" ", "")
    if not number or not re.fullmatch(r"[A-Z0-9<]+", number):
        raise ValidationError("mrz.key.document_number", field="document_number")
    return number


def mrz_key(doc_no: str, dob: str, expiry: str) -> str:
    """The MRZ information for Basic Access Control (Doc 9303 part 11 §4.3.2 / appendix D.2).

    Document number padded with fillers to at least nine characters plus its check digit, then
    date of birth and date of expiry (YYMMDD) each with its check digit:
    ``mrz_key("L898902C", "690806", "940623") == "L898902C<369080619406236"``.
    """
    number = _clean_number(doc_no).ljust(9, "<")
    dob, expiry = dob.strip().upper(), expiry.strip()
    # A date of birth may be partly unknown ('<' fillers, part 3 §4.4); it is keyed as printed.
    if not re.fullmatch(r"[0-9]{2}[0-9<]{4}", dob):
        raise ValidationError("mrz.key.date_of_birth", field="date_of_birth")
    if not re.fullmatch(r"[0-9]{6}", expiry):
        raise ValidationError("mrz.key.date_of_expiry", field="date_of_expiry")
    return number + check_digit(number) + dob + check_digit(dob) + expiry + check_digit(expiry)


def build_td3(
    *,
    document_code: str = "P",
    issuing_state: str,
    primary: str,
    secondary: str,
    document_number: str,
    nationality: str,
    dob: str,
    sex: str,
    expiry: str,
    personal_number: str = "",
) -> tuple[str, str]:
    """Compose a TD3 MRZ (used by the card emulator and tests). Dates are YYMMDD."""
    from faskim_desktop.core.transliteration import to_mrz_field

    def pad(value: str, width: int) -> str:
        return value.upper().replace(" ", "<")[:width].ljust(width, "<")

    line1 = pad(document_code, 2) + pad(issuing_state, 3) + to_mrz_field(primary, secondary, 39)
    number = pad(document_number, 9)
    personal = pad(personal_number, 14)
    personal_cd = check_digit(personal)
    body = (
        number
        + check_digit(number)
        + pad(nationality, 3)
        + dob
        + check_digit(dob)
        + pad(sex, 1)
        + expiry
        + check_digit(expiry)
        + personal
        + personal_cd
    )
    composite = check_digit(body[0:10] + body[13:20] + body[21:43])
    return line1, body + composite


MESSAGES: dict[str, dict[str, str]] = {
    "mrz.empty": {"id": "MRZ kosong.", "en": "The MRZ is empty."},
    "mrz.format": {
        "id": "Format MRZ tidak dikenali (panjang baris: {lengths}). Harus 2×44, 2×36 atau 3×30 karakter.",
        "en": "MRZ format not recognised (line lengths: {lengths}). Expected 2×44, 2×36 or 3×30 characters.",
    },
    "mrz.char": {
        "id": "Karakter tidak sah di MRZ baris {line} posisi {position}.",
        "en": "Invalid character in MRZ line {line}, position {position}.",
    },
    "mrz.document_code": {"id": "Kode jenis dokumen MRZ tidak sah.", "en": "Invalid MRZ document code."},
    "mrz.state": {
        "id": "Kode negara MRZ tidak sah ({field}).",
        "en": "Invalid state code in the MRZ ({field}).",
    },
    "mrz.sex": {"id": "Jenis kelamin di MRZ tidak sah.", "en": "Invalid sex in the MRZ."},
    "mrz.date.date_of_birth": {
        "id": "Tanggal lahir di MRZ tidak sah.",
        "en": "Invalid date of birth in the MRZ.",
    },
    "mrz.date.date_of_expiry": {
        "id": "Tanggal habis berlaku di MRZ tidak sah.",
        "en": "Invalid date of expiry in the MRZ.",
    },
    "mrz.check.document_number": {
        "id": "Digit pemeriksa nomor dokumen salah (tertulis {found}, seharusnya {expected}).",
        "en": "Document number check digit is wrong (reads {found}, should be {expected}).",
    },
    "mrz.check.date_of_birth": {
        "id": "Digit pemeriksa tanggal lahir salah (tertulis {found}, seharusnya {expected}).",
        "en": "Date of birth check digit is wrong (reads {found}, should be {expected}).",
    },
    "mrz.check.date_of_expiry": {
        "id": "Digit pemeriksa tanggal habis berlaku salah (tertulis {found}, seharusnya {expected}).",
        "en": "Date of expiry check digit is wrong (reads {found}, should be {expected}).",
    },
    "mrz.check.optional_data": {
        "id": "Digit pemeriksa nomor pribadi/data tambahan salah (tertulis {found}, seharusnya {expected}).",
        "en": "Personal number / optional data check digit is wrong (reads {found}, should be {expected}).",
    },
    "mrz.check.composite": {
        "id": "Digit pemeriksa gabungan (komposit) salah (tertulis {found}, seharusnya {expected}).",
        "en": "Composite check digit is wrong (reads {found}, should be {expected}).",
    },
    "mrz.key.document_number": {
        "id": "Nomor dokumen untuk kunci chip tidak sah.",
        "en": "Invalid document number for the chip key.",
    },
    "mrz.key.date_of_birth": {
        "id": "Tanggal lahir untuk kunci chip harus 6 angka (YYMMDD).",
        "en": "Date of birth for the chip key must be 6 digits (YYMMDD).",
    },
    "mrz.key.date_of_expiry": {
        "id": "Tanggal habis berlaku untuk kunci chip harus 6 angka (YYMMDD).",
        "en": "Date of expiry for the chip key must be 6 digits (YYMMDD).",
    },
}
messages.register(MESSAGES)
