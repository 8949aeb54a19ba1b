"""Meetings in plain English: their day.  Background meetings get no invented date, a
summit told later is the one told first, since-clauses and past summits lend nothing,
reported pluperfects are the same meeting.  The sentences are written for these tests
and read with the shipped leader registry.
"""

from __future__ import annotations

import pytest

from tests.extract.meeting_cases import (
    GROUPS,
    MODI,
    MONDAY,
    PAIRS,
    RAMAPHOSA,
    TUESDAY,
    _fill,
    _match,
)


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_background_meeting_has_no_invented_date(run, team):
    ex = run(_fill("In 2009 {At} met {Bt} in {Bcap}.", team))
    m = _match(ex, [team[0].name, team[1].name])
    assert m and m[0].date is None and m[0].host_country == team[1].country


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize(
    "later",
    [
        "{At} and {Ct} were among the leaders who attended the summit.",
        "{At}, {Ct} and {Dt} were in attendance.",
    ],
    ids=["among", "in_attendance"],
)
def test_the_summit_told_later_is_the_one_told_first(run, team, later):
    text = "Trade dominated the agenda. A regional summit opened in {Bcap} on Monday. " + later
    ex = run(_fill(text, team))
    found = _match(ex, [team[0].name, team[2].name])
    assert found and found[0].date == MONDAY and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
def test_a_past_summit_lends_no_place(run, team):
    text = (
        "The summit in {Bcap} last year ended in acrimony.\n\n"
        "{At} and {Ct} were among the leaders who attended the summit."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[2].name])
    assert found and found[0].host_country != team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_a_since_clause_does_not_date_the_meeting(run, team):
    text = (
        "{At} met {Bt} in {Bcap} on Monday. It was their first meeting since {B} took office "
        "in January; the two leaders talked about trade."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert len(found) == 1 and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_reported_pluperfect_is_the_same_meeting(run, team):
    text = (
        "{At} met {Bt} in {Bcap} on Monday. Afterwards the two leaders said they had held "
        "constructive talks."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert len(found) == 1 and found[0].date == MONDAY


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_pluperfect_of_the_same_week_is_dated_not_background(run, team):
    text = "{A} had called on {Bt} on Tuesday, {Apos} first full day in {Bcap}."
    found = _match(run(_fill(text, team)), [team[0].name, team[1].name])
    assert found and found[0].date == TUESDAY and found[0].host_country == team[1].country


@pytest.mark.parametrize("team", PAIRS, ids=lambda t: t[0].name.split()[-1])
def test_an_earlier_stop_this_week_is_not_the_main_meeting(run, team):
    third = next(x for x in (RAMAPHOSA, MODI) if x not in team)
    text = _fill(
        "{At} met {Bt} in {Bcap} on Wednesday. {A} had been in {Ccap} on Monday for talks "
        "with {Ct}.",
        (*team, third),
    )
    ex = run(text)
    assert ex.meetings and set(ex.meetings[0].participants) == {team[0].name, team[1].name}
    earlier = _match(ex, [team[0].name, third.name])
    assert earlier and earlier[0].date == MONDAY


@pytest.mark.parametrize("team", GROUPS, ids=lambda t: t[0].name.split()[-1])
@pytest.mark.parametrize("when", ["the night before", "a day earlier", "the previous day"])
def test_a_meeting_a_day_before_the_told_one_is_dated_from_it(run, team, when):
    text = (
        "{At} held talks with {Bt} in {Bcap} on Tuesday. {A} had met {Ct} in {Ccap} " + when + "."
    )
    found = _match(run(_fill(text, team)), [team[0].name, team[2].name])
    assert found and found[0].date == MONDAY
