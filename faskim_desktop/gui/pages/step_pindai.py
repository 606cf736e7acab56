"""Step 4a — Pemindaian berkas: scan the file per category, check the pages, forward to the official.

SOP Identifikasi Langkah, Langkah Awal 3: "Memindai berkas permohonan, pemindaian terdiri dari:
(1) formulir; (2) surat permohonan; (3) dokumen lainnya. b. Berkas diserahkan kepada Kepala
Bidang/Seksi." Pages come from the scanner driver (flatbed one page, ADF every sheet in the
feeder); a scanner that fails mid-batch hands back the pages it scanned before failing
(``protocols.Scanner``), and those are stored, so nothing scanned is lost.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.services.awal_views import ScanPage, scan_image, scan_pages
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.core.services.intake import REQUIRED_SCANS, SCAN_CATEGORIES, IntakeService
from faskim_desktop.devices.protocols import DeviceKind, ScannedPage, ScanSettings
from faskim_desktop.documents.compose.scans import scans_pdf
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.awal_common import Busy, MessageLine, message_of
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register
from faskim_desktop.gui.printing import keep_copy

THUMB = QSize(96, 132)


def thumbnail(png: bytes, size: QSize = THUMB) -> bytes:
    """A small PNG of a page (made on the worker thread with Pillow)."""
    with Image.open(io.BytesIO(png)) as image:
        image.thumbnail((size.width(), size.height()))
        out = io.BytesIO()
        image.convert("RGB").save(out, "PNG")
        return out.getvalue()


@dataclass(frozen=True)
class PageThumb:
    page: ScanPage
    thumb: bytes


def load_thumbs(ctx: SeatContext, case_id: int, known: dict[int, bytes]) -> list[PageThumb]:
    """The case's pages; only pages not already in ``known`` (file id -> thumbnail) are decoded."""
    return [
        PageThumb(page, known.get(page.file_id) or thumbnail(scan_image(ctx.ws, page.file_id)))
        for page in scan_pages(ctx.ws, case_id)
    ]


