"""The Logical Data Structure of an eMRTD (ICAO Doc 9303 part 10) and passive authentication.

* EF.COM (tag ``60``): LDS and Unicode versions and the list of data groups present;
* DG1 (tag ``61``): the MRZ (``5F1F``), parsed with ``core.mrz``;
* DG2 (tag ``75``): the face in a biometric information template whose data block is an
  ISO/IEC 19794-5 facial record holding a JPEG or JPEG 2000 image;
* EF.SOD (tag ``77``): a CMS SignedData (RFC 5652) over an LDSSecurityObject listing a hash of
  every data group (part 10 §4.6.2, part 11 §5 "passive authentication").

Hashes are always checked. The Document Signer's signature is checked with the certificate in
the SOD, and its chain to a Country Signing CA when the office has loaded CSCA certificates or an
ICAO master list. Everything that does not parse raises ``LdsError``/``TLVError``.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.utils import CryptographyDeprecationWarning

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd import tlv
from faskim_desktop.core.emrtd.errors import LdsError, SodMismatch, SodSignatureInvalid, TLVError
from faskim_desktop.core.errors import ValidationError

log = logging.getLogger(__name__)

# Part 10 §4.6.1, table "LDS data group tags" and the file identifiers of the eMRTD application.
TAG_COM = 0x60
TAG_SOD = 0x77
DG_TAGS: dict[int, int] = {
    1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68,
    9: 0x69, 10: 0x6A, 11: 0x6B, 12: 0x6C, 13: 0x6D, 14: 0x6E, 15: 0x6F, 16: 0x70,
}  # fmt: skip
TAG_TO_DG = {tag: dg for dg, tag in DG_TAGS.items()}
FID_COM = 0x011E
FID_SOD = 0x011D
FID_CARD_ACCESS = 0x011C  # in the master file (part 10 §3.11.1)


def dg_fid(number: int) -> int:
    if number not in DG_TAGS:
        raise ValueError(f"no data group {number}")
    return 0x0100 + number


# ----------------------------------------------------------------------------------------------
# EF.COM


@dataclass(frozen=True)
class EfCom:
    lds_version: str  # "0107"
    unicode_version: str  # "040000"
    data_groups: tuple[int, ...]


def parse_ef_com(data: bytes) -> EfCom:
    com = tlv.expect(data, TAG_COM)
    try:
        lds = com.require(0x5F01).value.decode("ascii")
        uni = com.require(0x5F36).value.decode("ascii")
    except UnicodeDecodeError as exc:
        raise LdsError(file="EF.COM", reason="version") from exc
    groups = tuple(sorted(TAG_TO_DG[t] for t in com.require(0x5C).value if t in TAG_TO_DG))
    return EfCom(lds, uni, groups)


def build_ef_com(
    data_groups: Iterable[int], lds_version: str = "0107", unicode_version: str = "040000"
) -> bytes:
    tags = bytes(DG_TAGS[n] for n in sorted(data_groups))
    body = (
        tlv.encode(0x5F01, lds_version.encode())
        + tlv.encode(0x5F36, unicode_version.encode())
        + tlv.encode(0x5C, tags)
    )
    return tlv.encode(TAG_COM, body)


# ----------------------------------------------------------------------------------------------
# DG1


def parse_dg1(data: bytes) -> mrz.MrzData:
    text = tlv.expect(data, DG_TAGS[1]).require(0x5F1F).value
    try:
        line = text.decode("ascii")
    except UnicodeDecodeError as exc:
        raise LdsError(file="DG1", reason="not ASCII") from exc
    widths = {88: 44, 72: 36, 90: 30}
    if len(line) not in widths:
        raise LdsError(file="DG1", reason=f"MRZ length {len(line)}")
    width = widths[len(line)]
    lines = [line[i : i + width] for i in range(0, len(line), width)]
    try:
        return mrz.parse("\n".join(lines))
    except ValidationError as exc:
        raise LdsError(file="DG1", reason=exc.code) from exc


def build_dg1(lines: Iterable[str]) -> bytes:
    return tlv.encode(DG_TAGS[1], tlv.encode(0x5F1F, "".join(lines).encode("ascii")))


# ----------------------------------------------------------------------------------------------
# DG2 (ISO/IEC 19794-5:2005 facial record inside the ISO/IEC 7816-11 biometric template)

JPEG = "image/jpeg"
JPEG2000 = "image/jp2"
_JP2_SIGNATURE = bytes.fromhex("0000000C6A5020200D0A870A")
_J2K_CODESTREAM = bytes.fromhex("FF4FFF51")


@dataclass(frozen=True)
class FaceImage:
    mime: str
    data: bytes = field(repr=False)
    width: int = 0
    height: int = 0


def _image_mime(data: bytes) -> str | None:
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(_JP2_SIGNATURE) or data.startswith(_J2K_CODESTREAM):
        return JPEG2000
    return None


def _facial_record(block: bytes) -> FaceImage:
    """The first image of a 19794-5 record: header, facial information, feature points, image."""
    if len(block) < 14 or block[:4] != b"FAC\x00":
        raise LdsError(file="DG2", reason="not a facial record")
    record_length = int.from_bytes(block[8:12], "big")
    faces = int.from_bytes(block[12:14], "big")
    if faces < 1 or record_length > len(block):
        raise LdsError(file="DG2", reason="facial record header")
    pos = 14
    if pos + 20 > len(block):
        raise LdsError(file="DG2", reason="truncated facial information")
    face_length = int.from_bytes(block[pos : pos + 4], "big")
    points = int.from_bytes(block[pos + 4 : pos + 6], "big")
    face_end = pos + face_length
    info = pos + 20 + 8 * points
    if face_end > len(block) or info + 12 > face_end:
        raise LdsError(file="DG2", reason="truncated facial record")
    data_type = block[info + 1]
    width = int.from_bytes(block[info + 2 : info + 4], "big")
    height = int.from_bytes(block[info + 4 : info + 6], "big")
    image = block[info + 12 : face_end]
    mime = _image_mime(image)
    if mime is None or (data_type == 0 and mime != JPEG):
        raise LdsError(file="DG2", reason="image is neither JPEG nor JPEG 2000")
    return FaceImage(mime, image, width, height)


def parse_dg2(data: bytes) -> FaceImage:
    group = tlv.expect(data, DG_TAGS[2]).require(0x7F61)  # biometric information group template
    for template in group.children():
        if template.tag != 0x7F60:
            continue
        for obj in template.children():
            if obj.tag in (0x5F2E, 0x7F2E):  # biometric data block (plain / enciphered form)
                return _facial_record(obj.value)
    raise LdsError(file="DG2", reason="no biometric data block")


def build_dg2(image: bytes, width: int, height: int) -> bytes:
    """A DG2 with one ISO/IEC 19794-5:2005 full-frontal record (JPEG or JPEG 2000 image)."""
    mime = _image_mime(image)
    if mime is None:
        raise ValueError("image must be JPEG or JPEG 2000")
    face_info = (
        (20 + 12 + len(image)).to_bytes(4, "big")
        + (0).to_bytes(2, "big")  # feature points
        + bytes([0, 0, 0])  # gender, eye colour, hair colour unspecified
        + bytes(3)  # property mask
        + bytes(2)  # expression unspecified
        + bytes(3)  # pose angles
        + bytes(3)  # pose angle uncertainty
    )
    image_info = (
        bytes([1, 0 if mime == JPEG else 1])  # full frontal; JPEG / JPEG 2000
        + width.to_bytes(2, "big")
        + height.to_bytes(2, "big")
        + bytes([1, 2])  # 24-bit RGB; digital still camera
        + bytes(2)  # device type
        + bytes(2)  # quality unspecified
    )
    record = face_info + image_info + image
    header = b"FAC\x00" + b"010\x00" + (14 + len(record)).to_bytes(4, "big") + (1).to_bytes(2, "big")
    bht = tlv.encode(
        0xA1,
        tlv.encode(0x80, b"\x01\x01")  # ICAO header version
        + tlv.encode(0x87, b"\x01\x01")  # format owner: ISO/IEC JTC1 SC37
        + tlv.encode(0x88, b"\x00\x08"),  # format type: face image
    )
    bit = tlv.encode(0x7F60, bht + tlv.encode(0x5F2E, header + record))
    return tlv.encode(DG_TAGS[2], tlv.encode(0x7F61, tlv.encode(0x02, b"\x01") + bit))


# ----------------------------------------------------------------------------------------------
# EF.SOD and passive authentication

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_CSCA_MASTER_LIST = "2.23.136.1.1.2"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"

HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "1.3.14.3.2.26": hashes.SHA1,
    "2.16.840.1.101.3.4.2.4": hashes.SHA224,
    "2.16.840.1.101.3.4.2.1": hashes.SHA256,
    "2.16.840.1.101.3.4.2.2": hashes.SHA384,
    "2.16.840.1.101.3.4.2.3": hashes.SHA512,
}
HASH_OIDS = {cls.name: oid for oid, cls in HASHES.items()}
_RSA_PKCS1 = {
    "1.2.840.113549.1.1.5": hashes.SHA1,
    "1.2.840.113549.1.1.14": hashes.SHA224,
    "1.2.840.113549.1.1.11": hashes.SHA256,
    "1.2.840.113549.1.1.12": hashes.SHA384,
    "1.2.840.113549.1.1.13": hashes.SHA512,
}
_ECDSA = {
    "1.2.840.10045.4.1": hashes.SHA1,
    "1.2.840.10045.4.3.1": hashes.SHA224,
    "1.2.840.10045.4.3.2": hashes.SHA256,
    "1.2.840.10045.4.3.3": hashes.SHA384,
    "1.2.840.10045.4.3.4": hashes.SHA512,
}
OID_RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
OID_RSASSA_PSS = "1.2.840.113549.1.1.10"
OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"


@dataclass(frozen=True)
class SignerInfo:
    digest_oid: str
    signed_attrs: bytes  # DER of the SET (tag 31) that was signed; empty when absent
    message_digest: bytes | None
    signature_oid: str
    signature_params: bytes
    signature: bytes
    issuer_serial: tuple[bytes, int] | None  # (issuer Name DER, serial number)
    subject_key_id: bytes | None


@dataclass(frozen=True)
class SignedData:
    content_type: str
    content: bytes
    certificates: tuple[bytes, ...]
    signers: tuple[SignerInfo, ...]


@dataclass(frozen=True)
class SecurityObject:
    """The LDSSecurityObject of part 10 §4.6.2.2 plus the signed envelope around it."""

    hash_oid: str
    hashes: Mapping[int, bytes]
    signed: SignedData

    @property
    def hash_name(self) -> str:
        return HASHES[self.hash_oid].name if self.hash_oid in HASHES else self.hash_oid


def _children(obj: tlv.TLV, expected: int) -> list[tlv.TLV]:
    if obj.tag != expected:
        raise TLVError(reason=f"expected tag {expected:X}, found {obj.tag:X}")
    return obj.children()


def _int(obj: tlv.TLV) -> int:
    if obj.tag != 0x02 or not obj.value:
        raise TLVError(reason="expected INTEGER")
    return int.from_bytes(obj.value, "big", signed=True)


def _algorithm(obj: tlv.TLV) -> tuple[str, bytes]:
    parts = _children(obj, 0x30)
    if not parts or parts[0].tag != 0x06:
        raise TLVError(reason="algorithm identifier")
    params = parts[1].raw if len(parts) > 1 else b""
    return tlv.decode_oid(parts[0].value), params


def _signer_info(obj: tlv.TLV) -> SignerInfo:
    parts = _children(obj, 0x30)
    if len(parts) < 5:
        raise TLVError(reason="SignerInfo too short")
    issuer_serial = ski = None
    sid = parts[1]
    if sid.tag == 0x30:
        name, serial = _children(sid, 0x30)[:2]
        issuer_serial = (name.raw, _int(serial))
    elif sid.tag == 0x80:
        ski = sid.value
    digest_oid, _ = _algorithm(parts[2])
    index = 3
    signed_attrs = b""
    message_digest = None
    if parts[index].tag == 0xA0:
        attrs = parts[index]
        signed_attrs = tlv.encode(0x31, attrs.value)  # RFC 5652 §5.4: signed as a SET
        for attr in attrs.children():
            attr_type, values = _children(attr, 0x30)[:2]
            if tlv.decode_oid(attr_type.value) == OID_MESSAGE_DIGEST:
                message_digest = _children(values, 0x31)[0].value
        index += 1
    if index + 1 >= len(parts):
        raise TLVError(reason="SignerInfo too short")
    sig_oid, sig_params = _algorithm(parts[index])
    signature = parts[index + 1]
    if signature.tag != 0x04:
        raise TLVError(reason="signature")
    return SignerInfo(
        digest_oid, signed_attrs, message_digest, sig_oid, sig_params, signature.value, issuer_serial, ski
    )


def parse_signed_data(data: bytes) -> SignedData:
    """A CMS ContentInfo holding SignedData (RFC 5652 §3, §5)."""
    try:
        return _parse_signed_data(data)
    except (IndexError, ValueError) as exc:  # a structure with too few elements
        raise TLVError(reason="CMS structure") from exc


def _parse_signed_data(data: bytes) -> SignedData:
    content_info = _children(tlv.parse_one(data)[0], 0x30)
    if len(content_info) < 2 or tlv.decode_oid(content_info[0].value) != OID_SIGNED_DATA:
        raise TLVError(reason="not CMS SignedData")
    explicit = _children(content_info[1], 0xA0)
    parts = _children(explicit[0], 0x30)
    if len(parts) < 4:
        raise TLVError(reason="SignedData too short")
    encap = _children(parts[2], 0x30)
    content_type = tlv.decode_oid(encap[0].value)
    if len(encap) < 2:
        raise TLVError(reason="no encapsulated content")
    octets = _children(encap[1], 0xA0)[0]
    if octets.tag != 0x04:
        raise TLVError(reason="eContent is not an OCTET STRING")
    certificates: list[bytes] = []
    signers: list[SignerInfo] = []
    for part in parts[3:]:
        if part.tag == 0xA0:
            certificates.extend(c.raw for c in part.children() if c.tag == 0x30)
        elif part.tag == 0x31:
            signers.extend(_signer_info(s) for s in part.children())
    if not signers:
        raise TLVError(reason="no SignerInfo")
    return SignedData(content_type, octets.value, tuple(certificates), tuple(signers))


def parse_sod(data: bytes) -> SecurityObject:
    """EF.SOD: the signed LDSSecurityObject (``TLVError``/``LdsError`` when malformed)."""
    signed = parse_signed_data(tlv.expect(data, TAG_SOD).value)
    try:
        return _security_object(signed)
    except (IndexError, ValueError) as exc:
        raise TLVError(reason="LDSSecurityObject structure") from exc


def _security_object(signed: SignedData) -> SecurityObject:
    if signed.content_type != OID_LDS_SECURITY_OBJECT:
        raise LdsError(file="EF.SOD", reason="not an LDS security object")
    parts = _children(tlv.parse_one(signed.content)[0], 0x30)
    if len(parts) < 3:
        raise TLVError(reason="LDSSecurityObject too short")
    hash_oid, _ = _algorithm(parts[1])
    values: dict[int, bytes] = {}
    for entry in _children(parts[2], 0x30):
        number, digest = _children(entry, 0x30)[:2]
        if digest.tag != 0x04:
            raise TLVError(reason="data group hash")
        values[_int(number)] = digest.value
    return SecurityObject(hash_oid, values, signed)


def hash_data(hash_oid: str, data: bytes) -> bytes:
    algorithm = HASHES.get(hash_oid)
    if algorithm is None:
        raise LdsError(file="EF.SOD", reason=f"hash {hash_oid}")
    return hashlib.new(algorithm.name, data).digest()


def _pss_padding(
    params: bytes, default_hash: type[hashes.HashAlgorithm]
) -> tuple[padding.PSS, hashes.HashAlgorithm]:
    # RFC 4055 §3.1 RSASSA-PSS-params: [0] hashAlgorithm, [1] maskGenAlgorithm, [2] saltLength.
    hash_cls: type[hashes.HashAlgorithm] = hashes.SHA1
    salt = 20
    if params:
        for item in _children(tlv.parse_one(params)[0], 0x30):
            if item.tag == 0xA0:
                oid, _ = _algorithm(item.children()[0])
                hash_cls = HASHES.get(oid, default_hash)
            elif item.tag == 0xA2:
                salt = _int(item.children()[0])
    algorithm = hash_cls()
    return padding.PSS(mgf=padding.MGF1(algorithm), salt_length=salt), algorithm


def _verify_signature(cert: x509.Certificate, signer: SignerInfo, signed_bytes: bytes) -> None:
    key = cert.public_key()
    default_hash = HASHES.get(signer.digest_oid, hashes.SHA256)
    oid = signer.signature_oid
    if isinstance(key, rsa.RSAPublicKey):
        if oid == OID_RSASSA_PSS:
            pss, algorithm = _pss_padding(signer.signature_params, default_hash)
            key.verify(signer.signature, signed_bytes, pss, algorithm)
            return
        hash_cls = _RSA_PKCS1.get(oid, default_hash if oid == OID_RSA_ENCRYPTION else None)
        if hash_cls is None:
            raise UnsupportedAlgorithm(oid)
        key.verify(signer.signature, signed_bytes, padding.PKCS1v15(), hash_cls())
        return
    if isinstance(key, ec.EllipticCurvePublicKey):
        hash_cls = _ECDSA.get(oid, default_hash if oid == OID_EC_PUBLIC_KEY else None)
        if hash_cls is None:
            raise UnsupportedAlgorithm(oid)
        signature = signer.signature
        if not signature.startswith(b"\x30"):  # plain r||s (BSI TR-03111) → DER
            half = len(signature) // 2
            signature = encode_dss_signature(
                int.from_bytes(signature[:half], "big"), int.from_bytes(signature[half:], "big")
            )
        key.verify(signature, signed_bytes, ec.ECDSA(hash_cls()))
        return
    raise UnsupportedAlgorithm(type(key).__name__)


def _signer_certificate(signed: SignedData, signer: SignerInfo) -> x509.Certificate:
    # Some issued DS certificates break RFC 5280 (e.g. a negative serial number); they are
    # still read, without cryptography's deprecation warning on every passport.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return _find_signer_certificate(signed, signer)


def _find_signer_certificate(signed: SignedData, signer: SignerInfo) -> x509.Certificate:
    # ``cryptography`` parses certificate fields lazily: a damaged certificate may only fail
    # when its issuer or subject is read, so every access is guarded.
    certs = []
    for raw in signed.certificates:
        try:
            cert = x509.load_der_x509_certificate(raw)
            _ = (cert.issuer, cert.subject, cert.serial_number)
        except Exception:  # untrusted bytes: any parser complaint means "not a usable certificate"
            log.info("unusable certificate in EF.SOD skipped")
            continue
        certs.append(cert)
    for cert in certs:
        if signer.issuer_serial is not None:
            issuer, serial = signer.issuer_serial
            if cert.serial_number == serial and cert.issuer.public_bytes() == issuer:
                return cert
        if signer.subject_key_id is not None:
            try:
                ski = cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
            except (x509.ExtensionNotFound, ValueError):
                continue
            if ski == signer.subject_key_id:
                return cert
    if len(certs) == 1:
        return certs[0]
    raise SodSignatureInvalid(reason="no Document Signer certificate")


@dataclass(frozen=True)
class PassiveAuthResult:
    """What passive authentication established; ``None`` means "not checked"."""

    hash_algorithm: str
    checked: Mapping[int, bool]  # data group number → its hash matches the SOD
    signature_valid: bool | None  # DS signature over the security object
    chain_valid: bool | None  # DS certificate issued by a loaded CSCA (None: no CSCA loaded)
    signer_subject: str = ""  # the Document Signer's name (an institution, not a person)
    problem: str = ""  # reason code of a signature/chain failure

    @property
    def hashes_ok(self) -> bool:
        return bool(self.checked) and all(self.checked.values())


def verify_signature(
    sod: SecurityObject, cscas: Iterable[x509.Certificate] = ()
) -> tuple[bool, bool | None, str, str]:
    """(signature valid, chain valid or None, signer subject, problem) of an SOD."""
    signed = sod.signed
    signer = signed.signers[0]
    try:
        cert = _signer_certificate(signed, signer)
    except SodSignatureInvalid:
        return False, None, "", "no DS certificate"
    try:
        subject = cert.subject.rfc4514_string()
    except Exception:
        subject = ""
    problem = ""
    valid = False
    if signer.signed_attrs:
        if signer.message_digest is None or not hmac.compare_digest(
            hash_data(signer.digest_oid, signed.content), signer.message_digest
        ):
            problem = "message digest"
        signed_bytes = signer.signed_attrs
    else:
        signed_bytes = signed.content
    if not problem:
        try:
            _verify_signature(cert, signer, signed_bytes)
            valid = True
        except InvalidSignature:
            problem = "signature"
        except Exception:  # unsupported algorithm, malformed key or signature encoding
            problem = "algorithm"
    cscas = list(cscas)
    chain: bool | None = None
    if cscas:
        chain = False
        for csca in cscas:
            try:
                cert.verify_directly_issued_by(csca)
            except Exception:  # wrong issuer, bad signature, unsupported key type
                continue
            chain = True
            break
        if not chain and not problem:
            problem = "chain"
    return valid, chain, subject, problem


def passive_authentication(
    sod_bytes: bytes,
    data_groups: Mapping[int, bytes],
    cscas: Iterable[x509.Certificate] = (),
    *,
    strict: bool = True,
) -> PassiveAuthResult:
    """Check every read data group against EF.SOD (and the signature, and the CSCA chain).

    With ``strict`` a hash mismatch raises ``SodMismatch`` naming the data group, and a bad
    signature or chain raises ``SodSignatureInvalid``; without it the result says so.
    """
    sod = parse_sod(sod_bytes)
    checked: dict[int, bool] = {}
    for number, content in sorted(data_groups.items()):
        expected = sod.hashes.get(number)
        checked[number] = expected is not None and hmac.compare_digest(
            hash_data(sod.hash_oid, content), expected
        )
        if strict and not checked[number]:
            raise SodMismatch(file=f"DG{number}")
    valid, chain, subject, problem = verify_signature(sod, cscas)
    if strict and problem:
        raise SodSignatureInvalid(reason=problem)
    return PassiveAuthResult(sod.hash_name, checked, valid, chain, subject, problem)


def load_csca_certificates(data: bytes) -> list[x509.Certificate]:
    """CSCA certificates from PEM (one or more), a DER certificate or an ICAO master list.

    A master list (part 12 §9, CMS with content type 2.23.136.1.1.2) is read for its
    certificate list; its own signature is not checked here.
    """
    if b"-----BEGIN" in data:
        return list(x509.load_pem_x509_certificates(data))
    try:
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        pass
    signed = parse_signed_data(data)
    if signed.content_type != OID_CSCA_MASTER_LIST:
        raise LdsError(file="master list", reason="content type")
    parts = _children(tlv.parse_one(signed.content)[0], 0x30)
    if len(parts) < 2:
        raise TLVError(reason="CscaMasterList too short")
    return [x509.load_der_x509_certificate(c.raw) for c in _children(parts[1], 0x31)]
