"""A meeting told as the setting of what one side did at it ('In the meeting with B, A
sought support') was held: the clause's verb ('sought', 'called for', 'proposed') governs
what A did there, not the meeting. Its twin: the same verbs taking the meeting as their
object ('A sought a meeting with B') tell none. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


HELD = {
    "in_meeting_sought": "In the meeting with {Bt} in {Bcap} on Monday, {At} sought support "
    "for a new port.",
    "during_talks_called": "During the talks with {Bt} on Monday, {At} called for a truce.",
    "at_meeting_asked": "At the meeting with {Bt} in {Bcap}, {At} asked for more aid.",
    "after_meeting_proposed": "After the meeting with {Bt} on Monday, {At} proposed a fund.",
}
NOT_HELD = {
    "sought_meeting": "{At} sought a meeting with {Bt} in {Bcap}.",
    "called_for_talks": "{At} called for talks with {Bt} on the crisis.",
    "support_for_meeting": "{At} sought support for a meeting with {Bt} next month.",
    "will_seek_at_meeting": "In the meeting with {Bt} next week, {At} will seek support.",
}


@pytest.mark.parametrize("team", range(len(GROUPS)))
@pytest.mark.parametrize("template", HELD.values(), ids=HELD)
def test_a_meeting_told_as_a_setting_was_held(run, template, team):
    a, b = GROUPS[team][:2]
    ex = run(_fill(template, GROUPS[team]))
    people = [set(m.participants) for m in ex.meetings]
    assert {a.name, b.name} in people, people


@pytest.mark.parametrize("template", NOT_HELD.values(), ids=NOT_HELD)
def test_a_meeting_sought_or_to_come_was_not_held(run, template):
    ex = run(_fill(template, GROUPS[1]))
    assert not ex.meetings, [m.participants for m in ex.meetings]


FRONTED = {
    "during_his_talks": "{Ct} arrived in {Bcap} on Sunday. During {Apos} talks with {Bt} on "
    "Monday, {At} raised the debt question.",
    "in_his_meeting": "{Ct} spoke to reporters on Sunday. In {Apos} meeting with {Bt} in "
    "{Bcap} on Monday, {At} asked for help.",
    "not_fronted": "{Ct} arrived in {Bcap} on Sunday. {At} raised the debt question during "
    "{Apos} talks with {Bt} on Monday.",
}


@pytest.mark.parametrize("template", FRONTED.values(), ids=FRONTED)
def test_a_possessive_set_before_its_clause_is_the_clauses_subject(run, template):
    """The last person told (C) is not whose talks they were: the subject after the
    phrase (A) is."""
    a, b, c = GROUPS[0][:3]
    ex = run(_fill(template, (a, b, c)))
    people = [set(m.participants) for m in ex.meetings]
    assert {a.name, b.name} in people, people
    assert {c.name, b.name} not in people, people


ROUNDS_INSIDE = {
    "separate_meetings": "{At} held talks in separate meetings with {Bt}, {Ct} and {Dt} on Monday.",
    "individual_sessions": "{At} held discussions in individual sessions with {Bt}, {Ct} "
    "and {Dt} in {Acap} on Monday.",
}
ONE_INSIDE = {
    "trilateral_meeting": "{At} held talks in a trilateral meeting with {Bt} and {Ct} on Monday.",
    "joint_session": "{At} held discussions in a joint session with {Bt} and {Ct} on Monday.",
}


@pytest.mark.parametrize("team", range(len(GROUPS)))
@pytest.mark.parametrize("template", ROUNDS_INSIDE.values(), ids=ROUNDS_INSIDE)
def test_a_round_told_through_an_inner_noun_is_one_meeting_each(run, template, team):
    """'held talks in separate meetings with B, C and D': the parser hangs the 'with' on
    the inner noun; A, the outer verb's subject, met each of them alone."""
    a, *others = GROUPS[team]
    ex = run(_fill(template, GROUPS[team]))
    people = sorted(sorted(m.participants) for m in ex.meetings)
    assert people == sorted(sorted([a.name, x.name]) for x in others), people


@pytest.mark.parametrize("team", range(len(GROUPS)))
@pytest.mark.parametrize("template", ONE_INSIDE.values(), ids=ONE_INSIDE)
def test_one_meeting_told_through_an_inner_noun_stays_one(run, template, team):
    a, b, c = GROUPS[team][:3]
    ex = run(_fill(template, GROUPS[team]))
    people = [set(m.participants) for m in ex.meetings]
    assert people == [{a.name, b.name, c.name}], people
