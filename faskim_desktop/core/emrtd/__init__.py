"""Reading the chip of an electronic passport (eMRTD, ICAO Doc 9303 parts 10 and 11).

The protocol logic lives here and never touches PC/SC: ``reader.PassportReader`` takes a
``transmit(apdu) -> response`` callable, so it runs on a real reader, the in-process card
emulator or a recorded exchange alike.

* ``tlv`` — BER-TLV parsing that fails with ``TLVError``, never a crash or a hang;
* ``crypto`` — key derivation, 3DES, retail MAC, padding (part 11 §9.7);
* ``bac`` — Basic Access Control mutual authentication (part 11 §4.3);
* ``secure_messaging`` — protecting commands and checking responses (part 11 §9.8);
* ``lds`` — EF.COM, DG1, DG2, EF.SOD and passive authentication (parts 10 and 11 §5);
* ``reader`` — the whole read, with typed errors for every way it can fail.
"""
