"""``faskim selftest``: one synthetic application through all eleven SOP steps, in a throw-away store.

    faskim selftest [--simulated] [--json] [--keep DIR]

What a technician runs after installing the application or changing a device. The case is carried
by ``core.scripted_case.carry`` — the same services the GUI calls — with its images taken from the
workstation's configured devices (``devices.json``, as the technician page set them) or, with
``--simulated``, from the simulated drivers shipped in the package. No Qt widget is involved.

The store is never the office's: a fresh SQLite file, file store and seal key in a temporary folder
(deleted afterwards), or in ``--keep DIR`` (which must not hold a store already) where it stays for
inspection: ``FASKIM_DATA_DIR=DIR faskim audit verify`` and ``FASKIM_DATA_DIR=DIR faskim card verify
CARD.pdf`` work on it. The people are throw-away accounts with random passwords, made in that store.
The office's ``FASKIM_DB_URL`` is ignored on purpose. Cards printed by the self-test carry the office
code ``UJI`` and a throw-away key, so they can never pass for a real card.

Output: each step's result and time, and the files produced (tanda terima, kuitansi, card, archive);
with ``--json`` one object ``{"ok", "steps": [{"step", "name", "ok", "seconds", "error"}], "files"}``
(the SOP's file-scan sub-step 4a is counted within step 4). Exit 0 when every step passed, 1 otherwise,
2 when the self-test could not start.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from faskim_desktop.core import messages, office, sop
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.services.base import CaseRef

log = logging.getLogger(__name__)

SELFTEST_OFFICE_CODE = "UJI"
SELFTEST_OFFICE_NAME = "Uji mandiri Faskim Desktop (bukan kartu sah)"
FEE = 400_000
JOB_TIMEOUT_S = 180.0
ROLES = {
    "loket": "uji-loket",
    "supervisor": "uji-supervisor",
    "bendahara": "uji-bendahara",
    "wasdakim": "uji-wasdakim",
    "kakanim": "uji-kakanim",
    "infokim": "uji-infokim",
}
STEP_NUMBERS = tuple(str(n) for n in range(1, 12))

MESSAGES: dict[str, dict[str, str]] = {
    "selftest.store_exists": {
        "id": "Folder {path} sudah berisi basis data; uji mandiri hanya memakai folder kosong atau baru.",
        "en": "The folder {path} already holds a store; the self-test only uses an empty or new folder.",
    },
    "selftest.office_folder": {
        "id": "Folder {path} adalah folder data kantor; uji mandiri tidak pernah memakai data kantor.",
        "en": "The folder {path} is the office's data folder; the self-test never uses the office's data.",
    },
    "selftest.not_run": {
        "id": "Tidak dijalankan karena langkah sebelumnya gagal.",
        "en": "Not run because an earlier step failed.",
    },
    "selftest.job_failed": {
        "id": "Pencetakan kartu gagal di printer ({reason}).",
        "en": "Card printing failed at the printer ({reason}).",
    },
    "selftest.header": {
        "id": "Uji mandiri Faskim Desktop ({devices})",
        "en": "Faskim Desktop self-test ({devices})",
    },
    "selftest.devices_simulated": {"id": "perangkat simulasi", "en": "simulated devices"},
    "selftest.devices_configured": {"id": "perangkat terpasang", "en": "configured devices"},
    "selftest.files": {"id": "Berkas yang dihasilkan:", "en": "Files produced:"},
    "selftest.kept": {"id": "Basis data uji disimpan di {path}", "en": "Test store kept in {path}"},
    "selftest.ok": {"id": "Semua langkah berhasil.", "en": "Every step passed."},
    "selftest.failed": {"id": "Uji mandiri GAGAL.", "en": "Self-test FAILED."},
    "selftest.file.tanda_terima": {"id": "Tanda terima", "en": "Application receipt"},
    "selftest.file.kuitansi": {"id": "Kuitansi", "en": "Payment receipt"},
    "selftest.file.card": {"id": "Kartu", "en": "Card"},
    "selftest.file.archive": {"id": "Arsip", "en": "Archive"},
}
messages.register(MESSAGES)


# --- devices ------------------------------------------------------------------------------------


class DeviceSource:
    """Opened drivers, one per kind, from the workstation's device settings or the simulators."""

    def __init__(self, simulated: bool, printer_folder: Path) -> None:
        from faskim_desktop.devices.settings import DeviceSettings

        self.simulated = simulated
        self.settings = DeviceSettings()  # read only: the workstation's choices
        self.printer_folder = printer_folder
        self._drivers: dict[Any, Any] = {}

    def driver(self, kind: Any) -> Any:
        from faskim_desktop.devices.registry import SIMULATED, get_registry

        if kind in self._drivers:
            return self._drivers[kind]
        choice = self.settings.choice(kind)
        name = SIMULATED if self.simulated or not choice.driver else choice.driver
        driver = get_registry().create(kind, name)
        device = choice.device if name == choice.driver else ""
        settings: dict[str, Any] = self.settings.effective_settings(kind) if name == choice.driver else {}
        if name == SIMULATED and kind.value == "printer":
            settings = {**settings, "output_dir": str(self.printer_folder)}
        if not device:
            found = driver.devices()
            device = found[0].id if found else ""
        driver.open(device, settings)
        self._drivers[kind] = driver
        return driver

    def close(self) -> None:
        for driver in self._drivers.values():
            try:
                driver.close()
            except Exception:  # a failed device must not hide the report
                log.debug("driver close failed", exc_info=True)


