"""The card's model built from the store: what step 8 set, the applicant, the photo from step 7."""

from __future__ import annotations

import pytest

from faskim_desktop.core import sop
from faskim_desktop.core.errors import ValidationError
from faskim_desktop.core.scripted_case import Artefacts, Crew, carry, plain_jpeg, plain_png
from faskim_desktop.core.seal import decode
from faskim_desktop.documents.compose.card import card_data, render_case_card
from faskim_desktop.store.tables import Case, Foreigner
from tests.conftest import principals, standard_crew


def _crew(ws) -> Crew:  # type: ignore[no-untyped-def]
    people = principals(ws)
    return standard_crew(people)


def test_card_data_comes_from_the_case_the_applicant_and_the_photo(workspace) -> None:
    photo = plain_jpeg(120, 160)
    art = Artefacts(photo=lambda: (plain_png(), photo))
    case = carry(workspace, _crew(workspace), artefacts=art, until=sop.State.CETAK).case
    data = card_data(workspace, case.id)
    with workspace.store.read() as session:
        stored = session.get(Case, case.id)
        person = session.get(Foreigner, stored.foreigner_id)
    assert data.register_number == stored.register_no and data.valid_until == stored.card_valid_until
    assert (data.name, data.passport_number, data.niora) == (person.name, person.passport_no, person.niora)
    assert data.photo == photo  # decrypted from the file store
    assert data.signing_official.name == "Kakanim1" and data.office.code == "JKS"


def test_a_case_without_a_register_number_has_no_card(workspace) -> None:
    case = carry(workspace, _crew(workspace), until=sop.State.REGISTER).case
    with pytest.raises(ValidationError) as info:
        card_data(workspace, case.id)
    assert info.value.code == "card.no_data"


def test_the_seal_carries_the_case_fields(workspace) -> None:
    case = carry(workspace, _crew(workspace), until=sop.State.CETAK).case
    from faskim_desktop.documents.seal_reader import read_seal

    path = workspace.folder / "kartu.pdf"
    path.write_bytes(render_case_card(workspace, case.id))
    seal = decode(read_seal(path))
    with workspace.store.read() as session:
        assert seal.fields.register_number == session.get(Case, case.id).register_no
    assert seal.header.office_code == "JKS"
