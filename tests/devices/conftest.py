"""Fixtures of the device tests. ``contract`` gets pytest's assert rewriting for clear failures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.devices.contract")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from faskim_desktop.devices import registry  # noqa: E402


@pytest.fixture
def fresh_registry() -> Iterator[registry.DriverRegistry]:
    """The process-wide registry rediscovered for this test and forgotten afterwards."""
    reg = registry.DriverRegistry()
    registry.set_registry(reg)
    yield reg
    registry.set_registry(None)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path
