"""The passport an emulated chip holds: its data, its photo, its signed EF.SOD.

``PassportProfile`` is the configurable part (JSON or CLI arguments); ``ChipContent`` is what
the applet serves: EF.COM, DG1, DG2 and an EF.SOD signed by a Document Signer whose certificate
chains to a demo CSCA. The demo keys are derived from fixed numbers, so the demo CSCA's public
key is the same in every run and a regenerated CSCA certificate still verifies any emulator's
Document Signer (tests and the stand-in stack rely on that). They protect nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd import lds, tlv

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PassportProfile:
    """A passport to emulate. Dates are YYMMDD as in the MRZ."""

    document_number: str
    primary: str
    secondary: str
    dob: str
    sex: str
    expiry: str
    issuing_state: str = "UTO"
    nationality: str = "UTO"
    personal_number: str = ""
    photo: bytes = field(default=b"", repr=False)  # JPEG or JPEG 2000; empty → drawn image
    pace_only: bool = False  # offers EF.CardAccess and refuses BAC (a PACE-only chip)

    @property
    def mrz_lines(self) -> tuple[str, str]:
        return mrz.build_td3(
            issuing_state=self.issuing_state,
            primary=self.primary,
            secondary=self.secondary,
            document_number=self.document_number,
            nationality=self.nationality,
            dob=self.dob,
            sex=self.sex,
            expiry=self.expiry,
            personal_number=self.personal_number,
        )

    @property
    def mrz_key(self) -> str:
        return mrz.mrz_key(self.document_number, self.dob, self.expiry)

    @classmethod
    def from_json(cls, path: Path) -> PassportProfile:
        """Read a profile: keys are the field names; ``photo`` is a path relative to the file."""
        raw = json.loads(path.read_text(encoding="utf-8"))
        photo = b""
        if raw.get("photo"):
            photo = (path.parent / str(raw["photo"])).read_bytes()
        fields = {k: raw[k] for k in cls.__dataclass_fields__ if k in raw and k != "photo"}
        return cls(photo=photo, **fields)


# -- demo passport -----------------------------------------------------------------------------

# A child's passport of Utopia (the ICAO specimen state), not a real person.
DEMO = PassportProfile(
    document_number="UC4719825",
    primary="Eriksson",
    secondary="Sofia Anna",
    dob="190314",
    sex="F",
    expiry="290313",
)


def demo_face_jpeg(target_bytes: int = 20_000) -> tuple[bytes, int, int]:
    """A ~20 KB portrait JPEG: scikit-image's public-domain astronaut if present, else drawn."""
    from PIL import Image, ImageDraw

    try:
        from skimage import data as skdata

        image = Image.fromarray(skdata.astronaut()).crop((96, 0, 320, 288))  # head and shoulders
        image = image.resize((300, 386))
    except ImportError:
        image = Image.new("RGB", (300, 386), (214, 228, 240))
        draw = ImageDraw.Draw(image)
        for y in range(0, 386, 3):  # background texture so the JPEG has some size to it
            draw.line((0, y, 300, y), fill=(200 + y % 40, 210, 230), width=1)
        draw.ellipse((80, 60, 220, 230), fill=(224, 180, 150))  # face
        draw.rectangle((60, 250, 240, 386), fill=(40, 60, 120))  # shoulders
        draw.ellipse((115, 120, 135, 135), fill=(40, 30, 20))
        draw.ellipse((165, 120, 185, 135), fill=(40, 30, 20))
        draw.arc((120, 160, 180, 200), 20, 160, fill=(120, 40, 40), width=4)
    best = b""
    for quality in range(95, 20, -5):
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=quality)
        best = buf.getvalue()
        if len(best) <= target_bytes:
            break
    return best, image.width, image.height


# -- signing -----------------------------------------------------------------------------------

