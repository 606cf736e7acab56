"""One application from the queue call to an archived, closed case, through the app's own pages
(every seat a main window at 1366×768, simulated devices): loket (steps 1–4a, 7–10), supervisor (5),
bendahara (6), Kakanim (9, signature), Infokim (11). The card printed on the way verifies offline."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import sample_entry
from faskim_desktop.core.services.archive import verify_bundle
from faskim_desktop.core.services.card_output import CardOutputService
from faskim_desktop.core.services.office_keys import OfficeKeys
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.settings import DeviceChoice, DeviceSettings
from faskim_desktop.documents.seal_reader import verify_file
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Case
from tests.conftest import PASSWORD, wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import stored_case
from tests.gui.awal_support import printed_jobs, type_text

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.main_window import MainWindow  # noqa: E402
from faskim_desktop.gui.pages.step_arsip import ArsipPage  # noqa: E402
from faskim_desktop.gui.pages.step_biometrik import BiometrikPage  # noqa: E402
from faskim_desktop.gui.pages.step_cetak import CetakPage  # noqa: E402
from faskim_desktop.gui.pages.step_entri import EntriPage  # noqa: E402
from faskim_desktop.gui.pages.step_pembayaran import PembayaranPage  # noqa: E402
from faskim_desktop.gui.pages.step_pengesahan import PengesahanPage  # noqa: E402
from faskim_desktop.gui.pages.step_penyerahan import PenyerahanPage  # noqa: E402
from faskim_desktop.gui.pages.step_periksa import PeriksaPage  # noqa: E402
from faskim_desktop.gui.pages.step_persetujuan import PersetujuanPage  # noqa: E402
from faskim_desktop.gui.pages.step_pindai import PindaiPage  # noqa: E402
from faskim_desktop.gui.pages.step_register import RegisterPage  # noqa: E402
from faskim_desktop.gui.pages.step_terima import TerimaPage  # noqa: E402

LEFT = Qt.MouseButton.LeftButton
SLOW = 30_000


class Seat:
    def __init__(self, qtbot, akhir_seats, username: str, printer: Path | None, variant: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.variant = variant
        self.ctx = akhir_seats(username, printer is not None)
        if printer is not None:  # the simulated printer keeps its jobs where the test looks
            done: list[bool] = []
            self.ctx.devices.run(
                DeviceKind.PRINTER, lambda d: setattr(d, "_output_dir", printer), done.append
            )
            qtbot.waitUntil(lambda: bool(done), timeout=5000)
        self.window = MainWindow(self.ctx)
        qtbot.addWidget(self.window)
        self.window.resize(1366, 768)
        self.window.show()

    def page(self, cls: type, case_id: int | None = None):  # type: ignore[no-untyped-def]
        """The page the wizard shows for the case (opened from the queue when ``case_id`` is given)."""
        if case_id is not None:
            self.window.open_case(case_id)
        wait_idle(self.qtbot, self.ctx)

        def shown():  # type: ignore[no-untyped-def]
            widget = self.window.tabs.currentWidget()
            return getattr(widget, "stack", None) and isinstance(widget.stack.currentWidget(), cls)

        self.qtbot.waitUntil(shown, timeout=SLOW)
        wait_idle(self.qtbot, self.ctx)
        return self.window.tabs.currentWidget().stack.currentWidget()

    def shot(self, artifacts: Path, name: str) -> None:
        self.qtbot.wait(50)
        folder = artifacts / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        self.window.grab().save(str(folder / f"akhir_e2e_{self.variant}_{name}.png"))


def _bio_status(ws, case_id: int):  # type: ignore[no-untyped-def]
    from faskim_desktop.core.services.biometrics import BiometricsService
    from tests.conftest import principals

    return BiometricsService(ws, principals(ws)["loket1"]).status(case_id)


def _state(ws, case_id: int) -> sop.State:  # type: ignore[no-untyped-def]
    return sop.State(stored_case(ws, case_id).state)


def _wait_state(qtbot, seat: Seat, ws, case_id: int, state: sop.State) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: _state(ws, case_id) is state, timeout=SLOW)
    wait_idle(qtbot, seat.ctx)


def test_one_application_through_all_eleven_steps_in_the_app(
    qtbot, workspace, akhir_seats, tmp_path, artifacts
) -> None:
    """Simulated devices at every seat."""
    run_one_application(qtbot, workspace, akhir_seats, tmp_path, artifacts, stack_env=None)


@pytest.mark.stack
def test_one_application_through_the_real_driver_stand_ins(
    qtbot, workspace, akhir_seats, tmp_path, artifacts, monkeypatch
) -> None:
    """The same run with the workstation's devices being the real drivers on the stand-ins of
    ``scripts/devices start``: the SANE test scanner and the Qt printer into CUPS. The camera and the
    fingerprint reader stay simulated: the libfprint stand-in needs an image feeder, and the photo
    checks find no face in the OpenCV camera stand-in's video ("Wajah tidak terlihat")."""
    from tests.devices_stack import standins

    env = standins.load()
    if env is None:
        pytest.skip(standins.NOT_STARTED)
    for key in ("FASKIM_TEST_SCANNER", "FASKIM_TEST_PRINTER", "SANE_CONFIG_DIR"):
        if not env.get(key):
            pytest.skip(f"{key} missing from the stand-ins' env file (scripts/devices start)")
    monkeypatch.setenv("SANE_CONFIG_DIR", env["SANE_CONFIG_DIR"])
    settings = DeviceSettings(workspace.folder)
    settings.set_choice(
        DeviceKind.SCANNER, DeviceChoice("sane", env["FASKIM_TEST_SCANNER"], {"resolution": 75})
    )
    settings.set_choice(DeviceKind.PRINTER, DeviceChoice("qt", env["FASKIM_TEST_PRINTER"], {"duplex": True}))
    settings.save()
    run_one_application(qtbot, workspace, akhir_seats, tmp_path, artifacts, stack_env=env)


