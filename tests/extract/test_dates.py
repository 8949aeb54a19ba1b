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
        ("January 22, 1963", dt.date(1963, 1, 22)),
        ("yesterday", dt.date(2024, 3, 13)),
        ("Bastille Day last July", dt.date(2023, 7, 14)),
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
