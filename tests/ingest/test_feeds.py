"""News feeds (issue 14, point 5): RSS and Atom read safely, new items queued as URL
uploads with their address and date, duplicates skipped by address and by content,
failures recorded with back-off. The feeds are served by a local server the test starts."""

from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ingest.feeds import FeedError, backoff_seconds, feed_poll, feeds_due, parse_feed
from ingest.models import Feed
from ingest.queue import queue_replaced
from ingest.tasks import ingest_article, poll_feeds
from kb.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

PAGE = (
    "<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>"
)
BODIES = {
    "/news/ferries": "Two ministers met in a harbour town to talk about ferries and fish.",
    "/news/rail": "The presidents of two inland states signed a memorandum on rail links.",
    # The same text under a second address: a duplicate by content.
    "/news/rail-copy": "The presidents of two inland states signed a memorandum on rail links.",
}


def rss(base: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>Item {i}</title><link>{base}{p}</link>"
        f"<pubDate>Tue, 0{i + 1} Apr 2025 08:00:00 +0000</pubDate></item>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title>'
        f"{items}</channel></rss>"
    )


def atom(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Inland Post</title>"
        f'<entry><title>Rail</title><link rel="alternate" href="{base}/news/rail"/>'
        "<published>2025-05-06T10:00:00Z</published></entry>"
        f'<entry><title>No link</title><link rel="enclosure" href="{base}/x.mp3"/></entry>'
        "</feed>"
    )


class _Site(http.server.BaseHTTPRequestHandler):
    feeds: dict[str, tuple[int, str]] = {}

    def do_GET(self):  # noqa: N802
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path in _Site.feeds:
            status, body = _Site.feeds[self.path]
            content_type = "application/rss+xml"
        elif self.path in BODIES:
            status, content_type = 200, "text/html; charset=utf-8"
            body = PAGE.format(title=self.path, body=BODIES[self.path])
        else:
            status, body, content_type = 404, "", "text/plain"
        data = body.replace("{base}", base).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def site(monkeypatch, settings) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    settings.INGEST_ALLOW_PRIVATE_URLS = True  # the test site is on 127.0.0.1
    settings.INGEST_FETCH_TIMEOUT = 2
    _Site.feeds = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_rss_atom_and_rdf_give_links_titles_and_dates():
    base = "https://news.example.org"
    parsed = parse_feed(rss(base, ["/a", "/b"]).encode())
    assert parsed.title == "Harbour Wire"
    assert [(i.url, i.published) for i in parsed.items] == [
        (f"{base}/a", dt.date(2025, 4, 1)),
        (f"{base}/b", dt.date(2025, 4, 2)),
    ]
    parsed = parse_feed(atom(base).encode())
    assert parsed.title == "Inland Post"
    assert parsed.items[0].url == f"{base}/news/rail"
    assert parsed.items[0].published == dt.date(2025, 5, 6)
    assert parsed.items[1].url == ""  # an enclosure is not the entry's page
    rdf = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<channel><title>Old Style</title></channel>"
        "<item><title>T</title><link>https://x.example/1</link><dc:date>2024-02-03</dc:date></item>"
        "</rdf:RDF>"
    )
    parsed = parse_feed(rdf.encode())
    assert parsed.title == "Old Style"
    assert (parsed.items[0].url, parsed.items[0].published) == (
        "https://x.example/1",
        dt.date(2024, 2, 3),
    )


