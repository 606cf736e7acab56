"""The Qt-free per-device worker."""

from __future__ import annotations

import threading

import pytest

from faskim_desktop.devices.errors import DeviceTimeout
from faskim_desktop.devices.worker import DeviceWorker, WorkerPool


def test_calls_run_in_order_on_one_named_thread() -> None:
    seen: list[tuple[int, str]] = []
    with DeviceWorker("camera") as worker:
        futures = [
            worker.submit(lambda i=i: seen.append((i, threading.current_thread().name))) for i in range(5)
        ]
        for f in futures:
            f.result(timeout=5)
    assert [i for i, _ in seen] == list(range(5))
    assert len({name for _, name in seen}) == 1
    assert seen[0][1].startswith("device-camera")
    assert seen[0][1] != threading.current_thread().name


def test_callbacks_get_result_and_typed_error_and_worker_survives() -> None:
    results: list[object] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def fail() -> None:
        raise DeviceTimeout(device="cam")

    with DeviceWorker("fp") as worker:
        worker.submit(fail, on_result=results.append, on_error=errors.append)
        worker.submit(lambda: 42, on_result=lambda v: (results.append(v), done.set()))
        assert done.wait(5)
        assert worker.call(lambda a, b: a + b, 1, b=2, timeout=5) == 3
        with pytest.raises(DeviceTimeout):
            worker.call(fail, timeout=5)
    assert results == [42]
    assert len(errors) == 1 and isinstance(errors[0], DeviceTimeout)


def test_busy_reflects_pending_calls() -> None:
    gate = threading.Event()
    with DeviceWorker("scanner") as worker:
        f = worker.submit(gate.wait, 5)
        assert worker.busy and worker.pending == 1
        gate.set()
        f.result(timeout=5)
        worker.call(lambda: None, timeout=5)
        assert not worker.busy


def test_a_failing_callback_does_not_kill_the_worker() -> None:
    def bad_callback(_: object) -> None:
        raise RuntimeError("handler bug")

    with DeviceWorker("printer") as worker:
        worker.submit(lambda: 1, on_result=bad_callback)
        assert worker.call(lambda: "still alive", timeout=5) == "still alive"


def test_submit_after_shutdown_is_refused() -> None:
    worker = DeviceWorker("smartcard")
    worker.shutdown()
    with pytest.raises(RuntimeError):
        worker.submit(lambda: None)


def test_pool_gives_one_worker_per_device() -> None:
    pool = WorkerPool()
    try:
        assert pool.get("camera") is pool.get("camera")
        assert pool.get("camera") is not pool.get("scanner")
        names = {
            pool.get(k).call(lambda: threading.current_thread().name, timeout=5)
            for k in ("camera", "scanner")
        }
        assert len(names) == 2
    finally:
        pool.shutdown_all()


def test_shutdown_cancels_pending_calls() -> None:
    gate = threading.Event()
    started = threading.Event()
    worker = DeviceWorker("cancel")
    running = worker.submit(lambda: (started.set(), gate.wait(5))[1])
    queued = worker.submit(lambda: "never")
    assert started.wait(5)
    worker.shutdown(wait=False)
    gate.set()
    assert running.result(timeout=5) is True
    assert queued.cancelled()
    worker.shutdown()  # a second shutdown is harmless
    assert worker.pending == 0


def test_a_hung_device_call_does_not_keep_the_process_alive() -> None:
    import subprocess
    import sys

    code = (
        "import threading\n"
        "from faskim_desktop.devices.worker import DeviceWorker\n"
        "w = DeviceWorker('stuck')\n"
        "w.submit(threading.Event().wait)\n"  # never returns, like a driver stuck in C
        "w.shutdown(wait=True, timeout=0.1)\n"
        "print('exited')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "exited" in out.stdout
