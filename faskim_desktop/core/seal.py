"""The card's signed 2D seal: payload encoding, ECDSA P-256 signing and verification, office keys.

The design follows the spirit of ICAO Doc 9303 part 13 (Visible Digital Seals, VDS): a compact
binary *header*, a *message zone* of tag-length-value features and a *signature zone* holding the
raw ECDSA signature (r || s), all stored in a Data Matrix. It is not an ICAO-registered VDS
(there is no document type for this card and the signer is the office's self-signed key, not a
CSCA chain), so the magic byte is ICAO's 0xDC but the version is our own.

Payload layout, version 1 (all integers big-endian):

    offset  size  content
    0       1     0xDC magic (as in ICAO 9303-13 §2.1)
    1       1     format version = 0x01
    2       3     issuing state, ASCII "IDN"
    5       1     document type = 0x01 (Kartu Fasilitas Keimigrasian)
    6       1+n   office code: length n (1..16), then n ASCII bytes
    ..      8     signer key id = first 8 bytes of SHA-256(DER SubjectPublicKeyInfo)
    ..      3     signing date: proleptic Gregorian ordinal (``date.toordinal()``)
    -- message zone: features, each tag (1 byte), length (1 byte, 0..255), value --
    0x01 register number      ASCII          0x07 passport expiry     date (3 bytes)
    0x02 name                 UTF-8          0x08 NIORA               ASCII
    0x03 sex                  ASCII M/F/X    0x09 card issue date     date (3 bytes)
    0x04 place of birth       UTF-8          0x0A card valid until    date (3 bytes)
    0x05 date of birth        date (3 bytes)
    0x06 nationality          ASCII, ICAO 3-letter code
    0x0B passport number      ASCII
    -- signature zone --
    0xFF  tag, 0x40 length, 64 bytes: r || s of ECDSA P-256 over SHA-256 of every byte before
          the 0xFF tag (ICAO 9303-13 §2.3 stores the plain r || s concatenation the same way).

All features are required, each exactly once, in any order; an unknown tag, trailing bytes or
a value that does not parse is "malformed". The whole record is about 170-190 bytes, which fits
a 48×48 or 52×52 Data Matrix (see ``faskim_desktop.documents.datamatrix``).

Keys: ``create_office_key`` writes the private key as PKCS#8 PEM encrypted with the passphrase
(``BestAvailableEncryption``), mode 0600, and a self-signed X.509 certificate beside it;
``load_signer`` opens it; ``load_trusted_keys`` collects the certificates/public keys that a
verifier trusts (this office's and any copied into ``trusted/``).

Everything here is Qt-free; failures are typed ``FaskimError``s with bilingual message codes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.x509.oid import NameOID

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError

log = logging.getLogger(__name__)

MAGIC = 0xDC
VERSION = 1
ISSUING_STATE = b"IDN"
DOC_TYPE_CARD = 0x01
SIGNATURE_TAG = 0xFF
SIGNATURE_LENGTH = 64
KEY_ID_LENGTH = 8
MAX_OFFICE_CODE = 16

PRIVATE_KEY_FILE = "seal-private-key.pem"
CERTIFICATE_FILE = "seal-certificate.pem"
TRUSTED_SUBDIR = "trusted"

# reason codes of SealResult
VALID = "seal.valid"


# --- errors -----------------------------------------------------------------------------------

class SealError(FaskimError):
    code = "seal.error"


class SealMalformed(SealError):
    """The bytes are not a seal of a known format (truncated, unknown tag, bad value)."""

    code = "seal.malformed"


class SealTampered(SealError):
    """The signature does not match the content: something was changed after signing."""

    code = "seal.tampered"


class SealUnknownSigner(SealError):
    """The seal names a key that is not among the trusted ones."""

    code = "seal.unknown_signer"


class SealKeyError(SealError):
    """An office key cannot be created or opened (exists already, wrong passphrase, missing file)."""

    code = "seal.key_error"


MESSAGES: dict[str, dict[str, str]] = {
    "seal.valid": {"id": "Segel sah.", "en": "The seal is valid."},
    "seal.error": {"id": "Segel tidak dapat diperiksa.", "en": "The seal cannot be checked."},
    "seal.malformed": {
        "id": "Segel rusak atau bukan segel kartu Faskim ({detail}).",
        "en": "The seal is damaged or not a Faskim card seal ({detail}).",
    },
    "seal.tampered": {
        "id": "Tanda tangan segel tidak cocok: data kartu telah diubah.",
        "en": "The seal's signature does not match: the card data was changed.",
    },
    "seal.unknown_signer": {
        "id": "Penanda tangan segel tidak dikenal (kunci {key_id} tidak dipercaya).",
        "en": "Unknown seal signer (key {key_id} is not trusted).",
    },
    "seal.key_error": {"id": "Kunci segel kantor bermasalah.", "en": "Problem with the office seal key."},
    "seal.key_exists": {
        "id": "Kunci segel kantor sudah ada di {path}; tidak ditimpa.",
        "en": "An office seal key already exists at {path}; not overwritten.",
    },
    "seal.key_missing": {
        "id": "Kunci segel kantor tidak ditemukan di {path}.",
        "en": "No office seal key found at {path}.",
    },
    "seal.key_passphrase": {
        "id": "Frasa sandi kunci segel salah atau kunci rusak.",
        "en": "Wrong passphrase for the seal key, or the key is damaged.",
    },
    "seal.passphrase_required": {
        "id": "Kunci segel harus dilindungi frasa sandi (minimal 8 karakter).",
        "en": "The seal key must be protected by a passphrase (at least 8 characters).",
    },
    "seal.field_invalid": {
        "id": "Data kartu tidak dapat dimasukkan ke segel: isian {field} tidak valid.",
        "en": "The card data cannot be sealed: field {field} is not valid.",
    },
    "seal.no_trusted_keys": {
        "id": "Tidak ada kunci tepercaya di {path}.",
        "en": "No trusted keys in {path}.",
    },
}
messages.register(MESSAGES)


# --- fields -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SealFields:
    """The card's key fields that the seal carries (and that a verifier shows)."""

    register_number: str
    name: str
    sex: str  # ICAO 9303 sex code: M, F or X
    place_of_birth: str
    date_of_birth: dt.date
    nationality: str  # ICAO 3-letter code
    passport_number: str
    passport_expiry: dt.date
    niora: str
    issue_date: dt.date
    valid_until: dt.date