def run_one_application(qtbot, workspace, akhir_seats, tmp_path, artifacts, stack_env) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.langkah_utama_support import portrait_frame

    variant = "stack" if stack_env else "sim"
    printer = None if stack_env else tmp_path / "printer"
    spool = Path(stack_env["FASKIM_TEST_PRINTER_SPOOL"]) if stack_env else None
    spooled = set(spool.iterdir()) if spool else set()
    loket = Seat(qtbot, akhir_seats, "loket1", printer, variant)

    # step 1: a new application (Ctrl+N), the file received, the tanda terima printed
    loket.window.new_case()
    terima = loket.page(TerimaPage)
    case_id = loket.window.wizards[sop.Phase.AWAL].case.id
    type_text(qtbot, terima.applicant_name, "Emma Putri Wijaya")
    qtbot.keyClicks(terima.submitter_name, "Dewi Lestari")
    terima.tick_required()
    qtbot.mouseClick(terima.receive_button, LEFT)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.PERIKSA)

    # step 2: every required document valid
    periksa = loket.page(PeriksaPage)
    qtbot.mouseClick(periksa.check_button, LEFT)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.ENTRI)

    # steps 3 and 4: the data typed, saved, screened automatically
    entri = loket.page(EntriPage)
    sample = sample_entry(11, name="Emma Putri Wijaya", passport="PB1122334")
    for field in (
        "tujuan",
        "niora",
        "birth_place",
        "nationality",
        "sponsor_name",
        "sponsor_address",
        "sponsor_contact",
        "landing_port",
        "landing_vessel",
        "stay_permit_no",
    ):
        entri.set_value(field, "")
        entri.widgets[field].setFocus()
        type_text(qtbot, entri.widgets[field], getattr(sample, field))
    entri.set_value("nama_pemohon", "")
    type_text(qtbot, entri.widgets["nama_pemohon"], sample.nama_pemohon)
    qtbot.keyClicks(entri.widgets["passport_no"], sample.passport_no)
    qtbot.keyClicks(entri.widgets["sponsor_nik"], sample.sponsor_nik)
    entri.set_value("sex", "F")
    for field in ("tanggal_lahir", "passport_expiry", "landing_date", "stay_permit_expiry"):
        qtbot.keyClicks(
            entri.widgets[field], dt.date.fromisoformat(getattr(sample, field)).strftime("%d-%m-%Y")
        )
    qtbot.waitUntil(lambda: not any(label.text() for label in entri.errors.values()), timeout=5000)
    qtbot.mouseClick(entri.save_button, LEFT)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.PINDAI_BERKAS)

    # step 4a: the form and the application letter scanned, forwarded to the official
    pindai = loket.page(PindaiPage)
    pindai.resolution.setCurrentIndex(0)
    pindai.source.setCurrentIndex(0)
    for category in (0, 1):
        pindai.category.setCurrentIndex(category)
        before = pindai.thumbs.count() if category == 0 else 0
        qtbot.mouseClick(pindai.scan_button, LEFT)
        qtbot.waitUntil(lambda before=before: pindai.thumbs.count() > before, timeout=SLOW)
        wait_idle(qtbot, loket.ctx)
    qtbot.mouseClick(pindai.forward_button, LEFT)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.PERSETUJUAN)

    # step 5: the supervisor's paraf from the second seat
    spv = Seat(qtbot, akhir_seats, "spv1", printer, variant)
    persetujuan = spv.page(PersetujuanPage, case_id)
    qtbot.keyClicks(persetujuan.password, PASSWORD)
    persetujuan.approve_button.click()
    _wait_state(qtbot, spv, workspace, case_id, sop.State.PEMBAYARAN)

    # step 6: the bendahara takes the PNBP and prints the kuitansi
    bendahara = Seat(qtbot, akhir_seats, "bendahara1", printer, variant)
    bayar = bendahara.page(PembayaranPage, case_id)
    qtbot.keyClicks(bayar.amount, "400.000")
    bayar.method.setCurrentIndex(bayar.method.findData("tunai"))
    bayar.pay_button.click()
    _wait_state(qtbot, bendahara, workspace, case_id, sop.State.BIOMETRIK)

    # step 7: photo from the (simulated) webcam filming a portrait, four fingerprints
    done: list[bool] = []
    frame = portrait_frame()
    loket.ctx.devices.run(
        DeviceKind.CAMERA, lambda d: setattr(d, "frame_array", lambda n: frame), done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    bio = loket.page(BiometrikPage, case_id)
    bio.camera_button.click()
    qtbot.waitUntil(lambda: "otomatis" in bio.message.text(), timeout=SLOW)
    wait_idle(qtbot, loket.ctx)
    for captured in range(1, 5):
        qtbot.waitUntil(bio.next_finger_button.isEnabled, timeout=SLOW)
        bio.next_finger_button.click()
        qtbot.waitUntil(
            lambda n=captured: len(_bio_status(workspace, case_id).fingers_done) == n, timeout=SLOW
        )
        wait_idle(qtbot, loket.ctx)
    qtbot.waitUntil(bio.complete_button.isEnabled, timeout=SLOW)
    bio.complete_button.click()
    qtbot.waitUntil(
        lambda: _state(workspace, case_id) is not sop.State.BIOMETRIK or "c5221f" in bio.message.styleSheet(),
        timeout=SLOW,
    )
    assert _state(workspace, case_id) is not sop.State.BIOMETRIK, bio.message.text()
    qtbot.waitUntil(
        lambda: _state(workspace, case_id) is sop.State.CETAK, timeout=SLOW
    )  # step 8 runs as the page opens

    # step 8: the register number shown
    register = loket.page(RegisterPage)
    qtbot.waitUntil(register.next_button.isEnabled, timeout=SLOW)
    number = stored_case(workspace, case_id).register_no
    assert register.register_label.text() == number
    loket.shot(artifacts, "08_register")
    qtbot.keyClick(register.next_button, Qt.Key.Key_Return)

    # step 9: printed on the card printer (CR80, duplex), then signed by the Kakanim
    cetak = loket.page(CetakPage)
    cetak.poll_interval_ms = 200 if stack_env else 20
    qtbot.waitUntil(cetak.print_button.isEnabled, timeout=SLOW)
    loket.shot(artifacts, "09_cetak")
    qtbot.mouseClick(cetak.print_button, LEFT)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.PENGESAHAN)
    if printer is not None:
        cards = [job for job in printed_jobs(printer) if job["title"].startswith("Kartu Faskim")]
        assert len(cards) == 1 and cards[0]["page_size"] == "CR80" and cards[0]["duplex"] is True
        card_pdf = printer / f"job-{cards[0]['job_id']}.pdf"
    else:
        assert spool is not None
        from tests.devices_stack.spool_pages import job_pages

        jobs = sorted(p for p in set(spool.iterdir()) - spooled if p.suffix != ".prn")
        assert jobs, "no job reached the CUPS stand-in"
        card_job = job_pages(jobs[-1])[0]  # the card is the last job sent (receipts went before it)
        width, height = sorted((card_job.width_mm, card_job.height_mm), reverse=True)
        assert abs(width - 85.60) <= 0.5 and abs(height - 53.98) <= 0.5 and card_job.duplex == "long-edge"
        card_pdf = tmp_path / "kartu.pdf"
        card_pdf.write_bytes(CardOutputService(workspace, loket.ctx.principal).latest(case_id) or b"")
    (artifacts / "screenshots").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "250",
            "-png",
            str(card_pdf),
            str(artifacts / "screenshots" / f"akhir_kartu_{variant}"),
        ],
        check=True,
        timeout=60,
    )  # akhir_kartu_<variant>-1.png (front), -2.png (back)
    seal = verify_file(card_pdf, OfficeKeys(workspace).trusted())
    assert seal.valid and seal.fields is not None and seal.fields.register_number == number
    assert seal.fields.name == "Emma Putri Wijaya" and seal.fields.passport_number == "PB1122334"

    kakanim = Seat(qtbot, akhir_seats, "kakanim1", printer, variant)
    sah = kakanim.page(PengesahanPage, case_id)
    assert sah.front.pixmap() is not None and not sah.front.pixmap().isNull()  # the printed card is shown
    sah.stamp.setChecked(True)
    qtbot.keyClicks(sah.password, PASSWORD)
    kakanim.shot(artifacts, "09_pengesahan")
    qtbot.keyClick(sah.password, Qt.Key.Key_Return)
    _wait_state(qtbot, kakanim, workspace, case_id, sop.State.PENYERAHAN)

    # step 10: handed over against the receipt numbers typed by the barcode scanner
    serah = loket.page(PenyerahanPage, case_id)
    stored = stored_case(workspace, case_id)
    qtbot.keyClicks(serah.application_no, stored.number)
    qtbot.keyClick(serah.application_no, Qt.Key.Key_Return)
    qtbot.keyClicks(serah.receipt_no, stored.receipt_no)
    loket.shot(artifacts, "10_penyerahan")
    qtbot.keyClick(serah.receipt_no, Qt.Key.Key_Return)
    _wait_state(qtbot, loket, workspace, case_id, sop.State.ARSIP)

    # step 11: Infokim scans the card copy and archives; the case is closed
    # one scanner on this test machine: the counter's seat lets go of it
    # (two PCs in an office would not share one)
    loket.ctx.devices.reset(DeviceKind.SCANNER)
    qtbot.waitUntil(lambda: not loket.ctx.devices.worker(DeviceKind.SCANNER).busy, timeout=SLOW)
    infokim = Seat(qtbot, akhir_seats, "infokim1", printer, variant)
    arsip = infokim.page(ArsipPage, case_id)
    qtbot.mouseClick(arsip.scan_button, LEFT)
    qtbot.waitUntil(lambda: arsip.scans == 1 or arsip.message.kind == "error", timeout=SLOW)
    assert arsip.scans == 1, arsip.message.text()
    qtbot.mouseClick(arsip.archive_button, LEFT)
    qtbot.waitUntil(lambda: arsip.bundle is not None, timeout=SLOW)
    infokim.shot(artifacts, "11_arsip")
    assert verify_bundle(arsip.bundle) == []
    names = [arsip.manifest.item(r, 0).text() for r in range(arsip.manifest.rowCount())]
    assert any(n.startswith("files/document/kartu") for n in names)  # the printed card is in the archive
    qtbot.mouseClick(arsip.done_button, LEFT)
    _wait_state(qtbot, infokim, workspace, case_id, sop.State.SELESAI)
    with workspace.store.read() as session:
        closed = session.get(Case, case_id)
        assert closed is not None and closed.closed_at is not None and closed.data_hash
