"""An earlier meeting told in passing ('the talks come after the two met in X', 'their
first meeting since they met in X', 'a year after they met in X') is a meeting of its
own: it keeps its place (and its day when one is told) and lends neither to the story's
meeting.  Its twin: a meeting told after 'after' in the story's own days is the story's.
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.meeting_cases import MONDAY, PAIRS, _fill


@pytest.fixture(scope="module")
def run(run_registered):
    return run_registered


EARLIER = {
    "come_after": "{At} held talks with {Bt} on Monday. The talks come after the two leaders "
    "met in Lusaka.",
    "first_since": "{At} met {Bt} on Monday. It was their first meeting since they met in "
    "Lusaka last year.",
    "months_after": "{At} met {Bt} on Monday, months after they met in Lusaka.",
    "year_after": "{At} met {Bt} on Monday, a year after they met in Lusaka.",
    "second_after_talks": "{At} met {Bt} on Monday, their second meeting after talks in "
    "Lusaka in January.",
    "after_in_month": "{At} held talks with {Bt} on Monday, after the two met in Lusaka in "
    "October.",
}


@pytest.mark.parametrize("pair", PAIRS[:3], ids=lambda p: p[0].name)
@pytest.mark.parametrize("template", EARLIER.values(), ids=EARLIER)
def test_an_earlier_meeting_told_in_passing_is_a_meeting_of_its_own(run, template, pair):
    a, b = pair
    ex = run(_fill(template, pair))
    both = [m for m in ex.meetings if {a.name, b.name} <= set(m.participants)]
    today = [m for m in both if m.date == MONDAY]
    earlier = [m for m in both if m.place == "Lusaka"]
    assert today and earlier, [(m.place, m.date) for m in both]
    assert all(m.place != "Lusaka" and m.host_country != "ZM" for m in today)
    assert all(m.date is None for m in earlier)  # no day is told for it


def test_a_day_measured_back_dates_the_earlier_meeting(run):
    a, b = PAIRS[0]
    ex = run(
        _fill(
            "{At} met {Bt} in {Bcap} on Tuesday, a day after they held talks in Mombasa.", PAIRS[0]
        )
    )
    days = {m.place: m.date for m in ex.meetings if {a.name, b.name} <= set(m.participants)}
    assert days == {b.capital: dt.date(2024, 3, 12), "Mombasa": MONDAY}, days


SAME_STORY = {
    "after_talks": "After talks in Lusaka on Monday, {At} and {Bt} signed a trade agreement.",
    "after_they_met": "{At} and {Bt} signed a trade agreement after they met in Lusaka on Monday.",
    "after_meeting": "{At} and {Bt} spoke to reporters after their meeting in Lusaka on Monday.",
}


@pytest.mark.parametrize("template", SAME_STORY.values(), ids=SAME_STORY)
def test_a_meeting_told_after_after_in_the_story_s_days_is_the_story_s(run, template):
    a, b = PAIRS[1]
    ex = run(_fill(template, PAIRS[1]))
    both = [m for m in ex.meetings if {a.name, b.name} <= set(m.participants)]
    assert [(m.place, m.date) for m in both] == [("Lusaka", MONDAY)]


def test_the_time_of_what_the_meeting_follows_is_not_the_meeting_s(run):
    """'their first meeting after their angry exchange in X in July last year': July is
    the exchange's, so the meeting is not read as an earlier one and split off."""
    a, b = PAIRS[2]
    text = (
        "{At} held talks with {Bt} in {Bcap}. {A} and {B} met in {Bcap}, their first "
        "meeting after their angry exchange in Lusaka in Zambia in July last year."
    )
    ex = run(_fill(text, PAIRS[2]))
    found = [m.place for m in ex.meetings]
    assert found == [b.capital], found
