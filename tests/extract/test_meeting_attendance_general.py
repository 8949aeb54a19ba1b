"""Who else was there, generated: onlookers of a signing, stand-ins and delegations at a
summit, and long lists of participants the parser breaks (CheckList style).

Templates are filled with groups of four registry leaders (see test_meetings_general);
each positive kind has a negative twin that uses the same words for someone who was not
there (a plan, a refusal, an onlooker of something else).  Sentences written for these
tests.
"""

from __future__ import annotations

import pytest

from tests.extract.test_meetings_general import GROUPS, MONDAY, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


ONLOOKERS = {
    "as_looked_on": "{At} and {Bt} signed the treaty in {Bcap} on Monday as {Ct} and {Dt} "
    "looked on.",
    "looked_on_next_sentence": "{At} and {Bt} signed the accord in {Bcap} on Monday. {Ct} and "
    "{Dt} looked on from the stage.",
    "watched_as": "{Ct} and {Dt} watched as {At} and {Bt} signed the declaration in {Bcap} on "
    "Monday.",
    "passive_signing_looked_on": "The treaty was signed in {Bcap} on Monday by {A} and {B}, "
    "while {Ct} and {Dt} looked on.",
}
STAND_INS = {
    "joined_at_summit_by": "{At} was joined at the summit in {Bcap} on Monday by {Bt}, {Ct} and "
    "{Dc}'s {DO} {D}.",
    "joined_by_and_sent_in_place": "{At} hosted the regional summit in {Acap} on Monday. "
    "{Ahe} was joined by {Bt} and {Ct}. {Dc} sent {DO} {D} in {Dpos} leader's place.",
    "represented_by": "{At} hosted the regional summit in {Acap} on Monday, attended by {Bt} "
    "and {Ct}. {Dc} was represented by {DO} {D}.",
    "led_delegations": "{At} chaired the summit with {Bt} in {Acap} on Monday. {Ct} and {Dt} "
    "led their countries' delegations.",
    "attended_the_signing": "{At}, {Bt} and {Ct} signed the regional declaration in {Acap} on "
    "Monday. {Dt} attended the signing.",
}
# Negative twins: the same words for someone who was not there.
NOT_THERE = {
    "will_be_represented": "{At} hosted the regional summit in {Acap} on Monday, attended by "
    "{Bt} and {Ct}. {Dc} will be represented by {DO} {D} at the next one.",
    "refused_to_attend": "{At}, {Bt} and {Ct} signed the regional declaration in {Acap} on "
    "Monday. {Dt} refused to attend the signing.",
    "looked_on_elsewhere_later": "{At} and {Bt} signed the treaty in {Bcap} on Monday. The "
    "markets rallied. Investors were calm. Analysts said so. On Friday {Ct} and {Dt} looked "
    "on at a football match.",
    "sent_a_letter": "{At} hosted the regional summit in {Acap} on Monday, attended by {Bt} "
    "and {Ct}. {Dt} sent a letter of support.",
}


def _ids(groups):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in GROUPS
    ]


@pytest.mark.parametrize("template,team", _ids(ONLOOKERS))
def test_onlookers_of_a_signing_take_part(run, template, team):
    names = [x.name for x in team]
    found = _match(run(_fill(template, team)), names)
    assert found and set(found[0].participants) == set(names), [
        m.participants for m in run(_fill(template, team)).meetings
    ]
    assert found[0].date == MONDAY


@pytest.mark.parametrize("template,team", _ids(STAND_INS))
def test_stand_ins_and_delegations_take_part_in_the_summit(run, template, team):
    ex = run(_fill(template, team))
    names = [x.name for x in team]
    found = _match(ex, names)
    assert found and set(found[0].participants) == set(names), [m.participants for m in ex.meetings]
    assert found[0].date == MONDAY


@pytest.mark.parametrize("template,team", _ids(NOT_THERE))
def test_someone_not_there_does_not_join(run, template, team):
    ex = run(_fill(template, team))
    assert not any(team[3].name in m.participants for m in ex.meetings), [
        m.participants for m in ex.meetings
    ]


# Others told as 'also' there join the meeting just told, of two as of more, and make no
# meeting of their own.
TALKS = "{At} held talks with {Bt} in {Bcap} on Monday. "
ALSO_THERE = {
    "also_present_at": TALKS + "{Ct} was also present at the meeting.",
    "also_present_in_two": TALKS + "{Ct} and {Dt} were also present in the meeting.",
    "also_attending_were": TALKS + "Also attending were {Ct} and {Dt}.",
    "present_at_the_talks_were": TALKS + "Present at the talks were {Ct} and {Dt}.",
    "also_attended_the_meeting": TALKS + "{Ct} also attended the meeting.",
    "also_took_part": TALKS + "{Ct} and {Dt} also took part in the talks.",
    "also_in_attendance": TALKS + "Also in attendance were {Ct} and {Dt}.",
    "talks_also_attended_by": TALKS + "The talks were also attended by {Ct} and {Dt}.",
    "among_those_present": TALKS + "{Ct} and {Dt} were among those present.",
}
# Negative twins: the same words for someone who was not there.
NOT_ALSO_THERE = {
    "not_present": TALKS + "{Ct} was not present at the meeting.",
    "did_not_attend": TALKS + "{Ct} did not attend the talks.",
    "will_also_attend": TALKS + "{Ct} will also attend the next round of talks.",
}


