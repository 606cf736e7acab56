"""Step 5 — Persetujuan pejabat (paraf), at the supervisor's seat.

The official sees what the counter entered, the scanned file, the cekal result and the document
checks, then either approves (paraf: the supervisor types their password again, so the decision
is authenticated and recorded with the data hash) or returns the file to the counter with each
discrepancy on its own line (SOP: ketidaksesuaian). The officer who entered the data cannot
approve; the service refuses and the page says so in words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import messages, sop
from faskim_desktop.core.accounts import Accounts
from faskim_desktop.core.services.approval import ApprovalService
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.utama_views import ApprovalView, approval_view
from faskim_desktop.gui import i18n
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register

THUMB = QSize(150, 200)
MESSAGES = {  # the step-2 verdicts as the official reads them
    "utama.doc.valid": {"id": "Sah", "en": "Valid"},
    "utama.doc.invalid": {"id": "Tidak sah", "en": "Not valid"},
    "utama.doc.missing": {"id": "Tidak ada", "en": "Missing"},
    "utama.doc.": {"id": "Belum diperiksa", "en": "Not checked"},
}
messages.register(MESSAGES)


def scan_images(ctx: SeatContext, view: ApprovalView, side: int = 600) -> list[tuple[str, QImage]]:
    """Decrypt each scanned page and scale it (on the store worker, never on the GUI thread).
    The clear bytes live only in memory."""
    images: list[tuple[str, QImage]] = []
    for scan in view.scans:
        data = ctx.ws.files.get(scan.path, scan.sha256)
        image = QImage.fromData(data)
        if not image.isNull():
            image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        images.append((f"{scan.category} {scan.page}", image))
    return images


@register(sop.State.PERSETUJUAN)
class PersetujuanPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.view: ApprovalView | None = None
        self._busy = False
        self.field_labels = {
            "person.name": self.tr("Nama pemohon"), "person.sex": self.tr("Jenis kelamin"),
            "person.birth_place": self.tr("Tempat lahir"), "person.birth_date": self.tr("Tanggal lahir"),
            "person.nationality": self.tr("Kewarganegaraan"), "person.passport_no": self.tr("No. paspor"),
            "person.passport_expiry": self.tr("Paspor berlaku s.d."), "person.niora": self.tr("NIORA"),
            "case.tujuan": self.tr("Tujuan"), "case.waktu": self.tr("Waktu"), "case.kategori": self.tr("Kategori"),
            "case.produk": self.tr("Produk"), "case.jenis_dokim": self.tr("Jenis dokim"),
            "case.izin_tinggal_ke": self.tr("Izin tinggal ke-"), "case.sponsor_nik": self.tr("NIK sponsor"),
            "case.sponsor_name": self.tr("Nama sponsor"), "case.sponsor_relation": self.tr("Hubungan sponsor"),
            "case.sponsor_address": self.tr("Alamat sponsor"), "case.sponsor_contact": self.tr("Kontak sponsor"),
            "case.nama_pengurus": self.tr("Nama pengurus"), "case.nama_biro_jasa": self.tr("Biro jasa"),
            "case.landing_date": self.tr("Tanggal kedatangan"), "case.landing_port": self.tr("Tempat kedatangan"),
            "case.landing_vessel": self.tr("Alat angkut"), "case.stay_permit_type": self.tr("Jenis izin tinggal"),
            "case.stay_permit_no": self.tr("No. izin tinggal"),
            "case.stay_permit_expiry": self.tr("Izin tinggal berlaku s.d."),
        }

        # left: the entered data, the document checks, the cekal result
        self.data_form = QFormLayout()
        self.data_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        data_box = QGroupBox(self.tr("Data yang dientri"))
        data_box.setLayout(self.data_form)
        self.docs_label = QLabel()
        self.docs_label.setTextFormat(Qt.TextFormat.RichText)
        docs_box = QGroupBox(self.tr("Pemeriksaan dokumen"))
        QVBoxLayout(docs_box).addWidget(self.docs_label)
        self.cekal_label = QLabel()
        self.cekal_label.setWordWrap(True)
        cekal_box = QGroupBox(self.tr("Hasil cek daftar cekal"))
        QVBoxLayout(cekal_box).addWidget(self.cekal_label)
        self.previous_label = QLabel()
        self.previous_label.setWordWrap(True)
        self.previous_label.setStyleSheet("color: #b06000;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.previous_label)
        left_layout.addWidget(cekal_box)
        left_layout.addWidget(data_box)
        left_layout.addWidget(docs_box)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)

        # right: the scanned pages
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.currentRowChanged.connect(self._show_scan)
        self.scan_view = QLabel(self.tr("Pilih halaman pindaian untuk memperbesar."))
        self.scan_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_view.setMinimumHeight(160)
        scans_box = QGroupBox(self.tr("Berkas hasil pindai"))
        scans_layout = QVBoxLayout(scans_box)
        scans_layout.addWidget(self.thumbs, 1)
        scans_layout.addWidget(self.scan_view, 2)
        self._images: list[QImage] = []

        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(scans_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        # bottom: the decision
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Ketik ulang kata sandi Anda untuk paraf"))
        self.note = QLineEdit()
        self.note.setMaxLength(400)
        self.note.setPlaceholderText(self.tr("Catatan (boleh kosong)"))
        self.approve_button = QPushButton(self.tr("&Setujui (paraf)"))
        self.approve_button.setDefault(True)
        self.approve_button.clicked.connect(self.approve)
        self.password.returnPressed.connect(self.approve)
        self.reasons = QPlainTextEdit()
        self.reasons.setPlaceholderText(self.tr("Satu ketidaksesuaian per baris, mis.\nNama di paspor berbeda dengan akta"))
        self.reasons.setTabChangesFocus(True)
        self.reasons.setFixedHeight(64)
        self.return_button = QPushButton(self.tr("Kembalikan untuk &perbaikan"))
        self.return_button.clicked.connect(self.send_back)
        self.message = QLabel()
        self.message.setWordWrap(True)

        approve_box = QGroupBox(self.tr("Paraf persetujuan"))
        approve_form = QFormLayout(approve_box)
        approve_form.addRow(self.tr("&Kata sandi:"), self.password)
        approve_form.addRow(self.tr("C&atatan:"), self.note)
        approve_form.addRow("", self.approve_button)
        self._buddy(approve_form)
        return_box = QGroupBox(self.tr("Kembalikan ke loket (ketidaksesuaian)"))
        return_layout = QVBoxLayout(return_box)
        return_layout.addWidget(self.reasons)
        return_layout.addWidget(self.return_button, 0, Qt.AlignmentFlag.AlignRight)
        decision = QHBoxLayout()
        decision.addWidget(approve_box, 1)
        decision.addWidget(return_box, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)
        layout.addLayout(decision)
        layout.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.approve)
        self.setTabOrder(self.password, self.note)
        self.setTabOrder(self.note, self.approve_button)
        self.setTabOrder(self.approve_button, self.reasons)
        self.setTabOrder(self.reasons, self.return_button)

    @staticmethod
    def _buddy(form: QFormLayout) -> None:
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field and isinstance(label.widget(), QLabel):
                label.widget().setBuddy(field.widget())

    # --- loading ------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.view = None
        self.password.clear()
        self.note.clear()
        self.reasons.clear()
        self._say("")
        self._set_busy(False)
        ctx = self.ctx

        def fetch() -> tuple[ApprovalView, list[tuple[str, QImage]]]:
            view = approval_view(ctx.ws, case.id)
            return view, scan_images(ctx, view)

        ctx.run(fetch, self._show, self, self._failed)
        self.password.setFocus()

    def _show(self, loaded: tuple[ApprovalView, list[tuple[str, QImage]]]) -> None:
        view, images = loaded
        self.view = view
        while self.data_form.rowCount():
            self.data_form.removeRow(0)
        for code, value in view.fields:
            if value:
                label = QLabel(value)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.data_form.addRow(self.field_labels.get(code, code) + ":", label)
        rows = []
        for doc in view.documents:
            status = messages.text(f"utama.doc.{doc.status}") if messages.has(f"utama.doc.{doc.status}") \
                else doc.status
            colour = {"valid": "#188038", "invalid": "#c5221f", "missing": "#c5221f"}.get(doc.status, "#5f6368")
            mark = "✔" if doc.status == "valid" else ("✘" if doc.status in ("invalid", "missing") else "•")
            note = f" — {doc.note}" if doc.note else ""
            required = "" if doc.required else self.tr(" (tidak wajib)")
            rows.append(f"<span style='color:{colour}'>{mark} {doc.name}{required}: {status}{note}</span>")
        self.docs_label.setText("<br>".join(rows) or self.tr("Tidak ada daftar dokumen."))
        self.cekal_label.setText(self._cekal_text(view))
        if view.previous_reasons:
            self.previous_label.setText(
                self.tr("Berkas ini pernah dikembalikan untuk perbaikan:") + "\n• " + "\n• ".join(view.previous_reasons)
            )
        else:
            self.previous_label.clear()
        self.previous_label.setVisible(bool(view.previous_reasons))
        self.thumbs.clear()
        self._images = [image for _name, image in images]
        for name, image in images:
            item = QListWidgetItem(name)
            if not image.isNull():
                item.setIcon(QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
            else:
                item.setText(name + " " + self.tr("(tidak terbaca)"))
            self.thumbs.addItem(item)
        if images:
            self.thumbs.setCurrentRow(0)
        else:
            self.scan_view.setText(self.tr("Belum ada berkas yang dipindai."))
        if self.ctx.principal.username in view.entered_by:
            # told at once; the service refuses the paraf anyway if it is tried
            self._say(i18n.words("approval.own_entry"), error=True)

    def _cekal_text(self, view: ApprovalView) -> str:
        screening = view.screening
        if screening is None:
            return self.tr("Belum diperiksa.")
        if not screening.hit:
            return self.tr("Tidak ada kecocokan dengan daftar cekal (versi daftar %1).").replace(
                "%1", str(screening.list_version or "-"))
        decision = {"cleared": self.tr("dinyatakan BUKAN orang yang sama oleh Wasdakim"),
                    "confirmed": self.tr("DIKONFIRMASI cekal")}.get(screening.decision, self.tr("belum diputuskan"))
        text = self.tr("Ada %1 kemungkinan kecocokan; %2.").replace("%1", str(len(screening.hits))).replace(
            "%2", decision)
        if screening.decided_by:
            text += " " + self.tr("Oleh %1: %2").replace("%1", screening.decided_by).replace(
                "%2", screening.decision_reason)
        return text

    def _show_scan(self, row: int) -> None:
        if 0 <= row < len(self._images) and not self._images[row].isNull():
            pixmap = QPixmap.fromImage(self._images[row])
            target = self.scan_view.size()
            self.scan_view.setPixmap(pixmap.scaled(target, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))

    # --- decisions ----------------------------------------------------------------------------

    def approve(self) -> None:
        if self._busy or self.case is None:
            return  # a second click while the first is running creates nothing
        password = self.password.text()
        if not password:
            self._say(self.tr("Ketik ulang kata sandi Anda untuk membubuhkan paraf."), error=True)
            self.password.setFocus()
            return
        case, note, ctx = self.case, self.note.text(), self.ctx

        def work() -> CaseRef:
            # the paraf is an authenticated decision: the person at the seat proves it is them
            accounts = Accounts(ctx.ws.store, ctx.ws.settings.get("lockout_attempts"),
                                ctx.ws.settings.get("lockout_minutes"))
            accounts.authenticate(ctx.principal.username, password)
            return ApprovalService(ctx.ws, ctx.principal).approve(case, note)

        self._set_busy(True)
        self.password.clear()
        self._say(self.tr("Memproses paraf…"))
        ctx.run(work, self._done, self, self._failed)

    def send_back(self) -> None:
        if self._busy or self.case is None:
            return
        reasons = [line.strip() for line in self.reasons.toPlainText().splitlines() if line.strip()]
        if not reasons:
            self._say(i18n.words("approval.reasons_required"), error=True)
            self.reasons.setFocus()
            return
        case, ctx = self.case, self.ctx
        self._set_busy(True)
        self._say(self.tr("Mengembalikan berkas…"))
        ctx.run(lambda: ApprovalService(ctx.ws, ctx.principal).return_for_correction(case, reasons),
                self._done, self, self._failed)

    def _done(self, case: CaseRef) -> None:
        self._set_busy(False)
        if case.state is sop.State.PEMBAYARAN:
            self._say(self.tr("Disetujui. Berkas %1 diteruskan ke bendahara.").replace("%1", case.number))
        else:
            self._say(self.tr("Berkas %1 dikembalikan ke loket untuk perbaikan.").replace("%1", case.number))
        self.moved(case)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._say(i18n.explain(error), error=True)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.approve_button.setEnabled(not busy)
        self.return_button.setEnabled(not busy)
        self.approve_button.setText(self.tr("Memproses…") if busy else self.tr("&Setujui (paraf)"))
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c5221f; font-weight: bold;" if error else "color: #188038;")

