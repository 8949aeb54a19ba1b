"""CSV and JSON exports of the filtered meetings list."""

import csv
import io
import json

import pytest
from django.urls import reverse

from kb.selectors.exports import spreadsheet_safe
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def read_json(response):
    """A JSON download, streamed (never built whole in memory)."""
    assert response.status_code == 200 and response.streaming
    return json.loads(b"".join(response.streaming_content))


def test_csv_export_contents(client, world):
    rows = read_csv(client.get(reverse("meeting-export-csv")))
    assert [r["place"] for r in rows] == ["Kanazawa", "Paris", "Lake Bled", "", "Berlin"]
    kanazawa = rows[0]
    assert kanazawa["date"] == "2023-10-17"
    assert kanazawa["kind"] == "state_visit"
    assert kanazawa["host_country"] == "Japan" and kanazawa["host_country_code"] == "JP"
    assert kanazawa["participants"] == "Claire Dubois; Kenji Sato"
    assert kanazawa["participant_countries"] == "FR; JP"
    assert kanazawa["topics"] == "trade; security"
    assert (kanazawa["gift_count"], kanazawa["agreement_count"]) == ("1", "1")
    assert kanazawa["source_count"] == "1"
    assert kanazawa["url"] == "http://testserver" + world["kanazawa"].get_absolute_url()
    assert rows[1]["source_count"] == "3"


def test_csv_export_uses_the_list_filters(client, world):
    query = {"leader": world["becker"].pk, "sort": "date", "gifts": "1"}
    rows = read_csv(client.get(reverse("meeting-export-csv"), query))
    assert [r["place"] for r in rows] == ["Berlin"]
    rows = read_csv(client.get(reverse("meeting-list"), {"format": "csv", "kind": "summit"}))
    assert [r["place"] for r in rows] == ["Lake Bled"]


def test_list_page_links_to_exports_with_its_filters(client, world):
    html = client.get(reverse("meeting-list"), {"kind": "talks", "q": "Paris"}).content.decode()
    assert 'href="/meetings/export.csv?q=Paris&amp;kind=talks"' in html
    assert 'href="/meetings/export.json?q=Paris&amp;kind=talks"' in html


def test_json_export_contents(client, world):
    response = client.get(reverse("meeting-export-json"), {"country": "DE", "sort": "date"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = read_json(response)
    assert data["count"] == 3
    assert data["filters"] == {"country": "DE", "sort": "date"}
    berlin, bled, paris = data["meetings"]
    assert berlin["place"] == "Berlin" and berlin["gift_count"] == 1
    assert bled["host_country"] is None and bled["agreement_count"] == 1
    assert sorted(p["name"] for p in bled["participants"]) == [
        "Claire Dubois",
        "Jonas Becker",
        "Mark Dalton",
    ]
    assert paris["source_count"] == 3 and paris["topics"] == ["energy"]
    assert {p["country"] for p in paris["participants"]} == {"FR", "DE"}
    assert paris["date"] == "2022-01-10" and paris["kind"] == "talks"
    # The same through ?format=json on the list.
    again = client.get(reverse("meeting-list"), {"format": "json", "country": "DE", "sort": "date"})
    assert read_json(again)["meetings"] == data["meetings"]


def test_exports_refuse_bad_filters(client, world):
    for name in ("meeting-export-csv", "meeting-export-json"):
        response = client.get(reverse(name), {"from": "2024-13-99"})
        assert response.status_code == 400
        assert b"from" in response.content


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Paris", "Paris"),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


def test_csv_export_guards_against_formula_injection(client, db):
    evil = LeaderFactory(name="=cmd|' /C calc'!A0")
    other = LeaderFactory(name="@SUM(1+1)")
    MeetingFactory(participants=[evil], place="+malicious", topics=["-2+3", "=1"])
    MeetingFactory(participants=[other], place="Normal place")
    rows = read_csv(client.get(reverse("meeting-export-csv"), {"sort": "date"}))
    by_place = {r["place"]: r for r in rows}
    bad = by_place["'+malicious"]
    assert bad["participants"] == "'=cmd|' /C calc'!A0"
    assert bad["topics"] == "'-2+3; =1"
    assert by_place["Normal place"]["participants"] == "'@SUM(1+1)"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    # JSON is data, not a spreadsheet: values are exact.
    data = read_json(client.get(reverse("meeting-export-json")))
    assert {m["place"] for m in data["meetings"]} == {"+malicious", "Normal place"}


def test_the_page_csv_and_the_api_csv_have_the_same_columns_and_rows(client, world):
    """One spreadsheet shape (``kb.selectors.exports``), whichever door it comes through,
    with absolute links to the meetings' pages."""
    page = read_csv(client.get(reverse("meeting-export-csv")))
    response = client.get("/api/meetings/", {"format": "csv"})
    assert response.status_code == 200
    api = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))

    assert list(api[0]) == list(page[0])
    assert sorted(api, key=lambda row: int(row["id"])) == sorted(
        page, key=lambda row: int(row["id"])
    )
    assert page[0]["url"].startswith("http://testserver/meetings/")
