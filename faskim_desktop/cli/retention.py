"""``faskim retention run [--dry-run]``: remove biometrics of cases handed over long enough ago."""

from __future__ import annotations

import argparse

from faskim_desktop.cli._common import print_json, workspace
from faskim_desktop.core import messages, retention


def _run(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        days = retention.configured_days(ws) if args.days is None else args.days
        if days == 0:
            report = retention.RetentionReport(0, None, args.dry_run)
        else:
            report = retention.run(ws, days, dry_run=args.dry_run)
    finally:
        ws.close()
    if args.json:
        print_json(report.as_dict())
    elif days == 0:
        print(messages.text("retention.off"))
    else:
        assert report.cutoff is not None
        print(messages.text("retention.dry_run" if args.dry_run else "retention.done", {
            "cases": len(report.cases), "files": report.files, "mb": f"{report.bytes / 1e6:.1f}",
            "cutoff": report.cutoff.astimezone().strftime("%Y-%m-%d %H:%M")}))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("retention", help="retention of biometrics after handover")
    sub = parser.add_subparsers(dest="retention_command", required=True)
    run = sub.add_parser("run", help="remove photos/fingerprints of closed cases past the retention period")
    run.add_argument("--dry-run", action="store_true", help="only count what would be removed")
    run.add_argument("--days", type=int, default=None,
                     help="retention period in days (default: the setting biometric_retention_days)")
    run.add_argument("--json", action="store_true")
    run.set_defaults(handler=_run)
