"""The office's seal key for the card's signed 2D seal: created once, opened for signing, trusted for checks.

The key pair lives in the workspace's ``keys/`` folder, written by ``core.seal.create_office_key``:
``seal-private-key.pem`` (PKCS#8, encrypted, mode 0600) and ``seal-certificate.pem`` (public). The
private key's passphrase is a random 256-bit secret kept exactly as the file store's key is
(``core.filestore.load_or_create_key``: the OS keyring when a real one is usable, else a 0600
file) but under its own folder ``keys/seal-secret/``, so it is a secret of its own and not the file
store key. Nobody types it: the counter prints cards without being asked for a passphrase, and a
copied ``keys/`` folder without the keyring entry or the secret file cannot sign.

Verification trusts the certificates in ``keys/`` and ``keys/trusted/`` (``core.seal.load_trusted_keys``),
the same folder ``faskim card verify`` reads from ``$FASKIM_DATA_DIR/keys`` — so a card printed by
the app verifies on the command line without extra flags.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec

from faskim_desktop.core import messages, office
from faskim_desktop.core.filestore import load_or_create_key
from faskim_desktop.core.seal import (
    CERTIFICATE_FILE,
    PRIVATE_KEY_FILE,
    OfficeKeyFiles,
    SealKeyError,
    SealSigner,
    create_office_key,
    key_id_of,
    load_signer,
    load_trusted_keys,
)
from faskim_desktop.core.workspace import Workspace

log = logging.getLogger(__name__)

SECRET_SUBDIR = "seal-secret"
_create_lock = threading.Lock()


def _passphrase(keys_dir: Path) -> str:
    """The private key's passphrase: the hex of a random secret kept like the file store key."""
    return load_or_create_key(keys_dir / SECRET_SUBDIR).hex()


class OfficeKeys:
    """The seal key of the office whose data folder ``ws`` is."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @property
    def folder(self) -> Path:
        return self.ws.keys_dir

    def exists(self) -> bool:
        return (self.folder / PRIVATE_KEY_FILE).exists() and (self.folder / CERTIFICATE_FILE).exists()

    def ensure(self) -> None:
        """Create the key pair at set-up (or on the first card printed) when there is none yet."""
        with _create_lock:
            if self.exists():
                return
            with self.ws.store.read() as session:
                profile = office.profile(session)
            self.create(profile.code, profile.name)

    def create(self, office_code: str, office_name: str) -> OfficeKeyFiles:
        files = create_office_key(
            self.folder, _passphrase(self.folder), office_code=office_code, office_name=office_name
        )
        log.info("office seal key created, key id %s", files.key_id_hex)
        return files

    def signer(self) -> SealSigner:
        """The opened private key, creating the pair first when this office has none."""
        self.ensure()
        try:
            return load_signer(self.folder, _passphrase(self.folder))
        except SealKeyError as err:
            if err.code == "seal.key_passphrase":
                # The key exists but its secret is not this machine's (keys/ copied without the
                # secret, or a key made with `faskim card keygen` and a typed passphrase).
                raise SealKeyError("office_keys.foreign_key", path=str(self.folder)) from err
            raise

    def trusted(self) -> dict[bytes, ec.EllipticCurvePublicKey]:
        """The public keys a seal may be signed with: this office's and those in keys/trusted/."""
        return load_trusted_keys(self.folder) if self.folder.is_dir() else {}

    def key_id_hex(self) -> str:
        return key_id_of(self.signer().private_key.public_key()).hex().upper()


MESSAGES: dict[str, dict[str, str]] = {
    "office_keys.foreign_key": {
        "id": "Kunci segel kantor di {path} tidak dapat dibuka dengan rahasia komputer ini. Kunci dibuat di "
        "tempat lain atau dengan frasa sandi ketikan; minta teknisi memasang kunci yang dibuat oleh "
        "aplikasi.",
        "en": "The office seal key in {path} cannot be opened with this computer's secret. "
        "It was made elsewhere "
        "or with a typed passphrase; ask the technician to install a key created by the application.",
    },
}
messages.register(MESSAGES)
