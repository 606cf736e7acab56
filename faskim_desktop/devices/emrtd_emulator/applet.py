"""The eMRTD applet: a BAC passport chip's command logic, without any transport.

``EmrtdApplet.respond(apdu) -> data + SW1 SW2`` answers like an ICAO Doc 9303 LDS1 chip with
Basic Access Control:

* SELECT by AID ``A0000002471001`` (part 10 §3.10), SELECT MF and EF.CardAccess (PACE profile);
* GET CHALLENGE and EXTERNAL AUTHENTICATE checking the MRZ key (part 11 §4.3): wrong key →
  ``6300``; a PACE-only profile refuses BAC with ``6982``;
* plain READ BINARY of the protected files → ``6982`` (security status not satisfied);
* after BAC, SELECT and READ BINARY only under secure messaging; a plain command or a bad MAC
  ends the session (``6987``/``6988``), as part 11 §9.8.7 requires.

The same object plugs into the simulated PC/SC reader (``atr``, ``reset``, ``respond``) and,
through ``VpcdCard``, into vsmartcard's vpcd.
"""

from __future__ import annotations

import logging
import os

from faskim_desktop.core.emrtd import bac
from faskim_desktop.core.emrtd.errors import SecureMessagingError
from faskim_desktop.core.emrtd.reader import EMRTD_AID
from faskim_desktop.core.emrtd.secure_messaging import Command, SecureMessaging
from faskim_desktop.devices.emrtd_emulator.passport import ChipContent, PassportProfile

log = logging.getLogger(__name__)

SW_OK = b"\x90\x00"
SW_END_OF_FILE = b"\x62\x82"
SW_AUTH_FAILED = b"\x63\x00"
SW_WRONG_LENGTH = b"\x67\x00"
SW_SECURITY = b"\x69\x82"
SW_CONDITIONS = b"\x69\x85"
SW_SM_MISSING = b"\x69\x87"
SW_SM_WRONG = b"\x69\x88"
SW_WRONG_PARAMS = b"\x6a\x86"
SW_NOT_FOUND = b"\x6a\x82"
SW_WRONG_OFFSET = b"\x6b\x00"
SW_INS = b"\x6d\x00"
SW_CLA = b"\x6e\x00"

MF = 0x3F00
FID_CARD_ACCESS = 0x011C


def make_atr(historical: bytes) -> bytes:
    """ISO/IEC 7816-3 ATR: TS=3B, T0 (TD1 + historical count), TD1=80 (T=0), TD2=01 (T=1), TCK."""
    body = bytes([0x80 | len(historical), 0x80, 0x01]) + historical
    tck = 0
    for byte in body:
        tck ^= byte
    return b"\x3b" + body + bytes([tck])


