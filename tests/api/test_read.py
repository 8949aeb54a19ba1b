"""Read endpoints: representations with evidence, filters, rejected facts, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.models import ReviewState
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


@pytest.fixture
def world():
    """Two leaders who met in France, with a gift and an agreement, all evidenced."""
    fr, de = CountryFactory(code="FR", name="France"), CountryFactory(code="DE", name="Germany")
    dubois = LeaderFactory(name="Claire Dubois", country=fr)
    becker = LeaderFactory(name="Jonas Becker", country=de)
    article = ArticleFactory(title="Dubois hosts Becker", text="Dubois met Becker in Paris.")
    meeting = MeetingFactory(
        participants=[dubois, becker], host_country=fr, date=dt.date(2024, 5, 2), kind="visit"
    )
    gift = GiftFactory(giver=dubois, recipient=becker, meeting=meeting, item="a vase")
    agreement = AgreementFactory(meeting=meeting, leader_parties=[dubois, becker])
    agreement.country_parties.set([fr, de])
    for fact in ({"meeting": meeting}, {"gift": gift}, {"agreement": agreement}):
        EvidenceFactory(article=article, start=0, end=17, rule="met", **fact)
    return {
        "fr": fr, "dubois": dubois, "becker": becker, "article": article,
        "meeting": meeting, "gift": gift, "agreement": agreement,
    }  # fmt: skip


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_meeting_detail_nests_participants_gifts_agreements_and_evidence(client, world):
    meeting = world["meeting"]
    body = client.get(f"/api/meetings/{meeting.pk}/").json()

    assert body["kind"] == "visit"
    assert body["date"] == "2024-05-02"
    assert body["host_country"] == "FR"
    assert {(p["name"], p["country"]) for p in body["participants"]} == {
        ("Claire Dubois", "FR"),
        ("Jonas Becker", "DE"),
    }
    assert body["gifts"] == [
        {"id": world["gift"].pk, "item": "a vase", "giver": world["dubois"].pk,
         "recipient": world["becker"].pk}
    ]  # fmt: skip
    assert body["agreements"][0]["id"] == world["agreement"].pk
    assert body["agreements"][0]["summary"] == "Memorandum on cultural exchange"
    assert body["review_state"] == "extracted"
    assert body["confidence"] == 0.8
    assert body["evidence"] == [
        {
            "article": world["article"].pk,
            "article_title": "Dubois hosts Becker",
            "sentence": "Dubois met Becker in Paris.",
            "start": 0,
            "end": 17,
            "confidence": 0.8,
            "extractor_version": "test",
            "rule": "met",
        }
    ]


def test_gift_and_agreement_lists_carry_evidence(client, world):
    gift = client.get("/api/gifts/").json()["results"][0]
    assert gift["giver"] == {"id": world["dubois"].pk, "name": "Claire Dubois", "country": "FR"}
    assert gift["meeting"] == world["meeting"].pk
    assert gift["evidence"][0]["article_title"] == "Dubois hosts Becker"

    agreement = client.get("/api/agreements/").json()["results"][0]
    assert agreement["kind"] == "mou" and agreement["status"] == "signed"
    assert sorted(agreement["country_parties"]) == ["DE", "FR"]
    assert len(agreement["leader_parties"]) == 2
    assert agreement["evidence"][0]["sentence"] == "Dubois met Becker in Paris."


def test_countries_by_code_and_leaders_by_country_or_name(client, world):
    assert client.get("/api/countries/fr/").json()["name"] == "France"
    assert client.get("/api/countries/FR/").json()["code"] == "FR"
    assert client.get("/api/countries/ZZ/").status_code == 404

    assert ids(client.get("/api/leaders/?country=de")) == [world["becker"].pk]
    assert ids(client.get("/api/leaders/?search=dubo")) == [world["dubois"].pk]
    assert ids(client.get("/api/leaders/?name=jonas becker")) == [world["becker"].pk]


def test_meeting_filters(client, world):
    dubois, meeting = world["dubois"], world["meeting"]
    other = MeetingFactory(participants=[LeaderFactory()], date=dt.date(2023, 1, 10), kind="call")

    assert ids(client.get("/api/meetings/?kind=call")) == [other.pk]
    assert ids(client.get(f"/api/meetings/?leader={dubois.pk}")) == [meeting.pk]
    assert ids(client.get("/api/meetings/?country=de")) == [meeting.pk]  # a participant's
    assert ids(client.get("/api/meetings/?country=FR")) == [meeting.pk]  # the host
    assert ids(client.get("/api/meetings/?date_after=2024-01-01")) == [meeting.pk]
    assert ids(client.get("/api/meetings/?date_before=2023-12-31")) == [other.pk]
    assert ids(client.get("/api/meetings/?date_after=2023-01-10&date_before=2023-01-10")) == [
        other.pk
    ]
    assert ids(client.get("/api/meetings/?has_gifts=true")) == [meeting.pk]
    assert ids(client.get("/api/meetings/?has_gifts=false")) == [other.pk]
    assert ids(client.get("/api/meetings/?has_agreements=1")) == [meeting.pk]
    assert ids(client.get("/api/meetings/?ordering=date")) == [other.pk, meeting.pk]
    assert ids(client.get("/api/meetings/")) == [meeting.pk, other.pk]  # newest first


def test_malformed_filter_values_are_400_and_unknown_ids_match_nothing(client, world):
    for query in (
        "kind=picnic",
        "date_after=yesterday",
        "include_rejected=maybe",
        "leader=abc",
        "leader=0",
        "ordering=place",
        "page_size=0",
        "page_size=201",
    ):
        response = client.get(f"/api/meetings/?{query}")
        assert response.status_code == 400, query
        body = response.json()
        assert body["code"] == "invalid" and body["errors"], query
    assert ids(client.get("/api/meetings/?leader=999999")) == []


def test_gift_and_agreement_filters(client, world):
    dubois, becker = world["dubois"], world["becker"]
    stranger_gift = GiftFactory()
    assert ids(client.get(f"/api/gifts/?leader={becker.pk}")) == [world["gift"].pk]
    assert ids(client.get(f"/api/gifts/?giver={dubois.pk}")) == [world["gift"].pk]
    assert ids(client.get(f"/api/gifts/?recipient={dubois.pk}")) == []
    assert set(ids(client.get("/api/gifts/"))) == {world["gift"].pk, stranger_gift.pk}
    assert ids(client.get("/api/agreements/?country=de")) == [world["agreement"].pk]
    assert ids(client.get("/api/agreements/?status=proposed")) == []


def test_rejected_facts_are_hidden_unless_asked_for(client, world):
    meeting, gift = world["meeting"], world["gift"]
    rejected = MeetingFactory(participants=[world["dubois"]], review_state=ReviewState.REJECTED)
    gift.review_state = ReviewState.REJECTED
    gift.save()

    assert ids(client.get("/api/meetings/")) == [meeting.pk]
    assert set(ids(client.get("/api/meetings/?include_rejected=1"))) == {meeting.pk, rejected.pk}
    assert ids(client.get("/api/meetings/?review_state=rejected")) == [rejected.pk]
    assert ids(client.get("/api/gifts/")) == []
    assert client.get(f"/api/meetings/{meeting.pk}/").json()["gifts"] == []
    assert ids(client.get("/api/meetings/?has_gifts=1")) == []
    # A detail answers by id, showing the state.
    detail = client.get(f"/api/meetings/{rejected.pk}/").json()
    assert detail["review_state"] == "rejected"


def _meetings(count: int) -> None:
    article = ArticleFactory()
    for _ in range(count):
        host = CountryFactory()
        meeting = MeetingFactory(participants=[LeaderFactory(), LeaderFactory()], host_country=host)
        gift = GiftFactory(meeting=meeting, giver=LeaderFactory(), recipient=LeaderFactory())
        agreement = AgreementFactory(meeting=meeting, leader_parties=[LeaderFactory()])
        agreement.country_parties.set([host])
        EvidenceFactory(article=article, meeting=meeting)
        EvidenceFactory(article=ArticleFactory(), meeting=meeting)
        EvidenceFactory(article=article, gift=gift)
        EvidenceFactory(article=article, agreement=agreement)


@pytest.mark.parametrize(
    ("path", "bound"), [("/api/meetings/", 6), ("/api/gifts/", 3), ("/api/agreements/", 5)]
)  # (more lists in test_lists.py)
def test_list_queries_do_not_grow_with_the_page(client, path, bound, django_assert_max_num_queries):
    """Count, page, and one query per prefetched relation: the same for 3 rows or 30."""
    _meetings(3)
    with django_assert_max_num_queries(bound), CaptureQueriesContext(connection) as few:
        assert len(client.get(path).json()["results"]) == 3
    _meetings(27)
    with django_assert_max_num_queries(bound), CaptureQueriesContext(connection) as many:
        assert len(client.get(path).json()["results"]) == 30
    assert len(many) == len(few)


def test_articles_list_without_text_and_detail_with_it(client):
    article = ArticleFactory(title="Summit", text="Leaders met.", status="failed", error="boom")
    listed = client.get("/api/articles/?status=failed").json()["results"]
    assert [row["id"] for row in listed] == [article.pk]
    assert "text" not in listed[0] and "error" not in listed[0]
    assert listed[0]["url"] == f"http://testserver/api/articles/{article.pk}/"
    detail = client.get(listed[0]["url"]).json()
    assert detail["text"] == "Leaders met." and detail["error"] == "boom"
    assert ids(client.get("/api/articles/?status=done")) == []
