"""The worked example of ICAO Doc 9303 part 11 (8th edition, 2021), appendix D.

Source of every value below: Doc 9303 part 11 appendix D, "Worked example: Basic Access
Control" — D.2 (key derivation), D.3 (mutual authentication and session keys) and D.4
(secure messaging: SELECT EF.COM and two READ BINARY commands). The values were cross-checked
against several independent public eMRTD implementations' test suites quoting the same
appendix. None is computed by this project's code.
"""

from __future__ import annotations

import pytest

from faskim_desktop.core import mrz
from faskim_desktop.core.emrtd import bac, crypto
from faskim_desktop.core.emrtd.errors import BacRefused, SecureMessagingError
from faskim_desktop.core.emrtd.secure_messaging import SecureMessaging

H = bytes.fromhex

# D.2 — document number L898902C<, date of birth 690806, date of expiry 940623.
MRZ_INFORMATION = "L898902C<369080619406236"
K_SEED = H("239AB9CB282DAF66231DC5A4DF6BFBAE")
K_ENC = H("AB94FDECF2674FDFB9B391F85D7F76F2")
K_MAC = H("7962D9ECE03D1ACD4C76089DCE131543")

# D.3 — mutual authentication.
RND_IC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
S = H("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B")
E_IFD = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
M_IFD = H("5F1448EEA8AD90A7")
K_IC = H("0B4F80323EB3191CB04970CB4052790B")
R = H("4608F91988702212781723860C06C2260B4F80323EB3191CB04970CB4052790B")
E_IC = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F")
M_IC = H("2F2D235D074D7449")
SESSION_SEED = H("0036D272F5C350ACAC50C3F572D23600")
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")

# D.4 — secure messaging: (plain command, protected command, protected response, plain data).
SM_EXCHANGES = [
    ("00A4020C02011E", "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
     "990290008E08FA855A5D4C50A8ED9000", ""),
    ("00B0000004", "0CB000000D9701048E08ED6705417E96BA5500",
     "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000", "60145F01"),
    ("00B0000412", "0CB000040D9701128E082EA28A70F3C7B53500",
     "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000",
     "04303130365F36063034303030305C026175"),
]  # fmt: skip


def test_d2_mrz_information_and_key_seed() -> None:
    assert mrz.mrz_key("L898902C<", "690806", "940623") == MRZ_INFORMATION
    assert crypto.bac_key_seed(MRZ_INFORMATION) == K_SEED


def test_d2_basic_access_keys_with_parity() -> None:
    assert crypto.derive_key(K_SEED, crypto.ENC_COUNTER) == K_ENC
    assert crypto.derive_key(K_SEED, crypto.MAC_COUNTER) == K_MAC
    keys = bac.BacKeys.from_mrz_information(MRZ_INFORMATION)
    assert (keys.k_enc, keys.k_mac) == (K_ENC, K_MAC)


def test_d3_terminal_cryptogram() -> None:
    assert RND_IFD + RND_IC + K_IFD == S
    assert crypto.tdes_encrypt(K_ENC, S) == E_IFD
    assert crypto.retail_mac(K_MAC, E_IFD) == M_IFD
    data = bac.external_authenticate_data(bac.BacKeys(K_ENC, K_MAC), RND_IC, RND_IFD, K_IFD)
    assert data == E_IFD + M_IFD


def test_d3_chip_answer_and_session_keys() -> None:
    assert crypto.tdes_decrypt(K_ENC, E_IC) == R
    assert crypto.retail_mac(K_MAC, E_IC) == M_IC
    sm = bac.complete(bac.BacKeys(K_ENC, K_MAC), RND_IC, RND_IFD, K_IFD, E_IC + M_IC)
    assert bytes(a ^ b for a, b in zip(K_IFD, K_IC, strict=True)) == SESSION_SEED
    assert (sm.ks_enc, sm.ks_mac, sm.ssc) == (KS_ENC, KS_MAC, SSC)


def test_d3_chip_side_produces_the_same_answer() -> None:
    answer = bac.chip_answer(bac.BacKeys(K_ENC, K_MAC), RND_IC, E_IFD + M_IFD, k_ic=K_IC)
    assert answer is not None
    reply, sm = answer
    assert reply == E_IC + M_IC
    assert (sm.ks_enc, sm.ks_mac, sm.ssc) == (KS_ENC, KS_MAC, SSC)


