"""``faskim passport``: read an ePassport chip or check an MRZ, for technicians and tests.

    faskim passport read --mrz-key DOCNO,YYMMDD,YYMMDD [--reader NAME] [--json]
                         [--csca FILE]... [--photo-out FILE] [--driver pcsc|simulated] [--emulator]
    faskim passport mrz [--json] < lines

``read`` prints the DG1 fields and whether the data groups match EF.SOD (exit 1 when they do
not); ``--emulator`` reads the built-in demo chip in-process, without PC/SC. ``mrz`` parses MRZ
lines from standard input (as a keyboard-wedge reader types them) and names a failing check
digit in words. Expected failures print one sentence (exit 2), never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faskim_desktop.core import messages, mrz
from faskim_desktop.core.emrtd import lds
from faskim_desktop.core.emrtd.reader import PassportData, PassportReader
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.devices.errors import CardRemoved, DeviceUnavailable, NotConnected

MESSAGES = {
    "passport.cli.key_format": {
        "id": "Kunci MRZ harus berbentuk NOMOR,YYMMDD,YYMMDD (nomor paspor, tanggal lahir, habis berlaku).",
        "en": "The MRZ key must be DOCNO,YYMMDD,YYMMDD (document number, date of birth, expiry).",
    },
    "passport.cli.no_reader": {
        "id": "Tidak ada pembaca kartu cip yang ditemukan.",
        "en": "No smart-card reader was found.",
    },
    "passport.field.document_code": {"id": "Jenis dokumen", "en": "Document code"},
    "passport.field.issuing_state": {"id": "Negara penerbit", "en": "Issuing state"},
    "passport.field.document_number": {"id": "Nomor dokumen", "en": "Document number"},
    "passport.field.surname": {"id": "Nama keluarga", "en": "Surname"},
    "passport.field.given_names": {"id": "Nama depan", "en": "Given names"},
    "passport.field.nationality": {"id": "Kewarganegaraan", "en": "Nationality"},
    "passport.field.date_of_birth": {"id": "Tanggal lahir", "en": "Date of birth"},
    "passport.field.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "passport.field.date_of_expiry": {"id": "Berlaku hingga", "en": "Date of expiry"},
    "passport.field.optional_data": {"id": "Data tambahan", "en": "Optional data"},
    "passport.field.format": {"id": "Format MRZ", "en": "MRZ format"},
    "passport.field.face": {"id": "Foto (DG2)", "en": "Photo (DG2)"},
    "passport.sod.match": {
        "id": "SOD: data cocok ({groups}, {algorithm})",
        "en": "SOD: data groups match ({groups}, {algorithm})",
    },
    "passport.sod.mismatch": {
        "id": "SOD: data TIDAK cocok: {groups}",
        "en": "SOD: data groups DO NOT match: {groups}",
    },
    "passport.sod.absent": {"id": "SOD: tidak ada di chip", "en": "SOD: not on the chip"},
    "passport.sod.signature_ok": {
        "id": "Tanda tangan SOD sah ({signer})",
        "en": "SOD signature valid ({signer})",
    },
    "passport.sod.signature_bad": {
        "id": "Tanda tangan SOD TIDAK sah ({problem})",
        "en": "SOD signature NOT valid ({problem})",
    },
    "passport.sod.chain_ok": {"id": "Rantai ke CSCA: sah", "en": "Chain to a CSCA: valid"},
    "passport.sod.chain_bad": {"id": "Rantai ke CSCA: TIDAK sah", "en": "Chain to a CSCA: NOT valid"},
    "passport.sod.chain_unchecked": {
        "id": "Rantai ke CSCA: tidak diperiksa (tidak ada CSCA dimuat)",
        "en": "Chain to a CSCA: not checked (no CSCA loaded)",
    },
}
messages.register(MESSAGES)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("passport", help="read an ePassport chip or check an MRZ")
    sub = parser.add_subparsers(dest="passport_command", metavar="ACTION")
    sub.required = True

    read = sub.add_parser("read", help="read DG1/DG2/SOD from the chip with BAC")
    read.add_argument("--mrz-key", required=True, metavar="DOCNO,YYMMDD,YYMMDD")
    read.add_argument("--reader", help="PC/SC reader name (default: the first with a card)")
    read.add_argument("--driver", default="pcsc", help="smart-card driver (default: pcsc)")
    read.add_argument("--emulator", action="store_true", help="read the built-in demo chip, no PC/SC")
    read.add_argument("--csca", type=Path, action="append", default=[], help="CSCA PEM/DER or master list")
    read.add_argument("--photo-out", type=Path, help="write the DG2 face image to this file")
    read.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for a card")
    read.add_argument("--json", action="store_true")
    read.set_defaults(handler=cmd_read)

    check = sub.add_parser("mrz", help="parse MRZ lines from standard input")
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=cmd_mrz)


# -- output ------------------------------------------------------------------------------------


def mrz_fields(data: mrz.MrzData) -> dict[str, str]:
    return {
        "format": data.format.value,
        "document_code": data.document_code,
        "issuing_state": data.issuing_state,
        "document_number": data.document_number,
        "surname": data.primary_identifier,
        "given_names": data.secondary_identifier,
        "nationality": data.nationality,
        "date_of_birth": data.date_of_birth.isoformat() if data.date_of_birth else data.date_of_birth_raw,
        "sex": data.sex.value,
        "date_of_expiry": data.date_of_expiry.isoformat(),
        "optional_data": data.optional_data,
    }


def _print_fields(fields: dict[str, str]) -> None:
    for key, value in fields.items():
        print(f"{messages.text('passport.field.' + key)}: {value}")


def passport_json(data: PassportData) -> dict[str, Any]:
    out: dict[str, Any] = mrz_fields(data.dg1)
    out["data_groups"] = list(data.ef_com.data_groups)
    if data.face is not None:
        out["face"] = {
            "mime": data.face.mime,
            "width": data.face.width,
            "height": data.face.height,
            "bytes": len(data.face.data),
        }
    pa = data.passive_auth
    out["sod"] = (
        None
        if pa is None
        else {
            "match": pa.hashes_ok,
            "hash_algorithm": pa.hash_algorithm,
            "data_groups": {str(k): v for k, v in pa.checked.items()},
            "signature_valid": pa.signature_valid,
            "chain_valid": pa.chain_valid,
            "signer": pa.signer_subject,
            "problem": pa.problem,
        }
    )
    return out


def _print_passport(data: PassportData) -> None:
    _print_fields(mrz_fields(data.dg1))
    if data.face is not None:
        label = messages.text("passport.field.face")
        print(f"{label}: {data.face.mime} {data.face.width}x{data.face.height}, {len(data.face.data)} B")
    pa = data.passive_auth
    if pa is None:
        print(messages.text("passport.sod.absent"))
        return
    if pa.hashes_ok:
        groups = ", ".join(f"DG{n}" for n in pa.checked)
        print(messages.text("passport.sod.match", {"groups": groups, "algorithm": pa.hash_algorithm}))
    else:
        bad = ", ".join(f"DG{n}" for n, ok in pa.checked.items() if not ok)
        print(messages.text("passport.sod.mismatch", {"groups": bad}))
    if pa.signature_valid:
        print(messages.text("passport.sod.signature_ok", {"signer": pa.signer_subject}))
    else:
        print(messages.text("passport.sod.signature_bad", {"problem": pa.problem}))
    if pa.chain_valid is None:
        print(messages.text("passport.sod.chain_unchecked"))
    else:
        print(messages.text("passport.sod.chain_ok" if pa.chain_valid else "passport.sod.chain_bad"))


# -- the card connection -----------------------------------------------------------------------


def parse_key(text: str) -> str:
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 3:
        raise ValidationError("passport.cli.key_format", field="mrz_key")
    return mrz.mrz_key(*parts)


def _driver_transmit(args: argparse.Namespace) -> tuple[Callable[[bytes], bytes], Callable[[], None]]:
    """A transmit function through the project's smart-card driver (registry)."""
    from faskim_desktop.devices import registry

    driver = registry.create("smartcard", args.driver)
    devices = driver.devices()
    if not devices:
        raise NotConnected(device=args.driver, reason="no reader")
    if args.reader:
        device_id = args.reader
    else:
        with_card = [d for d in devices if d.details.get("card") == "present"]
        device_id = (with_card or devices)[0].id
    driver.open(device_id)
    try:
        connection = driver.connect(timeout=args.timeout)  # type: ignore[attr-defined]
    except Exception:
        driver.close()
        raise

    def close() -> None:
        connection.disconnect()
        driver.close()

    return connection.transmit, close


