"""Qt side of the device workers: run a device call off the GUI thread, get the answer by signal.

``QtDeviceWorker.run(fn, ...)`` queues ``fn`` on the device's ``DeviceWorker`` thread and returns
a request id at once. When the call ends, ``finished(id, result)`` or ``failed(id, error)`` is
emitted *on the GUI thread* (queued connection), and the optional ``on_result``/``on_error``
callbacks are invoked there too, so slots may touch widgets. The GUI never waits on a device.
"""

from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from faskim_desktop.devices.worker import DeviceWorker

log = logging.getLogger(__name__)


class QtDeviceWorker(QObject):
    finished = Signal(int, object)  # request id, result
    failed = Signal(int, object)  # request id, exception
    busyChanged = Signal(bool)  # Qt naming

    # worker thread -> GUI thread hop: (request id, ok, value, callback)
    _relay = Signal(int, bool, object, object)

    def __init__(self, name: str, parent: QObject | None = None, worker: DeviceWorker | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"device-worker-{name}")
        self._worker = worker or DeviceWorker(name)
        self._owns_worker = worker is None
        self._ids = itertools.count(1)
        self._alive = True
        self._in_flight = 0
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # Not a bound method: when ``destroyed`` fires the Python side may already be gone.
        worker_ref, owns = self._worker, self._owns_worker
        self.destroyed.connect(lambda *_: worker_ref.shutdown(wait=False) if owns else None)

    @property
    def busy(self) -> bool:
        return self._in_flight > 0

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
        self._in_flight += 1
        if self._in_flight == 1:
            self.busyChanged.emit(True)

        def ok(value: Any) -> None:
            self._emit(request, True, value, on_result)

        def err(exc: BaseException) -> None:
            self._emit(request, False, exc, on_error)

        self._worker.submit(fn, *args, on_result=ok, on_error=err, **kwargs)
        return request

    def _emit(self, request: int, ok: bool, value: Any, callback: Callable[[Any], None] | None) -> None:
        if not self._alive:
            return
        try:
            self._relay.emit(request, ok, value, callback)
        except RuntimeError:  # the QObject went away while the device was working
            log.debug("device result dropped: receiver deleted")

    @Slot(int, bool, object, object)
    def _deliver(self, request: int, ok: bool, value: Any, callback: Any) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        if ok:
            self.finished.emit(request, value)
        else:
            self.failed.emit(request, value)
        if callback is not None:
            try:
                callback(value)
            except Exception:
                log.exception("device result handler failed")
        if self._in_flight == 0:
            self.busyChanged.emit(False)

    def shutdown(self, wait: bool = False) -> None:
        """Stop delivering results and stop the thread (pending calls are cancelled)."""
        self._alive = False
        if self._owns_worker:
            self._worker.shutdown(wait=wait)


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
