"""The devices of this seat, as the step pages use them.

One opened driver and one worker thread per device kind, chosen from the workstation's device
settings (the technician page), or the simulated driver when the app runs with simulated
devices or nothing is configured yet. ``reset`` drops a driver after a failure so the next use
reopens it, or another device can be chosen, without restarting the application.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from faskim_desktop.config import Settings
from faskim_desktop.devices.protocols import DeviceKind, Driver
from faskim_desktop.devices.registry import get_registry
from faskim_desktop.devices.settings import DeviceSettings
from faskim_desktop.gui.device_worker import QtDeviceWorker

log = logging.getLogger(__name__)
SIMULATED = "simulated"


class DeviceHub(QObject):
    def __init__(self, data_dir, simulated: bool | None = None, parent: QObject | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.settings = DeviceSettings(data_dir)
        self.simulated = simulated if simulated is not None else os.environ.get("FASKIM_SIMULATED") == "1"
        self.document_queue = Settings(Path(data_dir)).get("document_printer")
        self._drivers: dict[DeviceKind, Driver] = {}
        self._workers: dict[DeviceKind, QtDeviceWorker] = {}
        self._document_printer: Driver | None = None

    def driver_name(self, kind: DeviceKind) -> str:
        choice = self.settings.choice(kind)
        return SIMULATED if self.simulated or not choice.driver else choice.driver

    def worker(self, kind: DeviceKind) -> QtDeviceWorker:
        if kind not in self._workers:
            self._workers[kind] = QtDeviceWorker(kind.value, self)
        return self._workers[kind]

    def driver(self, kind: DeviceKind) -> Driver:
        """The opened driver (call on the device's worker: opening may block)."""
        if kind not in self._drivers:
            name = self.driver_name(kind)
            driver = get_registry().create(kind, name)
            choice = self.settings.choice(kind)
            device = choice.device if name == choice.driver else ""
            if not device:
                found = driver.devices()
                device = found[0].id if found else ""
            settings: dict[str, Any] = self.settings.effective_settings(kind) if name == choice.driver else {}
            driver.open(device, settings)
            self._drivers[kind] = driver
        return self._drivers[kind]

    def document_printer(self) -> Driver:
        """The printer for paper documents: the same driver as the card printer, on the
        workstation's document queue when one is set (a card printer takes only CR80 blanks)."""
        if not self.document_queue or self.simulated:
            return self.driver(DeviceKind.PRINTER)
        if self._document_printer is None:
            driver = get_registry().create(DeviceKind.PRINTER, self.driver_name(DeviceKind.PRINTER))
            driver.open(self.document_queue, {})
            self._document_printer = driver
        return self._document_printer

    def print_document(self, fn, on_result=None, on_error=None) -> int:  # type: ignore[no-untyped-def]
        """Run ``fn(document printer)`` on the printer's worker."""

        def failed(error: BaseException) -> None:
            self._document_printer = None
            if on_error is not None:
                on_error(error)

        return self.worker(DeviceKind.PRINTER).run(lambda: fn(self.document_printer()), on_result=on_result,
                                                   on_error=failed)

    def run(self, kind: DeviceKind, fn, on_result=None, on_error=None) -> int:  # type: ignore[no-untyped-def]
        """Run ``fn(driver)`` on the kind's worker; a failure resets the driver for a clean retry."""

        def call() -> Any:
            return fn(self.driver(kind))

        def failed(error: BaseException) -> None:
            self.reset(kind)
            if on_error is not None:
                on_error(error)

        return self.worker(kind).run(call, on_result=on_result, on_error=failed)

    def reset(self, kind: DeviceKind) -> None:
        driver = self._drivers.pop(kind, None)
        if driver is not None:
            self.worker(kind).run(_close_quietly, driver)

    def reload(self) -> None:
        """The technician saved new choices: read them and reopen every device on next use."""
        self.settings.load()
        self.close()
        self._document_printer = None

    def close(self) -> None:
        for kind in list(self._drivers):
            self.reset(kind)


def _close_quietly(driver: Driver) -> None:
    try:
        driver.close()
    except Exception:  # closing a failed device must not raise again
        log.debug("driver close failed", exc_info=True)
