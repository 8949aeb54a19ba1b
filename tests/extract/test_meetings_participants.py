"""Meetings in plain English: who takes part.  A city, a spouse, a caption, critics or
onlookers are no party; lists, attendance and things done together are; one caller
phoning two leaders made two calls.  The sentences are written for these tests and
read with the shipped leader registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import (
    GROUPS,
    MODI,
    MONDAY,
    PAIRS,
    RAMAPHOSA,
    _fill,
    _match,
)


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_city_is_not_a_participant(run, team):
    third = next(x for x in (RAMAPHOSA, MODI) if x not in team)
    ex = run(_fill("{At}, {Bt} and {Ct} met in {Bcap} on Monday.", (*team, third)))
    for m in ex.meetings:
        assert team[1].capital not in m.participants


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_two_pairs_meeting_in_one_sentence_are_two_meetings(run, team):
    """A list runs only to the name after 'and': 'A met B, and C met D' is no list of three."""
    ex = run(_fill("{At} met {Bt} in {Bcap} on Monday, and {Ct} met {Dt} on Tuesday.", team))
    for m in ex.meetings:
        assert len(m.participants) == 2, m.participants


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_list_ends_where_a_new_clause_starts(run, team):
    text = "{At} met {Bt}, {Ct} and {Dt} in {Bcap} on Monday, {A}'s spokesman said."
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{x.name for x in team}]


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_leaders_in_attendance_met(run, team):
    text = "The regional summit opened on Monday. {At}, {Bt}, {Ct} and {Dt} were in attendance."
    found = _match(run(_fill(text, team)), [x.name for x in team])
    assert found and found[0].date == MONDAY


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_two_in_attendance_or_in_attendance_of_others_is_no_gathering(run, team):
    for text in (
        "The summit opened on Monday. {At} and {Bt} were in attendance.",
        "{At}, {Bt} and {Ct} were in attendance at hearings in their own capitals on Monday.",
        "The court sat on Monday. {At}, {Bt} and {Ct} were in attendance.",
    ):
        assert not run(_fill(text, team)).meetings, text


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_among_the_leaders_who_attended(run, team):
    text = "{At} and {Bt} were among the leaders who attended the summit in {Bcap} on Monday."
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].date == MONDAY and found[0].kind == "summit"


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_among_the_critics_who_attacked_is_no_meeting(run, team):
    text = "{At} and {Bt} were among the critics who attacked the plan on Monday."
    assert not run(_fill(text, team)).meetings


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} and {Bt} oversaw the signing of a trade pact in {Bcap} on Monday.",
        "{At} and {Bt} witnessed the launch of a joint satellite in {Bcap} on Monday.",
        "{Bt} toasted {At} at a state banquet in {Bcap} on Monday.",
    ],
    ids=["oversaw", "witnessed", "toasted"],
)
def test_leaders_doing_something_together_met(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "{At} oversaw the signing of a contract with {Bd} firms in {Acap} on Monday.",
        "{At} and {Bt} each witnessed a missile test at home on Monday.",
        "{At} toasted the victory of {Apos} party in {Acap} on Monday.",
    ],
    ids=["oversaw_alone", "each_witnessed", "toasted_a_victory"],
)
def test_doing_something_alone_is_no_meeting(run, team, template):
    assert not run(_fill(template, team)).meetings


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "caption",
    [
        "{At} shakes hands with {Bt} as {Ct} looks on at the palace in {Bcap}. AFP",
        "{At} (L) shakes hands with {Bt} (R) at the palace in {Bcap}.",
        "{At} greets {Bt} at the palace in {Bcap} on Monday. \u2014 Reuters",
    ],
    ids=["looks_on_agency", "left_right", "dash_agency"],
)
def test_a_caption_picturing_the_meeting_is_no_second_meeting(run, team, caption):
    text = "{Bt} received {At} and {Ct} at the palace in {Bcap} on Monday.\n\n" + caption
    found = [set(m.participants) for m in run(_fill(text, team)).meetings]
    assert found == [{team[0].name, team[1].name, team[2].name}], found


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_caption_of_other_leaders_stays_a_meeting(run, team):
    text = (
        "{Bt} received {At} at the palace in {Bcap} on Monday.\n\n"
        "{Ct} shakes hands with {Dt} at a summit in {Ccap}. AFP"
    )
    found = [set(m.participants) for m in run(_fill(text, team)).meetings]
    assert {team[2].name, team[3].name} in found and {team[0].name, team[1].name} in found


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_the_two_leaders_are_not_a_leader_and_a_spouse(run, team):
    text = (
        "{Bt} and {Bpos} wife, Maria Okafor, walked {At} into the palace in {Bcap} on Monday. "
        "As the two leaders sat down for their talks, {B} praised the visit."
    )
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}]


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_couple_sitting_down_is_no_meeting(run, team):
    text = (
        "{At} and {Apos} wife, Maria Okafor, toured a museum in {Acap} on Monday. "
        "Later they sat down for dinner with friends."
    )
    assert not run(_fill(text, team)).meetings


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_one_caller_phoning_two_leaders_made_two_calls(run, team):
    a, b, c = team[:3]
    ex = run(_fill("{At} telephoned both {B} and {C} on Tuesday.", team))
    calls = {frozenset(m.participants) for m in ex.meetings if m.kind == "call"}
    assert calls == {frozenset({a.name, b.name}), frozenset({a.name, c.name})}


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_joined_at_a_summit_by_others_is_its_own_meeting(run, team):
    text = _fill(
        "{Bt} received {At} in {Bcap} on Monday. On Tuesday, {Bt} was joined by {A}, {C} and "
        "{D} at a summit in {Bcap}.",
        team,
    )
    found = {frozenset(m.participants) for m in run(text).meetings}
    assert frozenset(x.name for x in team) in found
    assert frozenset({team[0].name, team[1].name}) in found


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_joined_them_adds_the_earlier_pair(run, team):
    text = _fill(
        "{A} and {B} met in {Bcap} on Monday, and {C} and {D} joined them for a summit on Tuesday.",
        team,
    )
    found = {frozenset(m.participants) for m in run(text).meetings}
    assert found == {frozenset(x.name for x in team[:2]), frozenset(x.name for x in team)}


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "template",
    [
        "Officials working for {A}, {B} and {C} gathered evidence on Monday.",
        "Aides to {A}, {B} and {C} gathered in {Bcap} on Monday.",
    ],
)
def test_a_gathering_of_others_is_no_meeting_of_the_leaders(run, team, template):
    assert not run(_fill(template, team)).meetings


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_both_having_spoken_is_no_conversation(run, team):
    text = "{A} and {B} had both spoken at the assembly on Tuesday, hours apart, without meeting."
    assert not _match(run(_fill(text, team)), [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_both_visited_is_one_visit_each(run, team):
    text = _fill("{A} and {C} both visited {Bt} in {Bcap} last year.", team)
    found = {frozenset(m.participants) for m in run(text).meetings}
    a, b, c = team[0].name, team[1].name, team[2].name
    assert found == {frozenset({a, b}), frozenset({c, b})}


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_spouse_beside_the_host_is_no_party_to_the_meeting(run, team):
    text = "{Bt} and {Bpos} wife, Maria Okafor, welcomed {At} to {Bcap} on Monday."
    ex = run(_fill(text, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto met Kenyan opposition leader Raila Odinga in Nairobi "
        "on Monday.",
        "French President Emmanuel Macron telephoned French Prime Minister Gabriel Attal on "
        "Tuesday.",
    ],
    ids=["ruto-odinga", "macron-attal"],
)
def test_leaders_of_one_state_meeting_is_domestic_not_diplomatic(run, text):
    assert run(text).meetings == ()
