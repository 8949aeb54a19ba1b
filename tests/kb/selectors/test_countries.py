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


def test_counterparts_count_each_shared_meeting_once_and_skip_rejected_ones(countries):
    import datetime as dt

    from kb.models import Country, ReviewState
    from tests.factories import LeaderFactory, MeetingFactory

    fr, de, it = (Country.objects.get(code=c) for c in ("FR", "DE", "IT"))
    french, german, german2, italian = (LeaderFactory(country=c) for c in (fr, de, de, it))
    # Two German leaders at one meeting: one meeting shared with Germany, not two.
    MeetingFactory(participants=[french, german, german2], date=dt.date(2024, 3, 1))
    MeetingFactory(participants=[french, german], date=dt.date(2025, 5, 2))
    MeetingFactory(participants=[french, italian], date=dt.date(2023, 1, 1))
    MeetingFactory(
        participants=[french, italian], date=dt.date(2025, 9, 9), review_state=ReviewState.REJECTED
    )
    MeetingFactory(participants=[german, italian])  # France not there

    ranked = counterpart_countries(fr)
    assert [(c.code, c.shared_count, c.last_met) for c in ranked] == [
        ("DE", 2, dt.date(2025, 5, 2)),
        ("IT", 1, dt.date(2023, 1, 1)),
    ]
    assert [c.code for c in counterpart_countries(fr, limit=1)] == ["DE"]
    # Ties by name: France before Germany.
    assert [(c.code, c.shared_count) for c in counterpart_countries(it)] == [("FR", 1), ("DE", 1)]
