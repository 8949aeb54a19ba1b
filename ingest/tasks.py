"""Celery tasks: thin wrappers that load by id, call one service, and own the retry policy.

acks_late + reject_on_worker_lost: a worker killed mid-task never acknowledged it, so the
broker hands the article to another worker. The service is idempotent (re-extraction
replaces machine-made facts in one transaction), so running it twice is safe.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from ingest.services import article_process, article_requeue
from kb.models import Article, ArticleStatus


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    # The database went away (restart, failover): try again, backing off up to a minute.
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=10,
)
def ingest_article(article_id: int) -> str | None:
    article = article_process(article_id=article_id)
    return article.status if article else None


@shared_task
def requeue_stuck_articles() -> int:
    """Queue again the articles left in processing by a worker that died, and those
    queued long ago whose message never reached the broker or was lost with it (a
    Redis restart without persistence). Processing is idempotent, so an article that
    was merely slow to be picked up costs one extra run at most."""
    before = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER_SECONDS)
    stuck = list(
        Article.objects.stuck(before)
        | Article.objects.filter(status=ArticleStatus.QUEUED, updated_at__lt=before)
    )
    for article in stuck:
        article_requeue(article=article)
    return len(stuck)


@shared_task
def poll_feeds() -> int:
    """Poll the feeds whose time has come (run by `celery beat`); returns how many."""
    from ingest.feeds import feed_poll, feeds_due
    from ingest.models import Feed

    polled = 0
    for pk in feeds_due(settings.FEEDS_PER_RUN):
        feed = Feed.objects.filter(pk=pk).first()
        if feed is not None:
            feed_poll(feed)
            polled += 1
    return polled
