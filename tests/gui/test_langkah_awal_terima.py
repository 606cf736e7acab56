"""The counter from the queue call to the supervisor's queue: receipt printed, completeness check
(or a return slip), data entry, cekal, scanning, forwarding."""

from __future__ import annotations

from PySide6.QtCore import Qt

from faskim_desktop.core import sop
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.core.services.queues import TicketQueue, work_queue
from faskim_desktop.gui.pages.step_entri import EntriPage
from faskim_desktop.gui.pages.step_periksa import PeriksaPage
from faskim_desktop.gui.pages.step_pindai import PindaiPage
from faskim_desktop.gui.pages.step_terima import TerimaPage
from faskim_desktop.store.tables import Case, DocumentCheck, QueueTicket
from tests.conftest import principals, wait_idle
from tests.gui.awal_support import (
    case_ref,
    current_page,
    fill_valid,
    open_in_awal,
    open_window,
    printed_jobs,
    shot,
    state_of,
    type_text,
    wait_state,
)

LEFT = Qt.MouseButton.LeftButton


def test_queue_call_receipt_printed_and_complete_file(qtbot, workspace, seat_factory, artifacts, tmp_path) -> None:
    ctx = seat_factory("loket1")
    printer = tmp_path / "printer"
    window = open_window(qtbot, ctx, printer)
    first = IntakeService(workspace, ctx.principal).open_case()
    page = open_in_awal(qtbot, window, ctx, first.id, TerimaPage)
    # the queue: a ticket issued, called, then served -> a new application carrying the ticket
    TicketQueue(workspace).issue("A")
    qtbot.mouseClick(page.queue_panel.call_button, LEFT)
    wait_idle(qtbot, ctx)
    assert page.queue_panel.ticket_text == "A001"
    qtbot.mouseClick(page.queue_panel.serve_button, LEFT)
    wait_idle(qtbot, ctx)
    with workspace.store.read() as session:
        new_case = session.query(Case).filter(Case.queue_ticket == "A001").one()
        ticket = session.query(QueueTicket).one()
        assert ticket.case_id == new_case.id and ticket.state == "served"
    qtbot.waitUntil(lambda: window.wizards[sop.Phase.AWAL].case.id == new_case.id, timeout=5000)
    wait_idle(qtbot, ctx)
    page = current_page(window)
    assert isinstance(page, TerimaPage) and page.checks
    type_text(qtbot, page.applicant_name, "Zoë O'Brien-Núñez")
    qtbot.keyClicks(page.submitter_name, "Dewi Lestari")
    page.tick_required()
    shot(window, artifacts, "1_terima")
    qtbot.mouseClick(page.receive_button, LEFT)
    qtbot.mouseClick(page.receive_button, LEFT)  # a double click must not act twice
    wait_state(qtbot, ctx, workspace, new_case.id, sop.State.PERIKSA)
    qtbot.waitUntil(lambda: len(printed_jobs(printer)) == 1, timeout=10_000)
    assert printed_jobs(printer)[0]["title"].startswith("Tanda terima")
    assert list(workspace.output_dir.glob(f"*/tanda-terima-{new_case.number}.pdf"))
    qtbot.waitUntil(lambda: isinstance(current_page(window), PeriksaPage), timeout=5000)
    wait_idle(qtbot, ctx)
    periksa = current_page(window)
    assert periksa.rows and all(r.status.currentData() == "valid" for r in periksa.rows.values() if r.required)
    shot(window, artifacts, "2_periksa")
    qtbot.mouseClick(periksa.receipt_button, LEFT)  # a reprint of the tanda terima
    qtbot.waitUntil(lambda: len(printed_jobs(printer)) == 2, timeout=10_000)
    qtbot.mouseClick(periksa.check_button, LEFT)
    wait_state(qtbot, ctx, workspace, new_case.id, sop.State.ENTRI)
    with workspace.store.read() as session:
        assert session.get(Case, new_case.id).paraf_by == "loket1"
    # the name typed at step 1 is waiting in the data-entry draft
    assert IntakeService(workspace, ctx.principal).load_entry(new_case.id).nama_pemohon == "Zoë O'Brien-Núñez"
    # step 3 starts with that name; the rest typed, saved, screened (step 4) without a hit
    qtbot.waitUntil(lambda: isinstance(current_page(window), EntriPage), timeout=5000)
    wait_idle(qtbot, ctx)
    entri = current_page(window)
    assert entri.value("nama_pemohon") == "Zoë O'Brien-Núñez"
    fill_valid(qtbot, entri)
    qtbot.waitUntil(lambda: not any(label.text() for label in entri.errors.values()), timeout=3000)
    qtbot.mouseClick(entri.save_button, LEFT)
    wait_state(qtbot, ctx, workspace, new_case.id, sop.State.PINDAI_BERKAS)
    # step 4a: one flatbed page per required category, then forwarded to the supervisor's queue
    qtbot.waitUntil(lambda: isinstance(current_page(window), PindaiPage), timeout=5000)
    wait_idle(qtbot, ctx)
    scan = current_page(window)
    scan.resolution.addItem("75 dpi", 75)
    scan.resolution.setCurrentIndex(scan.resolution.count() - 1)
    for index in (0, 1):
        scan.category.setCurrentIndex(index)
        qtbot.mouseClick(scan.scan_button, LEFT)
        qtbot.waitUntil(lambda: scan.thumbs.count() == 1, timeout=15_000)
        wait_idle(qtbot, ctx)
    qtbot.mouseClick(scan.forward_button, LEFT)
    wait_state(qtbot, ctx, workspace, new_case.id, sop.State.PERSETUJUAN)
    waiting = [item.case_id for item in work_queue(workspace, principals(workspace)["spv1"])]
    assert new_case.id in waiting


