"""Qt-free services of the Langkah Awal pages: the step-1 applicant name, the chip photo, the
queue display's calls, scan pages and correction reasons."""

from __future__ import annotations

import pytest

from faskim_desktop.core import sop
from faskim_desktop.core.errors import IllegalTransition, PermissionDenied, ValidationError
from faskim_desktop.core.scripted_case import Crew, carry, plain_jpeg, plain_png
from faskim_desktop.core.services.awal_intake import ApplicantNameService, applicant_name, draft_name
from faskim_desktop.core.services.awal_views import correction_reasons, last_calls, scan_image, scan_pages
from faskim_desktop.core.services.chip_photo import ChipPhotoService
from faskim_desktop.core.services.intake import IntakeService, Receipt
from faskim_desktop.core.services.queues import TicketQueue
from faskim_desktop.store.tables import Case, StoredFile
from tests.conftest import principals, standard_crew


def crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    people = principals(ws)
    return standard_crew(people)


def test_the_step_one_name_seeds_the_entry_draft(workspace) -> None:
    loket = principals(workspace)["loket1"]
    intake = IntakeService(workspace, loket)
    case = intake.open_case()
    names = ApplicantNameService(workspace, loket)
    names.remember(case.id, "  Zoë   O'Brien-Núñez ")
    with workspace.store.read() as session:
        assert applicant_name(session, case.id) == "Zoë O'Brien-Núñez"
    with pytest.raises(ValidationError) as info:
        names.remember(case.id, "Zoë 2nd <script>")
    assert info.value.field == "applicant_name" and info.value.code == "val.name_chars"
    with pytest.raises(ValidationError) as info:
        names.remember(case.id, "x" * 2000)
    assert info.value.code == "val.too_long"
    intake.receive(case.id, Receipt(received=("formulir",)))
    names.remember(case.id, "Zoë O'Brien")  # still allowed at step 2
    with pytest.raises(PermissionDenied):
        ApplicantNameService(workspace, principals(workspace)["spv1"]).remember(case.id, "X")
    # the step-3 form starts with the name
    with workspace.store.write() as session:
        found = session.get(Case, case.id)
        assert draft_name(found) == "Zoë O'Brien"
        found.entry_draft = "{not json"
        assert draft_name(found) == ""


def test_the_name_is_refused_after_step_two(workspace) -> None:
    case = carry(workspace, crew(workspace), until=sop.State.ENTRI).case
    with pytest.raises(IllegalTransition):
        ApplicantNameService(workspace, principals(workspace)["loket1"]).remember(case.id, "Emma")


def test_chip_photo_kept_and_bad_data_refused(workspace) -> None:
    case = carry(workspace, crew(workspace), until=sop.State.ENTRI).case
    photos = ChipPhotoService(workspace, principals(workspace)["loket1"])
    file_id = photos.save(case.id, plain_jpeg(), "image/jpeg")
    with workspace.store.read() as session:
        row = session.get(StoredFile, file_id)
        assert row.kind == "chip_photo" and row.case_id == case.id
    for data, media in ((b"", "image/jpeg"), (plain_jpeg(), "image/gif"), (b"x" * 300_000, "image/jpeg")):
        with pytest.raises(ValidationError):
            photos.save(case.id, data, media)


def test_last_calls_newest_first_including_served(workspace) -> None:
    queue = TicketQueue(workspace)
    for _ in range(3):
        queue.issue("A")
    first = queue.call_next("A", "1", "loket1")
    queue.serve(first.id, "loket1")
    second = queue.call_next("A", "2", "loket2")
    calls = last_calls(workspace)
    assert [c.label for c in calls] == ["A002", "A001"] and calls[0].counter == "2"
    queue.skip(second.id, "loket2")
    assert [c.label for c in last_calls(workspace)] == ["A001"]


def test_scan_pages_and_correction_reasons(workspace) -> None:
    from faskim_desktop.core.services.approval import ApprovalService

    case = carry(workspace, crew(workspace), until=sop.State.PERSETUJUAN).case
    pages = scan_pages(workspace, case.id)
    assert {p.category for p in pages} == {"formulir", "surat_permohonan"}
    assert scan_image(workspace, pages[0].file_id) == plain_png()
    with pytest.raises(LookupError):
        scan_image(workspace, 999_999)
    assert correction_reasons(workspace, case.id) == []
    ApprovalService(workspace, principals(workspace)["spv1"]).return_for_correction(case, ["Nama tidak sesuai"])
    assert correction_reasons(workspace, case.id) == ["Nama tidak sesuai"]
