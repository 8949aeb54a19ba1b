"""Reading is open unless SUMMITRY_ANONYMOUS_READ is off; then every page needs login."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CountryFactory,
    LeaderFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@override_settings(SUMMITRY_ANONYMOUS_READ=False)
def test_meeting_list_redirects_anonymous_to_login(client):
    response = client.get(reverse("meeting-list"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('meeting-list')}"


@override_settings(SUMMITRY_ANONYMOUS_READ=False)
def test_every_page_needs_login_when_anonymous_read_is_off(client):
    leader = LeaderFactory()
    meeting = MeetingFactory(participants=[leader])
    article = ArticleFactory()
    country = CountryFactory(code="DE", name="Germany")
    urls = [
        reverse("home"),
        reverse("meeting-list"),
        meeting.get_absolute_url(),
        reverse("leader-list"),
        leader.get_absolute_url(),
        reverse("country-list"),
        country.get_absolute_url(),
        reverse("gift-list"),
        reverse("agreement-list"),
        reverse("article-list"),
        article.get_absolute_url(),
        reverse("article-status", args=[article.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    client.force_login(UserFactory(username="plain-reader"))
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_anonymous_can_read_by_default(client):
    assert client.get(reverse("meeting-list")).status_code == 200


@override_settings(SUMMITRY_ANONYMOUS_READ=False)
def test_login_page_stays_open(client):
    assert client.get(reverse("login")).status_code == 200
