"""Feeds in pages and in the API (issue 14, point 5): editors list them with their last
run, subscribe, pause, resume, poll and remove; others cannot."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from ingest.models import Feed
from tests.factories import UserFactory, editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(editor("feed-editor"))
    return client


@pytest.fixture
def failing_feed():
    return Feed.objects.create(
        url="https://news.example.org/world.rss",
        title="World desk",
        last_checked_at=timezone.now() - dt.timedelta(minutes=5),
        last_error="The server answered 503 Service Unavailable.",
        failures=2,
    )


def test_editors_see_each_feed_with_its_last_run_and_error(editor_client, failing_feed):
    html = editor_client.get(reverse("feed-list")).content.decode()
    assert "World desk" in html and "https://news.example.org/world.rss" in html
    assert "2 failures in a row: The server answered 503 Service Unavailable." in html
    assert ">failing<" in html


def test_readers_and_visitors_cannot_see_or_change_feeds(client, failing_feed):
    response = client.get(reverse("feed-list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(UserFactory(username="just-a-reader"))
    assert client.get(reverse("feed-list")).status_code == 403
    url = reverse("feed-action", args=[failing_feed.pk, "remove"])
    assert client.post(url).status_code == 403
    assert Feed.objects.filter(pk=failing_feed.pk).exists()


def test_subscribe_from_the_page_and_refuse_a_bad_address(editor_client):
    response = editor_client.post(reverse("feed-list"), {"url": "https://a.example.org/rss"})
    assert response.status_code == 302
    feed = Feed.objects.get()
    assert feed.url == "https://a.example.org/rss" and feed.added_by.username == "feed-editor"
    response = editor_client.post(reverse("feed-list"), {"url": "http://127.0.0.1/admin"})
    assert response.status_code == 400
    assert "internal" in response.content.decode().lower()
    response = editor_client.post(reverse("feed-list"), {"url": "not an address"})
    assert response.status_code == 400
    assert "Give the feed&#x27;s web address" in response.content.decode()
    assert Feed.objects.count() == 1


def test_pause_resume_and_remove(editor_client, failing_feed):
    editor_client.post(reverse("feed-action", args=[failing_feed.pk, "pause"]))
    failing_feed.refresh_from_db()
    assert not failing_feed.active and failing_feed.state == "paused"
    editor_client.post(reverse("feed-action", args=[failing_feed.pk, "resume"]))
    failing_feed.refresh_from_db()
    assert failing_feed.active and failing_feed.failures == 0
    assert failing_feed.next_check_at <= timezone.now()
    editor_client.post(reverse("feed-action", args=[failing_feed.pk, "remove"]))
    assert not Feed.objects.exists()
    assert editor_client.get(reverse("feed-action", args=[1, "poll"])).status_code == 405


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_the_api_lists_feeds_with_their_last_run_for_editors_only(failing_feed):
    body = api(editor("api-feeds")).get("/api/feeds/").json()
    row = body["results"][0] if "results" in body else body[0]
    assert row["url"] == failing_feed.url and row["state"] == "failing"
    assert row["failures"] == 2 and "503" in row["last_error"]
    assert api().get("/api/feeds/").status_code in (401, 403)
    assert api(UserFactory(username="reader-x")).get("/api/feeds/").status_code == 403


def test_the_api_subscribes_pauses_and_unsubscribes():
    client = api(editor("api-feeds-2"))
    response = client.post("/api/feeds/", {"url": "https://b.example.org/atom"}, format="json")
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    bad = client.post("/api/feeds/", {"url": "http://10.1.2.3/feed"}, format="json")
    assert bad.status_code == 400 and "internal address" in bad.json()["errors"]["url"][0]
    response = client.patch(f"/api/feeds/{pk}/", {"active": False}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "paused"
    moved = client.patch(f"/api/feeds/{pk}/", {"url": "https://c.example.org/"}, format="json")
    assert moved.status_code == 400
    assert client.delete(f"/api/feeds/{pk}/").status_code == 204
    assert not Feed.objects.exists()
