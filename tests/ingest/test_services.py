"""The ingest service: one article per distinct text, failures recorded, retries."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.types import Extraction
from ingest.services import UploadRejected, article_process, article_requeue, article_submit
from kb.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

TEXT = "date 2025-04-02\n\nTwo ministers met in a quiet harbour town to talk about ferries."


def test_submit_saves_a_queued_article_without_its_dateline(no_queue):
    article, created = article_submit(text=TEXT, source="pasted")
    assert created
    assert article.status == ArticleStatus.QUEUED
    assert article.published == dt.date(2025, 4, 2)
    assert article.text.startswith("Two ministers met")
    assert len(article.content_hash) == 64


def test_the_same_text_uploaded_twice_is_one_article(no_queue):
    first, _ = article_submit(text=TEXT)
    second, created = article_submit(data=TEXT.encode(), filename="again.txt")
    assert not created
    assert second.pk == first.pk
    assert Article.objects.count() == 1


def test_a_file_upload_keeps_its_original_bytes(no_queue, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    article, _ = article_submit(data=TEXT.encode(), filename="harbour.txt")
    assert article.source == "harbour.txt"
    assert article.upload.read() == TEXT.encode()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"text": "   "},
        {"data": b""},
        {"data": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "filename": "photo.txt"},
        {"data": "Caf\xe9 talks".encode("latin-1"), "filename": "latin.txt"},
        {},
    ],
    ids=["blank-text", "empty-file", "png-named-txt", "latin-1", "nothing"],
)
def test_bad_uploads_are_refused_with_a_reason_and_nothing_is_saved(no_queue, kwargs):
    with pytest.raises(UploadRejected) as refused:
        article_submit(**kwargs)
    assert str(refused.value)
    assert Article.objects.count() == 0


def test_an_upload_over_the_limit_is_refused(no_queue, settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(UploadRejected, match="limit"):
        article_submit(data=b"x" * 101, filename="long.txt")
    assert Article.objects.count() == 0


def test_extraction_that_raises_marks_the_article_failed_and_a_retry_succeeds(
    no_queue, monkeypatch, caplog
):
    article, _ = article_submit(text=TEXT)

    def broken(text, published, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr("ingest.extract.extract", broken)
    failed = article_process(article_id=article.pk)
    assert failed.status == ArticleStatus.FAILED
    # Readers see a short reason; the exception is in the log only.
    assert failed.error.startswith("An internal error stopped extraction")
    assert "parser exploded" not in failed.error
    assert "parser exploded" in caplog.text
    assert failed.attempts == 1

    article_requeue(article=failed)
    monkeypatch.setattr(
        "ingest.extract.extract", lambda text, published, **kw: Extraction(published=published)
    )
    done = article_process(article_id=article.pk)
    assert done.status == ArticleStatus.DONE
    assert done.error == ""
    assert done.attempts == 2


def test_processing_a_deleted_article_is_a_no_op():
    assert article_process(article_id=987654) is None
