"""A fact embeds a bounded number of evidence spans, with its totals beside them; the
rest are pages of /api/evidence/ away."""

import csv
import io

import pytest

from api.loaders import EVIDENCE_SHOWN
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

REPORTS = EVIDENCE_SHOWN + 7


def _reported(fact_field, fact, articles):
    """Each article gives two spans; REPORTS articles, in a shuffled creation order."""
    for article in articles:
        for start in (40, 5):
            EvidenceFactory(article=article, start=start, end=start + 9, **{fact_field: fact})


@pytest.fixture
def articles():
    return [ArticleFactory() for _ in range(REPORTS)]


@pytest.mark.parametrize(
    "fact_field, factory, path",
    [
        ("meeting", MeetingFactory, "/api/meetings/"),
        ("gift", GiftFactory, "/api/gifts/"),
        ("agreement", AgreementFactory, "/api/agreements/"),
    ],
)
def test_lists_and_details_embed_the_first_spans_and_count_them_all(
    client, articles, fact_field, factory, path
):
    fact, quiet = factory(), factory()
    _reported(fact_field, fact, list(reversed(articles)))
    EvidenceFactory(article=articles[0], **{fact_field: quiet})

    listed = {row["id"]: row for row in client.get(path).json()["results"]}
    detail = client.get(f"{path}{fact.pk}/").json()
    for body in (listed[fact.pk], detail):
        assert body["evidence_count"] == 2 * REPORTS
        assert body["source_count"] == REPORTS
        spans = [(e["article"], e["start"]) for e in body["evidence"]]
        assert len(spans) == EVIDENCE_SHOWN
        # The first by article, then by offset: the first articles' two spans each.
        first = sorted(a.pk for a in articles)[: EVIDENCE_SHOWN // 2]
        assert spans == [(a, s) for a in first for s in (5, 40)]
    assert listed[quiet.pk]["evidence_count"] == listed[quiet.pk]["source_count"] == 1
    assert len(listed[quiet.pk]["evidence"]) == 1

    # Every span is still reachable, a page at a time.
    rest = client.get(f"/api/evidence/?{fact_field}={fact.pk}&page_size=100").json()
    assert rest["count"] == 2 * REPORTS


def test_the_meetings_csv_counts_every_source(client, articles):
    meeting = MeetingFactory()
    _reported("meeting", meeting, articles)
    response = client.get("/api/meetings/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["source_count"] for row in rows] == [str(REPORTS)]
