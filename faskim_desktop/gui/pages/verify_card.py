"""Verifikasi kartu: check a Faskim card's signed seal offline, from the scanner, the camera or a file.

The image is searched for the Data Matrix seal (``documents.seal_reader``: libdmtx, several turns
and scales) and the seal is verified against the office's trusted keys (``OfficeKeys.trusted``:
this office's certificate and any in ``keys/trusted``). The page says SAH/TIDAK SAH in large
letters with the reason, and lists the fields the seal carries — marked unverified when it fails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import messages
from faskim_desktop.core.seal import SealFields, SealResult
from faskim_desktop.core.services.office_keys import OfficeKeys
from faskim_desktop.devices.protocols import DeviceKind, Frame, ScannedPage, ScanSettings
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.akhir_widgets import (
    ERROR_STYLE,
    OK_STYLE,
    ImageBox,
    MessageLine,
    frame_image,
    pdf_pages,
    weak,
)

# The seal's field names in both languages (the same words ``faskim card verify`` prints).
MESSAGES: dict[str, dict[str, str]] = {
    "verify.field.register_number": {"id": "Nomor register", "en": "Register number"},
    "verify.field.name": {"id": "Nama", "en": "Name"},
    "verify.field.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "verify.field.place_of_birth": {"id": "Tempat lahir", "en": "Place of birth"},
    "verify.field.date_of_birth": {"id": "Tanggal lahir", "en": "Date of birth"},
    "verify.field.nationality": {"id": "Kewarganegaraan", "en": "Nationality"},
    "verify.field.passport_number": {"id": "Nomor paspor", "en": "Passport number"},
    "verify.field.passport_expiry": {"id": "Paspor berlaku s.d.", "en": "Passport expiry"},
    "verify.field.niora": {"id": "NIORA", "en": "NIORA"},
    "verify.field.issue_date": {"id": "Tanggal dikeluarkan", "en": "Date of issue"},
    "verify.field.valid_until": {"id": "Berlaku hingga", "en": "Valid until"},
}
messages.register(MESSAGES)


def _read_image_bytes(data: bytes) -> bytes | None:
    import io

    from PIL import Image

    from faskim_desktop.documents.seal_reader import read_from_image

    with Image.open(io.BytesIO(data)) as opened:
        opened.load()
        return read_from_image(opened.copy())


def _frame_png(frame: Frame) -> bytes:
    import io

    from PIL import Image

    blue, green, red = Image.frombytes("RGB", (frame.width, frame.height), frame.data).split()
    buffer = io.BytesIO()
    Image.merge("RGB", (red, green, blue)).save(buffer, "PNG")
    return buffer.getvalue()


class VerifyCardPage(QWidget):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result: SealResult | None = None
        intro = QLabel(
            self.tr(
                "Periksa segel digital di balik kartu Faskim: pindai kartu, potret dengan kamera, "
                "atau buka berkas gambar/PDF. Pemeriksaan berjalan tanpa jaringan."
            )
        )
        intro.setWordWrap(True)
        self.file_button = QPushButton(self.tr("Dari &berkas…"))
        self.file_button.clicked.connect(self.choose_file)
        self.scanner_button = QPushButton(self.tr("Dari &pemindai"))
        self.scanner_button.clicked.connect(self.from_scanner)
        self.camera_button = QPushButton(self.tr("Dari &kamera"))
        self.camera_button.clicked.connect(self.from_camera)
        sources = QHBoxLayout()
        for button in (self.file_button, self.scanner_button, self.camera_button):
            sources.addWidget(button)
        sources.addStretch(1)

        self.image = ImageBox(360, 240, self.tr("Belum ada gambar"))
        self.verdict = QLabel("—")
        big = QFont(self.verdict.font())
        big.setPointSize(big.pointSize() + 14)
        big.setBold(True)
        self.verdict.setFont(big)
        self.verdict.setObjectName("verdict")
        self.reason = MessageLine()
        self.fields_note = QLabel()
        self.fields_note.setStyleSheet(ERROR_STYLE)
        self.fields = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.office_value = QLabel()
        self.fields.addRow(self.tr("Kantor penerbit / kunci:"), self.office_value)
        for field in dataclasses.fields(SealFields):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[field.name] = value
            self.fields.addRow(messages.text(f"verify.field.{field.name}") + ":", value)
        right = QVBoxLayout()
        right.addWidget(self.verdict)
        right.addWidget(self.reason)
        right.addWidget(self.fields_note)
        right.addLayout(self.fields)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sources)
        layout.addLayout(body, 1)

    # --- sources ---------------------------------------------------------------------------------

    def _busy(self, busy: bool) -> None:
        for button in (self.file_button, self.scanner_button, self.camera_button):
            button.setEnabled(not busy)
        if busy:
            self.verdict.setText("…")
            self.verdict.setStyleSheet("")
            self.reason.info(self.tr("Memproses… mencari dan memeriksa segel."))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Buka gambar atau PDF kartu"), "", self.tr("Kartu (*.pdf *.png *.jpg *.jpeg)")
        )
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        from faskim_desktop.documents.seal_reader import verify_file

        self._busy(True)
        if path.suffix.lower() in (".png", ".jpg", ".jpeg"):
            self.image.show_image(QImage(str(path)))
        elif path.suffix.lower() == ".pdf":
            try:
                pages = pdf_pages(path.read_bytes(), self.image.height() - 6)
            except OSError:
                pages = []
            self.image.show_image(pages[-1] if pages else None)  # the back, where the seal is
        ctx = self.ctx
        ctx.run(
            lambda: verify_file(path, OfficeKeys(ctx.ws).trusted()),
            weak(self.show_result),
            None,
            weak(self._failed),
        )

    def verify_image(self, data: bytes) -> None:
        """An image's bytes (PNG/JPEG) from the scanner or the camera."""
        from faskim_desktop.core.seal import verify
        from faskim_desktop.documents.seal_reader import SealReadError

        self._busy(True)
        self.image.show_image(QImage.fromData(data))
        ctx = self.ctx

        def work() -> SealResult:
            payload = _read_image_bytes(data)
            if payload is None:
                raise SealReadError("seal.not_found")
            return verify(payload, OfficeKeys(ctx.ws).trusted())

        ctx.run(work, weak(self.show_result), None, weak(self._failed))

    def from_scanner(self) -> None:
        assert self.ctx.devices is not None
        self._busy(True)
        self.ctx.devices.run(
            DeviceKind.SCANNER,
            lambda driver: driver.scan(ScanSettings(resolution=300, mode="gray")),
            self._scanned,
            self._failed,
        )

    def _scanned(self, pages: list[ScannedPage]) -> None:
        if not pages:
            self._failed(ValueError("no page"))
            return
        self.verify_image(pages[0].png)

    def from_camera(self) -> None:
        assert self.ctx.devices is not None
        self._busy(True)
        self.ctx.devices.run(
            DeviceKind.CAMERA, lambda driver: driver.read_frame(timeout=3.0), self._framed, self._failed
        )

    def _framed(self, frame: Frame) -> None:
        self.image.show_image(frame_image(frame))
        self.verify_image(_frame_png(frame))

    # --- result ----------------------------------------------------------------------------------

    def show_result(self, result: SealResult) -> None:
        self._busy(False)
        self.result = result
        self.verdict.setText(self.tr("SAH") if result.valid else self.tr("TIDAK SAH"))
        self.verdict.setStyleSheet(OK_STYLE if result.valid else ERROR_STYLE)
        reason = messages.text(result.reason_code, {"detail": result.detail, "key_id": result.detail})
        (self.reason.ok if result.valid else self.reason.error)(reason)
        self.fields_note.setText(
            ""
            if result.valid or result.fields is None
            else self.tr("PERHATIAN: data di bawah ini TIDAK terverifikasi.")
        )
        header = result.header
        self.office_value.setText(f"{header.office_code} · {header.key_id_hex}" if header else "")
        for name, label in self.values.items():
            value = getattr(result.fields, name) if result.fields else ""
            label.setText(value.strftime("%d-%m-%Y") if isinstance(value, dt.date) else str(value))

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.result = None
        self.verdict.setText(self.tr("TIDAK TERBACA"))
        self.verdict.setStyleSheet(ERROR_STYLE)
        self.reason.error(i18n.explain(error))
        self.fields_note.clear()
        self.office_value.clear()
        for label in self.values.values():
            label.clear()
