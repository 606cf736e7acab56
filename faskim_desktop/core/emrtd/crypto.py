"""Symmetric cryptography of BAC and 3DES secure messaging (ICAO Doc 9303 part 11).

* Key derivation (§9.7.1): ``K = SHA-1(K_seed || c)[:16]`` with counter ``c`` = 1 for
  encryption, 2 for MAC, then DES parity adjusted; ``K_seed = SHA-1(MRZ_information)[:16]``
  for BAC (§4.3.2).
* Encryption (§9.8.6.1): two-key 3DES in CBC mode with a zero IV.
* MAC (§9.8.6.2): ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES, padding method 2.
* Send sequence counter (§9.8.2): an 8-byte big-endian counter, incremented before every
  protected command and every protected response.

Single DES is obtained as 3DES with K1 = K2 = K3, which is what ``cryptography`` offers.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.ciphers import Cipher, modes

try:  # cryptography >= 43 keeps 3DES under "decrepit"
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
except ImportError:  # pragma: no cover - older cryptography
    from cryptography.hazmat.primitives.ciphers.algorithms import TripleDES  # type: ignore[no-redef]

ENC_COUNTER = 1
MAC_COUNTER = 2
_ZERO_IV = bytes(8)


def adjust_parity(key: bytes) -> bytes:
    """Set each byte's least significant bit so the byte has odd parity (FIPS 46-3)."""
    out = bytearray()
    for byte in key:
        high = byte & 0xFE
        out.append(high | ((bin(high).count("1") + 1) & 1))
    return bytes(out)


def bac_key_seed(mrz_information: str) -> bytes:
    """``K_seed`` of BAC: the first 16 bytes of SHA-1 over the MRZ information (§4.3.2)."""
    return hashlib.sha1(mrz_information.encode("ascii")).digest()[:16]


def derive_key(seed: bytes, counter: int) -> bytes:
    """A 16-byte two-key 3DES key with DES parity from ``seed`` (§9.7.1)."""
    digest = hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()
    return adjust_parity(digest[:16])


def pad(data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a multiple of 8 bytes."""
    padded = data + b"\x80"
    return padded + bytes(-len(padded) % 8)


def unpad(data: bytes) -> bytes:
    """Remove padding method 2; ``ValueError`` when the padding is not there."""
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80 or len(data) - len(stripped) > 7:
        raise ValueError("bad padding")
    return stripped[:-1]


def _tdes(key: bytes) -> TripleDES:
    # Expand to the three-key form (K1 K2 K1 / K1 K1 K1): same cipher, no deprecated key sizes.
    if len(key) == 8:
        return TripleDES(key * 3)
    if len(key) == 16:
        return TripleDES(key + key[:8])
    if len(key) == 24:
        return TripleDES(key)
    raise ValueError("3DES key must be 8, 16 or 24 bytes")


def tdes_encrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    if len(data) % 8:
        raise ValueError("3DES input must be a multiple of 8 bytes")
    enc = Cipher(_tdes(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def tdes_decrypt(key: bytes, data: bytes, iv: bytes = _ZERO_IV) -> bytes:
    if len(data) % 8:
        raise ValueError("3DES input must be a multiple of 8 bytes")
    dec = Cipher(_tdes(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def retail_mac(key: bytes, data: bytes, *, padded: bool = False) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with DES: CBC-MAC under K1, last block D(K2) then E(K1).

    ``data`` is padded with method 2 unless ``padded`` says it already is.
    """
    if len(key) != 16:
        raise ValueError("retail MAC key must be 16 bytes")
    message = data if padded else pad(data)
    if not message or len(message) % 8:
        raise ValueError("MAC input must be a non-empty multiple of 8 bytes")
    k1, k2 = key[:8], key[8:]
    # Single-DES CBC over all blocks with K1; the last ciphertext block is the chaining value.
    chained = tdes_encrypt(k1, message)[-8:]
    # Output transformation 3: decrypt with K2, encrypt with K1 (= 3DES-EDE block with K1,K2,K1).
    step = Cipher(_tdes(k2), modes.ECB()).decryptor().update(chained)
    return Cipher(_tdes(k1), modes.ECB()).encryptor().update(step)


def increment_ssc(ssc: bytes) -> bytes:
    value = (int.from_bytes(ssc, "big") + 1) % (1 << (8 * len(ssc)))
    return value.to_bytes(len(ssc), "big")
