"""List and detail pages issue a bounded number of queries whatever their size."""

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


def make_meetings(n, host):
    for _ in range(n):
        a = LeaderFactory(country=host)
        b = LeaderFactory(country=CountryFactory())
        meeting = MeetingFactory(participants=[a, b], host_country=host)
        gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
        agreement = AgreementFactory(leader_parties=[a, b], meeting=meeting)
        agreement.country_parties.set([host])
        article = ArticleFactory()
        EvidenceFactory(article=article, meeting=meeting)
        EvidenceFactory(article=article, gift=gift)
        EvidenceFactory(article=article, agreement=agreement)
        article.leaders.set([a, b])


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_meeting_list_queries_do_not_grow(client, django_assert_max_num_queries):
    host = CountryFactory(code="NL", name="Netherlands")
    make_meetings(3, host)
    few = count_queries(client, reverse("meeting-list"))
    make_meetings(27, host)
    with django_assert_max_num_queries(few):
        response = client.get(reverse("meeting-list"))
    assert response.content.decode().count("<tr>") == 31  # header + 30 rows


@pytest.mark.parametrize(
    "url_name",
    [
        "home",
        "meeting-list",
        "leader-list",
        "country-list",
        "gift-list",
        "agreement-list",
        "article-list",
    ],
)
def test_list_pages_are_bounded(client, url_name):
    host = CountryFactory(code="NL", name="Netherlands")
    make_meetings(2, host)
    few = count_queries(client, reverse(url_name))
    make_meetings(10, host)
    assert count_queries(client, reverse(url_name)) <= few


def test_detail_pages_are_bounded(client):
    from kb.models import Article, Leader, Meeting

    host = CountryFactory(code="NL", name="Netherlands")
    make_meetings(1, host)
    meeting = Meeting.objects.get()
    leader = Leader.objects.filter(country=host).get()
    article = Article.objects.get()
    urls = [
        meeting.get_absolute_url(),
        leader.get_absolute_url(),
        host.get_absolute_url(),
        article.get_absolute_url(),
    ]
    before = {url: count_queries(client, url) for url in urls}
    # More participants, gifts, agreements and sources on the same records.
    for _ in range(5):
        other = LeaderFactory()
        meeting.participants.add(other)
        extra_gift = GiftFactory(giver=leader, recipient=other, meeting=meeting)
        extra = AgreementFactory(leader_parties=[leader, other], meeting=meeting)
        source = ArticleFactory()
        EvidenceFactory(article=source, meeting=meeting)
        EvidenceFactory(article=article, gift=extra_gift)
        EvidenceFactory(article=article, agreement=extra)
        m2 = MeetingFactory(participants=[leader, other], host_country=host)
        EvidenceFactory(article=article, meeting=m2)
    for url in urls:
        assert count_queries(client, url) <= before[url], url
