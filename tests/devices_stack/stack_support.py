"""Helpers of the stand-in tests (imported by name: tests/devices_stack is on sys.path)."""

from __future__ import annotations

import os
import socket
import struct
import threading
import time

import pytest

from faskim_desktop.devices import registry


def stand_in_missing(reason: str) -> None:
    """Skip (or, with FASKIM_REQUIRE_STACK=1 as in CI, fail) because a stand-in is not there."""
    if os.environ.get("FASKIM_REQUIRE_STACK") == "1":
        pytest.fail(f"stand-in required but not available: {reason}")
    pytest.skip(reason)


def create(reg: registry.DriverRegistry, kind: str, name: str) -> object:
    status = reg.status(kind, name)
    if not status.available:
        stand_in_missing(f"driver {kind}:{name} unavailable here: {status.reason}")
    return reg.create(kind, name)


# -- fingerprint: libfprint's virtual_image socket -------------------------------------------------


def push_fingerprint(socket_path: str, pixels: bytes, width: int, height: int, timeout: float = 10.0) -> threading.Thread:
    """Send one image to libfprint's virtual_image socket from a thread (two native ints + grey)."""

    def run() -> None:
        deadline = time.monotonic() + timeout
        while True:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(socket_path)
                break
            except OSError:
                sock.close()
                if time.monotonic() >= deadline:
                    return
                time.sleep(0.02)
        with sock:
            sock.sendall(struct.pack("=ii", width, height) + pixels)

    thread = threading.Thread(target=run, name="fp-push", daemon=True)
    thread.start()
    return thread
