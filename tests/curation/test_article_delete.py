"""Deleting an article (``kb.services.article_delete``) and its pages: the article, its
evidence and the machine-made facts only it supports go, as after a re-extraction that
found nothing; editors' facts never do; a busy article, or one others duplicate, stays."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from api.models import Tombstone
from ingest.services import article_process
from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Evidence,
    Gift,
    Leader,
    Meeting,
    ReviewState,
)
from kb.services.articles import ArticleBusy, article_delete, article_delete_plan
from kb.services.facts import fact_confirm, fact_create_manual, fact_reject, fact_update
from tests.factories import ArticleFactory
from tests.ingest.record.test_sticky import TEXT, fake_extraction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def extraction(monkeypatch):
    """The (fake) extractor finds one meeting, one gift and one agreement in any text."""
    monkeypatch.setattr(
        "ingest.extract.extract", lambda text, published=None, **kw: fake_extraction()
    )


def extracted(text: str = TEXT) -> Article:
    article = ArticleFactory(text=text, status=ArticleStatus.QUEUED)
    assert article_process(article_id=article.pk).status == ArticleStatus.DONE
    return article


def facts() -> tuple[Meeting, Gift, Agreement]:
    return Meeting.objects.get(), Gift.objects.get(), Agreement.objects.get()


def test_the_article_its_evidence_and_the_machine_facts_only_it_supports_go(editor_user):
    article = extracted()
    meeting, gift, agreement = facts()

    plan = article_delete(article=article, user=editor_user)

    assert {type(f) for f in plan.deleted} == {Meeting, Gift, Agreement}
    assert not Article.objects.exists()
    assert not Evidence.objects.exists()
    assert not (Meeting.objects.exists() or Gift.objects.exists() or Agreement.objects.exists())
    assert Leader.objects.count() == 2, "leaders are never cleaned up, as in re-extraction"
    for fact in (meeting, gift, agreement):
        last = type(fact).history.filter(id=fact.pk).latest("history_date")
        assert (last.history_type, last.history_user) == ("-", editor_user)
        assert f"Article {article.pk} was deleted" in last.history_change_reason


def test_every_deleted_row_leaves_a_tombstone(editor_user):
    article = extracted()
    meeting, gift, agreement = facts()
    evidence = set(Evidence.objects.values_list("pk", flat=True))

    article_delete(article=article, user=editor_user)

    gone = set(Tombstone.objects.values_list("model", "object_id"))
    assert ("article", article.pk) in gone
    assert {("evidence", pk) for pk in evidence} <= gone
    assert {("meeting", meeting.pk), ("gift", gift.pk), ("agreement", agreement.pk)} <= gone


def test_facts_another_article_also_supports_stay_with_a_history_row(editor_user):
    first = extracted()
    second = extracted(TEXT + " Again.")
    meeting, gift, agreement = facts()

    plan = article_delete(article=first, user=editor_user)

    assert plan.deleted == []
    assert facts() == (meeting, gift, agreement)
    assert set(Evidence.objects.values_list("article", flat=True)) == {second.pk}
    last = meeting.history.latest("history_date")
    assert (last.history_type, last.history_user) == ("~", editor_user)
    assert "its evidence there was removed" in last.history_change_reason


def test_a_confirmed_fact_with_no_other_source_refuses_the_delete(editor_user):
    article = extracted()
    meeting, gift, _ = facts()
    fact_confirm(fact=meeting, user=editor_user)
    fact_update(fact=gift, user=editor_user, changes={"item": "vase"})
    evidence = Evidence.objects.count()

    with pytest.raises(ValidationError) as refused:
        article_delete(article=article, user=editor_user)

    message = " ".join(refused.value.messages)
    assert f"meeting {meeting.pk} (confirmed)" in message
    assert f"gift {gift.pk} (corrected)" in message
    assert "Delete or reject them" in message
    assert Article.objects.filter(pk=article.pk).exists()
    assert Evidence.objects.count() == evidence
    assert Meeting.objects.count() == Gift.objects.count() == Agreement.objects.count() == 1


def test_a_fact_added_by_hand_from_the_article_refuses_the_delete(editor_user):
    article = ArticleFactory(text=TEXT)
    leaders = Leader.objects.bulk_create([Leader(name="Ana Lima"), Leader(name="Tomas Berg")])
    manual = fact_create_manual(
        model=Meeting,
        user=editor_user,
        article=article,
        sentence_start=0,
        sentence_end=56,
        participants=[leader.pk for leader in leaders],
    )

    with pytest.raises(ValidationError, match=f"meeting {manual.pk} \\(confirmed\\)"):
        article_delete(article=article, user=editor_user)
    assert Evidence.objects.filter(meeting=manual, article=article).exists()


def test_an_editors_fact_with_another_source_is_kept_and_the_delete_goes_ahead(editor_user):
    first = extracted()
    extracted(TEXT + " Again.")
    meeting, *_ = facts()
    fact_update(fact=meeting, user=editor_user, changes={"place": "Bergen"})

    article_delete(article=first, user=editor_user)

    meeting.refresh_from_db()
    assert (meeting.review_state, meeting.place) == (ReviewState.CORRECTED, "Bergen")
    assert meeting.evidence.count() == 1


def test_a_rejected_fact_stays_rejected_as_a_memory_without_evidence(editor_user):
    article = extracted()
    meeting, *_ = facts()
    fact_reject(fact=meeting, user=editor_user)

    plan = article_delete(article=article, user=editor_user)

    assert plan.kept == [meeting]
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.REJECTED
    assert not meeting.evidence.exists()
    # The same wrong meeting found in another article attaches to it, still hidden.
    extracted(TEXT + " Again.")
    assert list(Meeting.objects.all()) == [meeting]
    assert Meeting.objects.get().review_state == ReviewState.REJECTED


@pytest.mark.parametrize("status", [ArticleStatus.QUEUED, ArticleStatus.PROCESSING])
def test_an_article_queued_or_being_extracted_is_not_deleted(editor_user, status):
    article = extracted()
    Article.objects.filter(pk=article.pk).update(status=status)

    with pytest.raises(ArticleBusy, match="wait until its extraction is done"):
        article_delete(article=article, user=editor_user)
    assert Article.objects.filter(pk=article.pk).exists()
    assert Meeting.objects.count() == 1


def test_a_failed_article_can_be_deleted(editor_user):
    article = ArticleFactory(status=ArticleStatus.FAILED, error="boom")
    article_delete(article=article, user=editor_user)
    assert not Article.objects.exists()


def test_an_article_others_duplicate_is_refused_until_they_are_deleted(editor_user):
    original = extracted()
    duplicate = ArticleFactory(
        text=TEXT, content_hash=None, url="https://example.com/a", duplicate_of=original
    )

    with pytest.raises(ValidationError, match=f"duplicates of this one \\({duplicate.pk}\\)"):
        article_delete(article=original, user=editor_user)
    assert Article.objects.count() == 2

    assert article_delete(article=duplicate, user=editor_user).deleted == []
    assert Meeting.objects.count() == 1, "the duplicate supported nothing"
    article_delete(article=original, user=editor_user)
    assert not Article.objects.exists()


def test_the_uploaded_file_is_removed_once_committed(
    editor_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    article = ArticleFactory()
    article.upload.save("wrong.txt", ContentFile(b"the wrong article"))
    path = tmp_path / article.upload.name
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        article_delete(article=article, user=editor_user)

    assert not path.exists()


def test_the_plan_says_what_would_go_without_deleting_anything(editor_user):
    article = extracted()
    meeting, gift, agreement = facts()
    fact_confirm(fact=agreement, user=editor_user)

    plan = article_delete_plan(article=article)

    assert set(plan.deleted) == {meeting, gift}
    assert plan.resting == [agreement]
    assert plan.refusal() is not None
    assert Article.objects.filter(pk=article.pk).exists()


# ---- a worker and a deleted article -----------------------------------------------------


def test_a_worker_given_a_deleted_article_does_nothing(editor_user):
    article = extracted()
    article_delete(article=article, user=editor_user)

    assert article_process(article_id=article.pk) is None
    assert not (Meeting.objects.exists() or Evidence.objects.exists())


@pytest.mark.django_db(transaction=True)
def test_an_article_deleted_while_a_stale_worker_extracts_gets_no_facts(monkeypatch):
    """A redelivered task may run on an article deleted meanwhile: its writes roll back."""
    article = ArticleFactory(text=TEXT)

    def extract_then_lose_the_article(text, published=None, **kw):
        Article.objects.filter(pk=article.pk).delete()
        return fake_extraction()

    monkeypatch.setattr("ingest.extract.extract", extract_then_lose_the_article)
    assert article_process(article_id=article.pk) is None  # quietly: nothing left to do
    assert not Article.objects.exists()
    assert not (Meeting.objects.exists() or Gift.objects.exists() or Agreement.objects.exists())
    assert not (Evidence.objects.exists() or Leader.objects.exists())


# ---- pages ------------------------------------------------------------------------------


def test_the_article_page_offers_editors_the_delete_page(editor_client):
    article = extracted()
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert reverse("article-delete", args=[article.pk]) in page


def test_the_article_page_offers_others_no_delete(analyst_client):
    article = extracted()
    page = analyst_client.get(article.get_absolute_url()).content.decode()
    assert reverse("article-delete", args=[article.pk]) not in page


def test_the_confirmation_page_lists_what_goes_and_asks_before_deleting(editor_client):
    article = extracted()
    meeting, *_ = facts()

    page = editor_client.get(reverse("article-delete", args=[article.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert "Delete this article" in body and "csrfmiddlewaretoken" in body
    assert meeting.get_absolute_url() in body
    assert Article.objects.filter(pk=article.pk).exists()


def test_posting_the_confirmation_deletes_and_returns_to_the_list(editor_client, editor_user):
    article = extracted()

    response = editor_client.post(reverse("article-delete", args=[article.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("article-list")
    assert "Deleted article" in response.content.decode()
    assert not Article.objects.exists() and not Meeting.objects.exists()
    assert Meeting.history.filter(history_type="-", history_user=editor_user).exists()


def test_a_refused_delete_shows_why_and_keeps_the_article(editor_client, editor_user):
    article = extracted()
    meeting, *_ = facts()
    fact_confirm(fact=meeting, user=editor_user)
    url = reverse("article-delete", args=[article.pk])

    page = editor_client.get(url).content.decode()
    assert "cannot be deleted now" in page and 'type="submit"' not in page.split("<main")[-1]

    response = editor_client.post(url, follow=True)
    assert "The article was not deleted" in response.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()


def test_only_editors_may_delete_an_article(analyst_client):
    article = extracted()
    url = reverse("article-delete", args=[article.pk])
    assert analyst_client.get(url).status_code == 403
    assert analyst_client.post(url).status_code == 403
    anonymous = Client().post(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert Article.objects.filter(pk=article.pk).exists()
