"""The work one article may cost is bounded: sentences, facts and seconds (issue 12: a
990,000-character article ran for 15.5 minutes, made 7,169 gifts and 15,937 evidence
rows, and held the database meanwhile). Over a limit, the article fails at once with a
reason people can act on, and nothing it would have made is written."""

from __future__ import annotations

import time

import pytest

from ingest.extract import Limits, TooLarge, extract
from ingest.services import article_process, article_submit
from kb.models import Article, ArticleStatus, Evidence, Gift, Meeting
from tests.factories import ArticleFactory, EvidenceFactory, LeaderFactory, MeetingFactory

PEOPLE = [
    ("Norwegian Prime Minister", "Ingrid Solheim"), ("Chilean President", "Mateo Ibarra"),
    ("Kenyan President", "Amani Otieno"), ("Japanese Prime Minister", "Haruto Sato"),
    ("Canadian Prime Minister", "Claire Dubois"), ("Mexican President", "Lucia Ramos"),
    ("German Chancellor", "Jonas Keller"), ("Ghanaian President", "Kofi Mensah"),
]  # fmt: skip
GIFTS = ["a carved wooden bowl", "a silver tea set", "a wool blanket", "a bronze statue"]


def _paragraph(i: int) -> str:
    """Two sentences: a meeting and a gift, of another pair of invented leaders each time."""
    (title, name), (other_title, other) = PEOPLE[i % 8], PEOPLE[(i + 1) % 8]
    return (
        f"{title} {name} welcomed {other_title} {other} to the capital on Thursday. "
        f"{name.split()[1]} presented {other.split()[1]} with {GIFTS[i % 4]}."
    )


def _article(paragraphs: int) -> str:
    return "\n\n".join(_paragraph(i) for i in range(paragraphs))


@pytest.fixture(scope="module")
def nlp():
    from ingest.nlp import get_nlp

    return get_nlp()


# ---- the extractor ------------------------------------------------------------------------


def test_an_article_over_the_sentence_limit_is_refused_with_its_count(nlp):
    text = _article(6)  # 12 sentences
    with pytest.raises(TooLarge) as refused:
        extract(text, None, nlp=nlp, limits=Limits(max_sentences=8))
    reason = str(refused.value)
    assert ": 12 sentences" in reason and "limit of 8" in reason
    assert "Split" in reason


def test_an_article_far_over_the_sentence_limit_is_refused_before_it_is_parsed():
    def never(text):
        raise AssertionError("parsed an article far over the limit")

    text = "The ministers met in Vardel again. " * 20_000
    started = time.perf_counter()
    with pytest.raises(TooLarge) as refused:
        extract(text, None, nlp=never, limits=Limits(max_sentences=1_000))
    assert time.perf_counter() - started < 1
    assert "about 20,000 sentences" in str(refused.value)


def test_a_wall_of_text_with_no_sentence_ends_is_refused_by_its_words_before_the_parse():
    def never(text):
        raise AssertionError("parsed an article far over the limit")

    text = "the ministers met in Vardel again and " * 10_000  # 70,000 words, one "sentence"
    with pytest.raises(TooLarge) as refused:
        extract(text, None, nlp=never, limits=Limits(max_sentences=1_500))
    assert "70,000 words" in str(refused.value)


def test_an_article_over_the_fact_limit_is_refused_with_its_count(nlp):
    with pytest.raises(TooLarge) as refused:
        extract(_article(6), None, nlp=nlp, limits=Limits(max_facts=3))  # 12 facts
    reason = str(refused.value)
    assert "meetings, gifts and agreements" in reason and "limit of 3" in reason


def test_extraction_that_runs_out_of_time_stops_with_the_stage_it_reached(nlp):
    ticks = iter(range(0, 10_000, 50))  # every look at the clock, 50 seconds later
    with pytest.raises(TooLarge) as refused:
        extract(
            _article(2), None, nlp=nlp, limits=Limits(max_seconds=120), clock=lambda: next(ticks)
        )
    assert "120 seconds" in str(refused.value)


def test_an_article_within_the_limits_is_extracted_as_without_them(nlp):
    text = _article(2)
    limited = extract(text, None, nlp=nlp, limits=Limits(10, 10, 60))
    assert limited == extract(text, None, nlp=nlp)
    assert limited.meetings and limited.gifts


# ---- the service --------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_article_over_a_limit_fails_with_the_reason_and_writes_nothing(no_queue, settings):
    settings.INGEST_MAX_SENTENCES = 8
    article, _ = article_submit(text=_article(6))

    done = article_process(article_id=article.pk)

    assert done.status == ArticleStatus.FAILED
    assert done.error.startswith("This article is too long to extract: 12 sentences")
    assert "Traceback" not in done.error and ".py" not in done.error
    assert not Meeting.objects.exists() and not Gift.objects.exists()


@pytest.mark.django_db
def test_an_article_over_a_limit_keeps_the_facts_it_had(no_queue, settings):
    article = ArticleFactory(text=_article(6))
    meeting = MeetingFactory(participants=[LeaderFactory()])
    EvidenceFactory(article=article, meeting=meeting)
    settings.INGEST_MAX_FACTS = 2

    done = article_process(article_id=article.pk)

    assert done.status == ArticleStatus.FAILED
    assert "too many facts" in done.error
    assert Evidence.objects.filter(article=article, meeting=meeting).exists()


@pytest.mark.django_db
def test_the_default_limits_stop_a_megabyte_article_within_seconds(no_queue):
    """The issue's case: under the size limit, far over any real article's length."""
    text = _article(6_000)  # about 900,000 characters
    article, _ = article_submit(text=text)
    started = time.perf_counter()

    done = article_process(article_id=article.pk)

    assert time.perf_counter() - started < 5
    assert done.status == ArticleStatus.FAILED
    assert "too long to extract" in done.error
    assert Article.objects.get(pk=article.pk).evidence.count() == 0


@pytest.mark.django_db
def test_the_workers_own_time_limit_fails_the_article_with_the_reason(no_queue, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    def slow(text, published, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("ingest.extract.extract", slow)
    article, _ = article_submit(text=_article(1))

    done = article_process(article_id=article.pk)

    assert done.status == ArticleStatus.FAILED
    assert done.error.startswith("Extracting this article took longer than the limit of")
    assert "Traceback" not in done.error


@pytest.mark.django_db
def test_each_evidence_row_stores_its_candidate_without_the_other_rows(no_queue):
    """A fact told in n sentences has n evidence rows; each copying all n spans was n²."""
    text = "\n\n".join([_paragraph(0)] * 4)  # one meeting and one gift, each told 4 times
    article, _ = article_submit(text=text)

    article_process(article_id=article.pk)

    rows = Evidence.objects.filter(article=article, meeting__isnull=False)
    assert rows.count() == 4
    for row in rows:
        assert "evidence" not in row.candidate
        assert row.candidate["participants"] == ["Ingrid Solheim", "Mateo Ibarra"]