@register(sop.State.PINDAI_BERKAS)
class PindaiPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pages: list[PageThumb] = []
        self.category_names = {
            "formulir": self.tr("Formulir permohonan"),
            "surat_permohonan": self.tr("Surat permohonan"),
            "lainnya": self.tr("Dokumen lainnya"),
        }
        self.category = QComboBox()
        for code in SCAN_CATEGORIES:
            self.category.addItem(self.category_names.get(code, code) + (" *" if code in REQUIRED_SCANS else ""),
                                  code)
        self.source = QComboBox()
        self.source.addItem(self.tr("Kaca (flatbed), 1 halaman"), "flatbed")
        self.source.addItem(self.tr("Pengumpan (ADF), semua halaman"), "adf")
        self.resolution = QComboBox()
        for dpi in (150, 200, 300):
            self.resolution.addItem(f"{dpi} dpi", dpi)
        self.resolution.setCurrentIndex(1)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Berwarna"), "color")
        self.mode.addItem(self.tr("Abu-abu"), "gray")
        self.scan_button = QPushButton(self.tr("&Pindai"))
        self.scan_button.setDefault(True)
        self.scan_button.clicked.connect(lambda: self.scan())
        self.scan_busy = Busy(self.scan_button, self.tr("Memindai…"))
        labels = []
        for text, widget in ((self.tr("&Kategori:"), self.category), (self.tr("Su&mber:"), self.source),
                             (self.tr("Resolusi:"), self.resolution), (self.tr("Warna:"), self.mode)):
            label = QLabel(text)
            label.setBuddy(widget)
            labels.append((label, widget))
        controls = QHBoxLayout()
        for label, widget in labels:
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.scan_button)

        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(THUMB)
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setMovement(QListView.Movement.Static)
        self.thumbs.setSpacing(6)
        self.thumbs.setMinimumWidth(250)
        self.thumbs.currentItemChanged.connect(self._show_page)
        self.view = QLabel(self.tr("Pilih halaman untuk melihatnya"))
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        view_scroll = QScrollArea()
        view_scroll.setWidgetResizable(True)
        view_scroll.setWidget(self.view)
        splitter = QSplitter()
        splitter.addWidget(self.thumbs)
        splitter.addWidget(view_scroll)
        splitter.setSizes([320, 680])

        self.rescan_button = QPushButton(self.tr("Pindai &ulang halaman"))
        self.delete_button = QPushButton(self.tr("&Hapus halaman"))
        self.pdf_button = QPushButton(self.tr("Buat P&DF kategori"))
        self.forward_button = QPushButton(self.tr("Teruskan ke pe&jabat"))
        self.forward_button.setStyleSheet("font-weight: bold;")
        self.rescan_button.clicked.connect(self.rescan)
        self.delete_button.clicked.connect(self.delete_page)
        self.pdf_button.clicked.connect(self.make_pdf)
        self.forward_button.clicked.connect(self.forward)
        self.forward_busy = Busy(self.forward_button, self.tr("Memproses…"))
        for button in (self.rescan_button, self.delete_button, self.pdf_button, self.forward_button):
            button.setAutoDefault(False)
        self.summary = QLabel()
        self.message = MessageLine()
        actions = QHBoxLayout()
        actions.addWidget(self.rescan_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.pdf_button)
        actions.addStretch(1)
        actions.addWidget(self.forward_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.category.currentIndexChanged.connect(self._fill_thumbs)

    # --- loading --------------------------------------------------------------------------------------

    def load(self, case: CaseRef) -> None:
        if self.case is None or self.case.id != case.id:
            self.pages = []
        super().load(case)
        self.message.clear()
        self.scan_busy.stop()
        self.forward_busy.stop()
        self.reload()
        self.scan_button.setFocus()

    def reload(self, select_last: bool = False) -> None:
        if self.case is None:
            return
        ctx, case_id = self.ctx, self.case.id
        known = {item.page.file_id: item.thumb for item in self.pages}

        def shown(pages: list[PageThumb]) -> None:
            self.pages = pages
            self._fill_thumbs(select_last=select_last)

        ctx.run(lambda: load_thumbs(ctx, case_id, known), shown, self, self.message.error)

    def current_category(self) -> str:
        return str(self.category.currentData())

    def _fill_thumbs(self, *_: object, select_last: bool = False) -> None:
        category = self.current_category()
        self.thumbs.clear()
        for item in self.pages:
            if item.page.category != category:
                continue
            pixmap = QPixmap()
            pixmap.loadFromData(item.thumb)
            entry = QListWidgetItem(QIcon(pixmap), self.tr("Hal. %1").replace("%1", str(item.page.page)))
            entry.setData(Qt.ItemDataRole.UserRole, item.page.file_id)
            self.thumbs.addItem(entry)
        if self.thumbs.count():
            self.thumbs.setCurrentRow(self.thumbs.count() - 1 if select_last else 0)
        else:
            self.view.setPixmap(QPixmap())
            self.view.setText(self.tr("Belum ada halaman terpindai untuk kategori ini"))
        counts = {c: sum(1 for p in self.pages if p.page.category == c) for c in SCAN_CATEGORIES}
        parts = [f"{self.category_names.get(c, c)}: {counts[c]}" for c in SCAN_CATEGORIES]
        lacking = [self.category_names.get(c, c) for c in REQUIRED_SCANS if not counts[c]]
        text = self.tr("Halaman terpindai — %1.").replace("%1", "; ".join(parts))
        if lacking:
            text += " " + self.tr("Wajib dipindai: %1.").replace("%1", ", ".join(lacking))
        self.summary.setText(text)
        has_page = self.thumbs.count() > 0
        self.rescan_button.setEnabled(has_page)
        self.delete_button.setEnabled(has_page)
        self.pdf_button.setEnabled(has_page)

    def selected_file(self) -> int | None:
        item = self.thumbs.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_page(self, *_: object) -> None:
        file_id = self.selected_file()
        if file_id is None:
            return
        ctx = self.ctx

        def shown(data: bytes) -> None:
            if self.selected_file() != file_id:
                return
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            width = max(300, self.view.width() - 20)
            self.view.setPixmap(pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))

        ctx.run(lambda: scan_image(ctx.ws, file_id), shown, self, self.message.error)

    # --- scanning ---------------------------------------------------------------------------------------

    def settings(self, source: str | None = None) -> ScanSettings:
        return ScanSettings(int(self.resolution.currentData()), str(self.mode.currentData()),
                            source or str(self.source.currentData()))

    def scan(self, replace: int | None = None) -> None:
        if self.case is None or self.ctx.devices is None or not self.scan_busy.start():
            return
        settings = self.settings("flatbed" if replace else None)
        category = self.current_category()
        self.message.ok(self.tr("Memindai %1…").replace("%1", self.category_names.get(category, category)))
        self.ctx.devices.run(
            DeviceKind.SCANNER, lambda driver: driver.scan(settings),
            lambda pages: self._scanned(category, pages, None, replace),
            lambda error: self._scan_failed(category, error, replace),
        )

    def _scan_failed(self, category: str, error: BaseException, replace: int | None) -> None:
        params = getattr(error, "params", None)
        kept = list(params.get("pages") or []) if isinstance(params, dict) else []
        if kept:
            self._scanned(category, kept, error, replace)
            return
        self.scan_busy.stop()
        self.message.error(self.tr("Pemindaian gagal: %1").replace("%1", message_of(error)))

    def _scanned(self, category: str, pages: list[ScannedPage], error: BaseException | None,
                 replace: int | None) -> None:
        if self.case is None:
            self.scan_busy.stop()
            return
        ctx, case_id = self.ctx, self.case.id
        images = [page.png for page in pages]

        def work() -> list[int]:
            service = IntakeService(ctx.ws, ctx.principal)
            ids = service.add_scan_pages(case_id, category, images) if images else []
            if replace is not None and ids:
                service.delete_scan_page(replace)
            return ids

        def stored(ids: list[int]) -> None:
            self.scan_busy.stop()
            if error is not None:
                self.message.error(
                    self.tr("Pemindai berhenti: %1. %2 halaman yang sudah terpindai disimpan; pindai sisanya.")
                    .replace("%1", message_of(error)).replace("%2", str(len(ids)))
                )
            elif replace is not None:
                self.message.ok(self.tr("Halaman dipindai ulang dan menggantikan halaman lama."))
            else:
                self.message.ok(self.tr("%1 halaman tersimpan.").replace("%1", str(len(ids))))
            self.reload(select_last=True)

        def failed(store_error: BaseException) -> None:
            self.scan_busy.stop()
            self.message.error(store_error)

        ctx.run(work, stored, self, failed)

    def rescan(self) -> None:
        file_id = self.selected_file()
        if file_id is not None:
            self.scan(replace=file_id)

    def delete_page(self) -> None:
        file_id = self.selected_file()
        if file_id is None or self.case is None:
            return
        ctx = self.ctx

        def done(_: object) -> None:
            self.message.ok(self.tr("Halaman dihapus."))
            self.reload()

        ctx.run(lambda: IntakeService(ctx.ws, ctx.principal).delete_scan_page(file_id), done, self,
                self.message.error)

    def make_pdf(self) -> None:
        if self.case is None:
            return
        ctx, case, category = self.ctx, self.case, self.current_category()
        ids = [p.page.file_id for p in self.pages if p.page.category == category]
        if not ids:
            return

        def work() -> str:
            pdf = scans_pdf([scan_image(ctx.ws, file_id) for file_id in ids], f"{case.number} {category}")
            return str(keep_copy(ctx, pdf, f"pindai-{case.number}-{category}"))

        def done(path: str) -> None:
            self.message.ok(self.tr("PDF %1 dibuat: %2").replace("%1", self.category_names.get(category, category))
                            .replace("%2", path))

        ctx.run(work, done, self, self.message.error)

    # --- forwarding -----------------------------------------------------------------------------------

    def forward(self) -> None:
        if self.case is None or not self.forward_busy.start():
            return
        ctx, case_id = self.ctx, self.case.id

        def failed(error: BaseException) -> None:
            self.forward_busy.stop()
            self.message.error(error)

        def done(case: CaseRef) -> None:
            self.forward_busy.stop()
            self.moved(case)

        ctx.run(lambda: IntakeService(ctx.ws, ctx.principal).forward(case_id), done, self, failed)
