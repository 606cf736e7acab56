"""Store work off the GUI thread: one worker thread, results delivered back by signal.

Like Anki's collection executor: every service call from the GUI goes through ``run``, so the
event loop never waits on the database, and all writes from one window happen one at a time in
order. The callbacks run on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


def receiver_alive(callback: Callable | None) -> bool:
    """False when ``callback`` is a method of a Qt object already deleted (a page closed while
    its work was running): calling it would touch freed memory."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Relay(QObject):
    finished = Signal(object, object, object)  # callback, result, error


class TaskRunner(QObject):
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="faskim-store")
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._pending = 0

    def run(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

        def work() -> None:
            try:
                result = func()
            except BaseException as err:  # delivered to the GUI, which explains it in words
                if not hasattr(err, "code"):
                    log.exception("background task failed")
                self._relay.finished.emit(on_error, None, err)
                return
            self._relay.finished.emit(on_done, result, None)

        return self._pool.submit(work)

    @Slot(object, object, object)
    def _deliver(self, callback: Callable | None, result: object, error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if callback is None or not receiver_alive(callback):
            if error is not None:
                log.error("unhandled background error: %s", getattr(error, "code", type(error).__name__))
            return
        callback(error if error is not None else result)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
