"""Fixtures for the API tests: clients by role, and extraction never queued."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import UserFactory, editor


@pytest.fixture
def client() -> APIClient:
    """Anonymous."""
    return APIClient()


@pytest.fixture
def editor_client() -> APIClient:
    """Authenticated as an editor with a token, as services do."""
    token = Token.objects.create(user=editor())
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def reader_client() -> APIClient:
    """Signed in, but not an editor."""
    api = APIClient()
    api.force_authenticate(UserFactory(username="reader"))
    return api


@pytest.fixture(autouse=True)
def queued(monkeypatch) -> list:
    """Articles queued for extraction (recorded, never run: no spaCy in API tests)."""
    calls: list = []
    monkeypatch.setattr("ingest.services._queue", calls.append)
    return calls


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
