"""Misbehaving drivers for tests: loaded through the registry like any other driver."""

from __future__ import annotations

import threading

from faskim_desktop.devices.protocols import DeviceDescriptor
from faskim_desktop.devices.simulated.camera import SimulatedCamera

RELEASE = threading.Event()  # tests set it at teardown so the stuck threads end


class HangingCamera(SimulatedCamera):
    """A camera whose library never answers when asked for its devices."""

    name = "macet"

    def devices(self) -> list[DeviceDescriptor]:
        RELEASE.wait(60)
        return super().devices()