@dataclass(frozen=True)
class SealHeader:
    version: int
    issuing_state: str
    document_type: int
    office_code: str
    key_id: bytes
    signed_on: dt.date

    @property
    def key_id_hex(self) -> str:
        return self.key_id.hex().upper()


@dataclass(frozen=True)
class DecodedSeal:
    header: SealHeader
    fields: SealFields
    signed_bytes: bytes  # header + message zone, the bytes the signature covers
    signature: bytes  # r || s


@dataclass(frozen=True)
class SealResult:
    valid: bool
    fields: SealFields | None
    reason_code: str
    header: SealHeader | None = None
    detail: str = ""

    @property
    def office_code(self) -> str | None:
        return self.header.office_code if self.header else None


# tag -> (field name, kind)
_TAGS: dict[int, tuple[str, str]] = {
    0x01: ("register_number", "ascii"),
    0x02: ("name", "utf8"),
    0x03: ("sex", "sex"),
    0x04: ("place_of_birth", "utf8"),
    0x05: ("date_of_birth", "date"),
    0x06: ("nationality", "nationality"),
    0x07: ("passport_expiry", "date"),
    0x08: ("niora", "ascii"),
    0x09: ("issue_date", "date"),
    0x0A: ("valid_until", "date"),
    0x0B: ("passport_number", "ascii"),
}
_TAG_OF = {name: tag for tag, (name, _kind) in _TAGS.items()}
_KIND_OF = {name: kind for _tag, (name, kind) in _TAGS.items()}


def _date_bytes(value: dt.date) -> bytes:
    return value.toordinal().to_bytes(3, "big")


def _date_from(raw: bytes) -> dt.date:
    ordinal = int.from_bytes(raw, "big")
    if not 1 <= ordinal <= dt.date.max.toordinal():
        raise SealMalformed(detail="date")
    return dt.date.fromordinal(ordinal)


