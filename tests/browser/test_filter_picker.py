"""The meetings filter's leader picker in Chromium (issue 14): a reader, not logged in,
types part of a name, chooses a suggestion with the keyboard, applies, and sees only
that leader's meetings with ``leader=<id>`` in the address; without JavaScript the same
box takes a name."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people():
    kenya = CountryFactory(code="KE", name="Kenya")
    chile = CountryFactory(code="CL", name="Chile")
    chosen = LeaderFactory(name="Wanjiru Kamau", title="President", country=kenya)
    other = LeaderFactory(name="Valentina Rojas", title="President", country=chile)
    for n in range(25):  # more than a page of suggestions, each with a meeting
        someone = LeaderFactory(name=f"Walter Person{n:02d}", country=kenya)
        MeetingFactory(participants=[someone], date=dt.date(2024, 1, 1 + n), place=f"Town {n}")
    mine = MeetingFactory(participants=[chosen, other], date=dt.date(2025, 5, 6), place="Mombasa")
    theirs = MeetingFactory(participants=[other], date=dt.date(2025, 6, 1), place="Valparaiso")
    return {"chosen": chosen, "mine": mine, "theirs": theirs}


def test_a_reader_picks_a_leader_in_the_meetings_filter(page, people, screenshot):
    chosen = people["chosen"]
    page.goto("/meetings/")
    assert page.locator("select[name=leader]").count() == 0
    box = page.get_by_role("combobox", name="Leader")
    box.press_sequentially("wa", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(20)  # bounded
    box.press_sequentially("nj", delay=40)
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    option = listbox.get_by_role("option").first
    expect(option).to_have_attribute("aria-selected", "true")
    expect(option).to_contain_text("Wanjiru Kamau (Kenya)")
    screenshot("filter-leader-suggestions")
    box.press("Enter")
    expect(box).to_have_value("Wanjiru Kamau (Kenya)")
    expect(box).to_have_attribute("aria-expanded", "false")

    page.locator("form.filters").get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(rf"/meetings/\?(.*&)?leader={chosen.pk}(&|$)"))
    table = page.locator("main table")
    expect(table.locator(f"a[href='/meetings/{people['mine'].pk}/']").first).to_be_visible()
    assert table.locator(f"a[href='/meetings/{people['theirs'].pk}/']").count() == 0
    assert "Town 3" not in table.inner_text()
    # The filtered page shows the chosen leader in the box, ready to change.
    expect(page.get_by_role("combobox", name="Leader")).to_have_value("Wanjiru Kamau (Kenya)")
    screenshot("filter-leader-applied")


def test_without_javascript_the_leader_box_takes_a_name(browser, live_server, people):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/meetings/")
    box = page.get_by_label("Leader", exact=True)
    assert box.evaluate("e => e.tagName + ' ' + e.type") == "INPUT text"
    box.fill("wanjiru kamau")
    page.locator("form.filters").get_by_role("button", name="Apply").click()
    page.wait_for_load_state()
    table = page.locator("main table")
    assert table.locator(f"a[href='/meetings/{people['mine'].pk}/']").count() >= 1
    assert table.locator(f"a[href='/meetings/{people['theirs'].pk}/']").count() == 0
    chosen = people["chosen"]
    expect(page.get_by_label("Leader", exact=True)).to_have_value(
        f"Wanjiru Kamau (Kenya) #{chosen.pk}"
    )
    context.close()
