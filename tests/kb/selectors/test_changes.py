"""Cached reads last until the next write (kb.changes)."""

import pytest
from django.db import transaction

from kb import changes
from kb.models import Meeting
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()


def count_calls():
    calls = []

    def compute():
        calls.append(1)
        return Meeting.objects.count()

    return calls, compute


def test_a_result_is_computed_once_until_a_write():
    calls, compute = count_calls()
    assert changes.cached("meetings", {"q": 1}, compute) == 0
    assert changes.cached("meetings", {"q": 1}, compute) == 0
    assert len(calls) == 1
    assert changes.cached("meetings", {"q": 2}, compute) == 0  # other params: other entry
    assert len(calls) == 2

    MeetingFactory(participants=[LeaderFactory(), LeaderFactory()])
    assert changes.cached("meetings", {"q": 1}, compute) == 1
    assert len(calls) == 3


def test_participants_changed_and_deletes_move_the_version_on():
    meeting = MeetingFactory(participants=[LeaderFactory()])
    version = changes.kb_version()
    meeting.participants.add(LeaderFactory())
    assert changes.kb_version() > version
    version = changes.kb_version()
    meeting.delete()
    assert changes.kb_version() > version


def test_bulk_writes_say_so_and_a_transaction_moves_it_once_at_commit():
    version = changes.kb_version()
    with transaction.atomic():
        for _ in range(5):
            MeetingFactory(participants=[LeaderFactory()])
        changes.kb_changed()
        assert changes.kb_version() == version  # not before the commit
    assert changes.kb_version() == version + 1


def test_a_rolled_back_write_changes_nothing():
    version = changes.kb_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        MeetingFactory(participants=[LeaderFactory()])
        raise RuntimeError("rolled back")
    assert changes.kb_version() == version
    changes.kb_changed()  # outside a transaction: at once
    assert changes.kb_version() == version + 1
