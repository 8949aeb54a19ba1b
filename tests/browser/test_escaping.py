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
        "/meetings/",
        f"/meetings/{meeting.pk}/",
        f"/leaders/{giver.pk}/",
        f"/gifts/{gift.pk}/",
        f"/articles/{article.pk}/",
        "/network/",
    ):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned === undefined"), url
        assert page.locator("main img[src=x]").count() == 0, url

    page.goto(f"/meetings/{meeting.pk}/")
    assert "<script>" in page.locator("main").inner_text()
    assert dialogs == []


PAYLOADS = [
    "<script>window.__pwned = 10; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 11; alert('img')\">",
    "<svg onload=\"window.__pwned = 12; alert('svg')\"><circle r=9></circle></svg>",
    "<svg><script>window.__pwned = 13; alert('svg-script')</script></svg>",
    "<a href=\"javascript:window.__pwned = 14; alert('href')\">click me</a>",
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "<body onload=\"alert('body')\">",
    "<div style=\"background:url(javascript:alert('css'))\" onmouseover=\"alert('hover')\">x</div>",
    "\"><script>alert('attr-break')</script>",
    "'><img src=x onerror=alert('single')>",
    "</textarea><script>alert('textarea')</script>",
    "</title><script>alert('title')</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('mxss')>",
    "{{ 7*7 }} {% csrf_token %} ${alert('template')}",
]


def test_xss_payloads_in_article_text_and_names_never_run_on_any_page(page):
    """Hostile text from an article (and the names, places and items extracted from it)
    is shown on every page, to an analyst and to an editor, in Chromium: no dialog,
    no script, no javascript: link, and every page carries the CSP header."""
    from kb.models import Article
    from tests.browser.test_editor import log_in
    from tests.factories import AgreementFactory, editor

    joined = " ".join(PAYLOADS)
    country = CountryFactory(code="VU", name="Vanuatu")
    giver = LeaderFactory(name=f"Chief {PAYLOADS[1]}", country=country, title=PAYLOADS[2])
    recipient = LeaderFactory(name=f"Envoy {PAYLOADS[3]}", country=country)
    meeting = MeetingFactory(participants=[giver, recipient], place=PAYLOADS[4])
    text = f"The leaders met. {joined} They exchanged gifts."
    article = ArticleFactory(
        title=f"Summit {PAYLOADS[0]}", text=text, source="javascript:alert('source')"
    )
    failed = ArticleFactory(
        title=PAYLOADS[8],
        text=f"Another. {joined}",
        status="failed",
        error=joined,
        url="https://example.org/<script>alert(1)</script>",
    )
    EvidenceFactory(article=article, meeting=meeting, start=0, end=len(text), sentence=text)
    gift = GiftFactory(giver=giver, recipient=recipient, item=PAYLOADS[5], meeting=meeting)
    agreement = AgreementFactory(summary=PAYLOADS[9], leader_parties=[giver, recipient])
    EvidenceFactory(article=article, agreement=agreement, start=0, end=10, sentence=PAYLOADS[10])
    assert Article.objects.count() == 2

    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = [
        "/",
        "/meetings/",
        f"/meetings/{meeting.pk}/",
        "/network/",
        "/timeline/",
        "/leaders/",
        f"/leaders/{giver.pk}/",
        f"/leaders/{recipient.pk}/",
        "/countries/",
        "/countries/VU/",
        "/gifts/",
        f"/gifts/{gift.pk}/",
        "/agreements/",
        f"/agreements/{agreement.pk}/",
        "/articles/",
        f"/articles/{article.pk}/",
        f"/articles/{failed.pk}/",
        f"/meetings/?q={PAYLOADS[0]}",
        f"/leaders/?q={PAYLOADS[1]}",
        f"/meetings/?place={PAYLOADS[4]}",
    ]
    editor_urls = [
        "/review/",
        "/upload/",
        f"/meetings/{meeting.pk}/edit/",
        f"/gifts/{gift.pk}/edit/",
        f"/agreements/{agreement.pk}/edit/",
        f"/meetings/{meeting.pk}/merge/",
        f"/articles/{article.pk}/add/meeting/",
        "/merges/",
    ]

    def visit(url: str) -> None:
        response = page.goto(url)
        assert response is not None and response.status < 500, url
        csp = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        page.wait_for_load_state("load")
        page.locator("body").hover()  # give on-hover handlers their chance
        assert page.evaluate("window.__pwned === undefined"), url
        assert page.locator("a[href^='javascript:' i], iframe, main img[src=x]").count() == 0, url

    for url in urls:
        visit(url)
    editor("xss-editor")
    log_in(page, "xss-editor")
    for url in urls + editor_urls:
        visit(url)
    page.goto(f"/articles/{article.pk}/")
    assert "<script>" in page.locator("main").inner_text()
    assert dialogs == []
