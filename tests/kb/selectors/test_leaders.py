"""A leader's counterparts and timeline, and leaders found by name."""

import datetime as dt

import pytest

from kb.models import Leader
from kb.selectors.leaders import counterparts_of_leader, leader_meetings, named_like

pytestmark = pytest.mark.django_db


def test_leader_met_most_ranking(world):
    ranked = list(counterparts_of_leader(world["dubois"]))
    assert [(c.name, c.shared_count) for c in ranked] == [
        ("Jonas Becker", 3),
        ("Kenji Sato", 1),  # the rejected meeting does not count
        ("Mark Dalton", 1),
    ]
    assert ranked[0].last_met == dt.date(2022, 1, 10)


def test_a_leaders_meetings_are_oldest_first_and_leave_out_rejected_ones(world):
    places = [m.place for m in leader_meetings(world["sato"].pk)]
    assert places == ["", "Kanazawa"]


def test_names_match_whole_words_and_aliases(world):
    found = set(Leader.objects.filter(pk__in=named_like("sato")))
    assert found == {world["sato"]}
    assert set(Leader.objects.filter(pk__in=named_like("claire dubois"))) == {world["dubois"]}
    assert not Leader.objects.filter(pk__in=named_like("at"))
