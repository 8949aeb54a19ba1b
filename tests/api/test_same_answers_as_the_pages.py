"""The API reads through the selectors the pages use (``kb.selectors``), so the two doors
give the same answers: merged leaders, agreements by country, an article's facts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kb.models import ReviewState
from tests.factories import LeaderFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def page_ids(client, **query) -> list[int]:
    response = client.get(reverse("meeting-list"), query)
    assert response.status_code == 200
    return sorted(meeting.pk for meeting in response.context["meetings"])


def test_a_merged_leaders_id_filters_meetings_by_the_leader_it_went_into(client, world):
    dubois = world["dubois"]
    old = LeaderFactory(name="C. Dubois", merged_into=dubois)

    by_old = ids(client.get("/api/meetings/", {"leader": old.pk}))

    assert by_old == ids(client.get("/api/meetings/", {"leader": dubois.pk}))
    assert world["kanazawa"].pk in by_old and world["call"].pk not in by_old
    assert by_old == page_ids(client, leader=old.pk) == page_ids(client, leader=dubois.pk)


def test_agreements_by_country_include_those_its_leaders_are_parties_to(client, world):
    """The Climate pledge names three leaders and no country: it still binds theirs."""
    pledge, roadmap = world["pledge"], world["roadmap"]

    assert ids(client.get("/api/agreements/", {"country": "us"})) == [pledge.pk]
    assert ids(client.get("/api/agreements/", {"country": "FR"})) == sorted([pledge.pk, roadmap.pk])
    assert ids(client.get("/api/agreements/", {"country": "JP"})) == [roadmap.pk]


def test_an_articles_facts_leave_out_rejected_ones_on_the_page_and_in_the_api(client, world):
    roadmap, article = world["roadmap"], world["article"]
    roadmap.review_state = ReviewState.REJECTED
    roadmap.save()

    detail = client.get(f"/api/articles/{article.pk}/").json()
    assert [m["id"] for m in detail["meetings"]] == [world["kanazawa"].pk]
    assert [g["id"] for g in detail["gifts"]] == [world["pen"].pk]
    assert detail["agreements"] == []
    assert ids(client.get("/api/agreements/", {"article": article.pk})) == []
    html = client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "Roadmap on hydrogen cooperation" not in html
    assert "lacquered fountain pen" in html
