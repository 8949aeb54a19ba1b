"""The meetings list's count and the timeline's counts and pages are kept until the next
write to the meetings (kb.changes): a repeated request does not count again, and the
request after a write shows it at once."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import Meeting
from kb.services.facts import fact_reject
from tests.factories import LeaderFactory, MeetingFactory, editor

pytestmark = pytest.mark.django_db

MEETINGS_READ = f'FROM "{Meeting._meta.db_table}"'


def get(client, name, **query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name), query)
    assert response.status_code == 200
    read = [q["sql"] for q in captured.captured_queries if MEETINGS_READ in q["sql"]]
    return response.context, read


def meetings_count(client, **query) -> int:
    context, _ = get(client, "meeting-list", **query)
    return context["paginator"].count


def test_the_meetings_count_is_kept_until_a_write_and_then_follows_it(client, world):
    count = meetings_count(client)
    assert count == Meeting.objects.visible().count()
    _, read = get(client, "meeting-list")
    assert not [sql for sql in read if "__count" in sql]  # kept: not counted again

    people = [world["becker"], world["sato"]]
    meeting = MeetingFactory(participants=people, kind="call", date=dt.date(2024, 2, 2))
    assert meetings_count(client) == count + 1
    calls = meetings_count(client, kind="call")
    assert calls == Meeting.objects.visible().filter(kind="call").count()

    fact_reject(fact=meeting, user=editor("count-editor"))
    assert meetings_count(client) == count
    assert meetings_count(client, kind="call") == calls - 1
    MeetingFactory(participants=people, kind="talks")
    assert meetings_count(client, kind="call") == calls - 1  # another kind
    assert meetings_count(client) == count + 1
    # Sorting changes no count: every order shares it, and it still follows writes.
    assert meetings_count(client, sort="-sources") == count + 1


def timeline(client, **query):
    context, read = get(client, "timeline", **query)
    years = {row["year"]: row["n"] for row in context["years"]}
    return context["paginator"].count, context["undated"], years, context["meetings"], read


def test_the_timeline_is_kept_until_a_write_and_then_follows_it(client, world):
    visible = Meeting.objects.visible()
    dated, undated, years, rows, _ = timeline(client)
    assert dated == visible.exclude(date=None).count()
    assert undated == visible.filter(date=None).count()
    assert sum(years.values()) == dated
    assert len(rows) == dated  # one page

    again = timeline(client)
    assert again[:4] == (dated, undated, years, rows)
    assert again[4] == []  # neither counted nor read again

    people = [world["dubois"], world["becker"]]
    MeetingFactory(participants=people, date=dt.date(2031, 5, 5), place="Qorvania")
    dated_now, undated_now, years_now, rows_now, _ = timeline(client)
    assert (dated_now, undated_now) == (dated + 1, undated)
    assert years_now[2031] == 1 and years_now[2030] == 0  # the gap reads as a gap
    assert rows_now[-1].place == "Qorvania"

    MeetingFactory(participants=people, place="Undated Hall")
    assert timeline(client)[:2] == (dated + 1, undated + 1)
    # A filter keeps its own counts.
    only = timeline(client, leader=world["dubois"].pk)
    assert only[0] == visible.exclude(date=None).filter(participants=world["dubois"]).count()


def test_the_timeline_pages_follow_a_write_on_any_page(client, world, monkeypatch):
    monkeypatch.setattr("web.views.network.TimelineView.paginate_by", 2)
    first = [m.pk for m in timeline(client)[3]]
    second = [m.pk for m in timeline(client, page=2)[3]]
    assert len(first) == 2 and not set(first) & set(second)
    assert [m.pk for m in timeline(client, page="x")[3]] == first  # not a number: page 1

    early = MeetingFactory(participants=[world["sato"]], date=dt.date(1990, 1, 1))
    assert [m.pk for m in timeline(client)[3]] == [early.pk, first[0]]
    assert [m.pk for m in timeline(client, page=2)[3]][0] == first[1]
    # The rows as shown (kept as HTML) follow the write too, page by page.
    assert linked(client) == [early.pk, first[0]]
    assert linked(client, page=2)[0] == first[1]


def linked(client, **query) -> list[int]:
    """The meetings the timeline's page links to, in order."""
    html = client.get(reverse("timeline"), query).content.decode()
    rows = html[html.index('id="timeline-heading"') :]
    return [
        int(pk)
        for pk in re.findall(r'class="timeline__item">.*?href="/meetings/(\d+)/"', rows, re.S)
    ]


@pytest.mark.django_db(transaction=True)
def test_the_count_follows_a_committed_write(client):
    """With real commits: the version moves on when the write's transaction commits."""
    a, b = LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[a, b], date=dt.date(2020, 1, 1))
    assert meetings_count(client) == 1
    assert timeline(client)[0] == 1
    MeetingFactory(participants=[a, b], date=dt.date(2021, 1, 1))
    assert meetings_count(client) == 2
    assert timeline(client)[0] == 2
