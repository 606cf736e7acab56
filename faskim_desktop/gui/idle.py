"""Idle lock: after minutes without keyboard or mouse input, warn, then lock the seat."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    warn = Signal(int)  # seconds left
    lock = Signal()

    def __init__(self, idle_seconds: int, warning_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.warning_seconds = min(warning_seconds, idle_seconds)
        self._last = time.monotonic()
        self._warned = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._check)
        self.enabled = idle_seconds > 0

    def start(self) -> None:
        if self.enabled:
            self._last = time.monotonic()
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last = time.monotonic()
            self._warned = False
        return False

    def _check(self) -> None:
        idle = time.monotonic() - self._last
        left = int(self.idle_seconds - idle)
        if left <= 0:
            self._timer.stop()
            self.lock.emit()
        elif left <= self.warning_seconds and not self._warned:
            self._warned = True
            self.warn.emit(left)