def test_d3_full_exchange_over_a_recorded_transmit() -> None:
    sent: list[bytes] = []
    replies = iter([RND_IC + H("9000"), E_IC + M_IC + H("9000")])

    def transmit(apdu: bytes) -> bytes:
        sent.append(apdu)
        return next(replies)

    sm = bac.authenticate(transmit, bac.BacKeys(K_ENC, K_MAC), rnd_ifd=RND_IFD, k_ifd=K_IFD)
    assert sent == [H("0084000008"), H("0082000028") + E_IFD + M_IFD + H("28")]
    assert sm.ssc == SSC


def test_d4_intermediate_values_of_select() -> None:
    # D.4 step by step for SELECT EF.COM: DO'87', SSC, MAC input N and checksum CC.
    assert crypto.tdes_encrypt(KS_ENC, crypto.pad(H("011E"))) == H("6375432908C044F6")
    assert crypto.increment_ssc(SSC) == H("887022120C06C227")
    n = H("887022120C06C2270CA4020C800000008709016375432908C044F6")
    assert crypto.pad(n) == n + H("8000000000")
    assert crypto.retail_mac(KS_MAC, n) == H("BF8B92D635FF24F8")


def test_d4_protect_and_unprotect() -> None:
    sm = SecureMessaging(KS_ENC, KS_MAC, SSC)
    for plain, protected, response, data in SM_EXCHANGES:
        assert sm.protect_command(H(plain)) == H(protected)
        assert sm.unprotect_response(H(response)) == H(data) + H("9000")
    assert sm.ssc == H("887022120C06C22C")


def test_d4_chip_side_reproduces_the_responses() -> None:
    chip = SecureMessaging(KS_ENC, KS_MAC, SSC)
    for plain, protected, response, data in SM_EXCHANGES:
        cmd = chip.unprotect_command(H(protected))
        assert cmd.to_bytes() == H(plain)
        assert chip.protect_response(H(data), H("9000")) == H(response)


def test_d4_tampered_response_is_refused() -> None:
    sm = SecureMessaging(KS_ENC, KS_MAC, SSC)
    sm.protect_command(H(SM_EXCHANGES[0][0]))
    bad = bytearray(H(SM_EXCHANGES[0][2]))
    bad[3] ^= 0x01  # flip a bit in DO'99'
    with pytest.raises(SecureMessagingError):
        sm.unprotect_response(bytes(bad))


def test_wrong_key_is_refused_by_the_chip_side() -> None:
    wrong = bac.BacKeys.from_mrz_information(mrz.mrz_key("L898902C", "690806", "940624"))
    data = bac.external_authenticate_data(wrong, RND_IC, RND_IFD, K_IFD)
    assert bac.chip_answer(bac.BacKeys(K_ENC, K_MAC), RND_IC, data) is None


def test_wrong_chip_answer_is_refused_by_the_terminal() -> None:
    with pytest.raises(BacRefused):
        bac.complete(bac.BacKeys(K_ENC, K_MAC), RND_IC, RND_IFD, K_IFD, E_IC + bytes(8))


def test_padding_method_2() -> None:
    assert crypto.pad(b"") == H("8000000000000000")
    assert crypto.pad(bytes(8)) == bytes(8) + H("8000000000000000")
    assert crypto.unpad(crypto.pad(b"\x80\x00")) == b"\x80\x00"
    for bad in (b"", bytes(8), H("0102030405060708")):
        with pytest.raises(ValueError):
            crypto.unpad(bad)


def test_ssc_wraps() -> None:
    assert crypto.increment_ssc(H("FFFFFFFFFFFFFFFF")) == bytes(8)


def test_the_reader_replays_the_appendix_d_exchange_byte_for_byte() -> None:
    """PassportReader over the recorded D.3/D.4 chip answers sends exactly the D.3/D.4 commands."""
    from faskim_desktop.core.emrtd.lds import FID_COM
    from faskim_desktop.core.emrtd.reader import PassportReader

    script = [
        (H("0084000008"), RND_IC + H("9000")),
        (H("0082000028") + E_IFD + M_IFD + H("28"), E_IC + M_IC + H("9000")),
        *((H(protected), H(response)) for _, protected, response, _ in SM_EXCHANGES),
    ]
    answers = iter(script)
    sent: list[bytes] = []

    def transmit(apdu: bytes) -> bytes:
        expected, answer = next(answers)
        sent.append(apdu)
        assert apdu == expected
        return answer

    randoms = iter([RND_IFD, K_IFD])
    reader = PassportReader(transmit, random=lambda n: next(randoms))
    reader.authenticate(MRZ_INFORMATION)
    assert reader.read_file(FID_COM) == H("60145F0104303130365F36063034303030305C026175")
    assert len(sent) == len(script)
