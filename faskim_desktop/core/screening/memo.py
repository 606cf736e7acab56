"""A bounded memo for the hot pure functions of name screening, cheap for the garbage collector.

``functools.lru_cache`` keeps a linked-list node (a list the collector tracks) per entry. Screening
a national list fills the name caches with hundreds of thousands of entries, and every full
collection then walks them all: pauses of 100–500 ms in the middle of a query were measured by
``scripts/bench/screening``. A plain dict of strings and tuples of strings is one tracked object;
when it is full it is emptied and refills with the names in use (the common ones come back first).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


def memoise(maxsize: int) -> Callable[[F], F]:
    def decorate(function: F) -> F:
        cache: dict[tuple, Any] = {}

        @functools.wraps(function)
        def cached(*args: Any) -> Any:
            try:
                return cache[args]
            except KeyError:
                pass
            value = function(*args)
            if len(cache) >= maxsize:
                cache.clear()
            cache[args] = value
            return value

        cached.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate
