"""Shared fixtures. Database tests run on SQLite by default and on PostgreSQL when
DATABASE_URL is set (as in CI)."""

from __future__ import annotations

import pytest


@pytest.fixture
def countries(db):
    """Every country, as the data migration loads them (transactional tests flush them)."""
    from kb.countries import countries_sync
    from kb.models import Country

    if Country.objects.count() < 200:
        countries_sync(Country)
    return Country.objects.all()


@pytest.fixture
def no_queue(monkeypatch):
    """Save uploads without running extraction (keeps page and API tests fast)."""
    monkeypatch.setattr("ingest.services._queue", lambda article: None)


@pytest.fixture(autouse=True)
def fresh_registry_snapshot():
    """Each test reads the registry its own database holds, not a snapshot an earlier
    test's database left in this process."""
    from kb.registry import registry_changed

    registry_changed()
    yield
    registry_changed()
