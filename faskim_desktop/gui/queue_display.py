"""The queue display for a second monitor: the number just called and the counter, in large type.

SOP Identifikasi Langkah, Langkah Awal 1: "Mesin antrian akan memanggil secara otomatis dan
menampilkan nomor antrian pada layar monitor". The window polls the store (any seat's calls show,
also from another PC on the office's PostgreSQL) and announces each new call by voice through
espeak-ng when it is installed (``espeak-ng`` on PATH); without it the display stays silent.
"""

from __future__ import annotations

import logging
import shutil

from PySide6.QtCore import QProcess, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from faskim_desktop.core.services.awal_views import CallView, last_calls
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import run_quietly

log = logging.getLogger(__name__)
POLL_MS = 1500
VOICE = "id"  # espeak-ng's Indonesian voice
ESPEAK = "espeak-ng"


def announcement(label: str, counter: str) -> str:
    """What is said and shown: "Nomor antrean A001, silakan ke loket 1"."""
    return f"Nomor antrean {label}, silakan ke loket {counter}"


def spoken(label: str, counter: str) -> str:
    """The same sentence with the ticket spelled out ("A 0 0 1") so the voice reads each character."""
    return announcement(" ".join(label), counter)


class QueueDisplay(QWidget):
    """A top-level window; ``show_on_second_screen`` moves it to a second monitor when there is one."""

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None, voice: str = VOICE) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.voice = voice
        self.setWindowTitle(self.tr("Layar antrean"))
        self.setStyleSheet("QWidget { background: #0b2a5b; color: white; }")
        self.caption = QLabel(self.tr("NOMOR ANTREAN"))
        self.number = QLabel("—")
        self.counter = QLabel("")
        self.history = QListWidget()
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.setStyleSheet("QListWidget { border: none; font-size: 22pt; }")
        for label, size in ((self.caption, 28), (self.number, 160), (self.counter, 48)):
            font = QFont(label.font())
            font.setPointSize(size)
            font.setBold(True)
            label.setFont(font)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet("color: #ffd54f;")
        previous = QLabel(self.tr("Panggilan sebelumnya"))
        previous.setAlignment(Qt.AlignmentFlag.AlignCenter)
        previous_font = QFont(previous.font())
        previous_font.setPointSize(20)
        previous.setFont(previous_font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.number, 3)
        layout.addWidget(self.counter, 1)
        layout.addWidget(previous)
        layout.addWidget(self.history, 2)
        self.spoken: list[str] = []  # what was announced (tests and the technician read it)
        self._seen: tuple[int, int] | None = None
        self._first = True
        self._process: QProcess | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        full = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        full.activated.connect(self._toggle_full_screen)
        self.resize(900, 600)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._timer.start()
        self.poll()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._timer.stop()
        super().hideEvent(event)

    def show_on_second_screen(self) -> None:
        screens = QGuiApplication.screens()
        target = screens[1] if len(screens) > 1 else None
        self.show()
        if target is not None:
            self.windowHandle().setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- polling --------------------------------------------------------------------------------------

    def poll(self) -> None:
        ctx = self.ctx
        run_quietly(ctx, lambda: last_calls(ctx.ws, 6), self.show_calls, self, self._poll_failed)

    def _poll_failed(self, error: BaseException) -> None:
        log.warning("queue display poll failed: %s", getattr(error, "code", type(error).__name__))

    def show_calls(self, calls: list[CallView]) -> None:
        self.history.clear()
        if not calls:
            self.number.setText("—")
            self.counter.setText("")
            self._first = False
            return
        latest = calls[0]
        self.number.setText(latest.label)
        self.counter.setText(self.tr("LOKET %1").replace("%1", latest.counter))
        for call in calls[1:]:
            counter = self.tr("Loket %1").replace("%1", call.counter)
            self.history.addItem(f"{call.label}  →  {counter}")
        key = (latest.ticket_id, latest.calls)
        if key != self._seen:
            self._seen = key
            if not self._first:  # what was already on screen when the window opened is not re-announced
                self.announce(latest.label, latest.counter)
        self._first = False

    # --- voice ----------------------------------------------------------------------------------------

    def announce(self, label: str, counter: str) -> bool:
        """Speak the call with espeak-ng when present; silently do nothing otherwise."""
        self.spoken.append(announcement(label, counter))
        program = shutil.which(ESPEAK)
        if program is None:
            return False
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.kill()
            self._process.waitForFinished(500)
        process = QProcess(self)
        process.errorOccurred.connect(lambda err: log.warning("espeak-ng failed: %s", err))
        process.start(program, ["-v", self.voice, "-s", "140", spoken(label, counter)])
        self._process = process
        return True


def open_display(ctx: SeatContext, parent: QWidget) -> QueueDisplay:
    """Show the seat's queue display (one per main window), on a second monitor when present."""
    display = parent.findChild(QueueDisplay)
    if display is None:
        display = QueueDisplay(ctx, parent)
    display.show_on_second_screen()
    display.raise_()
    return display
