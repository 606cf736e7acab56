"""The queue: call, recall, skip at the counter; the display window shows and announces the call;
a case left in CEKAL is screened as soon as its page opens."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from faskim_desktop.core import sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.gui.pages.step_cekal import CekalPage
from faskim_desktop.gui.queue_display import QueueDisplay, announcement, open_display, spoken
from faskim_desktop.gui.queue_panel import QueuePanel
from faskim_desktop.store.tables import QueueTicket
from tests.conftest import principals, standard_crew, wait_idle
from tests.gui.awal_support import case_ref, shot, state_of

LEFT = Qt.MouseButton.LeftButton


def fake_espeak(folder: Path) -> Path:
    """An ``espeak-ng`` on PATH that records its arguments instead of speaking."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "spoken.txt"
    script = folder / "espeak-ng"
    script.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> "{log}"\necho >> "{log}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def test_call_recall_skip_and_the_display_announces(qtbot, workspace, seat_factory, artifacts, tmp_path,
                                                    monkeypatch) -> None:
    log = fake_espeak(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    ctx = seat_factory("loket1")
    panel = QueuePanel(ctx)
    qtbot.addWidget(panel)
    display = QueueDisplay(ctx)
    qtbot.addWidget(display)
    display.resize(1366, 768)
    display.show()
    wait_idle(qtbot, ctx)
    assert display.number.text() == "—" and display.spoken == []
    qtbot.mouseClick(panel.call_button, LEFT)  # nobody waiting: said in words
    wait_idle(qtbot, ctx)
    assert "Tidak ada antrean" in panel.message.text()
    for _ in range(3):
        qtbot.mouseClick(panel.issue_button, LEFT)
        wait_idle(qtbot, ctx)
    qtbot.mouseClick(panel.call_button, LEFT)
    wait_idle(qtbot, ctx)
    display.poll()
    wait_idle(qtbot, ctx)
    assert display.number.text() == "A001" and "LOKET 1" in display.counter.text()
    assert display.spoken == [announcement("A001", "1")] == ["Nomor antrean A001, silakan ke loket 1"]
    qtbot.waitUntil(lambda: log.exists() and "A 0 0 1" in log.read_text(), timeout=5000)
    assert "-v|id|" in log.read_text()
    qtbot.mouseClick(panel.recall_button, LEFT)  # a recall is announced again
    wait_idle(qtbot, ctx)
    display.poll()
    wait_idle(qtbot, ctx)
    assert len(display.spoken) == 2
    qtbot.mouseClick(panel.skip_button, LEFT)
    wait_idle(qtbot, ctx)
    qtbot.mouseClick(panel.call_button, LEFT)
    wait_idle(qtbot, ctx)
    display.poll()
    wait_idle(qtbot, ctx)
    assert display.number.text() == "A002" and display.spoken[-1].startswith("Nomor antrean A002")
    shot(display, artifacts, "layar_antrean")
    with workspace.store.read() as session:
        states = {t.number: t.state for t in session.query(QueueTicket)}
    assert states == {1: "skipped", 2: "called", 3: "waiting"}
    assert spoken("A002", "1") == "Nomor antrean A 0 0 2, silakan ke loket 1"


def test_the_display_is_silent_without_espeak(qtbot, workspace, seat_factory, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng anywhere
    ctx = seat_factory("loket1")
    owner = QWidget()
    qtbot.addWidget(owner)
    display = open_display(ctx, owner)
    assert open_display(ctx, owner) is display and display.isVisible()  # one per window
    wait_idle(qtbot, ctx)
    assert display.announce("A009", "2") is False
    assert display.spoken == ["Nomor antrean A009, silakan ke loket 2"]


def test_a_case_left_in_cekal_is_screened_when_its_page_opens(qtbot, workspace, seat_factory, artifacts) -> None:
    people = principals(workspace)
    crew = standard_crew(people)
    case_id = carry(workspace, crew, until=sop.State.CEKAL).case.id
    assert state_of(workspace, case_id) is sop.State.CEKAL
    ctx = seat_factory("loket1")
    page = CekalPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    moved: list[object] = []
    page.case_changed.connect(moved.append)
    page.load(case_ref(workspace, case_id))
    shot(page, artifacts, "4_cekal")  # while the screening runs on the worker
    assert "sedang diperiksa" in page.status.text()
    wait_idle(qtbot, ctx)
    assert state_of(workspace, case_id) is sop.State.PINDAI_BERKAS
    assert moved and moved[0].state is sop.State.PINDAI_BERKAS
