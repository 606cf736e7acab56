"""The whole chip read against the in-process eMRTD emulator (no PC/SC)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import cv2
import numpy as np
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd import lds
from faskim_desktop.core.emrtd.errors import (
    BacRefused,
    CardRemoved,
    LdsError,
    NotAnEmrtd,
    PaceOnly,
    SodMismatch,
    SodSignatureInvalid,
    TLVError,
)
from faskim_desktop.core.emrtd.reader import PassportReader
from faskim_desktop.devices import errors as device_errors
from faskim_desktop.devices.emrtd_emulator import DEMO, ChipContent, EmrtdApplet, demo_signing_keys
from faskim_desktop.devices.simulated.smartcard import SimulatedSmartCardReader

H = bytes.fromhex


def test_right_key_reads_dg1_dg2_and_verifies_sod(applet: EmrtdApplet) -> None:
    data = PassportReader(applet.respond).read(DEMO.mrz_key)
    assert data.ef_com.data_groups == (1, 2)
    assert data.dg1.document_number == "UC4719825"
    assert (data.dg1.primary_identifier, data.dg1.secondary_identifier) == ("ERIKSSON", "SOFIA ANNA")
    assert data.dg1.nationality == "UTO"
    assert data.dg1.date_of_birth == dt.date(2019, 3, 14)
    assert data.dg1.sex is mrz.Sex.FEMALE
    assert data.dg1.date_of_expiry == dt.date(2029, 3, 13)
    assert data.sod_ok is True
    assert data.passive_auth is not None and data.passive_auth.signature_valid is True
    assert data.passive_auth.chain_valid is None  # no CSCA loaded


def test_dg2_face_decodes_with_pillow_and_opencv(applet: EmrtdApplet) -> None:
    face = PassportReader(applet.respond).read(DEMO.mrz_key).face
    assert face is not None and face.mime == lds.JPEG
    assert 15_000 < len(face.data) <= 20_000
    with Image.open(io.BytesIO(face.data)) as image:
        assert image.size == (face.width, face.height)
    decoded = cv2.imdecode(np.frombuffer(face.data, np.uint8), cv2.IMREAD_COLOR)
    assert decoded.shape == (face.height, face.width, 3)


def test_chain_to_the_demo_csca(applet: EmrtdApplet) -> None:
    # The demo CSCA key is fixed: a certificate made now verifies the emulator's Document Signer.
    csca = demo_signing_keys().csca_cert
    data = PassportReader(applet.respond).read(DEMO.mrz_key, cscas=[csca])
    assert data.passive_auth is not None and data.passive_auth.chain_valid is True


def _other_csca():
    from cryptography import x509

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Other CSCA")])
    now = dt.datetime.now(dt.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(7)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )


def test_chain_to_an_unrelated_csca_fails(applet: EmrtdApplet) -> None:
    with pytest.raises(SodSignatureInvalid) as info:
        PassportReader(applet.respond).read(DEMO.mrz_key, cscas=[_other_csca()])
    assert info.value.params["reason"] == "chain"
    applet.reset()
    data = PassportReader(applet.respond).read(DEMO.mrz_key, cscas=[_other_csca()], strict=False)
    assert data.passive_auth is not None
    assert data.passive_auth.chain_valid is False and data.passive_auth.hashes_ok


def test_wrong_key_is_refused_with_the_reason(applet: EmrtdApplet) -> None:
    wrong = mrz.mrz_key("UC4719825", "190314", "290314")
    with pytest.raises(BacRefused) as info:
        PassportReader(applet.respond).read(wrong)
    assert info.value.params["sw"] == "6300"
    assert "MRZ" in info.value.message("id") and "MRZ key" in info.value.message("en")


def test_plain_reads_are_refused(applet: EmrtdApplet) -> None:
    assert applet.respond(H("00A4040C07A0000002471001")) == H("9000")
    assert applet.respond(H("00A4020C020101")) == H("9000")
    assert applet.respond(H("00B0000008")) == H("6982")


def test_plain_command_after_bac_ends_the_session(applet: EmrtdApplet) -> None:
    reader = PassportReader(applet.respond)
    reader.select_application()
    reader.authenticate(DEMO.mrz_key)
    assert applet.respond(H("00A4020C020101")) == H("6987")
    assert applet.respond(H("00B0000008")) == H("6982")  # back to unauthenticated


def test_pace_only_chip_is_reported() -> None:
    profile = dataclasses.replace(DEMO, pace_only=True)
    chip = EmrtdApplet(profile)
    with pytest.raises(PaceOnly) as info:
        PassportReader(chip.respond).read(profile.mrz_key)
    assert "PACE" in info.value.message("en")


@pytest.mark.parametrize("failing_apdu", [3, 6, 40])
@pytest.mark.parametrize(
    "error",
    [
        device_errors.CardRemoved(device="Virtual PCD 00 00"),
        device_errors.NotConnected(device="Virtual PCD 00 00"),
        ConnectionResetError("vpcd link closed"),
    ],
)
def test_card_removed_mid_read(applet: EmrtdApplet, failing_apdu: int, error: Exception) -> None:
    count = 0

    def transmit(apdu: bytes) -> bytes:
        nonlocal count
        count += 1
        if count >= failing_apdu:
            raise error
        return applet.respond(apdu)

    with pytest.raises(CardRemoved) as info:
        PassportReader(transmit).read(DEMO.mrz_key)
    assert info.value.message("id") != info.value.message("en")


def test_removed_from_the_simulated_reader(applet: EmrtdApplet) -> None:
    driver = SimulatedSmartCardReader()
    slot = driver.devices()[0].id
    driver.open(slot)
    driver.insert_card(applet, reader=slot)
    connection = driver.connect()
    data = PassportReader(connection.transmit).read(DEMO.mrz_key)
    assert data.dg1.document_number == "UC4719825"

    connection = driver.connect()
    count = 0

    def transmit(apdu: bytes) -> bytes:
        nonlocal count
        count += 1
        if count == 20:
            driver.remove_card(slot)
        return connection.transmit(apdu)

    with pytest.raises(CardRemoved):
        PassportReader(transmit).read(DEMO.mrz_key)


def test_tampered_data_group_fails_passive_authentication(demo_content: ChipContent) -> None:
    files = dict(demo_content.files)
    dg2 = bytearray(files[lds.dg_fid(2)])
    dg2[-100] ^= 0x01  # one bit of the JPEG
    files[lds.dg_fid(2)] = bytes(dg2)
    chip = EmrtdApplet(DEMO, dataclasses.replace(demo_content, files=files))
    with pytest.raises(SodMismatch) as info:
        PassportReader(chip.respond).read(DEMO.mrz_key)
    assert info.value.params["file"] == "DG2"
    chip.reset()
    data = PassportReader(chip.respond).read(DEMO.mrz_key, strict=False)
    assert data.passive_auth is not None and data.passive_auth.checked == {1: True, 2: False}
    assert data.sod_ok is False


def test_forged_sod_signature_is_detected(demo_content: ChipContent) -> None:
    # A forger re-signs a consistent SOD with a key of their own but keeps the real DS certificate.
    forged_keys = dataclasses.replace(demo_content.keys, ds_key=ec.generate_private_key(ec.SECP256R1()))
    forged = ChipContent.build(DEMO, forged_keys)
    chip = EmrtdApplet(DEMO, dataclasses.replace(forged, files=forged.files))
    with pytest.raises(SodSignatureInvalid) as info:
        PassportReader(chip.respond).read(DEMO.mrz_key)
    assert info.value.params["reason"] == "signature"


def test_odd_chunk_sizes_and_end_of_file(applet: EmrtdApplet) -> None:
    data = PassportReader(applet.respond, chunk_size=37).read(DEMO.mrz_key)
    assert data.files["DG2"] == applet.content.files[lds.dg_fid(2)]


def test_file_shorter_than_its_length_is_a_typed_error(demo_content: ChipContent) -> None:
    files = dict(demo_content.files)
    files[lds.dg_fid(1)] = files[lds.dg_fid(1)][:-10]  # READ BINARY meets 6282 early
    chip = EmrtdApplet(DEMO, dataclasses.replace(demo_content, files=files))
    with pytest.raises(TLVError):
        PassportReader(chip.respond).read(DEMO.mrz_key)


def test_not_an_emrtd() -> None:
    with pytest.raises(NotAnEmrtd):
        PassportReader(lambda apdu: H("6A82")).read(DEMO.mrz_key)


@settings(max_examples=300, deadline=500)
@given(st.binary(max_size=300))
def test_malformed_lds_files_raise_typed_errors(data: bytes) -> None:
    for parse in (lds.parse_ef_com, lds.parse_dg1, lds.parse_dg2, lds.parse_sod):
        try:
            result = parse(data)
        except (TLVError, LdsError) as err:
            assert err.code.startswith("emrtd.")
        else:
            assert result is not None


@settings(max_examples=200, deadline=500)
@given(st.integers(0, 816), st.integers(1, 255))
def test_corrupted_sod_bytes_never_crash(demo_content: ChipContent, pos: int, flip: int) -> None:
    sod = bytearray(demo_content.files[lds.FID_SOD])
    sod[pos % len(sod)] ^= flip
    groups = {1: demo_content.files[lds.dg_fid(1)], 2: demo_content.files[lds.dg_fid(2)]}
    try:
        result = lds.passive_authentication(bytes(sod), groups, strict=False)
    except (TLVError, LdsError):
        return
    assert isinstance(result, lds.PassiveAuthResult)


def test_load_csca_certificates_pem_and_der() -> None:
    from cryptography.hazmat.primitives import serialization

    cert = demo_signing_keys().csca_cert
    pem = cert.public_bytes(serialization.Encoding.PEM)
    assert lds.load_csca_certificates(pem + pem)[1] == cert
    assert lds.load_csca_certificates(cert.public_bytes(serialization.Encoding.DER)) == [cert]
    with pytest.raises(TLVError):
        lds.load_csca_certificates(b"\x30\x03\x02\x01\x00")


def test_a_session_left_open_by_another_program_is_recovered(applet: EmrtdApplet) -> None:
    PassportReader(applet.respond).read(DEMO.mrz_key)  # leaves the chip in secure messaging
    data = PassportReader(applet.respond).read(DEMO.mrz_key)  # no reset in between
    assert data.dg1.document_number == "UC4719825"


def test_dg2_with_a_jpeg2000_face() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 100, 50)).save(buf, "JPEG2000")
    face = lds.parse_dg2(lds.build_dg2(buf.getvalue(), 40, 50))
    assert face.mime == lds.JPEG2000 and (face.width, face.height) == (40, 50)
    with Image.open(io.BytesIO(face.data)) as image:
        assert image.size == (40, 50)


def test_dg2_with_a_non_image_is_refused() -> None:
    dg2 = bytearray(lds.build_dg2(b"\xff\xd8\xff" + bytes(50), 1, 1))
    dg2[-53:-50] = b"GIF"
    with pytest.raises(LdsError):
        lds.parse_dg2(bytes(dg2))


def test_example_json_profile_is_read_back(tmp_path) -> None:
    from pathlib import Path

    from faskim_desktop.devices.emrtd_emulator import PassportProfile

    example = Path(__file__).resolve().parents[2] / "resources" / "emrtd" / "example-passport.json"
    face = tmp_path / "face.jpg"
    Image.new("RGB", (60, 80), (90, 120, 200)).save(face, "JPEG")
    config = tmp_path / "passport.json"
    config.write_text(
        example.read_text(encoding="utf-8").replace('"pace_only"', '"photo": "face.jpg", "pace_only"')
    )
    profile = PassportProfile.from_json(config)
    chip = EmrtdApplet(profile)
    data = PassportReader(chip.respond).read(mrz.mrz_key("X1234567", "150304", "300101"))
    assert (data.dg1.primary_identifier, data.dg1.secondary_identifier) == ("MUELLER", "JUERGEN AAKE")
    assert (data.dg1.issuing_state, data.dg1.nationality) == ("D", "D")
    assert data.face is not None and (data.face.width, data.face.height) == (60, 80)


def test_demo_face_without_scikit_image(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from faskim_desktop.devices.emrtd_emulator.passport import demo_face_jpeg

    monkeypatch.setitem(sys.modules, "skimage", None)  # import fails as if not installed
    jpeg, width, height = demo_face_jpeg()
    with Image.open(io.BytesIO(jpeg)) as image:
        assert image.format == "JPEG" and image.size == (width, height)
    assert len(jpeg) <= 20_000


def test_chip_without_ef_com(demo_content: ChipContent) -> None:
    files = {k: v for k, v in demo_content.files.items() if k != lds.FID_COM}
    chip = EmrtdApplet(DEMO, dataclasses.replace(demo_content, files=files))
    data = PassportReader(chip.respond).read(DEMO.mrz_key)
    assert "EF.COM" not in data.files and data.face is not None and data.sod_ok


def test_chip_without_sod(demo_content: ChipContent) -> None:
    files = {k: v for k, v in demo_content.files.items() if k != lds.FID_SOD}
    chip = EmrtdApplet(DEMO, dataclasses.replace(demo_content, files=files))
    data = PassportReader(chip.respond).read(DEMO.mrz_key, read_face=False)
    assert data.passive_auth is None and data.sod_ok is None and data.face is None
