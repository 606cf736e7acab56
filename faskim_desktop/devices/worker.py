"""One worker thread per device (Qt-free).

A driver's calls are blocking and most libraries are not thread-safe, so every call to one device
goes through that device's ``DeviceWorker``: a single-thread executor that runs calls in order.
Callers get a ``Future`` and/or callbacks; the GUI wraps this in ``gui.device_worker`` to receive
results by Qt signal, the command line simply waits with ``call``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class DeviceWorker:
    """Runs the calls of one device on its own thread, one at a time, in submission order."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"device-{name}")
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        """Calls submitted and not finished yet (running one included)."""
        with self._lock:
            return self._pending

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def submit(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Future[T]:
        """Queue ``fn(*args, **kwargs)``; callbacks run on the worker thread when it ends.

        An exception of ``fn`` goes to ``on_error`` (and the future); it never kills the worker.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError(f"device worker {self.name} is shut down")
            self._pending += 1
        try:
            future = self._executor.submit(fn, *args, **kwargs)
        except RuntimeError:
            with self._lock:
                self._pending -= 1
            raise

        def done(fut: Future[T]) -> None:
            with self._lock:
                self._pending -= 1
            if fut.cancelled():
                return
            exc = fut.exception()
            try:
                if exc is None:
                    if on_result is not None:
                        on_result(fut.result())
                elif on_error is not None:
                    on_error(exc)
                else:
                    log.warning(
                        "device worker %s: call failed without handler (%s)", self.name, type(exc).__name__
                    )
            except Exception:
                log.exception("device worker %s: result callback failed", self.name)

        future.add_done_callback(done)
        return future

    def call(self, fn: Callable[..., T], *args: Any, timeout: float | None = None, **kwargs: Any) -> T:
        """Run on the worker and wait for the result (command line, tests). Re-raises errors."""
        return self.submit(fn, *args, **kwargs).result(timeout=timeout)

    def shutdown(self, wait: bool = True, cancel_pending: bool = True) -> None:
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=cancel_pending)

    def __enter__(self) -> DeviceWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


class WorkerPool:
    """The workers of one workstation, one per device key (e.g. ``"camera"`` or a device id)."""

    def __init__(self) -> None:
        self._workers: dict[str, DeviceWorker] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> DeviceWorker:
        with self._lock:
            worker = self._workers.get(key)
            if worker is None:
                worker = self._workers[key] = DeviceWorker(key)
            return worker

    def shutdown_all(self, wait: bool = True) -> None:
        with self._lock:
            workers, self._workers = list(self._workers.values()), {}
        for worker in workers:
            worker.shutdown(wait=wait)
