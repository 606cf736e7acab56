"""Store work off the GUI thread: one worker thread, results delivered back by signal.

Like Anki's collection executor: every service call from the GUI goes through ``run``, so the
event loop never waits on the database, and all writes from one window happen one at a time in
order. The callbacks run on the GUI thread.
"""

from __future__ import annotations

import itertools
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
    finished = Signal(int, object, object)  # task id, result, error


class TaskRunner(QObject):
    """One worker thread for the seat's store work.

    The task's function and callbacks stay in a table owned by the GUI thread; the worker only
    borrows the function while it runs. So the last reference to a page (a closure or a bound
    method) is always dropped on the GUI thread, never on the worker, where releasing it would
    destroy Qt objects on the wrong thread.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="faskim-store")
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._tasks: dict[int, tuple[Callable[[], Any], Callable | None, Callable | None]] = {}
        self._ids = itertools.count(1)

    @property
    def _pending(self) -> int:
        return len(self._tasks)

    def run(
        self,
        func: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future | None:
        task_id = next(self._ids)
        self._tasks[task_id] = (func, on_done, on_error)
        if len(self._tasks) == 1:
            self.busy_changed.emit(True)
        try:
            return self._pool.submit(self._work, task_id)
        except RuntimeError:  # the seat is closed: a late timer's work is dropped, not an error
            self._tasks.pop(task_id, None)
            log.debug("store work after the seat closed: dropped")
            return None

    def _work(self, task_id: int) -> None:
        task = self._tasks.get(task_id)
        if task is None:
            return
        func = task[0]
        del task
        result: object = None
        error: BaseException | None = None
        try:
            result = func()
        except BaseException as err:  # delivered to the GUI, which explains it in words
            if not hasattr(err, "code"):
                log.exception("background task failed")
            err.__traceback__ = None  # its frames would keep the task's objects alive here
            error = err
        del func
        self._relay.finished.emit(task_id, result, error)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, error: BaseException | None) -> None:
        _func, on_done, on_error = self._tasks.pop(task_id, (None, None, None))
        if not self._tasks:
            self.busy_changed.emit(False)
        callback = on_error if error is not None else on_done
        if callback is None or not receiver_alive(callback):
            if error is not None:
                log.error("unhandled background error: %s", getattr(error, "code", type(error).__name__))
            return
        callback(error if error is not None else result)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
