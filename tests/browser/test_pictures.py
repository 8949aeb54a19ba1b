"""The map, a leader's travels, the charts and the network at 300 leaders, in Chromium
(issue 15), with screenshots in artifacts/screenshots/."""

from __future__ import annotations

import datetime as dt
import random
import time

import pytest
from playwright.sync_api import expect

from kb.models import Leader, Meeting
from tests.browser.conftest import SCREENSHOTS
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def wait_until(page, script: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, script
        time.sleep(0.1)


CODES = ["FR", "DE", "JP", "BR", "IN", "ZA", "US", "CN", "EG", "MX", "AU", "KE"]


@pytest.fixture
def diplomacy():
    """A few countries with leaders who meet in one another's capitals over six years,
    with 2021 left empty."""
    rng = random.Random(3)
    countries = [CountryFactory(code=code, name=f"Land {code}") for code in CODES]
    leaders = [
        LeaderFactory(name=f"Leader {code}", country=c)
        for code, c in zip(CODES, countries, strict=True)
    ]
    for n in range(60):
        a, b = rng.sample(leaders, 2)
        year = rng.choice([2019, 2020, 2022, 2023, 2024])
        MeetingFactory(
            participants=[a, b],
            host_country=rng.choice([a.country, b.country]),
            date=dt.date(year, 1 + n % 12, 1 + n % 27),
            kind=rng.choice(["talks", "state_visit", "summit"]),
        )
    return leaders


def test_the_map_shades_countries_and_a_click_opens_their_meetings(page, diplomacy, screenshot):
    page.goto("/map/")
    shaded = page.locator("svg.world-map a.has-value")
    expect(shaded.first).to_be_visible()
    assert shaded.count() == len({m.host_country_id for m in Meeting.objects.all()})
    screenshot("map-hosted")
    page.get_by_label("Shade countries by").select_option("attended")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**shade=attended**")
    assert page.locator("svg.world-map a.has-value").count() == len(CODES)
    screenshot("map-attended")
    page.locator('svg.world-map a[data-code="BR"]').click()
    page.wait_for_url("**/meetings/?**country=BR**")
    rows = page.locator("table tbody tr")
    expect(rows.first).to_be_visible()


def test_a_leaders_page_maps_where_they_went(page, diplomacy, screenshot):
    leader = Leader.objects.get(name="Leader JP")
    page.goto(leader.get_absolute_url())
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Where Leader JP met others")
    )
    expect(section.locator("svg.world-map")).to_be_visible()
    hosts = set(
        Meeting.objects.filter(participants=leader).values_list("host_country__code", flat=True)
    )
    assert section.locator("svg.world-map a.has-value").count() == len(hosts)
    assert section.locator("table tbody tr").count() == len(hosts)
    expect(section.locator("svg.chart")).to_be_visible()
    section.scroll_into_view_if_needed()
    screenshot("leader-travels")


def test_charts_keep_empty_years_and_link_their_bars(page, diplomacy, screenshot):
    page.goto("/charts/")
    years = page.locator("section", has=page.get_by_role("heading", name="Meetings per year"))
    titles = years.locator("svg.chart rect title").all_text_contents()
    assert "2021: 0 meetings" in titles  # the empty year is there, as zero
    screenshot("charts")
    kinds = page.locator("section", has=page.get_by_role("heading", name="By kind"))
    kinds.locator("svg.chart a").first.click()
    page.wait_for_url("**/meetings/?kind=**")


def test_the_countries_page_has_the_map(page, diplomacy):
    page.goto("/countries/")
    expect(page.locator("svg.world-map")).to_be_visible()
    page.locator('svg.world-map a[data-code="DE"]').click()
    page.wait_for_url("**/countries/DE/")


def test_the_network_at_300_leaders_hovers_zooms_and_opens_a_leader(page, screenshot):
    rng = random.Random(11)
    countries = [CountryFactory(code=code, name=f"Land {code}") for code in CODES]
    leaders = [
        LeaderFactory(name=f"Person {n:03d}", country=countries[n % len(countries)])
        for n in range(300)
    ]
    for n, leader in enumerate(leaders):  # a ring, so everyone has a link, plus chords
        MeetingFactory(participants=[leader, leaders[(n + 1) % 300]], date=dt.date(2024, 1, 1))
        MeetingFactory(participants=[leader, rng.choice(leaders)], date=dt.date(2024, 2, 1))
    page.goto("/network/?limit=300")
    # Polled from here: wait_for_function evaluates a string, which the page's CSP forbids.
    wait_until(page, "() => !!(window.summitryNetwork && window.summitryNetwork.nodes().length)")
    assert page.evaluate("window.summitryNetwork.nodes().length") == 300
    expect(page.locator("#network-canvas")).to_be_visible()
    expect(page.locator("#edges-heading")).to_be_visible()  # the table stays
    # The table lists the strongest links; "List all" adds the rest from the page's data.
    drawn = page.evaluate("window.summitryNetwork.edges().length")
    rows = page.locator("#links-table tbody tr")
    listed = rows.count()
    assert 0 < listed < drawn
    page.get_by_role("button", name=f"List all {drawn}").click()
    expect(rows).to_have_count(drawn)
    assert rows.nth(listed).locator("a").first.get_attribute("href").startswith("/leaders/")
    screenshot("network-300")
    page.locator("#network-canvas").screenshot(path=str(SCREENSHOTS / "network-300-canvas.png"))

    node = page.evaluate(
        "(() => { const n = window.summitryNetwork.nodes()[0]; "
        "n.emit('mouseover'); return n.data('label'); })()"
    )
    expect(page.locator("#network-status")).to_contain_text(node)
    assert page.evaluate("window.summitryNetwork.elements('.faded').length") > 0

    # Zoom and pan are the reader's (wheel and drag); "Fit to view" brings it all back.
    assert page.evaluate(
        "window.summitryNetwork.userZoomingEnabled() && window.summitryNetwork.userPanningEnabled()"
    )
    fitted = page.evaluate("window.summitryNetwork.zoom()")
    page.evaluate("window.summitryNetwork.zoom(3)")
    page.get_by_role("button", name="Fit to view").click()
    wait_until(page, f"() => Math.abs(window.summitryNetwork.zoom() - {fitted}) < 0.01")

    target = Leader.objects.get(name=node)
    page.evaluate("window.summitryNetwork.nodes()[0].emit('tap')")
    page.wait_for_url(f"**{target.get_absolute_url()}")
