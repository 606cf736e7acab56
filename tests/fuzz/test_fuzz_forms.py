"""Property-based tests of the step forms' parsers: any text gives a clean value or a typed refusal.

core/validation.py (NIK, dates, names, passport numbers, countries, numbers, long pastes),
intake.validate(EntryData), payment.parse_amount and handover.scanned_number. Whatever is typed or
pasted (any Unicode, control characters, 2000-character pastes), each returns a correct value or
raises ValidationError naming the field and a code with words in both languages, never another
exception.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from faskim_desktop.core import clock, messages, validation
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.handover import scanned_number
from faskim_desktop.core.services.intake import CleanEntry, EntryData, validate
from faskim_desktop.core.services.payment import parse_amount

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text as it arrives from a keyboard, a scanner wedge or a paste: any Unicode, digits of other
# scripts, separators, control characters and long pastes.
any_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=120),
    st.text(alphabet="0123456789 .-/<\t\n\r\x00٠١٢٣٤٥٦٧٨٩０１２３４５６７８９²³", max_size=30),
    st.text(min_size=1900, max_size=2100),
)


def refused_properly(err: ValidationError, field: str) -> None:
    assert err.field == field, (err.field, field)
    for language in ("id", "en"):
        text = err.message(language)
        assert text and text != err.code and not re.search(r"\{[a-z_]+\}", text), (err.code, text)


def ascii_digits(value: str) -> bool:
    return re.fullmatch(r"[0-9]*", value) is not None


@FUZZ
@given(any_text)
@example("3174015708800003")
@example("٣١٧٤٠١٥٧٠٨٨٠٠٠٠٣")  # Arabic-Indic digits: not a NIK
@example("３１７４０１５７０８８０００００３")  # full-width digits
def test_nik(value: str) -> None:
    try:
        cleaned = validation.nik(value)
    except ValidationError as err:
        refused_properly(err, "sponsor_nik")
        return
    assert len(cleaned) == 16 and ascii_digits(cleaned), cleaned
    day, month = int(cleaned[6:8]) % 40 or 40, int(cleaned[8:10])
    assert 1 <= month <= 12 and 1 <= day <= 31


@FUZZ
@given(any_text)
@example("31.12.1999")
@example("٢٠٢٠-٠١-٠١")
@example("0000-00-00")
@example("29/02/2023")
def test_dates(value: str) -> None:
    for check in (validation.parse_date, validation.past_date, validation.future_date):
        try:
            parsed = check(value, "tanggal_lahir")
        except ValidationError as err:
            refused_properly(err, "tanggal_lahir")
            continue
        assert isinstance(parsed, date)
        assert parsed.isoformat() in (value.strip(), parsed.isoformat())
        if check is validation.past_date:
            assert date(1900, 1, 1) <= parsed <= clock.today()
        if check is validation.future_date:
            assert parsed >= clock.today()


@FUZZ
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from(["iso", "dmy"]),
       st.sampled_from("-/."))
def test_every_real_date_typed_either_way_is_read_back(day: date, style: str, sep: str) -> None:
    typed = day.isoformat() if style == "iso" else f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year:04d}"
    assert validation.parse_date(typed, "d") == day


@FUZZ
@given(any_text)
@example("O'Brien-Smith, Jr.")
@example("Ñandú  Çelik\u0301")
@example("Robert'); DROP TABLE faskim_case;--")
def test_names(value: str) -> None:
    try:
        cleaned = validation.person_name(value, "nama_pemohon")
    except ValidationError as err:
        refused_properly(err, "nama_pemohon")
        return
    assert cleaned and len(cleaned) <= 200 and cleaned == cleaned.strip()
    assert "  " not in cleaned and not any(ch in cleaned for ch in "\x00\n\r\t;()=<>")


@FUZZ
@given(any_text)
@example("x1234567 ")
@example("A<<<<<<<1234")
@example("PAß12345")
def test_passport_numbers(value: str) -> None:
    try:
        cleaned = validation.passport_number(value)
    except ValidationError as err:
        refused_properly(err, "passport_no")
        return
    assert re.fullmatch(r"[A-Z0-9]{5,20}", cleaned), cleaned


@FUZZ
@given(any_text, st.integers(1, 400), st.booleans())
def test_free_text_fields(value: str, limit: int, required: bool) -> None:
    try:
        cleaned = validation.text(value, "sponsor_address", limit, required)
    except ValidationError as err:
        refused_properly(err, "sponsor_address")
        return
    assert len(cleaned) <= limit and cleaned == " ".join(cleaned.split())
    assert cleaned or not required


@FUZZ
@given(st.one_of(any_text, st.integers(), st.floats(), st.none()))
@example("1_0")
@example("٣")
def test_small_numbers_countries_and_sex(value: object) -> None:
    try:
        number = validation.positive_int(value, "izin_tinggal_ke")
    except ValidationError as err:
        refused_properly(err, "izin_tinggal_ke")
    else:
        assert 1 <= number <= 99
    if isinstance(value, str):
        try:
            code = validation.country(value)
        except ValidationError as err:
            refused_properly(err, "nationality")
        else:
            assert re.fullmatch(r"[A-Z]{3}|D", code)
        try:
            assert validation.sex(value) in {"M", "F", "X"}
        except ValidationError as err:
            refused_properly(err, "sex")


entry_fields = [f.name for f in dataclasses.fields(EntryData) if f.name != "extra"]


@st.composite
def entries(draw: st.DrawFn) -> EntryData:
    """A step-3 form with some fields typed well and the rest anything at all."""
    from faskim_desktop.core.scripted_case import sample_entry

    good = dataclasses.asdict(sample_entry(draw(st.integers(0, 999))))
    good.pop("extra")
    for name in draw(st.sets(st.sampled_from(entry_fields), max_size=len(entry_fields))):
        good[name] = draw(any_text)
    return EntryData(**good)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_the_whole_step3_form(entry: EntryData) -> None:
    try:
        clean = validate(entry)
    except ValidationError as err:
        assert err.code == "entry.invalid"
        errors = err.params["errors"]
        assert isinstance(errors, dict) and errors and err.params["count"] == len(errors)
        assert err.field in errors
        for field, each in errors.items():
            assert field in entry_fields, field
            refused_properly(each, field)
        return
    assert isinstance(clean, CleanEntry)
    assert validation.passport_number(entry.passport_no) == clean.foreigner_fields["passport_no"]


@FUZZ
@given(any_text)
@example("Rp 400.000,00")
@example("²")  # a digit to str.isdigit(), not to int()
@example("9" * 5000)  # more digits than int() accepts
@example("-400000")
def test_amounts(value: str) -> None:
    try:
        amount = parse_amount(value)
    except ValidationError as err:
        refused_properly(err, "amount")
        return
    assert isinstance(amount, int) and 0 <= amount < 10**15
    digits = re.sub(r"(?i)rp|[\s.]|,0{1,2}$", "", value.strip())
    assert str(amount) == digits.lstrip("0") or amount == 0


@pytest.mark.parametrize("typed, amount", [("400000", 400_000), ("400.000", 400_000), ("Rp 400.000,00", 400_000),
                                           ("rp400000,0", 400_000)])
def test_amounts_as_counters_type_them(typed: str, amount: int) -> None:
    assert parse_amount(typed) == amount


@FUZZ
@given(any_text)
@example("fsk: jkt-pmh-2026-000001 ")
def test_scanned_numbers(value: str) -> None:
    number = scanned_number(value)
    assert isinstance(number, str)
    assert not any(ch.isspace() for ch in number)
    assert number == number.upper()


def test_every_refusal_code_has_words() -> None:
    for code in ("val.required", "val.too_long", "val.nik_format", "val.nik_date", "val.passport_format",
                 "val.date_format", "val.date_impossible", "val.date_future", "val.name_chars",
                 "payment.amount_format", "entry.invalid"):
        assert messages.has(code), code
