"""CSV and JSON downloads of the leaders, countries, gifts, agreements and articles lists
(issue 15): exactly the rows shown (same filters, same order, every page), with the
columns of the API's export of that list, formulas defused, streamed."""

import csv
import io
import json

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from tests.factories import ArticleFactory, CountryFactory, GiftFactory, LeaderFactory

pytestmark = pytest.mark.django_db

LISTS = ("leaders", "countries", "gifts", "agreements", "articles")
SINGULAR = {"leaders": "leader", "countries": "country", "gifts": "gift",
            "agreements": "agreement", "articles": "article"}  # fmt: skip


def body(response) -> str:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)  # never built whole in memory
    return b"".join(response.streaming_content).decode("utf-8-sig")


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    reader = csv.reader(io.StringIO(body(response)))
    header = next(reader)
    return header, [dict(zip(header, row, strict=True)) for row in reader]


def read_json(response):
    assert response["Content-Type"].startswith("application/json")
    return json.loads(body(response))


def page_ids(client, name, query):
    response = client.get(reverse(f"{SINGULAR[name]}-list"), query)
    key = "code" if name == "countries" else "pk"
    return [str(getattr(row, key)) for row in response.context["object_list"]]


@pytest.mark.parametrize("name", LISTS)
def test_csv_columns_are_the_apis(client, world, name):
    header, _ = read_csv(client.get(reverse(f"{name}-export-csv")))
    api = client.get(f"/api/{name}/", {"format": "csv"})
    api_header = next(csv.reader(io.StringIO(b"".join(api.streaming_content).decode())))
    assert header == api_header


@pytest.mark.parametrize(
    ("name", "query", "api_query"),
    [
        ("leaders", {"country": "DE"}, {"country": "DE"}),
        ("gifts", {"country": "JP"}, {"country": "JP"}),
        ("gifts", {"leader": "becker"}, {"leader": "becker"}),
        ("agreements", {"country": "US"}, {"country": "US"}),
        ("agreements", {"leader": "sato", "kind": "mou"}, {"leader": "sato", "kind": "mou"}),
        (
            "articles",
            {"status": "done", "from": "2023-01-01"},
            {"status": "done", "published_after": "2023-01-01"},
        ),
    ],
)
def test_json_rows_are_the_apis_rows_for_the_same_filter(client, world, name, query, api_query):
    ids = {"becker": world["becker"].pk, "sato": world["sato"].pk}
    query = {k: ids.get(v, v) for k, v in query.items()}
    api_query = {k: ids.get(v, v) for k, v in api_query.items()}
    data = read_json(client.get(reverse(f"{name}-export-json"), query))
    api = client.get(f"/api/{name}/", api_query).json()["results"]
    assert data["count"] == len(data[name]) == len(api) > 0
    assert sorted(data[name], key=lambda row: row["id"]) == sorted(api, key=lambda row: row["id"])
    assert data["filters"] == {k: str(v) for k, v in query.items()}
    assert list(data[name][0]) == data["columns"]


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("leaders", {"sort": "-meetings"}),
        ("leaders", {"q": "a", "sort": "-country"}),
        ("countries", {"sort": "-hosted"}),
        ("countries", {"all": "1", "q": "an"}),
        ("gifts", {"sort": "giver"}),
        ("agreements", {"sort": "summary", "country": "FR"}),
        ("articles", {"sort": "-evidence"}),
        ("articles", {"q": "paris", "sort": "title"}),
    ],
)
def test_downloads_are_the_rows_shown_in_the_order_shown(client, world, name, query):
    shown = page_ids(client, name, query)
    key = "code" if name == "countries" else "id"
    _, rows = read_csv(client.get(reverse(f"{name}-export-csv"), query))
    assert [row[key] for row in rows] == shown
    data = read_json(client.get(reverse(f"{name}-export-json"), query))
    assert [str(row[key]) for row in data[name]] == shown
    # The list page's own ?format= gives the same download.
    _, again = read_csv(client.get(reverse(f"{SINGULAR[name]}-list"), {**query, "format": "csv"}))
    assert again == rows


def test_downloads_hold_every_page_not_just_the_first(client, db):
    land = CountryFactory(code="XM", name="Many Leaders Land")
    for n in range(120):
        LeaderFactory(name=f"Person {n:03}", country=land)
    _, rows = read_csv(client.get(reverse("leaders-export-csv"), {"country": "XM"}))
    assert len(rows) == 120
    assert rows[0]["name"] == "Person 000" and rows[-1]["name"] == "Person 119"


def test_csv_cells_never_start_a_formula(client, world):
    giver = LeaderFactory(name="=cmd|' /C calc'!A0")
    GiftFactory(giver=giver, recipient=world["sato"], item="+SUM(A1:A9)")
    ArticleFactory(title="@import risky", source="-2+3")
    _, gifts = read_csv(client.get(reverse("gifts-export-csv")))
    risky = next(row for row in gifts if "SUM" in row["item"])
    assert risky["item"] == "'+SUM(A1:A9)"
    assert risky["giver"] == "'=cmd|' /C calc'!A0"
    _, articles = read_csv(client.get(reverse("articles-export-csv"), {"q": "risky"}))
    assert articles[0]["title"] == "'@import risky" and articles[0]["source"] == "'-2+3"
    # JSON keeps the value as it is: it is data, not a spreadsheet.
    data = read_json(client.get(reverse("gifts-export-json"), {"q": "SUM"}))
    assert data["gifts"][0]["item"] == "+SUM(A1:A9)"


def test_rows_link_absolutely_and_flatten_like_the_api(client, world):
    _, articles = read_csv(client.get(reverse("articles-export-csv"), {"q": "kanazawa"}))
    assert articles[0]["url"] == f"http://testserver/api/articles/{world['article'].pk}/"
    _, agreements = read_csv(client.get(reverse("agreements-export-csv"), {"q": "hydrogen"}))
    assert agreements[0]["leader_parties"] == "Claire Dubois; Kenji Sato"
    assert agreements[0]["country_parties"] == "FR; JP"
    assert agreements[0]["meeting"] == str(world["kanazawa"].pk)


@pytest.mark.parametrize("name", LISTS)
def test_bad_filters_refuse_the_download_with_the_reason(client, world, name):
    for fmt in ("csv", "json"):
        response = client.get(reverse(f"{name}-export-{fmt}"), {"sort": "sideways"})
        assert response.status_code == 400
        assert "Ignored the sort order “sideways”" in response.content.decode()


def test_an_empty_download_still_has_its_header(client, world):
    header, rows = read_csv(client.get(reverse("gifts-export-csv"), {"q": "no such gift"}))
    assert rows == [] and header[:3] == ["id", "item", "giver"]
    data = read_json(client.get(reverse("gifts-export-json"), {"q": "no such gift"}))
    assert data["count"] == 0 and data["gifts"] == []


@pytest.mark.parametrize("name", LISTS)
def test_list_pages_link_to_their_downloads_with_their_filters(client, world, name):
    html = client.get(reverse(f"{SINGULAR[name]}-list"), {"q": "an", "sort": "-name"})
    html = html.content.decode()
    sort = "" if name in ("gifts", "agreements", "articles") else "&amp;sort=-name"
    assert f'href="/{name}/export.csv?q=an{sort}"' in html
    assert f'href="/{name}/export.json?q=an{sort}"' in html


def test_downloads_need_read_access(client, world, settings):
    settings.SUMMITRY_ANONYMOUS_READ = False
    response = client.get(reverse("gifts-export-csv"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