def _encode_value(name: str, value: object) -> bytes:
    kind = _KIND_OF[name]
    try:
        if kind == "date":
            if not isinstance(value, dt.date):
                raise TypeError
            raw = _date_bytes(value)
        elif kind == "utf8":
            raw = str(value).encode("utf-8")
        else:
            text = str(value)
            raw = text.encode("ascii")
            if kind == "sex" and text not in ("M", "F", "X"):
                raise ValueError
            if kind == "nationality" and (len(text) != 3 or not text.isalpha() or not text.isupper()):
                raise ValueError
            if not text.isprintable():
                raise ValueError
    except (TypeError, ValueError, UnicodeError) as exc:
        raise SealError("seal.field_invalid", field=name) from exc
    if len(raw) > 255 or (kind != "date" and not raw):
        raise SealError("seal.field_invalid", field=name)
    return raw


def key_id_of(public_key: ec.EllipticCurvePublicKey) -> bytes:
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).digest()[:KEY_ID_LENGTH]


def encode_message(fields_: SealFields, *, office_code: str, key_id: bytes, signed_on: dt.date) -> bytes:
    """Header + message zone (the bytes that get signed)."""
    try:
        office = office_code.encode("ascii")
    except UnicodeError as exc:
        raise SealError("seal.field_invalid", field="office_code") from exc
    if not 1 <= len(office) <= MAX_OFFICE_CODE or not office_code.isprintable():
        raise SealError("seal.field_invalid", field="office_code")
    if len(key_id) != KEY_ID_LENGTH:
        raise SealError("seal.field_invalid", field="key_id")
    out = bytearray([MAGIC, VERSION, *ISSUING_STATE, DOC_TYPE_CARD, len(office), *office])
    out += key_id
    out += _date_bytes(signed_on)
    for field in fields(SealFields):
        raw = _encode_value(field.name, getattr(fields_, field.name))
        out += bytes([_TAG_OF[field.name], len(raw)]) + raw
    return bytes(out)


def decode(payload: bytes) -> DecodedSeal:
    """Parse a seal; raises ``SealMalformed`` (never anything else) when it is not well formed."""
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise SealMalformed(detail="type")
    data = bytes(payload)
    pos = 0

    def take(count: int, what: str) -> bytes:
        nonlocal pos
        if count < 0 or pos + count > len(data):
            raise SealMalformed(detail=f"truncated:{what}")
        chunk = data[pos : pos + count]
        pos += count
        return chunk

    if take(1, "magic")[0] != MAGIC:
        raise SealMalformed(detail="magic")
    version = take(1, "version")[0]
    if version != VERSION:
        raise SealMalformed(detail=f"version:{version}")
    state = take(3, "state")
    doc_type = take(1, "doctype")[0]
    if doc_type != DOC_TYPE_CARD:
        raise SealMalformed(detail="doctype")
    office_len = take(1, "office")[0]
    if not 1 <= office_len <= MAX_OFFICE_CODE:
        raise SealMalformed(detail="office")
    try:
        office_code = take(office_len, "office").decode("ascii")
        issuing_state = state.decode("ascii")
    except UnicodeDecodeError as exc:
        raise SealMalformed(detail="office") from exc
    if not office_code.isprintable() or not issuing_state.isalpha():
        raise SealMalformed(detail="office")
    key_id = take(KEY_ID_LENGTH, "key_id")
    signed_on = _date_from(take(3, "signed_on"))

    values: dict[str, object] = {}
    while True:
        tag = take(1, "tag")[0]
        if tag == SIGNATURE_TAG:
            break
        if tag not in _TAGS:
            raise SealMalformed(detail=f"tag:{tag:02X}")
        name, kind = _TAGS[tag]
        if name in values:
            raise SealMalformed(detail=f"duplicate:{tag:02X}")
        raw = take(take(1, "length")[0], name)
        values[name] = _decode_value(name, kind, raw)
    signed_end = pos - 1
    if take(1, "signature_length")[0] != SIGNATURE_LENGTH:
        raise SealMalformed(detail="signature_length")
    signature = take(SIGNATURE_LENGTH, "signature")
    if pos != len(data):
        raise SealMalformed(detail="trailing")
    missing = [f.name for f in fields(SealFields) if f.name not in values]
    if missing:
        raise SealMalformed(detail=f"missing:{missing[0]}")
    header = SealHeader(version, issuing_state, doc_type, office_code, key_id, signed_on)
    return DecodedSeal(header, SealFields(**values), data[:signed_end], signature)  # type: ignore[arg-type]


