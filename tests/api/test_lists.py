"""Every list: bounded queries, filters, stable ordering, page sizes and exports; and the
hand-written representations match what the declared fields would give."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import serializers as drf

from api import loaders
from api.exports import safe_cell
from api.loaders import agreements, gifts, meetings
from api.serializers.facts import (
    AgreementSerializer,
    EvidenceRowSerializer,
    EvidenceSerializer,
    GiftSerializer,
    MeetingGiftSerializer,
    MeetingSerializer,
)
from api.serializers.leaders import LeaderBriefSerializer, LeaderSerializer
from kb.models import Evidence, Leader, ReviewState
from kb.services.merges import leader_merge, merge_undo
from tests.api.test_read import _meetings
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/countries/", "/api/leaders/", "/api/meetings/", "/api/gifts/", "/api/agreements/",
    "/api/articles/", "/api/evidence/", "/api/merges/", "/api/changes/deleted/",
]  # fmt: skip


def _grow(n: int) -> None:
    _meetings(n)
    user = editor("merger")
    for _ in range(n):
        keep, dup = LeaderFactory(), LeaderFactory()
        leader_merge(keep=keep, merge=dup, user=user)
        GiftFactory(giver=keep, recipient=LeaderFactory()).delete()  # a tombstone


@pytest.mark.parametrize("path", LISTS)
def test_list_queries_do_not_grow_with_the_page(client, path, django_assert_max_num_queries):
    _grow(3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(path + "?page_size=200").status_code == 200
    _grow(27)
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        body = client.get(path + "?page_size=200").json()
    assert body["count"] >= 30 and len(many) == len(few) <= 7, path


@pytest.mark.parametrize("path", LISTS)
def test_exports_are_streamed_in_bounded_queries(client, path, django_assert_max_num_queries):
    _grow(30)
    for fmt in ("csv", "jsonl"):
        with django_assert_max_num_queries(8):
            response = client.get(f"{path}?format={fmt}")
            body = b"".join(response.streaming_content).decode()
        assert response.status_code == 200
        lines = body.splitlines()
        count = client.get(path).json()["count"]
        assert len(lines) == count + (fmt == "csv"), (path, fmt)


def test_csv_export_flattens_rows_and_defuses_formulas(client):
    fr = CountryFactory(code="FR", name="France")
    a = LeaderFactory(name="=HYPERLINK(1)", country=fr)
    meeting = MeetingFactory(participants=[a], place="+SUM(A1)", topics=["trade", "-x"])
    EvidenceFactory(meeting=meeting, article=ArticleFactory())
    response = client.get("/api/meetings/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["place"] == "'+SUM(A1)"
    assert rows[0]["participants"] == "'=HYPERLINK(1)"
    assert rows[0]["topics"] == "trade; -x"
    assert rows[0]["id"] == str(meeting.pk)
    assert safe_cell("@cmd") == "'@cmd" and safe_cell(-3) == "'-3" and safe_cell("ok") == "ok"


def test_jsonl_export_is_the_list_representation(client):
    _meetings(2)
    listed = client.get("/api/meetings/").json()["results"]
    response = client.get("/api/meetings/?format=jsonl")
    assert response["Content-Type"].startswith("application/x-ndjson")
    exported = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert exported == listed


def test_exports_follow_the_filters_and_errors_stay_json(client):
    _meetings(2)
    kept = MeetingFactory(participants=[LeaderFactory()], kind="call")
    response = client.get("/api/meetings/?format=jsonl&kind=call")
    rows = [json.loads(line) for line in b"".join(response.streaming_content).splitlines()]
    assert [row["id"] for row in rows] == [kept.pk]
    bad = client.get("/api/meetings/?format=csv&kind=picnic")
    assert bad.status_code == 400 and bad["Content-Type"] == "application/json"
    assert bad.json()["errors"]["kind"]


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_fact_filters_by_leader_name_article_and_country(client):
    fr, de = CountryFactory(code="FR"), CountryFactory(code="DE")
    dubois = LeaderFactory(name="Claire Dubois", country=fr)
    becker = LeaderFactory(name="Jonas Becker", country=de)
    other = LeaderFactory()
    article = ArticleFactory()
    meeting = MeetingFactory(participants=[dubois, becker])
    MeetingFactory(participants=[other])
    gift = GiftFactory(giver=dubois, recipient=becker)
    GiftFactory(giver=other, recipient=LeaderFactory())
    EvidenceFactory(article=article, meeting=meeting)
    EvidenceFactory(article=article, gift=gift)

    assert ids(client.get("/api/meetings/?leader_name=jonas becker")) == [meeting.pk]
    assert ids(client.get(f"/api/meetings/?article={article.pk}")) == [meeting.pk]
    assert ids(client.get(f"/api/gifts/?article={article.pk}")) == [gift.pk]
    assert ids(client.get("/api/gifts/?country=de")) == [gift.pk]
    assert ids(client.get("/api/gifts/?leader_name=Claire Dubois")) == [gift.pk]
    assert set(ids(client.get(f"/api/leaders/?article={article.pk}"))) == set()
    assert ids(client.get(f"/api/evidence/?gift={gift.pk}")) == [gift.evidence.get().pk]
    assert len(ids(client.get(f"/api/evidence/?article={article.pk}&fact=meeting"))) == 1
    assert ids(client.get("/api/meetings/?search=Becker")) == [meeting.pk]


def test_ordering_is_stable_and_validated(client):
    same_day = dt.date(2024, 1, 1)
    made = [MeetingFactory(participants=[LeaderFactory()], date=same_day) for _ in range(5)]
    undated = MeetingFactory(participants=[LeaderFactory()], date=None)
    by_date = ids(client.get("/api/meetings/?ordering=date"))
    assert by_date == [m.pk for m in made] + [undated.pk]  # ties by id, NULLs last
    newest = ids(client.get("/api/meetings/?ordering=-date"))
    assert newest == [m.pk for m in reversed(made)] + [undated.pk]
    pages = [
        ids(client.get(f"/api/meetings/?ordering=date&page_size=2&page={n}")) for n in (1, 2, 3)
    ]
    assert sum(pages, []) == by_date
    assert client.get("/api/meetings/?page=9").status_code == 404
    assert client.get("/api/meetings/?ordering=secret").json()["code"] == "invalid"


def test_merged_leaders_and_rejected_facts_are_hidden_unless_asked(client):
    keep, dup = LeaderFactory(), LeaderFactory()
    leader_merge(keep=keep, merge=dup, user=editor())
    assert dup.pk not in ids(client.get("/api/leaders/"))
    assert dup.pk in ids(client.get("/api/leaders/?include_merged=true"))
    assert client.get(f"/api/leaders/{dup.pk}/").json()["merged_into"] == keep.pk


# ---- representations -------------------------------------------------------------------------


def _declared(serializer, obj):
    """What DRF's field-by-field representation gives."""
    return drf.ModelSerializer.to_representation(serializer, obj)


