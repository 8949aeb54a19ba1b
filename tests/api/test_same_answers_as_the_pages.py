"""The API reads through the selectors the pages use (``kb.selectors``), so the two doors
give the same answers: merged leaders, agreements by country, an article's facts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kb.models import ReviewState
from kb.services.merges import leader_merge, meeting_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    OfficeFactory,
    editor,
)

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


@pytest.fixture
def merged(world):
    """A duplicate of Dubois with a gift, an agreement, an article and a term of its own,
    merged into Dubois (everything moves to her); and a duplicate of the Kanazawa visit
    with a gift of its own, merged into it."""
    dup = LeaderFactory(name="C. Dubois", country=world["dubois"].country)
    vase = GiftFactory(giver=world["becker"], recipient=dup, item="porcelain vase")
    accord = AgreementFactory(leader_parties=[dup, world["dalton"]], summary="Accord on ports")
    article = ArticleFactory(title="C. Dubois in Berlin")
    article.leaders.set([dup])
    term = OfficeFactory(leader=dup, country=world["dubois"].country)
    leader_merge(keep=world["dubois"], merge=dup, user=editor("merger"))

    visit = MeetingFactory(participants=[world["dubois"], world["sato"]], place="Kanazawa")
    tea = GiftFactory(giver=world["dubois"], recipient=world["sato"], item="tea set", meeting=visit)
    EvidenceFactory(meeting=visit)
    meeting_merge(keep=world["kanazawa"], merge=visit, user=editor("merger"))
    return {
        "dup": dup, "vase": vase, "accord": accord, "article": article, "term": term,
        "visit": visit, "tea": tea,
    }  # fmt: skip


@pytest.mark.parametrize(
    "path, key, moved",
    [
        ("/api/gifts/", "leader", "vase"),
        ("/api/gifts/", "recipient", "vase"),
        ("/api/agreements/", "leader", "accord"),
        ("/api/articles/", "leader", "article"),
        ("/api/offices/", "leader", "term"),
    ],
)
def test_a_merged_leaders_id_gives_the_facts_of_the_leader_it_went_into(
    client, world, merged, path, key, moved
):
    """As the merged leader's page redirects to the survivor's, its id in the API gives the
    survivor's records (its own moved there), not an empty list."""
    by_old = ids(client.get(path, {key: merged["dup"].pk}))

    assert merged[moved].pk in by_old
    assert by_old == ids(client.get(path, {key: world["dubois"].pk}))


def test_a_merged_leaders_id_as_giver_gives_the_gifts_of_the_leader_it_went_into(
    client, world, merged
):
    by_old = ids(client.get("/api/gifts/", {"giver": merged["dup"].pk}))
    assert by_old == ids(client.get("/api/gifts/", {"giver": world["dubois"].pk}))
    assert merged["tea"].pk in by_old


@pytest.mark.parametrize("path", ["/api/gifts/", "/api/agreements/", "/api/evidence/"])
def test_a_merged_meetings_id_gives_the_records_of_the_meeting_it_went_into(
    client, world, merged, path
):
    by_old = ids(client.get(path, {"meeting": merged["visit"].pk}))

    assert by_old and by_old == ids(client.get(path, {"meeting": world["kanazawa"].pk}))


def test_an_id_never_merged_filters_by_itself_only(client, world, merged):
    """Following merges widens nothing else: Sato's gifts are his own."""
    assert ids(client.get("/api/gifts/", {"giver": world["sato"].pk})) == [world["pen"].pk]
