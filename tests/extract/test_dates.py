"""Date resolution is pure: no model needed."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.dates import mentions_past, resolve

THU = dt.date(2024, 3, 14)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Tuesday", dt.date(2024, 3, 12)),
        ("Monday evening", dt.date(2024, 3, 11)),
        ("on Thursday", dt.date(2024, 3, 14)),  # same weekday as the paper: that day
        ("on Friday", dt.date(2024, 3, 8)),  # a weekday after the paper's is last week's
        ("March 2", dt.date(2024, 3, 2)),
        ("on 2 March", dt.date(2024, 3, 2)),
        ("December 28", dt.date(2023, 12, 28)),  # well after publication: the year before
        ("June 5, 1971", dt.date(1971, 6, 5)),
        ("yesterday", dt.date(2024, 3, 13)),
        ("Independence Day last July", dt.date(2023, 7, 4)),
    ],
)
def test_day_is_resolved_against_the_publication_date(text, expected):
    assert resolve(text, THU) == expected


@pytest.mark.parametrize(
    "text",
    [
        "last July",
        "in November 1985",
        "2014",
        "earlier this month",
        "next Tuesday",
        "in the coming weeks",
    ],
)
def test_no_date_without_a_stated_day(text):
    assert resolve(text, THU) is None


def test_that_same_afternoon_takes_the_previous_date():
    earlier = dt.date(1999, 5, 4)
    assert resolve("that same afternoon", THU, previous=earlier) == earlier


def test_weekday_needs_a_publication_date():
    assert resolve("on Tuesday", None) is None


@pytest.mark.parametrize(
    "text, past",
    [
        ("last July", True),
        ("in November 2014", True),
        ("earlier this month", True),
        ("on Tuesday", False),
        ("that same afternoon", False),
    ],
)
def test_background_time_expressions(text, past):
    assert mentions_past(text, THU) is past


@pytest.mark.parametrize(
    "text, past",
    [
        ("the last morning of her stay", False),  # part of the reported event
        ("last night", False),
        ("the last day", False),
        ("last July", True),
        ("earlier this month", True),
        ("last week", True),
    ],
)
def test_last_part_of_a_day_is_not_an_earlier_event(text, past):
    assert mentions_past(text, THU) is past


@pytest.mark.parametrize("text", ["last July", "earlier this month", "next Tuesday", "in June"])
def test_no_day_for_months_and_future_weekdays(text):
    assert resolve(text, THU) is None


# Meeting dates in context (model needed): weekday of the verb, lede days, "since" clauses.
MEETING_DATES = [
    (
        "weekday-before-publication",
        "President Anna Novak met Prime Minister Jan Horak in Brno on Saturday.",
        dt.date(2024, 3, 9),
    ),
    (
        "since-is-another-event",
        "President Anna Novak spoke to Prime Minister Jan Horak by telephone on Friday, their "
        "first conversation since May 2021.",
        dt.date(2024, 3, 8),
    ),
    (
        "day-of-a-visit-stated-apart",
        "President Anna Novak greeted her guest, Prime Minister Jan Horak, with a military "
        "ceremony.\n\nOn Tuesday the official programme of the visit began.",
        dt.date(2024, 3, 12),
    ),
    (
        "earlier-this-month-undated",
        "President Anna Novak, who saw Prime Minister Jan Horak in Brno earlier this month, "
        "said nothing.",
        None,
    ),
    (
        "arrival-day-of-a-governing-verb",
        "President Anna Novak arrived in Brno on Monday and held talks with Prime Minister "
        "Jan Horak.",
        dt.date(2024, 3, 11),
    ),
]


@pytest.mark.parametrize(
    "text, expected", [c[1:] for c in MEETING_DATES], ids=[c[0] for c in MEETING_DATES]
)
def test_meeting_dates_in_context(run, text, expected):
    ex = run(text)
    assert [m.date for m in ex.meetings] == [expected]
