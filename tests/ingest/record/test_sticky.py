"""Re-running extraction on an article, through the real path (ingest.services), never
overwrites or brings back what an editor corrected, confirmed or rejected: facts, and
leaders corrected, confirmed, rejected or added by hand."""

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
from ingest.resolve import leader_resolve
from ingest.services import article_process
from kb.models import Agreement, ArticleStatus, Country, Gift, Leader, Meeting, ReviewState
from kb.services.facts import fact_confirm, fact_create_manual, fact_reject, fact_update
from kb.services.leaders import leader_confirm, leader_create, leader_reject
from kb.services.merges import meeting_merge
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "President Ana Lima met Prime Minister Tomas Berg in Oslo. Lima gave Berg a clay jug."


def _evidence(start=0, end=20, confidence=0.6):
    return (Evidence(Span(start, end, TEXT[:56], 0), confidence, "test-rule"),)


LIMA = LeaderMention("Ana Lima", "BR", "President", ("Lima",))
BERG = LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg",))


def fake_extraction(*, item="clay jug", status="signed", place="Oslo", lima=LIMA, berg=BERG):
    both = (lima.name, berg.name)
    return Extraction(
        published=dt.date(2025, 1, 8),
        leaders=(lima, berg),
        countries=("BR", "NO"),
        meetings=(
            MeetingCandidate(
                both, "visit", "NO", place, dt.date(2025, 1, 7), ("fisheries",), _evidence()
            ),
        ),
        gifts=(GiftCandidate(lima.name, berg.name, item, _evidence(58, 85, 0.5)),),
        agreements=(
            AgreementCandidate(both, "mou", status, "MoU on fisheries", None, _evidence()),
        ),
    )


@pytest.fixture
def extraction(monkeypatch):
    """What the (fake) extractor returns next; set ``.value`` to change it."""

    class Box:
        value = fake_extraction()

    monkeypatch.setattr("ingest.extract.extract", lambda text, published=None, **kw: Box.value)
    return Box


def test_corrections_confirmations_and_rejections_survive_reextraction(
    countries, extraction, editor_user
):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE
    meeting, gift, agreement = Meeting.objects.get(), Gift.objects.get(), Agreement.objects.get()

    fact_update(fact=meeting, user=editor_user, changes={"place": "Bergen", "kind": "summit"})
    fact_reject(fact=gift, user=editor_user)
    fact_confirm(fact=agreement, user=editor_user)

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
    meeting_merge(keep=keep, merge=duplicate, user=editor_user)

    article_process(article_id=article.pk)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert duplicate.review_state == ReviewState.REJECTED
    assert keep.evidence.filter(article=article).exists()


def test_manual_evidence_survives_reextraction(countries, extraction, editor_user):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    gift = fact_create_manual(
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


def _leader_row(leader: Leader) -> tuple:
    leader.refresh_from_db()
    return (
        leader.name,
        leader.title,
        leader.country_id,
        leader.other_names,
        leader.review_state,
        leader.history.count(),
    )


def test_a_rejected_leader_stays_rejected_and_is_never_made_again(
    countries, extraction, editor_user
):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    berg = Leader.objects.get(name="Tomas Berg")
    leader_reject(leader=berg, user=editor_user)
    before = _leader_row(berg)

    # The extractor names him again, here and in another article, with a new alias
    # (which extraction would add to a record nobody rejected).
    extraction.value = fake_extraction(
        berg=LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg", "Premier Berg"))
    )
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE
    other = ArticleFactory(text=TEXT + " They spoke again.", status=ArticleStatus.QUEUED)
    assert article_process(article_id=other.pk).status == ArticleStatus.DONE

    assert _leader_row(berg) == before
    assert berg.review_state == ReviewState.REJECTED
    assert list(Leader.objects.named("Tomas Berg")) == [berg]  # no second record
    assert Leader.objects.count() == 2
    assert list(Leader.objects.visible()) == [Leader.objects.get(name="Ana Lima")]
    # Rejecting him did not reject his facts: they are found again as before.
    assert list(Meeting.objects.get().participants.order_by("name")) == [
        Leader.objects.get(name="Ana Lima"),
        berg,
    ]
    assert Gift.objects.get().recipient == berg


def test_a_record_not_rejected_wins_over_a_rejected_namesake(countries):
    brazil = Country.objects.get(code="BR")
    rejected = Leader.objects.create(name="Ana Lima", review_state=ReviewState.REJECTED)
    real = Leader.objects.create(name="Ana Lima", country=brazil)

    for country in ("BR", None):
        mention = LeaderMention("Ana Lima", country, "President", ())
        assert leader_resolve(mention=mention, named_before={rejected.pk, real.pk}) == real
    rejected.refresh_from_db()
    assert (rejected.title, rejected.country) == ("", None)


def test_a_confirmed_leader_keeps_its_name_and_gains_the_longer_one_as_an_alias(
    countries, extraction, editor_user
):
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)
    article_process(article_id=article.pk)
    lima = Leader.objects.get(name="Ana Lima")
    leader_confirm(leader=lima, user=editor_user)

    extraction.value = fake_extraction(
        lima=LeaderMention("Ana Maria Lima", "BR", "President", ("Ana Lima", "Lima"))
    )
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE

    lima.refresh_from_db()
    assert (lima.name, lima.review_state) == ("Ana Lima", ReviewState.CONFIRMED)
    assert lima.other_names == ["Ana Maria Lima", "Lima"]
    assert Leader.objects.count() == 2
    assert lima in Meeting.objects.get().participants.all()


def test_a_leader_added_by_hand_is_the_one_extraction_finds(countries, extraction, editor_user):
    berg = leader_create(user=editor_user, name="Tomas Berg", country="NO")
    article = ArticleFactory(text=TEXT, status=ArticleStatus.QUEUED)

    assert article_process(article_id=article.pk).status == ArticleStatus.DONE

    assert Leader.objects.count() == 2
    assert set(article.leaders.all()) == {berg, Leader.objects.get(name="Ana Lima")}
    berg.refresh_from_db()
    # A blank the editor left is filled; what they set, and their review, stay.
    assert (berg.name, berg.country.code, berg.title) == ("Tomas Berg", "NO", "Prime Minister")
    assert (berg.review_state, berg.edited_fields) == (ReviewState.CONFIRMED, ["country", "name"])
    assert Gift.objects.get().recipient == berg