def _pyscard_transmit(args: argparse.Namespace) -> tuple[Callable[[bytes], bytes], Callable[[], None]]:
    """A thin direct pyscard connection, used only when the driver registry cannot be used."""
    try:
        from smartcard.Exceptions import CardConnectionException
        from smartcard.System import readers
    except ImportError as exc:
        raise DeviceUnavailable(device="pcsc", reason="pyscard is not installed") from exc
    found = [r for r in readers() if args.reader is None or str(r) == args.reader]
    if not found:
        raise NotConnected(device=args.reader or "pcsc", reason="reader not found")
    connection = found[0].createConnection()
    try:
        connection.connect()
    except CardConnectionException as exc:
        raise NotConnected(device=str(found[0]), reason="no card") from exc

    def transmit(apdu: bytes) -> bytes:
        try:
            data, sw1, sw2 = connection.transmit(list(apdu))
        except CardConnectionException as exc:
            raise CardRemoved(device=str(found[0])) from exc
        return bytes(data) + bytes([sw1, sw2])

    return transmit, connection.disconnect


def open_transmit(args: argparse.Namespace) -> tuple[Callable[[bytes], bytes], Callable[[], None]]:
    if args.emulator:
        from faskim_desktop.devices.emrtd_emulator import DEMO, EmrtdApplet

        return EmrtdApplet(DEMO).respond, lambda: None
    try:
        return _driver_transmit(args)
    except (ImportError, KeyError, LookupError):
        return _pyscard_transmit(args)


# -- commands ----------------------------------------------------------------------------------


def cmd_read(args: argparse.Namespace) -> int:
    key = parse_key(args.mrz_key)
    cscas = []
    for path in args.csca:
        cscas.extend(lds.load_csca_certificates(path.read_bytes()))
    transmit, close = open_transmit(args)
    try:
        data = PassportReader(transmit).read(key, cscas=cscas, strict=False)
    finally:
        close()
    if args.photo_out and data.face is not None:
        args.photo_out.write_bytes(data.face.data)
    if args.json:
        print(json.dumps(passport_json(data), ensure_ascii=False, indent=2))
    else:
        _print_passport(data)
    pa = data.passive_auth
    if pa is not None and (not pa.hashes_ok or pa.problem):
        return 1
    return 0


def cmd_mrz(args: argparse.Namespace) -> int:
    data = mrz.parse(sys.stdin.read())
    fields = mrz_fields(data)
    if args.json:
        print(json.dumps(fields, ensure_ascii=False, indent=2))
    else:
        _print_fields(fields)
    return 0
