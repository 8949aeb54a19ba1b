"""Leader and country pages, who-met-whom network, timeline."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from kb.models import Meeting
from kb.selectors.network import network
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory
from tests.web.network_page import graph, labels

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"


def get(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


# ---- leader -------------------------------------------------------------------------------


def test_leader_page_timeline_gifts_agreements_and_met_most(client, world):
    html = get(client, world["dubois"].get_absolute_url())
    timeline = section(html, "meetings-heading")
    # Chronological, grouped by year.
    assert [y for y in re.findall(r'class="timeline__year">(\d{4})', timeline)] == [
        "2019",
        "2021",
        "2022",
        "2023",
    ]
    assert timeline.index("Berlin") < timeline.index("Lake Bled") < timeline.index("Kanazawa")
    assert "Rejected Palace" not in html
    met = section(html, "met-most-heading")
    assert met.index("Jonas Becker") < met.index("Kenji Sato")
    assert '<td class="num">3</td>' in met
    assert "porcelain plate" in section(html, "gifts-received-heading")
    assert "Roadmap on hydrogen cooperation" in section(html, "agreements-heading")
    html = get(client, world["sato"].get_absolute_url())
    assert "lacquered fountain pen" in section(html, "gifts-given-heading")
    assert f'href="/meetings/?leader={world["sato"].pk}"' in html


def test_leader_timeline_pages_keep_whole_year_totals(client, world, monkeypatch):
    monkeypatch.setattr("web.views.leaders.LeaderDetailView.meetings_per_page", 2)
    MeetingFactory(
        participants=[world["dubois"], world["dalton"]], date=dt.date(2021, 11, 1), place="Rome"
    )
    url = world["dubois"].get_absolute_url()

    def years(html):
        return re.findall(r'class="timeline__year">(\d{4}) <span class="muted">\((\d+) ', html)

    first = section(get(client, url), "meetings-heading")
    # Berlin (2019), Lake Bled (2021) | Rome (2021), Paris (2022) | Kanazawa (2023)
    assert years(first) == [("2019", "1"), ("2021", "2")]
    assert "Lake Bled" in first and "Rome" not in first
    assert 'rel="next"' in first and "page=2" in first
    second = section(get(client, url, page="2"), "meetings-heading")
    assert years(second) == [("2021", "2"), ("2022", "1")]
    assert "Rome" in second and "Kanazawa" not in second
    last = section(get(client, url, page="99"), "meetings-heading")
    assert "Kanazawa" in last and 'rel="next"' not in last


def test_headings_are_in_order(client, world):
    for url in (
        world["dubois"].get_absolute_url(),
        world["france"].get_absolute_url(),
        reverse("meeting-list"),
        reverse("network"),
        reverse("timeline"),
    ):
        html = get(client, url)
        levels = [int(n) for n in re.findall(r"<h([1-6])[ >]", html)]
        assert levels[0] == 1 and levels.count(1) == 1, url
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (url, levels)


# ---- country ------------------------------------------------------------------------------


def test_country_page(client, world):
    html = get(client, world["france"].get_absolute_url())
    assert "Claire Dubois" in section(html, "leaders-heading")
    assert "Paris" in section(html, "hosted-heading")
    abroad = section(html, "abroad-heading")
    assert "Kanazawa" in abroad and "Berlin" in abroad and "Lake Bled" in abroad
    assert "Paris" not in abroad
    counterparts = section(html, "counterparts-heading")
    assert counterparts.index("Germany") < counterparts.index("Japan")


def test_country_page_limits_long_tables(client, world):
    for day in range(30):
        MeetingFactory(
            participants=[world["dubois"]],
            host_country=world["france"],
            date=dt.date(2010, 1, 1) + dt.timedelta(days=day),
            place=f"Elysee {day:02d}",
        )
    html = get(client, world["france"].get_absolute_url())
    hosted = section(html, "hosted-heading")
    assert "The 25 most recent of 31" in hosted
    assert 'href="/meetings/?country=FR"' in hosted


# ---- network ------------------------------------------------------------------------------


def test_network_page_data(client, world):
    html = get(client, reverse("network"))
    drawn = graph(html)
    assert len(drawn["nodes"]) == 4 and len(drawn["edges"]) == 5
    becker = next(n for n in drawn["nodes"] if n["label"] == "Jonas Becker")
    assert becker["url"] == world["becker"].get_absolute_url()
    # Scripts: only the graph as JSON data and our own files (the picture); the table
    # works without them.
    import re

    for tag in re.findall(r"<script[^>]*>", html):
        assert 'type="application/json"' in tag or 'src="/static/' in tag, tag
    table = section(html, "edges-heading")
    assert "Claire Dubois" in table and '<td class="num">3</td>' in table


def test_network_escapes_names(client, world):
    evil = LeaderFactory(name=f"Evil {SCRIPT} Leader")
    MeetingFactory(participants=[evil, world["dubois"]], date=dt.date(2024, 1, 1))
    html = get(client, reverse("network"))
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_network_by_country_and_date_range(client, world):
    counted = network(Meeting.objects.visible(), by="country")
    edges = {(e.source.label, e.target.label): e.weight for e in counted.edges}
    assert edges[("France", "Germany")] == 3
    period = {"from": "2021-01-01", "to": "2021-12-31"}
    html = get(client, reverse("network"), by="country", **period)
    drawn = graph(html)
    # Lake Bled only: France, Germany, United States, all linked.
    assert len(drawn["nodes"]) == 3 and len(drawn["edges"]) == 3
    assert "/countries/US/" in {n["url"] for n in drawn["nodes"]} and "Japan" not in labels(html)


def test_network_by_a_country_taking_part(client, world):
    html = get(client, reverse("network"), country="JP")
    assert "Kenji Sato" in labels(html) and "Jonas Becker" not in labels(html)
    assert '<option value="JP" selected>' in html
    assert 'type="hidden" name="country"' not in html  # the select carries it


def test_network_limits_nodes(client, world):
    html = get(client, reverse("network"), limit="2")
    assert len(graph(html)["nodes"]) == 2
    assert "most active of 4" in html


def test_network_draws_and_lists_only_the_strongest_links(client, world, monkeypatch):
    from web.views.network import NetworkView

    monkeypatch.setattr(NetworkView, "max_edges", 2)
    html = get(client, reverse("network"))
    assert len(graph(html)["edges"]) == 2
    assert "The 2 strongest of their 5 links are drawn" in html
    table = html[html.index('id="edges-heading"') :]
    assert table.count("<tr>") == 1 + 2  # the header and two links


@pytest.mark.parametrize(
    "query", [{"by": "planet"}, {"limit": "lots"}, {"limit": "100000"}, {"from": "2024-99-01"}]
)
def test_network_bad_values(client, world, query):
    html = get(client, reverse("network"), **query)
    assert "Some filters were ignored" in html
    assert graph(html)["nodes"]


def test_network_empty(client, db):
    html = get(client, reverse("network"))
    assert "No two leaders met" in html and 'id="network-data"' not in html


# ---- timeline -----------------------------------------------------------------------------


def test_timeline_grouped_by_year_and_month(client, world):
    html = get(client, reverse("timeline"))
    years = re.findall(r'class="timeline__year">(\d{4})', html)
    assert years == ["2019", "2020", "2021", "2022", "2023"]
    assert "September 2019" in html and "October 2023" in html
    assert html.index("Berlin") < html.index("Kanazawa")
    assert "Rejected Palace" not in html
    assert "Meetings per year" in html


def test_timeline_filters(client, world):
    html = get(client, reverse("timeline"), leader=world["sato"].pk)
    assert re.findall(r'class="timeline__year">(\d{4})', html) == ["2020", "2023"]
    html = get(client, reverse("timeline"), country="DE", to="2021-12-31")
    assert re.findall(r'class="timeline__year">(\d{4})', html) == ["2019", "2021"]
    html = get(client, reverse("timeline"), **{"from": "bad", "leader": "x"})
    assert "Some filters were ignored" in html


def test_timeline_reports_undated(client, world):
    MeetingFactory(participants=[world["dubois"]], place="Somewhere")
    html = get(client, reverse("timeline"))
    assert "1 meeting without a date is not shown" in html


def test_country_other_new_country_has_no_counterparts(client, db):
    lonely = CountryFactory(code="ZZ", name="Zedland")
    LeaderFactory(country=lonely)
    html = get(client, lonely.get_absolute_url())
    assert "No meetings with other countries recorded." in html
