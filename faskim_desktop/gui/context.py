"""What a seat's windows and pages share: the workspace, the person, the store worker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.gui import i18n
from faskim_desktop.gui.devices_hub import DeviceHub
from faskim_desktop.gui.tasks import TaskRunner


class SeatEvents(QObject):
    status = Signal(str)  # a short message for the status bar
    case_moved = Signal(object)  # CaseRef after any action, so queues refresh at once


@dataclass
class SeatContext:
    ws: Workspace
    principal: Principal
    tasks: TaskRunner
    events: SeatEvents = field(default_factory=SeatEvents)
    devices: DeviceHub | None = None

    def __post_init__(self) -> None:
        if self.devices is None:
            self.devices = DeviceHub(self.ws.folder)

    def run(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run store work off the GUI thread; a failure is explained in words by default."""

        def failed(error: BaseException) -> None:
            if on_error is not None:
                on_error(error)
            else:
                show_error(parent, error)

        self.tasks.run(func, on_done, failed)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QObject.tr("Tidak dapat dilanjutkan"))  # type: ignore[call-arg]
    box.setText(i18n.explain(error))
    box.exec()
