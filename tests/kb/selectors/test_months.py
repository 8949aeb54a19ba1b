"""Meetings per year and per host read from the counts kept by year and month
(``kb.selectors.months``, issue 14): dates cutting into a year read the rows of its whole
months and the meetings of at most half a month at each end; together they equal
counting the meetings the filters select, whatever the dates."""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections import Counter

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from kb.models import Meeting, MeetingYear
from kb.selectors.meetings import MeetingFilters
from kb.selectors.months import cover_of, hosted_in
from kb.selectors.timeline import meetings_per_year, selected_per_year
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

START = dt.date(2014, 1, 1)
DAYS = 3 * 366


@pytest.fixture
def spread():
    """Meetings over three years, of three kinds, in three host countries (or none),
    some undated and some rejected; some on the first and last days of months."""
    rng = random.Random(11)
    hosts = [CountryFactory(code=c, name=f"Land {c}") for c in ("QA", "QB", "QC")] + [None]
    people = [LeaderFactory() for _ in range(3)]
    edges = [dt.date(2015, 3, 1), dt.date(2015, 3, 31), dt.date(2016, 2, 29), dt.date(2016, 1, 1)]
    for i in range(90):
        date = START + dt.timedelta(days=rng.randrange(DAYS)) if rng.random() > 0.1 else None
        MeetingFactory(
            date=edges[i] if i < len(edges) else date,
            kind=rng.choice(("talks", "summit", "call")),
            host_country=rng.choice(hosts),
            review_state=rng.choice(("extracted", "extracted", "rejected")),
            participants=rng.sample(people, 2),
        )


def _filters(query: str) -> MeetingFilters:
    return MeetingFilters.from_query(QueryDict(query))


def _random_queries(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    queries = []
    for _ in range(count):
        lo, hi = sorted(START + dt.timedelta(days=rng.randrange(DAYS)) for _ in range(2))
        parts = []
        if rng.random() > 0.15:
            parts.append(f"from={lo}")
        if rng.random() > 0.15:
            parts.append(f"to={hi}")
        if rng.random() > 0.5:
            parts.append("kind=" + rng.choice(("talks", "summit", "call")))
        queries.append("&".join(parts))
    return queries


QUERIES = [
    "from=2015-03-10&to=2016-06-30",
    "from=2015-03-10&to=2015-03-20",
    "from=2015-03-01&to=2015-03-31",
    "from=2015-03-02&to=2015-03-30&kind=call",
    "from=2016-02-10&to=2016-02-29",
    "from=2015-12-31&to=2016-01-01",
    "from=2016-01-01&to=2015-12-31",
    "to=2015-05-15",
    *_random_queries(25, seed=4),
]


@pytest.mark.parametrize("query", QUERIES)
def test_meetings_per_year_and_host_of_any_dates_equal_counting_the_meetings(spread, query):
    filters = _filters(query)
    cover = cover_of(filters)
    assert cover is not None
    selected = filters.filter(Meeting.objects.visible())
    assert selected_per_year(filters) == meetings_per_year(selected)

    hosts = Counter(
        (m.host_country.code, m.host_country.name)
        for m in selected.select_related("host_country")
        if m.host_country
    )
    counted = sorted(((c, name, n) for (c, name), n in hosts.items()), key=lambda h: (-h[2], h[1]))
    assert hosted_in(cover, limit=2) == counted[:2]


def test_some_selections_hold_meetings(spread):
    """The dates above are not all empty ones."""
    visible = Meeting.objects.visible()
    totals = [sum(meetings_per_year(_filters(q).filter(visible)).values()) for q in QUERIES]
    assert sum(1 for n in totals if n) > len(QUERIES) // 2


def test_dates_cutting_into_years_read_their_whole_months_from_the_rows():
    cover = cover_of(_filters("from=2015-03-10&to=2016-06-30&kind=talks"))
    # No whole year; April to December 2015 and January to June 2016 whole; March 2015
    # mostly inside: read whole, less its days before the 10th.
    assert cover.first > cover.last and not cover.undated
    assert cover.months == ((2015, 3, 3), (2015, 4, 12), (2016, 1, 6))
    assert cover.cut == ((dt.date(2015, 3, 1), dt.date(2015, 3, 9)),)
    assert cover.added == ()
    assert cover.kind == "talks"

    within = cover_of(_filters("from=2014-06-20&to=2017-02-03"))
    assert (within.first, within.last) == (2015, 2016)
    assert within.months == ((2014, 7, 12), (2017, 1, 1))
    assert within.added == (
        (dt.date(2014, 6, 20), dt.date(2014, 6, 30)),
        (dt.date(2017, 2, 1), dt.date(2017, 2, 3)),
    )
    assert within.cut == ()


@pytest.mark.parametrize("query", _random_queries(80, seed=9))
def test_the_days_read_from_meetings_are_at_most_half_a_month_at_each_end(query):
    cover = cover_of(_filters(query))
    assert len(cover.added) + len(cover.cut) <= 2 + 1  # one month may be cut on both sides
    for first, last in cover.added + cover.cut:
        assert (first.year, first.month) == (last.year, last.month)
        days_in_month = calendar.monthrange(first.year, first.month)[1]
        assert 2 * ((last - first).days + 1) <= days_in_month
    for first, _last in cover.cut:  # only taken from months counted whole
        assert any(y == first.year and a <= first.month <= b for y, a, b in cover.months)


def test_a_partial_year_reads_only_its_edge_days_of_meetings(spread):
    filters = _filters("from=2015-03-10&to=2016-06-30")
    with CaptureQueriesContext(connection) as ctx:
        selected_per_year(filters)
    sql = [q["sql"] for q in ctx.captured_queries]
    reading = [s for s in sql if '"kb_meeting"' in s.replace('"kb_meetingyear"', "")]
    # One query of the rows kept, one of the days of March 2015 before the 10th.
    assert len(sql) == 2 and len(reading) == 1
    assert "2015-03-01" in reading[0] and "2015-03-09" in reading[0]


def test_a_meeting_moved_to_another_month_is_one_statement_on_the_counts_by_month(spread):
    meeting = Meeting.objects.exclude(review_state="rejected").exclude(date=None).first()
    meeting.date = meeting.date.replace(month=meeting.date.month % 12 + 1, day=1)
    with CaptureQueriesContext(connection) as ctx:
        meeting.save()
    table = MeetingYear._meta.db_table
    writes = [q["sql"] for q in ctx.captured_queries if table in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT")
    assert "ON CONFLICT" in writes[0]
