"""Saving extractions: evidence, cross-article matching and sticky human edits."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.types import (
    AgreementCandidate,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)
from ingest.record import article_facts_replace
from kb.models import Agreement, Gift, Leader, Meeting, ReviewState
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "President Ana Lima met Prime Minister Tomas Berg in Oslo. Lima gave Berg a clay jug."


def evidence(start: int = 0, end: int = 20, confidence: float = 0.9) -> tuple[Evidence, ...]:
    sentence = TEXT[:56]
    return (Evidence(Span(start, end, sentence, 0), confidence, "test-rule"),)


def extraction(*, date=dt.date(2025, 1, 7), item="clay jug", status="signed", host="NO"):
    return Extraction(
        published=dt.date(2025, 1, 8),
        leaders=(
            LeaderMention("Ana Lima", "BR", "President", ("Lima", "President Lima")),
            LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg",)),
        ),
        countries=("BR", "NO"),
        meetings=(
            MeetingCandidate(
                ("Ana Lima", "Tomas Berg"), "visit", host, "Oslo", date, ("fisheries",), evidence()
            ),
        ),
        gifts=(GiftCandidate("Ana Lima", "Tomas Berg", item, evidence(58, 85, 0.7)),),
        agreements=(
            AgreementCandidate(
                ("Ana Lima", "Tomas Berg"), "mou", status, "MoU on fisheries", None, evidence()
            ),
        ),
    )


def test_facts_are_saved_with_their_evidence(countries):
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=extraction())

    meeting = Meeting.objects.get()
    assert sorted(p.name for p in meeting.participants.all()) == ["Ana Lima", "Tomas Berg"]
    assert meeting.host_country.code == "NO"
    assert meeting.date == dt.date(2025, 1, 7)
    gift = Gift.objects.get()
    assert (gift.giver.name, gift.recipient.name) == ("Ana Lima", "Tomas Berg")
    assert gift.item == "clay jug"
    assert gift.meeting == meeting
    assert gift.evidence.get().confidence == pytest.approx(0.7)
    assert Agreement.objects.get().leader_parties.count() == 2
    assert article.evidence.count() == 3
    assert article.extractor_version


def test_surname_and_title_forms_resolve_to_one_leader(countries):
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=extraction())
    lima = Leader.objects.get(name="Ana Lima")
    assert list(Leader.objects.named("President Lima")) == [lima]
    assert list(Leader.objects.named("lima")) == [lima]


def test_the_same_meeting_from_a_second_article_gains_a_source_not_a_duplicate(countries):
    first, second = ArticleFactory(text=TEXT), ArticleFactory(text=TEXT + " More.")
    article_facts_replace(article=first, extraction=extraction())
    article_facts_replace(article=second, extraction=extraction(date=dt.date(2025, 1, 8)))

    meeting = Meeting.objects.get()
    assert {e.article_id for e in meeting.evidence.all()} == {first.pk, second.pk}
    assert Gift.objects.count() == 1
    assert Leader.objects.count() == 2


def test_meetings_far_apart_in_time_stay_separate(countries):
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=extraction())
    article_facts_replace(
        article=ArticleFactory(text=TEXT + " Later."),
        extraction=extraction(date=dt.date(2025, 6, 1)),
    )
    assert Meeting.objects.count() == 2


def test_reextraction_replaces_machine_facts(countries):
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=extraction(item="clay jug"))
    article_facts_replace(article=article, extraction=extraction(item="woollen scarf"))
    assert list(Gift.objects.values_list("item", flat=True)) == ["woollen scarf"]
    assert Meeting.objects.count() == 1
    assert article.evidence.count() == 3


def test_reextraction_never_overwrites_or_revives_human_decisions(countries):
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=extraction())
    gift = Gift.objects.get()
    gift.item = "glazed clay jug"
    gift.review_state = ReviewState.CORRECTED
    gift.edited_fields = ["item"]
    gift.save()
    Meeting.objects.update(review_state=ReviewState.REJECTED)
    Agreement.objects.update(review_state=ReviewState.CONFIRMED)

    article_facts_replace(article=article, extraction=extraction(status="proposed"))

    gift.refresh_from_db()
    assert gift.item == "glazed clay jug"
    assert Gift.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.review_state == ReviewState.REJECTED
    assert Meeting.objects.visible().count() == 0
    assert Agreement.objects.get().status == "signed"


def test_human_touched_fact_survives_when_extraction_no_longer_finds_it(countries):
    article = ArticleFactory(text=TEXT)
    article_facts_replace(article=article, extraction=extraction())
    Gift.objects.update(review_state=ReviewState.CONFIRMED)
    article_facts_replace(article=article, extraction=Extraction(published=None))
    assert Gift.objects.count() == 1
    assert Meeting.objects.count() == 0
