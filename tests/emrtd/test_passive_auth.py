"""Passive authentication with RSA Document Signers, master lists and scripted refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from faskim_desktop.core.emrtd import lds, tlv
from faskim_desktop.core.emrtd.errors import BacRefused, ChipError, SodSignatureInvalid
from faskim_desktop.core.emrtd.reader import PassportReader
from faskim_desktop.devices.emrtd_emulator import ChipContent, SigningKeys, demo_signing_keys
from faskim_desktop.devices.emrtd_emulator.passport import build_signed_data, build_sod

H = bytes.fromhex


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [x509.NameAttribute(NameOID.COUNTRY_NAME, "UT"), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    )


def _cert(subject: str, issuer: str, public_key, signing_key, serial: int, ca: bool) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(public_key)
        .serial_number(serial)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(signing_key, hashes.SHA256())
    )


@pytest.fixture(scope="module")
def rsa_keys() -> SigningKeys:
    csca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ds_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    csca = _cert("Test CSCA", "Test CSCA", csca_key.public_key(), csca_key, 10, True)
    ds = _cert("Test DS", "Test CSCA", ds_key.public_key(), csca_key, 11, False)
    return SigningKeys(csca, ds_key, ds)


def _groups(content: ChipContent) -> dict[int, bytes]:
    return {1: content.files[lds.dg_fid(1)], 2: content.files[lds.dg_fid(2)]}


@pytest.mark.parametrize("scheme", ["pkcs1", "pss"])
def test_rsa_document_signer(demo_content: ChipContent, rsa_keys: SigningKeys, scheme: str) -> None:
    groups = _groups(demo_content)
    sod = build_sod(groups, rsa_keys, scheme=scheme)
    result = lds.passive_authentication(sod, groups, [rsa_keys.csca_cert])
    assert result.hashes_ok and result.signature_valid and result.chain_valid
    assert result.signer_subject == "CN=Test DS,C=UT"


def test_signer_certificate_from_another_csca(demo_content: ChipContent, rsa_keys: SigningKeys) -> None:
    groups = _groups(demo_content)
    sod = build_sod(groups, rsa_keys)
    with pytest.raises(SodSignatureInvalid):
        lds.passive_authentication(sod, groups, [demo_signing_keys().csca_cert])


def test_master_list_gives_the_csca_certificates(rsa_keys: SigningKeys) -> None:
    # ICAO Doc 9303 part 12 §9: CscaMasterList ::= SEQUENCE { version INTEGER, certList SET OF Certificate }
    from cryptography.hazmat.primitives import serialization

    demo_csca = demo_signing_keys().csca_cert
    certs = sorted(c.public_bytes(serialization.Encoding.DER) for c in (demo_csca, rsa_keys.csca_cert))
    master_list = tlv.encode(0x30, tlv.encode(0x02, b"\x00") + tlv.encode(0x31, b"".join(certs)))
    signer_key = ec.generate_private_key(ec.SECP256R1())
    signer = _cert("Master List Signer", "Master List Signer", signer_key.public_key(), signer_key, 3, False)
    ml = build_signed_data(lds.OID_CSCA_MASTER_LIST, master_list, signer_key, signer)
    loaded = lds.load_csca_certificates(ml)
    assert set(loaded) == {demo_csca, rsa_keys.csca_cert}


def test_a_sod_is_not_a_master_list(demo_content: ChipContent) -> None:
    from faskim_desktop.core.emrtd.errors import LdsError

    with pytest.raises(LdsError):
        lds.load_csca_certificates(tlv.expect(demo_content.files[lds.FID_SOD], 0x77).value)


def test_6982_without_card_access_is_a_bac_refusal() -> None:
    # SELECT AID, GET CHALLENGE, EXTERNAL AUTHENTICATE refused; then SELECT MF answers 9000
    # but EF.CardAccess is missing → not a PACE chip: the key was refused.
    answers = iter([H("9000"), H("0102030405060708 9000"), H("6982"), H("9000"), H("6A82")])
    with pytest.raises(BacRefused) as info:
        PassportReader(lambda apdu: next(answers)).read("L898902C<369080619406236")
    assert info.value.params["sw"] == "6982"


def test_get_challenge_refused_by_a_pace_only_chip() -> None:
    from faskim_desktop.core.emrtd.errors import PaceOnly

    answers = iter([H("9000"), H("6D00"), H("9000"), H("9000")])  # SELECT, GET CHALLENGE, MF, CardAccess
    with pytest.raises(PaceOnly):
        PassportReader(lambda apdu: next(answers)).read("L898902C<369080619406236")


def test_unexpected_status_is_a_chip_error() -> None:
    answers = iter([H("9000"), H("6A80")])
    with pytest.raises(ChipError) as info:
        PassportReader(lambda apdu: next(answers)).read("L898902C<369080619406236")
    assert info.value.params["sw"] == "6A80"
