"""Steps 3, 4 and 4a through the pages: data entry (typed, MRZ, chip), cekal, scanning, forwarding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from faskim_desktop.core import clock, mrz, sop
from faskim_desktop.core.screening.importer import import_list
from faskim_desktop.core.scripted_case import Crew, carry
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.simulated.base import FaultMode
from faskim_desktop.gui.pages.base import ActionStepPage
from faskim_desktop.gui.pages.step_cekal import DitahanPage
from faskim_desktop.gui.pages.step_entri import EntriPage
from faskim_desktop.gui.pages.step_pindai import PindaiPage
from faskim_desktop.store.tables import Case, Foreigner, Screening, StoredFile
from tests.conftest import principals, standard_crew, wait_idle
from tests.gui.awal_support import (
    current_page,
    fill_valid,
    open_in_awal,
    open_window,
    shot,
    state_of,
    type_text,
    wait_state,
)

LEFT = Qt.MouseButton.LeftButton


def crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    people = principals(ws)
    return standard_crew(people)


def at_entry(ws) -> int:  # type: ignore[no-untyped-def]
    return carry(ws, crew(ws), until=sop.State.ENTRI).case.id


def test_bad_input_is_explained_and_kept_then_a_clean_save_screens_and_scans(
        qtbot, workspace, seat_factory, artifacts) -> None:
    case_id = at_entry(workspace)
    ctx = seat_factory("loket1")
    window = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, window, ctx, case_id, EntriPage)
    # bad NIK, passport, dates, MRZ: reasons in words as typed
    qtbot.keyClicks(page.widgets["sponsor_nik"], "317401570880")
    qtbot.keyClicks(page.widgets["passport_no"], "P@1")
    qtbot.keyClicks(page.widgets["tanggal_lahir"], (clock.today() + dt.timedelta(days=3)).strftime("%d-%m-%Y"))
    qtbot.keyClicks(page.widgets["passport_expiry"], "01-01-2020")
    qtbot.keyClicks(page.widgets["landing_date"], "31-02-2024")
    qtbot.waitUntil(lambda: page.errors["sponsor_nik"].text() != "", timeout=3000)
    assert "16" in page.errors["sponsor_nik"].text()
    assert page.errors["passport_no"].text()
    assert page.errors["tanggal_lahir"].text() and page.errors["passport_expiry"].text()
    assert page.errors["landing_date"].text()
    line1, line2 = mrz.build_td3(issuing_state="AUS", primary="OBRIEN NUNEZ", secondary="ZOE",
                                 document_number="PA7654321", nationality="AUS", dob="170304", sex="F",
                                 expiry="300101")
    broken = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]
    page.mrz_edit.setPlainText(line1 + "\n" + broken)
    qtbot.waitUntil(lambda: "nomor dokumen" in page.mrz_status.text().lower(), timeout=3000)
    # a 2 000-character paste: refused in words, not cut off silently
    page.widgets["tujuan"].setFocus()
    page.widgets["tujuan"].insert("x" * 2000)
    page._edited("tujuan")
    qtbot.waitUntil(lambda: "2000" in page.errors["tujuan"].text(), timeout=3000)
    assert len(page.value("tujuan")) == 2000
    shot(window, artifacts, "3_entri_salah")
    qtbot.mouseClick(page.save_button, LEFT)
    wait_idle(qtbot, ctx)
    assert state_of(workspace, case_id) is sop.State.ENTRI
    assert "belum benar" in page.message.text()
    # the draft keeps what was typed, wrong or not
    qtbot.waitUntil(lambda: not page._dirty, timeout=5000)
    wait_idle(qtbot, ctx)
    kept = IntakeService(workspace, ctx.principal).load_entry(case_id)
    assert len(kept.tujuan) == 2000 and kept.sponsor_nik == "317401570880"

    # correct it: a valid MRZ fills the passport data; the typed name with diacritics stays
    for name in list(page.widgets):
        if name not in {"kategori", "produk", "jenis_dokim", "izin_tinggal_ke"}:
            page.set_value(name, "")
    page.mrz_edit.clear()
    fill_valid(qtbot, page)
    page.mrz_edit.setPlainText(line1 + "\n" + line2)
    qtbot.waitUntil(lambda: page.source == "mrz", timeout=3000)
    assert page.value("nama_pemohon") == "Zoë O'Brien-Núñez"
    assert page.value("tanggal_lahir") == "04-03-2017" and page.value("passport_expiry") == "01-01-2030"
    assert "valid" in page.mrz_status.text().lower()
    qtbot.waitUntil(lambda: not any(label.text() for label in page.errors.values()), timeout=3000)
    shot(window, artifacts, "3_entri")
    qtbot.mouseClick(page.save_button, LEFT)
    wait_state(qtbot, ctx, workspace, case_id, sop.State.PINDAI_BERKAS)
    with workspace.store.read() as session:
        person = session.get(Foreigner, session.get(Case, case_id).foreigner_id)
        assert person.name == "Zoë O'Brien-Núñez" and person.passport_source == "mrz"
        assert session.query(Screening).filter_by(case_id=case_id).one().hit is False

    # step 4a: ADF scan of the form, a jam mid-batch keeps the pages before it
    qtbot.waitUntil(lambda: isinstance(current_page(window), PindaiPage), timeout=5000)
    wait_idle(qtbot, ctx)
    scan = current_page(window)
    qtbot.mouseClick(scan.forward_button, LEFT)  # nothing scanned yet: refused in words
    wait_idle(qtbot, ctx)
    assert "Pindai dahulu" in scan.message.text()
    # 75 dpi and a two-sheet feeder keep the simulated scanner quick
    scan.resolution.addItem("75 dpi", 75)
    scan.resolution.setCurrentIndex(scan.resolution.count() - 1)
    ctx.devices.run(DeviceKind.SCANNER, lambda d: setattr(d, "adf_pages", 2))
    scan.source.setCurrentIndex(1)
    qtbot.mouseClick(scan.scan_button, LEFT)
    qtbot.waitUntil(lambda: scan.thumbs.count() == 2, timeout=15_000)
    wait_idle(qtbot, ctx)
    scan.category.setCurrentIndex(1)
    ctx.devices.run(DeviceKind.SCANNER, lambda d: d.set_fault(FaultMode.PAPER_JAM, count=1))
    qtbot.mouseClick(scan.scan_button, LEFT)
    qtbot.waitUntil(lambda: "disimpan" in scan.message.text(), timeout=15_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: scan.thumbs.count() == 1, timeout=5000)  # the sheet before the jam is kept
    # rescan the page (replaced), delete and PDF
    scan.source.setCurrentIndex(0)
    qtbot.mouseClick(scan.rescan_button, LEFT)
    qtbot.waitUntil(lambda: "menggantikan" in scan.message.text(), timeout=15_000)
    wait_idle(qtbot, ctx)
    scan.category.setCurrentIndex(0)
    qtbot.waitUntil(lambda: scan.thumbs.count() == 2, timeout=5000)
    scan.thumbs.setCurrentRow(1)
    qtbot.mouseClick(scan.delete_button, LEFT)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: scan.thumbs.count() == 1, timeout=5000)
    qtbot.mouseClick(scan.pdf_button, LEFT)
    wait_idle(qtbot, ctx)
    pdfs = list(workspace.output_dir.glob("*/pindai-*-formulir.pdf"))
    assert pdfs and pdfs[0].read_bytes().count(b"/Type /Page\n") + pdfs[0].read_bytes().count(b"/Type /Page ") >= 1
    wait_idle(qtbot, ctx)
    shot(window, artifacts, "4a_pindai")
    qtbot.mouseClick(scan.forward_button, LEFT)
    wait_state(qtbot, ctx, workspace, case_id, sop.State.PERSETUJUAN)
    with workspace.store.read() as session:
        scans = session.query(StoredFile).filter_by(case_id=case_id, kind="scan", deleted_at=None).all()
        assert sorted(s.category for s in scans) == ["formulir", "surat_permohonan"]


def test_draft_survives_the_page_being_destroyed(qtbot, workspace, seat_factory) -> None:
    case_id = at_entry(workspace)
    ctx = seat_factory("loket1")
    page = EntriPage(ctx)  # not handed to qtbot: this test destroys it
    page.load(_ref(workspace, case_id))
    wait_idle(qtbot, ctx)
    type_text(qtbot, page.widgets["nama_pemohon"], "Zoë O'Brien-Núñez")
    qtbot.keyClicks(page.widgets["sponsor_nik"], "3174015708800003")
    qtbot.waitUntil(lambda: not page._dirty, timeout=5000)  # the debounced draft went out
    wait_idle(qtbot, ctx)
    page.close()
    page.deleteLater()
    qtbot.waitUntil(lambda: not _alive(page), timeout=5000)
    again = EntriPage(ctx)
    qtbot.addWidget(again)
    again.load(_ref(workspace, case_id))
    wait_idle(qtbot, ctx)
    assert again.value("nama_pemohon") == "Zoë O'Brien-Núñez"
    assert again.value("sponsor_nik") == "3174015708800003"
    # typed and left at once (no debounce yet): quitting flushes it
    qtbot.keyClicks(again.widgets["tujuan"], "Sekolah")
    again.flush_draft()
    assert IntakeService(workspace, ctx.principal).load_entry(case_id).tujuan == "Sekolah"


def _alive(widget) -> bool:  # type: ignore[no-untyped-def]
    from shiboken6 import isValid

    return isValid(widget)


def _ref(ws, case_id):  # type: ignore[no-untyped-def]
    from tests.gui.awal_support import case_ref

    return case_ref(ws, case_id)


def test_chip_read_fills_passport_and_shows_a_mismatch_before_saving(qtbot, workspace, seat_factory,
                                                                     artifacts) -> None:
    from faskim_desktop.devices.emrtd_emulator.applet import EmrtdApplet
    from faskim_desktop.devices.emrtd_emulator.passport import DEMO

    case_id = at_entry(workspace)
    ctx = seat_factory("loket1")
    window = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, window, ctx, case_id, EntriPage)
    inserted: list[bool] = []
    ctx.devices.run(DeviceKind.SMARTCARD, lambda d: d.insert_card(EmrtdApplet(DEMO), reader=d._device_id),
                    lambda _: inserted.append(True))
    qtbot.waitUntil(lambda: inserted == [True], timeout=5000)
    # the MRZ key from typed data, with a name that differs from the chip
    fill_valid(qtbot, page, name="Sofia Erikson", passport=DEMO.document_number)
    for field, value in (("tanggal_lahir", "14-03-2019"), ("passport_expiry", "13-03-2029")):
        page.set_value(field, value)
    qtbot.mouseClick(page.chip_button, LEFT)
    qtbot.waitUntil(lambda: page.source == "chip", timeout=15_000)
    assert page.value("passport_no") == "UC4719825" and page.value("nationality") == "UTO"
    assert page.mismatch_box.isVisible() and "Sofia Erikson" in page.mismatch_text.text()
    shot(window, artifacts, "3_entri_chip")
    qtbot.mouseClick(page.save_button, LEFT)  # not acknowledged: refused
    wait_idle(qtbot, ctx)
    assert state_of(workspace, case_id) is sop.State.ENTRI and "centang" in page.message.text()
    page.mismatch_ok.setChecked(True)
    qtbot.mouseClick(page.save_button, LEFT)
    wait_state(qtbot, ctx, workspace, case_id, sop.State.PINDAI_BERKAS)
    with workspace.store.read() as session:
        person = session.get(Foreigner, session.get(Case, case_id).foreigner_id)
        assert person.passport_source == "chip" and person.passport_no == "UC4719825"
        photo = session.query(StoredFile).filter_by(case_id=case_id, kind="chip_photo").one()
        assert photo.media_type == "image/jpeg"


def test_a_wrong_chip_key_is_refused_in_words(qtbot, workspace, seat_factory) -> None:
    from faskim_desktop.devices.emrtd_emulator.applet import EmrtdApplet
    from faskim_desktop.devices.emrtd_emulator.passport import DEMO

    case_id = at_entry(workspace)
    ctx = seat_factory("loket1")
    page = EntriPage(ctx)
    qtbot.addWidget(page)
    page.load(_ref(workspace, case_id))
    wait_idle(qtbot, ctx)
    ctx.devices.run(DeviceKind.SMARTCARD, lambda d: d.insert_card(EmrtdApplet(DEMO), reader=d._device_id))
    page.set_value("passport_no", "UC4719825")
    page.set_value("tanggal_lahir", "15-03-2019")
    page.set_value("passport_expiry", "13-03-2029")
    qtbot.mouseClick(page.chip_button, LEFT)
    qtbot.waitUntil(lambda: "tidak terbaca" in page.message.text(), timeout=15_000)
    assert page.source == "typed"


def _held_case(ws, tmp_path: Path, name: str = "Emma Putri Wijaya") -> int:  # type: ignore[no-untyped-def]
    listing = tmp_path / "cekal.csv"
    listing.write_text(
        "reference,name,aliases,dob,nationality,passports,list_type,reason,valid_from,valid_until\n"
        f"CKL-9,{name},,,AUS,,tangkal,uji,,\n", encoding="utf-8")
    import_list(ws.store, listing)
    return carry(ws, crew(ws), until=sop.State.DITAHAN).case.id


@pytest.mark.parametrize("confirmed", [False, True])
def test_a_cekal_hit_is_decided_by_wasdakim(qtbot, workspace, seat_factory, artifacts, tmp_path, confirmed) -> None:
    case_id = _held_case(workspace, tmp_path)
    loket = seat_factory("loket1")
    window = open_window(qtbot, loket)
    window.open_case(case_id, sop.Phase.AWAL)
    wait_idle(qtbot, loket)
    qtbot.waitUntil(lambda: isinstance(current_page(window), ActionStepPage), timeout=5000)  # not loket's
    ctx = seat_factory("wasdakim1")
    wasdakim = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, wasdakim, ctx, case_id, DitahanPage)
    qtbot.waitUntil(lambda: page.hits.hits_shown() == 1, timeout=5000)
    assert page.applicant_labels["name"].text() == "Emma Putri Wijaya"
    shot(wasdakim, artifacts, "4_ditahan")
    qtbot.mouseClick(page.clear_button, LEFT)  # no reason: refused next to the field
    wait_idle(qtbot, ctx)
    assert page.reason_error.text() and state_of(workspace, case_id) is sop.State.DITAHAN
    qtbot.keyClicks(page.reason, "Tanggal lahir dan paspor berbeda" if not confirmed else "Cocok dengan entri")
    qtbot.mouseClick(page.confirm_button if confirmed else page.clear_button, LEFT)
    expected = sop.State.DITOLAK_CEKAL if confirmed else sop.State.PINDAI_BERKAS
    wait_state(qtbot, ctx, workspace, case_id, expected)
    with workspace.store.read() as session:
        row = session.query(Screening).filter_by(case_id=case_id).one()
        assert row.decision == ("confirmed" if confirmed else "cleared") and row.decided_by == "wasdakim1"


def test_find_by_niora_fills_the_foreigner_and_warns_of_an_open_case(qtbot, workspace, seat_factory) -> None:
    earlier = carry(workspace, crew(workspace), until=sop.State.PINDAI_BERKAS).case  # NIORA00000001, PA0000001
    case_id = at_entry(workspace)
    ctx = seat_factory("loket1")
    page = EntriPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.load(_ref(workspace, case_id))
    wait_idle(qtbot, ctx)
    qtbot.keyClicks(page.widgets["niora"], "NIORA00000001")
    qtbot.mouseClick(page.find_niora, LEFT)
    wait_idle(qtbot, ctx)
    assert page.value("nama_pemohon") == "Emma Putri Wijaya" and page.value("passport_no") == "PA0000001"
    qtbot.waitUntil(lambda: earlier.number in page.duplicate_label.text(), timeout=5000)
    assert page.duplicate_label.isVisible()
    # keyboard-first: Enter in a field moves on to the next one
    page.widgets["tujuan"].setFocus()
    qtbot.keyClick(page.widgets["tujuan"], Qt.Key.Key_Return)
    assert page.focusWidget() is not page.widgets["tujuan"]
    # nothing found: said so, nothing overwritten
    page.set_value("niora", "TIDAKADA")
    qtbot.mouseClick(page.find_niora, LEFT)
    wait_idle(qtbot, ctx)
    assert "tidak ditemukan" in page.message.text() and page.value("nama_pemohon") == "Emma Putri Wijaya"


def test_a_file_returned_for_correction_shows_why_and_goes_round_again(qtbot, workspace, seat_factory,
                                                                        artifacts) -> None:
    from faskim_desktop.core.services.approval import ApprovalService

    case = carry(workspace, crew(workspace), until=sop.State.PERSETUJUAN).case
    ApprovalService(workspace, principals(workspace)["spv1"]).return_for_correction(
        case, ["Tempat lahir tidak sesuai akta kelahiran"])
    ctx = seat_factory("loket1")
    window = open_window(qtbot, ctx)
    page = open_in_awal(qtbot, window, ctx, case.id, EntriPage)
    assert page.correction_box.isVisible() and "akta kelahiran" in page.correction_text.text()
    assert page.value("nama_pemohon") == "Emma Putri Wijaya"  # the saved data, ready to correct
    page.set_value("birth_place", "Melbourne")
    page._edited("birth_place")
    shot(window, artifacts, "3_entri_perbaikan")
    qtbot.mouseClick(page.save_button, LEFT)
    wait_state(qtbot, ctx, workspace, case.id, sop.State.PINDAI_BERKAS)  # screened again, scans kept
    with workspace.store.read() as session:
        person = session.get(Foreigner, session.get(Case, case.id).foreigner_id)
        assert person.birth_place == "Melbourne"
        assert session.query(Screening).filter_by(case_id=case.id).count() == 2


def test_typing_goes_to_its_own_case_when_another_case_is_opened(qtbot, workspace, seat_factory) -> None:
    first, second = at_entry(workspace), at_entry(workspace)
    ctx = seat_factory("loket1")
    page = EntriPage(ctx)
    qtbot.addWidget(page)
    page.load(_ref(workspace, first))
    wait_idle(qtbot, ctx)
    qtbot.keyClicks(page.widgets["tujuan"], "Sekolah")
    page.load(_ref(workspace, second))  # before the debounce fired
    wait_idle(qtbot, ctx)
    intake = IntakeService(workspace, ctx.principal)
    assert intake.load_entry(first).tujuan == "Sekolah"
    assert intake.load_entry(second).tujuan == "" and page.value("tujuan") == ""
