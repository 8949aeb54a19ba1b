"""The leaders, countries, gifts, agreements and articles lists and their downloads issue
the same number of queries for 3 rows as for 30, with every filter and sort (issue 15)."""

import pytest
from django.urls import reverse

from tests.web.test_bounded_queries import make_meetings, queries_for

pytestmark = pytest.mark.django_db


def everything(w):
    return {
        "leader": (
            "?q=a&country=NL&office=head_of_state&from=2019-01-01&to=2030-01-01"
            "&review=extracted&sort=-meetings"
        ),
        "country": "?q=e&meetings=1&sort=-hosted",
        "gift": (
            f"?q=tea&country=NL&leader={w['leader'].pk}&from=2000-01-01&to=2040-01-01"
            f"&review=extracted&article={w['article']}&sort=recipient"
        ),
        "agreement": (
            f"?q=memorandum&kind=mou&status=signed&country=NL&leader={w['leader'].pk}"
            f"&from=2000-01-01&to=2040-01-01&review=extracted&article={w['article']}&sort=summary"
        ),
        "article": "?q=article&status=done&source=txt&sort=-evidence",
    }


LISTS = {"leader": "leaders", "country": "countries", "gift": "gifts",
         "agreement": "agreements", "article": "articles"}  # fmt: skip

URLS = [
    lambda w: reverse("article-list"),  # the others are in test_bounded_queries
    *[lambda w, s=s: reverse(f"{s}-list") + everything(w)[s] for s in LISTS],
    *[
        lambda w, s=s, fmt=fmt: reverse(f"{LISTS[s]}-export-{fmt}") + everything(w)[s]
        for s in LISTS
        for fmt in ("csv", "json")
    ],
]


def build(n, host, leader):
    from kb.models import Agreement, Article, Gift, Office
    from tests.factories import EvidenceFactory

    make_meetings(n, host, leader)
    # Every leader made the filters' office and dates.
    for other in host.leaders.all():
        if not Office.objects.filter(leader=other).exists():
            Office.objects.create(
                leader=other, country=host, kind="head_of_state", title="Head",
                start="2020-01-01", source="test",
            )  # fmt: skip
    # One article supports every gift and agreement, so its filter keeps them all.
    article = Article.objects.order_by("id").first()
    for gift in Gift.objects.exclude(evidence__article=article):
        EvidenceFactory(article=article, gift=gift)
    for agreement in Agreement.objects.exclude(evidence__article=article):
        EvidenceFactory(article=article, agreement=agreement)
    for model in (Gift, Agreement):
        for fact in model.objects.filter(date=None).select_related("meeting"):
            fact.date = fact.meeting.date
            fact.save(update_fields=["date"])
    return article.pk


@pytest.mark.parametrize("url", URLS)
def test_list_queries_do_not_grow_with_rows(client, url, django_assert_max_num_queries):
    from tests.factories import CountryFactory, LeaderFactory

    host = CountryFactory(code="NL", name="Netherlands")
    leader = LeaderFactory(name="Sanne Visser", country=host)
    world = {"host": host, "leader": leader, "article": build(3, host, leader)}
    few = queries_for(client, url(world))
    build(27, host, leader)
    with django_assert_max_num_queries(few):
        response = client.get(url(world))
        if hasattr(response, "streaming_content"):
            body = b"".join(response.streaming_content).decode("utf-8-sig")
        else:
            body = response.content.decode()
    assert response.status_code == 200
    # Every filter at once still matched rows (all 30 of them, but for the countries).
    if hasattr(response, "streaming_content"):
        rows = body.count("\n") - 1 if "csv" in response["Content-Type"] else body.count("\n{")
    else:
        rows = response.context["paginator"].count
    assert rows >= (1 if "countr" in url(world) else 30), (url(world), body[:300])


def test_list_pages_query_counts_are_small(client):
    from tests.factories import CountryFactory, LeaderFactory

    host = CountryFactory(code="NL", name="Netherlands")
    leader = LeaderFactory(name="Sanne Visser", country=host)
    make_meetings(30, host, leader)
    # Options of the form's selects (at most two), count, rows, and their relations.
    assert queries_for(client, reverse("leader-list")) <= 3
    assert queries_for(client, reverse("country-list")) <= 5  # also the map's counts
    assert queries_for(client, reverse("gift-list")) <= 4
    assert queries_for(client, reverse("agreement-list")) <= 6
    assert queries_for(client, reverse("article-list")) <= 3


def test_downloads_read_rows_in_chunks(client, monkeypatch):
    """A download reads a chunk of rows (and their nested data) at a time: memory stays
    flat, and queries grow with the number of chunks, not of rows."""
    from api import exports
    from tests.factories import CountryFactory, LeaderFactory

    monkeypatch.setattr(exports, "CHUNK", 10)
    host = CountryFactory(code="NL", name="Netherlands")
    leader = LeaderFactory(name="Sanne Visser", country=host)
    make_meetings(3, host, leader)
    few = queries_for(client, reverse("agreements-export-csv"))
    make_meetings(27, host, leader)  # 30 agreements: three chunks instead of one
    many = queries_for(client, reverse("agreements-export-csv"))
    assert few < many <= few + 2 * 3