def test_incomplete_file_prints_a_return_slip_and_reopens_as_new(qtbot, workspace, seat_factory, artifacts,
                                                                 tmp_path) -> None:
    ctx = seat_factory("loket1")
    printer = tmp_path / "printer"
    window = open_window(qtbot, ctx, printer)
    intake = IntakeService(workspace, ctx.principal)
    case = intake.open_case()
    page = open_in_awal(qtbot, window, ctx, case.id, TerimaPage)
    # nothing ticked: refused in words, nothing moves
    qtbot.mouseClick(page.receive_button, LEFT)
    wait_idle(qtbot, ctx)
    assert "dicentang" in page.message.text() and state_of(workspace, case.id) is sop.State.TERIMA
    # a representative without the power of attorney ticked: refused
    page.as_representative.setChecked(True)
    qtbot.keyClicks(page.submitter_name, "Siti Rahmawati")
    qtbot.keyClicks(page.representative_id, "3174015708800003")
    page.checks["formulir"].setChecked(True)
    qtbot.mouseClick(page.receive_button, LEFT)
    wait_idle(qtbot, ctx)
    assert "surat kuasa" in page.message.text().lower()
    page.checks["surat_kuasa"].setChecked(True)
    # the draft is kept as ticked: a fresh page shows the same ticks
    page.save_draft()
    wait_idle(qtbot, ctx)
    with workspace.store.read() as session:
        received = {c.doc_code for c in session.query(DocumentCheck).filter_by(case_id=case.id, received=True)}
    assert received == {"formulir", "surat_kuasa"}
    qtbot.mouseClick(page.receive_button, LEFT)
    wait_state(qtbot, ctx, workspace, case.id, sop.State.PERIKSA)
    qtbot.waitUntil(lambda: isinstance(current_page(window), PeriksaPage), timeout=5000)
    wait_idle(qtbot, ctx)
    periksa = current_page(window)
    assert periksa.rows["kk"].status.currentData() == "missing"
    periksa.rows["formulir"].status.setCurrentIndex(2)  # tidak sah, without a note: refused
    qtbot.mouseClick(periksa.check_button, LEFT)
    wait_idle(qtbot, ctx)
    assert state_of(workspace, case.id) is sop.State.PERIKSA
    assert periksa.rows["formulir"].error.text()
    qtbot.keyClicks(periksa.rows["formulir"].note, "Tanda tangan tidak ada")
    qtbot.mouseClick(periksa.check_button, LEFT)
    wait_state(qtbot, ctx, workspace, case.id, sop.State.DIKEMBALIKAN)
    qtbot.waitUntil(lambda: any(j["title"].startswith("Surat pengembalian") for j in printed_jobs(printer)),
                    timeout=10_000)
    assert list(workspace.output_dir.glob(f"*/surat-pengembalian-{case.number}.pdf"))
    assert periksa.returned_box.isVisible()
    shot(window, artifacts, "2_periksa_dikembalikan")
    qtbot.mouseClick(periksa.reopen_button, LEFT)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: window.wizards[sop.Phase.AWAL].case is not None
                    and window.wizards[sop.Phase.AWAL].case.id != case.id, timeout=5000)
    new_id = window.wizards[sop.Phase.AWAL].case.id
    assert state_of(workspace, new_id) is sop.State.TERIMA
    assert state_of(workspace, case.id) is sop.State.DIKEMBALIKAN


def test_a_long_paste_and_a_bad_name_are_explained_at_step_one(qtbot, workspace, seat_factory) -> None:
    ctx = seat_factory("loket1")
    case = IntakeService(workspace, ctx.principal).open_case()
    page = TerimaPage(ctx)
    qtbot.addWidget(page)
    page.load(case_ref(workspace, case.id))
    wait_idle(qtbot, ctx)
    page.checks["formulir"].setChecked(True)
    page.submitter_name.insert("y" * 2000)  # a 2 000-character paste is kept, not cut
    page._changed()
    page.save_draft()
    wait_idle(qtbot, ctx)
    assert len(page.submitter_name.text()) == 2000
    assert "2000" in page.errors["representative_name"].text()
    page.submitter_name.setText("Dewi Lestari")
    type_text(qtbot, page.applicant_name, "Zoë 2")
    page.save_draft()
    wait_idle(qtbot, ctx)
    assert page.errors["applicant_name"].text()  # a digit in a name, in words
    with workspace.store.read() as session:  # the ticks were kept all the same
        assert session.query(DocumentCheck).filter_by(case_id=case.id, received=True).count() == 1
    page.applicant_name.setText("Zoë O'Brien-Núñez")
    page.save_draft()
    wait_idle(qtbot, ctx)
    assert not page.errors["applicant_name"].text()
