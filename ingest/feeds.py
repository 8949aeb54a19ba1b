"""News feeds: read an RSS or Atom document, and poll a subscribed feed into articles.

Every new item becomes a URL upload (:func:`ingest.services.article_submit` with the
item's address and date), so the worker fetches the page through the same SSRF-safe
client and limits as any URL an editor pastes. Duplicates are skipped twice over: an
item whose address is stored already is not submitted again, and a page whose text is
stored under another address is marked a duplicate by the worker (content hash).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from dataclasses import dataclass

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ingest.fetch import fetch_url
from ingest.models import Feed
from ingest.read import UploadRejected
from ingest.services import article_submit
from kb.models import Article

logger = logging.getLogger(__name__)

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


class FeedError(ValueError):
    """A feed that cannot be read, with a reason for editors."""


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    published: dt.date | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    items: list[FeedItem]


def parse_feed(data: bytes) -> ParsedFeed:
    """The title and items of an RSS 2.0, RSS 1.0 (RDF) or Atom document."""
    try:
        root = ElementTree.fromstring(data)
    except DefusedXmlException as exc:
        raise FeedError(
            "The feed uses XML entities or external references, which are refused."
        ) from exc
    except ElementTree.ParseError as exc:
        raise FeedError(f"The feed is not well-formed XML ({exc}).") from exc
    if root.tag == f"{ATOM}feed":
        return _atom(root)
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError("The RSS feed has no channel.")
        return ParsedFeed(_text(channel, "title"), [_rss_item(e) for e in channel.iter("item")])
    if root.tag.endswith("RDF"):
        channel = root.find(f"{RSS1}channel")
        title = _text(channel, f"{RSS1}title") if channel is not None else ""
        return ParsedFeed(title, [_rss1_item(e) for e in root.iter(f"{RSS1}item")])
    raise FeedError("This is XML, but not an RSS or Atom feed.")


def _text(element, path: str) -> str:
    found = element.find(path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _atom(root) -> ParsedFeed:
    items = []
    for entry in root.iter(f"{ATOM}entry"):
        link = ""
        for candidate in entry.findall(f"{ATOM}link"):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate.get("href").strip()
                break
        date = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
        items.append(FeedItem(link, _text(entry, f"{ATOM}title"), _iso_date(date)))
    return ParsedFeed(_text(root, f"{ATOM}title"), items)


def _rss_item(element) -> FeedItem:
    link = _text(element, "link")
    guid = element.find("guid")
    if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = (guid.text or "").strip()
    date = _rfc822_date(_text(element, "pubDate")) or _iso_date(_text(element, f"{DC}date"))
    return FeedItem(link, _text(element, "title"), date)


def _rss1_item(element) -> FeedItem:
    return FeedItem(
        _text(element, f"{RSS1}link"),
        _text(element, f"{RSS1}title"),
        _iso_date(_text(element, f"{DC}date")),
    )


def _rfc822_date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass
class PollResult:
    items: int = 0
    added: int = 0
    known: int = 0
    refused: int = 0
    error: str = ""


def feed_poll(feed: Feed, *, opener=None) -> PollResult:
    """Fetch one feed and queue its new items; record the outcome on the feed."""
    result = PollResult()
    now = timezone.now()
    try:
        data, _ = fetch_url(
            feed.url,
            max_bytes=settings.FEEDS_MAX_BYTES,
            timeout=settings.INGEST_FETCH_TIMEOUT,
            allow_private=settings.INGEST_ALLOW_PRIVATE_URLS,
            opener=opener,
        )
        parsed = parse_feed(data)
    except (UploadRejected, FeedError) as exc:
        result.error = getattr(exc, "reason", None) or str(exc)
        _record_failure(feed, result.error, now)
        return result
    items = [i for i in parsed.items if i.url][: settings.FEEDS_MAX_ITEMS]
    result.items = len(items)
    source = (parsed.title or feed.title or feed.url)[:500]
    for item in items:
        if Article.objects.filter(url=item.url).exists():
            result.known += 1
            continue
        try:
            article_submit(url=item.url, published=item.published, source=source)
        except UploadRejected as exc:
            result.refused += 1
            logger.info("feed %s: item %s refused: %s", feed.pk, item.url, exc)
            continue
        result.added += 1
    Feed.objects.filter(pk=feed.pk).update(
        title=feed.title or parsed.title[:300],
        last_checked_at=now,
        last_success_at=now,
        last_error="",
        failures=0,
        items_seen=result.items,
        articles_added=feed.articles_added + result.added,
        next_check_at=now + dt.timedelta(seconds=settings.FEEDS_POLL_SECONDS),
    )
    feed.refresh_from_db()
    return result


def backoff_seconds(failures: int) -> int:
    """The wait after ``failures`` failed polls in a row: the poll interval, doubled per
    failure, capped."""
    return min(
        settings.FEEDS_POLL_SECONDS * 2 ** max(failures - 1, 0), settings.FEEDS_MAX_BACKOFF_SECONDS
    )


def _record_failure(feed: Feed, error: str, now) -> None:
    failures = feed.failures + 1
    Feed.objects.filter(pk=feed.pk).update(
        last_checked_at=now,
        last_error=error[:500],
        failures=failures,
        next_check_at=now + dt.timedelta(seconds=backoff_seconds(failures)),
    )
    feed.refresh_from_db()
    logger.warning("feed %s (%s) failed %s time(s): %s", feed.pk, feed.url, failures, error)


def feeds_due(limit: int) -> list[int]:
    """Claim up to ``limit`` active feeds whose time has come: their next check moves on
    at once (rows locked, others skipped), so two pollers never take the same feed."""
    now = timezone.now()
    with transaction.atomic():
        due = list(
            Feed.objects.select_for_update(skip_locked=True)
            .filter(active=True, next_check_at__lte=now)
            .order_by("next_check_at")
            .values_list("pk", flat=True)[:limit]
        )
        Feed.objects.filter(pk__in=due).update(
            next_check_at=now + dt.timedelta(seconds=settings.FEEDS_POLL_SECONDS)
        )
    return due


def feed_subscribe(url: str, *, title: str = "", user=None) -> tuple[Feed, bool]:
    """Subscribe to ``url`` (checked as any URL upload is); returns (feed, created).
    Raises FeedError with a reason for the editor."""
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    from ingest.fetch import check_url

    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
        url = check_url(url, allow_private=settings.INGEST_ALLOW_PRIVATE_URLS)
    except ValidationError as exc:
        raise FeedError("Give the feed's web address (http or https).") from exc
    except UploadRejected as exc:
        raise FeedError(exc.reason) from exc
    feed, created = Feed.objects.get_or_create(
        url=url, defaults={"title": title.strip()[:300], "added_by": user}
    )
    return feed, created


def feed_set_active(feed: Feed, active: bool) -> Feed:
    """Pause a feed, or resume it (due at once, its failures forgiven)."""
    fields = {"active": active}
    if active:
        fields.update(next_check_at=timezone.now(), failures=0)
    Feed.objects.filter(pk=feed.pk).update(**fields)
    feed.refresh_from_db()
    return feed
