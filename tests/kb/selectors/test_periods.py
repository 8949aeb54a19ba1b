"""Meetings per year read from the counts kept by year (``kb.selectors.periods``,
issue 14): for a selection by dates and kind, whole years come from the stored rows and
the days of a year cut by a date from that year's meetings; together they equal counting
the meetings the filters select."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from kb.models import Meeting
from kb.selectors.meetings import MeetingFilters
from kb.selectors.periods import span_of
from kb.selectors.timeline import meetings_per_year, selected_per_year
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spread():
    """Meetings over four years, of three kinds, some undated and some rejected."""
    rng = random.Random(3)
    people = [LeaderFactory() for _ in range(4)]
    for _ in range(60):
        date = None
        if rng.random() > 0.1:
            date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        MeetingFactory(
            date=date,
            kind=rng.choice(("talks", "summit", "call")),
            review_state=rng.choice(("extracted", "extracted", "rejected")),
            participants=rng.sample(people, 2),
        )
    for day in (dt.date(2015, 12, 31), dt.date(2016, 1, 1)):  # on the bounds of a year
        MeetingFactory(date=day, kind="call", participants=people[:2])


QUERIES = [
    "",
    "kind=summit",
    "from=2015-01-01&to=2016-12-31",
    "from=2015-03-10&to=2016-06-30",
    "from=2015-03-10&to=2015-06-30",
    "from=2015-02-01&to=2015-11-30",
    "from=2014-06-01&to=2017-03-31&kind=talks",
    "from=2015-03-10&to=2015-12-31",
    "from=2015-01-01&to=2015-06-30",
    "from=2015-12-31&to=2016-01-01",
    "from=2016-02-29",
    "to=2015-07-01&kind=call",
    "from=2014-01-01&kind=talks",
    "to=2016-12-31",
]


@pytest.mark.parametrize("query", QUERIES)
def test_meetings_per_year_of_dates_and_kind_equal_counting_the_meetings(spread, query):
    filters = MeetingFilters.from_query(QueryDict(query))
    assert span_of(filters) is not None
    counted = meetings_per_year(filters.filter(Meeting.objects.visible()))
    assert selected_per_year(filters) == counted
    assert sum(counted.values()) > 0  # the selection holds meetings


def test_whole_years_read_no_meeting(spread):
    filters = MeetingFilters.from_query(QueryDict("from=2015-01-01&to=2016-12-31&kind=talks"))
    with CaptureQueriesContext(connection) as ctx:
        selected_per_year(filters)
    assert len(ctx.captured_queries) == 1
    assert "kb_meeting" not in ctx.captured_queries[0]["sql"].replace("kb_meetingyear", "")


def test_days_cut_from_a_year_are_counted_from_that_year_alone():
    filters = MeetingFilters.from_query(QueryDict("from=2015-03-10&to=2017-06-30"))
    span = span_of(filters)
    # Most of 2015 is inside: the whole year less its days before the 10th of March;
    # less than half of 2017 is: its days up to the 30th of June.
    assert (span.first, span.last, span.undated) == (2015, 2016, False)
    assert span.cut == ((dt.date(2015, 1, 1), dt.date(2015, 3, 9)),)
    assert span.partial == ((dt.date(2017, 1, 1), dt.date(2017, 6, 30)),)
    within = span_of(MeetingFilters.from_query(QueryDict("from=2015-02-01&to=2015-11-30")))
    assert (within.first, within.last, within.partial) == (2015, 2015, ())
    assert within.cut == (
        (dt.date(2015, 1, 1), dt.date(2015, 1, 31)),
        (dt.date(2015, 12, 1), dt.date(2015, 12, 31)),
    )


def test_other_filters_are_counted_from_the_meetings(spread):
    leader = LeaderFactory()
    filters = MeetingFilters.from_query(QueryDict(f"leader={leader.pk}"))
    assert span_of(filters) is None
    assert selected_per_year(filters) == {}
