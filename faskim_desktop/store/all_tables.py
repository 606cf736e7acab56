"""Imports every module that defines tables, so the metadata is complete for Alembic and tests."""

from faskim_desktop.store import (
    tables,  # noqa: F401
    tables_cekal,  # noqa: F401
    tables_search,  # noqa: F401
)
