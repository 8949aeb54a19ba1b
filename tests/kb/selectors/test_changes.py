"""Cached reads last until a write to one of their areas (kb.changes)."""

import pytest
from django.core.cache import cache
from django.db import transaction

from kb import changes
from kb.changes import AGREEMENTS, ARTICLES, GIFTS, LEADERS, MEETINGS
from kb.models import Meeting
from tests.factories import GiftFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def count_calls():
    calls = []

    def compute():
        calls.append(1)
        return Meeting.objects.count()

    return calls, compute


def test_a_result_is_computed_once_until_a_write_to_its_areas():
    a, b = LeaderFactory(), LeaderFactory()
    calls, compute = count_calls()
    assert changes.cached("meetings", {"q": 1}, compute, areas=[MEETINGS]) == 0
    assert changes.cached("meetings", {"q": 1}, compute, areas=[MEETINGS]) == 0
    assert len(calls) == 1
    assert changes.cached("meetings", {"q": 2}, compute, areas=[MEETINGS]) == 0  # other params
    assert len(calls) == 2

    GiftFactory(giver=a, recipient=b)  # another area: kept
    assert changes.cached("meetings", {"q": 1}, compute, areas=[MEETINGS]) == 0
    assert len(calls) == 2

    MeetingFactory(participants=[a, b])
    assert changes.cached("meetings", {"q": 1}, compute, areas=[MEETINGS]) == 1
    assert len(calls) == 3


def test_a_result_of_several_areas_moves_with_any_of_them():
    calls, compute = count_calls()
    changes.cached("both", {}, compute, areas=[MEETINGS, ARTICLES])
    changes.kb_changed(ARTICLES)
    changes.cached("both", {}, compute, areas=[MEETINGS, ARTICLES])
    assert len(calls) == 2
    changes.kb_changed(LEADERS)
    changes.cached("both", {}, compute, areas=[MEETINGS, ARTICLES])
    assert len(calls) == 2


def test_areas_must_be_named_and_known():
    with pytest.raises(ValueError, match="Unknown cache areas"):
        changes.cached("x", {}, lambda: 1, areas=["meeting"])
    with pytest.raises(ValueError, match="needs the areas"):
        changes.cached("x", {}, lambda: 1, areas=[])
    with pytest.raises(ValueError, match="Unknown cache areas"):
        changes.kb_changed("network")


def test_participants_changed_and_deletes_move_the_meetings_on():
    meeting = MeetingFactory(participants=[LeaderFactory()])
    other = LeaderFactory()
    version = changes.area_versions([MEETINGS])[MEETINGS]
    meeting.participants.add(other)
    assert changes.area_versions([MEETINGS])[MEETINGS] > version
    version = changes.area_versions([MEETINGS])[MEETINGS]
    meeting.delete()
    assert changes.area_versions([MEETINGS])[MEETINGS] > version


def test_a_transaction_moves_each_area_it_wrote_once_at_commit():
    leaders = [LeaderFactory() for _ in range(2)]
    before = changes.area_versions(changes.AREAS)
    with transaction.atomic():
        for _ in range(5):
            MeetingFactory(participants=leaders)
        changes.kb_changed(GIFTS)
        assert changes.area_versions(changes.AREAS) == before  # not before the commit
    after = changes.area_versions(changes.AREAS)
    assert after[MEETINGS] == before[MEETINGS] + 1
    assert after[GIFTS] == before[GIFTS] + 1
    assert after[LEADERS] == before[LEADERS]


def test_a_rolled_back_write_changes_nothing():
    leader = LeaderFactory()
    before = changes.area_versions(changes.AREAS)
    with pytest.raises(RuntimeError), transaction.atomic():
        MeetingFactory(participants=[leader])
        raise RuntimeError("rolled back")
    assert changes.area_versions(changes.AREAS) == before
    changes.kb_changed()  # outside a transaction, no areas: every one, at once
    after = changes.area_versions(changes.AREAS)
    assert all(after[area] == before[area] + 1 for area in changes.AREAS)


def test_an_emptied_cache_starts_every_area_past_any_entry():
    calls, compute = count_calls()
    changes.cached("m", {}, compute, areas=[MEETINGS, AGREEMENTS])
    cache.delete("kb:version:agreements")  # evicted
    changes.cached("m", {}, compute, areas=[MEETINGS, AGREEMENTS])
    assert len(calls) == 2
