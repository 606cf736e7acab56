"""Basic Access Control (ICAO Doc 9303 part 11 §4.3): mutual authentication and session keys.

Terminal side: GET CHALLENGE gives RND.IC; the terminal sends EXTERNAL AUTHENTICATE with
``E_IFD = 3DES(K_Enc, RND.IFD || RND.IC || K.IFD)`` and ``M_IFD = MAC(K_MAC, E_IFD)``; the chip
answers ``E_IC || M_IC`` over ``RND.IC || RND.IFD || K.IC``. The session key seed is
``K.IFD xor K.IC`` and the send sequence counter the low four bytes of RND.IC then of RND.IFD
(§9.8.2). The chip side is here as well for the card emulator.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable
from dataclasses import dataclass

from faskim_desktop.core.emrtd import crypto
from faskim_desktop.core.emrtd.errors import BacRefused, ChipError
from faskim_desktop.core.emrtd.secure_messaging import SecureMessaging

GET_CHALLENGE = bytes.fromhex("0084000008")


@dataclass(frozen=True)
class BacKeys:
    k_enc: bytes
    k_mac: bytes

    @classmethod
    def from_mrz_information(cls, mrz_information: str) -> BacKeys:
        """Keys from the MRZ information, e.g. ``"L898902C<369080619406236"`` (appendix D.2)."""
        seed = crypto.bac_key_seed(mrz_information)
        return cls(crypto.derive_key(seed, crypto.ENC_COUNTER), crypto.derive_key(seed, crypto.MAC_COUNTER))


def session_from_seed(k_seed: bytes, rnd_ic: bytes, rnd_ifd: bytes) -> SecureMessaging:
    return SecureMessaging(
        crypto.derive_key(k_seed, crypto.ENC_COUNTER),
        crypto.derive_key(k_seed, crypto.MAC_COUNTER),
        rnd_ic[4:8] + rnd_ifd[4:8],
    )


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


# -- terminal ----------------------------------------------------------------------------------


def external_authenticate_data(keys: BacKeys, rnd_ic: bytes, rnd_ifd: bytes, k_ifd: bytes) -> bytes:
    """The 40-byte command data ``E_IFD || M_IFD`` (appendix D.3)."""
    e_ifd = crypto.tdes_encrypt(keys.k_enc, rnd_ifd + rnd_ic + k_ifd)
    return e_ifd + crypto.retail_mac(keys.k_mac, e_ifd)


def complete(keys: BacKeys, rnd_ic: bytes, rnd_ifd: bytes, k_ifd: bytes, response: bytes) -> SecureMessaging:
    """Check the chip's ``E_IC || M_IC`` and derive the secure channel (appendix D.3)."""
    if len(response) != 40:
        raise BacRefused(reason="length")
    e_ic, m_ic = response[:32], response[32:]
    if not hmac.compare_digest(crypto.retail_mac(keys.k_mac, e_ic), m_ic):
        raise BacRefused(reason="MAC")
    r = crypto.tdes_decrypt(keys.k_enc, e_ic)
    if r[:8] != rnd_ic or r[8:16] != rnd_ifd:
        raise BacRefused(reason="nonce")
    return session_from_seed(_xor(k_ifd, r[16:32]), rnd_ic, rnd_ifd)


def authenticate(
    transmit: Callable[[bytes], bytes],
    keys: BacKeys,
    *,
    rnd_ifd: bytes | None = None,
    k_ifd: bytes | None = None,
) -> SecureMessaging:
    """Run GET CHALLENGE and EXTERNAL AUTHENTICATE over ``transmit``.

    Raises ``BacRefused`` with ``sw`` when the chip refuses the key (6300 or 6982 per
    part 11 §4.3.4) and lets other status words surface as ``ChipError`` via the caller.
    """
    rnd_ifd = rnd_ifd or os.urandom(8)
    k_ifd = k_ifd or os.urandom(16)
    answer = transmit(GET_CHALLENGE)
    if len(answer) != 10 or answer[-2:] != b"\x90\x00":
        raise ChipError(sw=answer[-2:].hex().upper(), step="GET CHALLENGE")
    rnd_ic = answer[:8]
    data = external_authenticate_data(keys, rnd_ic, rnd_ifd, k_ifd)
    answer = transmit(bytes.fromhex("0082000028") + data + b"\x28")
    sw = answer[-2:]
    # 6300 "authentication failed" / 6982 "security status not satisfied" (part 11 §4.3.4);
    # some chips say 63Cx (tries left), 6985 or 6988 for the same refusal.
    if sw[:1] == b"\x63" or sw in (b"\x69\x82", b"\x69\x85", b"\x69\x88"):
        raise BacRefused(sw=sw.hex().upper())
    if sw != b"\x90\x00":
        raise ChipError(sw=sw.hex().upper(), step="EXTERNAL AUTHENTICATE")
    return complete(keys, rnd_ic, rnd_ifd, k_ifd, answer[:-2])


# -- chip --------------------------------------------------------------------------------------


def chip_answer(
    keys: BacKeys, rnd_ic: bytes, command_data: bytes, k_ic: bytes | None = None
) -> tuple[bytes, SecureMessaging] | None:
    """The chip's reply ``E_IC || M_IC`` and its secure channel, or None if the key is wrong."""
    if len(command_data) != 40:
        return None
    e_ifd, m_ifd = command_data[:32], command_data[32:]
    if not hmac.compare_digest(crypto.retail_mac(keys.k_mac, e_ifd), m_ifd):
        return None
    s = crypto.tdes_decrypt(keys.k_enc, e_ifd)
    rnd_ifd, echoed, k_ifd = s[:8], s[8:16], s[16:32]
    if echoed != rnd_ic:
        return None
    k_ic = k_ic or os.urandom(16)
    e_ic = crypto.tdes_encrypt(keys.k_enc, rnd_ic + rnd_ifd + k_ic)
    reply = e_ic + crypto.retail_mac(keys.k_mac, e_ic)
    return reply, session_from_seed(_xor(k_ifd, k_ic), rnd_ic, rnd_ifd)
