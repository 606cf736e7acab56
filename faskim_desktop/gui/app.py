"""``faskim-desktop``: start the application (login, then one main window per seat)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from faskim_desktop.core import messages


def _log():  # type: ignore[no-untyped-def]
    # logging is imported once the login window is up: ~8 ms of a cold start
    import logging

    return logging.getLogger(__name__)


STORE_AFTER_PAINT_MS = 50


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return bool(platform and platform != "xcb") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="faskim-desktop", description="Faskim Desktop")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: FASKIM_DATA_DIR or the user data folder)"
    )
    parser.add_argument("--lang", choices=messages.LANGUAGES, help="interface language")
    parser.add_argument("--simulated", action="store_true", help="use simulated devices")
    parser.add_argument(
        "--seats",
        type=int,
        default=1,
        choices=(1, 2),
        help="open a second seat's login at start (second screen)",
    )
    return parser.parse_args(argv)


class Application:
    """Owns the workspace and the seats (main windows) open in this process."""

    def __init__(self, app, workspace) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.ws = workspace
        self.windows: list = []

    def login(self, second: bool = False, dialog=None) -> bool:  # type: ignore[no-untyped-def]
        """Show a login (``dialog``: the first one, already built while the store opens) and,
        on success, the person's main window."""
        from faskim_desktop.gui.login import LoginDialog

        dialog = dialog or LoginDialog(self.ws)
        if second:
            dialog.setWindowTitle(QCoreApplication.translate("Application", "Faskim Desktop — Masuk kursi kedua"))
        if not dialog.exec() or dialog.principal is None:
            return False
        # Imported once someone has logged in: the login window does not wait for the main
        # window's modules (~0.3-0.7 s of imports at a cold start).
        from faskim_desktop.gui.context import SeatContext
        from faskim_desktop.gui.main_window import MainWindow
        from faskim_desktop.gui.tasks import TaskRunner

        ctx = SeatContext(self.ws, dialog.principal, TaskRunner())
        window = MainWindow(ctx)
        window.second_seat_requested.connect(lambda: self.login(second=True))
        window.logged_out.connect(lambda w=window: self._closed(w, relogin=True))
        window.language_requested.connect(lambda lang, w=window: self._switch_language(w, lang))
        self.app.installEventFilter(window.idle)
        self.windows.append(window)
        screens = self.app.screens()
        if second and len(screens) > 1:  # the second seat opens on the second screen
            window.move(screens[1].availableGeometry().topLeft())
        window.show()
        if len(self.windows) == 1:
            self._schedule_backups(ctx)
        return True

    def _schedule_backups(self, ctx) -> None:  # type: ignore[no-untyped-def]
        """Hourly on the store worker: the daily backup (when a backup folder is set) and the
        biometric retention purge (when a retention period is set)."""
        from faskim_desktop.core import backup, retention

        folder = self.ws.settings.get("backup_dir")
        keep = int(self.ws.settings.get("backup_keep"))

        def housekeeping() -> None:
            if folder:
                backup.daily(self.ws, Path(folder), keep)
            if retention.configured_days(self.ws) > 0:
                retention.run(self.ws)

        def run() -> None:
            ctx.run(housekeeping, on_error=lambda err: _log().warning(
                "daily housekeeping failed: %s", getattr(err, "code", type(err).__name__)))

        self._backup_timer = QTimer()
        self._backup_timer.setInterval(3_600_000)
        self._backup_timer.timeout.connect(run)
        self._backup_timer.start()
        run()

    def _closed(self, window, relogin: bool) -> None:  # type: ignore[no-untyped-def]
        if window in self.windows:
            self.windows.remove(window)
            window.ctx.tasks.shutdown()
        if relogin and not self.windows and not self.login():
            self.app.quit()

    def _switch_language(self, window, language: str) -> None:  # type: ignore[no-untyped-def]
        from faskim_desktop.gui import i18n
        from faskim_desktop.gui.main_window import MainWindow

        i18n.set_language(language)
        self.ws.settings.set("language", language)
        replacement = MainWindow(window.ctx)
        replacement.second_seat_requested.connect(lambda: self.login(second=True))
        replacement.logged_out.connect(lambda w=replacement: self._closed(w, relogin=True))
        replacement.language_requested.connect(lambda lang, w=replacement: self._switch_language(w, lang))
        self.app.installEventFilter(replacement.idle)
        self.windows[self.windows.index(window)] = replacement
        replacement.setGeometry(window.geometry())
        window.idle.stop()
        window.hide()
        window.deleteLater()
        replacement.show()


