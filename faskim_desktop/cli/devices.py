"""``faskim devices``: the technician page's checks on the command line.

    faskim devices list [--json] [--no-devices]
    faskim devices test KIND [--driver NAME] [--device ID] [--fault MODE] [--json]
    faskim devices diagnostics FILE.zip

``test`` uses this workstation's saved choice for KIND (``--data-dir``/FASKIM_DATA_DIR), else
the first available driver (real before simulated), and exits non-zero when the check fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from faskim_desktop.core import messages
from faskim_desktop.devices import registry
from faskim_desktop.devices.errors import DeviceError, DeviceUnavailable
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.selftest import run_selftest
from faskim_desktop.devices.settings import DeviceSettings

MESSAGES = {
    "devices.cli.available": {"id": "tersedia", "en": "available"},
    "devices.cli.unavailable": {"id": "tidak tersedia", "en": "not available"},
    "devices.cli.no_devices": {"id": "tidak ada perangkat terdeteksi", "en": "no device detected"},
    "devices.cli.devices_error": {
        "id": "daftar perangkat gagal: {error}",
        "en": "device list failed: {error}",
    },
    "devices.cli.no_driver": {
        "id": "Tidak ada driver {kind} yang tersedia.",
        "en": "No {kind} driver is available.",
    },
    "devices.cli.test_ok": {
        "id": "Uji {kind} berhasil ({driver}, {device})",
        "en": "{kind} test passed ({driver}, {device})",
    },
    "devices.cli.test_failed": {"id": "Uji {kind} gagal ({driver})", "en": "{kind} test failed ({driver})"},
    "devices.cli.no_fault_injection": {
        "id": "Driver {driver} tidak mendukung simulasi gangguan.",
        "en": "Driver {driver} does not support fault injection.",
    },
    "devices.cli.diagnostics_written": {
        "id": "Diagnostik disimpan: {path}",
        "en": "Diagnostics written: {path}",
    },
    "devices.kind.camera": {"id": "Kamera", "en": "Camera"},
    "devices.kind.fingerprint": {"id": "Pemindai sidik jari", "en": "Fingerprint reader"},
    "devices.kind.scanner": {"id": "Pemindai dokumen", "en": "Document scanner"},
    "devices.kind.printer": {"id": "Printer kartu", "en": "Card printer"},
    "devices.kind.smartcard": {"id": "Pembaca kartu cip", "en": "Smart-card reader"},
}
messages.register(MESSAGES)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("devices", help="device drivers: list and test / daftar dan uji perangkat")
    sub = parser.add_subparsers(dest="devices_command", metavar="ACTION")
    sub.required = True

    p_list = sub.add_parser("list", help="every driver of every kind with availability and devices")
    p_list.add_argument("--json", action="store_true", help="machine-readable output")
    p_list.add_argument("--no-devices", action="store_true", help="do not ask drivers for their devices")
    p_list.set_defaults(handler=cmd_list)

    p_test = sub.add_parser("test", help="run the test action of one device kind")
    p_test.add_argument("kind", choices=[k.value for k in DeviceKind])
    p_test.add_argument("--driver", help="driver name (default: saved choice, else first available)")
    p_test.add_argument("--device", help="device id (default: saved choice, else first listed)")
    p_test.add_argument("--fault", help="simulated drivers: inject this fault mode first")
    p_test.add_argument("--data-dir", type=Path, help="data folder holding devices.json")
    p_test.add_argument("--json", action="store_true", help="machine-readable output")
    p_test.set_defaults(handler=cmd_test)

    p_diag = sub.add_parser("diagnostics", help="write the diagnostics zip (no personal data)")
    p_diag.add_argument("output", type=Path)
    p_diag.add_argument("--data-dir", type=Path, help="data folder holding devices.json and logs/")
    p_diag.set_defaults(handler=cmd_diagnostics)


def kind_label(kind: DeviceKind | str) -> str:
    return messages.text(f"devices.kind.{DeviceKind(kind).value}")


def cmd_list(args: argparse.Namespace) -> int:
    entries = registry.describe_all(with_devices=not args.no_devices)
    if args.json:
        by_kind: dict[str, list[dict[str, Any]]] = {k.value: [] for k in DeviceKind}
        for entry in entries:
            by_kind[entry["kind"]].append(entry)
        json.dump({"kinds": by_kind}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for kind in DeviceKind:
        print(f"{kind_label(kind)} [{kind.value}]")
        mine = [e for e in entries if e["kind"] == kind.value]
        if not mine:
            print("  -")
        for e in mine:
            state = messages.text("devices.cli.available" if e["available"] else "devices.cli.unavailable")
            line = f"  {e['driver']:<12} {state}"
            if e["reason"]:
                line += f": {e['reason']}"
            print(line)
            if args.no_devices or not e["available"]:
                continue
            if e.get("devices_error"):
                print("      " + messages.text("devices.cli.devices_error", {"error": e["devices_error"]}))
            elif not e.get("devices"):
                print("      " + messages.text("devices.cli.no_devices"))
            for d in e.get("devices", []):
                print(f"      {d['id']}  {d['label']}")
    return 0


def _pick_driver(kind: DeviceKind, wanted: str | None, saved: str) -> str:
    if wanted:
        return wanted
    names = registry.available_drivers(kind)
    if saved and saved in names:
        return saved
    if not names:
        raise DeviceUnavailable(
            device=kind.value, reason=messages.text("devices.cli.no_driver", {"kind": kind.value})
        )
    return names[0]


def cmd_test(args: argparse.Namespace) -> int:
    kind = DeviceKind(args.kind)
    settings = DeviceSettings(args.data_dir)
    choice = settings.choice(kind)
    name = ""
    try:
        name = _pick_driver(kind, args.driver, choice.driver)
        driver = registry.create(kind, name)
        if args.fault:
            if not hasattr(driver, "set_fault"):
                print(messages.text("devices.cli.no_fault_injection", {"driver": name}), file=sys.stderr)
                return 2
            driver.set_fault(args.fault)
        device = args.device or (choice.device if choice.driver == name and choice.device else None)
        result = run_selftest(kind, driver, device, settings.effective_settings(kind))
    except DeviceError as err:
        if args.json:
            out = {
                "kind": kind.value,
                "driver": name,
                "ok": False,
                "error": err.code,
                "message": err.message(),
            }
            json.dump(out, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            print(
                messages.text("devices.cli.test_failed", {"kind": kind_label(kind), "driver": name}),
                file=sys.stderr,
            )
            print(err.message(), file=sys.stderr)
        return 1
    if args.json:
        out = {
            "kind": kind.value,
            "driver": result.driver,
            "device": result.device_id,
            "ok": result.ok,
            "summary": result.summary,
        }
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        key = "devices.cli.test_ok" if result.ok else "devices.cli.test_failed"
        print(
            messages.text(
                key, {"kind": kind_label(kind), "driver": result.driver, "device": result.device_id}
            )
        )
        for k, v in result.summary.items():
            print(f"  {k}: {v}")
    return 0 if result.ok else 1


def cmd_diagnostics(args: argparse.Namespace) -> int:
    from faskim_desktop.devices.diagnostics import export_zip

    path = export_zip(args.output, data_dir=args.data_dir)
    print(messages.text("devices.cli.diagnostics_written", {"path": path}))
    return 0
