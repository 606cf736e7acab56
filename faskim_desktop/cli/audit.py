"""``faskim audit verify``: check the hash chain; non-zero exit naming the first broken event."""

from __future__ import annotations

import argparse

from faskim_desktop.cli._common import print_json, workspace
from faskim_desktop.core import audit


def _verify(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        with ws.store.read() as session:
            report = audit.verify(session)
    finally:
        ws.close()
    if args.json:
        print_json({"ok": report.ok, "events": report.events, "first_broken_seq": report.first_broken_seq,
                    "first_broken_id": report.first_broken_id, "problem": report.problem,
                    "message": report.message()})
    else:
        print(report.message())
    return 0 if report.ok else 1


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="the audit trail")
    sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = sub.add_parser("verify", help="verify the hash chain")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)
