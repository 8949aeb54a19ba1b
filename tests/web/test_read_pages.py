"""Every reading page renders with what it should show."""

import datetime as dt

import pytest
from django.urls import reverse

from kb.models import ArticleStatus, ReviewState
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db


def get(client, url_name, *args, **query):
    response = client.get(reverse(url_name, args=args), query)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_home_shows_counts_and_recent_meetings(client, world):
    html = get(client, "home")
    assert "Recent meetings" in html
    assert "Claire Dubois" in html
    assert "Leaders meet in Kanazawa" in html
    assert 'href="/static/css/app.css"' in html
    assert '<a class="skip-link" href="#main">' in html


def test_meeting_list_shows_rows_and_hides_rejected(client, world):
    MeetingFactory(
        participants=[world["dubois"]], place="Rejected Palace", review_state=ReviewState.REJECTED
    )
    html = get(client, "meeting-list")
    assert "State visit" in html
    assert "Kenji Sato" in html
    assert "Kanazawa" in html
    assert "Japan" in html
    assert "17 Oct 2023" in html
    assert "Rejected Palace" not in html
    assert '<td class="num">1</td>' in html  # one source article


def test_meeting_list_is_newest_first_and_paginated(client, db):
    leader = LeaderFactory()
    for day in range(1, 56):
        MeetingFactory(
            participants=[leader],
            date=dt.date(2020, 1, 1) + dt.timedelta(days=day),
            place=f"Place {day:02d}",
        )
    html = get(client, "meeting-list")
    assert html.index("Place 55") < html.index("Place 54")
    assert "Place 05" not in html
    assert "Page 1 of 2" in html
    assert "Place 05" in get(client, "meeting-list", page=2)


def test_meeting_detail(client, world):
    html = get(client, "meeting-detail", world["meeting"].pk)
    for text in (
        "Claire Dubois",
        "Kenji Sato",
        "Kanazawa",
        "Japan",
        "trade",
        "security",
        "lacquered fountain pen",
        "Roadmap on hydrogen cooperation",
        "Extracted",
        "80% confidence",
        "Leaders meet in Kanazawa",
    ):
        assert text in html, text
    assert f'href="{world["dubois"].get_absolute_url()}"' in html
    assert f'href="{world["gift"].get_absolute_url()}"' in html
    assert "<mark>" in html


def test_leader_list_and_detail(client, world):
    html = get(client, "leader-list")
    assert "Claire Dubois" in html and "Kenji Sato" in html
    html = get(client, "leader-detail", world["sato"].pk)
    for text in (
        "Kenji Sato",
        "Prime Minister",
        "Japan",
        "State visit",
        "lacquered fountain pen",
        "Gifts given",
        "Roadmap on hydrogen cooperation",
    ):
        assert text in html, text
    html = get(client, "leader-detail", world["dubois"].pk)
    assert "Dubois" in html and "Gifts received" in html


def test_merged_leader_redirects_to_survivor(client, world):
    old = LeaderFactory(name="C. Dubois", merged_into=world["dubois"])
    response = client.get(old.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == world["dubois"].get_absolute_url()


def test_country_list_and_detail(client, world):
    CountryFactory(code="ZZ", name="Aaquietland")
    html = get(client, "country-list")
    assert "France" in html and "Japan" in html
    assert "Aaquietland" not in html
    assert "Aaquietland" in get(client, "country-list", all="1")
    html = get(client, "country-detail", "jp")
    assert "Kenji Sato" in html and "Meetings hosted" in html and "Kanazawa" in html
    html = get(client, "country-detail", "FR")
    assert "Claire Dubois" in html
    assert "Meetings abroad" in html and "State visit" in html


def test_unknown_country_is_404(client, db):
    assert client.get(reverse("country-detail", args=["QQ"])).status_code == 404


def test_gift_pages(client, world):
    assert "lacquered fountain pen" in get(client, "gift-list")
    html = get(client, "gift-detail", world["gift"].pk)
    assert "Kenji Sato" in html and "Claire Dubois" in html
    assert "Leaders meet in Kanazawa" in html


def test_agreement_pages(client, world):
    assert "Roadmap on hydrogen cooperation" in get(client, "agreement-list")
    html = get(client, "agreement-detail", world["agreement"].pk)
    assert "Memorandum of understanding" in html and "Signed" in html
    assert "France" in html and "Kenji Sato" in html


def test_article_list_and_detail(client, world):
    assert "Leaders meet in Kanazawa" in get(client, "article-list")
    html = get(client, "article-detail", world["article"].pk)
    for text in (
        "Leaders meet in Kanazawa",
        "test.txt",
        "18 Oct 2023",
        "Done",
        "1.2.0",
        "Facts found",
        "lacquered fountain pen",
        "Roadmap on hydrogen cooperation",
    ):
        assert text in html, text
    assert world["meeting"].get_absolute_url() in html
    assert "data-poll-url" not in html  # finished: no polling


def test_failed_article_shows_error(client, db):
    article = ArticleFactory(
        status=ArticleStatus.FAILED, error="ValueError: model missing\n\nTraceback"
    )
    html = get(client, "article-detail", article.pk)
    assert "Failed" in html and "ValueError: model missing" in html


def test_pending_article_polls_status(client, db):
    article = ArticleFactory(status=ArticleStatus.QUEUED)
    html = get(client, "article-detail", article.pk)
    status_url = reverse("article-status", args=[article.pk])
    assert f'data-poll-url="{status_url}"' in html
    assert "/static/js/poll.js" in html
    assert '<meta http-equiv="refresh"' in html  # no-JS fallback, inside <noscript>

    fragment = get(client, "article-status", article.pk)
    assert "Queued" in fragment and "data-poll-url" in fragment
    assert "<html" not in fragment

    article.status = ArticleStatus.DONE
    article.save()
    fragment = get(client, "article-status", article.pk)
    assert "data-poll-url" not in fragment
    assert f'href="{article.get_absolute_url()}?done=' in fragment and '#facts"' in fragment


def test_static_files_exist():
    from django.contrib.staticfiles import finders

    assert finders.find("css/app.css")
    assert finders.find("js/poll.js")


def test_login_page(client, db):
    html = get(client, "login")
    assert 'name="username"' in html and 'name="password"' in html


def test_a_leaders_gifts_and_agreements_come_a_page_at_a_time(
    client, django_assert_max_num_queries
):
    """Issue 14: the busiest leader's page costs what it shows, not every gift."""
    from tests.factories import GiftFactory, LeaderFactory

    giver, other = LeaderFactory(), LeaderFactory()
    for n in range(60):
        GiftFactory(giver=giver, recipient=other, item=f"vase number {n}")
    url = giver.get_absolute_url()
    html = client.get(url).content.decode()
    assert html.count("vase number") == 25
    assert "Page 1 of 3 (60 in all)" in html
    assert "?given=2" in html
    page3 = client.get(url, {"given": 3, "received": 9}).content.decode()
    assert page3.count("vase number") == 10
    with django_assert_max_num_queries(40):
        client.get(url, {"given": 2})
