"""`manage.py reextract`: which stored articles run again, editors' work kept, dry runs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from ingest.extract.types import (
    EXTRACTOR_VERSION,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)
from ingest.queue import queue_replaced
from kb.models import Article, ArticleStatus, Gift, Meeting, ReviewState
from tests.factories import ArticleFactory

# Transactional: the command's queueing runs on commit, as it does outside tests.
pytestmark = pytest.mark.django_db(transaction=True)

OLD = "0.0.1"
TEXT = "Ana Lima met Tomas Berg in Oslo on Monday. Lima gave Berg a clay jug."


def _found(item: str = "clay jug") -> Extraction:
    sentence = (Evidence(Span(0, 20, TEXT, 0), 0.9, "test-rule"),)
    return Extraction(
        published=dt.date(2025, 1, 8),
        leaders=(
            LeaderMention("Ana Lima", "BR", "President", ("Lima",)),
            LeaderMention("Tomas Berg", "NO", "Prime Minister", ("Berg",)),
        ),
        countries=("BR", "NO"),
        meetings=(
            MeetingCandidate(
                ("Ana Lima", "Tomas Berg"), "visit", "NO", "Oslo", dt.date(2025, 1, 6), (), sentence
            ),
        ),
        gifts=(GiftCandidate("Ana Lima", "Tomas Berg", item, sentence, meeting=0),),
    )


@pytest.fixture(autouse=True)
def in_process():
    """The task runs here, on commit, even where CELERY_BROKER_URL names a real broker
    (as in CI): these tests are about what the command picks and keeps, not the queue."""
    from ingest.tasks import ingest_article

    def run_on_commit(article):
        transaction.on_commit(lambda: ingest_article.apply(args=[article.pk]))

    with queue_replaced(run_on_commit):
        yield


@pytest.fixture
def extracted(monkeypatch):
    """Extraction replaced by a fixed result; the list of texts it was asked to read."""
    calls: list[str] = []

    def fake(text, published, **kwargs):
        calls.append(text)
        return _found()

    monkeypatch.setattr("ingest.extract.extract", fake)
    return calls


def _article(version: str = OLD, **fields) -> Article:
    return ArticleFactory(extractor_version=version, **fields)


def test_outdated_picks_articles_of_other_versions_only(extracted, countries, capsys):
    old, never = _article(), _article(version="", status=ArticleStatus.FAILED)
    current = _article(version=EXTRACTOR_VERSION)
    duplicate = _article(duplicate_of=current)
    queued = _article(status=ArticleStatus.QUEUED)

    call_command("reextract", "--outdated", "--batch", "1")

    assert sorted(extracted) == sorted([old.text, never.text])
    for article in (old, never):
        article.refresh_from_db()
        assert (article.extractor_version, article.status) == (EXTRACTOR_VERSION, "done")
    for article, version, status in (
        (current, EXTRACTOR_VERSION, "done"),
        (duplicate, OLD, "done"),
        (queued, OLD, "queued"),
    ):
        article.refresh_from_db()
        assert (article.extractor_version, article.status) == (version, status)
    assert "2 article(s) extracted again" in capsys.readouterr().out


def test_article_option_runs_the_named_article_whatever_its_version(extracted, countries):
    current = _article(version=EXTRACTOR_VERSION)
    _article()
    call_command("reextract", "--article", str(current.pk))
    assert extracted == [current.text]


def test_reextraction_keeps_what_editors_corrected_and_rejected(monkeypatch, countries):
    monkeypatch.setattr("ingest.extract.extract", lambda text, published, **kw: _found())
    article = _article(text=TEXT)
    call_command("reextract", "--article", str(article.pk))
    gift = Gift.objects.get()
    assert gift.meeting == Meeting.objects.get()
    gift.item = "glazed clay jug"
    gift.review_state = ReviewState.CORRECTED
    gift.edited_fields = ["item"]
    gift.save()
    Meeting.objects.update(review_state=ReviewState.REJECTED)
    Article.objects.filter(pk=article.pk).update(extractor_version=OLD)

    call_command("reextract", "--outdated")

    gift.refresh_from_db()
    assert gift.item == "glazed clay jug" and gift.review_state == ReviewState.CORRECTED
    assert Gift.objects.count() == 1
    assert Meeting.objects.get().review_state == ReviewState.REJECTED
    article.refresh_from_db()
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.evidence.count() == 2  # the new run's evidence, on the same facts


def test_dry_run_counts_and_changes_nothing(extracted, countries, capsys):
    old = _article()
    _article(version=EXTRACTOR_VERSION)
    call_command("reextract", "--outdated", "--dry-run")
    assert "1 article(s) would be extracted again" in capsys.readouterr().out
    assert extracted == []
    old.refresh_from_db()
    assert (old.extractor_version, old.status) == (OLD, "done")


def test_the_command_needs_to_be_told_which_articles(extracted):
    with pytest.raises(CommandError, match="--outdated"):
        call_command("reextract")
    with pytest.raises(CommandError, match="No such article: 987654"):
        call_command("reextract", "--article", "987654")
    assert extracted == []
