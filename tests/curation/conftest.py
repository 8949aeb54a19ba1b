"""Fixtures for the curation pages' tests: clients by role (users from tests/conftest.py),
and extraction never queued."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_queue(no_queue):
    """Record what would be queued for extraction; never run it."""
    return no_queue


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


@pytest.fixture
def analyst_client(client, analyst_user):
    client.force_login(analyst_user)
    return client
