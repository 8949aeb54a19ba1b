"""The network coloured by region in Chromium (issue 15): the control, the legend and the
interactive view's colours, with a screenshot in artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from playwright.sync_api import expect

from gazetteer.regions import REGION_NAMES, region_of
from kb.selectors.network import PALETTE
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_pictures import wait_until
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Two or three countries in each region.
CODES = ["FR", "DE", "PL", "JP", "IN", "SA", "BR", "US", "MX", "KE", "NG", "EG", "AU", "FJ"]


@pytest.fixture
def world_of_regions():
    rng = random.Random(5)
    countries = [CountryFactory(code=code, name=f"Land {code}") for code in CODES]
    leaders = [
        LeaderFactory(name=f"Envoy {n:02d} {c.code}", country=c)
        for n, c in enumerate(countries * 5)
    ]
    for n in range(160):
        a = rng.choice(leaders)
        # Mostly within a region, sometimes across: clusters an analyst can see.
        region = region_of(a.country.code)
        near = [b for b in leaders if b is not a and region_of(b.country.code) == region]
        b = rng.choice(near if rng.random() < 0.8 else [b for b in leaders if b is not a])
        MeetingFactory(participants=[a, b], date=dt.date(2024, 1 + n % 12, 1 + n % 27))
    return leaders


def test_the_network_coloured_by_region(page, world_of_regions, screenshot):
    page.goto("/network/?limit=100")
    page.get_by_label("Colour by").select_option("region")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**colour=region**")
    wait_until(page, "() => !!(window.summitryNetwork && window.summitryNetwork.nodes().length)")
    legend = page.locator(".network__legend li")
    expect(legend).to_have_count(len(REGION_NAMES))
    expect(page.get_by_role("heading", name="Colours: UN M49 region")).to_be_visible()
    colours = page.evaluate(
        "Array.from(new Set(window.summitryNetwork.nodes().map(n => n.data('colour'))))"
    )
    assert sorted(colours) == sorted(PALETTE[: len(REGION_NAMES)])
    europe = page.evaluate(
        "window.summitryNetwork.nodes().filter(n => n.data('label').endsWith(' FR'))"
        ".map(n => n.data('colour'))"
    )
    assert set(europe) == {PALETTE[REGION_NAMES.index("Europe")]}
    table = page.locator("table.data-table")
    expect(table.locator("th", has_text="Region").first).to_be_visible()
    screenshot("network-by-region")
    # The network with its control and legend (the full page adds the long links table).
    section = page.locator("section[aria-labelledby=graph-heading]")
    section.screenshot(path=str(SCREENSHOTS / "network-by-region-section.png"))
