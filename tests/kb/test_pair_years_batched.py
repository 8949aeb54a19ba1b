"""A new meeting adds to its pairs by year and kind in one statement per table (not one
per pair), and the rows equal counting them again from the tables."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.counters import pair_years
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_a_new_group_meeting_adds_its_pairs_in_one_statement_per_table():
    people = [LeaderFactory(country=CountryFactory()) for _ in range(5)]
    MeetingFactory(date=dt.date(2021, 3, 1), kind="summit", participants=people[:3])
    with CaptureQueriesContext(connection) as ctx:
        MeetingFactory(date=dt.date(2021, 5, 1), kind="summit", participants=people)
    for table in ("kb_leaderpairyear", "kb_countrypairyear"):
        writes = [q for q in ctx.captured_queries if f'INSERT INTO "{table}"' in q["sql"]]
        # (Django logs an executemany once, as "<n> times: <sql>".)
        assert len(writes) == 1 and " times: " not in writes[0]["sql"][:20], writes
    for what in pair_years.TABLES:
        assert pair_years.stored(what) == pair_years.count(what)
        assert pair_years.stored(what)  # the meetings were counted
