"""Technician page (role teknisi): drivers, devices, settings and a test per device kind.

Everything that touches a driver — importing it, listing devices, opening, capturing — runs on
that kind's ``QtDeviceWorker`` thread; this page only reacts to the results it signals back, so
a slow or hung device never freezes the counter. Driver objects are created on their worker and
used only there. Choices are saved per workstation in ``devices.json`` (``devices.settings``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import messages
from faskim_desktop.devices import registry
from faskim_desktop.devices.errors import DeviceError
from faskim_desktop.devices.protocols import DeviceDescriptor, DeviceKind, FingerprintImage, Frame, PrintJob
from faskim_desktop.devices.selftest import SelfTestResult, run_selftest, sample_card_pdf
from faskim_desktop.devices.settings import KIND_SETTINGS, DeviceChoice, DeviceSettings, SettingSpec
from faskim_desktop.gui.device_worker import QtDeviceWorker

log = logging.getLogger(__name__)

REQUIRED_ROLE = "teknisi"
PREVIEW_SIZE = QSize(400, 300)


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, DeviceError):
        return exc.message()
    log.warning("device call failed unexpectedly (%s)", type(exc).__name__)
    return messages.text("device.error", {"device": ""})


def frame_to_qimage(frame: Frame) -> QImage:
    img = QImage(frame.data, frame.width, frame.height, frame.width * 3, QImage.Format.Format_BGR888)
    return img.copy()  # own the pixels: the bytes object may go away


def fingerprint_to_qimage(fp: FingerprintImage) -> QImage:
    img = QImage(fp.pixels, fp.width, fp.height, fp.width, QImage.Format.Format_Grayscale8)
    return img.copy()


def pdf_first_page(pdf: bytes, size: QSize) -> QImage:
    """The first page of ``pdf`` rendered (QtPdf); a null image when QtPdf is missing."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return QImage()
    doc = QPdfDocument()
    buf = QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QBuffer.OpenModeFlag.ReadOnly)
    doc.load(buf)
    if doc.pageCount() < 1:
        return QImage()
    page = doc.pagePointSize(0)
    scale = min(size.width() / page.width(), size.height() / page.height())
    return doc.render(0, QSize(int(page.width() * scale), int(page.height() * scale)))


def _recheck_and_describe() -> list[dict[str, Any]]:
    """Availability asked afresh (a daemon may have been started since), without devices."""
    reg = registry.get_registry()
    reg.recheck()
    return reg.describe_all(with_devices=False)


class _DriverSession:
    """Lives on the kind's worker thread: the current driver instance and its open state."""

    def __init__(self, kind: DeviceKind) -> None:
        self.kind = kind
        self.driver: Any = None
        self.name = ""
        self.opened = False

    def select(self, name: str) -> list[DeviceDescriptor]:
        self.close()
        if name != self.name or self.driver is None:
            self.driver = registry.create(self.kind, name)
            self.name = name
        return self.driver.devices()

    def faults(self) -> list[str]:
        return sorted(m.value for m in getattr(self.driver, "supported_faults", ()))

    def set_fault(self, mode: str) -> None:
        if self.driver is not None and hasattr(self.driver, "set_fault"):
            self.driver.set_fault(mode or None)

    def selftest(self, device: str, settings: dict[str, object]) -> SelfTestResult:
        self.close()
        if self.driver is None:
            raise DeviceError(device=self.kind.value)
        return run_selftest(self.kind, self.driver, device or None, settings)

    def open(self, device: str, settings: dict[str, object]) -> None:
        self.close()
        if not device:
            found = self.driver.devices()
            device = found[0].id if found else "?"
        self.driver.open(device, settings)
        self.opened = True

    def read_frame(self) -> Frame:
        return self.driver.read_frame(timeout=2.0)

    def close(self) -> None:
        if self.opened and self.driver is not None:
            self.opened = False
            self.driver.close()


