"""A file through Langkah Utama on separate seats (one main window each, as on a second screen or
PC): it appears in the supervisor's queue without pressing refresh, is approved there, paid at the
bendahara's window and photographed/fingerprinted at the counter's window — all at 1366x768."""

from __future__ import annotations

from faskim_desktop.core import sop
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Case
from tests.conftest import PASSWORD, wait_idle
from tests.gui.langkah_utama_support import case_at, portrait_frame

ensure_built()

from faskim_desktop.gui.main_window import MainWindow  # noqa: E402
from faskim_desktop.gui.pages.step_biometrik import BiometrikPage  # noqa: E402
from faskim_desktop.gui.pages.step_pembayaran import PembayaranPage  # noqa: E402
from faskim_desktop.gui.pages.step_persetujuan import PersetujuanPage  # noqa: E402


def _window(qtbot, ctx):  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _page(window, kind):  # type: ignore[no-untyped-def]
    wizard = window.wizards[sop.Phase.UTAMA]
    page = wizard.stack.currentWidget()
    return page if isinstance(page, kind) else None


def _state(ws, case_id: int) -> str:  # type: ignore[no-untyped-def]
    with ws.store.read() as session:
        return session.get(Case, case_id).state


def test_a_file_through_approval_payment_and_biometrics_on_three_seats(qtbot, workspace, seat_factory, artifacts):
    shots = artifacts / "screenshots"
    shots.mkdir(exist_ok=True)
    supervisor = seat_factory("spv1")
    spv_window = _window(qtbot, supervisor)
    wait_idle(qtbot, supervisor)
    assert spv_window.queue.model.rowCount() == 0

    case = case_at(workspace, sop.State.PERSETUJUAN)  # the counter forwards the file
    # no refresh pressed: the seat's queue polls (poll_interval_ms, 1 s) and shows it
    qtbot.waitUntil(lambda: spv_window.queue.model.rowCount() == 1, timeout=5000)
    spv_window.open_case(case.id)
    qtbot.waitUntil(lambda: _page(spv_window, PersetujuanPage) is not None, timeout=5000)
    page = _page(spv_window, PersetujuanPage)
    wait_idle(qtbot, supervisor)
    qtbot.waitUntil(lambda: page.thumbs.count() == 2, timeout=5000)
    qtbot.wait(150)
    spv_window.grab().save(str(shots / "utama_seat_supervisor.png"))
    qtbot.keyClicks(page.password, PASSWORD)
    page.approve_button.click()
    wait_idle(qtbot, supervisor)
    qtbot.waitUntil(lambda: _state(workspace, case.id) == "pembayaran", timeout=5000)

    bendahara = seat_factory("bendahara1")
    cash_window = _window(qtbot, bendahara)
    qtbot.waitUntil(lambda: cash_window.queue.model.rowCount() == 1, timeout=5000)
    cash_window.open_case(case.id)
    qtbot.waitUntil(lambda: _page(cash_window, PembayaranPage) is not None, timeout=5000)
    pay = _page(cash_window, PembayaranPage)
    wait_idle(qtbot, bendahara)
    qtbot.keyClicks(pay.amount, "400.000")
    pay.pay_button.click()
    wait_idle(qtbot, bendahara)
    qtbot.waitUntil(lambda: "dikirim ke printer" in pay.result.text(), timeout=10_000)
    qtbot.wait(100)
    cash_window.grab().save(str(shots / "utama_seat_bendahara.png"))
    pay.next_button.click()
    wait_idle(qtbot, bendahara)
    assert _state(workspace, case.id) == "biometrik"

    counter = seat_factory("loket1")
    counter_window = _window(qtbot, counter)
    qtbot.waitUntil(lambda: any(i.case_id == case.id for i in counter_window.queue.model.items), timeout=5000)
    done = []
    counter.devices.run(DeviceKind.CAMERA, lambda d: setattr(d, "frame_array", lambda n: portrait_frame()),
                        done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    counter_window.open_case(case.id)
    qtbot.waitUntil(lambda: _page(counter_window, BiometrikPage) is not None, timeout=5000)
    bio = _page(counter_window, BiometrikPage)
    wait_idle(qtbot, counter)
    bio.camera_button.click()
    qtbot.waitUntil(lambda: "otomatis" in bio.message.text(), timeout=15_000)
    wait_idle(qtbot, counter)
    for _ in range(4):
        bio.next_finger_button.click()
        qtbot.waitUntil(lambda: bio.next_finger_button.isEnabled(), timeout=10_000)
        wait_idle(qtbot, counter)
    qtbot.wait(150)
    counter_window.grab().save(str(shots / "utama_seat_biometrik.png"))
    bio.complete_button.click()
    wait_idle(qtbot, counter)
    # on to Langkah Akhir (its register page may already have drawn the number)
    qtbot.waitUntil(lambda: _state(workspace, case.id) in ("register", "cetak"), timeout=5000)
    assert "lanjut ke pemberian nomor register" in bio.message.text()
