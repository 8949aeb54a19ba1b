"""Shared fixtures. Database tests run on SQLite by default and on PostgreSQL when
DATABASE_URL is set (as in CI)."""

from __future__ import annotations

import importlib
import sys

import pytest

from ingest.queue import queue_replaced
from tests.factories import UserFactory, editor


@pytest.fixture
def countries(db):
    """Every country, as the data migration loads them (transactional tests flush them)."""
    from gazetteer.countries import countries_sync
    from kb.models import Country

    if Country.objects.count() < 200:
        countries_sync(Country)
    return Country.objects.all()


@pytest.fixture
def editor_user(db):
    return editor("curation-editor")


@pytest.fixture
def analyst_user(db):
    return UserFactory(username="curation-analyst")


@pytest.fixture
def no_queue():
    """Save uploads without running extraction (keeps page and API tests fast): the ids
    of the articles that would have been queued, in order."""
    ids: list[int] = []
    with queue_replaced(lambda article: ids.append(article.pk)):
        yield ids


@pytest.fixture
def queued_articles():
    """Stands in for the broker: the articles queued, in order, so a test can check
    them or play the worker."""
    articles: list = []
    with queue_replaced(articles.append):
        yield articles


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: read results cached until the next write
    (kb.changes) must not outlive the test database they were read from, which is rolled
    back without a commit that would move the version on."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_cached_reads(settings):
    """Tests read cached results fresh: a page read right after a write shows it, as
    an editor's would. The tests of serving stale results while one reader recomputes
    (kb.changes) set KB_STALE_SECONDS themselves."""
    settings.KB_STALE_SECONDS = 0


@pytest.fixture(autouse=True)
def writes_commit_at_once(request, monkeypatch):
    """A test that is not transactional runs inside one transaction that is rolled back,
    never committed, so its writes would never move kb.changes' version on (that happens
    at commit) and a read cached before a write would outlive it within the test. There,
    each write moves the version on at once, as its commit would in production.
    Transactional tests commit for real and keep the real behaviour."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if not transactional:
        from kb import changes

        monkeypatch.setattr(changes, "kb_changed", changes._bump)


@pytest.fixture(autouse=True)
def fresh_registry_snapshot():
    """Each test reads the registry its own database holds, not a snapshot an earlier
    test's database left in this process."""
    from kb.registry.snapshot import registry_changed

    registry_changed()
    yield
    registry_changed()


def _cannot_import(monkeypatch, missing: str, *dependants: str) -> None:
    """Make ``import missing`` fail as on an install without it, and unload the packages
    that import it (``dependants``), so importing them again fails the same way. The real
    modules come back after the test."""
    for name in dependants:
        importlib.import_module(name)  # loaded now, so that the originals are restored
    for name in list(sys.modules):
        if name.split(".")[0] in (missing, *dependants):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, missing, None)


@pytest.fixture
def html_cleaner_missing(monkeypatch):
    """An install where pip did not bring lxml's ``html_clean`` extra: lxml's shim
    ``lxml.html.clean`` raises ImportError, and so does ``import trafilatura`` (through
    justext)."""
    _cannot_import(monkeypatch, "lxml_html_clean", "trafilatura", "justext")
    monkeypatch.delitem(sys.modules, "lxml.html.clean", raising=False)


@pytest.fixture
def pdf_reader_missing(monkeypatch):
    """An install without pypdf."""
    _cannot_import(monkeypatch, "pypdf")
