"""``faskim passport`` on the in-process demo chip and on MRZ text."""

from __future__ import annotations

import io
import json

import pytest

from faskim_desktop.cli import main
from faskim_desktop.devices.emrtd_emulator import DEMO

KEY = f"{DEMO.document_number},{DEMO.dob},{DEMO.expiry}"
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n"


def test_read_prints_dg1_and_sod_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "passport", "read", "--mrz-key", KEY, "--emulator"]) == 0
    out = capsys.readouterr().out
    assert "Document number: UC4719825" in out
    assert "Surname: ERIKSSON" in out and "Given names: SOFIA ANNA" in out
    assert "Date of birth: 2019-03-14" in out and "Date of expiry: 2029-03-13" in out
    assert "SOD: data groups match (DG1, DG2, sha256)" in out


def test_read_json(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    photo = tmp_path / "face.jpg"
    assert (
        main(["passport", "read", "--mrz-key", KEY, "--emulator", "--json", "--photo-out", str(photo)]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert out["document_number"] == "UC4719825"
    assert out["nationality"] == "UTO" and out["sex"] == "F"
    assert out["sod"]["match"] is True and out["sod"]["data_groups"] == {"1": True, "2": True}
    assert photo.read_bytes()[:3] == b"\xff\xd8\xff"


def test_read_with_the_demo_csca(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    from faskim_desktop.devices.emrtd_emulator import demo_signing_keys

    csca = tmp_path / "csca.pem"
    csca.write_bytes(demo_signing_keys().csca_pem())
    assert main(["passport", "read", "--mrz-key", KEY, "--emulator", "--json", "--csca", str(csca)]) == 0
    assert json.loads(capsys.readouterr().out)["sod"]["chain_valid"] is True


def test_wrong_key_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    wrong = f"{DEMO.document_number},{DEMO.dob},291231"
    assert main(["--lang", "en", "passport", "read", "--mrz-key", wrong, "--emulator"]) == 2
    assert "refused the MRZ key" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["UC4719825", "UC4719825,1903,290313", "UC4719825,190314,290313,1"])
def test_malformed_key(capsys: pytest.CaptureFixture[str], key: str) -> None:
    assert main(["passport", "read", "--mrz-key", key, "--emulator"]) == 2
    assert capsys.readouterr().err.strip()


def test_mrz_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TD3.lower().replace("\n", "\r\n")))
    assert main(["--lang", "en", "passport", "mrz", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["document_number"] == "L898902C3" and out["given_names"] == "ANNA MARIA"


def test_mrz_names_the_failing_check_digit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(TD3.replace("7408122F", "7408123F")))
    assert main(["passport", "mrz"]) == 2
    assert "Digit pemeriksa tanggal lahir salah" in capsys.readouterr().err
