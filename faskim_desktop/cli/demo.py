"""``faskim demo seed``: demo users, office settings and synthetic cases (never on a real office's store)."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from faskim_desktop.cli._common import workspace
from faskim_desktop.core import demo_data, messages, office

EXAMPLE_LIST = Path(__file__).resolve().parents[2] / "resources" / "cekal" / "example.csv"


def _seed(args: argparse.Namespace) -> int:
    ws = workspace(upgrade=True)
    try:
        started = time.perf_counter()
        if args.users:
            made = demo_data.seed_users(ws.store)
            print(messages.text("demo.users", {"count": made, "password": demo_data.DEMO_PASSWORD}))
            with ws.store.write() as session:
                try:
                    office.fee_on(session, date.today())
                except Exception:
                    office.set_fee(session, "demo", 400_000, date(2019, 1, 1))
            if EXAMPLE_LIST.exists():
                from faskim_desktop.core.screening.importer import current_version, import_list

                if current_version(ws.store) is None:
                    import_list(ws.store, EXAMPLE_LIST, imported_by="demo")
        if args.cases:
            result = demo_data.seed_cases(ws.store, args.cases, days=args.days, seed=args.seed)
            print(messages.text("demo.cases", {"count": result.cases, "closed": result.closed, "open": result.open,
                                               "seconds": f"{time.perf_counter() - started:.1f}"}))
        return 0
    finally:
        ws.close()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="demo and training data")
    sub = parser.add_subparsers(dest="demo_command", required=True)
    seed = sub.add_parser("seed", help="fill the store with demo users and synthetic cases")
    seed.add_argument("--users", action="store_true", help="add the demo users, fee and example cekal list")
    seed.add_argument("--cases", type=int, default=0, help="synthetic cases spread over past months")
    seed.add_argument("--days", type=int, default=120, help="how far back the cases go")
    seed.add_argument("--seed", type=int, default=7)
    seed.set_defaults(handler=_seed)


messages.register(
    {
        "demo.users": {
            "id": "{count} pengguna demo dibuat (kata sandi: {password}).",
            "en": "{count} demo users created (password: {password}).",
        },
        "demo.cases": {
            "id": "{count} berkas sintetis dibuat ({closed} selesai/berakhir, {open} masih berjalan) dalam {seconds} dtk.",
            "en": "{count} synthetic cases created ({closed} closed/ended, {open} open) in {seconds} s.",
        },
    }
)
