"""Step 11 — Pindai + arsip (Infokim): scan the finished card's copy, archive and close the case.

The scan goes straight from the scanner's worker into the case (``ArchiveService.add_card_scan``);
archiving builds one ZIP holding the data (JSON), every scan and generated document and the case's
audit extract, with a manifest of SHA-256 hashes, and closes the case (read-only from then on). The
page shows the manifest and can export the ZIP to a folder (a USB disk, the office's archive share).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from faskim_desktop.core import sop
from faskim_desktop.core.services.archive import ArchiveService, verify_bundle
from faskim_desktop.core.services.base import CaseRef
from faskim_desktop.devices.protocols import DeviceKind, ScannedPage, ScanSettings
from faskim_desktop.gui.context import SeatContext
from faskim_desktop.gui.pages.akhir_widgets import CardFacts, ImageBox, MessageLine, card_facts, weak
from faskim_desktop.gui.pages.base import StepPage
from faskim_desktop.gui.pages.registry import register


def manifest_rows(bundle: bytes) -> list[tuple[str, str, int]]:
    """(entry name, SHA-256, size) of each file the archive's manifest lists."""
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        manifest = json.loads(archive.read("manifest.json"))["sha256"]
        return [(name, digest, archive.getinfo(name).file_size) for name, digest in sorted(manifest.items())]


