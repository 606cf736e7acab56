"""The project's own eMRTD (ePassport chip) emulator, for tests, demos and training.

* ``EmrtdApplet`` — the chip's command logic, ``respond(apdu) -> bytes``, no sockets;
* ``PassportProfile`` / ``DEMO`` — the passport it holds (data and photo);
* ``python -m faskim_desktop.devices.emrtd_emulator --demo`` — the chip inserted in
  vsmartcard's vpcd reader ("Virtual PCD 00 00"), so pyscard → pcscd → vpcd reaches it.
"""

from faskim_desktop.devices.emrtd_emulator.applet import EmrtdApplet, VpcdCard
from faskim_desktop.devices.emrtd_emulator.passport import (
    DEMO,
    ChipContent,
    PassportProfile,
    SigningKeys,
    demo_signing_keys,
)

__all__ = [
    "DEMO",
    "ChipContent",
    "EmrtdApplet",
    "PassportProfile",
    "SigningKeys",
    "VpcdCard",
    "demo_signing_keys",
]
