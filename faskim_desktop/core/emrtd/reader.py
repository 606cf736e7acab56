"""Reading an ePassport chip end to end over any ``transmit`` (ICAO Doc 9303 parts 10 and 11).

``PassportReader(transmit).read(mrz_key)`` selects the eMRTD application, runs Basic Access
Control, reads EF.COM, DG1, DG2 and EF.SOD under secure messaging and checks the data groups
against EF.SOD. ``transmit`` takes a command APDU and returns response data + SW1 SW2 — a PC/SC
``CardConnection.transmit``, the in-process card emulator's ``respond`` or a recording.

Every way a read can fail is a typed ``EmrtdError`` (see ``errors``): wrong key, PACE-only chip,
card removed mid-read, missing file, tampered data. Nothing here logs personal data.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cryptography import x509

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd import bac, lds, tlv
from faskim_desktop.core.emrtd.errors import (
    AccessDenied,
    BacRefused,
    CardRemoved,
    ChipError,
    EmrtdError,
    FileMissing,
    NotAnEmrtd,
    PaceOnly,
    SecureMessagingError,
    TLVError,
)
from faskim_desktop.core.emrtd.secure_messaging import SecureMessaging
from faskim_desktop.core.errors import FaskimError

log = logging.getLogger(__name__)

EMRTD_AID = bytes.fromhex("A0000002471001")  # part 10 §3.10.2, LDS1 eMRTD application
SELECT_AID = bytes.fromhex("00A4040C07") + EMRTD_AID
# Largest READ BINARY whose protected answer still fits a short response:
# 3 (87 81 L) + 1 + 232 (padded 231 bytes) + 4 (DO'99') + 10 (DO'8E') = 250 ≤ 256.
MAX_CHUNK = 231
MAX_SHORT_OFFSET = 0x7FFF  # READ BINARY with even INS addresses 15 bits (ISO/IEC 7816-4 §11.2)

SW_OK = b"\x90\x00"
SW_END_OF_FILE = b"\x62\x82"  # fewer bytes than Le: end of file reached
SW_FILE_NOT_FOUND = b"\x6a\x82"
SW_SECURITY = b"\x69\x82"
# Status words for "this instruction is not offered" (ISO/IEC 7816-4 §5.6).
SW_NOT_SUPPORTED = (b"\x6d\x00", b"\x6e\x00", b"\x6a\x81", b"\x69\x85", b"\x69\x86")

FILE_NAMES = {lds.FID_COM: "EF.COM", lds.FID_SOD: "EF.SOD", **{lds.dg_fid(n): f"DG{n}" for n in lds.DG_TAGS}}

Progress = Callable[[str, int, int], None]  # (file name, bytes read, total bytes)


@dataclass(frozen=True)
class PassportData:
    ef_com: lds.EfCom
    dg1: mrz.MrzData
    face: lds.FaceImage | None
    files: dict[str, bytes] = field(repr=False)  # "EF.COM", "DG1", "DG2", "EF.SOD" → raw bytes
    passive_auth: lds.PassiveAuthResult | None  # None when the chip has no EF.SOD

    @property
    def sod_ok(self) -> bool | None:
        """True when every read data group matches EF.SOD; None without an EF.SOD."""
        return None if self.passive_auth is None else self.passive_auth.hashes_ok


# Codes of the device layer's NotConnected/CardRemoved (devices.errors); matched by code so the
# core does not import the device layer.
REMOVAL_CODES = frozenset({"device.not_connected", "device.card_removed"})


def _is_removal(exc: BaseException) -> bool:
    if isinstance(exc, FaskimError):
        return exc.code in REMOVAL_CODES
    return isinstance(exc, ConnectionError | EOFError | BrokenPipeError)


class PassportReader:
    """The eMRTD read protocol over a ``transmit`` callable; holds no PC/SC state itself."""

    def __init__(
        self,
        transmit: Callable[[bytes], bytes],
        *,
        chunk_size: int = MAX_CHUNK,
        random: Callable[[int], bytes] = os.urandom,
    ) -> None:
        """``random`` gives the terminal's nonce and key share (replaced only to replay a trace)."""
        self._transmit_fn = transmit
        self._random = random
        self.chunk_size = max(1, min(chunk_size, MAX_CHUNK))
        self._sm: SecureMessaging | None = None

    # -- transport -----------------------------------------------------------------------------

    def _transmit(self, apdu: bytes) -> bytes:
        try:
            answer = self._transmit_fn(apdu)
        except EmrtdError:
            raise
        except Exception as exc:
            if _is_removal(exc):
                raise CardRemoved() from exc
            raise
        if len(answer) < 2:
            raise ChipError(sw="", step="response")
        return answer

    def _send(self, apdu: bytes) -> bytes:
        """Send a command, protected when a secure channel is up; plain data + SW back."""
        if self._sm is None:
            return self._transmit(apdu)
        answer = self._transmit(self._sm.protect_command(apdu))
        return self._sm.unprotect_response(answer)

    # -- steps ---------------------------------------------------------------------------------

    def select_application(self) -> None:
        sw = self._transmit(SELECT_AID)[-2:]
        if sw in (b"\x69\x87", b"\x69\x88"):
            # A previous program left a secure channel open on the chip (PC/SC disconnect
            # without reset); a plain command ends it (part 11 §9.8.7), so select again.
            sw = self._transmit(SELECT_AID)[-2:]
        if sw != SW_OK:
            raise NotAnEmrtd(sw=sw.hex().upper())

    def _has_card_access(self) -> bool:
        """EF.CardAccess in the master file means the chip offers PACE (part 11 §4.4)."""
        try:
            if self._transmit(bytes.fromhex("00A4000C023F00"))[-2:] != SW_OK:
                return False
            return self._transmit(bytes.fromhex("00A4020C02011C"))[-2:] == SW_OK
        except (ChipError, CardRemoved):
            raise
        except EmrtdError:
            return False

    def authenticate(self, mrz_key: str) -> None:
        """Basic Access Control with the MRZ information (``core.mrz.mrz_key``)."""
        keys = bac.BacKeys.from_mrz_information(mrz_key)
        try:
            rnd_ifd = self._random(8)
            self._sm = bac.authenticate(self._transmit, keys, rnd_ifd=rnd_ifd, k_ifd=self._random(16))
        except BacRefused as refused:
            sw = str(refused.params.get("sw", ""))
            # 63xx: the chip compared the cryptogram, so the key is wrong; no status word: the
            # chip's own answer did not verify. Only a bare refusal may mean "PACE only".
            if not sw or sw.startswith("63"):
                raise
            if self._has_card_access():
                raise PaceOnly() from refused
            raise
        except ChipError as err:
            # GET CHALLENGE / EXTERNAL AUTHENTICATE not offered at all: a PACE-only chip?
            if (
                bytes.fromhex(str(err.params.get("sw", "")) or "00") in SW_NOT_SUPPORTED
                and self._has_card_access()
            ):
                raise PaceOnly() from err
            raise
        log.debug("BAC established")

    def read_file(self, fid: int, progress: Progress | None = None) -> bytes:
        """SELECT the file under secure messaging and READ BINARY it whole, in chunks."""
        name = FILE_NAMES.get(fid, f"{fid:04X}")
        sw = self._send(bytes([0x00, 0xA4, 0x02, 0x0C, 0x02, fid >> 8, fid & 0xFF]))[-2:]
        if sw == SW_FILE_NOT_FOUND:
            raise FileMissing(file=name)
        if sw == SW_SECURITY:
            raise AccessDenied(file=name)
        if sw != SW_OK:
            raise ChipError(sw=sw.hex().upper(), step=f"SELECT {name}")
        # The first four bytes hold the tag and a length of up to 64 KiB (as in part 11
        # appendix D.4); a longer length form needs one more read.
        head, eof = self._read_binary(0, 4, name)
        try:
            _, length, header = tlv.read_header(head)
        except TLVError:
            if eof:
                raise TLVError(reason=f"{name} header") from None
            more, eof = self._read_binary(len(head), 4, name)
            head += more
            try:
                _, length, header = tlv.read_header(head)
            except TLVError as exc:
                raise TLVError(reason=f"{name} header") from exc
        total = header + length
        if total - 1 > MAX_SHORT_OFFSET + self.chunk_size:
            raise ChipError(sw="", step=f"{name} larger than 32 KiB")
        data = bytearray(head[:total])
        while len(data) < total and not eof:
            want = min(self.chunk_size, total - len(data))
            chunk, eof = self._read_binary(len(data), want, name)
            if not chunk:
                break
            data += chunk
            if progress is not None:
                progress(name, len(data), total)
        if len(data) < total:
            raise TLVError(reason=f"{name} shorter than its length")
        return bytes(data[:total])

    def _read_binary(self, offset: int, length: int, name: str) -> tuple[bytes, bool]:
        """(data, end of file reached) of one READ BINARY; a 6Cxx answer is retried with Le=xx."""
        if offset > MAX_SHORT_OFFSET:
            raise ChipError(sw="", step=f"{name} larger than 32 KiB")
        for _ in range(2):
            answer = self._send(bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, length & 0xFF]))
            data, sw = answer[:-2], answer[-2:]
            if sw == SW_OK:
                return data, len(data) < length
            if sw == SW_END_OF_FILE:
                return data, True
            if sw[0] == 0x6C and sw[1]:  # wrong Le; the exact length is SW2
                length = sw[1]
                continue
            if sw in (b"\x6b\x00", b"\x6a\x86") and offset > 0:  # offset past the end
                return b"", True
            if sw == SW_SECURITY:
                raise AccessDenied(file=name)
            if sw in (b"\x69\x87", b"\x69\x88"):  # the chip rejected our SM objects
                raise SecureMessagingError(reason=sw.hex().upper())
            raise ChipError(sw=sw.hex().upper(), step=f"READ BINARY {name}")
        raise ChipError(sw=sw.hex().upper(), step=f"READ BINARY {name}")

    # -- the whole read ------------------------------------------------------------------------

    def read(
        self,
        mrz_key: str,
        *,
        read_face: bool = True,
        cscas: Iterable[x509.Certificate] = (),
        strict: bool = True,
        progress: Progress | None = None,
    ) -> PassportData:
        """SELECT, BAC, EF.COM, DG1, DG2 (when present and asked for), EF.SOD, passive auth.

        ``strict`` raises ``SodMismatch``/``SodSignatureInvalid``; otherwise the result's
        ``passive_auth`` tells. Without an EF.SOD on the chip ``passive_auth`` is None.
        """
        self._sm = None
        self.select_application()
        self.authenticate(mrz_key)
        files: dict[str, bytes] = {}
        try:
            files["EF.COM"] = self.read_file(lds.FID_COM, progress)
            ef_com = lds.parse_ef_com(files["EF.COM"])
        except FileMissing:
            # LDS 1.8 chips may omit EF.COM (part 10 §4.6.1): DG1 and DG2 are mandatory anyway.
            log.info("chip has no EF.COM")
            ef_com = lds.EfCom("", "", (1, 2))
        files["DG1"] = self.read_file(lds.dg_fid(1), progress)
        dg1 = lds.parse_dg1(files["DG1"])
        face = None
        if read_face and 2 in ef_com.data_groups:
            files["DG2"] = self.read_file(lds.dg_fid(2), progress)
            face = lds.parse_dg2(files["DG2"])
        passive = None
        try:
            files["EF.SOD"] = self.read_file(lds.FID_SOD, progress)
        except FileMissing:
            log.info("chip has no EF.SOD: passive authentication not possible")
        if "EF.SOD" in files:
            groups = {int(k[2:]): v for k, v in files.items() if k.startswith("DG")}
            passive = lds.passive_authentication(files["EF.SOD"], groups, cscas, strict=strict)
        return PassportData(ef_com, dg1, face, files, passive)
