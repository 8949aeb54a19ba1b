"""API writes: PATCH corrections, confirm/reject, leaders added by hand, corrected,
reviewed, deleted and merged; editors only (token)."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from api.models import Tombstone
from kb.models import Leader, MergeRecord, ReviewState
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    UserFactory,
    editor,
)

pytestmark = pytest.mark.django_db

#: A country code no country has (the factories make codes of two letters: even "XX").
NO_SUCH_COUNTRY = "X9"


@pytest.fixture
def api_editor():
    user = editor("api-editor")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    api.user = user
    return api


@pytest.fixture
def api_analyst():
    api = APIClient()
    user = UserFactory(username="api-analyst")
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


@pytest.fixture
def api_anonymous():
    return APIClient()


@pytest.fixture
def facts():
    a, b = LeaderFactory(), LeaderFactory()
    return {
        "a": a,
        "b": b,
        "meeting": MeetingFactory(participants=[a, b], kind="talks"),
        "gift": GiftFactory(giver=a, recipient=b),
        "agreement": AgreementFactory(leader_parties=[a]),
        "lonely": LeaderFactory(),
    }


def _writes(f):
    return [
        ("patch", f"/api/meetings/{f['meeting'].pk}/", {"kind": "summit"}),
        ("patch", f"/api/gifts/{f['gift'].pk}/", {"item": "vase"}),
        ("patch", f"/api/agreements/{f['agreement'].pk}/", {"status": "proposed"}),
        ("post", f"/api/meetings/{f['meeting'].pk}/confirm/", {}),
        ("post", f"/api/meetings/{f['meeting'].pk}/reject/", {}),
        ("post", f"/api/gifts/{f['gift'].pk}/confirm/", {}),
        ("post", f"/api/gifts/{f['gift'].pk}/reject/", {}),
        ("post", f"/api/agreements/{f['agreement'].pk}/confirm/", {}),
        ("post", f"/api/agreements/{f['agreement'].pk}/reject/", {}),
        ("post", f"/api/leaders/{f['a'].pk}/merge/", {"merge": f["b"].pk}),
        ("patch", f"/api/leaders/{f['a'].pk}/", {"title": "Mayor"}),
        ("delete", f"/api/leaders/{f['lonely'].pk}/", None),
        ("post", "/api/leaders/", {"name": "Ana Lima"}),
        ("post", f"/api/leaders/{f['a'].pk}/confirm/", {}),
        ("post", f"/api/leaders/{f['b'].pk}/reject/", {}),
    ]


def _states(f):
    out = []
    for name in ("meeting", "gift", "agreement", "a"):
        f[name].refresh_from_db()
        out.append((f[name].review_state, list(f[name].edited_fields)))
    return out, list(Leader.objects.values_list("pk", "title", "review_state", "merged_into"))


@pytest.mark.parametrize("who, status", [("api_anonymous", 401), ("api_analyst", 403)])
def test_writes_need_an_editor(request, facts, who, status):
    api = request.getfixturevalue(who)
    before = _states(facts)
    for method, url, body in _writes(facts):
        response = getattr(api, method)(url, body, format="json")
        assert response.status_code == status, url
    assert _states(facts) == before


def test_editor_patches_a_meeting(api_editor, facts):
    meeting = facts["meeting"]
    host = CountryFactory(code="NO", name="Norway")
    response = api_editor.patch(
        f"/api/meetings/{meeting.pk}/",
        {
            "kind": "summit",
            "host_country": "NO",
            "participants": [facts["a"].pk],
            "topics": ["energy"],
            "date": "2025-01-07",
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["kind"] == "summit" and body["host_country"] == "NO"
    assert body["review_state"] == "corrected"
    assert [p["id"] for p in body["participants"]] == [facts["a"].pk]
    meeting.refresh_from_db()
    assert meeting.host_country == host
    assert set(meeting.edited_fields) == {"kind", "host_country", "participants", "topics", "date"}
    assert meeting.history.first().history_user == api_editor.user


def test_editor_patches_a_gift_and_an_agreement(api_editor, facts):
    gift, agreement = facts["gift"], facts["agreement"]
    response = api_editor.patch(
        f"/api/gifts/{gift.pk}/",
        {"giver": facts["b"].pk, "recipient": facts["a"].pk, "meeting": facts["meeting"].pk},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["giver"]["id"] == facts["b"].pk
    CountryFactory(code="FR", name="France")
    response = api_editor.patch(
        f"/api/agreements/{agreement.pk}/",
        {"status": "proposed", "country_parties": ["FR"], "leader_parties": []},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["country_parties"] == ["FR"]
    assert response.json()["leader_parties"] == []


@pytest.mark.parametrize(
    "url_name, body",
    [
        ("meetings", {"kind": "picnic"}),
        ("meetings", {"participants": []}),
        ("meetings", {"participants": [999999]}),
        ("meetings", {"host_country": NO_SUCH_COUNTRY}),
        ("gifts", {"recipient": "GIVER"}),
        ("agreements", {"leader_parties": [], "country_parties": []}),
    ],
)
def test_invalid_patches_are_400_and_save_nothing(api_editor, facts, url_name, body):
    fact = {"meetings": facts["meeting"], "gifts": facts["gift"], "agreements": facts["agreement"]}[
        url_name
    ]
    if body.get("recipient") == "GIVER":
        body = {"recipient": facts["gift"].giver_id}
    history = fact.history.count()
    response = api_editor.patch(f"/api/{url_name}/{fact.pk}/", body, format="json")
    assert response.status_code == 400
    fact.refresh_from_db()
    assert fact.review_state == ReviewState.EXTRACTED
    assert fact.history.count() == history


def test_put_is_not_offered_and_delete_goes_through_the_service(api_editor, facts):
    url = f"/api/meetings/{facts['meeting'].pk}/"
    assert api_editor.put(url, {"kind": "summit"}, format="json").status_code == 405
    assert api_editor.delete(url).status_code == 204
    assert api_editor.get(url).status_code == 404


def test_confirm_and_reject(api_editor, facts):
    gift = facts["gift"]
    response = api_editor.post(f"/api/gifts/{gift.pk}/confirm/")
    assert response.status_code == 200 and response.json()["review_state"] == "confirmed"
    response = api_editor.post(f"/api/gifts/{gift.pk}/reject/")
    assert response.json()["review_state"] == "rejected"
    assert gift.history.first().history_user == api_editor.user
    ids = [g["id"] for g in api_editor.get("/api/gifts/").json()["results"]]
    assert gift.pk not in ids
    assert api_editor.post("/api/gifts/999999/confirm/").status_code == 404


def test_leader_merge(api_editor, facts):
    keep, dup = facts["a"], facts["b"]
    response = api_editor.post(f"/api/leaders/{keep.pk}/merge/", {"merge": dup.pk}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["kind"], body["keep_id"], body["merged_id"]) == ("leader", keep.pk, dup.pk)
    dup.refresh_from_db()
    assert dup.merged_into == keep
    assert MergeRecord.objects.get().user == api_editor.user
    # Again, or into itself: 400.
    assert (
        api_editor.post(
            f"/api/leaders/{keep.pk}/merge/", {"merge": dup.pk}, format="json"
        ).status_code
        == 400
    )
    assert (
        api_editor.post(
            f"/api/leaders/{keep.pk}/merge/", {"merge": keep.pk}, format="json"
        ).status_code
        == 400
    )
    assert api_editor.post(f"/api/leaders/{keep.pk}/merge/", {}, format="json").status_code == 400


def test_schema_documents_the_writes(tmp_path):
    from django.core.management import call_command

    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )


def test_editor_corrects_a_leader(api_editor, facts):
    leader = facts["a"]
    old_name = leader.name
    portugal = CountryFactory(code="PT", name="Portugal")
    response = api_editor.patch(
        f"/api/leaders/{leader.pk}/",
        {"name": "Ana Maria Lima", "title": "Foreign minister", "country": "PT"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["name"], body["title"], body["country"]) == (
        "Ana Maria Lima",
        "Foreign minister",
        "PT",
    )
    assert body["review_state"] == "corrected"
    assert body["edited_fields"] == ["country", "name", "title"]
    assert old_name in body["other_names"]
    leader.refresh_from_db()
    assert leader.country == portugal
    latest = leader.history.first()
    assert latest.history_user == api_editor.user
    assert latest.country_id == portugal.pk and latest.name == "Ana Maria Lima"
    # The change feed carries it, and the participants' summaries show the new name.
    feed = api_editor.get("/api/leaders/", {"updated_since": "2000-01-01"}).json()["results"]
    assert leader.pk in [row["id"] for row in feed]
    meeting = api_editor.get(f"/api/meetings/{facts['meeting'].pk}/").json()
    assert "Ana Maria Lima" in [p["name"] for p in meeting["participants"]]


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": 7},
        {"country": NO_SUCH_COUNTRY},
        {"country": "pt"},
        {"country": ""},
        {"title": "t" * 121},
    ],
)
def test_invalid_leader_patches_are_400_and_save_nothing(api_editor, facts, body):
    CountryFactory(code="PT", name="Portugal")
    leader = facts["a"]
    before = (leader.name, leader.title, leader.country_id, leader.history.count())
    response = api_editor.patch(f"/api/leaders/{leader.pk}/", body, format="json")
    assert response.status_code == 400
    assert set(body) <= set(response.json()["errors"])
    leader.refresh_from_db()
    assert (leader.name, leader.title, leader.country_id, leader.history.count()) == before
    assert leader.review_state == ReviewState.EXTRACTED


def test_leader_put_is_not_offered(api_editor, facts):
    url = f"/api/leaders/{facts['a'].pk}/"
    assert api_editor.put(url, {"name": "X"}, format="json").status_code == 405


def test_editor_deletes_a_leader_nothing_rests_on(api_editor, facts):
    lonely = facts["lonely"]
    url = f"/api/leaders/{lonely.pk}/"

    assert api_editor.delete(url).status_code == 204

    assert api_editor.get(url).status_code == 404
    assert Leader.history.get(id=lonely.pk, history_type="-").history_user == api_editor.user
    assert Tombstone.objects.filter(model="leader", object_id=lonely.pk).exists()
    deleted = api_editor.get("/api/changes/deleted/", {"model": "leader"}).json()["results"]
    assert [(row["object_id"], row["merged_into"]) for row in deleted] == [(lonely.pk, None)]
    assert api_editor.delete(url).status_code == 404


def test_deleting_a_leader_facts_rest_on_is_400_and_deletes_nothing(api_editor, facts):
    leader = facts["a"]  # in a meeting, a gift and an agreement
    response = api_editor.delete(f"/api/leaders/{leader.pk}/")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "meetings: 1" in body["detail"] and "merge" in body["detail"]
    assert Leader.objects.filter(pk=leader.pk).exists()
    assert not Tombstone.objects.filter(model="leader").exists()
