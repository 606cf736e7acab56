"""Every SOP action through its service, tried by every role that may not take it: refused."""

from __future__ import annotations

import pytest

from faskim_desktop.core import sop
from faskim_desktop.core.errors import IllegalTransition, PermissionDenied
from faskim_desktop.core.scripted_case import Crew, carry, sample_entry
from faskim_desktop.core.services.approval import ApprovalService
from faskim_desktop.core.services.archive import ArchiveService
from faskim_desktop.core.services.biometrics import BiometricsService
from faskim_desktop.core.services.handover import HandoverService
from faskim_desktop.core.services.intake import DocumentVerdict, IntakeService, Receipt
from faskim_desktop.core.services.issuance import IssuanceService
from faskim_desktop.core.services.payment import PaymentService
from faskim_desktop.core.services.screening_step import ScreeningStepService
from tests.conftest import PASSWORD, principals, standard_crew

# state -> (what the step's service call is, who may do it)
CALLS = {
    sop.State.TERIMA: (lambda ws, who, cid: IntakeService(ws, who).receive(cid, Receipt(received=("formulir",))),
                       {"loket1", "loket2", "serba1"}),
    sop.State.PERIKSA: (lambda ws, who, cid: IntakeService(ws, who).check_documents(
        cid, {c: DocumentVerdict("valid") for c in ("formulir", "surat_permohonan", "ktp_ortu", "kk", "akta_lahir",
                                                     "akta_nikah", "paspor_anak", "paspor_ortu", "foto",
                                                     "bukti_daftar_abg")}), {"loket1", "loket2", "serba1"}),
    sop.State.ENTRI: (lambda ws, who, cid: IntakeService(ws, who).save_data(cid, sample_entry(cid)),
                      {"loket1", "loket2", "serba1"}),
    sop.State.PINDAI_BERKAS: (lambda ws, who, cid: IntakeService(ws, who).forward(cid), {"loket1", "loket2", "serba1"}),
    sop.State.PERSETUJUAN: (lambda ws, who, cid: ApprovalService(ws, who).approve(cid), {"spv1", "spv2"}),
    sop.State.PEMBAYARAN: (lambda ws, who, cid: PaymentService(ws, who).pay(cid, "400000", "tunai"),
                           {"bendahara1", "serba1"}),
    sop.State.BIOMETRIK: (lambda ws, who, cid: BiometricsService(ws, who).complete(cid), {"loket1", "loket2", "serba1"}),
    sop.State.REGISTER: (lambda ws, who, cid: IssuanceService(ws, who).assign_register(cid),
                         {"loket1", "loket2", "serba1"}),
    sop.State.PENGESAHAN: (lambda ws, who, cid: IssuanceService(ws, who).sign(cid), {"kakanim1"}),
    sop.State.PENYERAHAN: (lambda ws, who, cid: HandoverService(ws, who).hand_over(cid, "x", "y", "pemohon"),
                           {"loket1", "loket2", "serba1"}),
    sop.State.ARSIP: (lambda ws, who, cid: ArchiveService(ws, who).archive(cid), {"infokim1"}),
}
EVERYONE = ["loket1", "spv1", "bendahara1", "wasdakim1", "kakanim1", "infokim1", "teknisi1", "admin1"]


@pytest.mark.parametrize("state", list(CALLS))
def test_each_forbidden_role_is_refused_by_the_service(workspace, state) -> None:
    people = principals(workspace)
    crew = Crew(people["loket2"], people["spv2"], PASSWORD, people["bendahara1"], people["wasdakim1"],
                people["kakanim1"], people["infokim1"])
    case = carry(workspace, crew, until=state).case
    assert case.state is state
    call, allowed = CALLS[state]
    for username in EVERYONE:
        if username in allowed:
            continue
        with pytest.raises((PermissionDenied, IllegalTransition)) as err:
            call(workspace, people[username], case.id)
        assert isinstance(err.value, PermissionDenied), (state, username, err.value.code)


def test_wasdakim_decisions_are_for_wasdakim_only(workspace, tmp_path) -> None:
    from faskim_desktop.core.screening.importer import import_list

    listing = tmp_path / "list.csv"
    listing.write_text("reference,name,aliases,dob,nationality,passports,list_type,reason,valid_from,valid_until\n"
                       "R1,Emma Putri Wijaya,,,AUS,,cegah,uji,,\n", encoding="utf-8")
    import_list(workspace.store, listing)
    people = principals(workspace)
    crew = standard_crew(people)
    case = carry(workspace, crew).case
    assert case.state is sop.State.DITAHAN
    for username in ("loket1", "spv1", "bendahara1", "kakanim1", "infokim1", "teknisi1", "admin1"):
        with pytest.raises(PermissionDenied):
            ScreeningStepService(workspace, people[username]).decide(case.id, False, "bukan orangnya")


def test_consent_must_come_from_a_real_supervisor(workspace) -> None:
    people = principals(workspace)
    crew = standard_crew(people)
    case = carry(workspace, crew, until=sop.State.BIOMETRIK).case
    payment = PaymentService(workspace, people["bendahara1"]).payments_of(case.id)[0]
    from faskim_desktop.core.errors import AuthenticationError

    with pytest.raises(AuthenticationError):  # a wrong password
        PaymentService(workspace, people["bendahara1"]).void(payment.id, "salah input", "spv1", "tebakan")
    with pytest.raises(PermissionDenied):  # a real user, but not a supervisor
        PaymentService(workspace, people["bendahara1"]).void(payment.id, "salah input", "loket2", PASSWORD)
    with pytest.raises(PermissionDenied):  # nobody consents to their own request
        PaymentService(workspace, people["serba1"]).void(payment.id, "salah input", "serba1", PASSWORD)
    back = PaymentService(workspace, people["bendahara1"]).void(payment.id, "salah input", "spv1", PASSWORD)
    assert back.state is sop.State.PEMBAYARAN
    kept = PaymentService(workspace, people["bendahara1"]).payments_of(case.id)
    assert len(kept) == 1 and kept[0].voided_at is not None and kept[0].void_reason == "salah input"