def _decode_value(name: str, kind: str, raw: bytes) -> object:
    if kind == "date":
        if len(raw) != 3:
            raise SealMalformed(detail=f"value:{name}")
        return _date_from(raw)
    try:
        text = raw.decode("utf-8" if kind == "utf8" else "ascii")
    except UnicodeDecodeError as exc:
        raise SealMalformed(detail=f"value:{name}") from exc
    if not text or not text.isprintable():
        raise SealMalformed(detail=f"value:{name}")
    if kind == "sex" and text not in ("M", "F", "X"):
        raise SealMalformed(detail=f"value:{name}")
    if kind == "nationality" and (len(text) != 3 or not text.isalpha()):
        raise SealMalformed(detail=f"value:{name}")
    return text


# --- signing and verification -----------------------------------------------------------------

@dataclass(frozen=True)
class SealSigner:
    """An office's opened private key, ready to sign seals."""

    private_key: ec.EllipticCurvePrivateKey
    office_code: str
    key_id: bytes

    def sign(self, fields_: SealFields, signed_on: dt.date | None = None) -> bytes:
        message = encode_message(
            fields_, office_code=self.office_code, key_id=self.key_id, signed_on=signed_on or dt.date.today()
        )
        der = self.private_key.sign(message, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return message + bytes([SIGNATURE_TAG, SIGNATURE_LENGTH]) + r.to_bytes(32, "big") + s.to_bytes(32, "big")


PublicKeyLike = ec.EllipticCurvePublicKey | x509.Certificate


def _trusted_map(
    trusted: Mapping[bytes, ec.EllipticCurvePublicKey] | Iterable[PublicKeyLike],
) -> dict[bytes, ec.EllipticCurvePublicKey]:
    if isinstance(trusted, Mapping):
        return dict(trusted)
    result: dict[bytes, ec.EllipticCurvePublicKey] = {}
    for item in trusted:
        key = item.public_key() if isinstance(item, x509.Certificate) else item
        if isinstance(key, ec.EllipticCurvePublicKey):
            result[key_id_of(key)] = key
    return result


def verify(
    payload: bytes,
    trusted_public_keys: Mapping[bytes, ec.EllipticCurvePublicKey] | Iterable[PublicKeyLike],
) -> SealResult:
    """Check a seal against the trusted keys. Never raises for bad input: the result says why.

    ``fields`` is filled whenever the payload parses, so that a verifier can show what the seal
    claims even when the signature fails; ``valid`` is the only thing to trust.
    """
    try:
        seal = decode(payload)
    except SealMalformed as err:
        return SealResult(False, None, err.code, None, str(err.params.get("detail", "")))
    keys = _trusted_map(trusted_public_keys)
    key = keys.get(seal.header.key_id)
    if key is None:
        log.info("seal signer %s not trusted", seal.header.key_id_hex)
        return SealResult(False, seal.fields, SealUnknownSigner.code, seal.header, seal.header.key_id_hex)
    r = int.from_bytes(seal.signature[:32], "big")
    s = int.from_bytes(seal.signature[32:], "big")
    try:
        key.verify(encode_dss_signature(r, s), seal.signed_bytes, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        log.info("seal signature mismatch for key %s", seal.header.key_id_hex)
        return SealResult(False, seal.fields, SealTampered.code, seal.header)
    return SealResult(True, seal.fields, VALID, seal.header)


def verify_or_raise(payload: bytes, trusted_public_keys: Iterable[PublicKeyLike]) -> DecodedSeal:
    """Like ``verify`` but raising the typed error; returns the decoded seal when valid."""
    result = verify(payload, trusted_public_keys)
    if result.valid:
        return decode(payload)
    if result.reason_code == SealMalformed.code:
        raise SealMalformed(detail=result.detail)
    if result.reason_code == SealUnknownSigner.code:
        raise SealUnknownSigner(key_id=result.detail)
    raise SealTampered()


# --- office keys ------------------------------------------------------------------------------

def _passphrase_bytes(passphrase: str | bytes) -> bytes:
    raw = passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)
    if len(raw) < 8:
        raise SealKeyError("seal.passphrase_required")
    return raw


@dataclass(frozen=True)
class OfficeKeyFiles:
    private_key: Path
    certificate: Path
    key_id: bytes

    @property
    def key_id_hex(self) -> str:
        return self.key_id.hex().upper()


def create_office_key(
    directory: str | os.PathLike[str],
    passphrase: str | bytes,
    *,
    office_code: str = "KANIM",
    office_name: str = "Kantor Imigrasi",
    valid_days: int = 3650,
) -> OfficeKeyFiles:
    """Create the office's seal key pair in ``directory`` (once, at set-up).

    The private key is written encrypted with ``passphrase`` and readable by the owner only
    (0600, created with O_EXCL so an existing key is never overwritten); the self-signed
    certificate beside it is public and is what other seats and verifiers trust.
    """
    secret = _passphrase_bytes(passphrase)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    key_path = folder / PRIVATE_KEY_FILE
    cert_path = folder / CERTIFICATE_FILE
    if key_path.exists() or cert_path.exists():
        raise SealKeyError("seal.key_exists", path=str(folder))
    private_key = ec.generate_private_key(ec.SECP256R1())
    public_key = private_key.public_key()
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Direktorat Jenderal Imigrasi"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, office_code),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{office_name} - segel kartu Faskim"[:64]),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .sign(private_key, hashes.SHA256())
    )
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret),
    )
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.chmod(key_path, 0o600)  # in case the umask or platform ignored the mode
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_id = key_id_of(public_key)
    log.info("office seal key created, key id %s", key_id.hex().upper())
    return OfficeKeyFiles(key_path, cert_path, key_id)


