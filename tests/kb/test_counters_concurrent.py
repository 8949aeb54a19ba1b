"""Two writers at once never leave a maintained count off (``kb.counters``): each adds
its change with ``n = n + delta`` under a row lock, and a writer of a meeting another
is changing waits for it and starts from what it committed. Real transactions on
PostgreSQL (SQLite has one writer at a time)."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest
from django.db import connection, transaction

from kb import counters
from kb.models import Country, CountryTally, LeaderTally, Meeting
from tests.factories import LeaderFactory

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not ON_POSTGRES, reason="concurrent transactions need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _at_once(*writes, meet_before: bool = False) -> None:
    """Run each write in its own thread and transaction; all of them reach the barrier
    (their rows written, nothing counted yet) before any applies its counts, or with
    ``meet_before``, before any writes (one writer of a meeting waits for the other)."""
    barrier = threading.Barrier(len(writes))
    errors: list[BaseException] = []

    def run(write):
        try:
            with transaction.atomic(), counters.deferred():
                if meet_before:
                    barrier.wait(timeout=20)
                write()
                if not meet_before:
                    barrier.wait(timeout=20)
        except BaseException as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(w,)) for w in writes]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def _country(code: str) -> Country:
    return Country.objects.get_or_create(code=code, defaults={"name": f"Land {code}"})[0]


def test_two_writers_adding_meetings_of_the_same_countries_at_once_both_count():
    fr, no = _country("QF"), _country("QN")
    a, b = LeaderFactory(country=fr), LeaderFactory(country=no)

    def meeting():
        Meeting.objects.create(kind="talks", date=dt.date(2025, 1, 1), host_country=fr)
        Meeting.objects.order_by("-pk").first().participants.add(a, b)

    _at_once(meeting, meeting)
    assert CountryTally.objects.get(country=fr).hosted == 2
    assert LeaderTally.objects.get(leader=a).meetings == 2
    assert counters.differences() == []


def test_two_writers_changing_one_meeting_at_once_leave_it_counted_once():
    fr, no, jp = _country("QF"), _country("QN"), _country("QJ")
    a = LeaderFactory(country=fr)
    b, c = LeaderFactory(country=no), LeaderFactory(country=jp)
    meeting = Meeting.objects.create(kind="talks", date=dt.date(2025, 1, 1), host_country=fr)
    meeting.participants.add(a)

    _at_once(
        lambda: Meeting.objects.get(pk=meeting.pk).participants.add(b),
        lambda: Meeting.objects.get(pk=meeting.pk).participants.add(b, c),
        meet_before=True,
    )
    assert CountryTally.objects.get(country=no).attended == 1
    assert LeaderTally.objects.get(leader=b).meetings == 1
    assert counters.differences() == []
