"""``?expand=``: related records in full, as their own endpoints give them, in a number of
queries that does not grow with the page; unknown names are 400; the schema documents it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.models import ReviewState
from tests.api.test_read import _meetings
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    a, b = LeaderFactory(name="Ana Lima"), LeaderFactory(name="Tomas Berg")
    older = MeetingFactory(participants=[a, b], date=dt.date(2024, 1, 5))
    newer = MeetingFactory(participants=[a], date=dt.date(2025, 3, 1))
    hidden = MeetingFactory(participants=[a], review_state=ReviewState.REJECTED)
    gift = GiftFactory(giver=a, recipient=b, meeting=older, item="clay jug")
    rejected_gift = GiftFactory(
        giver=b, recipient=a, meeting=older, review_state=ReviewState.REJECTED
    )
    agreement = AgreementFactory(meeting=older, leader_parties=[a, b])
    article = ArticleFactory()
    for fact in ({"meeting": older}, {"gift": gift}, {"agreement": agreement}):
        EvidenceFactory(article=article, **fact)
    return {
        "a": a, "b": b, "older": older, "newer": newer, "hidden": hidden, "gift": gift,
        "rejected_gift": rejected_gift, "agreement": agreement,
    }  # fmt: skip


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_meetings_expand_to_the_full_records_of_their_own_endpoints(client, world):
    url = f"/api/meetings/{world['older'].pk}/"
    plain = _get(client, url)
    full = _get(client, url, expand="participants,gifts,agreements")

    assert full["gifts"] == [_get(client, f"/api/gifts/{world['gift'].pk}/")]
    assert full["agreements"] == [_get(client, f"/api/agreements/{world['agreement'].pk}/")]
    leaders = [_get(client, f"/api/leaders/{world[k].pk}/") for k in ("a", "b")]
    assert full["participants"] == leaders
    # The summaries, and everything else, are as without expand.
    assert plain["gifts"] == [
        {"id": world["gift"].pk, "item": "clay jug", "giver": world["a"].pk,
         "recipient": world["b"].pk}
    ]  # fmt: skip
    unexpanded = {k: v for k, v in full.items() if k not in ("participants", "gifts", "agreements")}
    assert unexpanded == {k: v for k, v in plain.items() if k in unexpanded}
    assert set(full) == set(plain)


def test_leaders_expand_to_their_meetings_gifts_and_agreements(client, world):
    url = f"/api/leaders/{world['a'].pk}/"
    plain = _get(client, url)
    assert not {"meetings", "gifts", "agreements"} & set(plain)

    full = _get(client, url, expand=["meetings", "gifts,agreements"])  # repeated, or commas

    meetings = [_get(client, f"/api/meetings/{world[k].pk}/") for k in ("newer", "older")]
    assert full["meetings"] == meetings  # newest first, the rejected one left out
    assert full["gifts"] == [_get(client, f"/api/gifts/{world['gift'].pk}/")]
    assert [a["id"] for a in full["agreements"]] == [world["agreement"].pk]
    assert {k: v for k, v in full.items() if k in plain} == plain
    lonely = _get(client, f"/api/leaders/{LeaderFactory().pk}/", expand="meetings")
    assert lonely["meetings"] == []


def test_a_list_expands_every_row(client, world):
    rows = _get(client, "/api/leaders/", expand="gifts")["results"]
    gifts = {row["id"]: [g["id"] for g in row["gifts"]] for row in rows}
    assert gifts == {world["a"].pk: [world["gift"].pk], world["b"].pk: [world["gift"].pk]}
    rows = _get(client, "/api/meetings/", expand="gifts")["results"]
    assert {row["id"]: len(row["gifts"]) for row in rows} == {
        world["older"].pk: 1,
        world["newer"].pk: 0,
    }


def test_json_lines_exports_expand_too(client, world):
    response = client.get("/api/meetings/", {"format": "jsonl", "expand": "agreements"})
    rows = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    listed = _get(client, "/api/meetings/", expand="agreements")["results"]
    assert rows == listed
    assert rows[-1]["agreements"][0]["leader_parties"]  # the full agreement


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("/api/meetings/", "evidence"),
        ("/api/meetings/{older}/", "gifts,picnic"),
        ("/api/leaders/", "participants"),
        ("/api/leaders/{a}/", "Meetings"),
    ],
)
def test_an_unknown_expansion_is_400_with_what_is_offered(client, world, url, value):
    url = url.format(**{k: v.pk for k, v in world.items()})
    response = client.get(url, {"expand": value})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid" and "use" in body["errors"]["expand"][0]


def test_expand_is_ignored_where_nothing_is_offered(client, world):
    assert client.get("/api/gifts/", {"expand": "giver"}).status_code == 200


# ---- queries ---------------------------------------------------------------------------------

# (path, expand, queries): count and page, one query per relation loaded for the page.
# A leader's terms in office (the registry) cost one query per list of leaders; a leader's
# gifts, one for the newest given and received, one for them, one for their evidence.
CASES = [
    ("/api/meetings/", "", 6),
    ("/api/meetings/", "participants,gifts,agreements", 6 + 1 + 1 + 2 + 4),
    ("/api/leaders/", "", 2 + 1),
    ("/api/leaders/", "meetings,gifts,agreements", 2 + 1 + 6 + 3 + 5),
]


@pytest.mark.parametrize(("path", "expand", "bound"), CASES)
def test_expanded_lists_cost_the_same_queries_at_any_size(client, path, expand, bound):
    from api.expand import MAX_PAGE_SIZE

    def page():
        with CaptureQueriesContext(connection) as queries:
            body = _get(client, path, expand=expand, page_size=MAX_PAGE_SIZE if expand else 200)
        return body, len(queries)

    _meetings(3)
    few_rows, few = page()
    _meetings(27)
    many_rows, many = page()
    assert many_rows["count"] >= 5 * few_rows["count"]
    assert many == few <= bound, (path, expand)


def _grow_around(leader, meeting, count: int) -> None:
    """More meetings, gifts and agreements for ``leader``; more of all for ``meeting``."""
    article = ArticleFactory()
    for _ in range(count):
        other = LeaderFactory()
        EvidenceFactory(article=article, meeting=MeetingFactory(participants=[leader, other]))
        meeting.participants.add(other)
        gift = GiftFactory(giver=leader, recipient=other, meeting=meeting)
        EvidenceFactory(article=article, gift=gift)
        AgreementFactory(meeting=meeting, leader_parties=[leader, other])


@pytest.mark.parametrize(("path", "expand", "bound"), CASES)
def test_expanded_details_cost_a_fixed_number_of_queries(client, path, expand, bound):
    leader = LeaderFactory()
    meeting = MeetingFactory(participants=[leader])
    url = f"{path}{leader.pk if 'leaders' in path else meeting.pk}/"

    def detail():
        with CaptureQueriesContext(connection) as queries:
            body = _get(client, url, expand=expand)
        return body, len(queries)

    _grow_around(leader, meeting, 3)
    small, few = detail()
    _grow_around(leader, meeting, 27)
    large, many = detail()
    from api.expand import MAX_PER_ROW

    for name in expand.split(",") if expand else ():  # (a leader's newest records only)
        assert len(large[name]) >= min(7 * len(small[name]), MAX_PER_ROW) > 0, name
    assert many == few <= bound, (path, expand)


# ---- schema ----------------------------------------------------------------------------------


def test_the_schema_documents_expand(client):
    schema = client.get("/api/schema/?format=json").json()
    for path, names in (
        ("/api/meetings/", ["participants", "gifts", "agreements"]),
        ("/api/meetings/{id}/", ["participants", "gifts", "agreements"]),
        ("/api/leaders/", ["meetings", "gifts", "agreements"]),
        ("/api/leaders/{id}/", ["meetings", "gifts", "agreements"]),
    ):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert parameters["expand"]["schema"]["items"]["enum"] == names, path
        assert parameters["expand"]["explode"] is False
    assert "expand" not in {p["name"] for p in schema["paths"]["/api/gifts/"]["get"]["parameters"]}

    components = schema["components"]["schemas"]
    gifts = components["Meeting"]["properties"]["gifts"]["items"]["anyOf"]
    assert gifts == [
        {"$ref": "#/components/schemas/MeetingGift"},
        {"$ref": "#/components/schemas/Gift"},
    ]
    leader = components["Leader"]
    assert leader["properties"]["meetings"]["items"] == {"$ref": "#/components/schemas/Meeting"}
    assert "meetings" not in leader["required"]


# ---- bounds ----------------------------------------------------------------------------------
# /api/leaders/?page_size=200&expand=meetings,gifts,agreements answered 16 MB to anyone.


def _busy_leader(count: int):
    """A leader with ``count`` meetings, gifts and agreements, a day apart (oldest first)."""
    leader, article = LeaderFactory(name="Busy Leader"), ArticleFactory()
    made = {"meetings": [], "gifts": [], "agreements": []}
    for day in range(count):
        other, date = LeaderFactory(), dt.date(2020, 1, 1) + dt.timedelta(days=day)
        meeting = MeetingFactory(participants=[leader, other], date=date)
        gift = GiftFactory(giver=leader, recipient=other, meeting=meeting, date=date)
        agreement = AgreementFactory(meeting=meeting, leader_parties=[leader, other], date=date)
        for key, fact in (("meetings", meeting), ("gifts", gift), ("agreements", agreement)):
            EvidenceFactory(article=article, **{key[:-1]: fact})
            made[key].append(fact.pk)
    return leader, made


@pytest.mark.parametrize("path", ["/api/leaders/", "/api/meetings/"])
def test_an_expanded_page_holds_at_most_50_rows(client, path):
    from api.expand import MAX_PAGE_SIZE

    _meetings(MAX_PAGE_SIZE + 1)
    name = "meetings" if "leaders" in path else "gifts"
    body = _get(client, path, expand=name, page_size=200)
    assert len(body["results"]) == MAX_PAGE_SIZE < body["count"]
    assert "page=2" in body["next"]
    assert len(_get(client, path, page_size=200)["results"]) > MAX_PAGE_SIZE  # as before


def test_the_schema_says_how_large_an_expanded_page_may_be(client):
    schema = client.get("/api/schema/?format=json").json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/leaders/"]["get"]["parameters"]}
    assert "With `expand`, pages hold at most 50" in parameters["page_size"]["description"]
    assert "at most 10 per row" in parameters["expand"]["description"]


def test_a_leader_expands_to_its_newest_records_only(client):
    from api.expand import MAX_PER_ROW

    leader, made = _busy_leader(MAX_PER_ROW + 5)
    for url in (f"/api/leaders/{leader.pk}/", "/api/leaders/"):
        body = _get(client, url, expand="meetings,gifts,agreements")
        row = body if "results" not in body else body["results"][0]
        for key in ("meetings", "gifts", "agreements"):
            newest = made[key][::-1][:MAX_PER_ROW]
            assert [r["id"] for r in row[key]] == newest, (url, key)
    # The rest come from the records' own lists, filtered by the leader.
    listed = _get(client, "/api/meetings/", leader=leader.pk, ordering="-date")["results"]
    assert len(listed) == MAX_PER_ROW + 5


def test_a_meeting_expands_its_first_records_and_keeps_the_rest_as_summaries(client):
    from api.expand import MAX_PER_ROW

    meeting = MeetingFactory(participants=[LeaderFactory()])
    for i in range(MAX_PER_ROW + 3):
        GiftFactory(meeting=meeting, item=f"bowl {i}", date=dt.date(2020, 1, 1 + i))
    plain = _get(client, f"/api/meetings/{meeting.pk}/")["gifts"]

    full = _get(client, f"/api/meetings/{meeting.pk}/", expand="gifts")["gifts"]

    assert [g["id"] for g in full] == [g["id"] for g in plain]  # every gift, in order
    assert all("evidence" in g for g in full[:MAX_PER_ROW])  # in full
    assert full[MAX_PER_ROW:] == plain[MAX_PER_ROW:]  # summaries


def test_the_largest_expanded_page_stays_small_whatever_the_data(client):
    """Fifty leaders who all took part in the same 20 meetings and agreements: before the
    bound every row carried every one of them in full (18 MB for 60; with the bound the
    page is 3 MB whatever their number). Twenty, twice the records a row shows, keep an
    unbounded page over the size asserted (6 MB) while writing a third of the rows (each
    meeting of 50 leaders keeps 1,225 pairs up to date: 60 took a minute of CI)."""
    from api.expand import MAX_PAGE_SIZE, MAX_PER_ROW

    leaders = [LeaderFactory() for _ in range(MAX_PAGE_SIZE)]
    article = ArticleFactory()
    for day in range(2 * MAX_PER_ROW):
        date = dt.date(2021, 1, 1) + dt.timedelta(days=day)
        meeting = MeetingFactory(participants=leaders, date=date)
        GiftFactory(meeting=meeting, giver=leaders[day % 50], recipient=leaders[(day + 1) % 50])
        AgreementFactory(meeting=meeting, leader_parties=leaders, date=date)
        EvidenceFactory(article=article, meeting=meeting)

    response = client.get(
        "/api/leaders/", {"expand": "meetings,gifts,agreements", "page_size": MAX_PAGE_SIZE}
    )

    assert response.status_code == 200
    rows = response.json()["results"]
    assert len(rows) == MAX_PAGE_SIZE
    assert {len(row[key]) for row in rows for key in ("meetings", "agreements")} == {MAX_PER_ROW}
    assert len(response.content) < 5 * 2**20, f"{len(response.content) / 2**20:.1f} MiB"
