"""The charts page's meetings per year and per kind read from the counts kept by year
and month (``MeetingYear``) when the filters are dates and kind alone, its hosts from the
countries' tallies when nothing is filtered and from the hosted meetings kept by year and
month (``HostYear``) under dates and kind: the page shows the same figures as counting
the selected meetings, in a number of queries that does not grow with them."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import Meeting, MeetingKind
from kb.selectors.meetings import MeetingFilters
from kb.selectors.periods import span_of
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

KINDS = ("talks", "summit", "call")


def make_spread(count: int, seed: int = 5):
    """``count`` meetings over four years, of three kinds, in three host countries (or
    none), some undated and some rejected; then some edited, as an editor would."""
    rng = random.Random(seed)
    hosts = [CountryFactory(code=c, name=f"Land {c}") for c in ("QA", "QB", "QC")] + [None]
    people = [LeaderFactory() for _ in range(4)]
    made = []
    for _ in range(count):
        date = None
        if rng.random() > 0.1:
            date = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        made.append(
            MeetingFactory(
                date=date,
                kind=rng.choice(KINDS),
                host_country=rng.choice(hosts),
                review_state=rng.choice(("extracted", "extracted", "rejected")),
                participants=rng.sample(people, 2),
            )
        )
    for meeting in rng.sample(made, count // 5):  # moved to another year, kind, host
        meeting.date = dt.date(2015, 12, 31) if meeting.date else dt.date(2016, 1, 1)
        meeting.kind = rng.choice(KINDS)
        meeting.host_country = rng.choice(hosts)
        meeting.save()


def counted(query: str) -> tuple[dict, dict, list]:
    """The page's figures counted here from the selected meetings, in Python."""
    from django.http import QueryDict

    filters = MeetingFilters.from_query(QueryDict(query))
    selected = list(filters.filter(Meeting.objects.visible()).select_related("host_country"))
    years = Counter(m.date.year if m.date else None for m in selected)
    labels = dict(MeetingKind.choices)
    kinds = Counter(labels.get(m.kind, m.kind) for m in selected)
    hosts = Counter(m.host_country.name for m in selected if m.host_country)
    top = sorted(hosts.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    return years, dict(kinds), top


def shown(client, query: str) -> tuple[dict, dict, list]:
    response = client.get(reverse("charts") + ("?" + query if query else ""))
    assert response.status_code == 200
    context = response.context
    years = {int(bar.label): bar.value for bar in context["years"] if bar.value}
    if context["undated"]:
        years[None] = context["undated"]
    kinds = {bar.label: bar.value for bar in context["kind_bars"]}
    hosts = [(bar.label, bar.value) for bar in context["host_bars"]]
    return years, kinds, hosts


QUERIES = [
    "",
    "kind=summit",
    "from=2015-01-01&to=2016-12-31",
    "from=2015-03-10&to=2016-06-30",
    "from=2015-02-01&to=2015-11-30",
    "from=2015-12-31&to=2016-01-01",
    "from=2014-06-01&to=2017-03-31&kind=talks",
    "to=2015-07-01&kind=call",
    "from=2016-02-29",
]


@pytest.mark.parametrize("query", QUERIES)
def test_charts_from_the_stored_counts_equal_counting_the_meetings(client, query):
    make_spread(70)
    from django.http import QueryDict

    assert span_of(MeetingFilters.from_query(QueryDict(query))) is not None
    years, kinds, hosts = counted(query)
    assert sum(years.values()) > 0 and hosts  # the selection holds meetings and hosts
    assert shown(client, query) == (years, kinds, hosts)


def test_other_filters_are_still_counted_from_the_meetings(client):
    make_spread(40)
    leader = Meeting.objects.visible().filter(date__isnull=False).first().participants.first()
    query = f"leader={leader.pk}"
    years, kinds, hosts = counted(query)
    assert sum(years.values()) > 0
    assert shown(client, query) == (years, kinds, hosts)


def test_unfiltered_and_whole_year_or_month_charts_read_no_meeting(client):
    make_spread(30)
    for query in ("", "from=2015-01-01&to=2016-12-31&kind=talks", "from=2015-03-01&to=2016-05-31"):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("charts") + "?" + query).status_code == 200
        sql = [q["sql"] for q in ctx.captured_queries]
        counting = [s for s in sql if '"kb_meeting"' in s.replace('"kb_meetingyear"', "")]
        assert counting == [], counting


@pytest.mark.parametrize("query", ["", "from=2015-03-10&to=2016-06-30&kind=call", "kind=talks"])
def test_chart_queries_do_not_grow_with_meetings(client, query):
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("charts") + "?" + query).status_code == 200
        return len(ctx.captured_queries)

    make_spread(10, seed=1)
    few = queries()
    make_spread(60, seed=2)
    assert queries() <= few
