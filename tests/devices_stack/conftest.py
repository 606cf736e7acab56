"""Fixtures of the real-driver tests against the stand-ins of ``scripts/devices start``.

Tests marked ``stack`` skip with the reason when a stand-in is not running; with
``FASKIM_REQUIRE_STACK=1`` (CI) a missing stand-in fails the test instead, so a broken stand-in
cannot pass silently. The env file's libfprint and SANE variables are put in the environment
when this file is imported: both libraries read them once, at their first initialisation.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
for path in (HERE.parent / "devices", HERE):  # contract beside; standins, stack_support here
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
pytest.register_assert_rewrite("contract", "spool_pages", "stack_support")

import standins  # noqa: E402
from stack_support import stand_in_missing  # noqa: E402

from faskim_desktop.devices import registry  # noqa: E402

ENV = standins.load()
if ENV:
    for key in ("FP_VIRTUAL_IMAGE", "SANE_CONFIG_DIR"):
        if ENV.get(key):
            os.environ[key] = ENV[key]


@pytest.fixture(scope="session")
def stack_env() -> dict[str, str]:
    if ENV is None:
        stand_in_missing(standins.NOT_STARTED)
    assert ENV is not None
    return ENV


@pytest.fixture
def drivers() -> Iterator[registry.DriverRegistry]:
    """A fresh registry discovered from the entry points, so the real drivers come as declared."""
    reg = registry.DriverRegistry()
    yield reg
