"""A long article behind hundreds of evidence rows costs each reader the rows' sentences,
never the article text once per row (issue 12: 494 MB for one meeting page, 3.5 GB for
the review queue). Fact pages show their evidence a page at a time."""

from __future__ import annotations

import re
import tracemalloc

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import Evidence
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    UserFactory,
    editor,
)

pytestmark = pytest.mark.django_db

SENTENCE = "On Tuesday the two ministers met in Vardel to talk about rivers and roads. "
SPAN = "the two ministers met in Vardel"
#: About 450,000 characters: well under the upload limit.
LONG_TEXT = SENTENCE * 6_000


def _evidence(article, n: int, **fact) -> None:
    """``n`` evidence rows, one per sentence of the article, each marking SPAN."""
    step, offset = len(SENTENCE), SENTENCE.index(SPAN)
    Evidence.objects.bulk_create(
        Evidence(
            article=article,
            sentence=SENTENCE.strip(),
            sentence_start=i * step,
            start=i * step + offset,
            end=i * step + offset + len(SPAN),
            confidence=0.7,
            extractor_version="test",
            **fact,
        )
        for i in range(n)
    )


@pytest.fixture
def long_article():
    return ArticleFactory(text=LONG_TEXT, title="A very long report")


@pytest.fixture
def facts(long_article):
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    agreement = AgreementFactory(meeting=meeting, leader_parties=[a, b])
    _evidence(long_article, 120, meeting=meeting)
    _evidence(long_article, 60, gift=gift)
    _evidence(long_article, 60, agreement=agreement)
    return {"meeting": meeting, "gift": gift, "agreement": agreement}


def _text_reads(queries) -> list[str]:
    """The queries that select the article text column."""
    return [q["sql"] for q in queries if re.search(r'"kb_article"\."text"', q["sql"])]


def _get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, ctx.captured_queries


def _superuser_client():
    client = Client()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


# ---- no article text per evidence row -----------------------------------------------------


@pytest.mark.parametrize("kind", ["meeting", "gift", "agreement"])
def test_fact_pages_never_read_the_article_text(client, facts, kind):
    response, queries = _get(client, reverse(f"{kind}-detail", args=[facts[kind].pk]))
    assert _text_reads(queries) == []
    html = response.content.decode()
    assert f"<mark>{SPAN}</mark>" in html  # the span, marked inside its stored sentence
    assert "A very long report" in html


def test_a_meeting_page_costs_its_reader_little_memory_whatever_the_article(client, facts):
    url = reverse("meeting-detail", args=[facts["meeting"].pk])
    client.get(url)  # warm caches (templates, URL resolvers)
    tracemalloc.start()
    try:
        assert client.get(url).status_code == 200
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Reading the text once per row was 120 x 450 KB, over 50 MB.
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"


def test_the_review_queue_never_reads_the_article_text(facts):
    client = Client()
    client.force_login(editor())
    response, queries = _get(client, reverse("review"))
    assert _text_reads(queries) == []
    html = response.content.decode()
    assert html.count("data-review-item") == 3
    assert html.count(f"<mark>{SPAN}</mark>") == 3
    assert "119 more sources" in html and "59 more sources" in html


def test_the_review_queue_costs_its_editor_little_memory_whatever_the_article(facts):
    client = Client()
    client.force_login(editor())
    client.get(reverse("review"))
    tracemalloc.start()
    try:
        assert client.get(reverse("review")).status_code == 200
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"


@pytest.mark.parametrize(
    "url",
    [
        lambda f: f"/api/meetings/{f['meeting'].pk}/",
        lambda f: "/api/meetings/",
        lambda f: f"/api/gifts/{f['gift'].pk}/?format=json",
        lambda f: f"/api/agreements/?meeting={f['meeting'].pk}",
        lambda f: "/api/leaders/?expand=meetings,gifts,agreements",
        lambda f: f"/api/evidence/?meeting={f['meeting'].pk}",
    ],
)
def test_the_api_never_reads_the_article_text_for_evidence(client, facts, url):
    _, queries = _get(client, url(facts))
    assert _text_reads(queries) == []


def test_a_fact_serialised_without_the_loaders_reads_no_article_text(facts):
    from api.serializers.facts import MeetingSerializer

    with CaptureQueriesContext(connection) as ctx:
        data = MeetingSerializer(facts["meeting"]).data
    assert _text_reads(ctx.captured_queries) == []
    assert data["evidence"][0]["article_title"] == "A very long report"


@pytest.mark.parametrize(
    "url",
    [
        lambda f: reverse("admin:kb_meeting_change", args=[f["meeting"].pk]),
        lambda f: reverse("admin:kb_evidence_changelist"),
    ],
)
def test_the_admin_never_reads_the_article_text_for_evidence(facts, url):
    _, queries = _get(_superuser_client(), url(facts))
    assert _text_reads(queries) == []


# ---- evidence a page at a time --------------------------------------------------------------


def test_a_fact_page_shows_its_evidence_a_page_at_a_time(client, facts):
    url = reverse("meeting-detail", args=[facts["meeting"].pk])
    first = client.get(url).content.decode()
    assert first.count("<mark>") == 20
    assert "Sources 1–20 of 120" in first
    assert "?evidence=2#sources" in first

    last = client.get(url + "?evidence=6").content.decode()
    assert last.count("<mark>") == 20
    assert "Sources 101–120 of 120" in last
    assert "?evidence=5#sources" in last and "?evidence=7" not in last


@pytest.mark.parametrize("page", ["0", "-1", "abc", "9999", "1e9", ""])
def test_a_malformed_evidence_page_shows_a_page_not_an_error(client, facts, page):
    response = client.get(reverse("gift-detail", args=[facts["gift"].pk]), {"evidence": page})
    assert response.status_code == 200
    assert response.content.decode().count("<mark>") == 20


def test_evidence_pages_keep_the_other_query_parameters(client, facts):
    url = reverse("meeting-detail", args=[facts["meeting"].pk])
    html = client.get(url + "?evidence=2&x=1").content.decode()
    assert "?evidence=3&amp;x=1#sources" in html or "?x=1&amp;evidence=3#sources" in html
