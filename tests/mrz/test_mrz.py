"""MRZ parsing against the ICAO Doc 9303 specimens and malformed input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faskim_desktop.core import messages, mrz
from faskim_desktop.core.errors import ValidationError

TODAY = dt.date(2026, 11, 29)

# Doc 9303 part 4, appendix A (TD3 specimen, Utopia).
TD3 = ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10")
# Doc 9303 part 5 (TD1 specimen).
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<")
# Doc 9303 part 6 (TD2 specimen).
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")


def test_check_digits_of_the_specimens() -> None:
    assert mrz.check_digit("L898902C3") == "6"
    assert mrz.check_digit("740812") == "2"
    assert mrz.check_digit("120415") == "9"
    assert mrz.check_digit("ZE184226B<<<<<") == "1"
    # appendix D of part 11 uses the same algorithm on its example data
    assert mrz.check_digit("L898902C<") == "3"
    assert mrz.check_digit("690806") == "1"
    assert mrz.check_digit("940623") == "6"


def test_td3_specimen() -> None:
    data = mrz.parse("\n".join(TD3), today=TODAY)
    assert data.format is mrz.MrzFormat.TD3
    assert data.document_code == "P"
    assert data.issuing_state == "UTO"
    assert data.primary_identifier == "ERIKSSON"
    assert data.secondary_identifier == "ANNA MARIA"
    assert data.document_number == "L898902C3"
    assert data.nationality == "UTO"
    assert data.date_of_birth == dt.date(1974, 8, 12)
    assert data.sex is mrz.Sex.FEMALE
    assert data.date_of_expiry == dt.date(2012, 4, 15)
    assert data.optional_data == "ZE184226B"


def test_td1_specimen() -> None:
    data = mrz.parse("\r\n".join(TD1), today=TODAY)
    assert data.format is mrz.MrzFormat.TD1
    assert data.document_number == "D23145890"
    assert (data.primary_identifier, data.secondary_identifier) == ("ERIKSSON", "ANNA MARIA")
    assert data.date_of_birth == dt.date(1974, 8, 12)
    assert data.date_of_expiry == dt.date(2012, 4, 15)
    assert data.nationality == "UTO"


def test_td2_specimen() -> None:
    data = mrz.parse(" ".join(TD2), today=TODAY)
    assert data.format is mrz.MrzFormat.TD2
    assert data.document_number == "D23145890"
    assert data.secondary_identifier == "ANNA MARIA"


def test_td1_long_document_number_continues_in_optional_data() -> None:
    # Part 5 note j: '<' at the check digit position, the number's last characters and its
    # check digit lead the optional data. The composite digit is recomputed for this layout.
    number = "D23145890123"
    line1 = f"I<UTO{number[:9]}<{number[9:]}{mrz.check_digit(number)}".ljust(30, "<")
    line2 = "7408122F1204159UTO<<<<<<<<<<<"
    composite = mrz.check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    data = mrz.parse("\n".join((line1, line2 + composite, TD1[2])), today=TODAY)
    assert data.document_number == number


def test_keyboard_wedge_input_lowercase_with_junk() -> None:
    text = "\x02" + TD3[0].lower() + "\r" + TD3[1].lower() + "\r\n\x03 OK"
    data = mrz.parse(text, today=TODAY)
    assert data.document_number == "L898902C3"


def test_hand_typed_with_spaces_inside_lines() -> None:
    text = TD3[0] + "\n" + TD3[1][:10] + " " + TD3[1][10:20] + "  " + TD3[1][20:]
    assert mrz.parse(text, today=TODAY).sex is mrz.Sex.FEMALE


def test_one_long_run_without_separators() -> None:
    assert mrz.parse("".join(TD1), today=TODAY).format is mrz.MrzFormat.TD1


@pytest.mark.parametrize(
    ("index", "code"),
    [
        (9, "mrz.check.document_number"),
        (19, "mrz.check.date_of_birth"),
        (27, "mrz.check.date_of_expiry"),
        (42, "mrz.check.optional_data"),
        (43, "mrz.check.composite"),
    ],
)
def test_each_failing_check_digit_is_named(index: int, code: str) -> None:
    line2 = TD3[1]
    wrong = str((int(line2[index]) + 1) % 10)
    bad = line2[:index] + wrong + line2[index + 1 :]
    with pytest.raises(ValidationError) as info:
        mrz.parse(TD3[0] + "\n" + bad, today=TODAY)
    assert info.value.code == code
    assert info.value.params["found"] == wrong
    # named in words in both languages, with the digits filled in
    assert "{" not in info.value.message("id") and "{" not in info.value.message("en")
    assert info.value.message("id") != info.value.message("en")


def test_germany_single_letter_state_code() -> None:
    line1 = "P<D<<MUSTERMANN<<ERIKA".ljust(44, "<")
    body = "C01X00T47" + mrz.check_digit("C01X00T47") + "D<<" + "640812" + mrz.check_digit("640812")
    body += "F" + "270228" + mrz.check_digit("270228") + "<" * 14 + "<"
    line2 = body + mrz.check_digit(body[0:10] + body[13:20] + body[21:43])
    data = mrz.parse(line1 + "\n" + line2, today=TODAY)
    assert (data.issuing_state, data.nationality) == ("D", "D")
    assert data.optional_data == ""
    assert data.date_of_expiry == dt.date(2027, 2, 28)


def test_century_rules() -> None:
    assert mrz.birth_date("261231", TODAY) == dt.date(1926, 12, 31)  # not in the future
    assert mrz.birth_date("200101", TODAY) == dt.date(2020, 1, 1)
    assert mrz.birth_date("7408<<", TODAY) is None  # unknown day/month
    assert mrz.expiry_date("350101", TODAY) == dt.date(2035, 1, 1)
    assert mrz.expiry_date("990101", TODAY) == dt.date(1999, 1, 1)


def test_build_td3_round_trips() -> None:
    lines = mrz.build_td3(
        issuing_state="IDN",
        primary="Müller-Lüdenscheidt",
        secondary="Ærø Jürgen",
        document_number="X1234567",
        nationality="DEU",
        dob="150304",
        sex="M",
        expiry="300101",
    )
    data = mrz.parse("\n".join(lines), today=TODAY)
    assert data.primary_identifier == "MUELLER LUEDENSCHEIDT"
    assert data.secondary_identifier == "AEROE JUERGEN"
    assert data.date_of_birth == dt.date(2015, 3, 4)


def test_mrz_key_matches_part11_appendix_d() -> None:
    assert mrz.mrz_key("L898902C", "690806", "940623") == "L898902C<369080619406236"
    assert mrz.mrz_key("l898902c<", " 690806", "940623") == "L898902C<369080619406236"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("", "690806", "940623"), "mrz.key.document_number"),
        (("L8989-02", "690806", "940623"), "mrz.key.document_number"),
        (("L898902C", "69086", "940623"), "mrz.key.date_of_birth"),
        (("L898902C", "690806", "9406x3"), "mrz.key.date_of_expiry"),
    ],
)
def test_mrz_key_refuses_bad_input(args: tuple[str, str, str], code: str) -> None:
    with pytest.raises(ValidationError) as info:
        mrz.mrz_key(*args)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "mrz.empty"),
        ("   \r\n ", "mrz.empty"),
        ("P<UTOERIKSSON", "mrz.format"),
        (TD3[0] + "\n" + TD3[1][:-1], "mrz.format"),
        (TD3[0] + "\n" + TD3[1].replace("F", "Q"), "mrz.sex"),
        (TD3[0].replace("UTO", "U1O") + "\n" + TD3[1], "mrz.state"),
        ("Q" + TD3[0][1:] + "\n" + TD3[1], "mrz.document_code"),
    ],
)
def test_malformed_inputs(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        mrz.parse(text, today=TODAY)
    assert info.value.code == code


def test_invalid_calendar_date_is_named() -> None:
    line2 = TD3[1][:13] + "741332" + mrz.check_digit("741332") + TD3[1][20:]
    line2 = line2[:43] + mrz.check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    with pytest.raises(ValidationError) as info:
        mrz.parse(TD3[0] + "\n" + line2, today=TODAY)
    assert info.value.code == "mrz.date.date_of_birth"


def test_every_code_has_both_languages() -> None:
    for code, words in mrz.MESSAGES.items():
        assert set(words) == {"id", "en"}, code
        assert messages.has(code)


_MRZ_CHARS = st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_or_raises_validation_error(text: str) -> None:
    try:
        result = mrz.parse(text, today=TODAY)
    except ValidationError as err:
        assert err.code.startswith("mrz.")
    else:
        assert isinstance(result, mrz.MrzData)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([(44, 2), (36, 2), (30, 3)]).flatmap(
        lambda wc: st.lists(
            st.text(_MRZ_CHARS, min_size=wc[0], max_size=wc[0]), min_size=wc[1], max_size=wc[1]
        )
    )
)
def test_any_well_shaped_lines_parse_or_raise_validation_error(lines: list[str]) -> None:
    try:
        mrz.parse("\n".join(lines), today=TODAY)
    except ValidationError as err:
        assert messages.has(err.code), err.code


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 43), st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"))
def test_single_character_corruption_of_line2_never_crashes(pos: int, ch: str) -> None:
    bad = TD3[1][:pos] + ch + TD3[1][pos + 1 :]
    try:
        data = mrz.parse(TD3[0] + "\n" + bad, today=TODAY)
    except ValidationError as err:
        assert messages.has(err.code)
    else:
        assert data.format is mrz.MrzFormat.TD3


def test_differences_between_two_readings() -> None:
    printed = mrz.parse("\n".join(TD3), today=TODAY)
    assert mrz.differences(printed, printed) == []
    import dataclasses

    chip = dataclasses.replace(printed, secondary_identifier="Anna María", sex=mrz.Sex.MALE)
    assert mrz.differences(printed, chip) == ["sex"]  # names compare in folded form
    chip = dataclasses.replace(printed, document_number="L898902C4", date_of_birth=None)
    assert mrz.differences(printed, chip) == ["document_number", "date_of_birth"]


def test_mrz_key_with_unknown_birth_day_and_from_parsed_data() -> None:
    assert (
        mrz.mrz_key("L898902C", "6908<<", "940623")
        == "L898902C<36908<<" + mrz.check_digit("6908<<") + "9406236"
    )
    # the specimen's printed check digits 6, 2 and 9 follow the three fields
    assert mrz.parse("\n".join(TD3), today=TODAY).bac_key() == "L898902C3674081221204159"


def test_entry_fields_for_step_3() -> None:
    data = mrz.parse("\n".join(TD3), today=TODAY)
    assert mrz.entry_fields(data, "mrz") == {
        "nama_pemohon": "ANNA MARIA ERIKSSON",
        "sex": "F",
        "tanggal_lahir": "1974-08-12",
        "nationality": "UTO",
        "passport_no": "L898902C3",
        "passport_expiry": "2012-04-15",
        "passport_source": "mrz",
    }
