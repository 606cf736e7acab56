"""``faskim card verify`` and ``faskim card keygen`` through the real argument parser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faskim_desktop.cli import main
from faskim_desktop.core import seal
from faskim_desktop.documents.card import render_card
from faskim_desktop.documents.models import CardData

from .helpers import PASSPHRASE, needs_pdftoppm

pytestmark = [needs_pdftoppm]


@pytest.fixture()
def card_pdf(card: CardData, signer: seal.SealSigner, tmp_path: Path) -> Path:
    pytest.importorskip("pylibdmtx.pylibdmtx", reason="libdmtx0b not installed", exc_type=ImportError)
    path = tmp_path / "card.pdf"
    path.write_bytes(render_card(card, signer=signer))
    return path


def test_verify_valid_card(card_pdf: Path, key_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "verify", str(card_pdf), "--keys", str(key_dir)]) == 0
    out = capsys.readouterr().out
    assert "SAH: Segel sah." in out
    assert "PA1234567" in out and "JKS-2026-000123" in out


def test_verify_json_in_english(card_pdf: Path, key_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "card", "verify", str(card_pdf), "--keys", str(key_dir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["valid"] is True and out["fields"]["date_of_birth"] == "2015-03-14"
    assert out["office_code"] == "JKS"


def test_verify_uses_data_dir(card_pdf: Path, key_dir: Path, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    (data / "keys" / "office.pem").write_bytes((key_dir / seal.CERTIFICATE_FILE).read_bytes())
    monkeypatch.setenv("FASKIM_DATA_DIR", str(data))
    assert main(["card", "verify", str(card_pdf)]) == 0


def test_foreign_keys_give_invalid(card_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other"
    seal.create_office_key(other, "other-passphrase", office_code="DPS")
    assert main(["card", "verify", str(card_pdf), "--keys", str(other)]) == 1
    assert "TIDAK SAH" in capsys.readouterr().out


def test_forged_card_is_invalid(card: CardData, signer: seal.SealSigner, key_dir: Path,
                                tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pylibdmtx.pylibdmtx", reason="libdmtx0b not installed", exc_type=ImportError)
    good = signer.sign(_fields(card))
    forged = good.replace(b"PA1234567", b"PB1234567")
    path = tmp_path / "forged.pdf"
    path.write_bytes(render_card(card, seal=forged))
    assert main(["card", "verify", str(path), "--keys", str(key_dir)]) == 1
    assert "diubah" in capsys.readouterr().out


def _fields(card: CardData) -> seal.SealFields:
    from faskim_desktop.documents.card import seal_fields

    return seal_fields(card)


def test_unreadable_files_exit_2(tmp_path: Path, key_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG not really")
    assert main(["card", "verify", str(junk), "--keys", str(key_dir)]) == 2
    blank = tmp_path / "blank.pdf"
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(blank))
    c.showPage()
    c.save()
    assert main(["card", "verify", str(blank), "--keys", str(key_dir)]) == 2
    assert main(["card", "verify", str(tmp_path / "missing.pdf"), "--keys", str(key_dir)]) == 2
    err = capsys.readouterr().err
    assert "Tidak ada segel" in err


def test_keygen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FASKIM_SEAL_PASSPHRASE", PASSPHRASE)
    folder = tmp_path / "k"
    assert main(["card", "keygen", "--dir", str(folder), "--office-code", "SBY"]) == 0
    assert seal.load_signer(folder, PASSPHRASE).office_code == "SBY"
    assert main(["card", "keygen", "--dir", str(folder), "--office-code", "SBY"]) == 2
    assert "sudah ada" in capsys.readouterr().err
