"""The meetings list: filters, search, sorting, pagination keeping the filters, bad input."""

import datetime as dt
import html as htmllib
import re

import pytest
from django.db import connection
from django.urls import reverse

from kb.models import Meeting
from kb.selectors.search import search_meetings
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PLACES = ("Kanazawa", "Paris", "Lake Bled", "Berlin")


def page(client, **query):
    response = client.get(reverse("meeting-list"), query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def rows(html):
    """The meeting table's body only (the filter form also names leaders)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return body


def places_in(html):
    body = rows(html)
    found = [p for p in PLACES if p in body]
    return sorted(found, key=body.index)


def test_unfiltered_list_shows_visible_meetings_newest_first(client, world):
    html = page(client)
    assert places_in(html) == ["Kanazawa", "Paris", "Lake Bled", "Berlin"]
    assert "Rejected Palace" not in rows(html)
    assert "5 meetings" in html


def test_filter_by_leader(client, world):
    html = page(client, leader=world["becker"].pk)
    assert places_in(html) == ["Paris", "Lake Bled", "Berlin"]
    becker = world["becker"].pk
    assert '<select id="f-leader"' not in html  # a picker's box, not a select
    assert f'name="leader" value="Jonas Becker (Germany) #{becker}"' in html


def test_filter_by_country_matches_participant_or_host(client, world):
    # Japan hosted Kanazawa; Sato (Japan) was on the call, which had no host.
    html = page(client, country="JP")
    assert places_in(html) == ["Kanazawa"]
    assert "Call" in rows(html)
    assert page(client, country="jp").count("<tr>") == html.count("<tr>")
    # Germany hosted Berlin; Becker attended Paris and Lake Bled.
    assert places_in(page(client, country="DE")) == ["Paris", "Lake Bled", "Berlin"]


def test_country_filter_does_not_repeat_meetings(client, world):
    """Two leaders of one country at one meeting: the meeting is listed once."""
    other_french = LeaderFactory(name="Sophie Marchal", country=world["france"])
    world["paris"].participants.add(other_french)
    html = page(client, country="FR")
    assert rows(html).count("Paris") == 1


def test_filter_by_kind(client, world):
    assert places_in(page(client, kind="summit")) == ["Lake Bled"]


def test_filter_by_date_range(client, world):
    html = page(client, **{"from": "2020-01-01", "to": "2022-12-31"})
    assert places_in(html) == ["Paris", "Lake Bled"]
    assert "Call" in rows(html)
    assert places_in(page(client, **{"from": "2022-01-10"})) == ["Kanazawa", "Paris"]
    assert places_in(page(client, to="2019-12-31")) == ["Berlin"]


def test_swapped_dates_are_fixed_and_reported(client, world):
    html = page(client, **{"from": "2022-12-31", "to": "2020-01-01"})
    assert places_in(html) == ["Paris", "Lake Bled"]
    assert "swapped" in html


def test_filter_has_gifts_and_has_agreements(client, world):
    assert places_in(page(client, gifts="1")) == ["Kanazawa", "Berlin"]
    assert places_in(page(client, agreements="1")) == ["Kanazawa", "Lake Bled"]
    assert places_in(page(client, gifts="1", agreements="1")) == ["Kanazawa"]


def test_rejected_gifts_do_not_count(client, world):
    world["plate"].review_state = "rejected"
    world["plate"].save()
    assert places_in(page(client, gifts="1")) == ["Kanazawa"]


def test_combined_filters(client, world):
    html = page(client, leader=world["dubois"].pk, country="DE", **{"from": "2020-01-01"})
    assert places_in(html) == ["Paris", "Lake Bled"]
    assert "with Claire Dubois" in html and "involving Germany" in html


def test_counts_in_rows(client, world):
    body = rows(page(client, kind="talks"))
    # Paris: no gifts, no agreements, three source articles.
    assert re.findall(r'<td class="num">(\d+)</td>', body) == ["0", "0", "3"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-date", ["Kanazawa", "Paris", "Lake Bled", "Berlin"]),
        ("date", ["Berlin", "Lake Bled", "Paris", "Kanazawa"]),
        ("-sources", ["Paris", "Kanazawa", "Lake Bled", "Berlin"]),
    ],
)
def test_sorting(client, world, sort, expected):
    assert places_in(page(client, sort=sort)) == expected


def test_sort_by_kind(client, world):
    body = rows(page(client, sort="kind"))
    kinds = re.findall(r">(Call|State visit|Summit|Talks|Visit)</a>", body)
    assert kinds == sorted(kinds, key=lambda k: k.lower().replace(" ", "_"))


def test_pagination_links_keep_every_filter(client, world):
    leader = world["dubois"]
    for day in range(60):
        MeetingFactory(
            participants=[leader, world["becker"]],
            date=dt.date(2018, 1, 1) + dt.timedelta(days=day),
            kind="talks",
            place=f"Extra {day:02d}",
            host_country=world["germany"],
        )
    query = {
        "leader": leader.pk,
        "country": "DE",
        "kind": "talks",
        "from": "2017-01-01",
        "to": "2022-12-31",
        "sort": "date",
        "q": "Extra",
    }
    html = page(client, **query)
    assert "61 meetings" not in html  # Paris does not match "Extra"
    assert "60 meetings" in html
    assert "Page 1 of 2" in html
    next_link = htmllib.unescape(re.search(r'href="([^"]+)" rel="next"', html).group(1))
    for key, value in query.items():
        assert f"{key}={value}".replace(" ", "+") in next_link, key
    assert "page=2" in next_link
    second = client.get(reverse("meeting-list") + next_link).content.decode()
    assert "Page 2 of 2" in second and "Extra 59" in second and "Extra 00" not in second
    prev_link = htmllib.unescape(re.search(r'href="([^"]+)" rel="prev"', second).group(1))
    assert "leader=" in prev_link and "country=DE" in prev_link and "q=Extra" in prev_link


def test_form_is_get_labelled_and_reflects_filters(client, world):
    html = page(client, kind="summit", gifts="1", q="climate", sort="date")
    assert '<form method="get"' in html
    for field in ("f-q", "f-leader", "f-country", "f-kind", "f-from", "f-to", "f-sort"):
        assert f'<label for="{field}">' in html and f'id="{field}"' in html
    assert '<option value="summit" selected>' in html
    assert 'name="gifts" value="1" checked' in html
    assert 'value="climate"' in html
    assert '<option value="date" selected>' in html


def test_form_marks_the_chosen_leader_and_country(client, world):
    dubois = world["dubois"]
    html = page(client, leader=dubois.pk, country="fr")
    assert f'name="leader" value="Claire Dubois (France) #{dubois.pk}"' in html
    assert "&quot;label&quot;: &quot;Claire Dubois (France)&quot;" in html  # for picker.js
    assert '<option value="FR" selected>France</option>' in html
    assert html.count(" selected>") == 2  # and the default sort, nothing else


def test_out_of_range_page_shows_last_page(client, world):
    assert "Lake Bled" in page(client, page="99")
    assert "Lake Bled" in page(client, page="abc")


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2024-13-99"},
        {"to": "yesterday"},
        {"kind": "picnic"},
        {"leader": "abc"},
        {"leader": "99999999"},
        {"leader": "9" * 40},
        {"country": "Narnia"},
        {"country": "QQ"},
        {"gifts": "maybe"},
        {"sort": "price"},
        {"q": "x" * 5000},
        {"q": '"unclosed'},
        {"q": "- -- ---"},
        {"q": "<script>alert(1)</script>"},
        {"page": "-1"},
    ],
)
def test_bad_values_never_fail(client, world, query):
    response = client.get(reverse("meeting-list"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if set(query) - {"q", "page"}:
        assert "Some filters were ignored" in html
        # The bad filter is dropped: every visible meeting is listed.
        assert places_in(html) == ["Kanazawa", "Paris", "Lake Bled", "Berlin"]


# ---- search ---------------------------------------------------------------------------------


SEARCHES = [
    ("Bled", ["Lake Bled"]),  # place
    ("energy", ["Paris"]),  # topic
    ("Sato", ["Kanazawa"]),  # participant name (the call has no place)
    ("fountain pen", ["Kanazawa"]),  # gift item
    ("porcelain", ["Berlin"]),  # gift item
    ("pledge", ["Lake Bled"]),  # agreement summary
    ("semiconductors", ["Kanazawa"]),  # article text
    ("third report", ["Paris"]),  # article title
]


@pytest.mark.parametrize(("q", "expected"), SEARCHES)
def test_search_fields(client, world, q, expected):
    assert places_in(page(client, q=q)) == expected


def test_search_excludes_rejected_and_supports_negation(client, world):
    assert "Rejected Palace" not in rows(page(client, q="Rejected"))
    html = page(client, q="Becker -Berlin")
    assert places_in(html) == ["Paris", "Lake Bled"]


def test_search_is_case_insensitive_and_ands_terms(client, world):
    assert places_in(page(client, q="DUBOIS becker")) == ["Paris", "Lake Bled", "Berlin"]
    assert places_in(page(client, q="Dubois climate")) == ["Lake Bled"]
    assert places_in(page(client, q="nothing-like-this")) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search: runs only when DATABASE_URL points to PostgreSQL",
)
def test_search_on_postgresql_uses_full_text_search(client, world, django_assert_max_num_queries):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(conn) as ctx:
        found = list(search_meetings(Meeting.objects.visible(), "cooperating"))
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    # One document per meeting (migration 0013), not the five tables' own vectors.
    assert "search_document" in sql and "websearch_to_tsquery" in sql
    assert "to_tsvector" not in sql
    # English stemming: "cooperating" finds "cooperation" (substring search would not).
    assert [m.place for m in found] == ["Kanazawa"]
    # Websearch syntax: a quoted phrase and an excluded word.
    assert places_in(page(client, q='"fountain pen"')) == ["Kanazawa"]
    assert places_in(page(client, q="Becker -Berlin")) == ["Paris", "Lake Bled"]
    # Stop words are ignored rather than matching nothing.
    assert places_in(page(client, q="the Bled")) == ["Lake Bled"]
    for q, expected in SEARCHES:
        assert places_in(page(client, q=q)) == expected, q
