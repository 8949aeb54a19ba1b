"""Two kinds of false meeting, generated over leader pairs: co-hosts of a meal or a
reception ('A and B hosted a lunch for the prize winners') host together and do not meet
each other, unless what they host is itself talks or a summit or its guest is named; and a
journey told in the present progressive ('A is travelling to X for talks with B', 'is
making a trip to X for a meeting with B') is still going on, so the meeting it is for is to
come, while the same journey in the past ('travelled to X for talks with B') tells talks
held.  Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import PAIRS, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


CO_HOSTED = {
    "lunch": "{At} and {Bt} hosted a lunch in {Bcap} on Monday for the winners of a science prize.",
    "reception": "On Monday {At} and {Bt} hosted a reception for business leaders in {Bcap}.",
    "dinner": "{At} and {Bt} hosted a dinner at the embassy in {Bcap} on Monday.",
}
MET_AS_HOST_AND_GUEST = {
    "hosted_guest": "{Bt} hosted {At} at a lunch in {Bcap} on Monday.",
    "hosted_talks": "{At} and {Bt} hosted talks in {Bcap} on Monday.",
    "hosted_summit": "{At} and {Bt} hosted a summit in {Bcap} on Monday.",
}
UNDER_WAY = {
    "travelling_for_talks": "{At} is travelling to {Bcap} for talks with {Bt}, {Apos} office "
    "said on Thursday.",
    "making_trip_for_meeting": "{At} is making a trip to {Bcap} for a meeting with {Bt}.",
    "heading_for_talks": "{At} is heading to {Bcap} for talks with {Bt}.",
}
DONE = {
    "travelled_for_talks": "{At} travelled to {Bcap} on Monday for talks with {Bt}.",
    "made_trip_for_meeting": "{At} made a trip to {Bcap} on Monday for a meeting with {Bt}.",
    "flew_for_talks": "{At} flew to {Bcap} on Monday for talks with {Bt}.",
}


def _ids(groups):
    return [
        pytest.param(text, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, text in groups.items()
        for team in PAIRS
    ]


def _pair(run, template, team):
    ex = run(_fill(template, team))
    return _match(ex, [team[0].name, team[1].name]), ex


@pytest.mark.parametrize("template,team", _ids(CO_HOSTED))
def test_co_hosts_of_a_meal_do_not_meet_each_other(run, template, team):
    found, ex = _pair(run, template, team)
    assert not found, [m.participants for m in ex.meetings]


@pytest.mark.parametrize("template,team", _ids(MET_AS_HOST_AND_GUEST))
def test_a_named_guest_or_hosted_talks_are_a_meeting(run, template, team):
    found, ex = _pair(run, template, team)
    assert found, [m.participants for m in ex.meetings]


@pytest.mark.parametrize("template,team", _ids(UNDER_WAY))
def test_a_journey_under_way_is_for_a_meeting_to_come(run, template, team):
    found, ex = _pair(run, template, team)
    assert not found, [m.participants for m in ex.meetings]


@pytest.mark.parametrize("template,team", _ids(DONE))
def test_a_journey_made_tells_the_meeting_held(run, template, team):
    found, ex = _pair(run, template, team)
    assert found, [m.participants for m in ex.meetings]
