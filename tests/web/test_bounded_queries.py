"""Every page touched here issues the same number of queries for 3 rows as for 30."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def make_meetings(n, host, leader):
    for i in range(n):
        other = LeaderFactory(country=CountryFactory())
        meeting = MeetingFactory(
            participants=[leader, other, LeaderFactory(country=host)],
            host_country=host,
            date=dt.date(2020, 1, 1) + dt.timedelta(days=7 * i + n),
            topics=["trade"],
        )
        gift = GiftFactory(giver=leader, recipient=other, meeting=meeting)
        agreement = AgreementFactory(leader_parties=[leader, other], meeting=meeting)
        agreement.country_parties.set([host])
        for _ in range(2):
            article = ArticleFactory()
            EvidenceFactory(article=article, meeting=meeting)
        EvidenceFactory(article=article, gift=gift)
        EvidenceFactory(article=article, agreement=agreement)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


PAGES = [
    lambda w: reverse("meeting-list"),
    lambda w: (
        reverse("meeting-list") + f"?leader={w['leader'].pk}&country={w['host'].code}"
        "&kind=talks&from=2019-01-01&to=2030-01-01&gifts=1&agreements=1&sort=-sources"
    ),
    lambda w: reverse("meeting-list") + "?q=trade+Number",
    lambda w: reverse("meeting-list") + "?sort=kind",
    lambda w: reverse("meeting-export-csv") + "?gifts=1",
    lambda w: reverse("meeting-export-json") + "?agreements=1",
    lambda w: reverse("network"),
    lambda w: reverse("network") + "?by=country",
    lambda w: reverse("timeline") + f"?leader={w['leader'].pk}",
    lambda w: w["leader"].get_absolute_url(),
    lambda w: w["host"].get_absolute_url(),
    lambda w: reverse("home"),
    lambda w: reverse("leader-list"),
    lambda w: reverse("country-list"),
    lambda w: reverse("gift-list"),
    lambda w: reverse("agreement-list"),
]


@pytest.mark.parametrize("url", PAGES)
def test_queries_do_not_grow_with_rows(client, url, django_assert_max_num_queries):
    host = CountryFactory(code="NL", name="Netherlands")
    leader = LeaderFactory(name="Sanne Visser", country=host)
    world = {"host": host, "leader": leader}
    make_meetings(3, host, leader)
    few = queries_for(client, url(world))
    make_meetings(27, host, leader)
    with django_assert_max_num_queries(few):
        response = client.get(url(world))
        if hasattr(response, "streaming_content"):
            body = b"".join(response.streaming_content).decode("utf-8-sig")
        else:
            body = response.content.decode()
    assert response.status_code == 200
    # The page did show the 30 meetings (or their traces).
    assert "Sanne Visser" in body or "Netherlands" in body


def test_meeting_list_query_count_is_small(client):
    host = CountryFactory(code="NL", name="Netherlands")
    leader = LeaderFactory(name="Sanne Visser", country=host)
    make_meetings(30, host, leader)
    # Choices (leaders, countries), count, rows, participants; plus the filter lookups.
    assert queries_for(client, reverse("meeting-list")) <= 5
    url = reverse("meeting-list") + f"?leader={leader.pk}&country=NL&q=trade"
    assert queries_for(client, url) <= 8
