"""The file store: scans, photos, fingerprints and generated documents, encrypted at rest.

Each file is sealed with AES-256-GCM under the store key, with a random 96-bit nonce and the
file's relative path as associated data (a file moved to another record fails to open). The
key never enters the database: it is kept in the OS keyring where one is usable, otherwise in a
key file readable only by the application's user. Files are written to a temporary name and
renamed, so a crash never leaves half a file under a name the database points at.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError

log = logging.getLogger(__name__)

MAGIC = b"FSK1"
KEY_FILE = "filestore.key"
KEYRING_SERVICE = "faskim-desktop"


class FileStoreError(FaskimError):
    code = "files.error"


def _keyring_key(folder: Path) -> bytes | None:
    """The key from the OS keyring, when a real (non-fail, non-plaintext) backend exists."""
    if os.environ.get("FASKIM_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or "plaintext" in type(backend).__module__.lower():
            return None
        account = str(folder.resolve())
        stored = keyring.get_password(KEYRING_SERVICE, account)
        if stored is None:
            stored = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, account, stored)
        return bytes.fromhex(stored)
    except Exception:  # any keyring failure falls back to the key file
        log.info("OS keyring not usable; using the key file")
        return None


def load_or_create_key(keys_dir: Path) -> bytes:
    key = _keyring_key(keys_dir)
    if key is not None:
        return key
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = keys_dir / KEY_FILE
    if path.exists():
        data = path.read_bytes()
        if len(data) != 32:
            raise FileStoreError("files.bad_key", path=str(path))
        return data
    key = AESGCM.generate_key(bit_length=256)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


@dataclass(frozen=True)
class StoredBlob:
    path: str  # relative to the store root
    sha256: str
    size: int


class FileStore:
    def __init__(self, root: Path, keys_dir: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self._aead = AESGCM(load_or_create_key(keys_dir))

    def put(self, data: bytes, folder: str) -> StoredBlob:
        relative = f"{folder}/{uuid.uuid4().hex}.bin"
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        nonce = secrets.token_bytes(12)
        sealed = MAGIC + nonce + self._aead.encrypt(nonce, data, relative.encode())
        tmp = target.with_suffix(".tmp")
        with open(tmp, "wb") as handle:
            handle.write(sealed)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        return StoredBlob(relative, hashlib.sha256(data).hexdigest(), len(data))

    def get(self, relative: str, expected_sha256: str | None = None) -> bytes:
        try:
            sealed = (self.root / relative).read_bytes()
        except OSError:
            raise FileStoreError("files.missing", path=relative) from None
        if not sealed.startswith(MAGIC) or len(sealed) < len(MAGIC) + 12 + 16:
            raise FileStoreError("files.corrupt", path=relative)
        nonce = sealed[len(MAGIC) : len(MAGIC) + 12]
        try:
            data = self._aead.decrypt(nonce, sealed[len(MAGIC) + 12 :], relative.encode())
        except InvalidTag:
            raise FileStoreError("files.corrupt", path=relative) from None
        if expected_sha256 and hashlib.sha256(data).hexdigest() != expected_sha256:
            raise FileStoreError("files.corrupt", path=relative)
        return data

    def delete(self, relative: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.root / relative).unlink()


messages.register(
    {
        "files.error": {"id": "Berkas tersimpan tidak dapat dibaca.", "en": "A stored file cannot be read."},
        "files.missing": {
            "id": "Berkas tersimpan hilang ({path}). Pulihkan dari cadangan.",
            "en": "A stored file is missing ({path}). Restore it from a backup.",
        },
        "files.corrupt": {
            "id": "Berkas tersimpan rusak atau kuncinya salah ({path}).",
            "en": "A stored file is damaged or the key is wrong ({path}).",
        },
        "files.bad_key": {
            "id": "Berkas kunci penyimpanan rusak: {path}.",
            "en": "The file store key file is damaged: {path}.",
        },
    }
)