@register(sop.State.ARSIP)
class ArsipPage(StepPage):
    def __init__(self, ctx: SeatContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.facts: CardFacts | None = None
        self.scans = 0
        self.bundle: bytes | None = None
        self.closed_case: CaseRef | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.scan_view = ImageBox(260, 170, self.tr("Belum ada pindaian kartu"))
        self.scan_label = QLabel(self.tr("Pindaian kartu: 0 halaman"))
        self.scan_button = QPushButton(self.tr("&Pindai fotokopi kartu"))
        self.scan_button.clicked.connect(self.scan)
        self.archive_button = QPushButton(self.tr("&Arsipkan dan tutup berkas"))
        self.archive_button.clicked.connect(self.archive)
        scan_side = QVBoxLayout()
        scan_side.addWidget(self.scan_label)
        scan_side.addWidget(self.scan_button)
        scan_side.addWidget(self.archive_button)
        scan_side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.scan_view)
        top.addLayout(scan_side)
        top.addStretch(1)

        self.manifest_label = QLabel(self.tr("Manifes arsip (SHA-256):"))
        self.manifest = QTableWidget(0, 3)
        self.manifest.setHorizontalHeaderLabels(
            [self.tr("Berkas"), self.tr("SHA-256"), self.tr("Ukuran (bita)")]
        )
        self.manifest.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.manifest.verticalHeader().setVisible(False)
        header = self.manifest.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)

        self.message = MessageLine()
        self.export_button = QPushButton(self.tr("&Ekspor ZIP ke folder…"))
        self.export_button.clicked.connect(self.choose_export_folder)
        self.done_button = QPushButton(self.tr("&Selesai"))
        self.done_button.clicked.connect(self._done)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.manifest_label)
        layout.addWidget(self.manifest, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def load(self, case: CaseRef) -> None:
        super().load(case)
        self.bundle = None
        self.closed_case = None
        self.scans = 0
        self.scan_view.show_image(None)
        self.manifest.setRowCount(0)
        self.message.clear_message()
        self._buttons(archived=False)
        ctx, case_id = self.ctx, case.id

        def work() -> tuple[CardFacts, int]:
            with ctx.ws.store.read() as session:
                count = len(ArchiveService.files_of(session, case_id, "card_scan"))
            return card_facts(ctx.ws, case_id), count

        ctx.run(work, weak(self._loaded), None, weak(self.message.error))

    def _loaded(self, result: tuple[CardFacts, int]) -> None:
        self.facts, self.scans = result
        self.summary.setText(
            self.tr(
                "Berkas %1 · nomor register %2 · %3. Pindai fotokopi kartu yang telah diserahkan, "
                "lalu arsipkan."
            )
            .replace("%1", self.facts.number)
            .replace("%2", self.facts.register_no)
            .replace("%3", self.facts.name)
        )
        self._show_scan_count()
        (self.archive_button if self.scans else self.scan_button).setFocus()

    def _buttons(self, archived: bool) -> None:
        self.scan_button.setEnabled(not archived)
        self.archive_button.setEnabled(not archived)
        self.export_button.setEnabled(archived)
        self.done_button.setEnabled(archived)
        self.archive_button.setDefault(not archived)
        self.done_button.setDefault(archived)

    def _show_scan_count(self) -> None:
        self.scan_label.setText(self.tr("Pindaian kartu: %1 halaman").replace("%1", str(self.scans)))

    # --- scanning ----------------------------------------------------------------------------------

    def scan(self) -> None:
        if self.case is None or not self.scan_button.isEnabled() or self.ctx.devices is None:
            return
        self.scan_button.setEnabled(False)
        self.message.info(self.tr("Memproses… memindai."))
        values = self.ctx.devices.settings.effective_settings(DeviceKind.SCANNER)
        settings = ScanSettings(
            int(values.get("resolution", 200)),
            str(values.get("mode", "color")),
            str(values.get("source", "flatbed")),
        )
        self.ctx.devices.run(
            DeviceKind.SCANNER, lambda driver: driver.scan(settings), self._scanned, self._scan_failed
        )

    def _scanned(self, pages: list[ScannedPage]) -> None:
        if self.case is None:
            return
        ctx, case_id, images = self.ctx, self.case.id, [p.png for p in pages]
        if pages:
            from PySide6.QtGui import QImage

            self.scan_view.show_image(QImage.fromData(pages[0].png))
        ctx.run(
            lambda: ArchiveService(ctx.ws, ctx.principal).add_card_scan(case_id, images),
            weak(self._stored),
            None,
            weak(self._scan_failed),
        )

    def _stored(self, ids: list[int]) -> None:
        self.scans += len(ids)
        self._show_scan_count()
        self.scan_button.setEnabled(True)
        self.message.ok(self.tr("Pindaian kartu tersimpan. Arsipkan berkas bila sudah lengkap."))
        self.archive_button.setFocus()

    def _scan_failed(self, error: BaseException) -> None:
        self.scan_button.setEnabled(True)
        self.message.error(error)

    # --- archiving -------------------------------------------------------------------------------

    def archive(self) -> None:
        if self.case is None or not self.archive_button.isEnabled():
            return
        self.archive_button.setEnabled(False)
        self.message.info(self.tr("Memproses… arsip disusun."))
        ctx, case_id = self.ctx, self.case.id

        def work() -> tuple[CaseRef, bytes]:
            service = ArchiveService(ctx.ws, ctx.principal)
            closed = service.archive(case_id)
            return closed, service.export_bundle(case_id)

        ctx.run(work, weak(self._archived), None, weak(self._archive_failed))

    def _archived(self, result: tuple[CaseRef, bytes]) -> None:
        self.closed_case, self.bundle = result
        rows = manifest_rows(self.bundle)
        self.manifest.setRowCount(len(rows))
        for row, (name, digest, size) in enumerate(rows):
            self.manifest.setItem(row, 0, QTableWidgetItem(name))
            self.manifest.setItem(row, 1, QTableWidgetItem(digest))
            self.manifest.setItem(row, 2, QTableWidgetItem(f"{size:,}".replace(",", ".")))
        intact = not verify_bundle(self.bundle)
        self._buttons(archived=True)
        self.message.ok(
            self.tr("Berkas diarsip dan ditutup (%1 berkas dalam arsip, manifes %2). Berkas kini hanya-baca.")
            .replace("%1", str(len(rows)))
            .replace("%2", self.tr("utuh") if intact else self.tr("TIDAK UTUH"))
        )
        self.ctx.events.case_moved.emit(self.closed_case)
        self.done_button.setFocus()

    def _archive_failed(self, error: BaseException) -> None:
        self.archive_button.setEnabled(True)
        self.message.error(error)

    def choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pilih folder tujuan ekspor arsip"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> Path | None:
        if self.bundle is None or self.closed_case is None:
            return None
        name = self.closed_case.number.replace("/", "-") + ".zip"  # the application number, no personal data
        target = folder / name
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self.bundle)
        except OSError as err:
            self.message.error(
                self.tr("Arsip tidak dapat ditulis ke %1 (%2).")
                .replace("%1", str(folder))
                .replace("%2", err.strerror or str(err))
            )
            return None
        self.message.ok(self.tr("Arsip diekspor ke %1.").replace("%1", str(target)))
        return target

    def _done(self) -> None:
        if self.closed_case is not None:
            self.moved(self.closed_case)