_DEMO_CSCA_SECRET = int.from_bytes(hashlib.sha256(b"faskim demo CSCA - not a secret").digest(), "big")
_DEMO_DS_SECRET = int.from_bytes(hashlib.sha256(b"faskim demo DS - not a secret").digest(), "big")
_CURVE = ec.SECP256R1()
_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256 group order
CSCA_NAME = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "UT"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Faskim eMRTD emulator"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Demo CSCA"),
    ]
)
DS_NAME = x509.Name(
    [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "UT"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Faskim eMRTD emulator"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Demo Document Signer"),
    ]
)


def _key(secret: int) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(secret % (_N - 1) + 1, _CURVE)


@dataclass(frozen=True)
class SigningKeys:
    csca_cert: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    ds_cert: x509.Certificate

    def csca_pem(self) -> bytes:
        return self.csca_cert.public_bytes(serialization.Encoding.PEM)


def demo_signing_keys() -> SigningKeys:
    """The demo CSCA and Document Signer (fixed keys, fresh certificates)."""
    csca_key = _key(_DEMO_CSCA_SECRET)
    ds_key = _key(_DEMO_DS_SECRET)
    now = dt.datetime.now(dt.UTC)
    csca_cert = (
        x509.CertificateBuilder()
        .subject_name(CSCA_NAME)
        .issuer_name(CSCA_NAME)
        .public_key(csca_key.public_key())
        .serial_number(1)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .sign(csca_key, hashes.SHA256())
    )
    ds_cert = (
        x509.CertificateBuilder()
        .subject_name(DS_NAME)
        .issuer_name(CSCA_NAME)
        .public_key(ds_key.public_key())
        .serial_number(2)
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
        )
        .sign(csca_key, hashes.SHA256())
    )
    return SigningKeys(csca_cert, ds_key, ds_cert)


def _seq(*parts: bytes) -> bytes:
    return tlv.encode(0x30, b"".join(parts))


def _set(*parts: bytes) -> bytes:
    return tlv.encode(0x31, b"".join(sorted(parts)))  # DER SET OF: sorted encodings


def _int(value: int) -> bytes:
    return tlv.encode(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True))


def _sign(key: object, data: bytes, scheme: str) -> tuple[bytes, bytes]:
    """(signature, DER AlgorithmIdentifier) for the Document Signer's key and ``scheme``."""
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256())), _seq(tlv.encode_oid("1.2.840.10045.4.3.2"))
    if isinstance(key, rsa.RSAPrivateKey):
        if scheme == "pss":
            # RFC 4055 RSASSA-PSS-params: SHA-256, MGF1 with SHA-256, salt length 32.
            sha256 = _seq(tlv.encode_oid(lds.HASH_OIDS["sha256"]))
            params = _seq(
                tlv.encode(0xA0, sha256),
                tlv.encode(0xA1, _seq(tlv.encode_oid("1.2.840.113549.1.1.8"), sha256)),
                tlv.encode(0xA2, _int(32)),
            )
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
            return key.sign(data, pss, hashes.SHA256()), _seq(tlv.encode_oid(lds.OID_RSASSA_PSS), params)
        algorithm = _seq(tlv.encode_oid("1.2.840.113549.1.1.11"), tlv.encode(0x05, b""))  # sha256WithRSA
        return key.sign(data, padding.PKCS1v15(), hashes.SHA256()), algorithm
    raise TypeError("Document Signer key must be EC or RSA")


