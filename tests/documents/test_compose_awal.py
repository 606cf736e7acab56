"""The Langkah Awal documents built from the store: tanda terima, return slip, scans PDF."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from faskim_desktop.core.scripted_case import plain_png
from faskim_desktop.core.services.awal_intake import ApplicantNameService
from faskim_desktop.core.services.intake import DocumentVerdict, IntakeService, Receipt
from faskim_desktop.documents.compose.receipt import compose_receipt, office_model
from faskim_desktop.documents.compose.return_slip import compose_return_slip
from faskim_desktop.documents.compose.scans import scans_pdf
from faskim_desktop.documents.receipt import render_receipt
from faskim_desktop.documents.return_slip import render_return_slip
from tests.conftest import principals


def test_receipt_lists_what_was_ticked_with_the_representative(workspace) -> None:
    loket = principals(workspace)["loket1"]
    intake = IntakeService(workspace, loket)
    case = intake.open_case(queue_ticket="A007")
    ApplicantNameService(workspace, loket).remember(case, "Zoë O'Brien-Núñez")
    intake.receive(case.id, Receipt("kuasa", "Siti Rahmawati", "3174015708800003", "SK-12/2026",
                                    ("formulir", "kk", "surat_kuasa")))
    with workspace.store.read() as session:
        data = compose_receipt(session, case.id)
    assert data.application_number == case.number and data.queue_ticket == "A007"
    assert data.applicant_name == "Zoë O'Brien-Núñez" and data.submitted_by == "Siti Rahmawati"
    assert data.is_representative and data.power_of_attorney_ref == "SK-12/2026"
    assert [d.name for d in data.documents] == ["Formulir permohonan", "Kartu Keluarga",
                                                "Surat kuasa (bila dikuasakan)"]
    assert data.officer.name == "Loket1" and data.office.city == "Jakarta"
    assert render_receipt(data).startswith(b"%PDF-")


def test_return_slip_names_each_problem_with_its_note(workspace) -> None:
    loket = principals(workspace)["loket1"]
    intake = IntakeService(workspace, loket)
    case = intake.open_case()
    intake.receive(case.id, Receipt(representative_name="Dewi Lestari", received=("formulir",)))
    with workspace.store.read() as session:
        required = [c.doc_code for c in IntakeService.checklist(session, case.id) if c.required]
    verdicts = {code: DocumentVerdict("missing", "Belum dilampirkan") for code in required}
    verdicts["formulir"] = DocumentVerdict("invalid", "Tanda tangan tidak ada")
    intake.check_documents(case.id, verdicts)
    with workspace.store.read() as session:
        data = compose_return_slip(session, case.id)
    statuses = {p.name: (p.status, p.note) for p in data.problems}
    assert statuses["Formulir permohonan"] == ("invalid", "Tanda tangan tidak ada")
    assert statuses["Kartu Keluarga"] == ("missing", "Belum dilampirkan")
    assert len(data.problems) == len(required)
    assert data.submitted_by == "Dewi Lestari" and data.slip_number == f"PB-{case.number}"
    assert render_return_slip(data).startswith(b"%PDF-")


def test_unknown_case_is_a_lookup_error(workspace) -> None:
    with workspace.store.read() as session:
        with pytest.raises(LookupError):
            compose_receipt(session, 999_999)
        with pytest.raises(LookupError):
            compose_return_slip(session, 999_999)
        assert office_model(session).code


def test_scans_pdf_one_page_per_scan_and_bad_input_refused() -> None:
    grey = plain_png(200, 300)
    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (10, 20, 30, 128)).save(buffer, "PNG")  # landscape, with alpha
    pdf = scans_pdf([grey, buffer.getvalue()], "JKS-PMH-2026-000001 formulir")
    assert pdf.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 2
    with pytest.raises(ValueError):
        scans_pdf([])
    with pytest.raises(Exception):  # noqa: B017 - Pillow's own error for bytes that are no image
        scans_pdf([b"not an image"])
