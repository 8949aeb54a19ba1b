"""The leader registry in a real browser: a country's office-holders over time, and an
editor ending a running term from the leader page."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.models import Office, ReviewState
from tests.browser.test_editor import log_in
from tests.factories import CountryFactory, LeaderFactory, OfficeFactory, editor

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def terms():
    peru = CountryFactory(code="PE", name="Peru")
    rosa = LeaderFactory(name="Rosa Quispe Mamani", title="President", country=peru)
    luis = LeaderFactory(name="Luis Huaman Rojas", title="President", country=peru)
    OfficeFactory(leader=luis, country=peru, kind="head_of_state",
                  start=dt.date(2011, 7, 28), end=dt.date(2016, 7, 28))  # fmt: skip
    running = OfficeFactory(leader=rosa, country=peru, kind="head_of_state",
                            start=dt.date(2016, 7, 28))  # fmt: skip
    return {"rosa": rosa, "luis": luis, "running": running}


def test_an_analyst_sees_who_led_a_country_when(page, terms, screenshot):
    page.goto("/countries/PE/")
    section = page.get_by_role("region", name="Who led Peru when")
    rows = section.locator("tbody tr")
    assert rows.count() == 2
    assert "Rosa Quispe Mamani" in rows.nth(0).inner_text()  # newest first
    assert "in office" in rows.nth(0).inner_text()
    assert section.locator("svg.office-timeline__bar rect").count() == 2
    screenshot("country-office-timeline")
    rows.nth(1).get_by_role("link", name="Luis Huaman Rojas").click()
    page.wait_for_load_state()
    offices = page.get_by_role("region", name="Offices held")
    assert "2011-07-28" in offices.inner_text() and "2016-07-28" in offices.inner_text()


def test_an_editor_ends_a_running_term(page, terms, screenshot):
    editor("registry-browser-editor")
    log_in(page, "registry-browser-editor")
    page.goto(f"/leaders/{terms['rosa'].pk}/")
    page.get_by_role("link", name="Correct or end").click()
    page.get_by_label("To (YYYY-MM-DD; empty while in office)").fill("2021-07-28")
    page.get_by_role("button", name="Save correction").click()
    page.wait_for_load_state()
    assert "2021-07-28" in page.get_by_role("region", name="Offices held").inner_text()
    office = Office.objects.get(pk=terms["running"].pk)
    assert office.end == dt.date(2021, 7, 28)
    assert office.review_state == ReviewState.CORRECTED
    screenshot("leader-offices-after-edit")
