"""Nothing internal reaches a client: no stack trace, exception text or database error on
a page, in the API or from the health check. The details go to the server log."""

from __future__ import annotations

import importlib
import logging

import pytest
from django.apps import apps
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from ingest.services import article_process, article_submit
from kb.models import Article, ArticleStatus
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SECRET_PATH = "/srv/summitry-private/models/parser.bin"
INTERNALS = ("Traceback", 'File "', ".py", "RuntimeError", SECRET_PATH)
OLD_TRACE = (
    "OverflowError: date value out of range\n\n"
    "Traceback (most recent call last):\n"
    '  File "/srv/summitry-private/ingest/services.py", line 203, in article_process\n'
    "    extraction = extract(article.text, article.published)\n"
    "OverflowError: date value out of range\n"
)


def _fail_extraction(monkeypatch) -> Article:
    article, _ = article_submit(text="Two ministers met in a harbour town to talk about ferries.")

    def broken(text, published, **kwargs):
        raise RuntimeError(f"cannot open {SECRET_PATH}")

    monkeypatch.setattr("ingest.extract.extract", broken)
    return article_process(article_id=article.pk)


def _assert_no_internals(body: str, where: str) -> None:
    for internal in INTERNALS:
        assert internal not in body, (where, internal)


def test_a_failed_extraction_records_a_short_reason_and_logs_the_trace(
    no_queue, monkeypatch, caplog
):
    with caplog.at_level(logging.ERROR, logger="ingest.services"):
        failed = _fail_extraction(monkeypatch)
    assert failed.status == ArticleStatus.FAILED
    assert failed.error and "\n" not in failed.error and len(failed.error) <= 300
    _assert_no_internals(failed.error, "Article.error")
    logged = [r for r in caplog.records if r.exc_info]
    assert logged, "the trace goes to the log"
    assert SECRET_PATH in str(logged[0].exc_info[1])
    reference = failed.error.split("reference ")[1].split(")")[0]
    assert reference in logged[0].getMessage()  # the reason names the log entry


def test_anonymous_readers_see_no_stack_trace_of_a_failed_article(no_queue, monkeypatch):
    failed = _fail_extraction(monkeypatch)
    client = Client()
    for url in (
        f"/articles/{failed.pk}/",
        f"/articles/{failed.pk}/status/",
        f"/api/articles/{failed.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        _assert_no_internals(body, url)
        assert failed.error in body, url  # the short reason is shown


def _migration(name: str):
    return importlib.import_module(f"kb.migrations.{name}")


def test_traces_stored_before_are_replaced_by_a_short_reason():
    fetch_reason = "The page took too long to download. [fetch_failed]"
    with_trace = ArticleFactory(status=ArticleStatus.FAILED, error=OLD_TRACE)
    # A message past the old 5,000-character cut kept no trace, but is the exception's text.
    cut_short = ArticleFactory(
        status=ArticleStatus.FAILED, error=f"RuntimeError: cannot open {SECRET_PATH} " * 200
    )
    fetch_failed = ArticleFactory(status=ArticleStatus.FAILED, error=fetch_reason)
    done = ArticleFactory(status=ArticleStatus.DONE, error="")

    _migration("0008_article_error_without_traces").forget_traces(apps, None)

    for article in (with_trace, cut_short):
        article.refresh_from_db()
        assert article.error and "\n" not in article.error
        _assert_no_internals(article.error, "migrated error")
        assert "OverflowError" not in article.error
        response = Client().get(f"/api/articles/{article.pk}/")
        _assert_no_internals(response.content.decode(), "API after migration")
    fetch_failed.refresh_from_db()
    done.refresh_from_db()
    assert (fetch_failed.error, done.error) == (fetch_reason, "")


def test_healthz_answers_ok_while_the_database_answers():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_gives_a_status_only_when_the_database_is_down(monkeypatch, caplog):
    detail = (
        "could not connect to server: Connection refused\n\tIs the server running on host "
        '"db.internal.example" (10.9.8.7) and accepting TCP/IP connections on port 6543?'
    )

    def refuse(self, *args, **kwargs):
        raise OperationalError(detail)

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    with caplog.at_level(logging.ERROR):
        response = Client().get("/healthz")
    assert response.status_code == 503
    body = response.content.decode()
    for leak in ("db.internal.example", "10.9.8.7", "6543", "connect", "OperationalError"):
        assert leak not in body, leak
    assert response.json() == {"status": "error"}
    assert any(
        r.exc_info and "db.internal.example" in str(r.exc_info[1]) for r in caplog.records
    ), "the database error goes to the log"
