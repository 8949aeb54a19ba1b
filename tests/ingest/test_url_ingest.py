"""URL uploads: stored at once with the address, fetched later by the worker."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from ingest.extract.types import Extraction
from ingest.services import article_process, article_submit
from kb.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

PAGE = (
    b"<html><head><title>Harbour talks</title></head><body><article>"
    b"<p>date 2025-04-02</p><p>Two ministers met in a quiet harbour town to talk about ferries "
    b"and the price of fish, and agreed to meet again in the spring.</p></article></body></html>"
)


class _Site(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Site.hits.append(self.path)
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x" * 10)
                self.wfile.flush()
                threading.Event().wait(0.1)
            return
        if self.path == "/missing":
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(monkeypatch, settings) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    settings.INGEST_ALLOW_PRIVATE_URLS = True  # the test site is on 127.0.0.1
    settings.INGEST_FETCH_TIMEOUT = 1
    _Site.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.fixture
def no_extraction(monkeypatch):
    monkeypatch.setattr(
        "ingest.extract.extract", lambda text, published, **kw: Extraction(published=published)
    )


def test_a_url_is_saved_queued_without_fetching(site, no_queue):
    article, created = article_submit(url=f"{site}/news")
    assert created
    assert (article.status, article.url, article.content_hash, article.text) == (
        ArticleStatus.QUEUED,
        f"{site}/news",
        None,
        "",
    )
    assert _Site.hits == []


def test_the_worker_fetches_reads_and_extracts_it(site, no_queue, no_extraction):
    article, _ = article_submit(url=f"{site}/news")
    done = article_process(article_id=article.pk)
    assert done.status == ArticleStatus.DONE, done.error
    assert done.text.startswith("Two ministers met")
    assert done.title == "Harbour talks"
    assert done.media_type == "text/html"
    assert len(done.content_hash) == 64
    assert _Site.hits == ["/news"]


def test_a_url_whose_page_is_already_stored_becomes_a_duplicate(site, no_queue, no_extraction):
    first, _ = article_submit(url=f"{site}/news")
    article_process(article_id=first.pk)
    second, created = article_submit(url=f"{site}/news?again")
    assert created
    second = article_process(article_id=second.pk)
    assert second.status == ArticleStatus.DONE
    assert second.duplicate_of_id == first.pk
    assert second.content_hash is None
    assert Article.objects.filter(content_hash__isnull=False).count() == 1


@pytest.mark.parametrize(
    ("path", "reason"), [("/missing", "404"), ("/slow", "too long")], ids=["404", "slow-drip"]
)
def test_a_page_that_cannot_be_fetched_fails_with_a_reason(site, no_queue, path, reason):
    article, _ = article_submit(url=f"{site}{path}")
    failed = article_process(article_id=article.pk)
    assert failed.status == ArticleStatus.FAILED
    assert reason in failed.error
    assert "[fetch_failed]" in failed.error


def test_internal_literal_addresses_are_refused_at_submit(no_queue, settings):
    settings.INGEST_ALLOW_PRIVATE_URLS = False
    from ingest.read import UploadRejected

    with pytest.raises(UploadRejected):
        article_submit(url="http://169.254.169.254/latest/meta-data/")
    assert not Article.objects.exists()
