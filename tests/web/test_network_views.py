"""The network page's country view (read from the maintained country counts) and its
filtered views (counted from the selected meetings, strongest links first): each gives
what counting the selected meetings by hand gives."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from kb.models import Meeting, ReviewState
from kb.selectors.network import network
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory
from tests.web.network_page import graph as graph_of

pytestmark = pytest.mark.django_db


def links(client, **params) -> dict[tuple[str, str], int]:
    """The links table of the page: {(name, name): meetings}, names in page order."""
    response = client.get(reverse("network"), params)
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('id="edges-heading"') :]
    rows = re.findall(
        r'<td><a href="[^"]*">([^<]*)</a></td>\s*(?:<td>[^<]*</td>)?\s*'
        r'<td><a href="[^"]*">([^<]*)</a></td>\s*(?:<td>[^<]*</td>)?\s*'
        r'<td class="num">(\d+)</td>',
        table,
    )
    return {(a, b): int(n) for a, b, n in rows}


@pytest.fixture
def people():
    norway, chile, japan = (
        CountryFactory(code="NO", name="Norway"),
        CountryFactory(code="CL", name="Chile"),
        CountryFactory(code="JP", name="Japan"),
    )
    return {
        "berg": LeaderFactory(name="Ingrid Berg", country=norway),
        "lund": LeaderFactory(name="Sofie Lund", country=norway),
        "rojas": LeaderFactory(name="Camila Rojas", country=chile),
        "mori": LeaderFactory(name="Haruto Mori", country=japan),
    }


def test_a_pair_that_met_only_outside_the_dates_is_left_out(client, people):
    berg, rojas, mori = people["berg"], people["rojas"], people["mori"]
    MeetingFactory(participants=[berg, rojas], date=dt.date(2019, 12, 31))
    MeetingFactory(participants=[berg, rojas], date=dt.date(2020, 1, 1))  # first day: in
    MeetingFactory(participants=[rojas, mori], date=dt.date(2021, 1, 1))  # day after: out
    MeetingFactory(participants=[berg, mori], date=None)  # undated: out of any range
    period = {"from": "2020-01-01", "to": "2020-12-31"}
    assert links(client, **period) == {("Camila Rojas", "Ingrid Berg"): 1}
    assert links(client, by="country", **period) == {("Chile", "Norway"): 1}
    # Without the dates every meeting counts, from the maintained counts.
    assert links(client) == {
        ("Camila Rojas", "Ingrid Berg"): 2,
        ("Camila Rojas", "Haruto Mori"): 1,
        ("Haruto Mori", "Ingrid Berg"): 1,
    }
    assert links(client, by="country") == {
        ("Chile", "Norway"): 2,
        ("Chile", "Japan"): 1,
        ("Japan", "Norway"): 1,
    }


def test_the_country_view_counts_each_meeting_once_per_pair_of_countries(client, people):
    berg, lund, rojas, mori = (people[k] for k in ("berg", "lund", "rojas", "mori"))
    MeetingFactory(participants=[berg, lund, rojas])  # two Norwegians: Chile-Norway once
    MeetingFactory(participants=[berg, lund])  # one country: no link
    MeetingFactory(participants=[lund, mori], review_state=ReviewState.REJECTED)
    expected = {("Chile", "Norway"): 1}
    assert links(client, by="country") == expected
    graph = network(Meeting.objects.visible(), by="country")  # from the participations
    assert {(e.source.label, e.target.label): e.weight for e in graph.edges} == expected
    html = client.get(reverse("network"), {"by": "country"}).content.decode()
    norway = next(n for n in graph_of(html)["nodes"] if n["label"] == "Norway")
    assert (norway["weight"], norway["degree"]) == (1, 1)  # its meetings with another


def test_kind_and_country_filters_count_only_the_meetings_they_select(client, people):
    berg, lund, rojas, mori = (people[k] for k in ("berg", "lund", "rojas", "mori"))
    MeetingFactory(participants=[berg, rojas], kind="talks")
    MeetingFactory(participants=[berg, rojas], kind="summit")
    MeetingFactory(participants=[lund, mori], kind="talks")
    assert links(client, kind="talks") == {
        ("Camila Rojas", "Ingrid Berg"): 1,
        ("Haruto Mori", "Sofie Lund"): 1,
    }
    assert links(client, country="JP") == {("Haruto Mori", "Sofie Lund"): 1}
    assert links(client, by="country", kind="summit") == {("Chile", "Norway"): 1}


@pytest.mark.parametrize("params", [{}, {"by": "country"}, {"from": "2020-01-01"}])
def test_only_the_strongest_links_are_listed_and_the_page_says_of_how_many(
    client, people, monkeypatch, params
):
    from web.views.network import NetworkView

    monkeypatch.setattr(NetworkView, "max_edges", 2)
    berg, rojas, mori = people["berg"], people["rojas"], people["mori"]
    extra = LeaderFactory(name="Lena Vogel", country=CountryFactory(code="AT", name="Austria"))
    day = dt.date(2020, 6, 1)
    for _ in range(3):
        MeetingFactory(participants=[berg, rojas], date=day)
    for _ in range(2):
        MeetingFactory(participants=[rojas, mori], date=day)
    MeetingFactory(participants=[mori, extra], date=day)
    html = client.get(reverse("network"), params).content.decode()
    assert "The 2 strongest of their 3 links are drawn" in html
    listed = links(client, **params)
    assert sorted(listed.values(), reverse=True) == [3, 2]


def test_the_links_drawn_grow_with_the_nodes_shown_up_to_a_bound(client, people, monkeypatch):
    from kb.selectors import network as selectors

    assert (selectors.links_for(60), selectors.links_for(300)) == (300, selectors.MAX_EDGES)
    monkeypatch.setattr(selectors, "LINKS_PER_NODE", 1)
    four = [people[k] for k in ("berg", "lund", "rojas", "mori")]
    for i, one in enumerate(four):
        for other in four[i + 1 :]:
            MeetingFactory(participants=[one, other])  # six pairs, one meeting each
    html = client.get(reverse("network"), {"limit": "4"}).content.decode()
    assert "The 4 strongest of their 6 links are drawn" in html
    assert len(links(client, limit="4")) == 4
    assert len(links(client, limit="3")) == 3  # all three pairs of three nodes


def test_the_table_lists_the_strongest_links_and_the_data_holds_every_link_drawn(
    client, people, monkeypatch
):
    from web.views.network import NetworkView

    monkeypatch.setattr(NetworkView, "links_listed", 2)
    berg, lund, rojas, mori = (people[k] for k in ("berg", "lund", "rojas", "mori"))
    for _ in range(3):
        MeetingFactory(participants=[berg, rojas])
    for _ in range(2):
        MeetingFactory(participants=[rojas, mori])
    MeetingFactory(participants=[mori, lund])
    html = client.get(reverse("network")).content.decode()
    assert sorted(links(client).values(), reverse=True) == [3, 2]
    drawn = graph_of(html)["edges"]
    assert sorted(e["weight"] for e in drawn) == [1, 2, 3]
    assert "The 2 strongest of the 3 links drawn" in html
    assert 'data-listed="2"' in html  # where the page's script goes on listing
