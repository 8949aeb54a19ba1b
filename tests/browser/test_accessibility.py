"""Labels, heading order, and reading without JavaScript, checked in the browser."""

from __future__ import annotations

import pytest

from tests.browser.test_analyst import meeting  # noqa: F401 - fixture
from tests.factories import editor

pytestmark = pytest.mark.django_db(transaction=True)

AUDIT = """() => {
  const problems = [];
  for (const field of document.querySelectorAll('input, select, textarea')) {
    const type = (field.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset'].includes(type)) continue;
    const named = field.labels.length > 0 || field.getAttribute('aria-label')
      || field.getAttribute('aria-labelledby');
    if (!named) problems.push('unlabelled ' + field.outerHTML.slice(0, 80));
  }
  let previous = 0;
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Number(heading.tagName[1]);
    if (previous && level > previous + 1) {
      problems.push('heading jumps to ' + heading.outerHTML.slice(0, 80));
    }
    if (!previous && level !== 1) problems.push('first heading is not h1');
    previous = level;
  }
  return problems;
}"""

PAGES = [
    "/",
    "/meetings/",
    "/meetings/{meeting}/",
    "/leaders/",
    "/leaders/{leader}/",
    "/countries/",
    "/countries/NO/",
    "/gifts/",
    "/agreements/",
    "/articles/",
    "/network/",
    "/timeline/",
    "/map/",
    "/map/?shade=attended",
    "/charts/",
    "/accounts/login/",
]


def test_pages_have_labelled_fields_and_ordered_headings(page, meeting):  # noqa: F811
    leader = meeting.participants.first()
    for url in PAGES:
        page.goto(url.format(meeting=meeting.pk, leader=leader.pk))
        assert page.evaluate(AUDIT) == [], url


def test_editor_pages_have_labelled_fields_and_ordered_headings(page, meeting):  # noqa: F811
    editor("audit-editor")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("audit-editor")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    editor_pages = ("/upload/", "/review/", "/feeds/", f"/meetings/{meeting.pk}/edit/")
    for url in (*editor_pages, f"/meetings/{meeting.pk}/"):
        page.goto(url)
        assert page.evaluate(AUDIT) == [], url


def test_reading_works_without_javascript(browser, live_server, meeting):  # noqa: F811
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/meetings/")
    page.locator(f"a[href='/meetings/{meeting.pk}/']").first.click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    assert "Mateo Ibarra" in page.locator("main").inner_text()
    assert page.locator("mark").count() == 1
    context.close()
