"""Steps 8 and 9 (printing): the register number shown, the card printed to the simulated printer,
printer failures mid-job retried without counting a card twice."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from faskim_desktop.core import sop
from faskim_desktop.devices.errors import DeviceOffline
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.devices.simulated.printer import SimulatedCardPrinter
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import StoredFile
from tests.conftest import wait_idle
from tests.gui import akhir_support
from tests.gui.akhir_support import case_at, prints, screenshot, show_page, stored_case

ensure_built()
akhir_seats = akhir_support.akhir_seats  # the fixture, drained of device work at teardown

from faskim_desktop.gui.pages.step_cetak import CetakPage  # noqa: E402
from faskim_desktop.gui.pages.step_register import RegisterPage  # noqa: E402


def test_the_register_number_is_allocated_and_shown(qtbot, workspace, akhir_seats, artifacts) -> None:
    case = case_at(workspace, sop.State.REGISTER)
    ctx = akhir_seats("loket1")
    page = show_page(qtbot, RegisterPage(ctx))
    page.load(case)
    qtbot.waitUntil(page.next_button.isEnabled, timeout=5000)
    stored = stored_case(workspace, case.id)
    assert stored.state == sop.State.CETAK.value
    assert stored.register_no and page.register_label.text() == stored.register_no
    assert stored.register_no.endswith("/00001")
    assert page.message.kind == "ok"
    screenshot(page, artifacts, "register")
    with qtbot.waitSignal(page.case_changed, timeout=3000) as moved:
        qtbot.keyClick(page.next_button, Qt.Key.Key_Return)
    assert moved.args[0].state is sop.State.CETAK


def _printer(ctx) -> SimulatedCardPrinter:  # type: ignore[no-untyped-def]
    driver = ctx.devices.driver(DeviceKind.PRINTER)
    assert isinstance(driver, SimulatedCardPrinter)
    return driver


def _ready(qtbot, workspace, akhir_seats, tmp_path):  # type: ignore[no-untyped-def]
    case = case_at(workspace, sop.State.CETAK)
    ctx = akhir_seats("loket1")
    _printer(ctx)._output_dir = tmp_path / "printer"
    page = show_page(qtbot, CetakPage(ctx))
    page.poll_interval_ms = 10
    page.load(case)
    qtbot.waitUntil(page.print_button.isEnabled, timeout=10_000)
    return case, ctx, page


def test_the_card_prints_to_the_simulated_printer_as_cr80_duplex(
    qtbot, workspace, akhir_seats, tmp_path, artifacts
) -> None:
    case, ctx, page = _ready(qtbot, workspace, akhir_seats, tmp_path)
    assert page.front.pixmap() is not None and not page.front.pixmap().isNull()
    screenshot(page, artifacts, "cetak")
    with qtbot.waitSignal(page.case_changed, timeout=10_000) as moved:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert moved.args[0].state is sop.State.PENGESAHAN
    wait_idle(qtbot, ctx)
    rows = prints(workspace, case.id)
    assert [(r.state, r.attempt) for r in rows] == [("completed", 1)] and rows[0].job_id
    jobs = sorted((tmp_path / "printer").glob("job-*.json"))
    assert len(jobs) == 1
    meta = json.loads(jobs[0].read_text())
    assert meta["page_size"] == "CR80" and meta["duplex"] is True
    assert jobs[0].with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    with workspace.store.read() as session:
        kept = session.execute(
            select(StoredFile).where(
                StoredFile.case_id == case.id, StoredFile.kind == "document", StoredFile.category == "kartu"
            )
        ).scalars()
        assert len(list(kept)) == 1
    assert "1 tercetak" in page.count_label.text()


def test_printer_offline_mid_job_keeps_the_job_and_a_retry_counts_the_card_once(
    qtbot, workspace, akhir_seats, tmp_path, monkeypatch, artifacts
) -> None:
    case, ctx, page = _ready(qtbot, workspace, akhir_seats, tmp_path)
    original = SimulatedCardPrinter.job_state
    calls = {"n": 0}

    def offline_once(self, job_id):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:
            raise DeviceOffline(device=self.device_label)
        return original(self, job_id)

    monkeypatch.setattr(SimulatedCardPrinter, "job_state", offline_once)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.kind == "error" and page.print_button.isEnabled(), timeout=10_000)
    assert "offline" in page.message.text() and "tidak dihitung dua kali" in page.message.text()
    assert "Coba lagi" in page.print_button.text()
    screenshot(page, artifacts, "cetak_offline")
    wait_idle(qtbot, ctx)
    assert [r.state for r in prints(workspace, case.id)] == ["pending"]
    assert stored_case(workspace, case.id).state == sop.State.CETAK.value

    with qtbot.waitSignal(page.case_changed, timeout=10_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    rows = prints(workspace, case.id)
    assert [(r.state, r.attempt) for r in rows] == [("completed", 1)]  # one blank, counted once
    assert stored_case(workspace, case.id).state == sop.State.PENGESAHAN.value


def test_out_of_cards_at_submit_then_a_jammed_job_are_counted_honestly(
    qtbot, workspace, akhir_seats, tmp_path
) -> None:
    case, ctx, page = _ready(qtbot, workspace, akhir_seats, tmp_path)
    _printer(ctx).set_fault("paper_jam", count=1)  # the submit itself is refused: no card used
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.kind == "error" and page.print_button.isEnabled(), timeout=10_000)
    assert "blangko" in page.message.text()
    wait_idle(qtbot, ctx)
    assert [r.state for r in prints(workspace, case.id)] == ["pending"]

    # the retry reaches the printer, which then jams on the job: that blank is a failed card
    _printer(ctx)._output_dir = tmp_path / "printer"
    original = SimulatedCardPrinter.submit

    def jam_after_submit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        job = original(self, *args, **kwargs)
        self.set_fault("paper_jam")
        return job

    SimulatedCardPrinter.submit = jam_after_submit  # type: ignore[method-assign]
    try:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: "gagal" in page.count_label.text() and page.print_button.isEnabled(), timeout=10_000
        )
    finally:
        SimulatedCardPrinter.submit = original  # type: ignore[method-assign]
    wait_idle(qtbot, ctx)
    assert [(r.state, r.attempt) for r in prints(workspace, case.id)] == [("failed", 1)]
    assert "1 gagal" in page.count_label.text()

    _printer(ctx).clear_fault()
    with qtbot.waitSignal(page.case_changed, timeout=10_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert [(r.state, r.attempt) for r in prints(workspace, case.id)] == [("failed", 1), ("completed", 2)]
    assert page.day_label.text() == "1 tercetak · 1 gagal · 0 rusak"  # the day's blanks, all accounted for


def test_a_job_sent_before_the_app_closed_is_followed_not_sent_again(
    qtbot, workspace, akhir_seats, tmp_path
) -> None:
    from faskim_desktop.core.services.card_output import CardOutputService
    from faskim_desktop.core.services.issuance import IssuanceService
    from faskim_desktop.documents.compose.card import render_case_card
    from tests.conftest import principals

    case = case_at(workspace, sop.State.CETAK)
    ctx = akhir_seats("loket1")
    printer = _printer(ctx)
    printer._output_dir = tmp_path / "printer"
    loket = principals(workspace)["loket1"]
    # the earlier session: the blank accounted for, the card kept, the job queued — then the app closed
    issuance = IssuanceService(workspace, loket)
    print_id = issuance.begin_print(case.id, "simulated")
    pdf = render_case_card(workspace, case.id)
    CardOutputService(workspace, loket).keep(case.id, pdf, print_id)
    issuance.job_submitted(
        print_id, printer.submit(pdf, "Kartu Faskim", duplex=True, page_size="CR80").job_id
    )

    page = show_page(qtbot, CetakPage(ctx))
    page.poll_interval_ms = 10
    with qtbot.waitSignal(page.case_changed, timeout=10_000) as moved:
        page.load(case)
    assert moved.args[0].state is sop.State.PENGESAHAN
    wait_idle(qtbot, ctx)
    assert [(r.state, r.attempt) for r in prints(workspace, case.id)] == [("completed", 1)]
    assert len(list((tmp_path / "printer").glob("job-*.pdf"))) == 1  # nothing sent twice
