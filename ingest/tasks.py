"""Celery tasks: thin wrappers that load by id, call one service, and own the retry policy.

acks_late + reject_on_worker_lost: a worker killed mid-task never acknowledged it, so the
broker hands the article to another worker. The service is idempotent (re-extraction
replaces machine-made facts in one transaction), so running it twice is safe.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone

from ingest.services import article_process, article_requeue
from kb.models import Article


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def ingest_article(article_id: int) -> str | None:
    article = article_process(article_id=article_id)
    return article.status if article else None


@shared_task
def requeue_stuck_articles() -> int:
    """Queue again the articles left in processing by a worker that died."""
    before = timezone.now() - dt.timedelta(seconds=settings.INGEST_STUCK_AFTER_SECONDS)
    stuck = list(Article.objects.stuck(before))
    for article in stuck:
        article_requeue(article=article)
    return len(stuck)
