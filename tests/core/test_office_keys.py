"""The office seal key: created once in the data folder with its private key encrypted under a
random secret kept like the file-store key; opened for signing without anyone typing; trusted by
verification and by ``faskim card verify`` from the data folder."""

from __future__ import annotations

import stat

import pytest
from cryptography.hazmat.primitives import serialization

from faskim_desktop.core.seal import (
    CERTIFICATE_FILE,
    PRIVATE_KEY_FILE,
    SealFields,
    SealKeyError,
    create_office_key,
    key_id_of,
    verify,
)
from faskim_desktop.core.services.office_keys import SECRET_SUBDIR, OfficeKeys
from faskim_desktop.documents.card import seal_fields
from faskim_desktop.documents.samples import card


def _fields() -> SealFields:
    return seal_fields(card(photo=False))


def test_the_key_is_created_on_first_use_protected_and_reopened(workspace) -> None:
    keys = OfficeKeys(workspace)
    assert not keys.exists()
    signer = keys.signer()
    assert keys.exists() and signer.office_code == "JKS"
    private = workspace.keys_dir / PRIVATE_KEY_FILE
    secret = workspace.keys_dir / SECRET_SUBDIR / "filestore.key"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and stat.S_IMODE(secret.stat().st_mode) == 0o600
    pem = private.read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in pem
    with pytest.raises(TypeError):  # not readable without the passphrase
        serialization.load_pem_private_key(pem, password=None)
    assert len(secret.read_bytes()) == 32
    from faskim_desktop.core.filestore import load_or_create_key

    assert (
        load_or_create_key(workspace.keys_dir) != secret.read_bytes()
    )  # its own secret, not the file store's

    again = OfficeKeys(workspace).signer()  # a second opening finds the same key, creates nothing
    assert again.key_id == signer.key_id
    payload = again.sign(_fields())
    assert verify(payload, keys.trusted()).valid
    assert key_id_of(signer.private_key.public_key()) in keys.trusted()
    assert (workspace.keys_dir / CERTIFICATE_FILE).exists()


def test_a_key_made_with_a_typed_passphrase_is_refused_in_words(workspace) -> None:
    create_office_key(workspace.keys_dir, "frasa-sandi-ketik", office_code="JKS")
    with pytest.raises(SealKeyError) as info:
        OfficeKeys(workspace).signer()
    assert info.value.code == "office_keys.foreign_key" and "teknisi" in info.value.message()


def test_a_copied_key_without_its_secret_cannot_sign(workspace, tmp_path) -> None:
    OfficeKeys(workspace).signer()
    (workspace.keys_dir / SECRET_SUBDIR / "filestore.key").unlink()  # the secret did not travel
    with pytest.raises(SealKeyError) as info:
        OfficeKeys(workspace).signer()
    assert info.value.code == "office_keys.foreign_key"


def test_the_set_up_command_creates_the_key_the_app_then_uses(tmp_path, monkeypatch) -> None:
    import json
    import subprocess
    import sys

    env = {k: v for k, v in __import__("os").environ.items() if k != "FASKIM_DB_URL"}
    env.update(FASKIM_DATA_DIR=str(tmp_path / "data"), FASKIM_NO_KEYRING="1")

    def faskim(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "faskim_desktop.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert faskim("office-key", "show").returncode == 1  # none yet, said in words
    created = faskim("office-key", "create", "--json")
    assert created.returncode == 0, created.stderr
    first = json.loads(created.stdout)
    assert first["usable"] and len(first["key_id"]) == 16
    again = json.loads(faskim("office-key", "create", "--json").stdout)
    assert again["key_id"] == first["key_id"]  # never replaced
