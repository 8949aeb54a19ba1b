"""`leader_name` (and the leaders list's `name`) find a leader by full name, alias, or
whole words of the name, whatever the case and accents, on every list that takes it."""

from __future__ import annotations

import pytest

from tests.factories import AgreementFactory, GiftFactory, LeaderFactory, MeetingFactory


@pytest.fixture
def world(db):
    wanjiru = LeaderFactory(name="Grace Wanjiru")
    mensah = LeaderFactory(name="Kofi Mensah")
    other = LeaderFactory(name="Ana Lopes")
    return {
        "meeting": MeetingFactory(participants=[wanjiru, mensah]),
        "other_meeting": MeetingFactory(participants=[other, mensah]),
        "gift": GiftFactory(giver=mensah, recipient=wanjiru),
        "agreement": AgreementFactory(leader_parties=[wanjiru, other]),
        "wanjiru": wanjiru,
    }


def _ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("value", ["Grace Wanjiru", "wanjiru", "WANJIRU", "grace", "Wánjiru"])
def test_meetings_by_any_whole_word_of_the_name(client, world, value):
    assert _ids(client, f"/api/meetings/?leader_name={value}") == {world["meeting"].pk}


@pytest.mark.parametrize("value", ["anjiru", "grace wan", "Grace Wanjiru Smith"])
def test_part_of_a_word_matches_nothing(client, world, value):
    assert _ids(client, f"/api/meetings/?leader_name={value}") == set()


def test_gifts_agreements_and_leaders_take_the_same_words(client, world):
    assert _ids(client, "/api/gifts/?leader_name=wanjiru") == {world["gift"].pk}
    assert _ids(client, "/api/agreements/?leader_name=wanjiru") == {world["agreement"].pk}
    assert _ids(client, "/api/leaders/?name=wanjiru") == {world["wanjiru"].pk}
