"""Undated meetings come after the dated ones, newest or oldest first, on every
database (PostgreSQL sorts NULL first in a descending order unless told otherwise)."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings():
    MeetingFactory(place="Undated Hall", date=None)
    MeetingFactory(place="Early Harbour", date=dt.date(2019, 3, 1))
    MeetingFactory(place="Late Palace", date=dt.date(2024, 6, 1))
    MeetingFactory(place="Second Undated Hall", date=None)


def order(html: str, places=("Late Palace", "Early Harbour", "Undated Hall")) -> list[str]:
    """The places in the order the page first names them (both undated meetings are
    last, so the first undated place named stands for them)."""
    return sorted((p for p in places if p in html), key=html.index)


def test_newest_first_lists_the_undated_last(client, meetings):
    html = client.get(reverse("meeting-list")).content.decode()
    assert order(html) == ["Late Palace", "Early Harbour", "Undated Hall"]


def test_oldest_first_lists_the_undated_last_too(client, meetings):
    html = client.get(reverse("meeting-list"), {"sort": "date"}).content.decode()
    assert order(html) == ["Early Harbour", "Late Palace", "Undated Hall"]


def test_the_home_pages_recent_meetings_are_the_latest_dated(client, meetings):
    html = client.get(reverse("home")).content.decode()
    assert order(html) == ["Late Palace", "Early Harbour", "Undated Hall"]
