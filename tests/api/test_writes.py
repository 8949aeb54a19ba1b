"""Editors' writes through the same services as the pages: history, sticky corrections,
merges and their undo, deletion; and the change feed they leave."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from api.models import Tombstone
from kb.models import Agreement, Country, Evidence, Gift, Leader, Meeting, MergeRecord, ReviewState
from kb.services.merges import leader_merge
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

TEXT = "Dubois met Becker in Paris. Dubois gave Becker a vase. They signed a pact."


@pytest.fixture
def world():
    fr, de = CountryFactory(code="FR", name="France"), CountryFactory(code="DE", name="Germany")
    return {
        "fr": fr,
        "de": de,
        "a": LeaderFactory(name="Claire Dubois", country=fr),
        "b": LeaderFactory(name="Jonas Becker", country=de),
        "article": ArticleFactory(text=TEXT),
    }


def test_editor_adds_a_meeting_by_hand_with_its_evidence(editor_client, world):
    body = {
        "article": world["article"].pk, "start": 0, "end": 27,
        "participants": [world["a"].pk, world["b"].pk], "kind": "visit",
        "date": "2024-05-02", "host_country": "FR", "topics": ["energy"],
    }  # fmt: skip
    response = editor_client.post("/api/meetings/", body, format="json")

    assert response.status_code == 201, response.json()
    made = response.json()
    meeting = Meeting.objects.get(pk=made["id"])
    assert made["review_state"] == "confirmed" and made["host_country"] == "FR"
    assert made["evidence"][0]["sentence"] == "Dubois met Becker in Paris."
    assert made["evidence"][0]["rule"] == "manual"
    assert meeting.history.first().history_user == editor_client.user


def test_editor_adds_a_gift_and_an_agreement(editor_client, world):
    gift = editor_client.post(
        "/api/gifts/",
        {"article": world["article"].pk, "start": 28, "end": 54,
         "giver": world["a"].pk, "recipient": world["b"].pk, "item": "a vase"},
        format="json",
    )  # fmt: skip
    assert gift.status_code == 201, gift.json()
    assert gift.json()["giver"]["name"] == "Claire Dubois"
    agreement = editor_client.post(
        "/api/agreements/",
        {"article": world["article"].pk, "start": 55, "end": 74, "kind": "treaty",
         "status": "signed", "country_parties": ["FR", "DE"]},
        format="json",
    )  # fmt: skip
    assert agreement.status_code == 201, agreement.json()
    assert sorted(agreement.json()["country_parties"]) == ["DE", "FR"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start": 0, "end": 999}, "sentence"),  # not a span of the article
        ({"start": 0, "end": 27, "participants": []}, "participants"),
        ({"start": 0, "end": 27, "participants": [999999]}, "participants"),
        ({"start": "0", "end": 27, "participants": [1]}, "start"),  # text for a number
    ],
)
def test_invalid_creations_are_400_and_save_nothing(editor_client, world, body, field):
    body = {"article": world["article"].pk, "participants": [world["a"].pk], **body}
    response = editor_client.post("/api/meetings/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Meeting.objects.exists()


def test_delete_records_history_detaches_and_leaves_a_tombstone(editor_client, world):
    meeting = MeetingFactory(participants=[world["a"], world["b"]])
    gift = GiftFactory(giver=world["a"], recipient=world["b"], meeting=meeting)
    EvidenceFactory(meeting=meeting, article=world["article"])
    before = timezone.now()

    assert editor_client.delete(f"/api/meetings/{meeting.pk}/").status_code == 204

    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert not Evidence.objects.filter(meeting_id=meeting.pk).exists()
    gift.refresh_from_db()
    assert gift.meeting is None and gift.updated_at >= before
    gone = Meeting.history.filter(id=meeting.pk, history_type="-").get()
    assert gone.history_user == editor_client.user
    assert set(Tombstone.objects.values_list("model", "object_id")) >= {
        ("meeting", meeting.pk),
    }
    assert Tombstone.objects.filter(model="evidence").count() == 1
    assert editor_client.delete(f"/api/meetings/{meeting.pk}/").status_code == 404


def test_meeting_merge_and_undo_through_the_api(editor_client, world):
    keep = MeetingFactory(participants=[world["a"], world["b"]], date=dt.date(2024, 5, 2), place="")
    dup = MeetingFactory(participants=[world["a"], world["b"]], place="Paris")
    response = editor_client.post(
        f"/api/meetings/{keep.pk}/merge/", {"merge": dup.pk}, format="json"
    )
    assert response.status_code == 200, response.json()
    record = MergeRecord.objects.get(pk=response.json()["id"])
    keep.refresh_from_db()
    assert keep.place == "Paris" and keep.review_state == ReviewState.CONFIRMED
    deleted = editor_client.get("/api/changes/deleted/").json()["results"]
    assert [(d["model"], d["object_id"], d["merged_into"]) for d in deleted] == [
        ("meeting", dup.pk, keep.pk)
    ]

    undone = editor_client.post(f"/api/merges/{record.pk}/undo/")
    assert undone.status_code == 200 and undone.json()["undone_at"]
    assert editor_client.get("/api/changes/deleted/").json()["count"] == 0
    assert editor_client.post(f"/api/merges/{record.pk}/undo/").status_code == 400
    missing = editor_client.post(f"/api/meetings/{keep.pk}/merge/", {"merge": 999}, format="json")
    assert missing.status_code == 400 and "merge" in missing.json()["errors"]


def test_corrections_made_through_the_api_are_sticky(editor_client, world):
    gift = GiftFactory(giver=world["a"], recipient=world["b"])
    editor_client.patch(f"/api/gifts/{gift.pk}/", {"item": "a porcelain vase"}, format="json")
    gift.refresh_from_db()
    assert gift.review_state == ReviewState.CORRECTED and "item" in gift.edited_fields


# ---- the change feed ---------------------------------------------------------------------------


def test_updated_since_lists_only_what_changed_including_rejections(client, editor_client, world):
    old = GiftFactory(giver=world["a"], recipient=world["b"])
    agreement = AgreementFactory(leader_parties=[world["a"]])
    Gift.objects.filter(pk=old.pk).update(updated_at=timezone.now() - dt.timedelta(days=2))
    Agreement.objects.filter(pk=agreement.pk).update(
        updated_at=timezone.now() - dt.timedelta(days=2)
    )
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()
    new = GiftFactory(giver=world["b"], recipient=world["a"])
    editor_client.post(f"/api/agreements/{agreement.pk}/reject/")

    feed = client.get("/api/gifts/", {"updated_since": since}).json()["results"]
    assert [row["id"] for row in feed] == [new.pk]
    rejected = client.get("/api/agreements/", {"updated_since": since}).json()["results"]
    assert [(row["id"], row["review_state"]) for row in rejected] == [(agreement.pk, "rejected")]
    assert client.get("/api/agreements/").json()["count"] == 0  # hidden from plain lists
    assert client.get("/api/leaders/", {"updated_since": "2000-01-01"}).json()["count"] == 2
    countries = client.get("/api/countries/", {"updated_since": since}).json()["count"]
    assert countries == Country.objects.count()  # reference data: always all of it


@pytest.mark.parametrize(
    "value", ["yesterday", "2024-13-01T00:00:00Z", "0001-01-01T00:00:00+05:00"]
)
def test_a_bad_updated_since_is_400_with_a_reason(client, value):
    for path, name in (("/api/meetings/", "updated_since"), ("/api/changes/deleted/", "since")):
        response = client.get(path, {name: value})
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "invalid" and body["errors"][name], body


def test_the_deleted_feed_filters_by_time_and_model(client, world):
    gift = GiftFactory(giver=world["a"], recipient=world["b"])
    gift_id = gift.pk
    gift.delete()
    cut = timezone.now()
    leader = LeaderFactory()
    leader_id = leader.pk
    leader.delete()
    rows = client.get("/api/changes/deleted/", {"since": cut.isoformat()}).json()["results"]
    assert [(r["model"], r["object_id"]) for r in rows] == [("leader", leader_id)]
    rows = client.get("/api/changes/deleted/", {"model": "gift"}).json()["results"]
    assert [(r["model"], r["object_id"], r["merged_into"]) for r in rows] == [
        ("gift", gift_id, None)
    ]
    assert not Leader.objects.filter(pk=leader_id).exists()


@pytest.mark.parametrize(("role", "status"), [("client", 401), ("read_token_client", 403)])
def test_leader_corrections_and_deletions_need_an_edit_token(request, world, role, status):
    api = request.getfixturevalue(role)
    leader, lonely = world["a"], LeaderFactory()
    patched = api.patch(f"/api/leaders/{leader.pk}/", {"title": "Mayor"}, format="json")
    deleted = api.delete(f"/api/leaders/{lonely.pk}/")
    assert (patched.status_code, deleted.status_code) == (status, status)
    leader.refresh_from_db()
    assert (leader.title, leader.review_state, leader.edited_fields) == (
        "President",
        ReviewState.EXTRACTED,
        [],
    )
    assert Leader.objects.filter(pk=lonely.pk).exists()
    assert leader.history.count() == 1


# ---- leaders added by hand, confirmed and rejected ------------------------------------------


def test_editor_adds_a_leader_and_is_told_where_it_is(editor_client, world):
    response = editor_client.post(
        "/api/leaders/", {"name": "Ana Lima", "title": "President", "country": "FR"}, format="json"
    )

    assert response.status_code == 201, response.json()
    made = response.json()
    assert response["Location"] == f"http://testserver/api/leaders/{made['id']}/"
    assert editor_client.get(response["Location"]).json() == made
    assert (made["name"], made["title"], made["country"]) == ("Ana Lima", "President", "FR")
    assert made["review_state"] == "confirmed"
    assert made["edited_fields"] == ["country", "name", "title"]
    (row,) = Leader.objects.get(pk=made["id"]).history.all()
    assert (row.history_type, row.history_user) == ("+", editor_client.user)


def test_facts_added_by_hand_are_also_told_where_they_are(editor_client, world):
    body = {"article": world["article"].pk, "start": 0, "end": 27, "participants": [world["a"].pk]}
    response = editor_client.post("/api/meetings/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response["Location"].endswith(f"/api/meetings/{response.json()['id']}/")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": 7}, "name"),
        ({"name": "Ana Lima", "country": NO_SUCH_COUNTRY}, "country"),
        ({"name": "Ana Lima", "country": ""}, "country"),
        ({"name": "Ana Lima", "title": "t" * 121}, "title"),
    ],
)
def test_an_invalid_new_leader_is_400_and_saves_nothing(editor_client, world, body, field):
    response = editor_client.post("/api/leaders/", body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and field in response.json()["errors"]
    assert Leader.objects.count() == 2


def test_a_second_record_of_a_known_leader_is_400_with_the_one_to_use(editor_client, world):
    dubois = world["a"]
    response = editor_client.post(
        "/api/leaders/", {"name": "President Claire Dubois", "country": "FR"}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["detail"].startswith("name: Claire Dubois (leader ")
    assert f"leader {dubois.pk}, France" in body["errors"]["name"][0]
    assert Leader.objects.count() == 2
    # The same name in another country is another person.
    elsewhere = editor_client.post(
        "/api/leaders/", {"name": "Claire Dubois", "country": "DE"}, format="json"
    )
    assert elsewhere.status_code == 201, elsewhere.json()


@pytest.mark.parametrize(("role", "status"), [("client", 401), ("read_token_client", 403)])
def test_adding_and_reviewing_leaders_need_an_edit_token(request, world, role, status):
    api = request.getfixturevalue(role)
    leader = world["a"]
    answers = [
        api.post("/api/leaders/", {"name": "Ana Lima"}, format="json"),
        api.post(f"/api/leaders/{leader.pk}/confirm/"),
        api.post(f"/api/leaders/{leader.pk}/reject/"),
    ]
    assert [answer.status_code for answer in answers] == [status] * 3
    assert all({"detail", "code"} <= set(answer.json()) for answer in answers)
    leader.refresh_from_db()
    assert leader.review_state == ReviewState.EXTRACTED
    assert leader.history.count() == 1 and Leader.objects.count() == 2


def test_a_rejected_leader_leaves_the_lists_until_confirmed_again(editor_client, world):
    leader = world["b"]

    rejected = editor_client.post(f"/api/leaders/{leader.pk}/reject/")

    assert rejected.status_code == 200 and rejected.json()["review_state"] == "rejected"
    listed = [row["id"] for row in editor_client.get("/api/leaders/").json()["results"]]
    assert listed == [world["a"].pk]
    asked = editor_client.get("/api/leaders/", {"include_rejected": "true"}).json()["results"]
    assert leader.pk in [row["id"] for row in asked]
    assert editor_client.get(f"/api/leaders/{leader.pk}/").json()["review_state"] == "rejected"
    feed = editor_client.get("/api/leaders/", {"updated_since": "2000-01-01"}).json()["results"]
    assert leader.pk in [row["id"] for row in feed]  # a mirror sees the rejection

    confirmed = editor_client.post(f"/api/leaders/{leader.pk}/confirm/")

    assert confirmed.status_code == 200 and confirmed.json()["review_state"] == "confirmed"
    listed = [row["id"] for row in editor_client.get("/api/leaders/").json()["results"]]
    assert leader.pk in listed
    reasons = [row.history_change_reason for row in leader.history.order_by("history_id")]
    assert reasons == [None, "Rejected", "Confirmed"]
    assert leader.history.first().history_user == editor_client.user
    assert editor_client.post("/api/leaders/999999/confirm/").status_code == 404


def test_a_merged_leader_is_reviewed_through_the_one_it_went_into(editor_client, world):
    keep, merged = world["a"], world["b"]
    leader_merge(keep=keep, merge=merged, user=editor_client.user)
    response = editor_client.post(f"/api/leaders/{merged.pk}/reject/")
    assert response.status_code == 400
    assert "merged into another record" in response.json()["detail"]
    merged.refresh_from_db()
    assert merged.review_state == ReviewState.EXTRACTED
