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


def carry(ws: Workspace, crew: Crew, entry: EntryData | None = None, artefacts: Artefacts | None = None,
          until: sop.State = sop.State.SELESAI, outcome: Outcome | None = None) -> Outcome:
    """Carry a new application to ``until`` (default: archived and closed).

    Stops (re-raising) at the first failure, with the timings so far in ``outcome``.
    """
    entry = entry or sample_entry()
    art = artefacts or Artefacts()
    out = outcome or Outcome()
    intake = IntakeService(ws, crew.loket)

    def timed(number: str, code: str, action: Callable[[], CaseRef | None]) -> bool:
        started = time.perf_counter()
        try:
            result = action()
        except Exception as err:
            out.steps.append(StepTiming(number, code, time.perf_counter() - started, False, str(err)))
            raise
        if isinstance(result, CaseRef):
            out.case = result
        out.steps.append(StepTiming(number, code, time.perf_counter() - started))
        return out.case is not None and out.case.state is not until

    def step1() -> CaseRef:
        case = intake.open_case()
        return intake.receive(case, Receipt(received=tuple(
            c for c in ("formulir", "surat_permohonan", "ktp_ortu", "kk", "akta_lahir", "akta_nikah",
                        "paspor_anak", "paspor_ortu", "foto", "bukti_daftar_abg"))))

    def step2() -> CaseRef:
        assert out.case
        with ws.store.read() as session:
            codes = [c.doc_code for c in IntakeService.checklist(session, out.case.id) if c.required]
        return intake.check_documents(out.case, {c: DocumentVerdict("valid") for c in codes})

    def step3() -> CaseRef:
        assert out.case
        return intake.save_data(out.case, entry)

    def step4() -> CaseRef:
        assert out.case
        return ScreeningStepService(ws, crew.loket).screen(out.case)

    def step4a() -> CaseRef:
        assert out.case
        for category in ("formulir", "surat_permohonan"):
            intake.add_scan_pages(out.case.id, category, art.scan(category))
        return intake.forward(out.case.id)

    def step5() -> CaseRef:
        assert out.case
        return ApprovalService(ws, crew.supervisor).approve(out.case)

    def step6() -> CaseRef:
        assert out.case
        payments = PaymentService(ws, crew.bendahara)
        payments.pay(out.case, str(payments.amount_due()), "tunai")
        return _reload(ws, out.case.id)

    def step7() -> CaseRef:
        assert out.case
        bio = BiometricsService(ws, crew.loket)
        original, card = art.photo()
        bio.save_photo(out.case.id, original, card, {"all": True})
        for finger in bio.status(out.case.id).fingers_required:
            image, quality = art.fingerprint(finger)
            bio.save_fingerprint(out.case.id, finger, image, quality)
        return bio.complete(out.case.id)

    def step8() -> CaseRef:
        assert out.case
        return IssuanceService(ws, crew.loket).assign_register(out.case.id)

    def step9() -> CaseRef:
        assert out.case
        issuance = IssuanceService(ws, crew.loket)
        print_id = issuance.begin_print(out.case.id, "simulated")
        printed, job = art.print_card(out.case) if art.print_card else (True, "sim-1")
        issuance.job_submitted(print_id, job)
        case = issuance.finish_print(print_id, printed, "" if printed else "printer")
        return IssuanceService(ws, crew.kakanim).sign(case.id)

    def step10() -> CaseRef:
        assert out.case
        with ws.store.read() as session:
            from faskim_desktop.store.tables import Case

            found = session.get(Case, out.case.id)
            assert found is not None
            number, receipt = found.number, found.receipt_no
        return HandoverService(ws, crew.loket).hand_over(out.case.id, number, receipt, "pemohon")

    def step11() -> CaseRef:
        assert out.case
        archive = ArchiveService(ws, crew.infokim)
        archive.add_card_scan(out.case.id, art.card_scan())
        return archive.archive(out.case.id)

    plan = [("1", "terima", step1), ("2", "periksa", step2), ("3", "entri", step3), ("4", "cekal", step4),
            ("4a", "pindai_berkas", step4a), ("5", "persetujuan", step5), ("6", "pembayaran", step6),
            ("7", "biometrik", step7), ("8", "register", step8), ("9", "pengesahan", step9),
            ("10", "penyerahan", step10), ("11", "arsip", step11)]
    for number, code, action in plan:
        if not timed(number, code, action):
            break
    return out


def _reload(ws: Workspace, case_id: int) -> CaseRef:
    from faskim_desktop.core.services.base import ref
    from faskim_desktop.store.tables import Case

    with ws.store.read() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return ref(found)


