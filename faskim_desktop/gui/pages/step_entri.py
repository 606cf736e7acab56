"""Step 3 — Entri data pemohon, then step 4 (the automatic cekal check) on saving.

SOP Identifikasi Langkah, Langkah Awal 2d–e: kategori, produk, jenis dokim, izin tinggal ke-,
tujuan, waktu, NIORA, nama pemohon, tanggal lahir, sponsor, nama pengurus, nama biro jasa, then
"menampilkan NIORA dan melengkapi data orang asing", the sponsor's data, the landing data and the
stay-permit data. The passport data can be read instead of typed: from an MRZ (ICAO Doc 9303
parts 3–5, typed by a keyboard-wedge reader into the MRZ field) or from the chip (Doc 9303 parts
10–11, BAC with the MRZ key). The form is saved as a draft as it is typed (``save_draft``, ~1 s
after the last key), so closing the app or a crash loses nothing.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import mrz, sop
from faskim_desktop.core.emrtd.reader import PassportData, PassportReader
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.services.awal_views import correction_reasons
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.chip_photo import ChipPhotoService
from faskim_desktop.core.services.intake import EntryData, IntakeService, validate
from faskim_desktop.core.services.screening_step import ScreeningStepService
from faskim_desktop.core.transliteration import to_mrz_name
from faskim_desktop.devices.protocols import DeviceKind
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import (
    ERROR_COLOUR,
    WARN_COLOUR,
    Busy,
    MessageLine,
    error_label,
    field_errors,
    mark,
    message_of,
    run_quietly,
)
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 1000
PASSPORT_FIELDS = ("nama_pemohon", "sex", "tanggal_lahir", "nationality", "passport_no", "passport_expiry")
DATE_HINT = "HH-BB-TTTT"


def read_chip(driver, key: str) -> PassportData:  # type: ignore[no-untyped-def]
    """On the smart-card worker: connect, BAC with ``key``, read EF.COM/DG1/DG2/EF.SOD."""
    connection = driver.connect()
    try:
        return PassportReader(connection.transmit).read(key, strict=False)
    finally:
        try:
            connection.disconnect()
        except Exception:  # a card already gone cannot be disconnected twice
            log.debug("disconnect after read failed", exc_info=True)


DATE_FIELDS = ("tanggal_lahir", "passport_expiry", "landing_date", "stay_permit_expiry")


def local_date_text(text: str) -> str:
    """A stored ISO date (YYYY-MM-DD) shown the Indonesian way (DD-MM-YYYY); anything else as typed."""
    import re

    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else text


def display_date(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d-%m-%Y") if value else ""


@dataclass(frozen=True)
class Reading:
    """Passport data read from the document (MRZ or chip) in the form's terms."""

    source: str  # "mrz" | "chip"
    values: dict[str, str]
    key: str  # the BAC key of this document


def reading_of(data: mrz.MrzData, source: str) -> Reading:
    values = {
        "nama_pemohon": data.names,
        "sex": data.sex.value,
        "tanggal_lahir": display_date(data.date_of_birth),
        "nationality": data.nationality,
        "passport_no": data.document_number,
        "passport_expiry": display_date(data.date_of_expiry),
    }
    return Reading(source, values, data.bac_key())


def same_value(name: str, left: str, right: str) -> bool:
    """Typed and read values compared the way a person would: names folded to MRZ letters
    ("Zoë O'Brien" equals "ZOE OBRIEN"), dates by their day, codes case-blind."""
    if name == "nama_pemohon":
        return to_mrz_name(left) == to_mrz_name(right)
    if name in {"tanggal_lahir", "passport_expiry"}:
        from faskim_desktop.core.validation import parse_date

        try:
            return parse_date(left, name, False) == parse_date(right, name, False)
        except ValidationError:
            return False
    return left.strip().upper().replace(" ", "") == right.strip().upper().replace(" ", "")


