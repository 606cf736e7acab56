"""Generated documents kept with their case (encrypted like every stored file), so the case's
archive bundle (step 11) holds the tanda terima, return slip and kuitansi it was given."""

from __future__ import annotations

from faskim_desktop.core import messages
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.roles import Role
from faskim_desktop.core.services.base import StepService

CATEGORIES = ("tanda_terima", "surat_pengembalian", "kuitansi", "kuitansi_batal")


class PaperworkService(StepService):
    def keep(self, case_id: int, category: str, pdf: bytes) -> int:
        """Store a generated PDF with the case; returns the file id."""
        self.actor.require(Role.LOKET, Role.BENDAHARA, Role.SUPERVISOR)
        if category not in CATEGORIES:
            raise ValidationError("paperwork.category", field="category")
        if not pdf.startswith(b"%PDF-"):
            raise ValidationError("paperwork.not_pdf", field="pdf")
        with self.transaction() as session:
            case = self._case(session, case_id)
            return self.store_file(session, case, "document", pdf, "application/pdf", category).id or 0


messages.register(
    {
        "paperwork.category": {"id": "Jenis dokumen tidak dikenal.", "en": "Unknown document type."},
        "paperwork.not_pdf": {"id": "Dokumen bukan PDF.", "en": "The document is not a PDF."},
    }
)
