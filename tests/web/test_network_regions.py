"""The network coloured by country or by UN M49 region (issue 15): the control, the
legend, the colours of the graph the page draws, and a region column in the
accessible table."""

import re

import pytest
from django.urls import reverse

from gazetteer.regions import REGION_NAMES, region_of, sub_region_of
from kb.selectors.network import OTHERS, PALETTE
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory
from tests.web.network_page import graph

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get(reverse("network"), params)
    assert response.status_code == 200
    return response.content.decode()


def links_table(html):
    return html[html.index('id="edges-heading"') :]


def test_regions_by_iso_code():
    assert (region_of("FR"), sub_region_of("FR")) == ("Europe", "Western Europe")
    assert (region_of("jp"), sub_region_of("jp")) == ("Asia", "Eastern Asia")
    assert (region_of("BR"), sub_region_of("BR")) == ("Americas", "South America")
    assert (region_of("KE"), region_of("NZ")) == ("Africa", "Oceania")
    assert region_of("AQ") is None and region_of("") is None and region_of(None) is None
    assert REGION_NAMES == ("Africa", "Americas", "Asia", "Europe", "Oceania")


def test_every_iso_country_but_antarctica_has_a_region():
    import pycountry

    missing = {c.alpha_2 for c in pycountry.countries if region_of(c.alpha_2) is None}
    assert missing == {"AQ"}


def test_colour_by_region_legend_data_and_table(client, world):
    kenya = CountryFactory(code="KE", name="Kenya")
    wanjiru = LeaderFactory(name="Wanjiru Kamau", country=kenya)
    MeetingFactory(participants=[wanjiru, world["dubois"]])
    stateless = LeaderFactory(name="Nobody Incountry", country=None)
    MeetingFactory(participants=[stateless, world["sato"]])
    html = page(client, colour="region")
    assert '<option value="region" selected>' in html
    data = graph(html)
    assert {n["label"] for n in data["nodes"]} >= {"Claire Dubois", "Wanjiru Kamau"}
    by_label = {n["label"]: n for n in data["nodes"]}
    europe, asia = PALETTE[REGION_NAMES.index("Europe")], PALETTE[REGION_NAMES.index("Asia")]
    assert by_label["Claire Dubois"]["region"] == "Europe"
    assert by_label["Claire Dubois"]["colour"] == by_label["Jonas Becker"]["colour"] == europe
    assert by_label["Kenji Sato"]["colour"] == asia
    assert by_label["Wanjiru Kamau"]["colour"] == PALETTE[REGION_NAMES.index("Africa")]
    legend = {item["name"]: item["count"] for item in data["legend"]}
    assert legend == {"Europe": 2, "Asia": 1, "Americas": 1, "Africa": 1, "No region": 1}
    assert {i["name"]: i["colour"] for i in data["legend"]}["No region"] == OTHERS
    assert by_label["Nobody Incountry"]["region"] == "No region"
    # The legend is on the page.
    assert "Colours: UN M49 region" in html and "Africa <span" in html
    # The accessible table names each side's region.
    table = links_table(html)
    assert '<th scope="col">Region</th>' in table
    row = re.search(r"<tr>\s*<td><a[^>]*>Claire Dubois</a></td>\s*<td>(\w+)</td>", table)
    assert row.group(1) == "Europe"
    assert "<td>Africa</td>" in table


def test_colour_by_country_is_the_default_and_keeps_a_country_column(client, world):
    html = page(client)
    data = graph(html)
    colours = {n["label"]: n["colour"] for n in data["nodes"]}
    assert len(set(colours.values())) == 4  # four leaders of four countries
    assert '<th scope="col">Country</th>' in links_table(html)
    assert "<td>Japan</td>" in links_table(html)
    # Countries coloured by country need no column: the node is the country.
    html = page(client, by="country")
    assert '<th scope="col">Country</th><th scope="col">Met</th>' in links_table(html)


def test_countries_beyond_the_palette_are_grey(client, world):
    hub = world["dubois"]
    codes = ["BR", "CL", "AR", "PE", "CO", "MX", "CA", "IN", "CN", "EG", "NG"]
    for code in codes:
        other = LeaderFactory(country=CountryFactory(code=code))
        MeetingFactory(participants=[hub, other])
    data = graph(page(client))
    assert sum(1 for n in data["nodes"] if n["colour"] == OTHERS) == len(data["nodes"]) - 9
    assert data["legend"][-1]["name"] == "Others"


def test_an_unknown_colouring_is_ignored_not_an_error(client, world):
    html = page(client, colour="<b>planet</b>")
    assert "Some filters were ignored" in html and "<b>planet" not in html
    assert '<option value="country" selected>' in html
