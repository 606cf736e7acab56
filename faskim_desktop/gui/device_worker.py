"""Qt side of the device workers: run a device call off the GUI thread, get the answer by signal.

``QtDeviceWorker.run(fn, ...)`` queues ``fn`` on the device's ``DeviceWorker`` thread and returns
a request id at once. When the call ends, ``finished(id, result)`` or ``failed(id, error)`` is
emitted *on the GUI thread* (queued connection), and the optional ``on_result``/``on_error``
callbacks are invoked there too, so slots may touch widgets. The GUI never waits on a device.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from faskim_desktop.devices.worker import DeviceWorker
from faskim_desktop.gui.tasks import receiver_alive

log = logging.getLogger(__name__)


class QtDeviceWorker(QObject):
    """Device calls off the GUI thread, answers by signal on it.

    The device thread never holds a reference to a Qt object: the result callbacks stay in a
    table on the GUI side, and the thread reaches this object only through a weak reference, so
    no widget can be freed (and its C++ object deleted) on the device thread. ``fn`` itself must
    not capture widgets either — pass a plain object (a driver, a session) and bound methods of it.
    """

    finished = Signal(int, object)  # request id, result
    failed = Signal(int, object)  # request id, exception
    busyChanged = Signal(bool)  # Qt naming

    # device thread -> GUI thread hop: (request id, ok, value)
    _relay = Signal(int, bool, object)

    def __init__(self, name: str, parent: QObject | None = None, worker: DeviceWorker | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"device-worker-{name}")
        self._worker = worker or DeviceWorker(name)
        self._owns_worker = worker is None
        self._ids = itertools.count(1)
        self._alive = True
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # No Python slot on ``destroyed``: it may fire while the interpreter is finalising. A
        # worker whose owner forgot ``shutdown`` is only an idle daemon thread.

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue ``fn(*args, **kwargs)`` on the device thread; returns the request id."""
        request = next(self._ids)
        first = not self._callbacks
        self._callbacks[request] = (on_result, on_error)
        if first:
            self.busyChanged.emit(True)
        me = weakref.ref(self)
        self._worker.submit(
            fn,
            *args,
            on_result=functools.partial(_relay_from_device_thread, me, request, True),
            on_error=functools.partial(_relay_from_device_thread, me, request, False),
            **kwargs,
        )
        return request

    @Slot(int, bool, object)
    def _deliver(self, request: int, ok: bool, value: Any) -> None:
        on_result, on_error = self._callbacks.pop(request, (None, None))
        if ok:
            self.finished.emit(request, value)
        else:
            self.failed.emit(request, value)
        callback = on_result if ok else on_error
        if callback is not None and receiver_alive(callback):
            try:
                callback(value)
            except Exception:
                log.exception("device result handler failed")
        if not self._callbacks:
            self.busyChanged.emit(False)

    def shutdown(self, wait: bool = False) -> None:
        """Stop delivering results and stop the thread (pending calls are cancelled)."""
        self._alive = False
        if self._owns_worker:
            self._worker.shutdown(wait=wait)


def _relay_from_device_thread(me: weakref.ref[QtDeviceWorker], request: int, ok: bool, value: Any) -> None:
    target = me()
    if target is None or not target._alive:
        return
    try:
        target._relay.emit(request, ok, value)
    except RuntimeError:  # the C++ object went away while the device was working
        log.debug("device result dropped: receiver deleted")


class GuiThreadGarbageCollector(QObject):
    """Runs Python's cyclic garbage collector on the GUI thread only.

    With device workers, an automatic collection can start on a worker thread and free a Qt
    wrapper there, deleting a QObject on the wrong thread (a crash). The application creates one
    of these at start-up: it switches automatic collection off and collects from a timer on the
    GUI thread instead (the approach Anki takes for the same reason).
    """

    def __init__(self, parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @Slot()
    def collect(self) -> None:
        """Collect the generations whose thresholds are exceeded, as automatic GC would."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        generation = -1
        for gen in range(3):
            if counts[gen] > thresholds[gen]:
                generation = gen
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
