"""The SOP driven end to end through the core services alone, with every branch and refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from faskim_desktop.core import audit, case_machine, sop
from faskim_desktop.core.accounts import Principal
from faskim_desktop.core.errors import IllegalTransition, PermissionDenied, ValidationError
from faskim_desktop.core.screening.importer import import_list
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.core.services.approval import ApprovalService
from faskim_desktop.core.services.intake import DocumentVerdict, IntakeService, Receipt
from faskim_desktop.core.services.queues import work_queue
from faskim_desktop.core.services.screening_step import ScreeningStepService
from faskim_desktop.core.workspace import Workspace
from faskim_desktop.store.tables import Case, CaseStep
from tests.conftest import principals, standard_crew


def crew_of(p: dict[str, Principal]) -> Crew:
    return standard_crew(p)


def steps_of(ws: Workspace, case_id: int) -> list[CaseStep]:
    with ws.store.read() as session:
        from sqlalchemy import select

        return list(session.execute(select(CaseStep).where(CaseStep.case_id == case_id).order_by(CaseStep.id)).scalars())


def test_a_case_goes_through_all_eleven_steps(any_workspace: Workspace) -> None:
    ws = any_workspace
    outcome = carry(ws, crew_of(principals(ws)))
    assert outcome.case is not None and outcome.case.state is sop.State.SELESAI
    assert [s.step for s in outcome.steps] == ["1", "2", "3", "4", "4a", "5", "6", "7", "8", "9", "10", "11"]
    records = steps_of(ws, outcome.case.id)
    assert [r.state for r in records] == [
        "terima", "periksa", "entri", "cekal", "pindai_berkas", "persetujuan", "pembayaran", "biometrik",
        "register", "cetak", "pengesahan", "penyerahan", "arsip",
    ]
    for record in records:  # every step knows who started and finished it, and when
        assert record.started_at and record.finished_at and record.started_by and record.finished_by
    with ws.store.read() as session:
        case = session.get(Case, outcome.case.id)
        assert case.register_no and case.receipt_no and case.closed_at and case.data_hash
        assert audit.verify(session).ok


def test_a_closed_case_cannot_be_changed(workspace: Workspace) -> None:
    people = principals(workspace)
    outcome = carry(workspace, crew_of(people))
    with pytest.raises(IllegalTransition):
        IntakeService(workspace, people["loket1"]).save_data(outcome.case.id, sample_entry())
    with pytest.raises(IllegalTransition):
        ApprovalService(workspace, people["spv1"]).approve(outcome.case.id)


def test_an_incomplete_file_is_returned_and_can_be_reopened_as_new(workspace: Workspace) -> None:
    people = principals(workspace)
    intake = IntakeService(workspace, people["loket1"])
    case = intake.receive(intake.open_case(), Receipt(received=("formulir",)))
    with workspace.store.read() as session:
        codes = [c.doc_code for c in IntakeService.checklist(session, case.id) if c.required]
    verdicts = {c: DocumentVerdict("valid") for c in codes}
    verdicts["kk"] = DocumentVerdict("missing", "Kartu keluarga tidak dibawa")
    with pytest.raises(ValidationError):  # a missing document needs its reason
        intake.check_documents(case, {**verdicts, "kk": DocumentVerdict("missing")})
    returned = intake.check_documents(case, verdicts)
    assert returned.state is sop.State.DIKEMBALIKAN
    again = intake.reopen_as_new(returned.id)
    assert again.number != returned.number and again.state is sop.State.TERIMA


def test_a_representative_needs_the_power_of_attorney(workspace: Workspace) -> None:
    intake = IntakeService(workspace, principals(workspace)["loket1"])
    case = intake.open_case()
    with pytest.raises(ValidationError) as err:
        intake.receive(case, Receipt("kuasa", "Budi Santoso", "3174011111110001", "", ("formulir",)))
    assert err.value.code == "intake.poa_required"


def _held_case(ws: Workspace, tmp_path: Path) -> int:
    listing = tmp_path / "cekal.csv"
    listing.write_text(
        "reference,name,aliases,dob,nationality,passports,list_type,reason,valid_from,valid_until\n"
        "CKL-1,Emma Putri Wijaya,,,AUS,,tangkal,uji,,\n", encoding="utf-8")
    import_list(ws.store, listing)
    outcome = carry(ws, crew_of(principals(ws)), until=sop.State.DITAHAN)
    assert outcome.case.state is sop.State.DITAHAN
    return outcome.case.id


def test_a_cekal_hit_is_held_and_cleared_by_wasdakim(workspace: Workspace, tmp_path: Path) -> None:
    people = principals(workspace)
    case_id = _held_case(workspace, tmp_path)
    screening = ScreeningStepService(workspace, people["wasdakim1"])
    view = screening.latest(case_id)
    assert view.hit and view.hits[0]["entry"] == "CKL-1" and view.hits[0]["reasons"]
    assert any(item.case_id == case_id for item in work_queue(workspace, people["wasdakim1"]))
    with pytest.raises(ValidationError):
        screening.decide(case_id, confirmed=False, reason="  ")
    cleared = screening.decide(case_id, confirmed=False, reason="Tanggal lahir dan orang tua berbeda")
    assert cleared.state is sop.State.PINDAI_BERKAS
    assert screening.latest(case_id).decision == "cleared"


def test_a_confirmed_cekal_hit_stops_the_case(workspace: Workspace, tmp_path: Path) -> None:
    people = principals(workspace)
    case_id = _held_case(workspace, tmp_path)
    stopped = ScreeningStepService(workspace, people["wasdakim1"]).decide(case_id, True, "Cocok dengan daftar")
    assert stopped.state is sop.State.DITOLAK_CEKAL


def test_a_discrepancy_goes_back_to_the_counter_and_returns_for_approval(workspace: Workspace) -> None:
    people = principals(workspace)
    outcome = carry(workspace, crew_of(people), until=sop.State.PERSETUJUAN)
    approval = ApprovalService(workspace, people["spv1"])
    with pytest.raises(ValidationError):
        approval.return_for_correction(outcome.case.id, ["", "  "])
    back = approval.return_for_correction(outcome.case.id, ["Nama ibu berbeda dengan akta lahir"])
    assert back.state is sop.State.ENTRI
    assert any(i.case_id == back.id for i in work_queue(workspace, people["loket1"]))
    intake = IntakeService(workspace, people["loket1"])
    corrected = intake.save_data(back.id, sample_entry())
    corrected = ScreeningStepService(workspace, people["loket1"]).screen(corrected.id)
    corrected = intake.forward(corrected.id)  # the scans made before are kept
    assert corrected.state is sop.State.PERSETUJUAN
    assert approval.approve(corrected.id).state is sop.State.PEMBAYARAN


def test_whoever_entered_the_data_cannot_approve_it(workspace: Workspace) -> None:
    people = principals(workspace)
    crew = crew_of(people)
    crew.loket = people["serba1"]  # holds loket and supervisor
    outcome = carry(workspace, crew, until=sop.State.PERSETUJUAN)
    with pytest.raises(PermissionDenied) as err:
        ApprovalService(workspace, people["serba1"]).approve(outcome.case.id)
    assert err.value.code == "approval.own_entry"
    assert all(i.case_id != outcome.case.id or i.state is not sop.State.PERSETUJUAN
               for i in work_queue(workspace, people["loket2"]))


def test_a_stale_version_is_refused(workspace: Workspace) -> None:
    people = principals(workspace)
    intake = IntakeService(workspace, people["loket1"])
    first = intake.open_case()
    intake.save_receipt_draft(first, Receipt(received=("formulir",)))
    from faskim_desktop.core.errors import Conflict

    with pytest.raises(Conflict):
        intake.save_receipt_draft(first, Receipt(received=("kk",)))  # `first` holds the old version


ROLE_PEOPLE = ["loket1", "spv1", "bendahara1", "wasdakim1", "kakanim1", "infokim1", "teknisi1", "admin1"]


@pytest.mark.parametrize("state", [s for s in sop.State])
def test_every_action_and_role_is_checked_against_the_table(workspace: Workspace, state: sop.State) -> None:
    """For each state, every action the table does not allow is refused as illegal, and every
    allowed action is refused to every role the table does not name."""
    people = principals(workspace)
    case = Case(id=1, number="T-1", state=state.value, created_by="t")
    for action in sop.Action:
        found = sop.transition(state, action)
        for username in ROLE_PEOPLE:
            person = people[username]
            if found is None:
                with pytest.raises(IllegalTransition):
                    case_machine.check_allowed(case, action, person)
            elif person.has(*found.roles):
                assert case_machine.check_allowed(case, action, person) is found
            else:
                with pytest.raises(PermissionDenied):
                    case_machine.check_allowed(case, action, person)


def test_a_designated_official_sees_and_signs_cards(workspace) -> None:
    from faskim_desktop.core import office
    from faskim_desktop.core.services.issuance import IssuanceService

    people = principals(workspace)
    case = carry(workspace, crew_of(people), until=sop.State.PENGESAHAN).case
    assert all(i.case_id != case.id for i in work_queue(workspace, people["spv2"]))
    with workspace.store.write() as session:
        office.put(session, "admin1", "signers", ["spv2"])
    assert any(i.case_id == case.id for i in work_queue(workspace, people["spv2"]))
    assert IssuanceService(workspace, people["spv2"]).sign(case.id).state is sop.State.PENYERAHAN
