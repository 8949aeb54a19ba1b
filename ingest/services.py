"""From an upload to records: the one path that the upload page, the API and the
`ingest` command all take."""

from __future__ import annotations

import logging
import traceback

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from ingest import read
from ingest.read import UploadRejected
from kb.models import Article, ArticleStatus
from kb.services import article_facts_replace

logger = logging.getLogger(__name__)

__all__ = ["UploadRejected", "article_submit", "article_process", "article_requeue"]


def _queue(article: Article) -> None:
    from ingest.tasks import ingest_article

    transaction.on_commit(lambda: ingest_article.delay(article.pk))


def article_submit(
    *,
    data: bytes | None = None,
    text: str | None = None,
    url: str | None = None,
    filename: str = "",
    source: str = "",
    queue: bool = True,
) -> tuple[Article, bool]:
    """Read an upload (bytes of a file, pasted text or a URL), save its Article and
    queue extraction once the row is committed.

    Returns (article, created). The same text submitted twice is one article: the
    second submission returns the first, unchanged. Raises UploadRejected, with a
    reason for the user, before anything is stored.
    """
    limit = settings.UPLOAD_MAX_BYTES
    if url:
        data, final_url = read.fetch_url(
            url, max_bytes=limit, allow_private=settings.INGEST_ALLOW_PRIVATE_URLS
        )
        source = source or final_url
    if data is not None:
        parsed = read.read_upload(data, filename=filename, max_bytes=limit)
    elif text is not None:
        parsed = read.read_text(text, max_bytes=limit)
    else:
        raise UploadRejected("empty", "Nothing was uploaded: give text, a file or a URL.")

    content_hash = read.content_hash(parsed.text)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return existing, False
    article = Article(
        title=parsed.title[:300],
        text=parsed.text,
        published=parsed.published,
        source=(source or filename)[:500],
        media_type=parsed.media_type,
        content_hash=content_hash,
        status=ArticleStatus.QUEUED,
    )
    try:
        with transaction.atomic():
            if data is not None and filename:
                article.upload.save(filename[-100:], ContentFile(data), save=False)
            article.save()
    except IntegrityError:
        # Lost a race with an identical upload: that one is the article.
        return Article.objects.get(content_hash=content_hash), False
    if queue:
        _queue(article)
    return article, True


def article_requeue(*, article: Article) -> Article:
    """Queue extraction again (after a failure, or to re-run a newer extractor)."""
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.QUEUED, error="", updated_at=timezone.now()
    )
    article.refresh_from_db()
    _queue(article)
    return article


def article_process(*, article_id: int) -> Article | None:
    """Run extraction on one article and save its facts in one transaction.

    A failure marks the article failed with the error and leaves its previous facts as
    they were; it does not raise, so the worker stays up and the article can be retried.
    """
    from ingest.extract import extract

    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        logger.warning("article %s no longer exists; nothing to do", article_id)
        return None
    now = timezone.now()
    Article.objects.filter(pk=article_id).update(
        status=ArticleStatus.PROCESSING, started_at=now, attempts=article.attempts + 1, error=""
    )
    article.refresh_from_db()
    try:
        extraction = extract(article.text, article.published)
        article_facts_replace(article=article, extraction=extraction)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded on the article
        logger.exception("extraction failed for article %s", article_id)
        Article.objects.filter(pk=article_id).update(
            status=ArticleStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc(limit=5)}"[:5000],
            finished_at=timezone.now(),
        )
        article.refresh_from_db()
        return article
    Article.objects.filter(pk=article_id).update(
        status=ArticleStatus.DONE, error="", finished_at=timezone.now()
    )
    article.refresh_from_db()
    return article
