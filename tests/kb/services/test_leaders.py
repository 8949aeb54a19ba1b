"""Editors' writes on leaders (``kb.services.leaders``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kb.models import (
    Leader,
    ReviewState,
)
from kb.services.leaders import (
    leader_confirm,
    leader_create,
    leader_delete,
    leader_reject,
    leader_update,
)
from kb.services.merges import leader_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


# ---- correcting and deleting leaders ----------------------------------------------------


def test_leader_update_corrects_records_who_and_keeps_the_old_name_findable(editor_user):
    portugal = CountryFactory(code="PT", name="Portugal")
    leader = LeaderFactory(name="Ana Lima", title="President", other_names=["Lima"])

    leader_update(
        leader=leader,
        user=editor_user,
        changes={"name": " Ana Maria Lima ", "title": "Former president", "country": "pt"},
    )

    leader.refresh_from_db()
    assert (leader.name, leader.title, leader.country) == (
        "Ana Maria Lima",
        "Former president",
        portugal,
    )
    assert leader.review_state == ReviewState.CORRECTED
    assert leader.edited_fields == ["country", "name", "title"]
    assert leader.other_names == ["Ana Lima", "Lima"]
    assert list(Leader.objects.named("Ana Lima")) == [leader]
    latest = leader.history.first()
    assert latest.history_user == editor_user
    assert latest.history_change_reason == "Corrected: name, title, country"
    assert leader.history.count() == 2  # created, corrected: one row for the change


def test_leader_update_without_change_saves_nothing(editor_user):
    leader = LeaderFactory(name="Ana Lima", title="President")
    leader_update(
        leader=leader, user=editor_user, changes={"name": "Ana Lima", "title": "President"}
    )
    leader.refresh_from_db()
    assert leader.review_state == ReviewState.EXTRACTED and leader.edited_fields == []
    assert leader.history.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"country": NO_SUCH_COUNTRY}, "country"),
        ({"merged_into": 1}, "merged_into"),
        ({"title": "t" * 121}, "title"),
    ],
)
def test_invalid_leader_changes_are_refused_and_nothing_saved(editor_user, changes, field):
    leader = LeaderFactory(name="Ana Lima")
    with pytest.raises(ValidationError) as caught:
        leader_update(leader=leader, user=editor_user, changes=changes)
    assert field in caught.value.message_dict
    leader.refresh_from_db()
    assert leader.name == "Ana Lima" and leader.review_state == ReviewState.EXTRACTED
    assert leader.history.count() == 1


def test_a_merged_leader_is_corrected_through_the_one_it_went_into(editor_user):
    keep, merged = LeaderFactory(), LeaderFactory(name="Ana Lima")
    leader_merge(keep=keep, merge=merged, user=editor_user)
    merged.refresh_from_db()
    with pytest.raises(ValidationError):
        leader_update(leader=merged, user=editor_user, changes={"name": "Ana"})
    merged.refresh_from_db()
    assert merged.name == "Ana Lima"


def test_leader_delete_removes_a_leader_nothing_rests_on(editor_user):
    leader = LeaderFactory(name="President Street")
    article = ArticleFactory()
    article.leaders.set([leader])
    pk = leader.pk

    leader_delete(leader=leader, user=editor_user)

    assert not Leader.objects.filter(pk=pk).exists()
    assert not article.leaders.exists()
    gone = Leader.history.get(id=pk, history_type="-")
    assert gone.history_user == editor_user and gone.history_change_reason == f"Deleted leader {pk}"


def _rests_on(leader, other):
    return {
        "meeting": lambda: MeetingFactory(participants=[leader, other]),
        "gift given": lambda: GiftFactory(giver=leader, recipient=other),
        "gift received": lambda: GiftFactory(giver=other, recipient=leader),
        "agreement": lambda: AgreementFactory(leader_parties=[leader]),
        "merged into it": lambda: leader_merge(keep=leader, merge=other, user=None),
        "itself merged": lambda: leader_merge(keep=other, merge=leader, user=None),
    }


@pytest.mark.parametrize(
    "what",
    ["meeting", "gift given", "gift received", "agreement", "merged into it", "itself merged"],
)
def test_leader_delete_is_refused_while_records_rest_on_it(editor_user, what):
    leader, other = LeaderFactory(name="Ana Lima"), LeaderFactory()
    _rests_on(leader, other)[what]()
    history = leader.history.count()

    with pytest.raises(ValidationError) as caught:
        leader_delete(leader=leader, user=editor_user)

    assert "merge" in caught.value.messages[0]  # the way out it names
    assert Leader.objects.filter(pk=leader.pk).exists()
    assert leader.history.count() == history


# ---- adding and reviewing leaders -------------------------------------------------------


def test_leader_create_adds_a_confirmed_leader_and_records_who(editor_user):
    brazil = CountryFactory(code="BR", name="Brazil")

    leader = leader_create(user=editor_user, name=" Ana Lima ", title="President", country="br")

    leader.refresh_from_db()
    assert (leader.name, leader.title, leader.country) == ("Ana Lima", "President", brazil)
    assert (leader.review_state, leader.confidence) == (ReviewState.CONFIRMED, 1.0)
    assert leader.edited_fields == ["country", "name", "title"]
    assert list(Leader.objects.named("ana lima")) == [leader]
    (row,) = leader.history.all()
    assert (row.history_type, row.history_user, row.history_change_reason) == (
        "+",
        editor_user,
        "Added by hand",
    )


def test_leader_create_locks_only_the_fields_given(editor_user):
    leader = leader_create(user=editor_user, name="Ana Lima")
    assert (leader.title, leader.country, leader.edited_fields) == ("", None, ["name"])


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"name": "Ana Lima", "country": NO_SUCH_COUNTRY}, "country"),
        ({"name": "Ana Lima", "title": "t" * 121}, "title"),
    ],
)
def test_invalid_new_leaders_are_refused_and_nothing_saved(editor_user, fields, field):
    with pytest.raises(ValidationError) as caught:
        leader_create(user=editor_user, **fields)
    assert field in caught.value.message_dict
    assert not Leader.objects.exists()
    assert not Leader.history.exists()


@pytest.mark.parametrize("name", ["Ana Lima", "ANA  LIMA", "President Ana Lima", "Senhora Lima"])
def test_leader_create_refuses_a_second_record_of_a_known_leader(editor_user, name):
    brazil = CountryFactory(code="BR", name="Brazil")
    known = LeaderFactory(name="Ana Lima", country=brazil, other_names=["Senhora Lima"])

    with pytest.raises(ValidationError) as caught:
        leader_create(user=editor_user, name=name, country="BR")

    (message,) = caught.value.message_dict["name"]
    assert message == (
        f"Ana Lima (leader {known.pk}, Brazil) is already recorded; "
        "correct that record instead of adding another."
    )
    assert Leader.objects.count() == 1


def test_leader_create_tells_apart_namesakes_by_country(editor_user):
    LeaderFactory(name="Ana Lima", country=CountryFactory(code="BR", name="Brazil"))
    CountryFactory(code="PT", name="Portugal")

    in_portugal = leader_create(user=editor_user, name="Ana Lima", country="PT")
    unplaced = leader_create(user=editor_user, name="Ana Lima")

    assert (in_portugal.country.code, unplaced.country) == ("PT", None)
    with pytest.raises(ValidationError):
        leader_create(user=editor_user, name="Ana Lima")  # unplaced already known
    assert Leader.objects.filter(name="Ana Lima").count() == 3


def test_leader_create_points_to_a_rejected_record_to_confirm_instead(editor_user):
    known = LeaderFactory(name="Ana Lima", country=None, review_state=ReviewState.REJECTED)
    with pytest.raises(ValidationError) as caught:
        leader_create(user=editor_user, name="Ana Lima")
    assert caught.value.message_dict["name"] == [
        f"Ana Lima (leader {known.pk}) is already recorded; it was rejected: confirm it to "
        "bring it back."
    ]


def test_leader_reject_hides_it_and_confirm_brings_it_back(editor_user):
    leader = LeaderFactory(name="Ana Lima")
    meeting = MeetingFactory(participants=[leader, LeaderFactory()])

    leader_reject(leader=leader, user=editor_user)

    leader.refresh_from_db()
    assert leader.review_state == ReviewState.REJECTED
    assert not Leader.objects.visible().filter(pk=leader.pk).exists()
    assert Leader.objects.filter(pk=leader.pk).exists()  # kept
    meeting.refresh_from_db()
    assert meeting.review_state == ReviewState.EXTRACTED  # its facts are reviewed one by one
    latest = leader.history.first()
    assert (latest.history_user, latest.history_change_reason) == (editor_user, "Rejected")

    leader_confirm(leader=leader, user=editor_user)
    leader_confirm(leader=leader, user=editor_user)  # again: nothing to record

    leader.refresh_from_db()
    assert leader.review_state == ReviewState.CONFIRMED
    assert Leader.objects.visible().filter(pk=leader.pk).exists()
    assert [row.history_change_reason for row in leader.history.order_by("history_id")] == [
        None,
        "Rejected",
        "Confirmed",
    ]


def test_reviewing_a_corrected_leader_keeps_what_the_editor_set(editor_user):
    leader = LeaderFactory(name="Ana Lima", title="President")
    leader_update(leader=leader, user=editor_user, changes={"title": "Former president"})
    leader_confirm(leader=leader, user=editor_user)
    leader.refresh_from_db()
    assert (leader.review_state, leader.edited_fields) == (ReviewState.CONFIRMED, ["title"])


def test_a_merged_leader_is_reviewed_through_the_one_it_went_into(editor_user):
    keep, merged = LeaderFactory(), LeaderFactory(name="Ana Lima")
    leader_merge(keep=keep, merge=merged, user=editor_user)
    merged.refresh_from_db()
    history = merged.history.count()
    for service in (leader_confirm, leader_reject):
        with pytest.raises(ValidationError, match="merged into another record: review that one"):
            service(leader=merged, user=editor_user)
    merged.refresh_from_db()
    assert merged.review_state == ReviewState.EXTRACTED
    assert merged.history.count() == history
