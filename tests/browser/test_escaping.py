"""User content never runs as code: payloads in names, items and article text stay text."""

from __future__ import annotations

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

SCRIPT = "<script>window.__pwned = 1; alert('script')</script>"
IMAGE = "<img src=x onerror=\"window.__pwned = 2; alert('onerror')\">"


def test_script_and_onerror_payloads_render_as_text_and_never_run(page):
    country = CountryFactory(code="FJ", name="Fiji")
    giver = LeaderFactory(name=f"Evil {SCRIPT}", country=country)
    recipient = LeaderFactory(name=f"Victim {IMAGE}", country=country)
    meeting = MeetingFactory(participants=[giver, recipient], place=IMAGE)
    text = f"The leaders met. {SCRIPT} {IMAGE} They exchanged gifts."
    article = ArticleFactory(title=f"Title {IMAGE}", text=text)
    EvidenceFactory(article=article, meeting=meeting, start=0, end=len(text), sentence=text)
    gift = GiftFactory(giver=giver, recipient=recipient, item=SCRIPT, meeting=meeting)

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in (
        "/meetings/", f"/meetings/{meeting.pk}/", f"/leaders/{giver.pk}/",
        f"/gifts/{gift.pk}/", f"/articles/{article.pk}/", "/network/",
    ):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined"), url
        assert page.locator("main img[src=x]").count() == 0, url

    page.goto(f"/meetings/{meeting.pk}/")
    assert "<script>" in page.locator("main").inner_text()
    assert dialogs == []
