"""Editors correct facts in a real browser; anonymous visitors cannot."""

from __future__ import annotations

import datetime as dt

import pytest

from kb.models import Gift, Leader, Meeting, ReviewState
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"


@pytest.fixture
def records():
    peru = CountryFactory(code="PE", name="Peru")
    japan = CountryFactory(code="JP", name="Japan")
    host = LeaderFactory(name="Rosa Quispe Mamani", title="President", country=peru)
    guest = LeaderFactory(name="Kenji Takeda", title="Prime Minister", country=japan)
    alias = LeaderFactory(name="Quispe", title="", country=peru)
    text = "Quispe hosted Takeda in Lima on Monday. Takeda gave Quispe a lacquered box."
    article = ArticleFactory(title="Japanese premier in Lima", text=text)
    meeting = MeetingFactory(
        participants=[host, guest], date=dt.date(2025, 2, 3), place="Lima", host_country=peru
    )
    EvidenceFactory(article=article, meeting=meeting, start=0, end=39, sentence=text[:39])
    wrong = MeetingFactory(participants=[guest, alias], place="Nowhere in particular")
    EvidenceFactory(article=article, meeting=wrong, start=0, end=39, sentence=text[:39])
    # Extracted the wrong way round: the text says Takeda gave it.
    gift = GiftFactory(giver=host, recipient=guest, item="lacquered box", meeting=meeting)
    EvidenceFactory(article=article, gift=gift, start=40, end=len(text), sentence=text[40:])
    return {"host": host, "guest": guest, "alias": alias, "gift": gift, "wrong": wrong}


def log_in(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_editor_corrects_rejects_merges_and_sees_the_history(page, records, screenshot):
    editor("rosa-editor")
    log_in(page, "rosa-editor")
    gift, wrong = records["gift"], records["wrong"]

    page.goto(f"/gifts/{gift.pk}/")
    page.get_by_role("button", name="Swap giver and recipient").click()
    page.wait_for_load_state()
    gift.refresh_from_db()
    assert (gift.giver.name, gift.recipient.name) == ("Kenji Takeda", "Rosa Quispe Mamani")
    assert gift.review_state == ReviewState.CORRECTED
    history = page.locator("section.history").inner_text()
    assert "rosa-editor" in history
    assert "Rosa Quispe Mamani" in history and "Kenji Takeda" in history
    screenshot("gift-history")

    page.goto(f"/meetings/{wrong.pk}/")
    page.get_by_role("button", name="Reject").click()
    page.wait_for_load_state()
    assert Meeting.objects.get(pk=wrong.pk).review_state == ReviewState.REJECTED
    page.goto("/meetings/")
    assert "Nowhere in particular" not in page.locator("main").inner_text()

    host, alias = records["host"], records["alias"]
    page.goto(f"/leaders/{host.pk}/merge/?q=Quispe")
    page.locator(f"input[name=merge][value='{alias.pk}']").check()
    page.get_by_role("button", name="Merge the chosen record into this one…").click()
    page.wait_for_load_state()
    # It asks first, saying what will move.
    confirm = page.get_by_role("button", name=f"Yes, merge #{alias.pk} into this leader")
    assert "meetings" in page.locator("#confirm-heading + p + ul").inner_text()
    alias.refresh_from_db()
    assert alias.merged_into_id is None
    confirm.click()
    page.wait_for_load_state()
    alias.refresh_from_db()
    assert alias.merged_into_id == host.pk
    assert Leader.objects.get(pk=host.pk).meetings.filter(pk=wrong.pk).exists()
    page.goto(f"/leaders/{host.pk}/")
    assert "Quispe" in page.locator("main").inner_text()
    screenshot("leader-after-merge")


def test_anonymous_visitor_sees_no_controls_and_cannot_write(page, records):
    gift = records["gift"]
    page.goto(f"/gifts/{gift.pk}/")
    assert page.get_by_role("button", name="Swap giver and recipient").count() == 0
    assert page.get_by_role("button", name="Reject").count() == 0

    # A forged form post from the browser is refused and changes nothing.
    status = page.evaluate(
        """async (url) => (await fetch(url, {method: 'POST', redirect: 'manual'})).status""",
        f"/gifts/{gift.pk}/swap/",
    )
    assert status in (0, 302, 403)  # 0: an opaque redirect to the login page
    page.goto(f"/gifts/{gift.pk}/edit/")
    assert "/accounts/login/" in page.url
    assert Gift.objects.get(pk=gift.pk).giver_id == records["host"].pk
    assert Meeting.objects.filter(review_state=ReviewState.REJECTED).count() == 0
