"""Hostile uploads through the upload page and the API: never a server error.

Each of the >= 300 generated inputs (tests/hostile/corpus.py) goes through both doors.
Every one is answered with a 4xx and a reason, or stored and then, once the worker's
code has run on it, done or failed with a reason. Memory stays under the cap the
workers run with, and the figures are printed.
"""

from __future__ import annotations

import collections
import logging
import resource
import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest.services import article_process
from kb.models import Article, ArticleStatus
from tests.factories import editor
from tests.hostile.corpus import corpus

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(no_queue) -> list[int]:
    return no_queue


@pytest.fixture(autouse=True)
def quiet(settings, tmp_path):
    """pypdf and the extractor log every damaged file loudly; keep the output readable."""
    settings.MEDIA_ROOT = tmp_path / "media"
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


def _page_reason(response) -> str:
    """The reason the upload page gives, as shown next to the form."""
    form = response.context["form"] if response.context else None
    reasons = [str(e) for errors in (form.errors.values() if form else []) for e in errors]
    html = response.content.decode("utf-8", "replace")
    return " ".join(r for r in reasons if r.split("“")[0][:20] in html or r[:20] in html)


def test_hostile_corpus_through_the_page_and_the_api(queued, countries):
    page = Client(raise_request_exception=False)
    page.force_login(editor("hostile-page"))
    api = APIClient(raise_request_exception=False)
    api.credentials(
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor('hostile-api')).key}"
    )
    outcomes: collections.Counter[str] = collections.Counter()
    problems: list[str] = []
    started = time.monotonic()
    count = 0
    for name, filename, data in corpus():
        count += 1
        response = page.post(
            "/upload/", {"files": [SimpleUploadedFile(filename, data, "application/octet-stream")]}
        )
        if response.status_code == 400:
            if not _page_reason(response):
                problems.append(f"page {name}: 400 without a reason shown")
            outcomes["page 400"] += 1
        elif response.status_code == 302:
            outcomes["page stored"] += 1
        else:
            problems.append(f"page {name}: {response.status_code}")

        response = api.post(
            "/api/articles/",
            {"file": SimpleUploadedFile(filename, data, "application/octet-stream")},
            format="multipart",
        )
        if 400 <= response.status_code < 500:
            body = response.json()
            if not body.get("detail"):
                problems.append(f"api {name}: {response.status_code} without a reason: {body}")
            outcomes[f"api {response.status_code} {body.get('code', '')}"] += 1
        elif response.status_code in (200, 202):
            outcomes[f"api {response.status_code}"] += 1
        else:
            problems.append(f"api {name}: {response.status_code}")

    assert count >= 300
    # What was stored is handed to the worker's code (in this process), which must end
    # every article done, or failed with a reason.
    for article_id in sorted(set(queued)):
        article = article_process(article_id=article_id)
        outcomes[f"processed {article.status}"] += 1
        if article.status == ArticleStatus.FAILED and not article.error:
            problems.append(f"article {article_id} failed without a reason")
        elif article.status not in (ArticleStatus.DONE, ArticleStatus.FAILED):
            problems.append(f"article {article_id} left {article.status}")
    assert not Article.objects.exclude(status__in=["done", "failed"]).exists()

    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    elapsed = time.monotonic() - started
    print(
        f"\nhostile corpus: {count} inputs x 2 doors in {elapsed:.1f}s; "
        f"peak RSS {peak_kib // 1024} MB"
    )
    for outcome, n in sorted(outcomes.items()):
        print(f"  {outcome}: {n}")
    assert problems == [], "\n".join(problems)
    assert peak_kib < settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD, peak_kib
