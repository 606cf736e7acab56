"""The seal codec, signatures and office keys (faskim_desktop.core.seal)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faskim_desktop.core import messages, seal
from faskim_desktop.core.errors import FaskimError

from .helpers import PASSPHRASE

FIELDS = seal.SealFields(
    register_number="JKS-2026-000123",
    name="Charlotte Amélie Wijaya-Thompson",
    sex="F",
    place_of_birth="Melbourne",
    date_of_birth=dt.date(2015, 3, 14),
    nationality="AUS",
    passport_number="PA1234567",
    passport_expiry=dt.date(2030, 5, 1),
    niora="2A13BC45678",
    issue_date=dt.date(2026, 11, 29),
    valid_until=dt.date(2031, 11, 29),
)


@pytest.fixture(scope="module")
def payload(signer: seal.SealSigner) -> bytes:
    return signer.sign(FIELDS, dt.date(2026, 11, 29))


def test_round_trip_valid(payload: bytes, key_dir: Path) -> None:
    result = seal.verify(payload, seal.load_trusted_keys(key_dir))
    assert result.valid
    assert result.reason_code == seal.VALID
    assert result.fields == FIELDS
    assert result.office_code == "JKS"
    assert result.header is not None and result.header.signed_on == dt.date(2026, 11, 29)


def test_layout_starts_with_icao_magic_and_ends_with_signature(payload: bytes) -> None:
    assert payload[0] == 0xDC and payload[1] == seal.VERSION
    assert payload[2:5] == b"IDN"
    assert payload[-66] == seal.SIGNATURE_TAG and payload[-65] == 64
    assert len(payload) < 230  # fits a 64x64 Data Matrix with room to spare


def test_every_single_byte_flip_fails(payload: bytes, key_dir: Path) -> None:
    trusted = seal.load_trusted_keys(key_dir)
    for index in range(len(payload)):
        changed = bytearray(payload)
        changed[index] ^= 0x01
        result = seal.verify(bytes(changed), trusted)
        assert not result.valid, f"flip at byte {index} still verified"
        assert result.reason_code in {"seal.tampered", "seal.malformed", "seal.unknown_signer"}


def test_changed_field_is_reported_as_tampered(signer: seal.SealSigner, key_dir: Path) -> None:
    good = signer.sign(FIELDS, dt.date(2026, 11, 29))
    forged = good.replace(b"PA1234567", b"PA7654321")
    result = seal.verify(forged, seal.load_trusted_keys(key_dir))
    assert not result.valid
    assert result.reason_code == "seal.tampered"
    assert result.fields is not None and result.fields.passport_number == "PA7654321"


def test_foreign_key_is_unknown_signer(payload: bytes, tmp_path: Path) -> None:
    seal.create_office_key(tmp_path, "another-passphrase", office_code="DPS")
    result = seal.verify(payload, seal.load_trusted_keys(tmp_path))
    assert not result.valid
    assert result.reason_code == "seal.unknown_signer"


def test_foreign_key_reusing_the_key_id_fails_the_signature(payload: bytes, signer: seal.SealSigner) -> None:
    impostor = ec.generate_private_key(ec.SECP256R1()).public_key()
    result = seal.verify(payload, {signer.key_id: impostor})
    assert not result.valid
    assert result.reason_code == "seal.tampered"


def test_seal_signed_by_foreign_key_with_our_office_code_fails(key_dir: Path) -> None:
    foreign = seal.SealSigner(ec.generate_private_key(ec.SECP256R1()), "JKS", b"\x00" * 8)
    forged = foreign.sign(FIELDS)
    assert not seal.verify(forged, seal.load_trusted_keys(key_dir)).valid


@pytest.mark.parametrize(
    ("raw", "detail"),
    [
        (b"", "truncated:magic"),
        (b"\x00", "magic"),
        (b"\xdc\x02", "version:2"),
        (b"\xdc\x01IDN\x01\x00", "office"),
        (b"\xdc\x01IDN\x01\x03JKS" + b"\x00" * 8 + b"\x00\x00\x00", "date"),
    ],
)
def test_malformed_input_has_a_typed_error(raw: bytes, detail: str) -> None:
    with pytest.raises(seal.SealMalformed) as caught:
        seal.decode(raw)
    assert caught.value.code == "seal.malformed"
    assert caught.value.params["detail"] == detail
    assert "rusak" in caught.value.message("id") and "damaged" in caught.value.message("en")


def test_unknown_tag_trailing_bytes_and_duplicates_are_malformed(payload: bytes) -> None:
    decoded = seal.decode(payload)
    body = decoded.signed_bytes
    sig = payload[len(body):]
    with pytest.raises(seal.SealMalformed, match=r"seal\.malformed"):
        seal.decode(body + b"\x42\x01X" + sig)
    with pytest.raises(seal.SealMalformed):
        seal.decode(payload + b"\x00")
    header_len = 5 + 1 + 1 + 3 + 8 + 3
    first_feature = body[header_len : header_len + 2 + body[header_len + 1]]
    with pytest.raises(seal.SealMalformed):
        seal.decode(body + first_feature + sig)


def test_verify_or_raise_raises_typed_errors(payload: bytes, key_dir: Path) -> None:
    trusted = seal.load_trusted_keys(key_dir)
    assert seal.verify_or_raise(payload, trusted.values()).fields == FIELDS
    with pytest.raises(seal.SealUnknownSigner):
        seal.verify_or_raise(payload, [])
    with pytest.raises(seal.SealTampered):
        seal.verify_or_raise(payload.replace(b"Melbourne", b"Melbourme"), trusted.values())
    with pytest.raises(seal.SealMalformed):
        seal.verify_or_raise(payload[:20], trusted.values())


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzz_decoder_never_raises_unexpected(raw: bytes) -> None:
    with contextlib.suppress(seal.SealMalformed):
        seal.decode(raw)
    result = seal.verify(raw, {})
    assert not result.valid


_FUZZ_KEY = ec.generate_private_key(ec.SECP256R1())
_FUZZ_SIGNER = seal.SealSigner(_FUZZ_KEY, "JKS", seal.key_id_of(_FUZZ_KEY.public_key()))


@settings(max_examples=300)
@given(st.data())
def test_fuzz_mutations_of_a_real_seal(data: st.DataObject) -> None:
    signer_ = _FUZZ_SIGNER
    good = bytearray(signer_.sign(FIELDS, dt.date(2026, 1, 1)))
    position = data.draw(st.integers(0, len(good) - 1))
    action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
    if action == "flip":
        good[position] ^= data.draw(st.integers(1, 255))
    elif action == "cut":
        del good[position:]
    else:
        good[position:position] = data.draw(st.binary(min_size=1, max_size=5))
    result = seal.verify(bytes(good), [signer_.private_key.public_key()])
    assert not result.valid
    assert messages.has(result.reason_code)


def test_invalid_fields_refused_before_signing(signer: seal.SealSigner) -> None:
    import dataclasses

    for change in ({"sex": "L"}, {"nationality": "Australia"}, {"register_number": ""},
                   {"passport_number": "PÄ123"}, {"name": "x" * 300}):
        with pytest.raises(seal.SealError) as caught:
            signer.sign(dataclasses.replace(FIELDS, **change))
        assert caught.value.code == "seal.field_invalid"


def test_private_key_is_encrypted_and_owner_only(key_dir: Path) -> None:
    key_file = key_dir / seal.PRIVATE_KEY_FILE
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    text = key_file.read_text()
    assert "ENCRYPTED PRIVATE KEY" in text
    assert "BEGIN CERTIFICATE" in (key_dir / seal.CERTIFICATE_FILE).read_text()


def test_keys_are_never_overwritten(key_dir: Path) -> None:
    with pytest.raises(seal.SealKeyError) as caught:
        seal.create_office_key(key_dir, PASSPHRASE)
    assert caught.value.code == "seal.key_exists"


def test_wrong_passphrase_and_missing_key(key_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(seal.SealKeyError) as caught:
        seal.load_signer(key_dir, "not-the-passphrase")
    assert caught.value.code == "seal.key_passphrase"
    with pytest.raises(seal.SealKeyError) as caught:
        seal.load_signer(tmp_path, PASSPHRASE)
    assert caught.value.code == "seal.key_missing"


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(seal.SealKeyError) as caught:
        seal.create_office_key(tmp_path, "short")
    assert caught.value.code == "seal.passphrase_required"
    assert not any(tmp_path.iterdir())


def test_trusted_folder_skips_private_keys_and_junk(key_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "trusted").mkdir()
    (tmp_path / "trusted" / "junk.pem").write_text("-----BEGIN CERTIFICATE-----\nnot base64\n")
    (tmp_path / "copy.pem").write_bytes((key_dir / seal.PRIVATE_KEY_FILE).read_bytes())
    (tmp_path / "trusted" / "office.pem").write_bytes((key_dir / seal.CERTIFICATE_FILE).read_bytes())
    keys = seal.load_trusted_keys(tmp_path)
    assert len(keys) == 1


def test_error_messages_are_bilingual() -> None:
    for code in seal.MESSAGES:
        assert messages.text(code, {}, "id") != messages.text(code, {}, "en") or code == "seal.valid"
    err = seal.SealUnknownSigner(key_id="ABCD")
    assert isinstance(err, FaskimError) and "ABCD" in err.message("en")
