"""Fixtures for the API tests: clients by role, extraction never queued, no rate limits
(except where a test sets them), an empty throttle cache, and the world the pages are
read against too (``tests.worlds``; a module may define its own)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.models import ApiToken, TokenScope
from tests.factories import UserFactory, editor
from tests.worlds import world  # noqa: F401 - the shared fixture


def token_client(user, scope: str) -> APIClient:
    _, key = ApiToken.issue(user=user, scope=scope, name="test")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    api.user, api.key = user, key
    return api


@pytest.fixture
def client() -> APIClient:
    """Anonymous."""
    return APIClient()


@pytest.fixture
def editor_client(db) -> APIClient:
    """An editor's edit-scoped token, as services write."""
    return token_client(editor(), TokenScope.EDIT)


@pytest.fixture
def read_token_client(db) -> APIClient:
    """A read-scoped token, of an editor: the scope, not the user, stops its writes."""
    return token_client(editor("token-reader"), TokenScope.READ)


@pytest.fixture
def reader_client(db) -> APIClient:
    """Signed in, but not an editor."""
    api = APIClient()
    api.force_authenticate(UserFactory(username="reader"))
    return api


@pytest.fixture
def analyst_client(db) -> APIClient:
    """A browser session (cookie) of a signed-in analyst (not an editor)."""
    user = UserFactory(username="analyst")
    api = APIClient()
    api.force_login(user)
    api.user = user
    return api


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    settings.API_THROTTLE_RATES = {}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def queued(queued_articles) -> list:
    """Articles queued for extraction (recorded, never run: no spaCy in API tests)."""
    return queued_articles


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
