"""Step 7 — Foto & sidik jari at the counter.

Photo: a live preview from the seat's camera, each frame read *and* judged on the camera's own
worker (core.photo_checks: one face, centred, ICAO head size, eye distance, sharpness, exposure,
background), drawn with the face box and the card crop, each check shown pass/fail with its
reason in words. Capture by button, or automatically once every check has passed on a few
consecutive frames; the original (PNG) and the 35:45 card crop (JPEG) go to the service, which
stores them encrypted. Nothing is written to disk in the clear here.

Fingerprints: the office's configured fingers (none for a child below the configured age), one
capture at a time through the seat's reader with its image and quality score; the service keeps
every attempt, counts the best and caps the retries. A finger that cannot be captured is an
exception co-signed by the supervisor (username + password checked by the service).

A camera that stops or a reader unplugged mid-capture: the message says so in words, the device
hub has reset the driver, and pressing the button again reopens it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from faskim_desktop.core import messages, sop
from faskim_desktop.core.photo_checks import (
    CHECKS,
    Assessment,
    PhotoChecker,
    crop_card,
    encode_jpeg,
    encode_png,
)
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.biometrics import BiometricsService, BiometricStatus
from faskim_desktop.core.services.utama_views import biometric_files
from faskim_desktop.devices.protocols import DeviceKind, FingerprintImage
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register

PREVIEW_W, PREVIEW_H = 400, 300
AUTO_AFTER = 3  # consecutive passing frames before an automatic capture
FRAME_GAP_MS = 15  # breathing room for the GUI between frames


@dataclass
class LiveFrame:
    bgr: np.ndarray
    image: QImage
    assessment: Assessment


def to_qimage(bgr: np.ndarray) -> QImage:
    rgb = np.ascontiguousarray(bgr)
    height, width = rgb.shape[:2]
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_BGR888).copy()


def grey_qimage(image: FingerprintImage) -> QImage:
    return QImage(image.pixels, image.width, image.height, image.width, QImage.Format.Format_Grayscale8).copy()


@register(sop.State.BIOMETRIK)
class BiometrikPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status: BiometricStatus | None = None
        self._checker: PhotoChecker | None = None
        self._running = False
        self._in_flight = False
        self._saving = False
        self._passes = 0
        self.last: LiveFrame | None = None
        self.frames_seen = 0
        self._finger_busy = False

        # --- photo ---
        self.preview = QLabel(self.tr("Kamera belum dinyalakan."))
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #202124; color: #e8eaed;")
        self.camera_button = QPushButton(self.tr("&Nyalakan kamera"))
        self.camera_button.clicked.connect(self.toggle_camera)
        self.capture_button = QPushButton(self.tr("&Ambil foto"))
        self.capture_button.clicked.connect(self.capture)
        self.auto = QCheckBox(self.tr("Ambil &otomatis bila semua syarat terpenuhi"))
        self.auto.setChecked(True)
        self.check_labels: dict[str, QLabel] = {}
        checks_box = QGroupBox(self.tr("Pemeriksaan foto (langsung)"))
        checks_layout = QVBoxLayout(checks_box)
        checks_layout.setSpacing(2)
        for code in CHECKS:
            label = QLabel()
            label.setWordWrap(True)
            self.check_labels[code] = label
            checks_layout.addWidget(label)
        self.card_photo = QLabel(self.tr("Foto kartu\nbelum diambil"))
        self.card_photo.setFixedSize(105, 135)
        self.card_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card_photo.setStyleSheet("border: 1px solid #9aa0a6;")
        # The face read from the passport chip at step 3, beside the new photo: the officer
        # compares them (ICAO 9303 DG2).
        self.chip_photo = QLabel(self.tr("Foto cip\npaspor\ntidak ada"))
        self.chip_photo.setFixedSize(105, 135)
        self.chip_photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chip_photo.setStyleSheet("border: 1px dashed #9aa0a6;")
        self.chip_photo.setToolTip(self.tr("Foto dari cip paspor (dibaca pada langkah 3)"))
        photo_right = QVBoxLayout()
        photo_right.addWidget(checks_box)
        row = QHBoxLayout()
        row.addWidget(self.chip_photo)
        row.addWidget(self.card_photo)
        buttons = QVBoxLayout()
        buttons.addWidget(self.camera_button)
        buttons.addWidget(self.capture_button)
        buttons.addWidget(self.auto)
        buttons.addStretch(1)
        row.addLayout(buttons, 1)
        photo_right.addLayout(row)
        photo_box = QGroupBox(self.tr("Foto pemohon"))
        photo_layout = QHBoxLayout(photo_box)
        photo_layout.addWidget(self.preview)
        photo_layout.addLayout(photo_right, 1)

        # --- fingerprints ---
        self.finger_grid = QGridLayout()
        self.finger_rows: dict[str, dict[str, QWidget]] = {}
        self.fingers_note = QLabel()
        self.fingers_note.setWordWrap(True)
        # Two lines of room: a wrapped label in a nested layout is otherwise cut to one.
        self.fingers_note.setMinimumHeight(2 * self.fingers_note.fontMetrics().lineSpacing() + 4)
        self.next_finger_button = QPushButton(self.tr("&Pindai jari berikutnya"))
        self.next_finger_button.clicked.connect(self.capture_next_finger)
        self.exc_finger = QComboBox()
        self.exc_reason = QLineEdit()
        self.exc_reason.setMaxLength(400)
        self.exc_reason.setPlaceholderText(self.tr("mis. jari diperban / cacat / tidak terbaca"))
        self.exc_user = QLineEdit()
        self.exc_user.setPlaceholderText(self.tr("supervisor"))
        self.exc_password = QLineEdit()
        self.exc_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.exc_button = QPushButton(self.tr("Catat pen&gecualian"))
        self.exc_button.clicked.connect(self.record_exception)
        exc_box = QGroupBox(self.tr("Jari tidak dapat diambil (perlu supervisor)"))
        exc_form = QFormLayout(exc_box)
        exc_form.addRow(self.tr("Jari:"), self.exc_finger)
        exc_form.addRow(self.tr("Alasan:"), self.exc_reason)
        exc_form.addRow(self.tr("Supervisor:"), self.exc_user)
        exc_form.addRow(self.tr("Kata sandi:"), self.exc_password)
        exc_form.addRow("", self.exc_button)
        fingers_box = QGroupBox(self.tr("Sidik jari"))
        fingers_layout = QHBoxLayout(fingers_box)
        grid_column = QVBoxLayout()
        grid_column.addWidget(self.fingers_note)
        grid_column.addLayout(self.finger_grid)
        grid_column.addWidget(self.next_finger_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid_column.addStretch(1)
        fingers_layout.addLayout(grid_column, 3)
        fingers_layout.addWidget(exc_box, 2)
        self.fingers_box = fingers_box

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.complete_button = QPushButton(self.tr("&Simpan biometrik && lanjut"))
        self.complete_button.setDefault(True)
        self.complete_button.clicked.connect(self.complete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.complete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(photo_box)
        layout.addWidget(fingers_box, 1)
        layout.addLayout(bottom)
        self._show_checks(None)

    # --- loading ------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.stop_camera()
        self.last = None
        self._passes = 0
        self._saving = False
        self.complete_button.setEnabled(True)
        self.capture_button.setEnabled(True)
        self._say("")
        self.card_photo.setText(self.tr("Foto kartu\nbelum diambil"))
        self._refresh_status()

    def _refresh_status(self) -> None:
        if self.case is None:
            return
        self._chip_image: QImage | None = None
        case, ctx = self.case, self.ctx

        def fetch() -> tuple[BiometricStatus, QImage | None, dict[str, QImage]]:
            status = BiometricsService(ctx.ws, ctx.principal).status(case.id)
            photo: QImage | None = None
            best: dict[str, tuple[int, QImage]] = {}
            for f in biometric_files(ctx.ws, case.id):
                if f.kind == "chip_photo":
                    self._chip_image = QImage.fromData(ctx.ws.files.get(f.path, f.sha256))
                elif f.kind == "photo":
                    photo = QImage.fromData(ctx.ws.files.get(f.path, f.sha256))  # decrypted in memory only
                elif f.kind == "fingerprint" and (f.quality or 0) >= best.get(f.category, (-1, None))[0]:
                    best[f.category] = (f.quality or 0, QImage.fromData(ctx.ws.files.get(f.path, f.sha256)))
            return status, photo, {k: v[1] for k, v in best.items()}

        ctx.run(fetch, self._show_status, self, self._failed)

    def _show_status(self, loaded: tuple[BiometricStatus, QImage | None, dict[str, QImage]]) -> None:
        status, photo, images = loaded
        self.status = status
        chip = self._chip_image
        if chip is not None and not chip.isNull():
            self.chip_photo.setPixmap(QPixmap.fromImage(chip).scaled(
                self.chip_photo.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        else:
            self.chip_photo.clear()
            self.chip_photo.setText(self.tr("Foto cip\npaspor\ntidak ada"))
        if photo is not None and not photo.isNull():
            self.card_photo.setPixmap(QPixmap.fromImage(photo).scaled(
                self.card_photo.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self._build_finger_rows(status, images)

    def _build_finger_rows(self, status: BiometricStatus, images: dict[str, QImage]) -> None:
        while self.finger_grid.count():
            item = self.finger_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.finger_rows.clear()
        fingers = status.fingers_required
        self.fingers_box.setEnabled(bool(fingers))
        if not fingers:
            self.fingers_note.setText(self.tr("Pemohon anak di bawah batas usia kantor: cukup foto wajah, "
                                              "sidik jari tidak diambil."))
        else:
            self.fingers_note.setText(self.tr("Jari yang diambil sesuai pengaturan kantor. Hasil terbaik yang "
                                              "dipakai; batas pengambilan ulang berlaku."))
        for column, finger in enumerate(fingers):
            name = QLabel(messages.text(f"finger.{finger}"))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image = QLabel()
            image.setFixedSize(56, 70)
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            image.setStyleSheet("border: 1px solid #9aa0a6; background: #fff;")
            if finger in images and not images[finger].isNull():
                image.setPixmap(QPixmap.fromImage(images[finger]).scaled(
                    image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            state = QLabel(self._finger_state(status, finger))
            state.setAlignment(Qt.AlignmentFlag.AlignCenter)
            state.setWordWrap(True)
            button = QPushButton(self.tr("Pindai"))
            button.clicked.connect(lambda _checked=False, f=finger: self.capture_finger(f))
            self.finger_grid.addWidget(name, 0, column)
            self.finger_grid.addWidget(image, 1, column, Qt.AlignmentFlag.AlignCenter)
            self.finger_grid.addWidget(state, 2, column)
            self.finger_grid.addWidget(button, 3, column)
            self.finger_rows[finger] = {"image": image, "state": state, "button": button}
        self.exc_finger.clear()
        for finger in fingers:
            if finger not in status.fingers_done and finger not in status.exceptions:
                self.exc_finger.addItem(messages.text(f"finger.{finger}"), finger)

    def _finger_state(self, status: BiometricStatus, finger: str) -> str:
        attempts = status.attempts.get(finger, 0)
        if finger in status.exceptions:
            return self.tr("Pengecualian: %1").replace("%1", status.exceptions[finger])
        if finger in status.fingers_done:
            return self.tr("✔ kualitas %1 (%2×)").replace("%1", str(status.fingers_done[finger])).replace(
                "%2", str(attempts))
        if attempts:
            return self.tr("✘ kualitas kurang (%1×)").replace("%1", str(attempts))
        return self.tr("belum")

    # --- camera preview -----------------------------------------------------------------------

    def toggle_camera(self) -> None:
        if self._running:
            self.stop_camera()
        else:
            self.start_camera()

    def start_camera(self) -> None:
        self._running = True
        self._passes = 0
        self.camera_button.setText(self.tr("&Matikan kamera"))
        self._say(self.tr("Kamera menyala. Arahkan wajah pemohon ke tengah bingkai."))
        self._next_frame()

    def stop_camera(self) -> None:
        self._running = False
        self.camera_button.setText(self.tr("&Nyalakan kamera"))

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.stop_camera()  # nobody watches: the camera is left alone
        super().hideEvent(event)

    def _next_frame(self) -> None:
        if not self._running or self._in_flight:
            return
        self._in_flight = True
        assert self.ctx.devices is not None
        self.ctx.devices.run(DeviceKind.CAMERA, self._read_and_check, self._frame, self._camera_failed)

    def _read_and_check(self, driver) -> LiveFrame:  # type: ignore[no-untyped-def]
        """On the camera's worker: read one frame and judge it (the costly part stays off the GUI)."""
        frame = driver.read_frame()
        bgr = np.frombuffer(frame.data, np.uint8).reshape(frame.height, frame.width, 3)
        if self._checker is None:
            self._checker = PhotoChecker()
        return LiveFrame(bgr, to_qimage(bgr), self._checker.assess(bgr))

    def _frame(self, live: LiveFrame) -> None:
        if not isValid(self):
            return  # a frame that arrives after the page was closed
        self._in_flight = False
        self.frames_seen += 1
        self.last = live
        self._draw(live)
        self._show_checks(live.assessment)
        self._passes = self._passes + 1 if live.assessment.passed else 0
        if self._running and self.auto.isChecked() and self._passes >= AUTO_AFTER and not self._saving:
            self._save_photo(live, automatic=True)
        if self._running:
            QTimer.singleShot(FRAME_GAP_MS, self._next_frame)

    def _camera_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._in_flight = False
        self.stop_camera()
        self._show_checks(None)
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Kamera berhenti."))
        self._say(self.tr("Kamera berhenti: %1 Periksa kabel/kamera lalu tekan Nyalakan kamera untuk mencoba "
                          "lagi.").replace("%1", i18n.explain(error)), error=True)

    def _draw(self, live: LiveFrame) -> None:
        pixmap = QPixmap.fromImage(live.image).scaled(PREVIEW_W, PREVIEW_H, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.FastTransformation)
        scale = pixmap.width() / live.image.width()
        painter = QPainter(pixmap)
        a = live.assessment
        ok = QColor("#34a853") if a.passed else QColor("#fbbc04")
        for face in a.faces:
            painter.setPen(QPen(ok if len(a.faces) == 1 else QColor("#ea4335"), 2))
            painter.drawRect(QRectF(face.x * scale, face.y * scale, face.w * scale, face.h * scale))
        painter.setPen(QPen(QColor("#4285f4"), 1))
        for eye in a.eyes:
            centre = eye.centre
            painter.drawEllipse(QPointF(centre[0] * scale, centre[1] * scale), 3, 3)
        if a.crop is not None:
            pen = QPen(ok, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(QRectF(a.crop.x * scale, a.crop.y * scale, a.crop.w * scale, a.crop.h * scale))
        painter.end()
        self.preview.setPixmap(pixmap)

    def _show_checks(self, assessment: Assessment | None) -> None:
        for code, label in self.check_labels.items():
            title = messages.text(f"photo.check.{code}")
            if assessment is None:
                label.setText(f"○ {title}")
                label.setStyleSheet("color: #5f6368;")
                continue
            result = assessment.check(code)
            if result.passed:
                label.setText(f"✔ {title}")
                label.setStyleSheet("color: #188038;")
            else:
                label.setText(f"✘ {title}: {messages.text(result.reason)}")
                label.setStyleSheet("color: #c5221f;")

    # --- capture ------------------------------------------------------------------------------

    def capture(self) -> None:
        live = self.last
        if live is None:
            self._say(self.tr("Nyalakan kamera dulu; foto diambil dari gambar langsung."), error=True)
            return
        if live.assessment.crop is None:
            self._say(self.tr("Foto belum dapat diambil: %1").replace(
                "%1", messages.text(live.assessment.check("one_face").reason)), error=True)
            return
        self._save_photo(live, automatic=False)

    def _save_photo(self, live: LiveFrame, automatic: bool) -> None:
        if self._saving or self.case is None or live.assessment.crop is None:
            return
        self._saving = True
        self.stop_camera()
        self.capture_button.setEnabled(False)
        case, ctx = self.case, self.ctx
        checks = live.assessment.summary()
        crop = live.assessment.crop

        def work() -> QImage:
            card = crop_card(live.bgr, crop)
            BiometricsService(ctx.ws, ctx.principal).save_photo(
                case.id, encode_png(live.bgr), encode_jpeg(card), {**checks, "automatic": automatic})
            return to_qimage(card)

        def done(card: QImage) -> None:
            self._saving = False
            self.capture_button.setEnabled(True)
            self.card_photo.setPixmap(QPixmap.fromImage(card).scaled(
                self.card_photo.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
            failed = [messages.text(f"photo.check.{c}") for c, ok in checks.items() if not ok]
            note = (self.tr(" Catatan: belum memenuhi %1.").replace("%1", ", ".join(failed))) if failed else ""
            self._say((self.tr("Foto diambil otomatis dan disimpan (terenkripsi).") if automatic
                       else self.tr("Foto diambil dan disimpan (terenkripsi).")) + note, error=bool(failed))
            self._refresh_status()

        def failed(error: BaseException) -> None:
            self._saving = False
            self.capture_button.setEnabled(True)
            self._failed(error)

        ctx.run(work, done, self, failed)

    # --- fingerprints -------------------------------------------------------------------------

    def capture_next_finger(self) -> None:
        status = self.status
        if status is None:
            return
        for finger in status.fingers_required:
            if finger not in status.fingers_done and finger not in status.exceptions:
                self.capture_finger(finger)
                return
        self._say(self.tr("Semua sidik jari yang diperlukan sudah lengkap."))

    def capture_finger(self, finger: str) -> None:
        if self._finger_busy or self.case is None:
            return
        self._finger_busy = True
        self._finger_buttons(False)
        self._say(self.tr("Letakkan %1 pada pemindai…").replace("%1", messages.text(f"finger.{finger}")))
        assert self.ctx.devices is not None
        self.ctx.devices.run(DeviceKind.FINGERPRINT, lambda reader: reader.capture(finger),
                             lambda image: self._finger_captured(finger, image), self._finger_failed)

    def _finger_captured(self, finger: str, image: FingerprintImage) -> None:
        if not isValid(self):
            return
        case, ctx = self.case, self.ctx
        assert case is not None
        row = self.finger_rows.get(finger)
        if row is not None:
            shown = grey_qimage(image)
            label = row["image"]
            label.setPixmap(QPixmap.fromImage(shown).scaled(  # type: ignore[attr-defined]
                label.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

        def work() -> BiometricStatus:
            pixels = np.frombuffer(image.pixels, np.uint8).reshape(image.height, image.width)
            ok, png = cv2.imencode(".png", pixels)  # in memory; the service stores it encrypted
            assert ok
            return BiometricsService(ctx.ws, ctx.principal).save_fingerprint(case.id, finger, png.tobytes(),
                                                                             image.quality)

        def done(status: BiometricStatus) -> None:
            self._finger_busy = False
            self._finger_buttons(True)
            self.status = status
            if row is not None:
                row["state"].setText(self._finger_state(status, finger))  # type: ignore[attr-defined]
            words = messages.text(f"finger.{finger}")
            if finger in status.fingers_done:
                self._say(self.tr("%1: kualitas %2, diterima.").replace("%1", words).replace(
                    "%2", str(image.quality)))
            else:
                self._say(self.tr("%1: kualitas %2 terlalu rendah; ulangi.").replace("%1", words).replace(
                    "%2", str(image.quality)), error=True)
            self._refresh_exceptions(status)

        def failed(error: BaseException) -> None:
            self._finger_busy = False
            self._finger_buttons(True)
            self._failed(error)

        ctx.run(work, done, self, failed)

    def _finger_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._finger_busy = False
        self._finger_buttons(True)
        self._say(self.tr("Pemindai sidik jari: %1 Periksa sambungan pemindai lalu tekan Pindai lagi.").replace(
            "%1", i18n.explain(error)), error=True)

    def _finger_buttons(self, enabled: bool) -> None:
        self.next_finger_button.setEnabled(enabled)
        for row in self.finger_rows.values():
            row["button"].setEnabled(enabled)

    def _refresh_exceptions(self, status: BiometricStatus) -> None:
        current = self.exc_finger.currentData()
        self.exc_finger.clear()
        for finger in status.fingers_required:
            if finger not in status.fingers_done and finger not in status.exceptions:
                self.exc_finger.addItem(messages.text(f"finger.{finger}"), finger)
        index = self.exc_finger.findData(current)
        if index >= 0:
            self.exc_finger.setCurrentIndex(index)

    def record_exception(self) -> None:
        finger = self.exc_finger.currentData()
        if self.case is None or not finger or self._finger_busy:
            return
        case, ctx = self.case, self.ctx
        reason, user, password = self.exc_reason.text(), self.exc_user.text().strip(), self.exc_password.text()
        self.exc_password.clear()
        self._finger_busy = True
        self.exc_button.setEnabled(False)

        def done(status: BiometricStatus) -> None:
            self._finger_busy = False
            self.exc_button.setEnabled(True)
            self.exc_reason.clear()
            self.exc_user.clear()
            self.status = status
            row = self.finger_rows.get(finger)
            if row is not None:
                row["state"].setText(self._finger_state(status, finger))  # type: ignore[attr-defined]
            self._refresh_exceptions(status)
            self._say(self.tr("Pengecualian %1 dicatat dengan persetujuan supervisor.").replace(
                "%1", messages.text(f"finger.{finger}")))

        def failed(error: BaseException) -> None:
            self._finger_busy = False
            self.exc_button.setEnabled(True)
            self._failed(error)

        ctx.run(lambda: BiometricsService(ctx.ws, ctx.principal).finger_exception(case.id, finger, reason, user,
                                                                                 password), done, self, failed)

    # --- finishing ----------------------------------------------------------------------------

    def complete(self) -> None:
        if self.case is None or self._saving or not self.complete_button.isEnabled():
            return
        case, ctx = self.case, self.ctx
        self.complete_button.setEnabled(False)
        self.stop_camera()

        def done(moved: CaseRef) -> None:
            self.complete_button.setEnabled(True)
            self._say(self.tr("Biometrik lengkap. Berkas %1 lanjut ke pemberian nomor register.").replace(
                "%1", moved.number))
            self.moved(moved)

        def failed(error: BaseException) -> None:
            self.complete_button.setEnabled(True)
            self._failed(error)

        ctx.run(lambda: BiometricsService(ctx.ws, ctx.principal).complete(case.id), done, self, failed)

    def _failed(self, error: BaseException) -> None:
        self._say(i18n.explain(error), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f; font-weight: bold;" if error else "color: #188038;")


def photo_checks_of(meta: str) -> dict[str, bool]:
    """The checks recorded with a stored photo (for the archive and the technician)."""
    return dict(json.loads(meta or "{}").get("checks", {}))
