"""A search counts its matches up to a cap (``api.pagination.SEARCH_COUNT_CAP``): past it
the answer says "at least this many" (``count_exact`` false), and ``next`` still leads
through every match; below it the count is exact."""

import pytest

from api import pagination
from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_in_bergen(monkeypatch):
    monkeypatch.setattr(pagination, "SEARCH_COUNT_CAP", 2)
    a, b = LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[a, b], place="Tromsø harbour")
    return [MeetingFactory(participants=[a, b], place=f"Bergen quay {n}").pk for n in range(5)]


def test_past_the_cap_the_count_is_a_lower_bound_and_next_reaches_every_match(
    client, five_in_bergen
):
    url, seen, pages = "/api/meetings/?search=Bergen&page_size=2", [], []
    while url:
        body = client.get(url).json()
        assert (body["count"], body["count_exact"]) == (2, False)
        pages.append(len(body["results"]))
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert pages == [2, 2, 1]
    assert sorted(seen) == sorted(five_in_bergen)
    assert client.get("/api/meetings/?search=Bergen&page_size=2&page=4").status_code == 404
    previous = client.get("/api/meetings/?search=Bergen&page_size=2&page=3").json()["previous"]
    assert "page=2" in previous


def test_up_to_the_cap_a_search_and_every_other_list_count_exactly(client, five_in_bergen):
    body = client.get("/api/meetings/?search=Troms%C3%B8").json()
    assert (body["count"], body["count_exact"]) == (1, True)
    body = client.get("/api/meetings/?page_size=2").json()
    assert (body["count"], body["count_exact"]) == (6, True)
    assert body["next"]
