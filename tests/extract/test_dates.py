"""Date resolution is pure: no model needed."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.dates import mentions_future, mentions_past, resolve, weekday_before
from ingest.read import split_dateline

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
        ("last night", dt.date(2024, 3, 13)),  # the evening before the paper
        ("late last evening", dt.date(2024, 3, 13)),
        ("this morning", THU),
        ("earlier today", THU),
        ("on Sunday evening", dt.date(2024, 3, 10)),
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
        "the last night of the visit",  # told from the visit's days, not the paper's
        "on the last evening",
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


# The ends of the calendar: a dateline an editor can type must never crash extraction.
LAST_DAY = dt.date(9999, 12, 31)  # a Friday
FIRST_DAY = dt.date(1, 1, 1)  # a Monday
CALENDAR_ENDS = [LAST_DAY, FIRST_DAY, dt.date(9999, 12, 27), dt.date(1, 1, 5)]
RELATIVE_PHRASES = [
    "next week",
    "next year",
    "tomorrow",
    "in two days",
    "last week",
    "yesterday",
    "today",
    "on Sunday",
    "on Saturday",
    "last Monday",
    "on Tuesday next week",
    "on March 3",
    "on 3 March",
    "December 31",
    "January 1",
    "on Christmas Day",
    "Christmas Day last year",
    "New Year's Eve",
    "that same afternoon",
    "a week ago",
]


@pytest.mark.parametrize("published", CALENDAR_ENDS, ids=str)
@pytest.mark.parametrize("text", RELATIVE_PHRASES)
def test_dates_near_the_ends_of_the_calendar_resolve_without_error(text, published):
    resolve(text, published, previous=published)
    mentions_past(text, published)
    mentions_future(text)


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("yesterday", FIRST_DAY, None),  # the day before the first day does not exist
        ("on Sunday", FIRST_DAY, None),
        ("last Monday", FIRST_DAY, None),
        ("on Monday", FIRST_DAY, FIRST_DAY),
        ("December 31", FIRST_DAY, None),  # would be the year 0
        ("yesterday", LAST_DAY, dt.date(9999, 12, 30)),
        ("on March 3", LAST_DAY, dt.date(9999, 3, 3)),
        ("January 1", dt.date(9999, 12, 27), dt.date(9999, 1, 1)),
        ("on Sunday", LAST_DAY, dt.date(9999, 12, 26)),
    ],
)
def test_a_day_off_the_calendar_is_no_date(text, published, expected):
    assert resolve(text, published) == expected


def test_no_weekday_before_the_first_day():
    assert weekday_before(FIRST_DAY, 6) is None
    assert weekday_before(FIRST_DAY, 0, strictly=True) is None
    assert weekday_before(FIRST_DAY, 0) == FIRST_DAY


@pytest.mark.parametrize("dateline", ["date 9999-12-31", "date 0001-01-01"])
@pytest.mark.parametrize(
    "phrase",
    ["next week", "next year", "tomorrow", "in two days", "last week", "yesterday", "on Sunday"],
)
@pytest.mark.parametrize(
    "template",
    [
        "President Anna Novak met Prime Minister Jan Horak in Brno {phrase}. "
        "Novak gave Horak a silver compass.",
        "President Anna Novak met Prime Minister Jan Horak in Brno on March 3. "
        "Novak gave Horak a silver compass. They will sign a trade agreement {phrase}.",
    ],
    ids=["phrase-on-the-meeting", "phrase-after-a-dated-meeting"],
)
def test_an_article_dated_at_an_end_of_the_calendar_is_extracted(run, dateline, phrase, template):
    published, text = split_dateline(f"{dateline}\n" + template.format(phrase=phrase))
    assert published is not None
    extraction = run(text, published)
    assert [g.item for g in extraction.gifts] == ["silver compass"]


@pytest.mark.parametrize(
    "text,shift",
    [
        ("a day earlier", -1),
        ("the previous day", -1),
        ("the night before", -1),
        ("two days earlier", -2),
        ("the following morning", 1),
        ("a day later", 1),
    ],
)
def test_a_day_before_or_after_is_told_from_the_last_date(text, shift):
    last = dt.date(2023, 6, 14)
    assert resolve(text, dt.date(2023, 6, 20), last) == last + dt.timedelta(days=shift)


@pytest.mark.parametrize("text", ["a day earlier", "the day before the summit", "days later"])
def test_no_shifted_day_without_a_last_date_or_with_another_anchor(text):
    assert resolve(text, dt.date(2023, 6, 20)) is None
    if text != "a day earlier":
        assert resolve(text, dt.date(2023, 6, 20), dt.date(2023, 6, 14)) is None
