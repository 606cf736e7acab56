"""QtDeviceWorker: results by signal on the GUI thread, and a GUI that never waits."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from faskim_desktop.devices.errors import DeviceTimeout
from faskim_desktop.devices.simulated.fingerprint import SimulatedFingerprintReader
from faskim_desktop.gui.device_worker import QtDeviceWorker

pytestmark = pytest.mark.gui


@pytest.fixture
def worker(qtbot):
    w = QtDeviceWorker("test")
    yield w
    w.shutdown(wait=True)


def test_result_arrives_by_signal_on_the_gui_thread(qtbot, worker) -> None:
    gui_thread = threading.current_thread()
    seen: list[tuple[object, threading.Thread]] = []
    with qtbot.waitSignal(worker.finished, timeout=5000) as blocker:
        request = worker.run(
            lambda: threading.current_thread().name,
            on_result=lambda v: seen.append((v, threading.current_thread())),
        )
    assert blocker.args[0] == request
    assert blocker.args[1].startswith("device-test")  # ran on the device thread
    assert seen == [(blocker.args[1], gui_thread)]  # callback delivered on the GUI thread


def test_error_arrives_by_failed_signal(qtbot, worker) -> None:
    def fail() -> None:
        raise DeviceTimeout(device="uji")

    errors: list[BaseException] = []
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.run(fail, on_error=errors.append)
    assert isinstance(blocker.args[1], DeviceTimeout)
    assert errors and errors[0] is blocker.args[1]
    with qtbot.waitSignal(worker.finished, timeout=5000):  # and the worker still works
        worker.run(lambda: 1)


def test_busy_changed_brackets_the_calls(qtbot, worker) -> None:
    states: list[bool] = []
    worker.busyChanged.connect(states.append)
    with qtbot.waitSignal(worker.busyChanged, timeout=5000, check_params_cb=lambda b: b is False):
        worker.run(time.sleep, 0.05)
        worker.run(time.sleep, 0.05)
        assert worker.busy
    assert states == [True, False]


def test_event_loop_never_gaps_over_100ms_during_slow_capture(qtbot, worker) -> None:
    reader = SimulatedFingerprintReader(delay=1.0)
    reader.open("sim-fingerprint-0")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.wait(50)
    captured = threading.Event()

    def capture() -> object:
        image = reader.capture("left_thumb")
        captured.set()
        return image

    with qtbot.waitSignal(worker.finished, timeout=10000) as blocker:
        worker.run(capture)
        still_capturing = not captured.is_set()
    qtbot.wait(30)
    timer.stop()
    assert blocker.args[1].finger == "left_thumb"
    assert still_capturing  # run() returned while the 1 s capture was still going on
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps) < 0.1, f"event loop blocked for {max(gaps) * 1000:.0f} ms"


def test_results_after_shutdown_are_dropped(qtbot) -> None:
    w = QtDeviceWorker("late")
    gate = threading.Event()
    got: list[object] = []
    w.finished.connect(lambda *a: got.append(a))
    w.run(gate.wait, 5)
    w.shutdown(wait=False)
    gate.set()
    qtbot.wait(100)
    assert got == []


def test_garbage_is_collected_on_the_gui_thread(qtbot) -> None:
    import gc

    from faskim_desktop.gui.device_worker import GuiThreadGarbageCollector

    enabled = gc.isenabled()
    collector = GuiThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        threads: list[str] = []
        gc.callbacks.append(lambda phase, info: threads.append(threading.current_thread().name))
        try:
            for _ in range(3000):  # enough new container objects to pass generation 0's threshold
                a: list[object] = []
                a.append(a)
            qtbot.waitUntil(lambda: bool(threads), timeout=5000)
        finally:
            gc.callbacks.pop()
        assert set(threads) == {threading.current_thread().name}
    finally:
        collector.stop()
        if enabled:
            gc.enable()