def load_signer(directory: str | os.PathLike[str], passphrase: str | bytes) -> SealSigner:
    """Open the office's private key; the office code is read from its certificate."""
    folder = Path(directory)
    key_path = folder / PRIVATE_KEY_FILE
    cert_path = folder / CERTIFICATE_FILE
    try:
        key_pem = key_path.read_bytes()
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    except FileNotFoundError as exc:
        raise SealKeyError("seal.key_missing", path=str(folder)) from exc
    except ValueError as exc:
        raise SealKeyError("seal.key_passphrase") from exc
    try:
        private_key = serialization.load_pem_private_key(key_pem, password=_passphrase_bytes(passphrase))
    except (ValueError, TypeError) as exc:
        raise SealKeyError("seal.key_passphrase") from exc
    if not isinstance(private_key, ec.EllipticCurvePrivateKey) or not isinstance(
        private_key.curve, ec.SECP256R1
    ):
        raise SealKeyError("seal.key_passphrase")
    if key_id_of(private_key.public_key()) != key_id_of(cert.public_key()):  # type: ignore[arg-type]
        raise SealKeyError("seal.key_passphrase")
    units = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    office_code = str(units[0].value) if units else "KANIM"
    return SealSigner(private_key, office_code, key_id_of(private_key.public_key()))


def load_trusted_keys(directory: str | os.PathLike[str]) -> dict[bytes, ec.EllipticCurvePublicKey]:
    """Every P-256 certificate or public key (PEM) in ``directory`` and ``directory/trusted``.

    Private keys and files that do not parse are skipped (logged by file name only).
    """
    folder = Path(directory)
    keys: dict[bytes, ec.EllipticCurvePublicKey] = {}
    candidates = [*sorted(folder.glob("*.pem")), *sorted(folder.glob("*.crt"))]
    trusted = folder / TRUSTED_SUBDIR
    if trusted.is_dir():
        candidates += [*sorted(trusted.glob("*.pem")), *sorted(trusted.glob("*.crt"))]
    for path in candidates:
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if b"PRIVATE KEY" in raw:
            continue
        key: object | None = None
        try:
            if b"BEGIN CERTIFICATE" in raw:
                key = x509.load_pem_x509_certificate(raw).public_key()
            elif b"BEGIN PUBLIC KEY" in raw:
                key = serialization.load_pem_public_key(raw)
        except ValueError:
            log.warning("skipping unreadable key file %s", path.name)
            continue
        if isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1):
            keys[key_id_of(key)] = key
    return keys
