"""The network page is rendered once per filter and colouring and kept until the next
write (issue 14): a repeated request reads no participation, and a write, a rejection or
another colouring shows at once. Without filters, even the first request reads the
maintained pairs (``kb.leader_pairs``) instead of the participations, and with dates and
kind alone, the pairs kept by year and kind."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import (
    CountryPairTally,
    CountryPairYear,
    CountryTally,
    LeaderPair,
    LeaderPairYear,
    Meeting,
    ReviewState,
)
from tests.factories import CountryFactory, GiftFactory, LeaderFactory, MeetingFactory
from tests.web.network_page import links_drawn

pytestmark = pytest.mark.django_db

PARTICIPATION = Meeting.participants.through._meta.db_table
PAIRS = LeaderPair._meta.db_table
COUNTRY_PAIRS = CountryPairTally._meta.db_table
COUNTRY_TALLY = CountryTally._meta.db_table
LEADER_YEARS = LeaderPairYear._meta.db_table
COUNTRY_YEARS = CountryPairYear._meta.db_table


def page(client, **params) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("network"), params)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


def drawn(html: str) -> int:
    return len(links_drawn(html))


@pytest.fixture
def pair():
    norway, chile = CountryFactory(code="NO", name="Norway"), CountryFactory(code="CL")
    return LeaderFactory(name="Ingrid Berg", country=norway), LeaderFactory(
        name="Camila Rojas", country=chile
    )


def test_a_repeated_request_neither_counts_nor_renders_again(client, pair, monkeypatch):
    from web.views import network

    rendered = []
    render = network.render_to_string
    monkeypatch.setattr(
        network, "render_to_string", lambda *a, **k: rendered.append(a[0]) or render(*a, **k)
    )
    MeetingFactory(participants=list(pair))
    first, first_sql = page(client)
    again, again_sql = page(client)
    assert rendered == ["kb/_network_graph.html"]  # the links: once, however many
    assert any(PAIRS in sql for sql in first_sql)
    assert not any(PARTICIPATION in sql for sql in first_sql)
    assert not any(PAIRS in sql or PARTICIPATION in sql for sql in again_sql)
    assert "Ingrid Berg" in again and drawn(again) == drawn(first) == 1


def test_a_write_and_a_rejection_show_at_once(client, pair):
    MeetingFactory(participants=list(pair))
    html, _ = page(client)
    assert "Tomas Novak" not in html
    third = LeaderFactory(name="Tomas Novak", country=CountryFactory(code="CZ"))
    meeting = MeetingFactory(participants=[pair[0], third])
    html, _ = page(client)
    assert "Tomas Novak" in html and drawn(html) == 2
    meeting.review_state = ReviewState.REJECTED
    meeting.save()
    html, _ = page(client)
    assert "Tomas Novak" not in html and drawn(html) == 1


@pytest.mark.parametrize(
    "params, table",
    [
        ({"kind": "talks"}, LEADER_YEARS),
        ({"from": "2000-01-01"}, LEADER_YEARS),
        ({"from": "2020-01-01", "to": "2020-12-31"}, LEADER_YEARS),
        ({"by": "country", "kind": "talks"}, COUNTRY_YEARS),
    ],
)
def test_selections_by_dates_and_kind_are_summed_from_the_pairs_by_year(
    client, pair, params, table
):
    MeetingFactory(participants=list(pair), kind="talks", date=dt.date(2020, 5, 4))
    html, sql = page(client, **params)
    assert any(table in q for q in sql)
    assert not any(PARTICIPATION in q for q in sql)
    assert drawn(html) == 1


@pytest.mark.parametrize(
    "params", [{"from": "2020-05-01", "to": "2020-06-30"}, {"gifts": "1"}, {"q": "trade"}]
)
def test_days_within_a_year_and_other_filters_are_counted_from_the_participations(
    client, pair, params
):
    MeetingFactory(
        participants=list(pair), kind="talks", date=dt.date(2020, 5, 4), topics=["trade"]
    )
    if "gifts" in params:
        GiftFactory(giver=pair[0], recipient=pair[1], meeting=Meeting.objects.get())
    html, sql = page(client, **params)
    assert any(PARTICIPATION in q for q in sql)
    assert drawn(html) == 1


def test_every_meeting_by_country_is_read_from_the_country_tallies(client, pair):
    MeetingFactory(participants=list(pair), kind="talks", date=dt.date(2020, 5, 4))
    html, sql = page(client, by="country")
    assert any(COUNTRY_PAIRS in q for q in sql) and any(COUNTRY_TALLY in q for q in sql)
    assert not any(PARTICIPATION in q for q in sql)
    assert drawn(html) == 1 and "Norway" in html


def test_each_colouring_and_filter_is_its_own_page(client, pair):
    MeetingFactory(participants=list(pair))
    by_country, _ = page(client)
    by_region, _ = page(client, colour="region")
    assert '<th scope="col">Region</th>' in by_region
    assert '<th scope="col">Region</th>' not in by_country
    countries, _ = page(client, by="country")
    assert "Norway" in countries and "Ingrid Berg" not in countries.split('id="graph-heading"')[1]
    later, _ = page(client, **{"from": "2999-01-01"})
    assert "No two leaders met" in later


LOOP = """{% for edge in edges %}
      <tr>
        <td><a href="{{ edge.source.url }}">{{ edge.source.label }}</a></td>
        {% if group_column %}<td>{% if colour == "region" %}{{ edge.source.region }}{% else %}{{ edge.source.group }}{% endif %}</td>{% endif %}
        <td><a href="{{ edge.target.url }}">{{ edge.target.label }}</a></td>
        {% if group_column %}<td>{% if colour == "region" %}{{ edge.target.region }}{% else %}{{ edge.target.group }}{% endif %}</td>{% endif %}
        <td class="num">{{ edge.weight }}</td>
      </tr>
      {% endfor %}"""  # noqa: E501 - the loop as the template had it


@pytest.mark.parametrize(
    "colour, group_column", [("country", "Country"), ("region", "Region"), ("country", "")]
)
def test_the_links_written_in_python_are_the_template_loops_markup(colour, group_column):
    from django.template import Context, Template

    from kb.selectors.network import Edge, Node
    from web.templatetags.network_tags import network_edge_rows

    odd = Node(key=1, label='Ana "<b>" & Co', url="/leaders/1/?a=1&b=2")
    odd.group, odd.region = "Côte d'Ivoire", "Africa"
    plain = Node(key=2, label="Tomas Berg", url="/leaders/2/")
    plain.group, plain.region = "Norway", "Europe"
    edges = [Edge(odd, plain, 1), Edge(plain, odd, 1234)]
    context = {"edges": edges, "colour": colour, "group_column": group_column}
    expected = Template(LOOP).render(Context(context))
    assert network_edge_rows(edges, colour, group_column) == expected
