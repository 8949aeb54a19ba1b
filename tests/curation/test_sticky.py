"""Re-running extraction on an article, through the real path (ingest.services), never
overwrites or brings back what an editor corrected, confirmed or rejected: facts, and
leaders corrected through the API."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from api.models import ApiToken, TokenScope
from ingest.extract.types import (
    AgreementCandidate,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)
from ingest.services import article_process
from kb import curation
from kb.models import Agreement, ArticleStatus, Gift, Leader, Meeting, ReviewState
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "President Ana Lima met Prime Minister Tomas Berg in Oslo. Lima gave Berg a clay jug."


def _evidence(start=0, end=20, confidence=0.6):
    return (Evidence(Span(start, end, TEXT[:56], 0), confidence, "test-rule"),)


def fake_extraction(*, item="clay jug", status="signed", place="Oslo"):
    return Extraction(
        published=dt.date(2025, 1, 8),
        leaders=(
            LeaderMention("Ana Lima", "BR", "President", ("Lima",)),
            LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg",)),
        ),
        countries=("BR", "NO"),
        meetings=(
            MeetingCandidate(
                ("Ana Lima", "Tomas Berg"),
                "visit",
                "NO",
                place,
                dt.date(2025, 1, 7),
                ("fisheries",),
                _evidence(),
            ),
        ),
        gifts=(GiftCandidate("Ana Lima", "Tomas Berg", item, _evidence(58, 85, 0.5)),),
        agreements=(
            AgreementCandidate(
                ("Ana Lima", "Tomas Berg"), "mou", status, "MoU on fisheries", None, _evidence()
            ),
        ),
    )


@pytest.fixture
def extraction(monkeypatch):
    """What the (fake) extractor returns next; set ``.value`` to change it."""

    class Box:
        value = fake_extraction()

    monkeypatch.setattr("ingest.extract.extract", lambda text, published=None: Box.value)
    return Box


def test_corrections_confirmations_and_rejections_survive_reextraction(
    countries, extraction, editor_user
):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE
    meeting, gift, agreement = Meeting.objects.get(), Gift.objects.get(), Agreement.objects.get()

    curation.fact_update(
        fact=meeting, user=editor_user, changes={"place": "Bergen", "kind": "summit"}
    )
    curation.fact_reject(fact=gift, user=editor_user)
    curation.fact_confirm(fact=agreement, user=editor_user)

    # The extractor now says something else about every fact.
    extraction.value = fake_extraction(item="woollen scarf", status="proposed", place="Oslo")
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE

    meeting.refresh_from_db()
    assert (meeting.place, meeting.kind) == ("Bergen", "summit")
    assert meeting.review_state == ReviewState.CORRECTED
    assert Meeting.objects.count() == 1
    # The rejected gift stays rejected and hidden; no machine copy of it comes back.
    gift.refresh_from_db()
    assert gift.review_state == ReviewState.REJECTED
    assert not Gift.objects.visible().filter(item__icontains="clay").exists()
    agreement.refresh_from_db()
    assert (agreement.status, agreement.review_state) == ("signed", ReviewState.CONFIRMED)
    assert Agreement.objects.count() == 1
    # A third run, identical to the first, brings back nothing either.
    extraction.value = fake_extraction()
    article_process(article_id=article.pk)
    assert not Gift.objects.visible().filter(item="clay jug").exists()
    meeting.refresh_from_db()
    assert meeting.place == "Bergen"
    # The corrections keep their authors in the history; extraction's rows have none.
    assert meeting.history.filter(history_user=editor_user).exists()


def test_reextraction_keeps_a_merged_meeting_merged(countries, extraction, editor_user):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    keep = Meeting.objects.get()
    duplicate = Meeting.objects.create(kind="talks", place="Oslo")
    duplicate.participants.set(keep.participants.all())
    curation.meeting_merge(keep=keep, merge=duplicate, user=editor_user)

    article_process(article_id=article.pk)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert duplicate.review_state == ReviewState.REJECTED
    assert keep.evidence.filter(article=article).exists()


def test_manual_evidence_survives_reextraction(countries, extraction, editor_user):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    gift = curation.fact_create_manual(
        model=Gift,
        user=editor_user,
        article=article,
        sentence_start=58,
        sentence_end=84,
        giver=Meeting.objects.get().participants.first(),
        recipient=Meeting.objects.get().participants.last(),
        item="pair of skis",
    )
    article_process(article_id=article.pk)
    assert gift.evidence.filter(rule="manual").exists()


def _token_client(user) -> APIClient:
    api = APIClient()
    key = ApiToken.issue(user=user, scope=TokenScope.EDIT, name="sticky")[1]
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_a_leader_corrected_through_the_api_survives_reextraction(
    countries, extraction, editor_user
):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    lima = Leader.objects.get(name="Ana Lima")
    assert (lima.title, lima.country.code) == ("President", "BR")

    response = _token_client(editor_user).patch(
        f"/api/leaders/{lima.pk}/",
        {"name": "Ana Maria Lima", "title": "", "country": "PT"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["edited_fields"] == ["country", "name", "title"]

    # The extractor still says "Ana Lima", "President", BR.
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE

    lima.refresh_from_db()
    assert (lima.name, lima.title, lima.country.code) == ("Ana Maria Lima", "", "PT")
    assert lima.review_state == ReviewState.CORRECTED
    assert Leader.objects.count() == 2  # no machine-made "Ana Lima" beside her
    assert set(article.leaders.all()) == set(Leader.objects.all())
    assert lima in Meeting.objects.get().participants.all()
    assert Gift.objects.get().giver == lima
    assert lima.history.filter(history_user=editor_user).count() == 1
