"""3DES secure messaging (ICAO Doc 9303 part 11 §9.8, ISO/IEC 7816-4 §10).

Both sides are here so the card emulator and the reader share one implementation that the
appendix D vectors pin down:

* terminal: ``protect_command`` / ``unprotect_response``;
* chip: ``unprotect_command`` / ``protect_response``.

Data objects: ``87`` padding-indicator + encrypted data, ``97`` expected length (Le), ``99``
processing status (SW1 SW2), ``8E`` cryptographic checksum (8-byte retail MAC). The send
sequence counter is incremented before each MAC computation, on both sides.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from faskim_desktop.core.emrtd import crypto, tlv
from faskim_desktop.core.emrtd.errors import SecureMessagingError, TLVError

SM_CLA = 0x0C  # secure messaging, command header authenticated (ISO/IEC 7816-4 §5.4.1)


@dataclass(frozen=True)
class Command:
    """A plain command APDU (short length fields). ``le`` is None when absent, 256 for "00"."""

    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes = b""
    le: int | None = None

    @classmethod
    def parse(cls, apdu: bytes) -> Command:
        """Split a short-length APDU into its fields (ISO/IEC 7816-3 §12.1, cases 1–4)."""
        if len(apdu) < 4:
            raise ValueError("APDU shorter than its header")
        cla, ins, p1, p2 = apdu[:4]
        body = apdu[4:]
        if not body:
            return cls(cla, ins, p1, p2)
        if len(body) == 1:
            return cls(cla, ins, p1, p2, le=body[0] or 256)
        lc = body[0]
        if lc == 0:
            raise ValueError("extended length APDUs are not supported")
        if len(body) == 1 + lc:
            return cls(cla, ins, p1, p2, data=bytes(body[1:]))
        if len(body) == 2 + lc:
            return cls(cla, ins, p1, p2, data=bytes(body[1 : 1 + lc]), le=body[-1] or 256)
        raise ValueError("APDU length does not match Lc")

    def to_bytes(self) -> bytes:
        out = bytes([self.cla, self.ins, self.p1, self.p2])
        if self.data:
            out += bytes([len(self.data)]) + self.data
        if self.le is not None:
            out += bytes([self.le & 0xFF])
        return out


class SecureMessaging:
    """Session keys and send sequence counter of one secure channel."""

    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes) -> None:
        if len(ks_enc) != 16 or len(ks_mac) != 16 or len(ssc) != 8:
            raise ValueError("3DES secure messaging needs 16-byte keys and an 8-byte SSC")
        self.ks_enc = ks_enc
        self.ks_mac = ks_mac
        self.ssc = ssc

    def _mac(self, message: bytes) -> bytes:
        self.ssc = crypto.increment_ssc(self.ssc)
        return crypto.retail_mac(self.ks_mac, self.ssc + message)

    def _encrypt_do87(self, data: bytes) -> bytes:
        return tlv.encode(0x87, b"\x01" + crypto.tdes_encrypt(self.ks_enc, crypto.pad(data)))

    def _decrypt_do87(self, value: bytes) -> bytes:
        if len(value) < 9 or value[0] != 0x01 or (len(value) - 1) % 8:
            raise SecureMessagingError(reason="DO87")
        try:
            return crypto.unpad(crypto.tdes_decrypt(self.ks_enc, value[1:]))
        except ValueError as exc:
            raise SecureMessagingError(reason="padding") from exc

    # -- terminal side -------------------------------------------------------------------------

    def protect_command(self, apdu: bytes) -> bytes:
        """Wrap a plain command APDU (part 11 §9.8.4 and appendix D.4)."""
        cmd = Command.parse(apdu)
        header = bytes([(cmd.cla & 0xF0) | SM_CLA, cmd.ins, cmd.p1, cmd.p2])
        do87 = self._encrypt_do87(cmd.data) if cmd.data else b""
        do97 = tlv.encode(0x97, bytes([cmd.le & 0xFF])) if cmd.le is not None else b""
        cc = self._mac(crypto.pad(header) + do87 + do97)
        body = do87 + do97 + tlv.encode(0x8E, cc)
        if len(body) > 255:
            raise ValueError("protected command needs extended length")
        return header + bytes([len(body)]) + body + b"\x00"

    def unprotect_response(self, response: bytes) -> bytes:
        """Check and unwrap a protected response: plain data followed by SW1 SW2.

        A response that is only a status word (a chip reporting an error outside secure
        messaging) is returned as it is; the caller treats it as the failure it is.
        """
        if len(response) < 2:
            raise SecureMessagingError(reason="short response")
        body, trailer = response[:-2], response[-2:]
        if not body:
            self.ssc = crypto.increment_ssc(self.ssc)
            return bytes(trailer)
        try:
            objects = tlv.parse_all(body)
        except TLVError as exc:
            raise SecureMessagingError(reason="format") from exc
        mac_input = b""
        data_obj = status = checksum = None
        for obj in objects:
            encoded = tlv.encode(obj.tag, obj.value)
            if obj.tag == 0x8E:
                checksum = obj.value
            elif obj.tag in (0x87, 0x85):
                data_obj = obj
                mac_input += encoded
            elif obj.tag == 0x99:
                status = obj.value
                mac_input += encoded
            else:
                raise SecureMessagingError(reason=f"object {obj.tag:X}")
        if checksum is None:
            raise SecureMessagingError(reason="no MAC")
        expected = self._mac(mac_input)
        if not hmac.compare_digest(expected, checksum):
            raise SecureMessagingError(reason="MAC")
        sw = status if status is not None and len(status) == 2 else trailer
        data = b""
        if data_obj is not None:
            data = self._decrypt_do87(data_obj.value) if data_obj.tag == 0x87 else data_obj.value
        return data + bytes(sw)

    # -- chip side -----------------------------------------------------------------------------

    def unprotect_command(self, apdu: bytes) -> Command:
        """Check a protected command and return it in plain form (the chip's side)."""
        try:
            cmd = Command.parse(apdu)
        except ValueError as exc:
            raise SecureMessagingError(reason="APDU") from exc
        if cmd.cla & 0x0C != SM_CLA:
            raise SecureMessagingError(reason="not protected")
        try:
            objects = tlv.parse_all(cmd.data)
        except TLVError as exc:
            raise SecureMessagingError(reason="format") from exc
        header = bytes([cmd.cla, cmd.ins, cmd.p1, cmd.p2])
        mac_input = crypto.pad(header)
        data = b""
        le: int | None = None
        checksum = None
        for obj in objects:
            if obj.tag == 0x8E:
                checksum = obj.value
                continue
            mac_input += tlv.encode(obj.tag, obj.value)
            if obj.tag == 0x87:
                data = self._decrypt_do87(obj.value)
            elif obj.tag == 0x97:
                le = int.from_bytes(obj.value, "big") if obj.value else 256
                le = le or 256
            else:
                raise SecureMessagingError(reason=f"object {obj.tag:X}")
        if checksum is None:
            raise SecureMessagingError(reason="no MAC")
        if not hmac.compare_digest(self._mac(mac_input), checksum):
            raise SecureMessagingError(reason="MAC")
        return Command(cmd.cla & 0xF0, cmd.ins, cmd.p1, cmd.p2, data, le)

    def protect_response(self, data: bytes, sw: bytes) -> bytes:
        """Wrap response data and status word (the chip's side)."""
        do87 = self._encrypt_do87(data) if data else b""
        do99 = tlv.encode(0x99, sw)
        cc = self._mac(do87 + do99)
        return do87 + do99 + tlv.encode(0x8E, cc) + sw