@pytest.mark.parametrize(
    "document, reason",
    [
        (b"<rss><channel><title>x</title>", "not well-formed"),
        (b"<html><body>a page</body></html>", "not an RSS or Atom feed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            b"<rss><channel><title>&b;</title></channel></rss>",
            "entities",
        ),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b"<rss><channel><title>&x;</title></channel></rss>",
            "entities",
        ),
    ],
)
def test_bad_and_hostile_documents_are_refused_with_a_reason(document, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(document)


def test_a_poll_queues_new_items_with_address_and_date_and_skips_known_ones(site, no_queue):
    _Site.feeds["/feed.rss"] = (200, rss("{base}", ["/news/ferries", "/news/rail"]))
    feed = Feed.objects.create(url=f"{site}/feed.rss")
    result = feed_poll(feed)
    assert (result.items, result.added, result.known, result.error) == (2, 2, 0, "")
    ferries = Article.objects.get(url=f"{site}/news/ferries")
    assert ferries.published == dt.date(2025, 4, 1)
    assert ferries.source == "Harbour Wire"
    assert ferries.status == ArticleStatus.QUEUED
    feed.refresh_from_db()
    assert feed.title == "Harbour Wire"
    assert feed.last_success_at and not feed.last_error and feed.failures == 0
    assert feed.next_check_at > timezone.now()
    assert feed.articles_added == 2

    result = feed_poll(feed)  # nothing new: skipped by address
    assert (result.added, result.known) == (0, 2)
    assert Article.objects.count() == 2


def test_queued_items_are_fetched_keep_the_feed_date_and_duplicates_by_content(site):
    """The worker's task run in-process (with or without a broker configured): each item
    is fetched like a URL upload; a page whose text is stored under another address is
    marked its duplicate."""
    _Site.feeds["/feed.rss"] = (200, rss("{base}", ["/news/rail", "/news/rail-copy"]))
    feed = Feed.objects.create(url=f"{site}/feed.rss")
    with queue_replaced(lambda article: ingest_article.apply(args=[article.pk])):
        feed_poll(feed)
    first = Article.objects.get(url=f"{site}/news/rail")
    copy = Article.objects.get(url=f"{site}/news/rail-copy")
    assert first.status == ArticleStatus.DONE and "memorandum on rail links" in first.text
    assert first.published == dt.date(2025, 4, 1)  # the page has no date: the feed's
    assert copy.duplicate_of_id == first.pk


def test_a_failing_feed_keeps_its_error_and_backs_off(site, settings, no_queue):
    settings.FEEDS_POLL_SECONDS = 600
    settings.FEEDS_MAX_BACKOFF_SECONDS = 3000
    feed = Feed.objects.create(url=f"{site}/gone.rss")
    before = timezone.now()
    result = feed_poll(feed)
    assert "404" in result.error
    feed.refresh_from_db()
    assert feed.failures == 1 and "404" in feed.last_error and feed.state == "failing"
    assert feed.next_check_at >= before + dt.timedelta(seconds=600)
    assert [backoff_seconds(n) for n in (1, 2, 3, 4, 5)] == [600, 1200, 2400, 3000, 3000]

    feed_poll(feed)
    feed.refresh_from_db()
    assert feed.failures == 2 and feed.next_check_at >= timezone.now() + dt.timedelta(seconds=1100)

    _Site.feeds["/gone.rss"] = (200, rss("{base}", ["/news/ferries"]))
    feed_poll(feed)
    feed.refresh_from_db()
    assert feed.failures == 0 and feed.last_error == "" and feed.state == "ok"


def test_a_feed_that_is_not_xml_fails_with_the_reason(site, no_queue):
    _Site.feeds["/page.rss"] = (200, "<html><body>Just a page</body></html>")
    feed = Feed.objects.create(url=f"{site}/page.rss")
    assert "not an RSS or Atom feed" in feed_poll(feed).error
    assert Article.objects.count() == 0


def test_beat_polls_only_due_active_feeds_and_claims_them(site, no_queue):
    _Site.feeds["/feed.rss"] = (200, rss("{base}", ["/news/ferries"]))
    due = Feed.objects.create(url=f"{site}/feed.rss")
    Feed.objects.create(
        url=f"{site}/later.rss", next_check_at=timezone.now() + dt.timedelta(hours=1)
    )
    Feed.objects.create(url=f"{site}/paused.rss", active=False)
    assert poll_feeds() == 1
    assert Article.objects.filter(url=f"{site}/news/ferries").exists()
    due.refresh_from_db()
    assert due.next_check_at > timezone.now()
    assert feeds_due(10) == []  # nothing else is due, and the polled one was moved on


def test_items_over_the_per_poll_limit_wait_for_the_next_poll(site, settings, no_queue):
    settings.FEEDS_MAX_ITEMS = 1
    _Site.feeds["/feed.rss"] = (200, rss("{base}", ["/news/ferries", "/news/rail"]))
    feed = Feed.objects.create(url=f"{site}/feed.rss")
    assert feed_poll(feed).added == 1
    assert Article.objects.count() == 1


def test_the_command_adds_lists_and_polls(site, no_queue):
    _Site.feeds["/feed.rss"] = (200, rss("{base}", ["/news/ferries"]))
    out = StringIO()
    call_command("feeds", "add", f"{site}/feed.rss", stdout=out)
    call_command("feeds", "add", f"{site}/feed.rss", stdout=out)
    assert "added" in out.getvalue() and "already subscribed" in out.getvalue()
    call_command("feeds", "poll", stdout=out)
    assert "1 item(s), 1 new, 0 known" in out.getvalue()
    out = StringIO()
    call_command("feeds", "list", stdout=out)
    assert "ok" in out.getvalue() and "1 article(s) queued in all" in out.getvalue()


def test_the_command_refuses_an_address_that_is_no_web_feed():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="not a feed address"):
        call_command("feeds", "add", "ftp://files.example.org/feed.rss", stdout=StringIO())
    with pytest.raises(CommandError, match="not a feed address"):
        call_command("feeds", "add", "http://10.0.0.7/feed.rss", stdout=StringIO())
