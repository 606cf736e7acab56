"""The English translation of the widget text (resources/translations/faskim_en.ts, Qt Linguist).

Indonesian is the source language; English comes from the compiled .qm. These tests keep the file
complete (every message finished, the same placeholders, mnemonics kept, nothing new left
untranslated in the sources) and check that the login dialog, the main window and every step page
really show English once ``i18n.set_language("en")`` runs. Screenshots go to
artifacts/screenshots/en_*.png for a human look.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from faskim_desktop.core import messages, sop
from faskim_desktop.core.scripted_case import carry
from faskim_desktop.gui import build_ui, i18n
from faskim_desktop.gui.build_ui import ensure_built
from tests.conftest import PEOPLE, principals, standard_crew, wait_idle
from tests.gui import akhir_support

ensure_built()
akhir_seats = akhir_support.akhir_seats  # seats whose device workers are drained at teardown

from faskim_desktop.gui.login import LoginDialog  # noqa: E402
from faskim_desktop.gui.main_window import MainWindow  # noqa: E402

TS = build_ui.TS_DIR / "faskim_en.ts"
PLACEHOLDER = re.compile(r"%(?:n|L?\d+)|\{[^{}]*\}")
MNEMONIC = re.compile(r"&([^&\s])")


def _messages(path: Path = TS) -> list[dict[str, object]]:
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            assert node is not None, f"[{name}] {message.findtext('source')!r} has no translation element"
            forms = [f.text or "" for f in node.findall("numerusform")] or [node.text or ""]
            found.append({"context": name, "source": message.findtext("source") or "", "forms": forms,
                          "finished": node.get("type") is None and all(forms),
                          "numerus": message.get("numerus") == "yes"})
    return found


def _placeholders(text: str, numerus: bool = False) -> list[str]:
    return sorted(p for p in PLACEHOLDER.findall(text) if not (numerus and p == "%n"))


def _mnemonic(text: str) -> str | None:
    found = MNEMONIC.findall(text.replace("&&", ""))
    return found[0] if found and "<" not in text else None


# --- the file itself ---------------------------------------------------------------------------------


def test_every_message_is_translated_and_keeps_its_placeholders() -> None:
    found = _messages()
    assert len(found) > 500  # the whole interface, not an empty file
    unfinished = [f"[{m['context']}] {m['source']!r}" for m in found if not m["finished"]]
    assert not unfinished, "untranslated (run scripts/i18n todo):\n" + "\n".join(unfinished)
    wrong = [
        f"[{m['context']}] {m['source']!r} -> {form!r}"
        for m in found
        for form in m["forms"]  # type: ignore[attr-defined]
        if _placeholders(form, bool(m["numerus"])) != _placeholders(str(m["source"]), bool(m["numerus"]))
    ]
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_mnemonics_and_markup_survive_translation() -> None:
    wrong = []
    for m in _messages():
        source = str(m["source"])
        for form in m["forms"]:  # type: ignore[attr-defined]
            if (_mnemonic(source) is None) != (_mnemonic(form) is None):
                wrong.append(f"mnemonic: [{m['context']}] {source!r} -> {form!r}")
            if re.findall(r"</?\w+", source) != re.findall(r"</?\w+", form):
                wrong.append(f"markup: [{m['context']}] {source!r} -> {form!r}")
            if source.endswith(("…", ":")) and not form.endswith(source[-1]):
                wrong.append(f"ending: [{m['context']}] {source!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


# Windows of their own, whose Alt+letter keys do not compete with the main window's menu bar.
OWN_WINDOWS = {"LoginDialog", "SettingsDialog", "UserDialog", "ReprintDialog", "CaseTimelineDialog", "QueueDisplay",
               "MainWindow", "QObject", "dialog"}


def test_page_mnemonics_leave_the_menu_bar_keys_free() -> None:
    """Alt+F and Alt+V open the English File and View menus; a page button on the same key would be ambiguous."""
    menus = {_mnemonic(m["forms"][0]).lower() for m in _messages()  # type: ignore[index, union-attr]
             if m["context"] == "MainWindow" and m["source"] in ("&Berkas", "&Tampilan")}
    assert menus == {"f", "v"}
    clashing = [f"[{m['context']}] {m['forms'][0]!r}" for m in _messages()  # type: ignore[index]
                if m["context"] not in OWN_WINDOWS and (_mnemonic(m["forms"][0]) or "").lower() in menus]  # type: ignore[index]
    assert not clashing, clashing


def test_the_file_covers_every_string_in_the_current_sources(tmp_path: Path) -> None:
    """lupdate on today's sources adds nothing untranslated: a new or changed widget text fails here
    until it is translated (scripts/i18n todo, then scripts/i18n fill)."""
    copy = tmp_path / "faskim_en.ts"
    shutil.copyfile(TS, copy)
    sources = [str(p) for p in sorted((build_ui.PACKAGE / "gui").rglob("*.py")) if "forms" not in p.parts]
    sources += [str(p) for p in sorted(build_ui.UI_DIR.glob("*.ui"))]
    subprocess.run([build_ui._tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
                   check=True, capture_output=True)
    new = [f"[{m['context']}] {m['source']!r}" for m in _messages(copy) if not m["finished"]]
    assert not new, "widget text without an English translation (scripts/i18n todo):\n" + "\n".join(new)


def _class_names() -> set[str]:
    sources = sorted((build_ui.PACKAGE / "gui").rglob("*.py"))
    return {"QObject"} | {name for p in sources for name in re.findall(r"^\s*class (\w+)", p.read_text(), re.M)}


# ``variable.tr("…")`` is extracted under the variable's name but looked up at run time under the
# object's class, so its English never shows; QCoreApplication.translate("Class", "…") or self.tr in the
# class itself avoids that.
def _misplaced_contexts() -> set[str]:
    return {str(m["context"]) for m in _messages()} - _class_names()


def test_every_context_is_a_class_so_its_translations_are_found_at_run_time() -> None:
    assert not _misplaced_contexts()


# tr() of a variable or inside an f-string is never extracted by lupdate, so it stays Indonesian
# (QT_TRANSLATE_NOOP("Context", "…") on the constants, or a literal self.tr("…"), fixes it).
DYNAMIC_TR = re.compile(r"""\.tr\((?!\s*["'])|\bf["'][^"']*\{[^{}]*\.tr\(""")
KNOWN_UNEXTRACTED: set[str] = set()


def test_every_tr_call_has_literal_text_lupdate_can_extract() -> None:
    found = [
        f"{p.relative_to(build_ui.REPO)}:{number}: {line.strip()}"
        for p in sorted((build_ui.PACKAGE / "gui").rglob("*.py")) if "forms" not in p.parts
        for number, line in enumerate(p.read_text().splitlines(), 1)
        if DYNAMIC_TR.search(line) and not line.rstrip().endswith("tr(") and not line.lstrip().startswith("#")
    ]
    assert not found, "\n".join(found)


def test_a_malformed_translation_file_is_refused_by_the_parser(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ts"
    broken.write_text(TS.read_text(encoding="utf-8")[:2000], encoding="utf-8")  # cut mid-element
    with pytest.raises(ET.ParseError):
        _messages(broken)


# --- English on screen --------------------------------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    i18n.set_language("en")
    try:
        yield
    finally:
        i18n.set_language("id")


def _untranslated_sources() -> set[str]:
    """Indonesian source texts whose English differs (so seeing one means the translation did not apply),
    leaving out those of misplaced contexts (their own test above fails for them)."""
    misplaced = _misplaced_contexts()
    found = _messages()
    known = {str(m["source"]) for m in found if m["context"] in misplaced}
    changed = {str(m["source"]) for m in found if m["forms"][0] != m["source"]}  # type: ignore[index]
    return changed - known - KNOWN_UNEXTRACTED


def _texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            texts += [str(widget.model().headerData(i, widget.orientation()) or "") for i in range(widget.count())]
        texts.append(widget.toolTip())
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            texts.append(action.text())
            if action.menu():
                texts += [a.text() for a in action.menu().actions()]
    return [t for t in texts if t]


def _still_indonesian(root: QWidget) -> list[str]:
    sources = _untranslated_sources()
    return sorted({t for t in _texts(root) if t in sources})


def test_the_login_dialog_speaks_english(qtbot, workspace, english, artifacts) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Faskim Desktop — Log in"
    assert dialog.ui.usernameLabel.text() == "&Username"
    assert dialog.settings_button.text() == "&Settings…"
    assert not _still_indonesian(dialog)
    (artifacts / "screenshots").mkdir(exist_ok=True)
    dialog.grab().save(str(artifacts / "screenshots" / "en_login.png"))
    dialog.ui.buttonBox.accepted.emit()  # empty fields: the reason in English
    assert dialog.ui.messageLabel.text() == "Enter your username and password."


def test_the_main_window_speaks_english(qtbot, workspace, seat_factory, english, artifacts) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(seat_factory("admin1"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&View"]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[0] == "My work"
    for phase in sop.Phase:  # the phase titles come from the core's bilingual table
        assert messages.text(f"phase.{phase.value}", language="en") in tabs
        assert messages.text(f"phase.{phase.value}", language="id") not in tabs
    assert "Admin" in tabs and "Technician" in tabs
    assert not _still_indonesian(window)
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert not _still_indonesian(window), window.tabs.tabText(index)
        window.grab().save(str(folder / f"en_tab{index}.png"))


# Every step page a case waits on, with who opens it.
STATES = {
    sop.State.TERIMA: "loket1",
    sop.State.PERIKSA: "loket1",
    sop.State.ENTRI: "loket1",
    sop.State.PINDAI_BERKAS: "loket1",
    sop.State.PERSETUJUAN: "spv1",
    sop.State.PEMBAYARAN: "bendahara1",
    sop.State.BIOMETRIK: "loket1",
    sop.State.REGISTER: "loket1",
    sop.State.CETAK: "loket1",
    sop.State.PENGESAHAN: "kakanim1",
    sop.State.PENYERAHAN: "loket1",
    sop.State.ARSIP: "infokim1",
}


def test_every_step_page_speaks_english(qtbot, workspace, akhir_seats, english, artifacts) -> None:  # type: ignore[no-untyped-def]
    assert set(STATES.values()) <= set(PEOPLE)
    people = principals(workspace)
    crew = standard_crew(people)
    windows: dict[str, MainWindow] = {}
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    left: dict[str, list[str]] = {}
    seen: set[sop.State] = set()

    def look(case) -> None:  # type: ignore[no-untyped-def]
        username = STATES.get(case.state)
        if username is None:
            return
        if username not in windows:
            window = MainWindow(akhir_seats(username))
            qtbot.addWidget(window)
            window.resize(1366, 768)
            window.show()
            windows[username] = window
        window = windows[username]
        window.open_case(case.id)
        wait_idle(qtbot, window.ctx)
        wizard = window.wizards[sop.phase_of(case.state)]  # type: ignore[index]
        qtbot.waitUntil(lambda: wizard.case is not None and wizard.case.id == case.id
                        and wizard.case.state is case.state, timeout=10_000)
        wait_idle(qtbot, window.ctx)
        qtbot.wait(50)
        seen.add(case.state)
        window.grab().save(str(folder / f"en_step_{case.state.value}.png"))
        still = _still_indonesian(window)
        if still:
            left[case.state.value] = still

    for state in (sop.State.TERIMA, sop.State.CETAK):  # carry's after_step does not stop on these
        look(carry(workspace, crew, until=state).case)
    carry(workspace, crew, after_step=look)
    assert seen == set(STATES)
    assert not left, f"Indonesian text on English pages: {left}"


def test_dialogs_and_side_pages_speak_english(qtbot, workspace, akhir_seats, english, artifacts) -> None:  # type: ignore[no-untyped-def]
    """The widgets not on the main window's first tabs: settings, user, reprint and timeline dialogs, the
    queue display, and the search, dashboard and card-verification pages."""
    from faskim_desktop.gui.pages.admin import UserDialog
    from faskim_desktop.gui.pages.case_timeline import CaseTimelineDialog
    from faskim_desktop.gui.pages.dashboard import DashboardPage
    from faskim_desktop.gui.pages.search import SearchPage
    from faskim_desktop.gui.pages.step_cetak import ReprintDialog
    from faskim_desktop.gui.pages.verify_card import VerifyCardPage
    from faskim_desktop.gui.queue_display import QueueDisplay
    from faskim_desktop.gui.settings_dialog import SettingsDialog

    people = principals(workspace)
    crew = standard_crew(people)
    case = carry(workspace, crew, until=sop.State.CETAK).case
    ctx = akhir_seats("spv1")
    widgets = {
        "settings": SettingsDialog(),
        "user": UserDialog(),
        "reprint": ReprintDialog(ctx, case),
        "timeline": CaseTimelineDialog(ctx, case.id),
        "queue_display": QueueDisplay(ctx),
        "search": SearchPage(ctx),
        "dashboard": DashboardPage(ctx),
        "verify_card": VerifyCardPage(ctx),
    }
    folder = artifacts / "screenshots"
    folder.mkdir(exist_ok=True)
    left = {}
    for name, widget in widgets.items():
        qtbot.addWidget(widget)
        if widget.size().width() < 400:
            widget.resize(1000, 640)
        widget.show()
        wait_idle(qtbot, ctx)
        qtbot.wait(50)
        widget.grab().save(str(folder / f"en_widget_{name}.png"))
        if still := _still_indonesian(widget):
            left[name] = still
    assert widgets["settings"].windowTitle() == "Settings for this computer"
    assert not left, f"Indonesian text on English widgets: {left}"


# --- room for longer words --------------------------------------------------------------------------


def test_the_login_dialog_has_room_for_longer_translations(qtbot, workspace, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A pseudo-translation 40% longer than the English one still fits the login dialog unclipped."""
    tree = ET.parse(TS)
    for node in tree.getroot().iter("translation"):
        for target in node.findall("numerusform") or [node]:
            text = target.text or ""
            target.text = text + "·" * max(1, round(len(text) * 0.4)) if text else text
    pseudo = tmp_path / "pseudo.ts"
    tree.write(pseudo, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "pseudo.qm"
    subprocess.run([build_ui._tool("pyside6-lrelease"), str(pseudo), "-qm", str(qm)], check=True,
                   capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    i18n.set_language("en")
    qapp.installTranslator(translator)
    try:
        dialog = LoginDialog(workspace)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(20)
        assert dialog.windowTitle().endswith("·")  # the pseudo-translation is the one in use
        clipped = [
            w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
            if w.isVisible() and not (isinstance(w, QLabel) and w.wordWrap())
            and w.width() < w.minimumSizeHint().width()
        ]
        assert not clipped, clipped
        dialog.grab().save(str(Path(tmp_path) / "pseudo_login.png"))
    finally:
        qapp.removeTranslator(translator)
        i18n.set_language("id")
