"""Fixtures for the curation tests: users by role, and extraction never queued."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory, editor


@pytest.fixture(autouse=True)
def no_queue(no_queue):
    """Record what would be queued for extraction; never run it."""
    return no_queue


@pytest.fixture
def editor_user(db):
    return editor("curation-editor")


@pytest.fixture
def analyst_user(db):
    return UserFactory(username="curation-analyst")


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def analyst_client(client, analyst_user):
    client.force_login(analyst_user)
    return client