def build_signed_data(
    content_type: str,
    content: bytes,
    signer_key: object,
    signer_cert: x509.Certificate,
    *,
    scheme: str = "pkcs1",
    extra_certificates: tuple[x509.Certificate, ...] = (),
) -> bytes:
    """A CMS ContentInfo/SignedData (RFC 5652 §5) with signed attributes, SHA-256 digest.

    The signer is identified by issuer and serial number (SignerInfo version 1), the signed
    attributes are contentType and messageDigest, as Doc 9303 part 10 §4.6.2 requires for
    EF.SOD. Also used by tests to build an ICAO master list.
    """
    sha256 = _seq(tlv.encode_oid(lds.HASH_OIDS["sha256"]))
    attrs = [
        _seq(tlv.encode_oid(lds.OID_CONTENT_TYPE), _set(tlv.encode_oid(content_type))),
        _seq(
            tlv.encode_oid(lds.OID_MESSAGE_DIGEST), _set(tlv.encode(0x04, hashlib.sha256(content).digest()))
        ),
    ]
    signed_attrs = _set(*attrs)
    signature, algorithm = _sign(signer_key, signed_attrs, scheme)
    certs = b"".join(c.public_bytes(serialization.Encoding.DER) for c in (signer_cert, *extra_certificates))
    signer_info = _seq(
        _int(1),
        _seq(signer_cert.issuer.public_bytes(), _int(signer_cert.serial_number)),
        sha256,
        tlv.encode(0xA0, tlv.parse_one(signed_attrs)[0].value),  # [0] IMPLICIT: same content
        algorithm,
        tlv.encode(0x04, signature),
    )
    signed_data = _seq(
        _int(3),
        _set(sha256),
        _seq(tlv.encode_oid(content_type), tlv.encode(0xA0, tlv.encode(0x04, content))),
        tlv.encode(0xA0, certs),
        _set(signer_info),
    )
    return _seq(tlv.encode_oid(lds.OID_SIGNED_DATA), tlv.encode(0xA0, signed_data))


def build_sod(data_groups: dict[int, bytes], keys: SigningKeys, scheme: str = "pkcs1") -> bytes:
    """EF.SOD: SignedData over an LDSSecurityObject (version 0) with SHA-256 data group hashes."""
    sha256 = _seq(tlv.encode_oid(lds.HASH_OIDS["sha256"]))
    hashes_seq = _seq(
        *(
            _seq(_int(n), tlv.encode(0x04, hashlib.sha256(content).digest()))
            for n, content in sorted(data_groups.items())
        )
    )
    security_object = _seq(_int(0), sha256, hashes_seq)
    signed = build_signed_data(
        lds.OID_LDS_SECURITY_OBJECT, security_object, keys.ds_key, keys.ds_cert, scheme=scheme
    )
    return tlv.encode(lds.TAG_SOD, signed)


# -- what the chip serves ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChipContent:
    files: dict[int, bytes] = field(repr=False)  # file identifier → content (eMRTD application)
    card_access: bytes | None = field(repr=False)  # EF.CardAccess in the MF (PACE offered)
    mrz_key: str = field(repr=False)
    keys: SigningKeys = field(repr=False)
    face_jpeg: bytes = field(repr=False)

    @classmethod
    def build(cls, profile: PassportProfile, keys: SigningKeys | None = None) -> ChipContent:
        keys = keys or demo_signing_keys()
        photo = profile.photo
        if photo:
            width, height = _image_size(photo)
        else:
            photo, width, height = demo_face_jpeg()
        dg1 = lds.build_dg1(profile.mrz_lines)
        dg2 = lds.build_dg2(photo, width, height)
        groups = {1: dg1, 2: dg2}
        files = {
            lds.FID_COM: lds.build_ef_com(groups),
            lds.dg_fid(1): dg1,
            lds.dg_fid(2): dg2,
            lds.FID_SOD: build_sod(groups, keys),
        }
        card_access = None
        if profile.pace_only:
            # SecurityInfos with one PACEInfo: id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2,
            # parameter 12 (NIST P-256) — Doc 9303 part 11 §9.2.1.
            pace_info = _seq(tlv.encode_oid("0.4.0.127.0.7.2.2.4.2.2"), _int(2), _int(12))
            card_access = _set(pace_info)
        return cls(files, card_access, profile.mrz_key, keys, photo)


def _image_size(photo: bytes) -> tuple[int, int]:
    try:
        from PIL import Image

        with Image.open(io.BytesIO(photo)) as image:
            return image.width, image.height
    except Exception:  # JPEG 2000 without a Pillow codec: sizes are informative only
        log.info("photo size unknown; DG2 records 0x0")
        return 0, 0