def test_fast_representations_match_the_declared_fields():
    _meetings(3)
    rejected = GiftFactory(review_state=ReviewState.REJECTED)
    meeting = meetings().first()
    rejected.meeting = meeting
    rejected.save()
    leader = Leader.objects.select_related("country").first()
    leader.other_names = ["Alias"]
    cases = [
        (LeaderSerializer(), leader),
        (LeaderBriefSerializer(), leader),
        (EvidenceSerializer(), Evidence.objects.select_related("article").first()),
        (EvidenceRowSerializer(), Evidence.objects.first()),
        (MeetingGiftSerializer(), GiftFactory()),
    ]
    for serializer, obj in cases:
        assert serializer.to_representation(obj) == _declared(serializer, obj)

    for model_list, loader, serializer in (
        (list(meetings()), loaders.load_meetings, MeetingSerializer()),
        (list(gifts()), loaders.load_gifts, GiftSerializer()),
        (list(agreements()), loaders.load_agreements, AgreementSerializer()),
    ):
        unloaded = [serializer.to_representation(obj) for obj in model_list]
        loader(model_list)
        loaded = [serializer.to_representation(obj) for obj in model_list]
        assert loaded == unloaded
        for obj, row in zip(model_list, unloaded, strict=True):
            declared = _declared(serializer, obj)
            if "gifts" in declared:  # the declared field lists rejected gifts too
                declared["gifts"] = [g for g in declared["gifts"] if g["id"] != rejected.pk]
            assert row == json.loads(json.dumps(declared, default=str))


def test_the_benchmark_baseline_serves_the_same_page_only_when_enabled(client, settings):
    _meetings(4)
    settings.DEBUG, settings.API_BENCH_VIEWS = False, False
    assert client.get("/api/_bench/meetings-plain/").status_code == 404
    settings.API_BENCH_VIEWS = True
    plain = client.get("/api/_bench/meetings-plain/?page_size=3").json()
    api = client.get("/api/meetings/?page_size=3").json()
    assert plain["count"] == api["count"]
    for mine, theirs in zip(plain["results"], api["results"], strict=True):
        assert mine["id"] == theirs["id"]
        assert mine["participants"] == theirs["participants"]
        assert len(mine["evidence"]) == len(theirs["evidence"])


@pytest.mark.parametrize("path", LISTS)
def test_every_list_takes_updated_since(client, path):
    """A mirror asks every list for what changed; countries (reference data) come whole."""
    _grow(3)
    everything = client.get(path).json()["count"]
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    after = client.get(path, {"updated_since": future}).json()
    since_2000 = client.get(path, {"updated_since": "2000-01-01T00:00:00Z"}).json()
    assert everything > 0
    assert after["count"] == (everything if path == "/api/countries/" else 0), path
    assert since_2000["count"] >= everything, path


def test_the_merge_feed_shows_merges_made_or_undone_since(client):
    keep, dup = LeaderFactory(), LeaderFactory()
    record = leader_merge(keep=keep, merge=dup, user=editor())
    cut = dt.datetime.now(dt.UTC)
    assert client.get("/api/merges/", {"updated_since": cut.isoformat()}).json()["count"] == 0
    merge_undo(record=record, user=editor("undoer"))
    rows = client.get("/api/merges/", {"updated_since": cut.isoformat()}).json()["results"]
    assert [(row["id"], bool(row["undone_at"])) for row in rows] == [(record.pk, True)]
