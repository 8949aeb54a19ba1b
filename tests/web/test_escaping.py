"""Text from articles and extraction is untrusted: it must never reach a page raw."""

import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = (SCRIPT, IMG)
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile():
    giver = LeaderFactory(name=f"Evil {SCRIPT} Leader", other_names=[IMG])
    recipient = LeaderFactory(name=f"Other {IMG} Leader")
    meeting = MeetingFactory(participants=[giver, recipient], place=IMG, topics=[SCRIPT])
    gift = GiftFactory(
        giver=giver, recipient=recipient, item=f"{SCRIPT} vase {IMG}", meeting=meeting
    )
    agreement = AgreementFactory(leader_parties=[giver], meeting=meeting, summary=SCRIPT)
    text = f"Intro {IMG} and {SCRIPT}. The leaders met {SCRIPT} in {IMG} town."
    article = ArticleFactory(title=f"Title {SCRIPT}", text=text, source=IMG)
    start = text.index("The leaders met")
    EvidenceFactory(article=article, meeting=meeting, start=start, end=len(text) - 1)
    EvidenceFactory(article=article, gift=gift)
    EvidenceFactory(article=article, agreement=agreement)
    article.leaders.set([giver, recipient])
    return {
        "giver": giver,
        "recipient": recipient,
        "meeting": meeting,
        "gift": gift,
        "agreement": agreement,
        "article": article,
    }


def assert_escaped(html):
    for payload in PAYLOADS:
        assert payload not in html
    assert any(escaped in html for escaped in ESCAPED)


@pytest.mark.parametrize(
    "url",
    [
        lambda h: reverse("home"),
        lambda h: reverse("meeting-list"),
        lambda h: h["meeting"].get_absolute_url(),
        lambda h: reverse("leader-list"),
        lambda h: h["giver"].get_absolute_url(),
        lambda h: h["recipient"].get_absolute_url(),
        lambda h: reverse("gift-list"),
        lambda h: h["gift"].get_absolute_url(),
        lambda h: reverse("agreement-list"),
        lambda h: h["agreement"].get_absolute_url(),
        lambda h: reverse("article-list"),
        lambda h: h["article"].get_absolute_url(),
    ],
)
def test_pages_escape_hostile_text(client, hostile, url):
    response = client.get(url(hostile))
    assert response.status_code == 200
    assert_escaped(response.content.decode())


def test_meeting_evidence_is_escaped_around_the_mark(client, hostile):
    html = client.get(hostile["meeting"].get_absolute_url()).content.decode()
    assert (
        "<mark>The leaders met &lt;script&gt;alert(1)&lt;/script&gt; in "
        "&lt;img src=x onerror=alert(1)&gt; town</mark>." in html
    )


def test_gift_item_and_names_escaped_on_leader_page(client, hostile):
    html = client.get(hostile["giver"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; vase &lt;img src=x onerror=alert(1)&gt;" in html
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; Leader" in html
