"""Figures by country for the map, and a leader's travels: grouped in one query each."""

import datetime as dt

import pytest

from kb.models import Meeting, ReviewState
from kb.selectors.maps import attended_counts, hosted_counts, leader_travels
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    fr, de, jp = (
        CountryFactory(code=c, name=n) for c, n in (("XF", "Fr"), ("XG", "De"), ("XJ", "Jp"))
    )
    a, b, c = LeaderFactory(country=fr), LeaderFactory(country=de), LeaderFactory(country=jp)
    a2 = LeaderFactory(country=fr)
    MeetingFactory(participants=[a, b], host_country=fr, date=dt.date(2020, 1, 2))
    MeetingFactory(participants=[a, b, c], host_country=de, date=dt.date(2021, 3, 4))
    MeetingFactory(participants=[a, a2], host_country=fr, date=dt.date(2022, 5, 6))
    MeetingFactory(participants=[b, c], host_country=None)
    MeetingFactory(participants=[a, c], host_country=jp, review_state=ReviewState.REJECTED)
    return {"a": a, "b": b, "c": c}


def test_hosted_counts_group_meetings_by_host(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = hosted_counts(Meeting.objects.visible())
    assert counts == {"XF": 2, "XG": 1}


def test_attended_counts_count_a_meeting_once_per_country(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = attended_counts(Meeting.objects.visible())
    # The meeting of two French leaders counts once for France.
    assert counts == {"XF": 3, "XG": 3, "XJ": 2}


def test_a_filtered_selection_is_counted_alone(world):
    counts = hosted_counts(Meeting.objects.visible().filter(date__year=2020))
    assert counts == {"XF": 1}


def test_leader_travels_by_host_with_first_and_last_dates(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        trips = leader_travels(world["a"])
    assert [(t.code, t.meetings, t.first, t.last) for t in trips] == [
        ("XF", 2, dt.date(2020, 1, 2), dt.date(2022, 5, 6)),
        ("XG", 1, dt.date(2021, 3, 4), dt.date(2021, 3, 4)),
    ]  # the rejected meeting in Japan is not a trip
