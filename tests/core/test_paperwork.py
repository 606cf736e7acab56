"""Generated documents kept with the case end up in its archive bundle."""

from __future__ import annotations

import io
import zipfile

import pytest

from faskim_desktop.core import sop
from faskim_desktop.core.errors import PermissionDenied, ValidationError
from faskim_desktop.core.scripted_case import advance, carry
from faskim_desktop.core.services.archive import ArchiveService
from faskim_desktop.core.services.paperwork import PaperworkService
from tests.conftest import principals, standard_crew


def test_kept_documents_are_archived_with_the_case(workspace) -> None:
    p = principals(workspace)
    crew = standard_crew(p)
    case = carry(workspace, crew, until=sop.State.ARSIP).case
    PaperworkService(workspace, p["loket1"]).keep(case.id, "tanda_terima", b"%PDF-1.4 tanda terima")
    PaperworkService(workspace, p["bendahara1"]).keep(case.id, "kuitansi", b"%PDF-1.4 kuitansi")
    with pytest.raises(ValidationError):
        PaperworkService(workspace, p["loket1"]).keep(case.id, "tanda_terima", b"not a pdf")
    with pytest.raises(ValidationError):
        PaperworkService(workspace, p["loket1"]).keep(case.id, "lain", b"%PDF-1.4")
    with pytest.raises(PermissionDenied):
        PaperworkService(workspace, p["teknisi1"]).keep(case.id, "kuitansi", b"%PDF-1.4")
    advance(workspace, crew, case.id)
    bundle = ArchiveService(workspace, p["infokim1"]).export_bundle(case.id)
    names = zipfile.ZipFile(io.BytesIO(bundle)).namelist()
    assert any("document/tanda_terima" in n for n in names) and any("document/kuitansi" in n for n in names)
