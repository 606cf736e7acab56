"""One worker thread per device (Qt-free).

A driver's calls are blocking and most libraries are not thread-safe, so every call to one device
goes through that device's ``DeviceWorker``: a single-thread executor that runs calls in order.
Callers get a ``Future`` and/or callbacks; the GUI wraps this in ``gui.device_worker`` to receive
results by Qt signal, the command line simply waits with ``call``.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class DeviceWorker:
    """Runs the calls of one device on its own thread, one at a time, in submission order.

    The thread is a daemon: a driver call that hangs inside a C library (a stuck USB transfer, a
    daemon that never answers) must not keep the application from exiting, which the joined
    threads of ``concurrent.futures.ThreadPoolExecutor`` would.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[_Call | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=f"device-{name}", daemon=True)
        self._thread.start()

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
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError(f"device worker {self.name} is shut down")
            self._pending += 1
            self._queue.put(_Call(future, fn, args, kwargs, on_result, on_error))
        return future

    def _loop(self) -> None:
        while True:
            call = self._queue.get()
            if call is None:
                return
            result: Any = None
            try:
                if not call.future.set_running_or_notify_cancel():
                    continue
                try:
                    result = call.fn(*call.args, **call.kwargs)
                except BaseException as exc:
                    call.future.set_exception(exc)
                    self._callback(call.on_error, exc, failed=True)
                else:
                    call.future.set_result(result)
                    self._callback(call.on_result, result)
            finally:
                with self._lock:
                    self._pending -= 1
                # Drop every reference the call held (callbacks may be bound to GUI objects) here,
                # not when the next call arrives: a GUI object must never be freed on this thread.
                call = result = None  # type: ignore[assignment]

    def _callback(self, callback: Callable[[Any], None] | None, value: Any, failed: bool = False) -> None:
        if callback is None:
            if failed:
                log.warning(
                    "device worker %s: call failed without handler (%s)", self.name, type(value).__name__
                )
            return
        try:
            callback(value)
        except Exception:
            log.exception("device worker %s: result callback failed", self.name)

    def call(self, fn: Callable[..., T], *args: Any, timeout: float | None = None, **kwargs: Any) -> T:
        """Run on the worker and wait for the result (command line, tests). Re-raises errors."""
        return self.submit(fn, *args, **kwargs).result(timeout=timeout)

    def shutdown(self, wait: bool = True, cancel_pending: bool = True, timeout: float | None = 10.0) -> None:
        """Stop after the running call; pending calls are cancelled unless ``cancel_pending`` is False."""
        with self._lock:
            if self._closed:
                already = True
            else:
                already = False
                self._closed = True
        if not already:
            if cancel_pending:
                drained: list[_Call] = []
                while True:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None:
                        drained.append(item)
                for item in drained:
                    item.future.cancel()
                    with self._lock:
                        self._pending -= 1
            self._queue.put(None)
        if wait and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def __enter__(self) -> DeviceWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()


@dataclass
class _Call:
    future: Future[Any]
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


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
