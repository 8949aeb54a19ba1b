"""A country's counterparts and the meetings its leaders attended."""

import pytest

from kb.selectors.countries import counterpart_countries, meetings_of_country

pytestmark = pytest.mark.django_db


def test_country_counterparts_ranked(world):
    ranked = list(counterpart_countries(world["france"]))
    assert [(c.code, c.shared_count) for c in ranked] == [("DE", 3), ("JP", 1), ("US", 1)]
    assert [(c.code, c.shared_count) for c in counterpart_countries(world["japan"])] == [
        ("FR", 1),
        ("US", 1),
    ]


def test_meetings_of_a_country_are_those_its_leaders_attended(world):
    places = {m.place for m in meetings_of_country(world["japan"])}
    assert places == {"Kanazawa", ""}  # the call; the rejected meeting is left out
