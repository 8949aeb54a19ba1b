"""A summit or a delegation whose people are named in another sentence than its meeting,
generated over groups of leaders: a roll call with a bare 'attended' after a sentence that
tells a summit ('Leaders of four countries gathered in X for a summit. A, B and C
attended.'); a delegation described right after the talks it held ('A delegation of
leaders held talks with D. The delegation was led by A, and included B and C.') or in a
relative clause of the sentence that tells them ('The delegation, which was led by A and
included B and C, held talks with D').  Negative twins: the same roll call as a plan or a
refusal, and a delegation described with no talks.  Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, TUESDAY, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _ids(team):
    return team[0].name.split()[-1]


ROLL_CALL = (
    "Leaders of four countries gathered in {Acap} on Tuesday for a summit on migration. "
    "{At}, {Bt} and {Ct} attended."
)
NO_ROLL_CALL = {
    "expected": "Leaders of four countries will gather in {Acap} next week for a summit on "
    "migration. {At}, {Bt} and {Ct} are expected to attend.",
    "did_not": "Leaders of four countries gathered in {Acap} on Tuesday for a summit on "
    "migration. {At}, {Bt} and {Ct} did not attend.",
}


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
def test_a_roll_call_after_a_summit_is_the_summit(run, team):
    ex = run(_fill(ROLL_CALL, team))
    found = _match(ex, [leader.name for leader in team[:3]])
    assert found, [m.participants for m in ex.meetings]
    assert found[0].date == TUESDAY


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("template", NO_ROLL_CALL.values(), ids=NO_ROLL_CALL.keys())
def test_a_roll_call_planned_or_denied_is_no_summit(run, team, template):
    ex = run(_fill(template, team))
    assert not _match(ex, [leader.name for leader in team[:2]]), [
        m.participants for m in ex.meetings
    ]


DELEGATION = {
    "described_after": "A delegation of leaders arrived in {Dcap} on Tuesday for talks with "
    "{Dt}. The delegation was led by {At}, and included {Bt} and {Ct}.",
    "relative_clause": "The delegation, which was led by {At}, and included {Bt} and {Ct}, "
    "held talks with {Dt} in {Dcap} on Tuesday.",
    "described_before": "A delegation of leaders arrived in {Dcap} on Tuesday. The delegation "
    "was led by {At} and included {Bt} and {Ct}. The delegation held talks with {Dt} on "
    "Tuesday.",
}


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("template", DELEGATION.values(), ids=DELEGATION.keys())
def test_every_member_of_a_delegation_meets_its_host(run, team, template):
    ex = run(_fill(template, team))
    found = _match(ex, [leader.name for leader in team])
    assert found, [m.participants for m in ex.meetings]
    assert found[0].date == TUESDAY


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
def test_a_delegation_described_without_talks_meets_no_one(run, team):
    text = _fill(
        "Leaders of the region spoke on Tuesday about the crisis. The delegation to {Dcap} "
        "will be led by {At} and will include {Bt} and {Ct}.",
        team,
    )
    ex = run(text)
    assert not _match(ex, [team[0].name, team[3].name]), [m.participants for m in ex.meetings]


JOINED = "{At} hosted a summit in {Acap} on Tuesday with {Bt} and {Ct}. {Dt} {verb}."
JOINED_LATER = (
    "joined the talks later in the day",
    "joined the summit on its second day",
    "joined the leaders on the second day",
    "joined them for dinner",
)
NOT_JOINED = (
    "will join the talks on Wednesday",
    "declined to join the talks",
    "did not join the summit",
    "is expected to join the talks on Wednesday",
    "did not join the leaders",
    "will join them on Wednesday",
)


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("verb", JOINED_LATER)
def test_a_leader_who_joined_the_talks_later_takes_part(run, team, verb):
    ex = run(_fill(JOINED.replace("{verb}", verb), team))
    assert _match(ex, [leader.name for leader in team]), [m.participants for m in ex.meetings]


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize("verb", NOT_JOINED)
def test_a_leader_who_will_or_would_not_join_takes_no_part(run, team, verb):
    ex = run(_fill(JOINED.replace("{verb}", verb), team))
    assert _match(ex, [leader.name for leader in team[:3]]), [m.participants for m in ex.meetings]
    assert not _match(ex, [team[0].name, team[3].name]), [m.participants for m in ex.meetings]
