"""The review queue's counters follow confirm and reject done in place (issue 15)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_editor import log_in, records  # noqa: F401 - the fixture
from tests.factories import editor

pytestmark = pytest.mark.django_db(transaction=True)


def test_confirm_and_reject_update_the_counts_without_a_reload(page, records):  # noqa: F811
    editor("queue-editor")
    log_in(page, "queue-editor")
    page.goto("/review/")
    total = page.locator("[data-review-total]")
    meetings = page.locator('[data-review-count="meeting"]')
    start_total = int(total.inner_text())
    start_meetings = int(meetings.get_attribute("data-n"))
    assert start_total == 3 and start_meetings == 2  # two meetings and a gift

    first = page.locator("[data-review-item]").first
    kind = first.get_attribute("data-review-kind")
    page.keyboard.press("c")
    expect(page.locator("#review-status")).to_have_text("Confirmed.")
    expect(total).to_have_text(str(start_total - 1))
    counter = page.locator(f'[data-review-count="{kind}"]')
    expect(counter).to_have_text(re.compile(rf"^\d+ {kind}s?$"))

    page.keyboard.press("r")
    expect(page.locator("#review-status")).to_have_text("Rejected.")
    expect(total).to_have_text(str(start_total - 2))
    left = sum(int(c.get_attribute("data-n")) for c in page.locator("[data-review-count]").all())
    assert left == start_total - 2
    page.reload()
    expect(total).to_have_text(str(start_total - 2))  # the server agrees
