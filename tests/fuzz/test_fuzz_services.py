"""A refused service call changes nothing: random input to the step services leaves the store as it was.

Each service is fed anything a form could send it. A call either succeeds or raises a typed
refusal (ValidationError, IllegalTransition, ...); after a refusal, every table and the encrypted
file store are exactly as before (no partial write).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faskim_desktop.core import sop
from faskim_desktop.core.errors import FaskimError
from faskim_desktop.core.scripted_case import Crew, carry
from faskim_desktop.core.services.biometrics import BiometricsService
from faskim_desktop.core.services.handover import HandoverService
from faskim_desktop.core.services.intake import EntryData, IntakeService
from faskim_desktop.core.services.payment import PaymentService
from faskim_desktop.core.workspace import Workspace
from tests.conftest import principals, standard_crew
from tests.fuzz.conftest import snapshot
from tests.fuzz.test_fuzz_forms import any_text, entries

SERVICE_FUZZ = settings(max_examples=40, deadline=None,
                        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def crew(ws: Workspace) -> Crew:
    p = principals(ws)
    return standard_crew(p)


def case_at(ws: Workspace, state: sop.State) -> int:
    outcome = carry(ws, crew(ws), until=state)
    assert outcome.case is not None and outcome.case.state is state
    return outcome.case.id


def refused_or_done(ws: Workspace, call) -> bool:  # type: ignore[no-untyped-def]
    """True when ``call`` succeeded; on a typed refusal the store must be unchanged."""
    before = snapshot(ws)
    try:
        call()
    except FaskimError:
        assert snapshot(ws) == before, "a refused call left a partial write"
        return False
    return True


@pytest.fixture
def at_entry(workspace: Workspace) -> tuple[Workspace, int]:
    return workspace, case_at(workspace, sop.State.ENTRI)


@SERVICE_FUZZ
@given(entry=entries())
def test_step3_save_refused_or_valid(at_entry: tuple[Workspace, int], entry: EntryData) -> None:
    ws, case_id = at_entry
    from faskim_desktop.core.services.intake import validate

    intake = IntakeService(ws, crew(ws).loket)
    try:
        validate(entry)
        valid = True
    except FaskimError:
        valid = False
    if refused_or_done(ws, lambda: intake.save_data(case_id, entry)):
        assert valid, "an invalid form was saved"  # (a valid one may be refused once the case moved on)


@SERVICE_FUZZ
@given(st.lists(any_text, min_size=1, max_size=28))
def test_step3_drafts_take_long_pastes_or_refuse_them_whole(at_entry: tuple[Workspace, int],
                                                             pastes: list[str]) -> None:
    ws, case_id = at_entry
    names = [f.name for f in dataclasses.fields(EntryData) if f.name != "extra"]
    entry = EntryData(**{name: pastes[i % len(pastes)] for i, name in enumerate(names)})
    intake = IntakeService(ws, crew(ws).loket)
    if refused_or_done(ws, lambda: intake.save_draft(case_id, entry)):
        assert intake.load_entry(case_id) == dataclasses.replace(entry, extra={})


@pytest.fixture
def at_payment(workspace: Workspace) -> tuple[Workspace, int]:
    return workspace, case_at(workspace, sop.State.PEMBAYARAN)


@SERVICE_FUZZ
@given(any_text, st.one_of(st.sampled_from(["tunai", "transfer", "edc", "qris"]), any_text), any_text)
def test_payment_refused_or_exact(at_payment: tuple[Workspace, int], amount: str, method: str,
                                  reference: str) -> None:
    ws, case_id = at_payment
    payments = PaymentService(ws, crew(ws).bendahara)
    if refused_or_done(ws, lambda: payments.pay(case_id, amount, method, reference)):
        pytest.fail(f"a payment of {amount!r} was taken")  # only the exact fee in a known method is


@pytest.fixture
def at_handover(workspace: Workspace) -> tuple[Workspace, int]:
    return workspace, case_at(workspace, sop.State.PENYERAHAN)


@SERVICE_FUZZ
@given(any_text, any_text, st.one_of(st.sampled_from(["pemohon", "kuasa"]), any_text), any_text, any_text)
def test_handover_refuses_every_wrong_number(at_handover: tuple[Workspace, int], application_no: str,
                                             receipt_no: str, kind: str, name: str, id_no: str) -> None:
    ws, case_id = at_handover
    handover = HandoverService(ws, crew(ws).loket)
    assert not refused_or_done(ws, lambda: handover.hand_over(case_id, application_no, receipt_no, kind, name,
                                                              id_no))


@pytest.fixture
def at_biometrics(workspace: Workspace) -> tuple[Workspace, int]:
    return workspace, case_at(workspace, sop.State.BIOMETRIK)


@SERVICE_FUZZ
@given(st.one_of(st.sampled_from(["right_thumb", "left_index"]), any_text), st.integers(-10**6, 10**6),
       st.binary(max_size=64))
def test_fingerprint_capture_refused_or_kept(at_biometrics: tuple[Workspace, int], finger: str, quality: int,
                                             png: bytes) -> None:
    ws, case_id = at_biometrics
    bio = BiometricsService(ws, crew(ws).loket)
    refused_or_done(ws, lambda: bio.save_fingerprint(case_id, finger, png, quality))
