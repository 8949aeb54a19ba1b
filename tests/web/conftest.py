"""Fixtures for the page tests: the shared world (``tests.worlds``), extraction never
queued, and clients by role."""

import pytest

from tests.factories import UserFactory, editor
from tests.worlds import world  # noqa: F401 - the shared fixture


@pytest.fixture(autouse=True)
def no_queue(no_queue):
    """Never run extraction (spaCy) from page tests: record what would be queued."""
    return no_queue


@pytest.fixture
def editor_client(client, db):
    client.force_login(editor("page-editor"))
    return client


@pytest.fixture
def reader_client(client, db):
    client.force_login(UserFactory(username="page-reader"))
    return client
