"""Merging duplicate leaders and meetings, and undoing it (``kb.services.merges``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from kb.models import (
    Leader,
    Meeting,
    MergeRecord,
    ReviewState,
)
from kb.services.articles import article_delete
from kb.services.facts import fact_update
from kb.services.leaders import leader_delete
from kb.services.merges import leader_merge, meeting_merge, merge_undo
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


def _leader_state(*leaders):
    """Everything a leader merge may move, for comparing before and after undo."""
    state = {}
    for leader in leaders:
        leader.refresh_from_db()
        state[leader.pk] = {
            "name": leader.name,
            "other_names": leader.other_names,
            "title": leader.title,
            "country": leader.country_id,
            "merged_into": leader.merged_into_id,
            "aliases": sorted(leader.aliases.values_list("key", flat=True)),
            "meetings": sorted(leader.meetings.values_list("pk", flat=True)),
            "gifts_given": sorted(leader.gifts_given.values_list("pk", flat=True)),
            "gifts_received": sorted(leader.gifts_received.values_list("pk", flat=True)),
            "agreements": sorted(leader.agreements.values_list("pk", flat=True)),
            "articles": sorted(leader.articles.values_list("pk", flat=True)),
            "merged": sorted(leader.merged.values_list("pk", flat=True)),
        }
    return state


@pytest.fixture
def duplicate_leaders():
    country = CountryFactory(code="BR", name="Brazil")
    keep = LeaderFactory(name="Ana Lima", country=country, title="", other_names=["Lima"])
    merge = LeaderFactory(
        name="Ana Maria Lima", country=None, title="President", other_names=["President Lima"]
    )
    other = LeaderFactory(name="Tomas Berg")
    older_duplicate = LeaderFactory(name="A. Lima", merged_into=merge)
    shared = MeetingFactory(participants=[keep, merge, other])
    only_merge = MeetingFactory(participants=[merge, other])
    GiftFactory(giver=merge, recipient=other)
    GiftFactory(giver=other, recipient=merge)
    AgreementFactory(leader_parties=[merge, other])
    AgreementFactory(leader_parties=[merge, keep])
    both_article, merge_article = ArticleFactory(), ArticleFactory()
    both_article.leaders.set([keep, merge])
    merge_article.leaders.set([merge])
    return {
        "keep": keep,
        "merge": merge,
        "other": other,
        "older": older_duplicate,
        "shared": shared,
        "only_merge": only_merge,
    }


def test_leader_merge_moves_every_relation(editor_user, duplicate_leaders):
    keep, merge, other = (duplicate_leaders[k] for k in ("keep", "merge", "other"))
    record = leader_merge(keep=keep, merge=merge, user=editor_user)

    keep.refresh_from_db()
    merge.refresh_from_db()
    assert merge.merged_into == keep
    assert (
        duplicate_leaders["older"]
        .__class__.objects.get(pk=duplicate_leaders["older"].pk)
        .merged_into
        == keep
    )
    assert set(keep.other_names) >= {"Lima", "Ana Maria Lima", "President Lima"}
    assert keep.title == "President"  # blank filled
    assert keep.country.code == "BR"  # kept
    assert keep.meetings.count() == 2
    assert not merge.meetings.exists()
    assert keep.gifts_given.count() == 1 and keep.gifts_received.count() == 1
    assert not merge.gifts_given.exists() and not merge.gifts_received.exists()
    assert keep.agreements.count() == 2 and not merge.agreements.exists()
    assert keep.articles.count() == 2 and not merge.articles.exists()
    assert list(Leader.objects.named("Ana Maria Lima").active()) == [keep]
    assert set(duplicate_leaders["shared"].participants.all()) == {keep, other}
    assert record.kind == "leader" and record.user == editor_user
    assert (record.keep_id, record.merged_id) == (keep.pk, merge.pk)
    assert duplicate_leaders["only_merge"].history.first().history_user == editor_user


def test_leader_merge_undo_restores_exactly(editor_user, duplicate_leaders):
    leaders = [duplicate_leaders[k] for k in ("keep", "merge", "other", "older")]
    before = _leader_state(*leaders)
    record = leader_merge(
        keep=duplicate_leaders["keep"], merge=duplicate_leaders["merge"], user=editor_user
    )
    assert _leader_state(*leaders) != before

    merge_undo(record=record, user=editor_user)

    assert _leader_state(*leaders) == before
    record.refresh_from_db()
    assert record.undone_at is not None and record.undone_by == editor_user
    with pytest.raises(ValidationError):
        merge_undo(record=record, user=editor_user)


def test_undoing_a_leader_merge_leaves_out_the_mentions_of_articles_deleted_since(editor_user):
    keep, merge = LeaderFactory(), LeaderFactory()
    deleted, kept = ArticleFactory(), ArticleFactory()
    deleted.leaders.set([merge])
    kept.leaders.set([merge])
    record = leader_merge(keep=keep, merge=merge, user=editor_user)
    article_delete(article=deleted, user=editor_user)

    merge_undo(record=record, user=editor_user)

    connection.check_constraints()  # no mention points at the deleted article
    assert list(merge.articles.values_list("pk", flat=True)) == [kept.pk]
    assert not keep.articles.exists()


def test_leader_merge_refuses_nonsense(editor_user):
    a, b = LeaderFactory(), LeaderFactory()
    with pytest.raises(ValidationError):
        leader_merge(keep=a, merge=a, user=editor_user)
    leader_merge(keep=a, merge=b, user=editor_user)
    with pytest.raises(ValidationError):
        leader_merge(keep=a, merge=b, user=editor_user)
    with pytest.raises(ValidationError):
        leader_merge(keep=b, merge=LeaderFactory(), user=editor_user)
    assert MergeRecord.objects.count() == 1


# ---- merging meetings -----------------------------------------------------------------


def _meeting_state(*meetings):
    state = {}
    for meeting in meetings:
        meeting.refresh_from_db()
        state[meeting.pk] = {
            "kind": meeting.kind,
            "date": meeting.date,
            "place": meeting.place,
            "host": meeting.host_country_id,
            "topics": meeting.topics,
            "review_state": meeting.review_state,
            "merged_into": meeting.merged_into_id,
            "participants": sorted(meeting.participants.values_list("pk", flat=True)),
            "evidence": sorted(meeting.evidence.values_list("pk", flat=True)),
            "gifts": sorted(meeting.gifts.values_list("pk", flat=True)),
            "agreements": sorted(meeting.agreements.values_list("pk", flat=True)),
            "merged": sorted(meeting.merged.values_list("pk", flat=True)),
        }
    return state


@pytest.fixture
def duplicate_meetings():
    a, b, c = LeaderFactory(), LeaderFactory(), LeaderFactory()
    host = CountryFactory(code="NO", name="Norway")
    keep = MeetingFactory(participants=[a, b], place="", date=None, topics=[])
    merge = MeetingFactory(
        participants=[a, b, c],
        place="Oslo",
        date=dt.date(2025, 1, 7),
        host_country=host,
        topics=["fisheries"],
    )
    older = MeetingFactory(participants=[], merged_into=merge, review_state="rejected")
    EvidenceFactory(meeting=keep)
    EvidenceFactory(meeting=merge)
    EvidenceFactory(meeting=merge)
    GiftFactory(giver=a, recipient=b, meeting=merge)
    AgreementFactory(leader_parties=[a, b], meeting=merge)
    return {"keep": keep, "merge": merge, "older": older, "c": c}


def test_meeting_merge_moves_and_fills_blanks(editor_user, duplicate_meetings):
    keep, merge = duplicate_meetings["keep"], duplicate_meetings["merge"]
    record = meeting_merge(keep=keep, merge=merge, user=editor_user)

    keep.refresh_from_db()
    merge.refresh_from_db()
    assert keep.participants.count() == 3
    assert keep.evidence.count() == 3 and not merge.evidence.exists()
    assert keep.gifts.count() == 1 and keep.agreements.count() == 1
    assert (keep.place, keep.date, keep.host_country.code, keep.topics) == (
        "Oslo",
        dt.date(2025, 1, 7),
        "NO",
        ["fisheries"],
    )
    assert keep.review_state == ReviewState.CONFIRMED
    assert merge.review_state == ReviewState.REJECTED
    assert merge.merged_into == keep
    assert not merge.participants.exists()
    assert Meeting.objects.get(pk=duplicate_meetings["older"].pk).merged_into == keep
    assert record.kind == "meeting"
    assert not Meeting.objects.visible().filter(pk=merge.pk).exists()


def test_meeting_merge_undo_restores_exactly(editor_user, duplicate_meetings):
    meetings = [duplicate_meetings[k] for k in ("keep", "merge", "older")]
    before = _meeting_state(*meetings)
    record = meeting_merge(
        keep=duplicate_meetings["keep"], merge=duplicate_meetings["merge"], user=editor_user
    )
    assert _meeting_state(*meetings) != before
    merge_undo(record=record, user=editor_user)
    assert _meeting_state(*meetings) == before


def test_meeting_merge_keeps_values_already_known(editor_user):
    a = LeaderFactory()
    keep = MeetingFactory(participants=[a], place="Bergen")
    merge = MeetingFactory(participants=[a], place="Oslo")
    meeting_merge(keep=keep, merge=merge, user=editor_user)
    keep.refresh_from_db()
    assert keep.place == "Bergen"


def test_undoing_a_meeting_merge_leaves_out_participants_deleted_since(editor_user):
    a, b, gone = LeaderFactory(), LeaderFactory(), LeaderFactory()
    keep = MeetingFactory(participants=[a, b])
    merge = MeetingFactory(participants=[a, b, gone])
    record = meeting_merge(keep=keep, merge=merge, user=editor_user)
    # An editor takes the added leader off the meeting and deletes them, then undoes.
    fact_update(fact=keep, user=editor_user, changes={"participants": [a.pk, b.pk]})
    leader_delete(leader=gone, user=editor_user)

    merge_undo(record=record, user=editor_user)

    connection.check_constraints()  # no participation points at the deleted leader
    assert set(merge.participants.all()) == {a, b}
    assert set(keep.participants.all()) == {a, b}
