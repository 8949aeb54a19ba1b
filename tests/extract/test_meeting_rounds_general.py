"""One leader meeting several: one meeting of all, or a round of meetings one by one.

'On the sidelines of the summit, A met B, C and D' and 'A held talks separately with B,
C and D' are a round of bilateral meetings (one each); 'A met B, C and D in X' with no such
word, and a trilateral or joint meeting on the sidelines, stay one meeting of all.  The
sentences are written for these tests and read with the shipped leader registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import GROUPS, TUESDAY, _fill, _ids, _people


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


ROUNDS = [
    "On the sidelines of the summit in {Acap} on Tuesday, {At} met {Bt}, {Ct} and {Dt}.",
    "{At} met {Bt}, {Ct} and {Dt} on the margins of the summit in {Acap} on Tuesday.",
    "{At} held talks separately with {Bt}, {Ct} and {Dt} in {Acap} on Tuesday.",
    "{At} met {Bt}, {Ct} and {Dt} separately in {Acap} on Tuesday.",
]


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    "template", ROUNDS, ids=["sidelines", "margins", "talks_separately", "met_separately"]
)
def test_a_round_of_meetings_is_one_meeting_each(run, team, template):
    ex = run(_fill(template, team))
    a = team[0].name
    for other in team[1:]:
        found = [m for m in ex.meetings if set(m.participants) == {a, other.name}]
        assert found, _people(ex)
        assert found[0].date == TUESDAY and found[0].host_country == team[0].country
    assert not any(len(p) > 2 for p in _people(ex))


TOGETHER = [
    ("{At} met {Bt}, {Ct} and {Dt} in {Acap} on Tuesday.", 4),
    (
        "On the sidelines of the summit in {Acap} on Tuesday, {At} held a trilateral meeting "
        "with {Bt} and {Ct}.",
        3,
    ),
    ("On the sidelines of the summit in {Acap} on Tuesday, {At} met {Bt} and {Ct} together.", 3),
]


@pytest.mark.parametrize("team", GROUPS, ids=_ids)
@pytest.mark.parametrize(
    ("template", "n"), TOGETHER, ids=["no_round_word", "trilateral", "together"]
)
def test_one_meeting_of_all_stays_one(run, team, template, n):
    ex = run(_fill(template, team))
    names = {x.name for x in team[:n]}
    assert names in _people(ex), _people(ex)
    assert not any(len(p) == 2 and team[0].name in p for p in _people(ex))


# A round told without 'separately': the event noun's own words (bilateral meetings in the
# plural, separate or one-on-one talks, a series of meetings) or a stretch of days.
ROUNDS_TOLD_PLAINLY = {
    "bilateral_meetings": "On the sidelines, {At} held bilateral meetings with {Bt}, {Ct} "
    "and {Dt}.",
    "this_week": "{At} had already met {Bt}, {Ct} and {Dt} this week.",
    "talks_on_the_margins": "{At} held talks with {Bt}, {Ct} and {Dt} on the margins.",
    "with_hung_on_sidelines": "{At} held bilateral talks on the sidelines with {Bt}, {Ct} and "
    "{Dt} on Tuesday.",
    "one_on_one_talks": "{At} had one-on-one talks with {Bt}, {Ct} and {Dt} on Tuesday.",
    "met_one_on_one": "{At} met one-on-one with {Bt}, {Ct} and {Dt} in {Acap} on Tuesday.",
    "series_of_meetings": "{At} held a series of meetings with {Bt}, {Ct} and {Dt} on Tuesday.",
    "past_days": "{At} met with {Bt}, {Ct} and {Dt} over the past two days.",
    "during_the_visit": "{At} met {Bt}, {Ct} and {Dt} during his visit to {Acap}.",
    "in_separate_meetings": "{At} met {Bt}, {Ct} and {Dt} in separate meetings on Tuesday.",
}


@pytest.mark.parametrize("team", GROUPS[:2], ids=_ids)
@pytest.mark.parametrize("template", ROUNDS_TOLD_PLAINLY.values(), ids=ROUNDS_TOLD_PLAINLY)
def test_a_round_told_plainly_is_one_meeting_each(run, team, template):
    ex = run(_fill(template, team))
    a = team[0].name
    for other in team[1:]:
        assert {a, other.name} in _people(ex), _people(ex)
    assert not any(len(p) > 2 for p in _people(ex)), _people(ex)


TOLD_AS_ONE = {
    "joint_meeting": "On the sidelines, {At} held a joint meeting with {Bt} and {Ct}.",
    "jointly": "{At} held talks with {Bt} and {Ct} jointly on the margins on Tuesday.",
    "one_day": "{At} had talks with {Bt} and {Ct} in {Acap} on Tuesday.",
    "pinpointed_last_week": "{At} met {Bt} and {Ct} in {Acap} last week.",
}


@pytest.mark.parametrize("team", GROUPS[:2], ids=_ids)
@pytest.mark.parametrize("template", TOLD_AS_ONE.values(), ids=TOLD_AS_ONE)
def test_the_words_of_a_round_told_of_one_meeting_keep_one(run, team, template):
    ex = run(_fill(template, team))
    assert {x.name for x in team[:3]} in _people(ex), _people(ex)
    assert not any(len(p) == 2 and team[0].name in p for p in _people(ex)), _people(ex)
