"""One application carried through the SOP by the same services the GUI uses.

Used by ``faskim selftest``, the demo seeder, the crash-safety harness and the benchmarks.
Whoever calls it supplies the people (one principal per role, with the supervisor's password
for the steps that need consent) and the artefacts (scans, photo, fingerprints) — from real
devices, simulated ones or plain generated images.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from faskim_desktop.core import clock, sop
from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.services.approval import ApprovalService
from faskim_desktop.core.services.archive import ArchiveService
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.biometrics import BiometricsService
from faskim_desktop.core.services.handover import HandoverService
from faskim_desktop.core.services.intake import DocumentVerdict, EntryData, IntakeService, Receipt
from faskim_desktop.core.services.issuance import IssuanceService
from faskim_desktop.core.services.payment import PaymentService
from faskim_desktop.core.services.screening_step import ScreeningStepService
from faskim_desktop.core.workspace import Workspace


def plain_png(width: int = 64, height: int = 48, shade: int = 200) -> bytes:
    """A small valid PNG (Pillow), for runs that need an image but no device."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (width, height), shade).save(buffer, "PNG")
    return buffer.getvalue()


def plain_jpeg(width: int = 60, height: int = 80) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (180, 190, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class Artefacts:
    scan: Callable[[str], list[bytes]] = lambda category: [plain_png()]
    photo: Callable[[], tuple[bytes, bytes]] = lambda: (plain_png(), plain_jpeg())
    fingerprint: Callable[[str], tuple[bytes, int]] = lambda finger: (plain_png(), 80)
    card_scan: Callable[[], list[bytes]] = lambda: [plain_png()]
    print_card: Callable[[CaseRef], tuple[bool, str]] | None = None  # -> (printed, job id)


@dataclass
class Crew:
    loket: Principal
    supervisor: Principal
    supervisor_password: str
    bendahara: Principal
    wasdakim: Principal
    kakanim: Principal
    infokim: Principal
    second_loket: Principal | None = None


def sample_entry(seed: int = 1, name: str = "Emma Putri Wijaya", passport: str | None = None) -> EntryData:
    today = clock.today()
    born = today - timedelta(days=365 * 9 + seed % 300)
    return EntryData(
        tujuan="Tinggal bersama orang tua", waktu="Tetap", niora=f"NIORA{seed:08d}",
        nama_pemohon=name, sex="F" if seed % 2 else "M", birth_place="Sydney", tanggal_lahir=born.isoformat(),
        nationality="AUS", passport_no=passport or f"PA{seed:07d}",
        passport_expiry=(today + timedelta(days=1500)).isoformat(),
        sponsor_nik="3174015708800003", sponsor_name="Dewi Lestari", sponsor_address="Jl. Kemang Raya 10, Jakarta",
        sponsor_contact="0812-1111-2222", sponsor_relation="ibu", landing_date=(today - timedelta(days=30)).isoformat(),
        landing_port="Soekarno-Hatta", landing_vessel="GA 713", stay_permit_type="ITAS", stay_permit_no="2C11AB1234",
        stay_permit_expiry=(today + timedelta(days=300)).isoformat(),
    )


@dataclass
class StepTiming:
    step: str
    name: str
    seconds: float
    ok: bool = True
    error: str = ""


@dataclass
class Outcome:
    case: CaseRef | None = None
    steps: list[StepTiming] = field(default_factory=list)


def advance(
    ws: Workspace,
    crew: Crew,
    case_id: int,
    entry: EntryData | None = None,
    artefacts: Artefacts | None = None,
) -> CaseRef:
    """Do the work of the case's current state once, as the person whose step it is.

    Resumable: it reads where the case stands, so after a crash it carries on from there.
    """
    entry = entry or sample_entry(case_id)
    art = artefacts or Artefacts()
    case = _reload(ws, case_id)
    intake = IntakeService(ws, crew.loket)
    state = case.state
    if state is sop.State.TERIMA:
        return intake.receive(
            case,
            Receipt(
                received=(
                    "formulir",
                    "surat_permohonan",
                    "ktp_ortu",
                    "kk",
                    "akta_lahir",
                    "akta_nikah",
                    "paspor_anak",
                    "paspor_ortu",
                    "foto",
                    "bukti_daftar_abg",
                )
            ),
        )
    if state is sop.State.PERIKSA:
        with ws.store.read() as session:
            codes = [c.doc_code for c in IntakeService.checklist(session, case.id) if c.required]
        return intake.check_documents(case, {c: DocumentVerdict("valid") for c in codes})
    if state is sop.State.ENTRI:
        return intake.save_data(case, entry)
    if state is sop.State.CEKAL:
        return ScreeningStepService(ws, crew.loket).screen(case)
    if state is sop.State.PINDAI_BERKAS:
        with ws.store.read() as session:
            scanned = {f.category for f in IntakeService.files_of(session, case.id, "scan")}
        for category in ("formulir", "surat_permohonan"):
            if category not in scanned:
                intake.add_scan_pages(case.id, category, art.scan(category))
        return intake.forward(case.id)
    if state is sop.State.PERSETUJUAN:
        return ApprovalService(ws, crew.supervisor).approve(case)
    if state is sop.State.PEMBAYARAN:
        payments = PaymentService(ws, crew.bendahara)
        payments.pay(case, str(payments.amount_due()), "tunai")
        return _reload(ws, case.id)
    if state is sop.State.BIOMETRIK:
        bio = BiometricsService(ws, crew.loket)
        status = bio.status(case.id)
        if not status.photo:
            original, card = art.photo()
            bio.save_photo(case.id, original, card, {"all": True})
        for finger in status.fingers_required:
            if finger not in status.fingers_done:
                image, quality = art.fingerprint(finger)
                bio.save_fingerprint(case.id, finger, image, quality)
        return bio.complete(case.id)
    if state is sop.State.REGISTER:
        return IssuanceService(ws, crew.loket).assign_register(case.id)
    if state is sop.State.CETAK:
        issuance = IssuanceService(ws, crew.loket)
        print_id = issuance.begin_print(case.id, "simulated")
        printed, job = art.print_card(case) if art.print_card else (True, "sim-1")
        issuance.job_submitted(print_id, job)
        return issuance.finish_print(print_id, printed, "" if printed else "printer")
    if state is sop.State.PENGESAHAN:
        return IssuanceService(ws, crew.kakanim).sign(case.id)
    if state is sop.State.PENYERAHAN:
        with ws.store.read() as session:
            from faskim_desktop.store.tables import Case

            found = session.get(Case, case.id)
            assert found is not None
            number, receipt = found.number, found.receipt_no
        return HandoverService(ws, crew.loket).hand_over(case.id, number, receipt, "pemohon")
    if state is sop.State.ARSIP:
        archive = ArchiveService(ws, crew.infokim)
        with ws.store.read() as session:
            scanned = IntakeService.files_of(session, case.id, "card_scan")
        if not scanned:
            archive.add_card_scan(case.id, art.card_scan())
        return archive.archive(case.id)
    raise ValueError(f"no scripted work for state {state.value}")


def carry(
    ws: Workspace,
    crew: Crew,
    entry: EntryData | None = None,
    artefacts: Artefacts | None = None,
    until: sop.State = sop.State.SELESAI,
    outcome: Outcome | None = None,
    after_step: Callable[[CaseRef], None] | None = None,
) -> Outcome:
    """Carry a new application to ``until`` (default: archived and closed).

    Stops (re-raising) at the first failure, with the timings so far in ``outcome``. A case held
    by the cekal screening stops there (it needs Wasdakim's decision).
    """
    out = outcome or Outcome()
    entry = entry or sample_entry()
    started = time.perf_counter()
    try:
        case = IntakeService(ws, crew.loket).open_case()
    except Exception as err:
        out.steps.append(StepTiming("1", "terima", time.perf_counter() - started, False, str(err)))
        raise
    out.case = case
    open_seconds = time.perf_counter() - started
    while (
        case.state is not until
        and case.state not in sop.TERMINAL_STATES
        and case.state is not sop.State.DITAHAN
    ):
        step = sop.step_of(case.state)
        assert step is not None
        started = time.perf_counter()
        try:
            case = advance(ws, crew, case.id, entry, artefacts)
        except Exception as err:
            out.steps.append(
                StepTiming(step.number, step.code, time.perf_counter() - started, False, str(err))
            )
            raise
        seconds = time.perf_counter() - started + open_seconds
        open_seconds = 0.0
        if out.steps and out.steps[-1].step == step.number:  # two states of one step (4, 9)
            out.steps[-1].seconds += seconds
        else:
            out.steps.append(StepTiming(step.number, step.code, seconds))
        out.case = case
        if after_step is not None:
            after_step(case)
    return out


def _reload(ws: Workspace, case_id: int) -> CaseRef:
    from faskim_desktop.core.services.base import ref
    from faskim_desktop.store.tables import Case

    with ws.store.read() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return ref(found)


