"""The network's links (``kb.models.network.LeaderPair``), kept equal to pairing the
participants of every meeting not rejected.

A meeting counts its pairs if it is not rejected, and each of its participants once (a
meeting with anyone) if it had two or more. Its footprint (whether it counts, its
participants and their countries) is read by ``kb.counters`` for every count kept from
meetings: before a write changes a meeting's participants or review state, or deletes
it (or a leader, whose participations go with it), the meeting's row is locked and its
footprint noted; when the enclosing ``kb.counters.deferred`` block ends (every service
that writes meetings runs in one), or at once outside one, it is read again and
:func:`meetings_changed` adds only the difference to the pairs, in the same transaction,
before the counters take theirs: one lock and two small reads per meeting for both,
whatever the size of the database (counting a pair of busy leaders again read some
10,000 participations, 0.3-0.5 s at 100,000 meetings).

Two transactions that change one meeting take its lock in turn, so the later one notes
what the earlier committed; changes to one pair from different meetings are additions
to its row, which the database applies one after the other. A pair never drops below
zero. Writers that bypass signals (``bulk_create``) call :func:`rebuild`, as ``manage.py
recount`` does; ``recount --check`` compares every pair with a count of the tables.
"""

from __future__ import annotations

import contextvars
from collections import Counter
from collections.abc import Mapping
from contextlib import contextmanager
from itertools import combinations
from typing import TYPE_CHECKING

from django.db import connection, transaction

if TYPE_CHECKING:
    from kb.counters.writing import Footprint

REJECTED = "rejected"

_suspended: contextvars.ContextVar = contextvars.ContextVar("kb_pairs_off", default=False)


# ---- counting ---------------------------------------------------------------------------------


def _models(apps=None):
    if apps is None:
        from django.apps import apps
    meeting = apps.get_model("kb", "Meeting")
    return meeting, meeting.participants.through, apps.get_model("kb", "LeaderPair")


def _counting_sql(apps=None) -> str:
    """SQL for (leader_a, leader_b, meetings) rows: every pair of leaders who met, and
    each leader with itself (its meetings with anyone)."""
    Meeting, Participation, _ = _models(apps)
    part = connection.ops.quote_name(Participation._meta.db_table)
    meeting = connection.ops.quote_name(Meeting._meta.db_table)
    return (
        f"SELECT a.leader_id, b.leader_id, COUNT(*) FROM {part} a "
        f"JOIN {part} b ON b.meeting_id = a.meeting_id AND b.leader_id > a.leader_id "
        f"JOIN {meeting} m ON m.id = a.meeting_id WHERE m.review_state <> %s "
        "GROUP BY a.leader_id, b.leader_id "
        "UNION ALL "
        f"SELECT a.leader_id, a.leader_id, COUNT(*) FROM {part} a "
        f"JOIN {meeting} m ON m.id = a.meeting_id WHERE m.review_state <> %s "
        f"AND EXISTS (SELECT 1 FROM {part} b "
        "WHERE b.meeting_id = a.meeting_id AND b.leader_id <> a.leader_id) "
        "GROUP BY a.leader_id"
    )


def count_pairs(*, apps=None) -> dict[tuple[int, int], int]:
    """Meetings together of every pair of leaders, low id first, and each leader's
    meetings with anyone as (leader, leader); counted from the tables."""
    with connection.cursor() as cursor:
        cursor.execute(_counting_sql(apps), [REJECTED, REJECTED])
        return {(a, b): n for a, b, n in cursor.fetchall()}


def rebuild(*, apps=None) -> int:
    """Every pair counted again from the tables (``manage.py recount``, bulk loaders);
    returns the number of rows."""
    _, _, Pair = _models(apps)
    table = connection.ops.quote_name(Pair._meta.db_table)
    sql, params = _counting_sql(apps), [REJECTED, REJECTED]
    postgres = connection.vendor == "postgresql"
    with transaction.atomic(), connection.cursor() as cursor:
        # Not TRUNCATE: it fails in a transaction that wrote pairs (pending FK checks).
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(f"INSERT INTO {table} (leader_a_id, leader_b_id, meetings) {sql}", params)
        if postgres:
            cursor.execute(f"ANALYZE {table}")  # a new table: plans for its real size
    return Pair.objects.count()


def stored() -> dict[tuple[int, int], int]:
    """The pairs as stored, rows at zero left out (as :func:`count_pairs` does)."""
    from kb.models import LeaderPair

    rows = LeaderPair.objects.filter(meetings__gt=0)
    return {(a, b): n for a, b, n in rows.values_list("leader_a_id", "leader_b_id", "meetings")}


def differences() -> list[str]:
    """Where the stored pairs differ from counting the tables now, one line each."""
    have, want = stored(), count_pairs()
    return [
        f"leader pair {a}-{b}: stored {have.get((a, b), 0)}, counted {want.get((a, b), 0)}"
        for a, b in sorted(have.keys() | want.keys())
        if have.get((a, b)) != want.get((a, b))
    ]


# ---- what a change of meetings adds -----------------------------------------------------------


def _counted(shown: bool, people: frozenset[int]) -> Counter:
    if not shown or len(people) < 2:
        return Counter()
    counted = Counter(combinations(sorted(people), 2))
    counted.update((leader, leader) for leader in people)
    return counted


def _add(changes: Counter) -> None:
    """Add each pair's change to its row (made if missing, never below zero), in key
    order, leaving out leaders deleted since."""
    from kb.models import Leader

    _, _, Pair = _models()
    changes = {pair: n for pair, n in changes.items() if n}
    if not changes:
        return
    alive = set(
        Leader.objects.filter(pk__in={k for pair in changes for k in pair}).values_list(
            "pk", flat=True
        )
    )
    table = connection.ops.quote_name(Pair._meta.db_table)
    rows = [
        (a, b, max(n, 0), n, n)
        for (a, b), n in sorted(changes.items())
        if a in alive and b in alive
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (leader_a_id, leader_b_id, meetings) VALUES (%s, %s, %s) "
            "ON CONFLICT (leader_a_id, leader_b_id) DO UPDATE SET meetings = CASE "
            f"WHEN {table}.meetings + %s < 0 THEN 0 ELSE {table}.meetings + %s END",
            rows,
        )


def meetings_changed(before: Mapping[int, Footprint], after: Mapping[int, Footprint]) -> None:
    """Add to the pairs what the meetings count now (``after``) less what they counted
    before, both read by ``kb.counters`` (a meeting's footprint: whether it counts and its
    participants); meetings noted while counting was :func:`suspended` are left out."""
    if _suspended.get():
        return
    changes = Counter()
    for pk, was in before.items():
        now = after[pk]
        changes.update(_counted(now.counted, now.leaders))
        changes.subtract(_counted(was.counted, was.leaders))
    _add(changes)


@contextmanager
def deferred():
    """Count the meetings changed inside the block once, when it ends without an error:
    ``kb.counters.deferred``, which counts the pairs with the rest."""
    from kb import counters

    with counters.deferred():
        yield


@contextmanager
def suspended():
    """No counting of pairs inside the block: for bulk writers that call :func:`rebuild`
    after (``kb.counters.suspended`` opens this one too)."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def is_suspended() -> bool:
    return _suspended.get()
