"""Fixtures of the cekal screening tests: a fresh migrated SQLite store per test, list files."""

from __future__ import annotations

import csv
import importlib.machinery
import shutil
import types
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from faskim_desktop.core.screening.listfile import COLUMNS
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def _migrated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cekal-template") / "store.sqlite3"
    store = Store(f"sqlite:///{path}")
    migrate.upgrade(store)
    store.dispose()
    return path


@pytest.fixture
def store(tmp_path: Path, _migrated: Path) -> Iterator[Store]:
    path = tmp_path / "store.sqlite3"
    shutil.copyfile(_migrated, path)
    opened = Store(f"sqlite:///{path}")
    yield opened
    opened.dispose()


def row(reference: str, name: str, **fields: str) -> dict[str, str]:
    values = dict.fromkeys(COLUMNS, "")
    values.update(reference=reference, name=name, list_type="tangkal")
    values.update(fields)
    return values


def write_list(path: Path, rows: Sequence[dict[str, str]], header: Sequence[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        for values in rows:
            out.writerow([values.get(c, "") for c in header])
    return path


@pytest.fixture(scope="session")
def bench() -> types.ModuleType:
    """The benchmark's generator (scripts/bench/screening), reused for the index recall test."""
    loader = importlib.machinery.SourceFileLoader("cekal_bench", str(REPO / "scripts" / "bench" / "screening"))
    module = types.ModuleType(loader.name)
    loader.exec_module(module)
    return module
