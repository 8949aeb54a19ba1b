"""Meetings told in a clause hung on another event.

'A met C on Wednesday, a day after holding talks with B' is a meeting with B on its own
day, counted back from the main clause's; 'a day after refusing to meet B' is none.  'A
gave B a book when the two met' is about A and B, whom the sentence links, not the pair
the story met before; a plural that is not a clause's subject ('stood beside the two
men') keeps the story's pair.  The sentences are written for these tests and read with
the shipped leader registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, MONDAY, TUESDAY, WEDNESDAY, _fill, _match


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


def _ids(team):
    return team[0].name.split()[-1]


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    ("template", "day"),
    [
        (
            "{At} met {Ct} in {Ccap} on Wednesday, a day after holding talks with {Bt} in {Bcap}.",
            TUESDAY,
        ),
        ("{At} met {Ct} in {Ccap} on Wednesday, two days after meeting {Bt} in {Bcap}.", MONDAY),
        (
            "{At} arrived in {Ccap} on Wednesday, the day after holding talks with {Bt} in {Bcap}.",
            TUESDAY,
        ),
        ("{At} met {Ct} in {Ccap} on Wednesday, hours after meeting {Bt} in {Bcap}.", WEDNESDAY),
    ],
    ids=["a_day_after_talks", "two_days_after_meeting", "arrived_the_day_after", "hours_after"],
)
def test_a_measured_clause_is_a_meeting_on_its_own_day(run, team, template, day):
    ex = run(_fill(template, team))
    found = _match(ex, [team[0].name, team[1].name])
    assert found, ex.meetings
    assert found[0].date == day and found[0].host_country == team[1].country
    assert not _match(ex, [team[0].name, team[1].name, team[2].name])


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
def test_a_measured_clause_before_counts_forward(run, team):
    text = _fill(
        "{At} met {Ct} in {Ccap} on Monday, a day before holding talks with {Bt} in {Bcap}.", team
    )
    found = _match(run(text), [team[0].name, team[1].name])
    assert found and found[0].date == TUESDAY


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "clause",
    [
        "refusing to meet {Bt}",
        "declining an invitation from {Bt} to visit {Bcap}",
        "criticising {Bt} over trade",
    ],
    ids=["refused", "declined", "criticised"],
)
def test_a_measured_clause_without_a_meeting_gives_none(run, team, clause):
    text = _fill("{At} met {Ct} in {Ccap} on Wednesday, a day after " + clause + ".", team)
    ex = run(text)
    assert _match(ex, [team[0].name, team[2].name])
    assert not _match(ex, [team[0].name, team[1].name])


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "second",
    [
        "{Ct} gave {Dt} a signed football shirt when the two met in {Dcap} in 2015.",
        "{Ct} handed {Dt} a first edition of a novel as the two met in {Dcap} in 2015.",
    ],
    ids=["gave_when", "handed_as"],
)
def test_the_two_are_the_pair_their_sentence_links(run, team, second):
    text = _fill("{At} welcomed {Bt} to {Acap} on Monday. " + second, team)
    ex = run(text)
    story = _match(ex, [team[0].name, team[1].name])
    assert story and all(m.date == MONDAY for m in story)  # no second, 2015 meeting
    past = _match(ex, [team[2].name, team[3].name])
    assert past and past[0].date is None and past[0].host_country == team[3].country


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "second",
    [
        "{Ct} praised the accord as the two signed it.",
        "{Ct} later told reporters that the two had done well.",
    ],
    ids=["praised_as", "told_that"],
)
def test_the_two_of_a_sentence_linking_no_one_stay_the_story_pair(run, team, second):
    text = _fill("{At} met {Bt} in {Bcap} on Monday. " + second, team)
    ex = run(text)
    assert _match(ex, [team[0].name, team[1].name])
    assert not _match(ex, [team[0].name, team[2].name])
    assert not _match(ex, [team[1].name, team[2].name])


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "template",
    [
        "{At} invited {Bt} to {Acap} for talks on Monday.",
        "On Monday {At} invited {Bt} to {Acap} for talks, an offer {B} declined.",
        "{At} invited {Bt} to {Acap} for a summit on trade.",
    ],
    ids=["invited_for_talks", "offer_declined", "invited_for_summit"],
)
def test_an_invitation_for_talks_is_no_meeting(run, team, template):
    ex = run(_fill(template, team))
    assert not _match(ex, [team[0].name, team[1].name]), ex.meetings


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "template",
    [
        "{Bt} held talks with {At} in {Acap} on Monday at the invitation of {A}.",
        "At the invitation of {At}, {Bt} travelled to {Acap} and met {A} there on Monday.",
    ],
    ids=["at_the_invitation", "travelled_and_met"],
)
def test_talks_held_at_an_invitation_are_a_meeting(run, team, template):
    found = _match(run(_fill(template, team)), [team[0].name, team[1].name])
    assert found and found[0].date == MONDAY
