"""The error hierarchy every device driver raises.

Drivers translate their library's exceptions into these, so a step can tell "retry" from
"switch device" from "fix the paper" without knowing which driver ran. Each error names the
device (``device``) so the message can say which one failed and what to do.
"""

from __future__ import annotations

from faskim_desktop.core import messages
from faskim_desktop.core.errors import FaskimError


class DeviceError(FaskimError):
    code = "device.error"

    def __init__(self, code: str | None = None, device: str = "", **params: object) -> None:
        self.device = device
        super().__init__(code, device=device, **params)


class DeviceUnavailable(DeviceError):
    """The driver cannot run here (library missing, platform unsupported)."""

    code = "device.unavailable"


class NotConnected(DeviceError):
    code = "device.not_connected"


class DeviceBusy(DeviceError):
    code = "device.busy"


class DeviceTimeout(DeviceError):
    code = "device.timeout"


class BadData(DeviceError):
    """The device answered with something unusable (garbage, wrong size, empty scan)."""

    code = "device.bad_data"


class LowQuality(DeviceError):
    """A sample was captured but is below the quality needed (fingerprint, photo)."""

    code = "device.low_quality"


class MediaProblem(DeviceError):
    """Paper or card jam, out of cards, page size refused."""

    code = "device.media"


class DeviceOffline(DeviceError):
    """The device (printer queue) is known but not accepting work."""

    code = "device.offline"


class CardRemoved(NotConnected):
    """The smart card left the reader (before or during an exchange)."""

    code = "device.card_removed"


class UnsupportedSetting(DeviceError):
    """The device refuses a setting (resolution, colour mode, duplex); ``params['setting']`` names it."""

    code = "device.unsupported_setting"


messages.register(
    {
        "device.error": {
            "id": "Perangkat {device} mengalami kesalahan. Coba lagi atau pilih perangkat lain.",
            "en": "Device {device} failed. Try again or choose another device.",
        },
        "device.unavailable": {
            "id": "Driver {device} tidak tersedia di komputer ini: {reason}",
            "en": "Driver {device} is not available on this computer: {reason}",
        },
        "device.not_connected": {
            "id": "Perangkat {device} tidak terhubung. Periksa kabel atau daya, lalu coba lagi.",
            "en": "Device {device} is not connected. Check its cable or power, then try again.",
        },
        "device.busy": {
            "id": "Perangkat {device} sedang dipakai program lain. Tutup program itu lalu coba lagi.",
            "en": "Device {device} is in use by another program. Close it, then try again.",
        },
        "device.timeout": {
            "id": "Perangkat {device} tidak menjawab tepat waktu. Coba lagi.",
            "en": "Device {device} did not answer in time. Try again.",
        },
        "device.bad_data": {
            "id": "Perangkat {device} mengirim data yang tidak dapat dipakai. Ulangi pengambilan.",
            "en": "Device {device} returned unusable data. Capture again.",
        },
        "device.low_quality": {
            "id": "Kualitas hasil dari {device} terlalu rendah. Ulangi pengambilan.",
            "en": "The sample from {device} is of too low quality. Capture again.",
        },
        "device.media": {
            "id": "Masalah kertas/kartu pada {device}. Periksa blangko lalu coba lagi.",
            "en": "Paper or card problem at {device}. Check the blanks, then try again.",
        },
        "device.offline": {
            "id": "Perangkat {device} sedang offline. Nyalakan atau aktifkan antriannya, lalu coba lagi.",
            "en": "Device {device} is offline. Switch it on or resume its queue, then try again.",
        },
        "device.card_removed": {
            "id": "Kartu dicabut dari {device}. Masukkan kembali kartu lalu coba lagi.",
            "en": "The card was removed from {device}. Insert it again, then try again.",
        },
        "device.unsupported_setting": {
            "id": "Perangkat {device} tidak mendukung pengaturan {setting} = {value}. Ubah pengaturannya.",
            "en": "Device {device} does not support the setting {setting} = {value}. Change the setting.",
        },
    }
)
