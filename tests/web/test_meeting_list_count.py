"""The meetings list's count for a selection by dates and kind is read from the counts kept
by year and month (as the timeline's), and equals counting the meetings selected."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.changes import fresh_reads
from kb.models import Meeting
from kb.selectors.meetings import MeetingFilters
from tests.kb.selectors.test_months import spread  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

QUERIES = (
    "kind=talks",
    "from=2015-01-01&to=2016-12-31",
    "kind=summit&from=2014-03-10&to=2015-03-31",
    "from=2015-03-01&to=2015-03-31",
    "kind=call&from=2016-02-29",
    "to=2015-06-15",
    "from=2016-07-01&to=2016-01-01",  # swapped by the filters
)


def test_count_by_dates_and_kind_equals_the_meetings_selected(client, spread):  # noqa: F811
    # One data set for every query (the fixture makes 90 meetings: seconds on PostgreSQL).
    for query in QUERIES:
        _check(client, query)
    # Other filters still count the meetings they select.
    query = "kind=talks&gifts=1"
    expected = MeetingFilters.from_query(QueryDict(query)).filter(Meeting.objects.visible())
    with fresh_reads(), CaptureQueriesContext(connection) as ctx:
        response = client.get(f"{reverse('meeting-list')}?{query}")
    assert response.context["paginator"].count == expected.count()
    assert any(q["sql"].startswith("SELECT COUNT(") for q in ctx.captured_queries)


def _check(client, query: str) -> None:
    expected = MeetingFilters.from_query(QueryDict(query)).filter(Meeting.objects.visible())
    with fresh_reads(), CaptureQueriesContext(connection) as ctx:
        response = client.get(f"{reverse('meeting-list')}?{query}")
    assert response.status_code == 200
    assert response.context["paginator"].count == expected.count(), query
    # Not by counting the meetings table.
    counts = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("SELECT COUNT(")]
    assert not [sql for sql in counts if 'FROM "kb_meeting" ' in sql], counts