class KindPanel(QWidget):
    """One device kind: driver, device, settings, fault simulation and the test action."""

    testFinished = Signal(object)  # SelfTestResult  # Qt naming
    testFailed = Signal(str)  # error code
    devicesLoaded = Signal(list)
    frameShown = Signal()

    def __init__(self, kind: DeviceKind, choice: DeviceChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._choice = choice
        self._session = _DriverSession(kind)
        self.worker = QtDeviceWorker(kind.value, self)
        self._previewing = False
        self._frame_pending = False
        self._preview_timer = QTimer(self)
        self._preview_timer.timeout.connect(self._request_frame)
        self._setting_widgets: dict[str, QWidget] = {}
        self._closed = False
        self._build()

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.driver_combo = QComboBox()
        self.driver_combo.currentIndexChanged.connect(self._driver_changed)
        form.addRow(self.tr("Driver"), self.driver_combo)
        dev_row = QHBoxLayout()
        self.device_combo = QComboBox()
        self.device_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.device_combo.setMinimumContentsLength(14)
        self.device_combo.setPlaceholderText(self.tr("— tidak ada perangkat —"))
        self.refresh_button = QPushButton(self.tr("Deteksi ulang"))
        self.refresh_button.clicked.connect(self._driver_changed)
        dev_row.addWidget(self.device_combo, 1)
        dev_row.addWidget(self.refresh_button)
        form.addRow(self.tr("Perangkat"), dev_row)
        for spec in KIND_SETTINGS[self.kind]:
            widget = self._setting_widget(spec)
            self._setting_widgets[spec.key] = widget
            form.addRow(self._setting_label(spec.key), widget)
        self.fault_combo = QComboBox()
        self.fault_combo.currentIndexChanged.connect(self._fault_changed)
        self.fault_label = QLabel(self.tr("Simulasi gangguan"))
        form.addRow(self.fault_label, self.fault_combo)
        self._show_faults(False)
        left.addLayout(form)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self._test_label())
        self.test_button.clicked.connect(self.run_test)
        buttons.addWidget(self.test_button)
        self.preview_button = QPushButton(self.tr("Mulai pratinjau langsung"))
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self._toggle_preview)
        self.preview_button.setVisible(self.kind == DeviceKind.CAMERA)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.status = QLabel(self.tr("Belum diuji."))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left.addWidget(self.status)
        self.quality_bar = QProgressBar()
        self.quality_bar.setRange(0, 100)
        self.quality_bar.setFormat(self.tr("Kualitas %v/100"))
        self.quality_bar.setVisible(self.kind == DeviceKind.FINGERPRINT)
        left.addWidget(self.quality_bar)
        left.addStretch(1)
        outer.addLayout(left, 1)

        self.image = QLabel(self.tr("Belum ada gambar"))
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setFixedSize(PREVIEW_SIZE)
        self.image.setFrameShape(QFrame.Shape.StyledPanel)
        self.image.setStyleSheet("QLabel { background: #f3f3f3; color: #666; }")
        outer.addWidget(self.image, 0, Qt.AlignmentFlag.AlignTop)

    def _test_label(self) -> str:
        return {
            DeviceKind.CAMERA: self.tr("Ambil satu gambar"),
            DeviceKind.FINGERPRINT: self.tr("Rekam sidik jari uji"),
            DeviceKind.SCANNER: self.tr("Pindai halaman uji"),
            DeviceKind.PRINTER: self.tr("Cetak kartu uji"),
            DeviceKind.SMARTCARD: self.tr("Baca ATR kartu"),
        }[self.kind]

    def _setting_label(self, key: str) -> str:
        return {
            "width": self.tr("Lebar (piksel)"),
            "height": self.tr("Tinggi (piksel)"),
            "fps": self.tr("Bingkai per detik"),
            "min_quality": self.tr("Kualitas minimum"),
            "resolution": self.tr("Resolusi (dpi)"),
            "mode": self.tr("Mode warna"),
            "source": self.tr("Sumber kertas"),
            "duplex": self.tr("Cetak dua sisi"),
        }.get(key, key)

    def _setting_widget(self, spec: SettingSpec) -> QWidget:
        value = self._choice.settings.get(spec.key, spec.default)
        if spec.type is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if spec.choices:
            combo = QComboBox()
            for option in spec.choices:
                combo.addItem(self._choice_label(option), option)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        spin = QSpinBox()
        spin.setRange(spec.minimum if spec.minimum is not None else 0, spec.maximum or 100000)
        spin.setValue(int(value))
        return spin

    def _choice_label(self, option: object) -> str:
        labels = {
            "color": self.tr("Berwarna"),
            "gray": self.tr("Skala abu-abu"),
            "lineart": self.tr("Hitam-putih"),
            "flatbed": self.tr("Kaca (flatbed)"),
            "adf": self.tr("Pengumpan otomatis (ADF)"),
        }
        return labels.get(str(option), str(option))

    # -- state ----------------------------------------------------------------------------------

    def set_drivers(self, entries: list[dict[str, Any]]) -> None:
        """Fill the driver list (available ones selectable) and select the saved or first one."""
        self.driver_combo.blockSignals(True)
        self.driver_combo.clear()
        for e in entries:
            text = e["driver"] if e["available"] else f"{e['driver']} — {self.tr('tidak tersedia')}"
            self.driver_combo.addItem(text, e["driver"])
            item = self.driver_combo.model().item(self.driver_combo.count() - 1)
            if not e["available"]:
                item.setEnabled(False)
                item.setToolTip(e["reason"])
        wanted = self._choice.driver
        index = self.driver_combo.findData(wanted) if wanted else -1
        if index < 0 or not self.driver_combo.model().item(index).isEnabled():
            index = next(
                (
                    i
                    for i in range(self.driver_combo.count())
                    if self.driver_combo.model().item(i).isEnabled()
                ),
                -1,
            )
        self.driver_combo.setCurrentIndex(index)
        self.driver_combo.blockSignals(False)
        self._driver_changed()

    def current_driver(self) -> str:
        return self.driver_combo.currentData() or ""

    def current_device(self) -> str:
        return self.device_combo.currentData() or ""

    def current_settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            k: v
            for k, v in self._choice.settings.items()
            if k not in {s.key for s in KIND_SETTINGS[self.kind]}
        }
        for key, widget in self._setting_widgets.items():
            if isinstance(widget, QCheckBox):
                out[key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            elif isinstance(widget, QSpinBox):
                out[key] = widget.value()
        return out

    def choice(self) -> DeviceChoice:
        return DeviceChoice(self.current_driver(), self.current_device(), self.current_settings())

    def _set_busy(self, busy: bool) -> None:
        self.test_button.setEnabled(not busy and bool(self.current_driver()) and not self._previewing)
        self.refresh_button.setEnabled(not busy and not self._previewing)

    # -- worker calls -----------------------------------------------------------------------------

    def _driver_changed(self) -> None:
        if self.worker.busy:
            self._replace_worker()  # the old thread is stuck in a driver call: leave it behind
        name = self.current_driver()
        self.device_combo.clear()
        self._show_faults(False)
        if not name:
            self.status.setText(self.tr("Tidak ada driver yang tersedia untuk jenis perangkat ini."))
            self._set_busy(False)
            return
        self.status.setText(self.tr("Mendeteksi perangkat…"))
        self._set_busy(True)
        session = self._session  # not ``self``: the device thread must not hold a widget
        self.worker.run(
            lambda: (session.select(name), session.faults()),
            on_result=self._devices_ready,
            on_error=self._devices_failed,
        )

    def _replace_worker(self) -> None:
        """Abandon a worker whose device call hangs; its late results are dropped."""
        log.warning("device worker %s abandoned while busy", self.kind.value)
        old = self.worker
        old.shutdown(wait=False)
        old.deleteLater()
        self.worker = QtDeviceWorker(self.kind.value, self)
        self._session = _DriverSession(self.kind)
        self._frame_pending = False

    def _devices_ready(self, value: tuple[list[DeviceDescriptor], list[str]]) -> None:
        found, faults = value
        self.device_combo.clear()
        for d in found:
            self.device_combo.addItem(f"{d.label} ({d.id})", d.id)
        if found:
            self.device_combo.setCurrentIndex(0)  # with a placeholder set, Qt selects nothing by itself
        if self._choice.device:
            index = self.device_combo.findData(self._choice.device)
            if index >= 0:
                self.device_combo.setCurrentIndex(index)
        self.fault_combo.blockSignals(True)
        self.fault_combo.clear()
        self.fault_combo.addItem(self.tr("Tidak ada (normal)"), "")
        for mode in faults:
            self.fault_combo.addItem(mode, mode)
        self.fault_combo.blockSignals(False)
        self._show_faults(bool(faults))
        if found:
            self.status.setText(self.tr("%n perangkat terdeteksi.", "", len(found)))
        else:
            self.status.setText(
                self.tr("Tidak ada perangkat terdeteksi. Periksa kabel/daya lalu deteksi ulang.")
            )
        self._set_busy(False)
        self.devicesLoaded.emit(found)

    def _devices_failed(self, exc: BaseException) -> None:
        self.status.setText(_error_text(exc))
        self._set_busy(False)
        self.devicesLoaded.emit([])

    def _show_faults(self, visible: bool) -> None:
        """The fault selector exists only for drivers that simulate faults (training, tests)."""
        self.fault_combo.setVisible(visible)
        self.fault_label.setVisible(visible)

    def _fault_changed(self) -> None:
        mode = self.fault_combo.currentData() or ""
        self.worker.run(self._session.set_fault, mode, on_error=self._devices_failed)

    def run_test(self) -> None:
        if not self.current_driver():
            return
        self.status.setText(self.tr("Menguji…"))
        self._set_busy(True)
        self.worker.run(
            self._session.selftest,
            self.current_device(),
            self.current_settings(),
            on_result=self._test_done,
            on_error=self._test_failed,
        )

    def _test_done(self, result: SelfTestResult) -> None:
        self._set_busy(False)
        sample = result.sample
        if self.kind == DeviceKind.CAMERA and isinstance(sample, Frame):
            self._show(frame_to_qimage(sample))
            self.status.setText(
                self.tr("Kamera berfungsi: %1 × %2 piksel.")
                .replace("%1", str(sample.width))
                .replace("%2", str(sample.height))
            )
        elif self.kind == DeviceKind.FINGERPRINT and isinstance(sample, FingerprintImage):
            self._show(fingerprint_to_qimage(sample))
            self.quality_bar.setValue(sample.quality)
            self.status.setText(
                self.tr("Sidik jari terekam (%1 dpi), kualitas %2/100.")
                .replace("%1", str(sample.dpi))
                .replace("%2", str(sample.quality))
            )
        elif self.kind == DeviceKind.SCANNER:
            pixmap = QPixmap()
            pixmap.loadFromData(getattr(sample, "png", b""), "PNG")
            self._show(pixmap.toImage())
            self.status.setText(
                self.tr("Pindaian uji: %1 halaman, %2 dpi.")
                .replace("%1", str(result.summary.get("pages", 0)))
                .replace("%2", str(result.summary.get("dpi", 0)))
            )
        elif self.kind == DeviceKind.PRINTER and isinstance(sample, PrintJob):
            self._show(pdf_first_page(sample_card_pdf(), PREVIEW_SIZE - QSize(20, 20)))
            self.status.setText(
                self.tr("Kartu uji CR80 dicetak: pekerjaan %1, status %2.")
                .replace("%1", sample.job_id)
                .replace("%2", self._job_state_label(sample.state.value))
            )
        elif self.kind == DeviceKind.SMARTCARD:
            atr = result.summary.get("atr", "")
            self.image.setText(f"ATR\n{atr}")
            self.image.setFont(QFont("DejaVu Sans Mono", 10))
            self.image.setWordWrap(True)
            self.status.setText(self.tr("Kartu terbaca. ATR: %1").replace("%1", str(atr)))
        self.testFinished.emit(result)

    def _job_state_label(self, state: str) -> str:
        return {
            "pending": self.tr("menunggu"),
            "processing": self.tr("diproses"),
            "completed": self.tr("selesai"),
            "failed": self.tr("gagal"),
            "cancelled": self.tr("dibatalkan"),
        }.get(state, state)

    def _test_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.status.setText(_error_text(exc))
        self.testFailed.emit(getattr(exc, "code", "device.error"))

    def _show(self, image: QImage) -> None:
        if image.isNull():
            return
        pixmap = QPixmap.fromImage(image).scaled(
            PREVIEW_SIZE - QSize(4, 4),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.image.setPixmap(pixmap)

    # -- live camera preview ----------------------------------------------------------------------

    def _toggle_preview(self, on: bool) -> None:
        if on:
            self.start_preview()
        else:
            self.stop_preview()

    def start_preview(self) -> None:
        if self._previewing or not self.current_driver():
            return
        self._previewing = True
        self.preview_button.setText(self.tr("Hentikan pratinjau"))
        self._set_busy(False)
        settings = self.current_settings()
        fps = max(1, min(30, int(settings.get("fps", 15))))
        self.worker.run(self._session.open, self.current_device(), settings, on_error=self._preview_failed)
        self._preview_timer.start(int(1000 / fps))

    def stop_preview(self) -> None:
        if not self._previewing:
            return
        self._previewing = False
        self._preview_timer.stop()
        self.preview_button.blockSignals(True)
        self.preview_button.setChecked(False)
        self.preview_button.blockSignals(False)
        self.preview_button.setText(self.tr("Mulai pratinjau langsung"))
        self.worker.run(self._session.close)
        self._set_busy(False)

    def _request_frame(self) -> None:
        if self._frame_pending or not self._previewing:
            return  # drop frames rather than queue them behind a slow camera
        self._frame_pending = True
        self.worker.run(self._session.read_frame, on_result=self._frame_ready, on_error=self._preview_failed)

    def _frame_ready(self, frame: Frame) -> None:
        self._frame_pending = False
        if self._previewing:
            self._show(frame_to_qimage(frame))
            self.status.setText(self.tr("Pratinjau langsung berjalan."))
            self.frameShown.emit()

    def _preview_failed(self, exc: BaseException) -> None:
        self._frame_pending = False
        self.status.setText(_error_text(exc))
        self.stop_preview()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._preview_timer.stop()
        self._previewing = False
        self.worker.run(self._session.close)
        self.worker.shutdown(wait=False)


class TechnicianPage(QWidget):
    """Device configuration and tests for this workstation; constructible on its own."""

    driversLoaded = Signal()  # Qt naming
    devicesListed = Signal()
    saved = Signal(str)
    diagnosticsExported = Signal(str)
    diagnosticsFailed = Signal(str)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("technicianPage")
        self.data_dir = Path(data_dir)
        self.settings = DeviceSettings(self.data_dir)
        self._registry_worker = QtDeviceWorker("registry", self)
        self.panels: dict[DeviceKind, KindPanel] = {}
        self._rows: dict[tuple[str, str], int] = {}
        self._closed = False
        self._build()
        self.refresh_drivers()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        title = QLabel(self.tr("Perangkat komputer ini"))
        font = title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr("Komputer: %1 — pilihan disimpan untuk komputer ini.").replace(
                "%1", self.settings.workstation
            )
        )
        subtitle.setWordWrap(True)
        root.addWidget(title)
        root.addWidget(subtitle)
        if self.settings.problem:
            warn = QLabel(
                self.tr("Berkas pengaturan perangkat rusak dan disisihkan; pengaturan bawaan dipakai.")
            )
            warn.setStyleSheet("color: #a05a00;")
            warn.setWordWrap(True)
            root.addWidget(warn)

        splitter = QSplitter(Qt.Orientation.Vertical)
        drivers_box = QGroupBox(self.tr("Driver terpasang"))
        drivers_layout = QVBoxLayout(drivers_box)
        self.driver_table = QTableWidget(0, 4)
        self.driver_table.setHorizontalHeaderLabels(
            [self.tr("Jenis"), self.tr("Driver"), self.tr("Status"), self.tr("Alasan / perangkat")]
        )
        header = self.driver_table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.driver_table.verticalHeader().setVisible(False)
        self.driver_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.driver_table.setWordWrap(True)
        self.driver_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.driver_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        drivers_layout.addWidget(self.driver_table)
        splitter.addWidget(drivers_box)

        self.tabs = QTabWidget()
        for kind in DeviceKind:
            panel = KindPanel(kind, self.settings.choice(kind), self)
            self.panels[kind] = panel
            self.tabs.addTab(panel, self.kind_label(kind))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        root.addWidget(splitter, 1)

        bar = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Muat ulang daftar driver"))
        self.refresh_button.clicked.connect(self.refresh_drivers)
        self.save_button = QPushButton(self.tr("Simpan pengaturan perangkat"))
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("Ekspor diagnostik…"))
        self.export_button.clicked.connect(self._ask_export)
        self.status = QLabel("")
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status.setWordWrap(True)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.save_button)
        root.addLayout(bar)

    def kind_label(self, kind: DeviceKind) -> str:
        return {
            DeviceKind.CAMERA: self.tr("Kamera"),
            DeviceKind.FINGERPRINT: self.tr("Sidik jari"),
            DeviceKind.SCANNER: self.tr("Pemindai dokumen"),
            DeviceKind.PRINTER: self.tr("Printer kartu"),
            DeviceKind.SMARTCARD: self.tr("Pembaca kartu cip"),
        }[kind]

    # -- drivers ------------------------------------------------------------------------------------

    def refresh_drivers(self) -> None:
        """Two steps on the registry worker: availability first (fast), then each driver's devices.

        The table and the kind tabs are usable after the first step; a driver that is slow or
        hangs while listing its devices only delays (at most ``registry.DEVICE_LIST_TIMEOUT``) the
        device column, and its entry then says it did not answer.
        """
        self.status.setText(self.tr("Memeriksa driver…"))
        self.refresh_button.setEnabled(False)
        self._registry_worker.run(
            _recheck_and_describe, on_result=self._drivers_ready, on_error=self._drivers_failed
        )
        self._registry_worker.run(
            registry.describe_all, True, on_result=self._devices_listed, on_error=self._drivers_failed
        )

    def _set_row(self, row: int, e: dict[str, Any], detail: str) -> None:
        ok = e["available"]
        cells = [
            self.kind_label(DeviceKind(e["kind"])),
            e["driver"],
            self.tr("tersedia") if ok else self.tr("tidak tersedia"),
            detail,
        ]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if col == 2:
                item.setForeground(Qt.GlobalColor.darkGreen if ok else Qt.GlobalColor.darkRed)
            self.driver_table.setItem(row, col, item)

    def _fit_table(self) -> None:
        self.driver_table.resizeRowsToContents()
        # Show every driver without scrolling when the window allows (up to ~12 rows).
        rows = sum(self.driver_table.rowHeight(r) for r in range(self.driver_table.rowCount()))
        needed = self.driver_table.horizontalHeader().height() + rows + 2 * self.driver_table.frameWidth() + 2
        self.driver_table.setMinimumHeight(min(needed, 12 * 22 + 30))

    def _drivers_ready(self, entries: list[dict[str, Any]]) -> None:
        self._rows = {(e["kind"], e["driver"]): row for row, e in enumerate(entries)}
        self.driver_table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            self._set_row(row, e, self.tr("mendeteksi perangkat…") if e["available"] else e["reason"])
        self._fit_table()
        for kind, panel in self.panels.items():
            panel.set_drivers([e for e in entries if e["kind"] == kind.value])
        self.status.setText(self.tr("Daftar driver diperbarui; mendeteksi perangkat…"))
        self.driversLoaded.emit()

    def _devices_listed(self, entries: list[dict[str, Any]]) -> None:
        self.refresh_button.setEnabled(True)
        for e in entries:
            row = self._rows.get((e["kind"], e["driver"]))
            if row is None or not e["available"]:
                continue
            devices = e.get("devices") or []
            detail = (
                ", ".join(d["id"] for d in devices)
                or e.get("devices_error")
                or self.tr("tidak ada perangkat")
            )
            self._set_row(row, e, detail)
        self._fit_table()
        self.status.setText(self.tr("Daftar driver dan perangkat diperbarui."))
        self.devicesListed.emit()

    def _drivers_failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(_error_text(exc))

    # -- save and diagnostics -----------------------------------------------------------------------

    def save(self) -> Path:
        for kind, panel in self.panels.items():
            self.settings.set_choice(kind, panel.choice())
        path = self.settings.save()
        self.status.setText(self.tr("Pengaturan perangkat komputer ini disimpan."))
        self.saved.emit(str(path))
        return path

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Ekspor diagnostik"), str(self.data_dir / "diagnostik-faskim.zip"), "Zip (*.zip)"
        )
        if path:
            self.export_diagnostics(Path(path))

    def export_diagnostics(self, target: Path) -> None:
        """Write the diagnostics zip on a worker; ``diagnosticsExported(path)`` when done."""
        from faskim_desktop.devices.diagnostics import export_zip

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Menyusun diagnostik…"))

        def done(path: Path) -> None:
            self.export_button.setEnabled(True)
            self.status.setText(self.tr("Diagnostik disimpan: %1").replace("%1", str(path)))
            self.diagnosticsExported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            text = _error_text(exc) if isinstance(exc, DeviceError) else self.tr("Ekspor diagnostik gagal.")
            self.status.setText(text)
            self.diagnosticsFailed.emit(text)

        self._registry_worker.run(
            export_zip,
            target,
            data_dir=self.data_dir,
            workstation=self.settings.workstation,
            on_result=done,
            on_error=failed,
        )

    def shutdown(self) -> None:
        """Stop previews and the device threads (call when the page is closed); idempotent."""
        if self._closed:
            return
        self._closed = True
        for panel in self.panels.values():
            panel.shutdown()
        self._registry_worker.shutdown(wait=False)

    def closeEvent(self, event: Any) -> None:  # Qt naming
        self.shutdown()
        super().closeEvent(event)
