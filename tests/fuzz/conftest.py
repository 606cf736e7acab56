"""Helpers of the fuzz tests: a snapshot of everything a store holds, and a deadline for one call."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlmodel import SQLModel

import faskim_desktop.store.all_tables  # noqa: F401 - every table in the metadata
from faskim_desktop.core.workspace import Workspace

T = TypeVar("T")


def snapshot(ws: Workspace) -> dict[str, object]:
    """Every row of every table, and every file of the encrypted file store (name and size)."""
    state: dict[str, object] = {}
    with ws.store.read() as session:
        for table in SQLModel.metadata.sorted_tables:
            rows = session.execute(select(table)).all()
            state[table.name] = sorted(tuple(str(v) for v in row) for row in rows)
    root: Path = ws.folder / "files"
    state["files"] = sorted((str(p.relative_to(root)), p.stat().st_size) for p in root.rglob("*") if p.is_file()) \
        if root.exists() else []
    return state


def within(seconds: float, func: Callable[[], T]) -> T:
    """``func()``, failing the test if it has not returned after ``seconds`` (a hang)."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(func).result(timeout=seconds)
    except concurrent.futures.TimeoutError:
        raise AssertionError(f"no answer within {seconds} s (hang)") from None
    finally:
        pool.shutdown(wait=False)
