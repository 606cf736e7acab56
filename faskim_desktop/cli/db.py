"""``faskim db``: create, migrate and inspect the store."""

from __future__ import annotations

import argparse

from faskim_desktop.cli._common import workspace
from faskim_desktop.config import Settings, data_dir
from faskim_desktop.core import messages
from faskim_desktop.core.screening import importer
from faskim_desktop.store import migrate
from faskim_desktop.store.db import Store


def _upgrade(args: argparse.Namespace) -> int:
    ws = workspace(upgrade=True)
    try:
        print(messages.text("cli.db_upgraded", {"revision": migrate.head_revision(), "url": _safe(ws.store.url)}))
        if importer.index_stale(ws.store):  # the name rules changed with this version
            print(messages.text("cekal.cli.reindexed", {"keys": importer.reindex(ws.store)}))
    finally:
        ws.close()
    return 0


def _status(args: argparse.Namespace) -> int:
    store = Store(Settings(data_dir()).db_url())
    try:
        current = migrate.current_revision(store)
        print(messages.text("cli.db_status", {
            "url": _safe(store.url), "current": current or "-", "head": migrate.head_revision()}))
        return 0 if current == migrate.head_revision() else 1
    finally:
        store.dispose()


def _safe(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="create, migrate and inspect the store")
    sub = parser.add_subparsers(dest="db_command", required=True)
    sub.add_parser("upgrade", help="create the store or migrate it to this version").set_defaults(handler=_upgrade)
    sub.add_parser("status", help="show the store's schema revision").set_defaults(handler=_status)


messages.register(
    {
        "cli.db_upgraded": {
            "id": "Basis data siap pada revisi {revision}: {url}",
            "en": "Store ready at revision {revision}: {url}",
        },
        "cli.db_status": {
            "id": "Basis data: {url}\nRevisi sekarang: {current}\nRevisi aplikasi: {head}",
            "en": "Store: {url}\nCurrent revision: {current}\nApplication revision: {head}",
        },
    }
)
