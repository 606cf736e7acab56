"""``faskim card``: the card's signed seal — verify a card offline, create the office key.

    faskim card verify FILE [--keys DIR] [--json]   PDF or PNG/JPEG of the card
    faskim card keygen --office-code JKS --office-name "Kantor Imigrasi ..." [--dir DIR]

Trusted keys come from ``--keys DIR``, else ``$FASKIM_DATA_DIR/keys`` (the data folder). ``verify``
exits 0 only when the seal is valid, 1 when it is read but not valid, 2 when it cannot be read.
``keygen`` reads the passphrase from FASKIM_SEAL_PASSPHRASE when set (automated set-up), else asks
twice on the terminal.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from faskim_desktop.core import messages
from faskim_desktop.core.seal import SealFields, create_office_key, load_trusted_keys

PASSPHRASE_ENV = "FASKIM_SEAL_PASSPHRASE"
KEYS_SUBDIR = "keys"

MESSAGES: dict[str, dict[str, str]] = {
    "cli.card.valid": {"id": "SAH", "en": "VALID"},
    "cli.card.invalid": {"id": "TIDAK SAH", "en": "INVALID"},
    "cli.card.keys_from": {"id": "Kunci tepercaya dari {path}", "en": "Trusted keys from {path}"},
    "cli.card.key_created": {
        "id": "Kunci segel kantor dibuat. ID kunci: {key_id}\nKunci privat: {key}\nSertifikat: {cert}",
        "en": "Office seal key created. Key id: {key_id}\nPrivate key: {key}\nCertificate: {cert}",
    },
    "cli.card.passphrase": {"id": "Frasa sandi kunci segel: ", "en": "Seal key passphrase: "},
    "cli.card.passphrase_again": {"id": "Ulangi frasa sandi: ", "en": "Repeat the passphrase: "},
    "cli.card.passphrase_mismatch": {"id": "Frasa sandi tidak sama.", "en": "The passphrases differ."},
    "cli.card.untrusted_fields": {
        "id": "PERHATIAN: data berikut TIDAK terverifikasi.",
        "en": "WARNING: the data below is NOT verified.",
    },
    "cli.card.office": {"id": "Kantor penerbit", "en": "Issuing office"},
    "cli.card.signer": {"id": "Kunci penanda tangan", "en": "Signer key"},
    "cli.card.signed_on": {"id": "Tanggal segel", "en": "Seal date"},
    "cli.card.field.register_number": {"id": "Nomor register", "en": "Register number"},
    "cli.card.field.name": {"id": "Nama", "en": "Name"},
    "cli.card.field.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "cli.card.field.place_of_birth": {"id": "Tempat lahir", "en": "Place of birth"},
    "cli.card.field.date_of_birth": {"id": "Tanggal lahir", "en": "Date of birth"},
    "cli.card.field.nationality": {"id": "Kewarganegaraan", "en": "Nationality"},
    "cli.card.field.passport_number": {"id": "Nomor paspor", "en": "Passport number"},
    "cli.card.field.passport_expiry": {"id": "Paspor berlaku s.d.", "en": "Passport expiry"},
    "cli.card.field.niora": {"id": "NIORA", "en": "NIORA"},
    "cli.card.field.issue_date": {"id": "Tanggal dikeluarkan", "en": "Date of issue"},
    "cli.card.field.valid_until": {"id": "Berlaku hingga", "en": "Valid until"},
}
messages.register(MESSAGES)


def default_keys_dir() -> Path:
    configured = os.environ.get("FASKIM_DATA_DIR")
    if configured:
        return Path(configured).expanduser() / KEYS_SUBDIR
    try:
        from faskim_desktop.config import data_dir
    except ImportError:  # pragma: no cover - config is the lead's module; keep the CLI usable
        return Path.home() / ".local" / "share" / "faskim-desktop" / KEYS_SUBDIR
    return data_dir() / KEYS_SUBDIR


def _format(value: object) -> str:
    return value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else str(value)


def _verify(args: argparse.Namespace) -> int:
    from faskim_desktop.documents.seal_reader import verify_file  # lazy: pulls PIL/ctypes

    keys_dir = Path(args.keys) if args.keys else default_keys_dir()
    trusted = load_trusted_keys(keys_dir) if keys_dir.is_dir() else {}
    result = verify_file(args.file, trusted)
    status = messages.text("cli.card.valid" if result.valid else "cli.card.invalid")
    reason = messages.text(result.reason_code, {"detail": result.detail, "key_id": result.detail})
    if args.json:
        out = {
            "valid": result.valid,
            "reason_code": result.reason_code,
            "reason": reason,
            "office_code": result.office_code,
            "key_id": result.header.key_id_hex if result.header else None,
            "signed_on": result.header.signed_on.isoformat() if result.header else None,
            "fields": (
                {k: (v.isoformat() if isinstance(v, dt.date) else v)
                 for k, v in dataclasses.asdict(result.fields).items()}
                if result.fields else None
            ),
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        if not trusted:
            print(messages.text("seal.no_trusted_keys", {"path": str(keys_dir)}), file=sys.stderr)
        if result.header is not None:
            print(f"{messages.text('cli.card.office')}: {result.header.office_code}")
            print(f"{messages.text('cli.card.signer')}: {result.header.key_id_hex}")
            print(f"{messages.text('cli.card.signed_on')}: {_format(result.header.signed_on)}")
        if result.fields is not None:
            if not result.valid:
                print(messages.text("cli.card.untrusted_fields"))
            for field in dataclasses.fields(SealFields):
                label = messages.text(f"cli.card.field.{field.name}")
                print(f"{label}: {_format(getattr(result.fields, field.name))}")
        print(f"{status}: {reason}")
    return 0 if result.valid else 1


def _read_passphrase() -> str:
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    first = getpass.getpass(messages.text("cli.card.passphrase"))
    second = getpass.getpass(messages.text("cli.card.passphrase_again"))
    if first != second:
        print(messages.text("cli.card.passphrase_mismatch"), file=sys.stderr)
        raise SystemExit(2)
    return first


def _keygen(args: argparse.Namespace) -> int:
    folder = Path(args.dir) if args.dir else default_keys_dir()
    files = create_office_key(
        folder, _read_passphrase(), office_code=args.office_code, office_name=args.office_name
    )
    print(messages.text(
        "cli.card.key_created",
        {"key_id": files.key_id_hex, "key": str(files.private_key), "cert": str(files.certificate)},
    ))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("card", help="verify a card's signed seal; create the office seal key")
    commands = parser.add_subparsers(dest="card_command", metavar="ACTION")
    commands.required = True

    verify = commands.add_parser("verify", help="check the seal of a card PDF or image (exit 0 = valid)")
    verify.add_argument("file", help="card PDF, or PNG/JPEG scan or photo of the card's back")
    verify.add_argument("--keys", metavar="DIR", help="folder of trusted certificates (default: data folder/keys)")
    verify.add_argument("--json", action="store_true", help="print one JSON object")
    verify.set_defaults(handler=_verify)

    keygen = commands.add_parser("keygen", help="create the office's seal key pair (once, at set-up)")
    keygen.add_argument("--dir", metavar="DIR", help="where to write the key (default: data folder/keys)")
    keygen.add_argument("--office-code", required=True, help="short office code written into every seal")
    keygen.add_argument("--office-name", default="Kantor Imigrasi", help="office name for the certificate")
    keygen.set_defaults(handler=_keygen)