def _png(image: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _artefacts(devices: DeviceSource, ws: Any, crew: Any, outputs: dict[str, Path], out_dir: Path) -> Any:
    from PIL import Image

    from faskim_desktop.core.scripted_case import Artefacts
    from faskim_desktop.core.services.card_output import CardOutputService
    from faskim_desktop.devices.protocols import DeviceKind, JobState, ScanSettings

    def scan(_category: str = "") -> list[bytes]:
        pages = devices.driver(DeviceKind.SCANNER).scan(ScanSettings(resolution=150, mode="color"))
        return [page.png for page in pages]

    def photo() -> tuple[bytes, bytes]:
        frame = devices.driver(DeviceKind.CAMERA).read_frame(timeout=5.0)
        blue, green, red = Image.frombytes("RGB", (frame.width, frame.height), frame.data).split()
        image = Image.merge("RGB", (red, green, blue))  # frames are BGR
        width = min(image.width, image.height * 3 // 4)  # the centre, in the card photo's 3:4 portrait
        left = (image.width - width) // 2
        image = image.crop((left, 0, left + width, image.height))
        jpeg = io.BytesIO()
        image.save(jpeg, "JPEG", quality=90)
        return _png(image), jpeg.getvalue()

    def fingerprint(finger: str) -> tuple[bytes, int]:
        capture = devices.driver(DeviceKind.FINGERPRINT).capture(finger, timeout=30.0)
        image = Image.frombytes("L", (capture.width, capture.height), capture.pixels)
        return _png(image), int(capture.quality)

    def print_card(case: CaseRef) -> tuple[bool, str]:
        from faskim_desktop.documents.compose.card import render_case_card

        pdf = render_case_card(ws, case.id)
        CardOutputService(ws, crew.loket).keep(case.id, pdf, 0)
        outputs["card"] = out_dir / "kartu.pdf"
        outputs["card"].write_bytes(pdf)
        printer = devices.driver(DeviceKind.PRINTER)
        job = printer.submit(
            pdf, f"Kartu Faskim {case.number}", duplex=printer.supports_duplex(), page_size="CR80"
        )
        deadline = time.monotonic() + JOB_TIMEOUT_S
        while job.state in (JobState.PENDING, JobState.PROCESSING) and time.monotonic() < deadline:
            time.sleep(0.02 if devices.simulated else 0.5)
            job = printer.job_state(job.job_id)
        if job.state != JobState.COMPLETED:
            raise FaskimError("selftest.job_failed", reason=job.reason or job.state.value)
        return True, job.job_id

    return Artefacts(scan=scan, photo=photo, fingerprint=fingerprint, card_scan=scan, print_card=print_card)


# --- the throw-away store -----------------------------------------------------------------------


def _open_store(folder: Path) -> Any:
    """A fresh SQLite store in ``folder``, whatever FASKIM_DB_URL says (never the office's data)."""
    from faskim_desktop.config import Settings
    from faskim_desktop.core.workspace import Workspace
    from faskim_desktop.store import migrate
    from faskim_desktop.store.db import Store

    settings = Settings(folder, environ={})
    store = Store(f"sqlite:///{folder / 'faskim.sqlite3'}")
    migrate.upgrade(store)
    return Workspace(folder, settings, store)


def _crew(ws: Any) -> Any:
    from faskim_desktop.core.accounts import Accounts
    from faskim_desktop.core.scripted_case import Crew

    accounts = Accounts(ws.store)
    password = secrets.token_urlsafe(18)
    people = {}
    for role, username in ROLES.items():
        accounts.add_user("selftest", username, f"Uji {role.title()}", password, role)
        people[role] = accounts.principal(username)
    with ws.store.write() as session:
        office.set_fee(session, "selftest", FEE, date(2000, 1, 1))
        office.put(session, "selftest", "office_code", SELFTEST_OFFICE_CODE)
        office.put(session, "selftest", "office_name", SELFTEST_OFFICE_NAME)
    return Crew(
        people["loket"],
        people["supervisor"],
        password,
        people["bendahara"],
        people["wasdakim"],
        people["kakanim"],
        people["infokim"],
    )


def _documents(
    ws: Any, case_id: int, out_dir: Path, outputs: dict[str, Path], reached: set[str]
) -> dict[str, str]:
    """Render the tanda terima and kuitansi from the store; export the archive. Errors per step."""
    from faskim_desktop.documents.compose.receipt import compose_receipt
    from faskim_desktop.documents.kuitansi import render_kuitansi
    from faskim_desktop.documents.receipt import render_receipt

    errors: dict[str, str] = {}
    if "1" in reached:
        try:
            with ws.store.read() as session:
                receipt = compose_receipt(session, case_id)
            outputs["tanda_terima"] = out_dir / "tanda-terima.pdf"
            outputs["tanda_terima"].write_bytes(render_receipt(receipt))
        except Exception as err:
            errors["1"] = _words(err)
    if "6" in reached:
        try:
            outputs["kuitansi"] = out_dir / "kuitansi.pdf"
            outputs["kuitansi"].write_bytes(render_kuitansi(_kuitansi_data(ws, case_id)))
        except Exception as err:
            errors["6"] = _words(err)
    if "11" in reached:
        try:
            from faskim_desktop.core.services.archive import ArchiveService, verify_bundle

            bundle = ArchiveService(ws, None).export_bundle(case_id)  # type: ignore[arg-type]
            bad = verify_bundle(bundle)
            if bad:
                raise ValueError(f"archive manifest mismatch: {', '.join(bad)}")
            outputs["archive"] = out_dir / "arsip.zip"
            outputs["archive"].write_bytes(bundle)
        except Exception as err:
            errors["11"] = _words(err)
    return errors


def _kuitansi_data(ws: Any, case_id: int) -> Any:
    """The kuitansi exactly as the bendahara's page composes it (documents.compose.kuitansi)."""
    from faskim_desktop.documents.compose.kuitansi import kuitansi_data, latest_payment_id

    with ws.store.read() as session:
        payment_id = latest_payment_id(session, case_id)
        if payment_id is None:
            raise LookupError(case_id)
        return kuitansi_data(session, payment_id)


def _words(err: BaseException) -> str:
    return err.message() if isinstance(err, FaskimError) else f"{type(err).__name__}: {err}"


# --- the run ------------------------------------------------------------------------------------


@dataclass
class Report:
    ok: bool = False
    steps: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, str | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "steps": self.steps, "files": self.files}


def run_selftest(folder: Path, out_dir: Path, simulated: bool) -> Report:
    from faskim_desktop.core.scripted_case import Outcome, carry

    outcome = Outcome()
    outputs: dict[str, Path] = {}
    failure: BaseException | None = None
    ws = _open_store(folder)
    devices = DeviceSource(simulated, folder / "printer")
    try:
        crew = _crew(ws)
        try:
            carry(ws, crew, artefacts=_artefacts(devices, ws, crew, outputs, out_dir), outcome=outcome)
        except Exception as err:  # carry records the failing step; the report says it in words
            failure = err
            log.info("self-test stopped: %s", getattr(err, "code", type(err).__name__))
        reached = {t.step for t in outcome.steps if t.ok}
        doc_errors = _documents(ws, outcome.case.id, out_dir, outputs, reached) if outcome.case else {}
    finally:
        devices.close()
        ws.close()

    report = Report()
    timings: dict[str, list[Any]] = {}
    for timing in outcome.steps:
        number = "4" if timing.step == "4a" else timing.step  # the file scan is part of step 4's report
        timings.setdefault(number, []).append(timing)
    for number in STEP_NUMBERS:
        runs = timings.get(number, [])
        step = sop.step(number)
        ok = bool(runs) and all(t.ok for t in runs) and number not in doc_errors
        if not runs:
            error = messages.text("selftest.not_run")
        elif not all(t.ok for t in runs):
            error = _words(failure) if failure is not None else next(t.error for t in runs if not t.ok)
        else:
            error = doc_errors.get(number, "")
        if number == "4" and ok and len(runs) < 2:  # screening passed but the file scan never ran
            ok, error = False, messages.text("selftest.not_run")
        report.steps.append(
            {
                "step": int(number),
                "name": messages.text(f"step.{step.code}"),
                "ok": ok,
                "seconds": round(sum(t.seconds for t in runs), 3),
                "error": error or None,
            }
        )
    report.files = {
        key: str(outputs[key]) if key in outputs else None
        for key in ("tanda_terima", "kuitansi", "card", "archive")
    }
    report.ok = all(s["ok"] for s in report.steps) and all(report.files.values())
    return report


def _handler(args: argparse.Namespace) -> int:
    from faskim_desktop.config import data_dir

    os.environ["FASKIM_NO_KEYRING"] = "1"  # a throw-away store leaves no secrets in the OS keyring
    keep = Path(args.keep).expanduser().resolve() if args.keep else None
    if keep is not None:
        if keep == data_dir().expanduser().resolve():
            raise FaskimError("selftest.office_folder", path=str(keep))
        if (keep / "faskim.sqlite3").exists():
            raise FaskimError("selftest.store_exists", path=str(keep))
        keep.mkdir(parents=True, exist_ok=True)
        folder = keep
        out_dir = keep / "output" / "selftest"
    else:
        folder = Path(tempfile.mkdtemp(prefix="faskim-selftest-store-"))
        out_dir = Path(tempfile.mkdtemp(prefix="faskim-selftest-"))  # the files outlive the store
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        report = run_selftest(folder, out_dir, args.simulated)
    finally:
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        _print_text(report, args.simulated, keep)
    return 0 if report.ok else 1


def _print_text(report: Report, simulated: bool, keep: Path | None) -> None:
    devices = messages.text("selftest.devices_simulated" if simulated else "selftest.devices_configured")
    print(messages.text("selftest.header", {"devices": devices}))
    for step in report.steps:
        mark = "OK   " if step["ok"] else "GAGAL" if messages.current_language() == "id" else "FAIL "
        print(f"  {mark} {step['step']:>2}. {step['name']:<40} {step['seconds']:7.2f} s")
        if step["error"]:
            print(f"         {step['error']}")
    print(messages.text("selftest.files"))
    for key, path in report.files.items():
        print(f"  {messages.text('selftest.file.' + key)}: {path or '—'}")
    if keep is not None:
        print(messages.text("selftest.kept", {"path": str(keep)}))
    print(messages.text("selftest.ok" if report.ok else "selftest.failed"))
    sys.stdout.flush()


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "selftest", help="carry one synthetic application through all 11 steps in a throw-away store"
    )
    parser.add_argument(
        "--simulated", action="store_true", help="use the simulated devices, not the configured ones"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", metavar="DIR", help="build the throw-away store in DIR and leave it there")
    parser.set_defaults(handler=_handler)
