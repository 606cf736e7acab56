"""Step 10 — Penyerahan: the card and passport handed over against the tanda terima and the kuitansi.

Both documents carry their number in a QR code. A USB barcode scanner "types" the number into the
focused field and presses Enter (Enter in the first field moves on, in the second it submits); the
webcam can read the codes too (OpenCV's QR detector on frames from the camera's worker); or the
officer types them. Any mismatch is refused by ``HandoverService.hand_over`` and shown next to the
field; who collected (the applicant or a representative with an identity document) is recorded.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.handover import HandoverService, scanned_number
from faskim_desktop.devices.protocols import DeviceKind, Frame
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.akhir_widgets import (
    ERROR_STYLE,
    CardFacts,
    ImageBox,
    MessageLine,
    card_facts,
    frame_image,
    weak,
)
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register

log = logging.getLogger(__name__)
ERROR_BORDER = "border: 2px solid #c5221f;"


def decode_qr(frame: Frame) -> str:
    """The text of a QR code in a camera frame ("" when none is readable)."""
    import cv2
    import numpy as np

    pixels = np.frombuffer(frame.data, dtype=np.uint8).reshape(frame.height, frame.width, 3)
    text, _points, _straight = cv2.QRCodeDetector().detectAndDecode(pixels)
    return text or ""


def _grab_and_decode(driver) -> tuple[Frame, str]:  # type: ignore[no-untyped-def]
    frame = driver.read_frame(timeout=2.0)
    return frame, decode_qr(frame)


@register(sop.State.PENYERAHAN)
class PenyerahanPage(StepPage):
    camera_interval_ms = 300

    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.facts: CardFacts | None = None
        self._camera_on = False
        self._camera_timer = QTimer(self)
        self._camera_timer.setSingleShot(True)
        self._camera_timer.timeout.connect(self._grab)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Pindai kode QR pada tanda terima dan kuitansi dengan pemindai kode batang "
                "(atau kamera), atau ketik nomornya."
            )
        )
        hint.setWordWrap(True)

        self.application_no = QLineEdit()
        self.application_no.setPlaceholderText(self.tr("nomor pada tanda terima permohonan"))
        self.application_no.returnPressed.connect(self._application_entered)
        self.application_error = QLabel()
        self.application_error.setStyleSheet(ERROR_STYLE)
        self.application_error.setWordWrap(True)
        self.receipt_no = QLineEdit()
        self.receipt_no.setPlaceholderText(self.tr("nomor pada kuitansi pembayaran"))
        self.receipt_no.returnPressed.connect(self.hand_over)
        self.receipt_error = QLabel()
        self.receipt_error.setStyleSheet(ERROR_STYLE)
        self.receipt_error.setWordWrap(True)
        numbers = QFormLayout()
        label = QLabel(self.tr("Nomor &tanda terima:"))
        label.setBuddy(self.application_no)
        numbers.addRow(label, self.application_no)
        numbers.addRow("", self.application_error)
        label = QLabel(self.tr("Nomor &kuitansi:"))
        label.setBuddy(self.receipt_no)
        numbers.addRow(label, self.receipt_no)
        numbers.addRow("", self.receipt_error)

        self.camera_button = QPushButton(self.tr("Baca QR dengan ka&mera"))
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._toggle_camera)
        self.camera_view = ImageBox(240, 180, self.tr("Kamera mati"))
        camera = QVBoxLayout()
        camera.addWidget(self.camera_view)
        camera.addWidget(self.camera_button)
        camera.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(numbers, 1)
        top.addLayout(camera)

        self.by_applicant = QRadioButton(self.tr("&Pemohon / orang tua pemohon"))
        self.by_representative = QRadioButton(self.tr("K&uasa (dengan surat kuasa)"))
        self.by_applicant.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_applicant)
        group.addButton(self.by_representative)
        self.by_representative.toggled.connect(self._collector_changed)
        self.collector_name = QLineEdit()
        self.collector_id = QLineEdit()
        self.collector_id.setPlaceholderText(self.tr("NIK / nomor paspor / SIM"))
        self.collector_name_error = QLabel()
        self.collector_name_error.setStyleSheet(ERROR_STYLE)
        self.collector_id_error = QLabel()
        self.collector_id_error.setStyleSheet(ERROR_STYLE)
        who = QFormLayout()
        who.addRow(self.by_applicant)
        who.addRow(self.by_representative)
        who.addRow(self.tr("Nama penerima:"), self.collector_name)
        who.addRow("", self.collector_name_error)
        who.addRow(self.tr("No. identitas penerima:"), self.collector_id)
        who.addRow("", self.collector_id_error)
        who_box = QGroupBox(self.tr("Diambil oleh"))
        who_box.setLayout(who)

        self.message = MessageLine()
        self.hand_button = QPushButton(self.tr("&Serahkan kartu dan paspor"))
        self.hand_button.setDefault(True)
        self.hand_button.clicked.connect(self.hand_over)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.hand_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(who_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._collector_changed(False)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        for field in (self.application_no, self.receipt_no, self.collector_name, self.collector_id):
            field.clear()
        self._clear_errors()
        self.message.clear_message()
        self.by_applicant.setChecked(True)
        self.hand_button.setEnabled(True)
        self.application_no.setFocus()
        ctx, case_id = self.ctx, case.id
        ctx.run(lambda: card_facts(ctx.ws, case_id), weak(self._loaded), None, weak(self.message.error))

    def _loaded(self, facts: CardFacts) -> None:
        self.facts = facts
        self.summary.setText(
            self.tr(
                "Berkas %1 · nomor register %2 · %3. Minta pemohon menunjukkan tanda terima dan kuitansi."
            )
            .replace("%1", facts.number)
            .replace("%2", facts.register_no)
            .replace("%3", facts.name)
        )
        self.application_no.setFocus()

    def _collector_changed(self, representative: bool) -> None:
        self.collector_name.setEnabled(representative)
        self.collector_id.setEnabled(representative)
        if not representative:
            self.collector_name.clear()
            self.collector_id.clear()

    def _application_entered(self) -> None:
        if self.application_no.text().strip():
            self.receipt_no.setFocus()

    # --- camera ----------------------------------------------------------------------------------

    def _toggle_camera(self, on: bool) -> None:
        self._camera_on = on
        if on:
            self.message.info(self.tr("Arahkan kode QR ke kamera…"))
            self._grab()
        else:
            self._camera_timer.stop()
            self.camera_view.show_image(None)

    def _grab(self) -> None:
        if not self._camera_on or self.ctx.devices is None:
            return
        self.ctx.devices.run(DeviceKind.CAMERA, _grab_and_decode, self._frame, self._camera_failed)

    def _frame(self, result: tuple[Frame, str]) -> None:
        if not self._camera_on:
            return
        frame, text = result
        self.camera_view.show_image(frame_image(frame))
        if text:
            self.qr_read(text)
        if self._camera_on:
            self._camera_timer.start(self.camera_interval_ms)

    def qr_read(self, text: str) -> None:
        """A code read by the camera: into the first field still empty (never twice the same number)."""
        number = scanned_number(text)
        current = {scanned_number(self.application_no.text()), scanned_number(self.receipt_no.text())}
        if not number or number in current:
            return
        target = self.application_no if not self.application_no.text().strip() else self.receipt_no
        target.setText(number)
        if self.application_no.text().strip() and self.receipt_no.text().strip():
            self.camera_button.setChecked(False)
            self.message.info(self.tr("Kedua nomor terbaca. Periksa penerima, lalu serahkan."))
            self.hand_button.setFocus()

    def _camera_failed(self, error: BaseException) -> None:
        self.camera_button.setChecked(False)
        if isinstance(error, ImportError):
            self.message.error(
                self.tr(
                    "Pembacaan QR dengan kamera tidak tersedia (OpenCV tidak terpasang). "
                    "Gunakan pemindai kode batang atau ketik nomornya."
                )
            )
        else:
            self.message.error(i18n.explain(error))

    # --- handover --------------------------------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in (
            self.application_error,
            self.receipt_error,
            self.collector_name_error,
            self.collector_id_error,
        ):
            label.clear()
        for field in (self.application_no, self.receipt_no, self.collector_name, self.collector_id):
            field.setStyleSheet("")

    def hand_over(self) -> None:
        if self.case is None or not self.hand_button.isEnabled():
            return
        self._clear_errors()
        self.hand_button.setEnabled(False)
        self.message.info(self.tr("Memproses…"))
        ctx, case_id = self.ctx, self.case.id
        args = (
            self.application_no.text(),
            self.receipt_no.text(),
            "kuasa" if self.by_representative.isChecked() else "pemohon",
            self.collector_name.text(),
            self.collector_id.text(),
        )
        ctx.run(
            lambda: HandoverService(ctx.ws, ctx.principal).hand_over(case_id, *args),
            weak(self._handed),
            None,
            weak(self._refused),
        )

    def _handed(self, case: CaseRef) -> None:
        self.camera_button.setChecked(False)
        self.message.ok(self.tr("Kartu dan paspor diserahkan. Berkas diteruskan ke Infokim untuk diarsip."))
        self.moved(case)

    def _refused(self, error: BaseException) -> None:
        self.hand_button.setEnabled(True)
        fields = {
            "application_no": (self.application_no, self.application_error),
            "receipt_no": (self.receipt_no, self.receipt_error),
            "collector_name": (self.collector_name, self.collector_name_error),
            "collector_id_no": (self.collector_id, self.collector_id_error),
        }
        target = fields.get(getattr(error, "field", "") or "") if isinstance(error, ValidationError) else None
        if target is not None:
            edit, label = target
            edit.setStyleSheet(ERROR_BORDER)
            label.setText(error.message())  # type: ignore[attr-defined]
            edit.setFocus()
            edit.selectAll()
            self.message.error(self.tr("Penyerahan ditolak; tidak ada yang berubah."))
        else:
            self.message.error(error)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.camera_button.setChecked(False)
        super().hideEvent(event)
