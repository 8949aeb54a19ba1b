"""An analyst browses meetings in a real browser."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import (
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def meeting():
    norway = CountryFactory(code="NO", name="Norway")
    chile = CountryFactory(code="CL", name="Chile")
    host = LeaderFactory(name="Ingrid Solheim", title="Prime Minister", country=norway)
    guest = LeaderFactory(name="Mateo Ibarra", title="President", country=chile)
    meeting = MeetingFactory(
        participants=[host, guest],
        kind="state_visit",
        date=dt.date(2025, 3, 13),
        place="Akershus Fortress",
        host_country=norway,
    )
    text = "Solheim welcomed Ibarra to Oslo on Thursday. They talked about fisheries."
    article = ArticleFactory(title="Chilean president in Oslo", text=text)
    EvidenceFactory(article=article, meeting=meeting, start=0, end=44, sentence=text[:44])
    GiftFactory(giver=host, recipient=guest, item="wool blanket", meeting=meeting)
    return meeting


def test_analyst_opens_a_meeting_from_the_list_and_sees_its_evidence(page, meeting, screenshot):
    page.goto("/meetings/")
    assert page.get_by_role("heading", level=1).inner_text().strip()
    screenshot("meetings-list")
    page.locator(f"a[href='/meetings/{meeting.pk}/']").first.click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    body = page.locator("main").inner_text()
    assert "Ingrid Solheim" in body and "Mateo Ibarra" in body
    assert "wool blanket" in body
    assert page.locator("mark").first.inner_text() == "Solheim welcomed Ibarra to Oslo on Thursday."
    screenshot("meeting-detail")


def test_analyst_filters_meetings_by_kind_and_the_filter_stays_in_the_url(page, meeting):
    other = MeetingFactory(
        participants=list(meeting.participants.all()), kind="call", date=dt.date(2025, 1, 9)
    )
    page.goto("/meetings/")
    page.get_by_label("Kind", exact=True).select_option("call")
    page.locator("form.filters").get_by_role("button", name="Apply").click()
    page.wait_for_url("**/meetings/?*kind=call*")
    rows = page.locator(f"a[href='/meetings/{other.pk}/']")
    assert rows.count() >= 1
    assert page.locator(f"a[href='/meetings/{meeting.pk}/']").count() == 0
    page.reload()
    assert page.get_by_label("Kind", exact=True).input_value() == "call"


@pytest.mark.parametrize(
    "name, url",
    [
        ("home", "/"),
        ("leader", "/leaders/{leader}/"),
        ("country", "/countries/NO/"),
        ("network", "/network/"),
        ("timeline", "/timeline/"),
        ("gifts", "/gifts/"),
    ],
)
def test_main_pages_render_with_one_heading_and_are_captured(page, meeting, screenshot, name, url):
    leader = meeting.participants.first()
    response = page.goto(url.format(leader=leader.pk))
    assert response.status == 200
    assert page.locator("h1").count() == 1
    screenshot(name)
