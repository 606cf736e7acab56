"""Fixtures of the device tests. ``contract`` gets pytest's assert rewriting for clear failures."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.register_assert_rewrite("tests.devices.contract")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from faskim_desktop.devices import registry  # noqa: E402

# libfprint and SANE read these once, at their first initialisation in the process: when the
# stand-ins of scripts/devices are running, export them before any test lists devices.
_STAND_IN_ENV = Path(__file__).resolve().parents[2] / ".run" / "devices" / "env"
if _STAND_IN_ENV.is_file():
    for _line in _STAND_IN_ENV.read_text(encoding="utf-8").splitlines():
        _key, _sep, _value = _line.partition("=")
        if _sep and _key in ("FP_VIRTUAL_IMAGE", "SANE_CONFIG_DIR"):
            os.environ.setdefault(_key, _value.strip().strip("'"))


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
