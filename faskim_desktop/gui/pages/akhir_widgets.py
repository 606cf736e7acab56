"""Small pieces the Langkah Akhir pages (steps 8–11) and the card verification page share:
an inline message line, the case's card facts read from the store, and PDF pages as images."""

from __future__ import annotations

import tempfile
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from faskim_desktop.core.workspace import Workspace
from faskim_desktop.devices.protocols import Frame
from faskim_desktop.gui import i18n

OK_STYLE = "color: #137333; font-weight: bold;"
ERROR_STYLE = "color: #c5221f; font-weight: bold;"
INFO_STYLE = "color: #3c4043;"


def weak(method: Callable[[object], None]) -> Callable[[object], None]:
    """A callback for the store worker that does not keep its widget alive.

    The worker thread holds the callbacks it was given until it finishes with them; a bound method
    there could be the last reference to a page and free it off the GUI thread. This holds only a
    weak reference and does nothing once the widget is gone.
    """
    import shiboken6

    ref = weakref.WeakMethod(method)  # type: ignore[arg-type]

    def call(value: object) -> None:
        bound = ref()
        if bound is not None and shiboken6.isValid(bound.__self__):
            bound(value)

    return call


class MessageLine(QLabel):
    """One line of feedback under a form: green for done, red for refused, grey for progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""

    def ok(self, text: str) -> None:
        self._set("ok", text, OK_STYLE)

    def error(self, error: BaseException | str) -> None:
        self._set("error", error if isinstance(error, str) else i18n.explain(error), ERROR_STYLE)

    def info(self, text: str) -> None:
        self._set("info", text, INFO_STYLE)

    def clear_message(self) -> None:
        self._set("", "", INFO_STYLE)

    def _set(self, kind: str, text: str, style: str) -> None:
        self.kind = kind
        self.setStyleSheet(style)
        self.setText(text)


@dataclass(frozen=True)
class CardFacts:
    """What the Langkah Akhir pages show about a case (read in one store read)."""

    case_id: int
    number: str
    state: str
    register_no: str
    receipt_no: str
    name: str
    passport_no: str
    valid_until: date | None
    data_hash: str
    collected_by: str


def card_facts(ws: Workspace, case_id: int) -> CardFacts:
    from faskim_desktop.store.tables import Case, Foreigner

    with ws.store.read() as session:
        case = session.get(Case, case_id)
        assert case is not None
        person = session.get(Foreigner, case.foreigner_id) if case.foreigner_id else None
        return CardFacts(
            case_id,
            case.number,
            case.state,
            case.register_no,
            case.receipt_no,
            person.name if person else "",
            person.passport_no if person else "",
            case.card_valid_until,
            case.data_hash,
            case.collected_by,
        )


def pdf_pages(pdf: bytes, height: int) -> list[QImage]:
    """Every page of ``pdf`` rendered by QtPdf at ``height`` pixels (empty when QtPdf is missing).

    The PDF is loaded from a temporary file, which QPdfDocument reads synchronously: loading from
    a QIODevice may continue in the background after this function returns, with the buffer gone.
    """
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return []
    from PySide6.QtGui import QPainter

    images: list[QImage] = []
    with tempfile.TemporaryDirectory(prefix="faskim-preview-") as folder:
        path = Path(folder) / "preview.pdf"
        path.write_bytes(pdf)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            return []
        for index in range(document.pageCount()):
            size = document.pagePointSize(index)
            scale = height / size.height()
            image = document.render(index, QSize(int(size.width() * scale), height))
            opaque = QImage(image.size(), QImage.Format.Format_RGB32)  # a white card, not a transparent one
            opaque.fill(Qt.GlobalColor.white)
            painter = QPainter(opaque)
            painter.drawImage(0, 0, image)
            painter.end()
            images.append(opaque)
        document.close()
    return images


def frame_image(frame: Frame) -> QImage:
    image = QImage(frame.data, frame.width, frame.height, frame.width * 3, QImage.Format.Format_BGR888)
    return image.copy()


class ImageBox(QLabel):
    """A framed picture area that keeps its size whatever is shown."""

    def __init__(self, width: int, height: int, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(placeholder, parent)
        self.setFixedSize(width, height)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFrameShape(QLabel.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.placeholder = placeholder

    def show_image(self, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.setPixmap(QPixmap())
            self.setText(self.placeholder)
            return
        self.setPixmap(
            QPixmap.fromImage(image).scaled(
                self.size() - QSize(6, 6),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
