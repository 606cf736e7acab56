"""Typed failures of chip reading. Each code has Indonesian and English words below."""

from __future__ import annotations

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError


class EmrtdError(FaskimError):
    code = "emrtd.error"


class TLVError(EmrtdError):
    """Malformed BER-TLV / ASN.1 data from the chip (``reason`` says what)."""

    code = "emrtd.tlv"


class NotAnEmrtd(EmrtdError):
    """SELECT of the eMRTD application (A0000002471001) was refused."""

    code = "emrtd.not_emrtd"


class BacRefused(EmrtdError):
    """The chip refused the MRZ key (SW 6300/6982 on EXTERNAL AUTHENTICATE)."""

    code = "emrtd.bac_refused"


class PaceOnly(EmrtdError):
    """The chip offers PACE (EF.CardAccess present) and refuses BAC."""

    code = "emrtd.pace_only"


class CardRemoved(EmrtdError):
    """The card left the reader, or the link to it broke, in the middle of reading."""

    code = "emrtd.card_removed"


class SecureMessagingError(EmrtdError):
    """A protected response failed its MAC or was malformed: the channel is not trusted."""

    code = "emrtd.secure_messaging"


class ChipError(EmrtdError):
    """The chip answered an unexpected status word (``sw``) at ``step``."""

    code = "emrtd.chip_error"


class FileMissing(EmrtdError):
    """A required elementary file is not on the chip (SW 6A82)."""

    code = "emrtd.file_missing"


class AccessDenied(EmrtdError):
    """Reading a file was refused (SW 6982) although authentication succeeded."""

    code = "emrtd.access_denied"


class LdsError(EmrtdError):
    """A data group's content does not follow Doc 9303 part 10."""

    code = "emrtd.lds"


class SodMismatch(EmrtdError):
    """A data group's hash differs from the one in EF.SOD: the data was altered."""

    code = "emrtd.sod_mismatch"


class SodSignatureInvalid(EmrtdError):
    """EF.SOD's signature or its certificate chain to a CSCA does not verify."""

    code = "emrtd.sod_signature"


MESSAGES: dict[str, dict[str, str]] = {
    "emrtd.error": {"id": "Gagal membaca chip paspor.", "en": "Reading the passport chip failed."},
    "emrtd.tlv": {
        "id": "Data dari chip rusak atau tidak sesuai format ({reason}).",
        "en": "The chip returned malformed data ({reason}).",
    },
    "emrtd.not_emrtd": {
        "id": "Kartu ini bukan paspor elektronik (aplikasi eMRTD tidak ditemukan).",
        "en": "This card is not an electronic passport (no eMRTD application).",
    },
    "emrtd.bac_refused": {
        "id": "Chip menolak kunci MRZ: periksa nomor paspor, tanggal lahir dan tanggal habis berlaku.",
        "en": "The chip refused the MRZ key: check the passport number, date of birth and expiry date.",
    },
    "emrtd.pace_only": {
        "id": "Chip paspor ini hanya mendukung PACE, belum didukung aplikasi ini. Isi data dari MRZ.",
        "en": "This passport chip only supports PACE, which this application does not yet support. "
        "Use the MRZ instead.",
    },
    "emrtd.card_removed": {
        "id": "Paspor diangkat dari pembaca saat dibaca. Letakkan kembali lalu ulangi.",
        "en": "The passport was removed from the reader while reading. Put it back and try again.",
    },
    "emrtd.secure_messaging": {
        "id": "Komunikasi aman dengan chip gagal diverifikasi ({reason}). Ulangi pembacaan.",
        "en": "Secure messaging with the chip failed verification ({reason}). Read again.",
    },
    "emrtd.chip_error": {
        "id": "Chip menjawab dengan status {sw} saat {step}.",
        "en": "The chip answered status {sw} during {step}.",
    },
    "emrtd.file_missing": {
        "id": "Berkas {file} tidak ada di chip.",
        "en": "File {file} is not on the chip.",
    },
    "emrtd.access_denied": {
        "id": "Chip menolak akses ke berkas {file}.",
        "en": "The chip refused access to file {file}.",
    },
    "emrtd.lds": {
        "id": "Isi berkas {file} di chip tidak sesuai standar ICAO ({reason}).",
        "en": "The content of {file} on the chip does not follow ICAO 9303 ({reason}).",
    },
    "emrtd.sod_mismatch": {
        "id": "Data {file} di chip tidak cocok dengan tanda tangan dokumen (SOD): data mungkin diubah.",
        "en": "{file} on the chip does not match the document security object (SOD): data may be altered.",
    },
    "emrtd.sod_signature": {
        "id": "Tanda tangan dokumen (SOD) tidak sah atau tidak berantai ke CSCA ({reason}).",
        "en": "The document security object signature is invalid or does not chain to a CSCA ({reason}).",
    },
}
messages.register(MESSAGES)
