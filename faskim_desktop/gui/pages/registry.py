"""Which page shows which SOP state. Page modules (``gui/pages/step_*.py``) register themselves,
so adding a page never edits the wizard."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from faskim_desktop.core import sop
from faskim_desktop.gui import pages

_PAGES: dict[sop.State, type] = {}
_loaded = False


def register(*states: sop.State) -> Callable[[type], type]:
    def decorate(cls: type) -> type:
        for state in states:
            _PAGES[state] = cls
        cls.states = states  # type: ignore[attr-defined]
        return cls

    return decorate


def page_type(state: sop.State) -> type | None:
    load_pages()
    return _PAGES.get(state)


def load_pages() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for info in pkgutil.iter_modules(pages.__path__):
        if info.name.startswith("step_"):
            importlib.import_module(f"{pages.__name__}.{info.name}")
