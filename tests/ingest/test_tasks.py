"""Celery task wiring and the sweep that re-queues articles orphaned by a dead worker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ingest.tasks import ingest_article, requeue_stuck_articles
from kb.models import ArticleStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_ingest_task_survives_worker_loss_by_design():
    assert ingest_article.acks_late is True
    assert ingest_article.reject_on_worker_lost is True


def test_articles_stuck_in_processing_are_queued_again(monkeypatch, settings):
    queued = []
    monkeypatch.setattr("ingest.services._queue", queued.append)
    settings.INGEST_STUCK_AFTER_SECONDS = 600
    now = timezone.now()
    stuck = ArticleFactory(status=ArticleStatus.PROCESSING, started_at=now - dt.timedelta(hours=1))
    ArticleFactory(status=ArticleStatus.PROCESSING, started_at=now - dt.timedelta(seconds=30))
    ArticleFactory(status=ArticleStatus.DONE, started_at=now - dt.timedelta(hours=1))

    assert requeue_stuck_articles() == 1
    stuck.refresh_from_db()
    assert stuck.status == ArticleStatus.QUEUED
    assert [a.pk for a in queued] == [stuck.pk]
