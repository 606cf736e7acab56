"""``faskim backup DIR`` and ``faskim restore DIR``."""

from __future__ import annotations

import argparse
from pathlib import Path

from faskim_desktop.cli._common import workspace
from faskim_desktop.config import Settings, data_dir
from faskim_desktop.core import backup, messages


def _backup(args: argparse.Namespace) -> int:
    ws = workspace()
    try:
        if args.daily:
            made = backup.daily(ws, Path(args.dir), args.keep or int(ws.settings.get("backup_keep")))
            print(messages.text("cli.backup_daily", {"path": made or "-"}))
            return 0
        info = backup.create(ws, Path(args.dir), include_keys=args.include_keys)
    finally:
        ws.close()
    print(messages.text("cli.backup_done", {"path": info.folder, "files": info.files,
                                            "mb": f"{info.bytes / 1e6:.1f}"}))
    return 0


def _restore(args: argparse.Namespace) -> int:
    source = Path(args.dir)
    manifest = backup.verify(source)
    print(messages.text("cli.restore_verified", {"created": manifest.get("created_at", "?"),
                                                 "files": len(manifest["sha256"])}))
    if args.verify_only:
        return 0
    folder = data_dir()
    aside = backup.restore(folder, Settings(folder).db_url(), source)
    print(messages.text("cli.restore_done", {"aside": aside}))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    make = subparsers.add_parser("backup", help="a consistent copy of the store and the file store")
    make.add_argument("dir", help="a new, empty folder (with --daily: the folder holding daily backups)")
    make.add_argument("--include-keys", action="store_true", help="also copy the file store key (keep it safe!)")
    make.add_argument("--daily", action="store_true", help="today's backup in DIR/daily-DATE, with rotation")
    make.add_argument("--keep", type=int, default=0, help="daily backups to keep (default: the setting backup_keep)")
    make.set_defaults(handler=_backup)
    back = subparsers.add_parser("restore", help="verify a backup, then replace the store with it")
    back.add_argument("dir")
    back.add_argument("--verify-only", action="store_true", help="check the backup and change nothing")
    back.set_defaults(handler=_restore)


messages.register(
    {
        "cli.backup_done": {
            "id": "Cadangan selesai: {path} ({files} berkas, {mb} MB).",
            "en": "Backup written: {path} ({files} files, {mb} MB).",
        },
        "cli.backup_daily": {"id": "Cadangan harian: {path}", "en": "Daily backup: {path}"},
        "cli.restore_verified": {
            "id": "Cadangan terverifikasi (dibuat {created}, {files} berkas).",
            "en": "Backup verified (made {created}, {files} files).",
        },
        "cli.restore_done": {
            "id": "Pemulihan selesai. Data sebelumnya disimpan di {aside}.",
            "en": "Restore finished. The previous data was kept in {aside}.",
        },
    }
)
