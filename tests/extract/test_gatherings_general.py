"""Gatherings whose participants are told in lists around the main sentence, generated:
'as did', presence told apart, a chair and semicolon lists of delegations, officials of
international organisations looking on, a ceremony done together; each with a negative
twin in the same words for someone who was not there (CheckList style).

Templates are filled with groups of four registry leaders (see test_meetings_general).
The officials' names are invented; sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract.test_meetings_general import GROUPS, MONDAY, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


ALL_FOUR = {
    "as_did_witness": "{At} and {Bt} signed the peace accord in {Acap} on Monday. {Ct} signed "
    "it as a witness, as did {Dt}.",
    "as_did_flew_in": "{At} and {Bt} signed the peace accord in {Acap} on Monday. {Ct} flew in "
    "for the ceremony, as did {Dc}'s {Do}, {D}.",
    "also_attending": "{At} hosted the regional summit in {Acap} on Monday, attended by {Bt}. "
    "Also attending were {Ct} and {Dt}.",
    "present_at": "{At} and {Bt} signed the peace accord in {Acap} on Monday. Present at the "
    "ceremony were {Ct} and {Dt}.",
    "among_those_attending": "The summit in {Acap} on Monday brought together {At} and {Bt}. "
    "Among those attending were {Ct} and {Dt}.",
    "chair_and_semicolons": "Regional leaders met for their annual summit in {Acap} on Monday. "
    "{At} chaired the summit. {Bc}'s {BO} {B}; {Cc}'s {CO} {C}; and {Dt} led their "
    "delegations.",
    "turned_a_valve_together": "The pipeline was opened on Monday at a gas field near {Acap}, "
    "where {At}, {Bt}, {Ct} and {Dt} turned a valve together.",
}
NOT_THERE = {
    "as_did_praised": "{At} and {Bt} signed the peace accord in {Acap} on Monday. {Ct} praised "
    "the accord, as did {Dt}.",
    "absent_were": "{At} hosted the regional summit in {Acap} on Monday, attended by {Bt}. "
    "Absent were {Ct} and {Dt}.",
    "sent_a_deputy": "{At} and {Bt} signed the peace accord in {Acap} on Monday. {Ct} sent a "
    "deputy, as did {Dt}.",
    "will_lead_delegations": "Regional leaders will meet for their annual summit in {Acap} next "
    "month. {At} will chair the summit. {Ct} and {Dt} are to lead their delegations.",
    "each_cut_a_ribbon": "{At}, {Ct} and {Dt} each cut a ribbon at their own end of the "
    "pipeline on Monday.",
}
OFFICIALS = "{At} and {Bt} signed the accord in {Acap} on Monday. U.N. Secretary-General "
OFFICIALS += "Tomas Varga, the African Union envoy, Amina Diallo, and {Ct} looked on."


def _ids(groups):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in GROUPS
    ]


@pytest.mark.parametrize("template,team", _ids(ALL_FOUR))
def test_everyone_told_at_the_gathering_takes_part(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), [m.participants for m in ex.meetings]
    assert found[0].date == MONDAY
    assert {x.name for x in ex.leaders} >= set(names)


@pytest.mark.parametrize("template,team", _ids(NOT_THERE))
def test_someone_not_there_does_not_join(run, template, team):
    ex = run(_fill(template, team))
    assert not any(team[3].name in m.participants for m in ex.meetings), [
        m.participants for m in ex.meetings
    ]
    assert team[3].name not in {x.name for x in ex.leaders}


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_officials_of_organisations_looking_on_take_part(run, team):
    ex = run(_fill(OFFICIALS, team))
    names = [x.name for x in team[:3]] + ["Tomas Varga", "Amina Diallo"]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), [m.participants for m in ex.meetings]
    assert {"Tomas Varga", "Amina Diallo"} <= {x.name for x in ex.leaders}
