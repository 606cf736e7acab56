"""The SOP table itself: complete, consistent, and every state reachable and able to end."""

from __future__ import annotations

from faskim_desktop.core import sop
from faskim_desktop.core.roles import Role


def test_eleven_steps_and_the_file_scan_in_order() -> None:
    assert [s.number for s in sop.STEPS] == ["1", "2", "3", "4", "4a", "5", "6", "7", "8", "9", "10", "11"]


def test_mutu_baku_matches_the_sop() -> None:
    minutes = {s.number: s.mutu_baku_minutes for s in sop.STEPS}
    assert minutes == {"1": 10, "2": 5, "3": 5, "4": 5, "4a": None, "5": 5, "6": 5, "7": 10, "8": 3, "9": 5,
                       "10": 5, "11": 10}


def test_phases_are_the_three_wizards() -> None:
    assert [s.number for s in sop.steps_in(sop.Phase.AWAL)] == ["1", "2", "3", "4", "4a"]
    assert [s.number for s in sop.steps_in(sop.Phase.UTAMA)] == ["5", "6", "7"]
    assert [s.number for s in sop.steps_in(sop.Phase.AKHIR)] == ["8", "9", "10", "11"]


def test_every_non_terminal_state_belongs_to_one_step_and_has_a_way_out() -> None:
    for state in sop.State:
        if state in sop.TERMINAL_STATES:
            assert sop.step_of(state) is None
            assert sop.actions_from(state) == ()
        else:
            assert sop.step_of(state) is not None, state
            assert sop.actions_from(state), state


def test_every_state_is_reachable_from_the_start_and_can_reach_an_end() -> None:
    reachable = {sop.INITIAL_STATE}
    frontier = [sop.INITIAL_STATE]
    while frontier:
        for t in sop.actions_from(frontier.pop()):
            if t.target not in reachable:
                reachable.add(t.target)
                frontier.append(t.target)
    assert reachable == set(sop.State)
    for state in sop.State:
        seen, todo = {state}, [state]
        while todo:
            for t in sop.actions_from(todo.pop()):
                if t.target not in seen:
                    seen.add(t.target)
                    todo.append(t.target)
        assert seen & sop.TERMINAL_STATES, state


def test_the_branches_of_the_sop() -> None:
    assert sop.transition(sop.State.PERIKSA, sop.Action.CHECK_INCOMPLETE).target is sop.State.DIKEMBALIKAN
    assert sop.transition(sop.State.CEKAL, sop.Action.SCREEN_HIT).target is sop.State.DITAHAN
    assert sop.transition(sop.State.DITAHAN, sop.Action.CONFIRM_HIT).target is sop.State.DITOLAK_CEKAL
    assert sop.transition(sop.State.PERSETUJUAN, sop.Action.RETURN_FOR_CORRECTION).target is sop.State.ENTRI


def test_who_acts_follows_the_sop_columns() -> None:
    assert sop.waiting_role(sop.State.PERSETUJUAN) == (Role.SUPERVISOR,)
    assert sop.waiting_role(sop.State.PEMBAYARAN) == (Role.BENDAHARA,)
    assert sop.waiting_role(sop.State.DITAHAN) == (Role.WASDAKIM,)
    assert sop.waiting_role(sop.State.PENGESAHAN) == (Role.KAKANIM,)
    assert sop.waiting_role(sop.State.ARSIP) == (Role.INFOKIM,)


def test_every_code_has_words_in_both_languages() -> None:
    from faskim_desktop.core import messages

    codes = [f"step.{s.code}" for s in sop.STEPS] + [f"state.{s.value}" for s in sop.State]
    codes += [f"action.{a.value}" for a in sop.Action] + [s.inputs for s in sop.STEPS] + [s.output for s in sop.STEPS]
    for code in codes:
        assert messages.has(code), code
        assert messages.text(code, language="id") != messages.text(code, language="en") or code.startswith("out.")


def test_automatic_steps_are_worked_by_their_human_performers() -> None:
    assert sop.actors(sop.State.CEKAL) == (Role.LOKET, Role.WASDAKIM)
    assert Role.SYSTEM not in sop.actors(sop.State.REGISTER)
    assert sop.actors(sop.State.PERSETUJUAN) == (Role.SUPERVISOR,)
