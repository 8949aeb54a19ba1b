"""The network of a selection by dates and kind, summed from the pairs kept by year and
kind (``kb.selectors.graph.stored_span_counts``, issue 14), gives what pairing the
selected meetings' participations gives: the same top nodes, links and degrees."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from kb.models import Meeting, ReviewState
from kb.selectors.graph import Participation, network_counts, stored_span_counts
from kb.selectors.meetings import MeetingFilters
from kb.selectors.network import network
from kb.selectors.periods import span_of
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated_world():
    rng = random.Random(11)
    countries = [CountryFactory() for _ in range(5)]
    leaders = [LeaderFactory(country=rng.choice([*countries, None])) for _ in range(12)]
    for _ in range(90):
        date = None
        if rng.random() > 0.1:
            date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        MeetingFactory(
            date=date,
            kind=rng.choice(("talks", "talks", "summit", "call")),
            review_state=rng.choice([ReviewState.EXTRACTED] * 5 + [ReviewState.REJECTED]),
            participants=rng.sample(leaders, rng.choice([1, 2, 2, 3, 4])),
        )


QUERIES = [
    "kind=talks",
    "from=2015-01-01&to=2016-12-31",
    "from=2015-03-10&to=2016-06-30",
    "from=2015-03-10&to=2015-09-30&kind=summit",
    "from=2015-02-01&to=2015-11-30",
    "from=2014-06-01&to=2017-03-31&kind=talks",
    "from=2016-02-29",
    "to=2015-07-01&kind=call",
    "from=2014-01-01&to=2017-12-31&kind=summit",
]


@pytest.mark.parametrize("by", ["leader", "country"])
def test_the_pairs_by_year_give_what_pairing_the_selected_meetings_gives(dated_world, by):
    for query in QUERIES:
        filters = MeetingFilters.from_query(QueryDict(query))
        selection = filters.filter(Meeting.objects.visible())
        for max_nodes, max_edges in [(1000, None), (4, None), (1000, 3), (3, 2)]:
            counted = network_counts(selection, by=by, max_nodes=max_nodes, max_edges=max_edges)
            stored = stored_span_counts(
                span_of(filters), by=by, max_nodes=max_nodes, max_edges=max_edges
            )
            assert stored == counted, (query, max_nodes, max_edges)
            assert counted.node_meetings, query  # the selection links someone


@pytest.mark.parametrize("by", ["leader", "country"])
def test_whole_years_read_no_participation(dated_world, by):
    filters = MeetingFilters.from_query(QueryDict("from=2015-01-01&to=2016-12-31&kind=talks"))
    with CaptureQueriesContext(connection) as ctx:
        stored = stored_span_counts(span_of(filters), by=by, max_nodes=10)
    assert stored.pair_meetings
    assert not any(Participation._meta.db_table in q["sql"] for q in ctx.captured_queries)


def test_the_network_of_a_selection_by_dates_and_kind_reads_the_pairs_by_year(dated_world):
    filters = MeetingFilters.from_query(QueryDict("from=2015-01-01&to=2015-12-31"))
    selection = filters.filter(Meeting.objects.visible())
    with CaptureQueriesContext(connection) as ctx:
        graph = network(selection, max_nodes=6, span=span_of(filters))
    assert graph.nodes and graph.edges
    assert not any(Participation._meta.db_table in q["sql"] for q in ctx.captured_queries)
    assert graph == network(selection, max_nodes=6)  # as counted from the participations
