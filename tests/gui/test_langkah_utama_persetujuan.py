"""Step 5 at the supervisor's seat: approve with the password (paraf), return with reasons,
the officer who entered the data is refused in words, a double click makes one decision."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import sample_entry
from faskim_desktop.core.services.intake import IntakeService
from faskim_desktop.core.services.screening_step import ScreeningStepService
from faskim_desktop.core.services.utama_views import correction_reasons
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import AuditEvent, Case, CaseStep
from tests.conftest import PASSWORD, principals, wait_idle
from tests.gui.langkah_utama_support import case_at

ensure_built()

from faskim_desktop.gui.pages.step_persetujuan import PersetujuanPage  # noqa: E402


def _page(qtbot, ctx, case):  # type: ignore[no-untyped-def]
    page = PersetujuanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1030, 640)
    page.show()
    page.load(case)
    wait_idle(qtbot, ctx)
    return page


def _state(ws, case_id: int) -> str:  # type: ignore[no-untyped-def]
    with ws.store.read() as session:
        return session.get(Case, case_id).state


def test_the_supervisor_sees_the_file_and_approves_with_the_password(qtbot, workspace, seat_factory, artifacts):
    case = case_at(workspace, sop.State.PERSETUJUAN)
    ctx = seat_factory("spv1")
    page = _page(qtbot, ctx, case)
    assert page.thumbs.count() == 2  # formulir + surat permohonan, decrypted from the file store
    assert not page.thumbs.item(0).icon().isNull()
    assert "Emma Putri Wijaya" in [page.data_form.itemAt(r, page.data_form.ItemRole.FieldRole).widget().text()
                                   for r in range(page.data_form.rowCount())]
    assert "Tidak ada kecocokan" in page.cekal_label.text()
    (artifacts / "screenshots").mkdir(exist_ok=True)
    qtbot.wait(150)  # let the layout settle before the screenshot
    page.grab().save(str(artifacts / "screenshots" / "utama_persetujuan.png"))

    # a wrong password: refused in words, nothing recorded
    qtbot.keyClicks(page.password, "bukan-sandi")
    qtbot.keyClick(page.password, Qt.Key.Key_Return)
    wait_idle(qtbot, ctx)
    assert "salah" in page.message.text().lower() or "gagal" in page.message.text().lower()
    assert _state(workspace, case.id) == "persetujuan"

    moved = []
    page.case_changed.connect(moved.append)
    qtbot.keyClicks(page.password, PASSWORD)
    page.approve_button.click()
    page.approve_button.click()  # double click: the second one does nothing
    page.approve()
    wait_idle(qtbot, ctx)
    assert _state(workspace, case.id) == "pembayaran"
    assert len(moved) == 1 and moved[0].state is sop.State.PEMBAYARAN
    with workspace.store.read() as session:
        found = session.get(Case, case.id)
        assert found.paraf_by == "spv1"
        steps = len(session.execute(select(CaseStep).where(CaseStep.case_id == case.id, CaseStep.action == "approve")).all())
        assert steps == 1
        assert session.execute(select(AuditEvent).where(AuditEvent.actor == "spv1",
                                                        AuditEvent.action == "auth.login")).first()


def test_a_file_returned_with_reasons_comes_back_to_the_counter(qtbot, workspace, seat_factory):
    case = case_at(workspace, sop.State.PERSETUJUAN)
    ctx = seat_factory("spv1")
    page = _page(qtbot, ctx, case)
    page.return_button.click()
    assert "ketidaksesuaian" in page.message.text().lower()  # no reasons: nothing sent
    qtbot.keyClicks(page.reasons, "Nama di paspor berbeda dengan akta lahir")
    qtbot.keyClick(page.reasons, Qt.Key.Key_Return)
    qtbot.keyClicks(page.reasons, "Tanggal kedatangan tidak sesuai cap paspor")
    page.return_button.click()
    wait_idle(qtbot, ctx)
    assert _state(workspace, case.id) == "entri"
    assert correction_reasons(workspace, case.id) == [
        "Nama di paspor berbeda dengan akta lahir", "Tanggal kedatangan tidak sesuai cap paspor"]

    # the counter corrects and forwards again: the file is back with its history of reasons
    loket = principals(workspace)["loket1"]
    intake = IntakeService(workspace, loket)
    intake.save_data(case.id, sample_entry())
    ScreeningStepService(workspace, loket).screen(case.id)
    back = intake.forward(case.id)
    assert back.state is sop.State.PERSETUJUAN
    page.load(back)
    wait_idle(qtbot, ctx)
    assert page.previous_label.isVisibleTo(page)
    assert "Tanggal kedatangan tidak sesuai cap paspor" in page.previous_label.text()
    qtbot.keyClicks(page.password, PASSWORD)
    page.approve_button.click()
    wait_idle(qtbot, ctx)
    assert _state(workspace, case.id) == "pembayaran"


def test_the_officer_who_entered_the_data_cannot_approve(qtbot, workspace, seat_factory):
    case = case_at(workspace, sop.State.PERSETUJUAN, loket="serba1")  # serba1 is loket and supervisor
    ctx = seat_factory("serba1")
    page = _page(qtbot, ctx, case)
    assert "tidak boleh menyetujuinya" in page.message.text()
    qtbot.keyClicks(page.password, PASSWORD)
    page.approve_button.click()
    wait_idle(qtbot, ctx)
    assert "tidak boleh menyetujuinya" in page.message.text()
    assert _state(workspace, case.id) == "persetujuan"
    assert page.approve_button.isEnabled()  # the step can go on (another official approves)
