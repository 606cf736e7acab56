"""What the Langkah Awal pages share: field error marks, the inline message line, busy buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from faskim_desktop.core.errors import FaskimError, ValidationError
from faskim_desktop.gui import i18n

ERROR_STYLE = "border: 2px solid #c5221f; border-radius: 3px;"
OK_COLOUR = "#188038"
ERROR_COLOUR = "#c5221f"
WARN_COLOUR = "#b06000"


def error_label() -> QLabel:
    """A red line under a field for its reason in words (empty when the field is fine)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setVisible(False)
    return label


def mark(widget: QWidget, label: QLabel | None, message: str) -> None:
    """Show ``message`` as the field's error (or clear it when empty)."""
    widget.setStyleSheet(ERROR_STYLE if message else "")
    widget.setToolTip(message)
    widget.setAccessibleDescription(message)
    if label is not None:
        label.setText(message)
        label.setVisible(bool(message))


class MessageLine(QLabel):
    """The page's one-line status: a success, a warning or a failure in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def ok(self, text: str) -> None:
        self.setStyleSheet(f"color: {OK_COLOUR};")
        self.setText(text)

    def warn(self, text: str) -> None:
        self.setStyleSheet(f"color: {WARN_COLOUR}; font-weight: bold;")
        self.setText(text)

    def error(self, error: BaseException | str) -> None:
        self.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.setText(error if isinstance(error, str) else i18n.explain(error))


def run_quietly(ctx, func, on_done=None, parent=None, on_error=None) -> bool:  # type: ignore[no-untyped-def]
    """``ctx.run`` for background refreshes fired by timers: when the seat's worker has already
    shut down (the window is closing) the refresh is simply skipped."""
    try:
        ctx.run(func, on_done, parent, on_error)
    except RuntimeError:
        return False
    return True


def field_errors(error: BaseException) -> dict[str, ValidationError]:
    """{field: error} of a whole-form ValidationError, or the single field of a plain one."""
    if isinstance(error, ValidationError):
        details = error.params.get("errors") if isinstance(error.params, dict) else None
        if isinstance(details, dict):
            return {k: v for k, v in details.items() if isinstance(v, ValidationError)}
        if error.field:
            return {error.field: error}
    return {}


def message_of(error: BaseException) -> str:
    if isinstance(error, FaskimError):
        return error.message()
    return i18n.explain(error)


class Busy:
    """Disable a button and show "Memproses…" while a task runs (no double submission)."""

    def __init__(self, button: QPushButton, working_text: str) -> None:
        self.button = button
        self.working_text = working_text
        self.idle_text = button.text()
        self.active = False

    def start(self) -> bool:
        if self.active:
            return False
        self.active = True
        self.button.setEnabled(False)
        self.button.setText(self.working_text)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        return True

    def stop(self) -> None:
        if not self.active:
            return
        self.active = False
        self.button.setEnabled(True)
        self.button.setText(self.idle_text)
        QGuiApplication.restoreOverrideCursor()
