"""Step 9 (signature): the Kakanim signs with a re-entered password, bound to the data hash; a wrong
signer is refused in words; a spoiled card is reprinted only with a reason and the supervisor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Signature
from tests.conftest import PASSWORD, wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import case_at, prints, screenshot, show_page, stored_case

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.pages.step_pengesahan import PengesahanPage  # noqa: E402


def _page(qtbot, akhir_seats, username, case):  # type: ignore[no-untyped-def]
    ctx = akhir_seats(username)
    page = show_page(qtbot, PengesahanPage(ctx))
    page.load(case)
    qtbot.waitUntil(page.sign_button.isEnabled, timeout=5000)
    return ctx, page


def _sign(qtbot, page, password: str, stamp: bool = True) -> None:  # type: ignore[no-untyped-def]
    page.stamp.setChecked(stamp)
    page.password.clear()
    qtbot.keyClicks(page.password, password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)


def test_a_wrong_signer_is_refused_in_words_and_nothing_is_signed(qtbot, workspace, akhir_seats) -> None:
    case = case_at(workspace, sop.State.PENGESAHAN)
    ctx, page = _page(qtbot, akhir_seats, "spv1", case)
    _sign(qtbot, page, PASSWORD)
    qtbot.waitUntil(lambda: page.message.kind == "error", timeout=5000)
    assert "bukan Kepala Kantor" in page.message.text()
    wait_idle(qtbot, ctx)
    assert stored_case(workspace, case.id).state == sop.State.PENGESAHAN.value


def test_the_kakanim_signs_after_the_stamp_and_the_password(qtbot, workspace, akhir_seats, artifacts) -> None:
    case = case_at(workspace, sop.State.PENGESAHAN)
    ctx, page = _page(qtbot, akhir_seats, "kakanim1", case)
    _sign(qtbot, page, PASSWORD, stamp=False)  # the stamp is not confirmed: refused before anything
    assert page.message.kind == "error" and "cap dinas" in page.message.text()
    _sign(qtbot, page, "bukan-sandinya")
    qtbot.waitUntil(lambda: page.message.kind == "error" and page.sign_button.isEnabled(), timeout=5000)
    assert "salah" in page.message.text().lower()
    assert stored_case(workspace, case.id).state == sop.State.PENGESAHAN.value
    screenshot(page, artifacts, "pengesahan")
    with qtbot.waitSignal(page.case_changed, timeout=5000) as moved:
        _sign(qtbot, page, PASSWORD)
    assert moved.args[0].state is sop.State.PENYERAHAN
    wait_idle(qtbot, ctx)
    stored = stored_case(workspace, case.id)
    with workspace.store.read() as session:
        signature = (
            session.execute(
                select(Signature).where(Signature.case_id == case.id, Signature.kind == "pengesahan")
            )
            .scalars()
            .one()
        )
    assert signature.signer == "kakanim1" and signature.data_hash == stored.data_hash and stored.data_hash


def test_a_reprint_needs_a_reason_and_the_supervisor(qtbot, workspace, akhir_seats, artifacts) -> None:
    case = case_at(workspace, sop.State.PENGESAHAN)
    ctx, page = _page(qtbot, akhir_seats, "kakanim1", case)
    page.request_reprint()
    dialog = page.reprint_dialog
    qtbot.keyClicks(dialog.reason, "Warna foto pudar")
    qtbot.keyClicks(dialog.supervisor, "loket1")  # not a supervisor
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.message.kind == "error", timeout=5000)
    assert "supervisor" in dialog.message.text()
    screenshot(dialog, artifacts, "cetak_ulang")
    dialog.supervisor.setText("spv1")
    dialog.password.setText("salah-sandi")
    dialog.submit()
    qtbot.waitUntil(
        lambda: dialog.message.kind == "error" and "salah" in dialog.message.text().lower(), timeout=5000
    )
    assert stored_case(workspace, case.id).state == sop.State.PENGESAHAN.value
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(page.case_changed, timeout=5000) as moved:
        dialog.submit()
    assert moved.args[0].state is sop.State.CETAK
    wait_idle(qtbot, ctx)
    rows = prints(workspace, case.id)
    assert [(r.state, r.authorised_by) for r in rows] == [
        ("spoiled", "spv1")
    ]  # the spoiled card stays counted
