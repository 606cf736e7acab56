"""Memoisation for the hot pure functions of name screening: C speed, cheap for the collector.

``functools.lru_cache`` with a bound keeps a linked-list node (a list the garbage collector
tracks) per entry. Screening a national list fills the name caches with hundreds of thousands of
entries, and every full collection then walked them all: pauses of 100–500 ms in the middle of
a query, measured by ``scripts/bench/screening``. Without a bound, ``lru_cache`` is a plain dict
in C (single string arguments are their own key), so the caches are unbounded here and emptied
by ``trim`` at points where nothing is in flight: before each screening query or search, after
each batch of an import or search-index rebuild. (The NormalName values are still objects the
collector visits; the link nodes of a bounded ``lru_cache`` were the bulk.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
LIMIT = 100_000  # entries per cache: some 60 MB in all when every cache is full

_caches: list[Any] = []


def memoise(function: F) -> F:
    cached = functools.lru_cache(maxsize=None)(function)
    _caches.append(cached)
    return cached  # type: ignore[return-value]


def trim(limit: int = LIMIT) -> None:
    """Empty the caches that have grown past ``limit`` (the names in use come back first)."""
    for cached in _caches:
        if cached.cache_info().currsize > limit:
            cached.cache_clear()


def clear() -> None:
    for cached in _caches:
        cached.cache_clear()
