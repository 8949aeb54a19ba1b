"""From an upload to records: the one path that the upload page, the API and the
`ingest` command all take."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone

from ingest import fetch, read
from ingest.queue import article_queue
from ingest.read import UploadRejected
from ingest.record import article_facts_replace
from kb.models import Article, ArticleStatus

logger = logging.getLogger(__name__)

# What readers see of an unexpected failure; the trace is in the log under the reference.
INTERNAL_ERROR_REASON = (
    "An internal error stopped extraction (reference {reference}); "
    "the details are in the server log."
)
TIME_LIMIT_REASON = (
    "Extracting this article took longer than the limit of {seconds} seconds. "
    "Split it into shorter articles and upload those."
)

__all__ = [
    "UploadRejected",
    "article_process",
    "article_requeue",
    "article_submit",
    "articles_submit",
]

#: The most articles one batch upload may hold.
BATCH_MAX = 100


def _limits() -> dict:
    return {
        "max_bytes": settings.UPLOAD_MAX_BYTES,
        "max_text_chars": settings.INGEST_MAX_TEXT_CHARS,
        "max_pdf_pages": settings.INGEST_MAX_PDF_PAGES,
        "max_pdf_seconds": settings.INGEST_MAX_PDF_SECONDS,
    }


def _work_limits():
    from ingest.extract import Limits

    return Limits(
        max_sentences=settings.INGEST_MAX_SENTENCES or None,
        max_facts=settings.INGEST_MAX_FACTS or None,
        max_seconds=settings.INGEST_MAX_SECONDS or None,
    )


def article_submit(
    *,
    data: bytes | None = None,
    text: str | None = None,
    url: str | None = None,
    filename: str = "",
    source: str = "",
    published: dt.date | None = None,
    page_url: str = "",
    read_now: bool = False,
    queue: bool = True,
) -> tuple[Article, bool]:
    """Read an upload (bytes of a file, pasted text or a URL), save its Article and
    queue extraction once the row is committed.

    Returns (article, created). The same text submitted twice is one article: the
    second submission returns the first, unchanged. Raises UploadRejected, with a
    reason for the user, before anything is stored.

    A URL is not fetched here: the address is checked (scheme, and hosts written as
    internal IP addresses) and saved on a queued article with no text yet; the worker
    fetches it within size and time limits (see :func:`article_process`). PDF and HTML
    files, which can take seconds to read, are handled alike: the request checks their
    size and type and stores the bytes, and the worker reads them. If the text turns out
    to be an article already stored, the new one is marked its duplicate.

    ``published`` and ``page_url`` are what an archive knows of a text (bulk ingest's
    JSONL lines): the date stands in for one read from the text, and the address is kept
    as where the text came from; it is never fetched, since the text is here already.
    ``read_now`` reads a PDF or HTML file here instead of in the worker, for callers
    with no request to answer quickly (bulk ingest), so that a file whose text is stored
    already is known as such at once and stores nothing.
    """
    limits = _limits()
    if url:
        url = fetch.check_url(url, allow_private=settings.INGEST_ALLOW_PRIVATE_URLS)
        article = _unread(
            url=url, title=url, source=source or url, published=published, queue=queue
        )
        return article, True
    if data is not None:
        media_type = read.check_upload(data, filename=filename, max_bytes=limits["max_bytes"])
        if media_type in read.READ_LATER and not read_now:
            article = _unread(
                title=filename or "Uploaded file",
                source=source or filename,
                media_type=media_type,
                upload=(filename or "upload", data),
                queue=queue,
            )
            return article, True
        parsed = read.read_upload(data, filename=filename, **limits)
    elif text is not None:
        parsed = read.read_text(
            text, max_bytes=limits["max_bytes"], max_text_chars=limits["max_text_chars"]
        )
    else:
        raise UploadRejected("empty", "Nothing was uploaded: give text, a file or a URL.")

    content_hash = read.content_hash(parsed.text)
    existing = Article.objects.filter(content_hash=content_hash).first()
    if existing is not None:
        return existing, False
    article = Article(
        title=parsed.title[:300],
        text=parsed.text,
        published=published or parsed.published,
        url=page_url[:2000],
        source=(source or filename or page_url)[:500],
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
        article_queue(article)
    return article, True


@dataclass
class Submitted:
    index: int
    article: Article | None = None
    created: bool = False
    error: UploadRejected | None = None


def articles_submit(items: list[dict | UploadRejected]) -> list[Submitted]:
    """Submit each item (keyword arguments for ``article_submit``, or the reason it is
    unusable) on its own: one that cannot be read is reported with its reason and does
    not stop the others."""
    if not items:
        raise UploadRejected("empty", "The batch is empty: give at least one item.")
    if len(items) > BATCH_MAX:
        raise UploadRejected("too_many", f"A batch holds at most {BATCH_MAX} items.")
    results = []
    for index, kwargs in enumerate(items):
        if isinstance(kwargs, UploadRejected):
            results.append(Submitted(index, error=kwargs))
            continue
        try:
            article, created = article_submit(**kwargs)
        except UploadRejected as exc:
            results.append(Submitted(index, error=exc))
        else:
            results.append(Submitted(index, article=article, created=created))
    return results


def _unread(
    *,
    title: str,
    source: str,
    url: str = "",
    media_type: str = "",
    upload: tuple[str, bytes] | None = None,
    published: dt.date | None = None,
    queue: bool,
) -> Article:
    """Save a queued article whose text the worker has yet to fetch or read: its
    ``content_hash`` stays None until then."""
    article = Article(
        title=title[:300],
        text="",
        url=url,
        published=published,
        source=source[:500],
        media_type=media_type,
        content_hash=None,
        status=ArticleStatus.QUEUED,
    )
    with transaction.atomic():
        if upload is not None:
            name, data = upload
            article.upload.save(name[-100:], ContentFile(data), save=False)
        article.save()
    if queue:
        article_queue(article)
    return article


def article_requeue(*, article: Article) -> Article:
    """Queue extraction again (after a failure, or to re-run a newer extractor)."""
    Article.objects.filter(pk=article.pk).update(
        status=ArticleStatus.QUEUED, error="", updated_at=timezone.now()
    )
    article.refresh_from_db()
    article_queue(article)
    return article


def _fail(article_id: int, error: str) -> Article:
    Article.objects.filter(pk=article_id).update(
        status=ArticleStatus.FAILED, error=error[:5000], finished_at=timezone.now()
    )
    return Article.objects.get(pk=article_id)


def _read_unread(article: Article) -> Article | None:
    """Fetch a URL upload, or read a stored PDF or HTML file, into the article. Returns
    None when it is ready for extraction, else the article as finished (failed with a
    reason, or a duplicate)."""
    try:
        if article.url:
            data, source = fetch.fetch_url(
                article.url,
                max_bytes=settings.UPLOAD_MAX_BYTES,
                timeout=settings.INGEST_FETCH_TIMEOUT,
                allow_private=settings.INGEST_ALLOW_PRIVATE_URLS,
            )
        else:
            data, source = _stored_bytes(article), article.source
        parsed = read.read_upload(data, **_limits())
    except UploadRejected as exc:
        return _fail(article.pk, f"{exc.reason} [{exc.code}]")
    return _store_text(article, parsed, source=source)


def _stored_bytes(article: Article) -> bytes:
    """The bytes of the uploaded file (at most the size limit plus one, so a file
    swapped on disk for a larger one is refused, not loaded)."""
    try:
        with article.upload.open("rb") as stored:
            return stored.read(settings.UPLOAD_MAX_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: the article has no file
        logger.warning("article %s: its uploaded file cannot be opened: %s", article.pk, exc)
        raise UploadRejected(
            "file_missing", "The uploaded file is no longer stored; upload it again."
        ) from exc


def _store_text(article: Article, parsed: read.ReadArticle, *, source: str) -> Article | None:
    """Save the text read for an article, or, if that text is already stored as another
    article, mark this one its duplicate (done, with no facts of its own)."""
    digest = read.content_hash(parsed.text)
    fields = {
        "title": parsed.title[:300],
        "text": parsed.text,
        # The page's own date, else the one given with the address (a feed item's).
        "published": parsed.published or article.published,
        "source": source[:500],
        "media_type": parsed.media_type,
    }
    existing = Article.objects.filter(content_hash=digest).exclude(pk=article.pk).first()
    if existing is None:
        try:
            with transaction.atomic():
                Article.objects.filter(pk=article.pk).update(content_hash=digest, **fields)
        except IntegrityError:  # an identical upload was stored meanwhile
            existing = Article.objects.filter(content_hash=digest).exclude(pk=article.pk).first()
    if existing is not None:
        Article.objects.filter(pk=article.pk).update(
            duplicate_of=existing,
            status=ArticleStatus.DONE,
            finished_at=timezone.now(),
            error="",
            **fields,
        )
        return Article.objects.get(pk=article.pk)
    article.refresh_from_db()
    return None


def article_process(*, article_id: int) -> Article | None:
    """Run extraction on one article and save its facts in one transaction.

    A URL upload is fetched and read first, and a PDF or HTML file is read (within the
    page and time limits for PDFs). A failure marks the article failed with a short
    reason for readers (the trace goes to the log only) and leaves its previous facts
    as they were; it does not raise, so the worker stays up and the article can be
    retried. Losing the database is the exception: that error propagates so the task
    retries once the database is back, instead of marking the article failed.
    """
    from ingest.extract import TooLarge, extract
    from kb.registry.snapshot import registry_snapshot

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
        if article.content_hash is None and (article.url or article.upload):
            finished = _read_unread(article)
            if finished is not None:
                return finished
        extraction = extract(
            article.text, article.published, registry=registry_snapshot(), limits=_work_limits()
        )
        with transaction.atomic():
            # One writer per article at a time (a redelivered task may overlap a slow one);
            # its facts and its "done" are committed together or not at all.
            if Article.objects.select_for_update().filter(pk=article_id).first() is None:
                logger.warning(
                    "article %s was deleted while it was read; nothing written", article_id
                )
                return None
            article_facts_replace(article=article, extraction=extraction)
            Article.objects.filter(pk=article_id).update(
                status=ArticleStatus.DONE, error="", finished_at=timezone.now()
            )
    except (OperationalError, InterfaceError):
        raise  # the database went away: the task retries
    except TooLarge as exc:  # expected: the reason is for the uploader, no trace needed
        logger.warning("article %s not extracted: %s", article_id, exc)
        _fail(article_id, str(exc))
    except SoftTimeLimitExceeded:  # the worker's own limit, should a stage outrun ours
        logger.warning("article %s not extracted: out of time", article_id)
        _fail(article_id, TIME_LIMIT_REASON.format(seconds=settings.CELERY_TASK_SOFT_TIME_LIMIT))
    except Exception:  # noqa: BLE001 - any failure is recorded on the article
        # Readers see the article's error, so it holds a reason, never the exception's
        # text or trace (server paths, code): those go to the log only.
        reference = uuid.uuid4().hex[:12]
        logger.exception("extraction failed for article %s (reference %s)", article_id, reference)
        Article.objects.filter(pk=article_id).update(
            status=ArticleStatus.FAILED,
            error=INTERNAL_ERROR_REASON.format(reference=reference),
            finished_at=timezone.now(),
        )
    return Article.objects.filter(pk=article_id).first()  # None if it was deleted meanwhile
