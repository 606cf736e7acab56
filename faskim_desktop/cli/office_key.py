"""``faskim office-key``: the office seal key the application signs cards with, created at set-up.

    faskim office-key create     create it now (once; an existing key is kept)  [--json]
    faskim office-key show       where it is, its key id, whether this computer can open it  [--json]

The key lives in the data folder's ``keys/`` (``$FASKIM_DATA_DIR/keys``), its private half encrypted
under a random secret this computer keeps like the file-store key (OS keyring or a 0600 file), so
the counter prints cards without a passphrase being typed. ``faskim card verify`` trusts the
certificate beside it without extra flags. Copy ``keys/seal-certificate.pem`` into another office's
``keys/trusted/`` for it to verify this office's cards. (``faskim card keygen`` makes a key with a
typed passphrase for other uses; the application cannot open such a key.)
"""

from __future__ import annotations

import argparse

from faskim_desktop.cli._common import print_json, workspace
from faskim_desktop.core import messages
from faskim_desktop.core.seal import CERTIFICATE_FILE, SealKeyError
from faskim_desktop.core.services.office_keys import OfficeKeys

MESSAGES: dict[str, dict[str, str]] = {
    "cli.office_key.ready": {
        "id": "Kunci segel kantor siap. ID kunci: {key_id}\nSertifikat (bagikan ke kantor lain): {cert}",
        "en": "The office seal key is ready. Key id: {key_id}\n"
        "Certificate (share with other offices): {cert}",
    },
    "cli.office_key.none": {
        "id": "Belum ada kunci segel kantor di {path}. Buat dengan: faskim office-key create",
        "en": "No office seal key in {path} yet. Create it with: faskim office-key create",
    },
}
messages.register(MESSAGES)


def _report(keys: OfficeKeys, as_json: bool) -> int:
    cert = keys.folder / CERTIFICATE_FILE
    if not keys.exists():
        if as_json:
            print_json({"exists": False, "folder": str(keys.folder)})
        else:
            print(messages.text("cli.office_key.none", {"path": str(keys.folder)}))
        return 1
    try:
        key_id, usable, problem = keys.key_id_hex(), True, ""
    except SealKeyError as err:
        key_id, usable, problem = "", False, err.message()
    if as_json:
        print_json(
            {
                "exists": True,
                "usable": usable,
                "key_id": key_id,
                "certificate": str(cert),
                "folder": str(keys.folder),
                "problem": problem,
            }
        )
    elif usable:
        print(messages.text("cli.office_key.ready", {"key_id": key_id, "cert": str(cert)}))
    else:
        print(problem)
    return 0 if usable else 1


def _create(args: argparse.Namespace) -> int:
    ws = workspace(upgrade=True)
    try:
        keys = OfficeKeys(ws)
        keys.ensure()
        return _report(keys, args.json)
    finally:
        ws.close()


def _show(args: argparse.Namespace) -> int:
    from faskim_desktop.core.workspace import open_workspace

    ws = open_workspace(check=False)  # only the keys folder is read
    try:
        return _report(OfficeKeys(ws), args.json)
    finally:
        ws.close()


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("office-key", help="the office seal key the application signs cards with")
    commands = parser.add_subparsers(dest="office_key_command", metavar="ACTION")
    commands.required = True
    create = commands.add_parser(
        "create", help="create the office seal key (at set-up; an existing key is kept)"
    )
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_create)
    show = commands.add_parser("show", help="show the office seal key's id and certificate")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