class StoreLoader(QObject):
    """Opens the store on a thread while the login window is already up; reports by signal."""

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, folder: Path | None) -> None:
        super().__init__()
        self.folder = folder
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return  # already opening
        self._thread = threading.Thread(target=self._run, name="faskim-open-store", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            workspace = open_store(self.folder)
        except BaseException as err:  # shown in words by the GUI
            self.failed.emit(err)
            return
        self.loaded.emit(workspace)

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()


def open_store(folder: Path | None):  # type: ignore[no-untyped-def]
    """Open the workspace, creating an empty store on first run; refuse other schemas in words."""
    from faskim_desktop.config import Settings, data_dir
    from faskim_desktop.core.workspace import open_workspace
    from faskim_desktop.store.db import Store

    settings = Settings(folder or data_dir())
    probe = Store(settings.db_url())
    try:
        fresh = not probe.has_tables()
    finally:
        probe.dispose()
    return open_workspace(folder, upgrade=fresh)


def main(argv: list[str] | None = None) -> int:
    collecting = gc.isenabled()  # the run switches automatic collection off (see _run)
    try:
        return _run(argv)
    finally:
        if collecting:
            gc.enable()


def _run(argv: list[str] | None) -> int:
    args = parse_args(argv)
    if args.data_dir:
        os.environ["FASKIM_DATA_DIR"] = str(args.data_dir)
    if args.simulated:
        os.environ["FASKIM_SIMULATED"] = "1"
    from faskim_desktop.config import Settings, data_dir

    language = args.lang or Settings(data_dir()).get("language")
    messages.set_language(language if language in messages.LANGUAGES else "id")
    if not has_display():
        print(messages.text("gui.no_display"), file=sys.stderr)
        return 2

    from faskim_desktop.gui.build_ui import ensure_built

    ensure_built()
    from PySide6.QtWidgets import QApplication, QMessageBox

    from faskim_desktop.gui import i18n

    app = QApplication.instance() or QApplication(sys.argv[:1])
    # Garbage is collected on the GUI thread only (see GuiThreadGarbageCollector): automatic
    # collection stops now, the collector starts once the login window is on screen.
    gc.disable()
    collectors: list = []

    def start_collector() -> None:
        from faskim_desktop.gui.device_worker import GuiThreadGarbageCollector

        if not collectors:
            collectors.append(GuiThreadGarbageCollector(app))

    app.setApplicationName("Faskim Desktop")
    app.setOrganizationName("Direktorat Jenderal Imigrasi")
    i18n.set_language(messages.current_language())
    from faskim_desktop.gui.login import LoginDialog

    # The login window is shown at once; the store (and its heavy modules) opens meanwhile.
    application = Application(app, None)
    dialog = LoginDialog(None)
    loader = StoreLoader(args.data_dir)

    def loaded(ws) -> None:  # type: ignore[no-untyped-def]
        from faskim_desktop.core.workspace import configure_logging

        application.ws = ws
        configure_logging(ws.folder, ws.settings.get("log_level"))
        _log().info("application start, store backend %s", ws.store.backend)
        dialog.attach(ws)

    def failed(error: BaseException) -> None:
        QMessageBox.critical(dialog, "Faskim Desktop", i18n.explain(error))
        dialog.reject()

    loader.loaded.connect(loaded)
    loader.failed.connect(failed)

    def after_first_paint() -> None:
        start_collector()
        loader.start()

    # Started once the window is on screen: the store's imports (a second of them on a cold
    # start) would otherwise compete with drawing the window for the interpreter. The short wait
    # lets the first frame reach the screen; nobody types a user name and password in 50 ms. A
    # window that is never painted (minimised, no compositor) still gets its store after a moment.
    dialog.first_painted.connect(lambda: QTimer.singleShot(STORE_AFTER_PAINT_MS, after_first_paint))
    QTimer.singleShot(1000, after_first_paint)
    if not application.login(dialog=dialog):
        for collector in collectors:
            collector.stop()
        loader.wait()
        if application.ws is not None:
            application.ws.close()
        return 0 if application.ws is not None else 2
    ws = application.ws
    if args.seats == 2:
        application.login(second=True)
    code = app.exec()
    for collector in collectors:
        collector.stop()
    for window in list(application.windows):
        window.ctx.tasks.shutdown()
    ws.close()
    return code


messages.register(
    {
        "gui.no_display": {
            "id": "Tidak ada layar grafis (DISPLAY kosong). Jalankan dari desktop, atau tanpa layar dengan:\n"
            "  xvfb-run -a scripts/run\n"
            "atau QT_QPA_PLATFORM=offscreen untuk pengujian.",
            "en": "No graphical display (DISPLAY is empty). Run it from a desktop, or headless with:\n"
            "  xvfb-run -a scripts/run\n"
            "or QT_QPA_PLATFORM=offscreen for testing.",
        },
    }
)

if __name__ == "__main__":
    sys.exit(main())
