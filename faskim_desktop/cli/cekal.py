"""``faskim cekal import|screen|versions``: the cekal (cegah/tangkal) list on the command line.

``import FILE`` validates the whole file and prints the counts and the diff, or every error with
its line and field (exit 1, nothing written). ``screen`` reads JSON lines on standard input,
``{"id": ..., "name": ..., "dob": "YYYY-MM-DD"|"YYYY"|null, "nationality": "IDN"|null,
"passport": ...|null}``, and writes one JSON line per query with its hits; a malformed line
gets ``{"id": ..., "error": "..."}`` and the batch goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from faskim_desktop.cli._common import workspace
from faskim_desktop.core import messages
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.screening import importer, matcher
from faskim_desktop.core.screening.listfile import ListFileError
from faskim_desktop.core.screening.service import Screener, ScreeningQuery
from faskim_desktop.store.db import Store

MAX_LINE = 100_000


def alert_threshold(settings: object) -> int:
    """The office's alert score: the ``cekal_alert_score`` setting when declared, else the default."""
    getter = getattr(settings, "get", None)
    if getter is not None:
        try:
            value = int(getter("cekal_alert_score"))
            if 0 <= value <= 100:
                return value
        except (KeyError, TypeError, ValueError):
            pass
    return matcher.ALERT_THRESHOLD


def _import(args: argparse.Namespace) -> int:
    ws = workspace(upgrade=True)
    try:
        result = importer.import_list(ws.store, Path(args.file), imported_by=args.by or "")
    except ListFileError as err:
        print(err.message(), file=sys.stderr)
        for row_error in err.errors:
            print(row_error.message(), file=sys.stderr)
        return 1
    finally:
        ws.close()
    print(messages.text("cekal.cli.imported", result.__dict__))
    return 0


def _on_store(action: Callable[[Store], Any]) -> Any:
    """``action`` on the store of FASKIM_DATA_DIR/FASKIM_DB_URL, closed afterwards."""
    ws = workspace(upgrade=True)
    try:
        return action(ws.store)
    finally:
        ws.close()


def _reindex(args: argparse.Namespace) -> int:
    print(messages.text("cekal.cli.reindexed", {"keys": _on_store(importer.reindex)}))
    return 0


def _versions(args: argparse.Namespace) -> int:
    rows = _on_store(importer.versions)
    if args.json:
        print(json.dumps([row.model_dump(mode="json") for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(messages.text("cekal.cli.no_versions"))
    for row in rows:
        print(messages.text("cekal.cli.version_line", row.model_dump()))
    return 0


def parse_query_line(line: str) -> tuple[Any, ScreeningQuery]:
    """One input line → (id, query). Raises ValidationError (with the id when known)."""
    if len(line) > MAX_LINE:
        raise ValidationError("cekal.cli.line_too_long", field="line")
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        raise ValidationError("cekal.cli.bad_json", field="line") from err
    if not isinstance(data, dict):
        raise ValidationError("cekal.cli.bad_json", field="line")
    query_id = data.get("id")
    fields: dict[str, str | None] = {}
    for key in ("name", "dob", "nationality", "passport"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            err = ValidationError("cekal.cli.not_text", field=key)
            err.query_id = query_id  # type: ignore[attr-defined]
            raise err
        fields[key] = value
    return query_id, ScreeningQuery(
        name=fields["name"] or "", dob=fields["dob"], nationality=fields["nationality"], passport=fields["passport"]
    )


def screen_stream(screener: Screener, source: TextIO, sink: TextIO) -> int:
    """Screen every line of ``source``; returns the number of lines that had an error."""
    errors = 0
    for raw in source:
        line = raw.strip()
        if not line:
            continue
        query_id: Any = None
        try:
            query_id, query = parse_query_line(line)
            outcome = screener.screen(query)
        except ValidationError as err:
            errors += 1
            query_id = getattr(err, "query_id", query_id)
            sink.write(json.dumps({"id": _json_safe(query_id), "error": err.message()}, ensure_ascii=False) + "\n")
            sink.flush()
            continue
        record = {
            "id": _json_safe(query_id),
            "list_version": outcome.list_version,
            "hits": [
                {
                    "entry": hit.entry,
                    "score": hit.score,
                    "list_type": hit.list_type,
                    "name": hit.name,
                    "reasons": [reason.text() for reason in hit.reasons],
                    "reason_codes": [reason.code for reason in hit.reasons],
                }
                for hit in outcome.hits
            ],
        }
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        sink.flush()
    return errors


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _screen(args: argparse.Namespace) -> int:
    ws = workspace(upgrade=True)
    try:
        threshold = args.threshold if args.threshold is not None else alert_threshold(ws.settings)
        screener = Screener(ws.store, threshold=threshold)
        screen_stream(screener, sys.stdin, sys.stdout)
    finally:
        ws.close()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("cekal", help="the cekal (cegah/tangkal) list: import, screen, versions")
    sub = parser.add_subparsers(dest="cekal_command", required=True)
    imp = sub.add_parser("import", help="import a list file (CSV UTF-8 or XLSX) as a new version")
    imp.add_argument("file")
    imp.add_argument("--by", default="", help="user name recorded with the version")
    imp.set_defaults(handler=_import)
    scr = sub.add_parser("screen", help="screen JSON lines from standard input")
    scr.add_argument("--threshold", type=int, default=None, choices=range(0, 101), metavar="0-100",
                     help=f"alert score (default {matcher.ALERT_THRESHOLD})")
    scr.set_defaults(handler=_screen)
    sub.add_parser(
        "reindex", help="rebuild the list's normal forms and blocking index with this version's rules"
    ).set_defaults(handler=_reindex)
    ver = sub.add_parser("versions", help="list the imported versions with counts and diffs")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(handler=_versions)


messages.register(
    {
        "cekal.cli.reindexed": {
            "id": "Indeks daftar cekal dibangun ulang: {keys} kunci.",
            "en": "The cekal list index was rebuilt: {keys} keys.",
        },
        "cekal.cli.imported": {
            "id": "Versi {version} diimpor: {entries} entri ({cegah} cegah, {tangkal} tangkal), {names} nama, "
            "{passports} paspor. Dibanding versi sebelumnya: {added} baru, {removed} dihapus, {changed} diubah, "
            "{unchanged} tetap.",
            "en": "Version {version} imported: {entries} entries ({cegah} cegah, {tangkal} tangkal), {names} names, "
            "{passports} passports. Against the previous version: {added} added, {removed} removed, "
            "{changed} changed, {unchanged} unchanged.",
        },
        "cekal.cli.no_versions": {"id": "Belum ada daftar cekal yang diimpor.", "en": "No cekal list imported yet."},
        "cekal.cli.version_line": {
            "id": "Versi {id} ({imported_at:%Y-%m-%d %H:%M} UTC, {source}): {entries} entri, +{added} -{removed} "
            "~{changed}",
            "en": "Version {id} ({imported_at:%Y-%m-%d %H:%M} UTC, {source}): {entries} entries, +{added} -{removed} "
            "~{changed}",
        },
        "cekal.cli.bad_json": {"id": "Baris bukan objek JSON.", "en": "The line is not a JSON object."},
        "cekal.cli.not_text": {"id": "Kolom {field} harus berupa teks atau null.",
                               "en": "Field {field} must be text or null."},
        "cekal.cli.line_too_long": {"id": "Baris terlalu panjang.", "en": "The line is too long."},
    }
)
