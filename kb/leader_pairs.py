"""The network's links (``kb.models.network.LeaderPair``), kept equal to pairing the
participants of every meeting not rejected.

Before a write changes a meeting's participants or review state, or deletes it (or a
leader, whose participations go with it), the meeting's row is locked and what it
counted is noted: its pairs if it was not rejected, and each of its participants once
(a meeting with anyone) if it had two or more. When the enclosing
``kb.counters.deferred`` block ends (every service that writes meetings runs in one),
or at once outside one, the same is read again and only the difference is added to the
pairs, in the same transaction: a few small queries per meeting, whatever the size of
the database (counting a pair of busy leaders again read some 10,000 participations,
0.3-0.5 s at 100,000 meetings).

Two transactions that change one meeting take its lock in turn, so the later one notes
what the earlier committed; changes to one pair from different meetings are additions
to its row, which the database applies one after the other. A pair never drops below
zero. Writers that bypass signals (``bulk_create``) call :func:`rebuild`, as ``manage.py
recount`` does; ``recount --check`` compares every pair with a count of the tables.
"""

from __future__ import annotations

import contextvars
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from itertools import combinations

from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

REJECTED = "rejected"

#: What each meeting touched in the current block counted before it was touched:
#: {meeting id: (not rejected, participants)}.
_pending: contextvars.ContextVar = contextvars.ContextVar("kb_pairs_pending", default=None)
#: The same outside a block, between a write's pre- and post-signal.
_loose: contextvars.ContextVar = contextvars.ContextVar("kb_pairs_loose", default=None)
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


# ---- when to count ----------------------------------------------------------------------------


def _states(ids: list[int]) -> dict[int, tuple[bool, frozenset[int]]]:
    """What each meeting counts now (a deleted one: nothing), its row locked first when
    in a transaction (without blocking the inserts of its participants)."""
    Meeting, Participation, _ = _models()
    rows = Meeting.objects.filter(pk__in=ids).order_by("pk")
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update(no_key=True)
    shown = {pk: state != REJECTED for pk, state in rows.values_list("pk", "review_state")}
    people: dict[int, set[int]] = {pk: set() for pk in ids}
    for meeting, leader in Participation.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id", "leader_id"
    ):
        people[meeting].add(leader)
    return {pk: (shown.get(pk, False), frozenset(people[pk])) for pk in ids}


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


def _flush(before: dict[int, tuple[bool, frozenset[int]]]) -> None:
    """Add to the pairs what the meetings count now less what they counted before."""
    if not before:
        return
    with transaction.atomic():
        changes = Counter()
        for pk, now in _states(sorted(before)).items():
            changes.update(_counted(*now))
            changes.subtract(_counted(*before[pk]))
        _add(changes)


def _before(meetings: Iterable[int]) -> None:
    """These meetings are about to change: note what they count (in a block, unless the
    block has already; outside one, afresh for this write, whatever a write that failed
    between its signals left)."""
    if _suspended.get():
        return
    meetings = set(meetings)
    noted = _pending.get()
    if noted is None:
        noted = _loose.get()
        if noted is None:
            noted = {}
            _loose.set(noted)
    else:
        meetings -= noted.keys()
    if meetings:
        noted.update(_states(sorted(meetings)))


def _after(meetings: Iterable[int]) -> None:
    """These meetings have changed: count them at the end of the block, or now."""
    if _suspended.get() or _pending.get() is not None:
        return
    loose = _loose.get() or {}
    _flush({pk: loose.pop(pk) for pk in set(meetings) if pk in loose})


@contextmanager
def deferred():
    """Count the meetings changed inside the block once, when it ends without an error
    (``kb.counters.deferred`` opens this one too). Nested blocks join the outermost."""
    if _pending.get() is not None or _suspended.get():
        yield
        return
    pending: dict[int, tuple[bool, frozenset[int]]] = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    _flush(pending)


@contextmanager
def suspended():
    """No counting inside the block: for bulk writers that call :func:`rebuild` after."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def _meetings_of(leader_pk) -> list[int]:
    _, Participation, _ = _models()
    return list(
        Participation.objects.filter(leader_id=leader_pk).values_list("meeting_id", flat=True)
    )


def _meeting_saving(sender, instance, raw=False, **kwargs) -> None:
    # A new meeting has no participants yet: its pairs come with them.
    if instance.pk is not None:
        _before([instance.pk])


def _meeting_saved(sender, instance, created, raw=False, **kwargs) -> None:
    _after([instance.pk])


def _meeting_deleting(sender, instance, **kwargs) -> None:
    _before([instance.pk])


def _meeting_deleted(sender, instance, **kwargs) -> None:
    _after([instance.pk])


def _participants_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """From a meeting (``reverse`` False) ``pk_set`` holds leaders; from a leader,
    meetings."""
    if _suspended.get():
        return
    if action == "pre_clear" and reverse:
        instance._pairs_cleared = meetings = _meetings_of(instance.pk)
    elif action == "post_clear" and reverse:
        meetings, instance._pairs_cleared = getattr(instance, "_pairs_cleared", []), []
    else:
        meetings = pk_set if reverse else [instance.pk]
    if meetings and action.startswith("pre_"):
        _before(meetings)
    elif meetings:
        _after(meetings)


def _leader_deleting(sender, instance, **kwargs) -> None:
    # Its participations go with it, without a signal of their own.
    if not _suspended.get():
        instance._pairs_meetings = _meetings_of(instance.pk)
        _before(instance._pairs_meetings)


def _leader_deleted(sender, instance, **kwargs) -> None:
    _after(getattr(instance, "_pairs_meetings", []))


def connect() -> None:
    """Called once by the app config."""
    from kb.models import Leader, Meeting

    uid = "kb-leader-pairs-"
    pre_save.connect(_meeting_saving, sender=Meeting, dispatch_uid=uid + "meeting-pre")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid=uid + "meeting-post")
    pre_delete.connect(_meeting_deleting, sender=Meeting, dispatch_uid=uid + "meeting-pre-del")
    post_delete.connect(_meeting_deleted, sender=Meeting, dispatch_uid=uid + "meeting-del")
    m2m_changed.connect(
        _participants_changed, sender=Meeting.participants.through, dispatch_uid=uid + "m2m"
    )
    pre_delete.connect(_leader_deleting, sender=Leader, dispatch_uid=uid + "leader-pre-del")
    post_delete.connect(_leader_deleted, sender=Leader, dispatch_uid=uid + "leader-del")