class EmrtdApplet:
    """One emulated passport chip. Not thread-safe: one reader talks to it at a time."""

    def __init__(self, profile: PassportProfile, content: ChipContent | None = None) -> None:
        self.profile = profile
        self.content = content or ChipContent.build(profile)
        self.atr = make_atr(b"FASKIMeMRTD")
        self._keys = bac.BacKeys.from_mrz_information(self.content.mrz_key)
        self.reset()

    def reset(self) -> None:
        """Power-on state: MF selected, no challenge, no secure channel."""
        self._app_selected = False
        self._selected: int | None = MF
        self._rnd_ic: bytes | None = None
        self._sm: SecureMessaging | None = None

    # -- dispatch ------------------------------------------------------------------------------

    def respond(self, apdu: bytes) -> bytes:
        try:
            cmd = Command.parse(bytes(apdu))
        except ValueError:
            return SW_WRONG_LENGTH
        if self._sm is not None:
            return self._respond_protected(bytes(apdu), cmd)
        if cmd.cla & 0x0C:
            return SW_SM_MISSING if self._app_selected else SW_CLA
        return self._plain(cmd)

    def _respond_protected(self, apdu: bytes, outer: Command) -> bytes:
        sm = self._sm
        assert sm is not None
        if outer.cla & 0x0C != 0x0C:
            self._end_session()
            return SW_SM_MISSING
        try:
            cmd = sm.unprotect_command(apdu)
        except SecureMessagingError:
            self._end_session()
            return SW_SM_WRONG
        data, sw = self._secured(cmd)
        return sm.protect_response(data, sw)

    def _end_session(self) -> None:
        log.debug("secure messaging session ended")
        self._sm = None
        self._rnd_ic = None

    # -- plain commands ------------------------------------------------------------------------

    def _plain(self, cmd: Command) -> bytes:
        if cmd.ins == 0xA4:
            return self._select(cmd)[1]
        if cmd.ins == 0x84:
            if not self._app_selected:
                return SW_CONDITIONS
            if cmd.le != 8:
                return SW_WRONG_LENGTH
            self._rnd_ic = os.urandom(8)
            return self._rnd_ic + SW_OK
        if cmd.ins == 0x82:
            return self._external_authenticate(cmd)
        if cmd.ins == 0xB0:
            if self._selected == FID_CARD_ACCESS and self.content.card_access is not None:
                data, sw = self._read(self.content.card_access, cmd)
                return data + sw
            return SW_SECURITY  # LDS files need BAC first
        return SW_INS

    def _external_authenticate(self, cmd: Command) -> bytes:
        if not self._app_selected or self._rnd_ic is None:
            return SW_CONDITIONS
        if self.profile.pace_only:
            return SW_SECURITY
        rnd_ic, self._rnd_ic = self._rnd_ic, None  # a challenge is good for one attempt
        answer = bac.chip_answer(self._keys, rnd_ic, cmd.data)
        if answer is None:
            log.debug("BAC refused")
            return SW_AUTH_FAILED
        reply, self._sm = answer
        log.debug("BAC established")
        return reply + SW_OK

    # -- shared by plain and protected ---------------------------------------------------------

    def _select(self, cmd: Command) -> tuple[bytes, bytes]:
        if cmd.p1 == 0x04:  # by DF name
            if cmd.data == EMRTD_AID:
                if self._sm is not None:
                    self._end_session()
                self._app_selected = True
                self._selected = None
                return b"", SW_OK
            return b"", SW_NOT_FOUND
        if len(cmd.data) != 2:
            return b"", SW_WRONG_LENGTH
        fid = int.from_bytes(cmd.data, "big")
        if cmd.p1 == 0x00 and fid == MF:
            self._app_selected = False
            self._selected = MF
            self._sm = None
            return b"", SW_OK
        if cmd.p1 in (0x02, 0x00):
            if not self._app_selected:
                if fid == FID_CARD_ACCESS and self.content.card_access is not None:
                    self._selected = fid
                    return b"", SW_OK
                return b"", SW_NOT_FOUND
            if fid in self.content.files:
                self._selected = fid
                return b"", SW_OK
            return b"", SW_NOT_FOUND
        return b"", SW_WRONG_PARAMS

    def _read(self, content: bytes, cmd: Command) -> tuple[bytes, bytes]:
        if cmd.p1 & 0x80:
            return b"", SW_WRONG_PARAMS  # short EF identifiers not offered
        offset = (cmd.p1 << 8) | cmd.p2
        if offset > len(content):
            return b"", SW_WRONG_OFFSET
        want = cmd.le if cmd.le is not None else 256
        chunk = content[offset : offset + want]
        return chunk, SW_OK if len(chunk) == want else SW_END_OF_FILE

    def _secured(self, cmd: Command) -> tuple[bytes, bytes]:
        if cmd.ins == 0xA4:
            return self._select(cmd)
        if cmd.ins == 0xB0:
            if self._selected is None or self._selected not in self.content.files:
                return b"", SW_CONDITIONS
            return self._read(self.content.files[self._selected], cmd)
        return b"", SW_INS


class VpcdCard:
    """``EmrtdApplet`` seen as vpcd_link's ``VirtualCard`` (power and ATR control codes)."""

    def __init__(self, applet: EmrtdApplet) -> None:
        self.applet = applet

    def atr(self) -> bytes:
        return self.applet.atr

    def power_on(self) -> None:
        self.applet.reset()

    def power_off(self) -> None:
        self.applet.reset()

    def reset(self) -> None:
        self.applet.reset()

    def apdu(self, command: bytes) -> bytes:
        return self.applet.respond(command)
