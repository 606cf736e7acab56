"""Fixtures of the document tests: an office, a signer in a temporary key folder, a card, a photo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from faskim_desktop.core import seal
from faskim_desktop.documents.models import CardData, Office, Official

from .helpers import PASSPHRASE, make_photo


@pytest.fixture(scope="session")
def office() -> Office:
    return Office(
        code="JKS",
        name="Kantor Imigrasi Kelas I Khusus Non TPI Jakarta Selatan",
        address="Jl. Warung Buncit Raya No. 207, Mampang Prapatan, Jakarta Selatan 12760",
        city="Jakarta",
        phone="(021) 7996630",
        regional_office="Kantor Wilayah DKI Jakarta",
    )


@pytest.fixture(scope="session")
def key_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("keys")
    seal.create_office_key(folder, PASSPHRASE, office_code="JKS", office_name="Kantor Imigrasi Jakarta Selatan")
    return folder


@pytest.fixture(scope="session")
def signer(key_dir: Path) -> seal.SealSigner:
    return seal.load_signer(key_dir, PASSPHRASE)



@pytest.fixture(scope="session")
def photo() -> bytes:
    return make_photo()


@pytest.fixture()
def card(office: Office, photo: bytes) -> CardData:
    return CardData(
        office=office,
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
        signing_official=Official("Dr. Budi Santoso, S.H., M.Hum.", "Kepala Kantor", "197001011995031001"),
        photo=photo,
        nationality_name="Australia",
    )

