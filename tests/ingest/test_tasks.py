"""Celery task wiring and the sweep that re-queues articles orphaned by a dead worker."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from ingest.tasks import ingest_article, requeue_stuck_articles
from kb.models import Article, ArticleStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_ingest_task_survives_worker_loss_by_design():
    assert ingest_article.acks_late is True
    assert ingest_article.reject_on_worker_lost is True


def test_articles_stuck_in_processing_are_queued_again(queued_articles, settings):
    settings.INGEST_STUCK_AFTER_SECONDS = 600
    now = timezone.now()
    stuck = ArticleFactory(status=ArticleStatus.PROCESSING, started_at=now - dt.timedelta(hours=1))
    ArticleFactory(status=ArticleStatus.PROCESSING, started_at=now - dt.timedelta(seconds=30))
    ArticleFactory(status=ArticleStatus.DONE, started_at=now - dt.timedelta(hours=1))

    assert requeue_stuck_articles() == 1
    stuck.refresh_from_db()
    assert stuck.status == ArticleStatus.QUEUED
    assert [a.pk for a in queued_articles] == [stuck.pk]


def test_articles_queued_long_ago_are_sent_again(queued_articles, settings):
    """A message lost with the broker (or never sent) leaves an article queued: the
    sweep sends it again once it has waited past the limit."""
    settings.INGEST_STUCK_AFTER_SECONDS = 600
    old = ArticleFactory(status=ArticleStatus.QUEUED)
    ArticleFactory(status=ArticleStatus.QUEUED)
    Article.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(hours=1))

    assert requeue_stuck_articles() == 1
    assert [a.pk for a in queued_articles] == [old.pk]
    assert requeue_stuck_articles() == 0  # requeueing restarted its clock


def test_an_upload_is_saved_even_when_the_broker_is_down(
    monkeypatch, django_capture_on_commit_callbacks
):
    from ingest.services import article_submit

    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("redis is restarting")

    monkeypatch.setattr("ingest.tasks.ingest_article.delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        article, created = article_submit(text="The premier phoned the president on Monday.")
    assert created
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.QUEUED


def _celery_conf(**env: str) -> dict:
    """The Celery configuration a worker started with this environment would use."""
    script = (
        "import django, json; django.setup(); from config.celery import app; c = app.conf; "
        "print(json.dumps({'visibility': c.broker_transport_options['visibility_timeout'], "
        "'memory': c.worker_max_memory_per_child, 'prefetch': c.worker_prefetch_multiplier, "
        "'acks_late': c.task_acks_late, 'reject': c.task_reject_on_worker_lost, "
        "'retry_startup': c.broker_connection_retry_on_startup, "
        "'max_retries': c.broker_connection_max_retries, 'time_limit': c.task_time_limit, "
        "'beat': {k: [v['task'], v['schedule']] for k, v in c.beat_schedule.items()}}))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "INGEST_"))}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_worker_settings_follow_design_and_environment():
    conf = _celery_conf()
    assert conf["acks_late"] and conf["reject"]
    assert conf["prefetch"] == 1
    assert conf["retry_startup"] is True and conf["max_retries"] is None
    assert conf["visibility"] > conf["time_limit"]  # never redelivered while still running
    assert conf["beat"]["requeue-stuck-articles"] == ["ingest.tasks.requeue_stuck_articles", 300.0]
    conf = _celery_conf(
        CELERY_VISIBILITY_TIMEOUT="7",
        CELERY_WORKER_MAX_MEMORY_PER_CHILD="400000",
        INGEST_SWEEP_SECONDS="5",
    )
    assert (conf["visibility"], conf["memory"]) == (7, 400000)
    assert conf["beat"]["requeue-stuck-articles"][1] == 5.0