@register(sop.State.ENTRI)
class EntriPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self.source = "typed"
        self.chip: Reading | None = None
        self.chip_face: tuple[bytes, str] | None = None
        self.mrz_reading: Reading | None = None
        self._loading = False
        self._dirty = False
        self._extra: dict[str, str] = {}
        self._invalid_shown = False

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self.validate_typed)
        self._mrz_timer = QTimer(self)
        self._mrz_timer.setSingleShot(True)
        self._mrz_timer.setInterval(300)
        self._mrz_timer.timeout.connect(self.parse_mrz)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(500)
        self._dup_timer.timeout.connect(self.check_duplicates)

        # --- SOP fields
        sop_box = QGroupBox(self.tr("Data permohonan"))
        sop_form = QFormLayout(sop_box)
        self._row(sop_form, "kategori", self.tr("&Kategori:"), self._combo(["Fasilitas Keimigrasian"], True))
        self._row(sop_form, "produk", self.tr("&Produk:"), self._combo(["Kartu Fasilitas Keimigrasian"], True))
        self._row(sop_form, "jenis_dokim", self.tr("&Jenis dokim:"), self._combo(["Affidavit"], True))
        self._row(sop_form, "izin_tinggal_ke", self.tr("Izin tinggal k&e-:"), QLineEdit())
        self._row(sop_form, "tujuan", self.tr("T&ujuan:"), QLineEdit())
        self._row(sop_form, "waktu", self.tr("&Waktu:"), self._combo(["", "Tetap", "1 tahun", "2 tahun", "5 tahun"],
                                                                      True))
        self._row(sop_form, "nama_pengurus", self.tr("Nama pen&gurus:"), QLineEdit())
        self._row(sop_form, "nama_biro_jasa", self.tr("Nama biro jasa:"), QLineEdit())

        # --- the foreigner (the child) and the passport
        person_box = QGroupBox(self.tr("Data orang asing (pemohon) dan paspor"))
        person = QFormLayout(person_box)
        self.mrz_edit = QPlainTextEdit()
        self.mrz_edit.setTabChangesFocus(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.mrz_edit.setFont(mono)
        self.mrz_edit.setPlaceholderText(self.tr("Pindai MRZ paspor dengan pembaca MRZ, atau ketik kedua barisnya"))
        self.mrz_status = QLabel()
        self.mrz_status.setWordWrap(True)
        self.chip_button = QPushButton(self.tr("Baca paspor (&chip)"))
        self.chip_button.setAutoDefault(False)
        self.chip_button.clicked.connect(self.read_passport_chip)
        self.chip_busy = Busy(self.chip_button, self.tr("Membaca cip…"))
        self.mrz_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.mrz_edit.setFixedHeight(3 * self.mrz_edit.fontMetrics().lineSpacing() + 14)
        mrz_box = QGroupBox(self.tr("Baca data paspor (MRZ atau cip)"))
        mrz_layout = QGridLayout(mrz_box)
        mrz_label = QLabel(self.tr("&MRZ:"))
        mrz_label.setBuddy(self.mrz_edit)
        mrz_layout.addWidget(mrz_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        mrz_layout.addWidget(self.mrz_edit, 0, 1)
        mrz_layout.addWidget(self.chip_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        mrz_layout.addWidget(self.mrz_status, 1, 1, 1, 2)
        mrz_layout.setColumnStretch(1, 1)
        self.find_niora = QPushButton(self.tr("Cari"))
        self.find_passport = QPushButton(self.tr("Cari"))
        for button in (self.find_niora, self.find_passport):
            button.setAutoDefault(False)
        self.find_niora.clicked.connect(lambda: self.find_foreigner("niora"))
        self.find_passport.clicked.connect(lambda: self.find_foreigner("passport"))
        self._row(person, "niora", self.tr("&NIORA:"), QLineEdit(), self.find_niora)
        self._row(person, "passport_no", self.tr("No. paspo&r:"), QLineEdit(), self.find_passport)
        self._row(person, "nama_pemohon", self.tr("Nama pemo&hon:"), QLineEdit())
        sex = QComboBox()
        for value, text in (("", self.tr("— pilih —")), ("F", self.tr("Perempuan (F)")),
                            ("M", self.tr("Laki-laki (M)")), ("X", self.tr("Tidak ditentukan (X)"))):
            sex.addItem(text, value)
        self._row(person, "sex", self.tr("Jenis ke&lamin:"), sex)
        self._row(person, "birth_place", self.tr("Tempat lahir:"), QLineEdit())
        self._row(person, "tanggal_lahir", self.tr("Tanggal l&ahir:"), self._date())
        self._row(person, "nationality", self.tr("Kewarganegaraan (ko&de):"), QLineEdit())
        self._row(person, "passport_expiry", self.tr("Paspor berlaku s.d.:"), self._date())
        self.source_label = QLabel()
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(60, 78)
        self.photo_label.setScaledContents(True)
        self.photo_label.setVisible(False)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_label, 1)
        source_row.addWidget(self.photo_label)
        person.addRow(self.tr("Sumber data:"), source_row)
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet(f"color: {WARN_COLOUR}; font-weight: bold;")
        self.duplicate_label.setVisible(False)
        person.addRow(self.duplicate_label)

        # --- sponsor (the Indonesian parent)
        sponsor_box = QGroupBox(self.tr("Sponsor (orang tua WNI)"))
        sponsor = QFormLayout(sponsor_box)
        self._row(sponsor, "sponsor_nik", self.tr("N&IK:"), QLineEdit())
        self._row(sponsor, "sponsor_name", self.tr("Nama sp&onsor:"), QLineEdit())
        self._row(sponsor, "sponsor_address", self.tr("Alamat:"), QLineEdit())
        self._row(sponsor, "sponsor_contact", self.tr("Kontak:"), QLineEdit())
        self._row(sponsor, "sponsor_relation", self.tr("Hubungan:"),
                  self._combo(["", "ayah", "ibu", "wali"], True))

        # --- landing and stay permit
        stay_box = QGroupBox(self.tr("Data pendaratan dan izin tinggal"))
        stay = QFormLayout(stay_box)
        self._row(stay, "landing_date", self.tr("Tanggal mendarat:"), self._date())
        self._row(stay, "landing_port", self.tr("Tempat pendaratan:"), QLineEdit())
        self._row(stay, "landing_vessel", self.tr("Pesawat/kapal:"), QLineEdit())
        self._row(stay, "stay_permit_type", self.tr("Jenis izin tinggal:"),
                  self._combo(["", "ITAS", "ITAP", "Visa kunjungan", "Bebas visa"], True))
        self._row(stay, "stay_permit_no", self.tr("No. izin tinggal:"), QLineEdit())
        self._row(stay, "stay_permit_expiry", self.tr("Izin tinggal berlaku s.d.:"), self._date())

        # --- chip vs typed differences, shown before saving
        self.mismatch_box = QGroupBox(self.tr("Perbedaan data ketikan/MRZ dengan data cip"))
        self.mismatch_box.setStyleSheet(f"QGroupBox {{ color: {ERROR_COLOUR}; font-weight: bold; }}")
        mismatch_layout = QVBoxLayout(self.mismatch_box)
        self.mismatch_text = QLabel()
        self.mismatch_text.setWordWrap(True)
        self.mismatch_text.setStyleSheet("font-weight: normal; color: #202124;")
        self.mismatch_ok = QCheckBox(self.tr("Sudah saya periksa; data cip yang dipakai"))
        mismatch_layout.addWidget(self.mismatch_text)
        mismatch_layout.addWidget(self.mismatch_ok)
        self.mismatch_box.setVisible(False)

        # --- a file the official returned for correction says why
        self.correction_box = QGroupBox(self.tr("Dikembalikan pejabat untuk perbaikan"))
        self.correction_box.setStyleSheet(f"QGroupBox {{ color: {ERROR_COLOUR}; font-weight: bold; }}")
        correction_layout = QVBoxLayout(self.correction_box)
        self.correction_text = QLabel()
        self.correction_text.setWordWrap(True)
        self.correction_text.setStyleSheet("font-weight: normal; color: #202124;")
        correction_layout.addWidget(self.correction_text)
        self.correction_box.setVisible(False)

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self.correction_box, 0, 0, 1, 2)
        grid.addWidget(mrz_box, 1, 0, 1, 2)
        grid.addWidget(self.mismatch_box, 2, 0, 1, 2)
        grid.addWidget(person_box, 3, 0, 2, 1)
        grid.addWidget(sop_box, 3, 1)
        grid.addWidget(sponsor_box, 4, 1)
        grid.addWidget(stay_box, 5, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(6, 1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(body)

        self.save_button = QPushButton(self.tr("&Simpan && periksa cekal"))
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Simpan data (Ctrl+S); pemeriksaan cekal berjalan otomatis"))
        self.save_button.clicked.connect(self.save)
        self.busy = Busy(self.save_button, self.tr("Menyimpan && memeriksa cekal…"))
        shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self.draft_state = QLabel()
        self.draft_state.setStyleSheet("color: #5f6368;")
        self.draft_state.setMinimumWidth(260)
        self.message = MessageLine()
        actions = QHBoxLayout()
        actions.addWidget(self.draft_state)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

        self.mrz_edit.textChanged.connect(self._mrz_changed)
        self._tab_order()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush_draft)

    # --- building -----------------------------------------------------------------------------------

    def _combo(self, items: list[str], editable: bool) -> QComboBox:
        box = QComboBox()
        box.setEditable(editable)
        box.addItems(items)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return box

    def _date(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(DATE_HINT)
        return edit

    def _row(self, form: QFormLayout, name: str, label: str, widget: QWidget, extra: QWidget | None = None) -> None:
        self.widgets[name] = widget
        self.errors[name] = error_label()
        caption = QLabel(label)
        caption.setBuddy(widget)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        if extra is not None:
            line = QHBoxLayout()
            line.addWidget(widget, 1)
            line.addWidget(extra)
            column.addLayout(line)
        else:
            column.addWidget(widget)
        column.addWidget(self.errors[name])
        form.addRow(caption, holder)
        edited: Callable[..., None] = lambda *_, n=name: self._edited(n)  # noqa: E731
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(edited)
            widget.returnPressed.connect(self.focusNextChild)
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.editTextChanged.connect(edited)
            widget.currentIndexChanged.connect(edited)

    def _tab_order(self) -> None:
        order = [self.mrz_edit, self.chip_button, "niora", self.find_niora, "passport_no", self.find_passport,
                 "nama_pemohon", "sex", "birth_place", "tanggal_lahir", "nationality", "passport_expiry",
                 "kategori", "produk", "jenis_dokim", "izin_tinggal_ke", "tujuan", "waktu", "nama_pengurus",
                 "nama_biro_jasa", "sponsor_nik", "sponsor_name", "sponsor_address", "sponsor_contact",
                 "sponsor_relation", "landing_date", "landing_port", "landing_vessel", "stay_permit_type",
                 "stay_permit_no", "stay_permit_expiry", self.mismatch_ok, self.save_button]
        widgets = [self.widgets[w] if isinstance(w, str) else w for w in order]
        for first, second in itertools.pairwise(widgets):
            QWidget.setTabOrder(first, second)

    # --- values -------------------------------------------------------------------------------------

    def value(self, name: str) -> str:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.isEditable() else str(widget.currentData() or "")
        return ""

    def set_value(self, name: str, value: str) -> None:
        widget = self.widgets[name]
        if isinstance(widget, QLineEdit):
            widget.setText(value)
        elif isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.setEditText(value)
            else:
                index = widget.findData(value)
                widget.setCurrentIndex(max(0, index))

    def entry(self) -> EntryData:
        values = {f.name: self.value(f.name) for f in fields(EntryData) if f.name in self.widgets}
        extra = dict(self._extra)
        extra["mrz"] = self.mrz_edit.toPlainText()[:200]
        return EntryData(**values, passport_source=self.source, extra=extra)

    def fill(self, entry: EntryData) -> None:
        self._loading = True
        try:
            for name, value in asdict(entry).items():
                if name in self.widgets:
                    text = str(value or "")
                    if name in DATE_FIELDS:
                        text = local_date_text(text)
                    self.set_value(name, text)
            self.source = entry.passport_source or "typed"
            self._extra = {k: str(v) for k, v in (entry.extra or {}).items() if k != "mrz"}
            self.mrz_edit.setPlainText(str((entry.extra or {}).get("mrz", "")))
        finally:
            self._loading = False
        self._show_source()

    # --- loading --------------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        if self._dirty and self.case is not None:
            self._draft_timer.stop()
            self.save_draft()  # the previous case's typing goes to the previous case
        self._draft_timer.stop()
        self._dirty = False
        super().load(case)
        self.message.clear()
        self.busy.stop()
        self.chip_busy.stop()
        self.touched.clear()
        self._invalid_shown = False
        self.chip = None
        self.chip_face = None
        self.mrz_reading = None
        self.mismatch_box.setVisible(False)
        self.mismatch_ok.setChecked(False)
        self.duplicate_label.setVisible(False)
        self.photo_label.setVisible(False)
        for name, label in self.errors.items():
            mark(self.widgets[name], label, "")
        self.save_button.setEnabled(False)
        ctx = self.ctx

        def work() -> tuple[EntryData, list[str]]:
            return IntakeService(ctx.ws, ctx.principal).load_entry(case.id), correction_reasons(ctx.ws, case.id)

        ctx.run(work, self._loaded, self, self.message.error)

    def _loaded(self, loaded: tuple[EntryData, list[str]]) -> None:
        if self.case is None:
            return
        entry, reasons = loaded
        self.correction_box.setVisible(bool(reasons))
        self.correction_text.setText("\n".join(f"• {reason}" for reason in reasons))
        self.fill(entry)
        self._dirty = False
        self.save_button.setEnabled(True)
        self.draft_state.setText(self.tr("Data dimuat"))
        # fields already holding something are checked at once, so a restored draft shows its problems
        self.touched = {name for name in self.widgets if self.value(name).strip()}
        self.touched -= {"kategori", "produk", "jenis_dokim", "izin_tinggal_ke"}
        self.validate_typed()
        if self.mrz_edit.toPlainText().strip():
            self.parse_mrz(fill=False)
        self.check_duplicates()
        self.mrz_edit.setFocus()

    # --- typing ---------------------------------------------------------------------------------------

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.touched.add(name)
        if name in PASSPORT_FIELDS and self.source != "typed":
            reading = self.chip if self.source == "chip" else self.mrz_reading
            if reading is None or not same_value(name, self.value(name), reading.values.get(name, "")):
                self.source = "typed"  # changed by hand: no longer as read from the document
        self._check_timer.start()
        if name == "passport_no":
            self._dup_timer.start()
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        if self._loading or self.case is None:
            return
        self._dirty = True
        self.draft_state.setText(self.tr("Belum tersimpan…"))
        self._draft_timer.start()

    def validate_typed(self) -> dict[str, ValidationError]:
        """Every field checked by the same rules as saving; reasons shown for touched fields."""
        try:
            validate(self.entry())
            problems: dict[str, ValidationError] = {}
        except ValidationError as err:
            problems = field_errors(err)
        for name, label in self.errors.items():
            problem = problems.get(name)
            text = message_of(problem) if problem is not None and name in self.touched else ""
            mark(self.widgets[name], label, text)
        if self._invalid_shown:
            if problems:
                self.message.error(message_of(ValidationError("entry.invalid", count=len(problems))))
            else:
                self.message.clear()
                self._invalid_shown = False
        self._show_source()
        return problems

    def _show_source(self) -> None:
        words = {
            "typed": self.tr("diketik petugas"),
            "mrz": self.tr("dibaca dari MRZ paspor"),
            "chip": self.tr("dibaca dari cip paspor"),
        }
        self.source_label.setText(words.get(self.source, self.source))
        read = self.source in {"mrz", "chip"}
        self.source_label.setStyleSheet("color: #188038; font-weight: bold;" if read else "")
        for name in PASSPORT_FIELDS:
            widget = self.widgets[name]
            reading = self.chip if self.source == "chip" else self.mrz_reading
            from_document = read and reading is not None and same_value(
                name, self.value(name), reading.values.get(name, "")
            )
            widget.setAccessibleName(self.tr("dibaca dari dokumen") if from_document else "")
            if from_document and not widget.styleSheet():
                widget.setStyleSheet("background: #e6f4ea;")
            elif not from_document and widget.styleSheet() == "background: #e6f4ea;":
                widget.setStyleSheet("")

    # --- MRZ ------------------------------------------------------------------------------------------

    def _mrz_changed(self) -> None:
        if self._loading:
            return
        self._mrz_timer.start()
        self._schedule_draft()

    def parse_mrz(self, fill: bool = True) -> mrz.MrzData | None:
        text = self.mrz_edit.toPlainText()
        if not text.strip():
            self.mrz_status.clear()
            mark(self.mrz_edit, None, "")
            self.mrz_reading = None
            return None
        try:
            data = mrz.parse(text)
        except ValidationError as err:
            self.mrz_reading = None
            mark(self.mrz_edit, None, message_of(err))
            self.mrz_status.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.mrz_status.setText(self.tr("MRZ tidak valid: %1").replace("%1", message_of(err)))
            return None
        mark(self.mrz_edit, None, "")
        self.mrz_reading = reading_of(data, "mrz")
        self.mrz_status.setStyleSheet("color: #188038;")
        self.mrz_status.setText(self.tr("MRZ valid (%1): semua digit pemeriksa cocok.").replace("%1", data.format.value))
        if fill:
            self._apply_reading(self.mrz_reading)
        return data

    def _apply_reading(self, reading: Reading) -> None:
        """Fill the passport fields from a document. A typed name that folds to the same MRZ
        letters (diacritics, apostrophes) is kept as typed."""
        self._loading = True
        try:
            for name, value in reading.values.items():
                current = self.value(name)
                if name == "nama_pemohon" and current.strip() and same_value(name, current, value):
                    continue
                if name == "nama_pemohon":
                    value = value.title()
                if value:
                    self.set_value(name, value)
                    self.touched.add(name)
        finally:
            self._loading = False
        self.source = reading.source
        self.validate_typed()
        self._dup_timer.start()
        self._schedule_draft()

    # --- chip -----------------------------------------------------------------------------------------

    def chip_key(self) -> str:
        """The BAC key: from a valid MRZ, else from the typed passport number, birth and expiry dates."""
        if self.mrz_reading is not None:
            return self.mrz_reading.key
        from faskim_desktop.core.validation import parse_date

        born = parse_date(self.value("tanggal_lahir"), "tanggal_lahir")
        expiry = parse_date(self.value("passport_expiry"), "passport_expiry")
        assert born is not None and expiry is not None
        return mrz.mrz_key(self.value("passport_no"), born.strftime("%y%m%d"), expiry.strftime("%y%m%d"))

    def read_passport_chip(self) -> None:
        if self.ctx.devices is None:
            return
        try:
            key = self.chip_key()
        except ValidationError as err:
            self.message.error(self.tr("Untuk membaca cip, pindai MRZ atau isi nomor paspor, tanggal lahir dan "
                                       "masa berlaku paspor dahulu (%1).").replace("%1", message_of(err)))
            return
        if not self.chip_busy.start():
            return
        self.message.ok(self.tr("Letakkan paspor pada pembaca kartu…"))
        self.ctx.devices.run(DeviceKind.SMARTCARD, lambda driver: read_chip(driver, key), self._chip_read,
                             self._chip_failed)

    def _chip_failed(self, error: BaseException) -> None:
        self.chip_busy.stop()
        self.message.error(self.tr("Cip paspor tidak terbaca: %1").replace("%1", message_of(error)))

    def _chip_read(self, data: PassportData) -> None:
        self.chip_busy.stop()
        reading = reading_of(data.dg1, "chip")
        before = {name: self.value(name) for name in PASSPORT_FIELDS}
        differences = [
            name for name in PASSPORT_FIELDS
            if before[name].strip() and not same_value(name, before[name], reading.values[name])
        ]
        self.chip = reading
        self._apply_reading(reading)
        if data.face is not None:
            self.chip_face = (data.face.data, data.face.mime)
            pixmap = QPixmap()
            if pixmap.loadFromData(data.face.data):
                self.photo_label.setPixmap(pixmap)
                self.photo_label.setVisible(True)
                self.photo_label.setToolTip(self.tr("Foto dari cip paspor"))
        sod = data.sod_ok
        integrity = (
            self.tr("data cip utuh (cocok dengan EF.SOD)") if sod
            else self.tr("PERINGATAN: data cip tidak cocok dengan EF.SOD") if sod is False
            else self.tr("cip tanpa EF.SOD")
        )
        if differences:
            labels = {name: self._caption(name) for name in differences}
            lines = [
                f"• {labels[n]} {before[n]!s} → {self.value(n)}" for n in differences
            ]
            self.mismatch_text.setText(
                self.tr("Data yang diketik/MRZ berbeda dengan cip. Data cip sudah dipakai; periksa sebelum "
                        "menyimpan:") + "\n" + "\n".join(lines)
            )
            self.mismatch_ok.setChecked(False)
            self.mismatch_box.setVisible(True)
            self.scroll.ensureWidgetVisible(self.mismatch_box)
            self.message.warn(self.tr("Cip terbaca — %1 — tetapi ada perbedaan data.").replace("%1", integrity))
        else:
            self.mismatch_box.setVisible(False)
            self.message.ok(self.tr("Cip paspor terbaca — %1; data paspor terisi.").replace("%1", integrity))

    def _caption(self, name: str) -> str:
        widget = self.widgets[name]
        holder = widget.parentWidget()
        form = holder.parentWidget().layout() if holder and holder.parentWidget() else None
        if isinstance(form, QFormLayout):
            label = form.labelForField(holder)
            if isinstance(label, QLabel):
                return label.text().replace("&", "")
        return name

    # --- finding the foreigner, duplicates ------------------------------------------------------------

    def find_foreigner(self, by: str) -> None:
        ctx = self.ctx
        niora = self.value("niora") if by == "niora" else ""
        passport = self.value("passport_no") if by == "passport" else ""
        if not (niora.strip() or passport.strip()):
            self.message.error(self.tr("Isi NIORA atau nomor paspor untuk mencari."))
            return

        def work():  # type: ignore[no-untyped-def]
            person = IntakeService(ctx.ws, ctx.principal).find_foreigner(niora, passport)
            if person is None:
                return None
            return {
                "niora": person.niora, "nama_pemohon": person.name, "sex": person.sex,
                "birth_place": person.birth_place, "tanggal_lahir": display_date(person.birth_date),
                "nationality": person.nationality, "passport_no": person.passport_no,
                "passport_expiry": display_date(person.passport_expiry),
            }

        def found(values) -> None:  # type: ignore[no-untyped-def]
            if values is None:
                self.message.warn(self.tr("Data orang asing tidak ditemukan; lengkapi sebagai data baru."))
                return
            self._loading = True
            try:
                for name, value in values.items():
                    if value:
                        self.set_value(name, value)
                        self.touched.add(name)
            finally:
                self._loading = False
            self.message.ok(self.tr("Data orang asing ditemukan dan diisikan; periksa dan lengkapi."))
            self.validate_typed()
            self._schedule_draft()
            self.check_duplicates()

        ctx.run(work, found, self, self.message.error)

    def check_duplicates(self) -> None:
        if self.case is None:
            return
        ctx, passport, case_id = self.ctx, self.value("passport_no"), self.case.id
        if not passport.strip():
            self.duplicate_label.setVisible(False)
            return

        def shown(numbers: list[str]) -> None:
            self.duplicate_label.setVisible(bool(numbers))
            if numbers:
                self.duplicate_label.setText(
                    self.tr("Perhatian: paspor ini sudah memiliki permohonan yang masih berjalan: %1")
                    .replace("%1", ", ".join(numbers))
                )

        ctx.run(lambda: IntakeService(ctx.ws, ctx.principal).open_cases_with_passport(passport, case_id), shown,
                self, lambda _e: None)

    # --- the draft ------------------------------------------------------------------------------------

    def save_draft(self) -> None:
        if self.case is None or not self._dirty:
            return
        ctx, case_id, entry = self.ctx, self.case.id, self.entry()
        self._dirty = False

        def saved(case: CaseRef) -> None:
            if self.case is not None and self.case.id == case.id:
                self.case = case
            if not self._dirty:
                self.draft_state.setText(self.tr("Draf tersimpan otomatis"))

        def failed(error: BaseException) -> None:
            self._dirty = True
            self.draft_state.setText(self.tr("Draf belum tersimpan: %1").replace("%1", message_of(error)))

        if not run_quietly(
            ctx, lambda: IntakeService(ctx.ws, ctx.principal).save_draft(case_id, entry), saved, self, failed
        ):
            self._dirty = True
            self.flush_draft()

    def flush_draft(self) -> None:
        """Save a pending draft now, on this thread (the app is quitting or the page goes away)."""
        if self.case is None or not self._dirty:
            return
        self._draft_timer.stop()
        try:
            IntakeService(self.ctx.ws, self.ctx.principal).save_draft(self.case.id, self.entry())
            self._dirty = False
        except Exception as err:  # the page is going away: log the code, never the data
            log.warning("draft not saved on exit: %s", getattr(err, "code", type(err).__name__))

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._dirty:
            self._draft_timer.stop()
            self.save_draft()
        super().hideEvent(event)

    # --- saving ---------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.case is None or not self.save_button.isEnabled():
            return
        if self.mismatch_box.isVisible() and not self.mismatch_ok.isChecked():
            self.message.error(self.tr("Periksa perbedaan data cip di atas dan centang konfirmasinya dahulu."))
            self.scroll.ensureWidgetVisible(self.mismatch_box)
            self.mismatch_ok.setFocus()
            return
        self.touched = set(self.widgets)
        problems = self.validate_typed()
        if problems:
            first = next(iter(problems))
            self.message.error(message_of(ValidationError("entry.invalid", field=first, count=len(problems))))
            self._invalid_shown = True
            self.widgets[first].setFocus()
            self.scroll.ensureWidgetVisible(self.widgets[first])
            return
        if not self.busy.start():
            return
        self._draft_timer.stop()
        self._dirty = False
        ctx, case_id, entry = self.ctx, self.case.id, self.entry()
        face = self.chip_face if self.source == "chip" else None

        def work() -> tuple[CaseRef, BaseException | None]:
            saved = IntakeService(ctx.ws, ctx.principal).save_data(case_id, entry)
            if face is not None:
                try:
                    ChipPhotoService(ctx.ws, ctx.principal).save(case_id, *face)
                except Exception as err:  # the data is saved; a photo that cannot be kept is not fatal
                    log.warning("chip photo not stored: %s", getattr(err, "code", type(err).__name__))
            try:  # step 4 runs at once; if it fails the case waits in CEKAL and the cekal page retries
                return ScreeningStepService(ctx.ws, ctx.principal).screen(saved), None
            except Exception as err:
                log.warning("screening after save failed: %s", getattr(err, "code", type(err).__name__))
                return saved, err

        ctx.run(work, self._saved, self, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.busy.stop()
        problems = field_errors(error)
        for name, err in problems.items():
            if name in self.widgets:
                mark(self.widgets[name], self.errors[name], message_of(err))
        self.message.error(message_of(error) if problems else error)

    def _saved(self, result: tuple[CaseRef, BaseException | None]) -> None:
        case, screening_error = result
        self.busy.stop()
        self._dirty = False
        if screening_error is not None:
            self.message.warn(self.tr("Data tersimpan; pemeriksaan cekal belum berhasil: %1")
                              .replace("%1", message_of(screening_error)))
        self.moved(case)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(self.focusWidget(), QComboBox):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

