"""Shared by the Langkah Awal GUI tests: a loket seat's main window at 1366×768, waiting helpers."""

from __future__ import annotations

import json
from pathlib import Path

from faskim_desktop.core import sop
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.gui.build_ui import ensure_built
from faskim_desktop.store.tables import Case
from tests.conftest import wait_idle

ensure_built()

from faskim_desktop.gui.main_window import MainWindow  # noqa: E402

SIZE = (1366, 768)


def open_window(qtbot, ctx, printer_dir: Path | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    if printer_dir is not None:
        use_printer_folder(ctx, printer_dir)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    return window


def use_printer_folder(ctx, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The simulated printer keeps each job as job-*.pdf in ``folder``."""
    from faskim_desktop.devices.protocols import DeviceKind

    def configure(driver) -> None:  # type: ignore[no-untyped-def]
        driver._output_dir = folder

    done: list[bool] = []
    ctx.devices.run(DeviceKind.PRINTER, configure, lambda _: done.append(True))


def printed_jobs(folder: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(folder.glob("job-*.json"))]


def current_page(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.wizards[sop.Phase.AWAL].stack.currentWidget()


def open_in_awal(qtbot, window: MainWindow, ctx, case_id: int, page_type: type):  # type: ignore[no-untyped-def]
    window.open_case(case_id, sop.Phase.AWAL)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: isinstance(current_page(window), page_type), timeout=5000)
    page = current_page(window)
    wait_idle(qtbot, ctx)
    return page


def state_of(ws, case_id: int) -> sop.State:  # type: ignore[no-untyped-def]
    with ws.store.read() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return sop.State(found.state)


def wait_state(qtbot, ctx, ws, case_id: int, state: sop.State, timeout: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: state_of(ws, case_id) is state, timeout=timeout)
    wait_idle(qtbot, ctx)


def shot(window, artifacts: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    folder = artifacts / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"awal_{name}.png"
    window.grab().save(str(path))
    return path


def case_ref(ws, case_id: int) -> CaseRef:  # type: ignore[no-untyped-def]
    from faskim_desktop.core.services.base import ref

    with ws.store.read() as session:
        found = session.get(Case, case_id)
        assert found is not None
        return ref(found)


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` key by key; characters outside ASCII (which QTest cannot synthesise as keys)
    arrive as a key event carrying the character, as an input method delivers them."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def fill_valid(qtbot, page, name: str = "Zoë O'Brien-Núñez", passport: str = "PA7654321") -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from faskim_desktop.core.scripted_case import sample_entry

    sample = sample_entry(7, name=name, passport=passport)
    for field in ("tujuan", "niora", "birth_place", "nationality", "sponsor_name", "sponsor_address",
                  "sponsor_contact", "landing_port", "landing_vessel", "stay_permit_no"):
        page.widgets[field].setFocus()
        type_text(qtbot, page.widgets[field], getattr(sample, field))
    page.set_value("nama_pemohon", "")
    type_text(qtbot, page.widgets["nama_pemohon"], name)
    qtbot.keyClicks(page.widgets["passport_no"], passport)
    qtbot.keyClicks(page.widgets["sponsor_nik"], sample.sponsor_nik)
    page.set_value("sex", "F")
    for field in ("tanggal_lahir", "passport_expiry", "landing_date", "stay_permit_expiry"):
        value = dt.date.fromisoformat(getattr(sample, field)).strftime("%d-%m-%Y")
        qtbot.keyClicks(page.widgets[field], value)
