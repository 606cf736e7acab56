"""BER-TLV parsing of untrusted chip data: typed errors, never a crash or a hang."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from faskim_desktop.core.emrtd import tlv
from faskim_desktop.core.emrtd.errors import TLVError

H = bytes.fromhex


def test_ef_com_of_appendix_d() -> None:
    # EF.COM content read in Doc 9303 part 11 appendix D.4: LDS 0106, Unicode 040000, DG1 + DG2.
    ef_com = tlv.expect(H("60145F0104303130365F36063034303030305C026175"), 0x60)
    assert ef_com.constructed
    assert ef_com.require(0x5F01).value == b"0106"
    assert ef_com.require(0x5F36).value == b"040000"
    assert ef_com.require(0x5C).value == H("6175")


def test_long_forms_and_multibyte_tags() -> None:
    value = bytes(300)
    encoded = tlv.encode(0x5F2E, value)
    assert encoded[:5] == H("5F2E82012C")
    obj, end = tlv.parse_one(encoded)
    assert (obj.tag, len(obj.value), end) == (0x5F2E, 300, len(encoded))
    assert tlv.read_header(encoded[:5]) == (0x5F2E, 300, 5)
    assert tlv.encode_length(0x7F) == b"\x7f" and tlv.encode_length(0x80) == H("8180")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (H("5F"), "truncated tag"),
        (H("5F81"), "truncated tag"),
        (H("60"), "truncated length"),
        (H("6082"), "truncated length"),
        (H("6082FF"), "truncated length"),
        (H("6005010203"), "truncated value"),
        (H("6080010200 00"), "indefinite length"),
        (H("608500000000010203"), "length too long"),
        (H("7FFFFFFFFF0100"), "tag too long"),
    ],
)
def test_malformed(data: bytes, reason: str) -> None:
    with pytest.raises(TLVError) as info:
        tlv.parse_all(data)
    assert info.value.params["reason"] == reason
    assert info.value.message("id") and info.value.message("en")


def test_empty_input() -> None:
    assert tlv.parse_all(b"") == []
    with pytest.raises(TLVError):
        tlv.parse_one(b"")


def test_wrong_tag_is_a_typed_error() -> None:
    with pytest.raises(TLVError) as info:
        tlv.expect(H("6102AABB"), 0x60)
    assert "expected tag 60" in str(info.value.params["reason"])


def test_missing_child_and_primitive_children() -> None:
    obj = tlv.expect(H("6003800100"), 0x60)
    with pytest.raises(TLVError):
        obj.require(0x5F01)
    with pytest.raises(TLVError):
        obj.require(0x80).children()


def _walk(obj: tlv.TLV, depth: int = 0) -> int:
    count = 1
    if obj.constructed and depth < 50:
        for child in obj.children():
            count += _walk(child, depth + 1)
    return count


@settings(max_examples=2000, deadline=200)
@given(st.binary(max_size=512))
def test_random_bytes_parse_or_raise_tlv_error(data: bytes) -> None:
    try:
        for obj in tlv.parse_all(data):
            assert _walk(obj) >= 1
    except TLVError as err:
        assert err.code == "emrtd.tlv"


@settings(max_examples=500, deadline=200)
@given(
    st.integers(0x40, 0x7F).filter(lambda t: t & 0x1F != 0x1F), st.binary(max_size=400), st.integers(0, 60)
)
def test_truncation_of_valid_objects(tag: int, value: bytes, cut: int) -> None:
    encoded = tlv.encode(tag, value)
    truncated = encoded[: max(0, len(encoded) - cut)]
    try:
        obj, _ = tlv.parse_one(truncated)
    except TLVError:
        assert cut > 0
    else:
        assert cut == 0 and obj.value == value
