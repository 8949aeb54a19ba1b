"""Fixtures for the curation pages' tests: clients by role (users from tests/conftest.py),
extraction never queued, and the facts the page tests act on (a module of its own may
define its own `facts`)."""

from __future__ import annotations

import pytest

from kb.services.merges import leader_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)


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


@pytest.fixture
def facts():
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    meeting = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    agreement = AgreementFactory(leader_parties=[a, b])
    article = ArticleFactory(text="Lima met Berg. Lima gave Berg a jug.")
    other_meeting = MeetingFactory(participants=[a, b])
    record = leader_merge(keep=a, merge=LeaderFactory(name="A. Lima"), user=None)
    return {
        "a": a,
        "b": b,
        "meeting": meeting,
        "gift": gift,
        "agreement": agreement,
        "article": article,
        "other_meeting": other_meeting,
        "record": record,
    }