@pytest.mark.parametrize("template,team", _ids(ALSO_THERE))
def test_those_also_present_join_the_meeting_just_told(run, template, team):
    ex = run(_fill(template, team))
    there = team[:4] if "{Dt}" in template else team[:3]
    assert [set(m.participants) for m in ex.meetings] == [{x.name for x in there}], [
        m.participants for m in ex.meetings
    ]


@pytest.mark.parametrize("template,team", _ids(NOT_ALSO_THERE))
def test_those_not_present_do_not_join_the_meeting(run, template, team):
    ex = run(_fill(template, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}], [
        m.participants for m in ex.meetings
    ]


# Joining the meeting just told, and its twin: what should have happened and did not.
JOINED = {
    "joined_them": TALKS + "{Ct} joined them.",
    "later_joined_the_talks": TALKS + "{Ct} later joined the talks.",
    "attended_the_meeting": TALKS + "{Ct} attended the meeting.",
}
SHOULD_HAVE_JOINED = {
    "supposed_to_have_joined": TALKS + "{Ct} was supposed to have joined them.",
    "supposed_to_join": TALKS + "{Ct} was supposed to join the talks.",
    "meant_to_attend": TALKS + "{Ct} was meant to attend the meeting.",
    "due_to_join_but": TALKS + "{Ct} was due to join them but cancelled.",
    "expected_to_attend_but": TALKS + "{Ct} had been expected to attend but stayed at home.",
    "supposed_in_a_relative_clause": "{At}, who was supposed to have joined {Ct} in {Ccap}, "
    "held talks with {Bt} in {Bcap} on Monday.",
}


@pytest.mark.parametrize("template,team", _ids(JOINED))
def test_joining_the_meeting_just_told_takes_part_in_it(run, template, team):
    ex = run(_fill(template, team))
    assert [set(m.participants) for m in ex.meetings] == [{x.name for x in team[:3]}], [
        m.participants for m in ex.meetings
    ]


@pytest.mark.parametrize("template,team", _ids(SHOULD_HAVE_JOINED))
def test_who_should_have_joined_met_no_one(run, template, team):
    ex = run(_fill(template, team))
    assert [set(m.participants) for m in ex.meetings] == [{team[0].name, team[1].name}], [
        m.participants for m in ex.meetings
    ]


# A meeting told by its noun alone, and its twin: the same words for a meeting to come or
# words that reached their listener elsewhere.
NOUN_TOLD = {
    "talks_attended_by": "The talks in {Bcap} on Monday were attended by {At} and {Bt}.",
    "meeting_attended_by_possessives": "The meeting in {Bcap} on Monday was attended by "
    "{Ac}'s {Ao}, {A}, and {Bc}'s {Bo}, {B}.",
    "started_where_told": "The meeting started at 10 a.m. on Monday, where {At} told {Bt} "
    "that trade would grow.",
    "began_during_which": "The talks began in {Bcap} on Monday, during which {At} assured {Bt} "
    "of support.",
    "under_way_then_told": "The meeting got under way in {Bcap} on Monday. {At} told {Bt} "
    "that the war must end.",
}
NOUN_NOT_HELD = {
    "will_be_attended": "The talks in {Bcap} next week will be attended by {At} and {Bt}.",
    "to_be_attended": "The meeting was to be attended by {At} and {Bt}, but it was called off.",
    "will_start": "The meeting will start at 10 a.m., when {At} is expected to tell {Bt} that "
    "trade will grow.",
    "told_in_a_letter": "The meeting started at 10 a.m. {At} told {Bt} in a letter that the "
    "war must end.",
}


@pytest.mark.parametrize("template,team", _ids(NOUN_TOLD))
def test_a_meeting_told_by_its_noun_alone_is_found(run, template, team):
    ex = run(_fill(template, team))
    assert {team[0].name, team[1].name} in [set(m.participants) for m in ex.meetings], [
        m.participants for m in ex.meetings
    ]


@pytest.mark.parametrize("template,team", _ids(NOUN_NOT_HELD))
def test_a_meeting_noun_not_held_tells_no_meeting(run, template, team):
    ex = run(_fill(template, team))
    assert not ex.meetings, [m.participants for m in ex.meetings]
