"""The network's links (``kb.models.network.LeaderPair``), kept equal to pairing the
participants of every meeting not rejected.

A write that can change who met whom (a meeting saved into or out of the rejected
state, deleted or given other participants, a leader deleted) notes the meeting and the
leaders it had. The pairs among those leaders and the meeting's participants now are
then counted again from the tables, in the same transaction: at the end of the
enclosing ``kb.counters.deferred`` block (every service that writes meetings runs in
one), or at once outside it. As in :mod:`kb.counters`, the rows are locked before they
are counted, so whichever transaction counts last has waited for the others to commit
and sees their rows. The meetings are locked first (without blocking the inserts of
their participants): two transactions that each add someone to one meeting count it
one after the other, and the later one also pairs the leader the earlier one added.

Counting a pair again reads its two leaders' participations through the (leader,
meeting) index. Writers that bypass signals (``bulk_create``) call :func:`rebuild`, as
``manage.py recount`` does.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

REJECTED = "rejected"

#: Meetings touched in the current block: {meeting id: leaders it had and may no longer have}.
_pending: contextvars.ContextVar = contextvars.ContextVar("kb_pairs_pending", default=None)
_suspended: contextvars.ContextVar = contextvars.ContextVar("kb_pairs_off", default=False)


# ---- counting ---------------------------------------------------------------------------------


def _models(apps=None):
    if apps is None:
        from django.apps import apps
    meeting = apps.get_model("kb", "Meeting")
    return (
        apps.get_model("kb", "Leader"),
        meeting,
        meeting.participants.through,
        apps.get_model("kb", "LeaderPair"),
    )


def _counting_sql(leaders: list[int] | None, apps=None) -> tuple[str, list]:
    """SQL for (leader_a, leader_b, meetings) rows: the pairs of leaders who met, and
    each leader with itself, among ``leaders`` (everyone when None)."""
    _, Meeting, Participation, _ = _models(apps)
    part = connection.ops.quote_name(Participation._meta.db_table)
    meeting = connection.ops.quote_name(Meeting._meta.db_table)
    among_a = among_b = ""
    params_a: list = []
    if leaders is not None:
        marks = ", ".join(["%s"] * len(leaders))
        among_a, among_b = f"AND a.leader_id IN ({marks})", f"AND b.leader_id IN ({marks})"
        params_a = list(leaders)
    sql = (
        f"SELECT a.leader_id, b.leader_id, COUNT(*) FROM {part} a "
        f"JOIN {part} b ON b.meeting_id = a.meeting_id AND b.leader_id > a.leader_id "
        f"JOIN {meeting} m ON m.id = a.meeting_id "
        f"WHERE m.review_state <> %s {among_a} {among_b} "
        "GROUP BY a.leader_id, b.leader_id "
        "UNION ALL "
        # A leader's meetings with anyone else (whoever it is, in ``leaders`` or not).
        f"SELECT a.leader_id, a.leader_id, COUNT(*) FROM {part} a "
        f"JOIN {meeting} m ON m.id = a.meeting_id "
        f"WHERE m.review_state <> %s {among_a} AND EXISTS (SELECT 1 FROM {part} b "
        "WHERE b.meeting_id = a.meeting_id AND b.leader_id <> a.leader_id) "
        "GROUP BY a.leader_id"
    )
    return sql, [REJECTED, *params_a, *params_a, REJECTED, *params_a]


def count_pairs(leaders: Iterable[int] | None = None, *, apps=None) -> dict[tuple[int, int], int]:
    """Meetings together of each pair among ``leaders`` (everyone when None), low id
    first, and each leader's meetings with anyone as (leader, leader); counted from the
    tables. Pairs that never met are left out."""
    sql, params = _counting_sql(None if leaders is None else sorted(set(leaders)), apps)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(a, b): n for a, b, n in cursor.fetchall()}


def _pairs_within(groups: list[set[int]]) -> set[tuple[int, int]]:
    return {(a, b) for group in groups for a in group for b in group if a <= b}


def _lock(Pair, wanted: set[tuple[int, int]]) -> list:
    """The rows of ``wanted``, created if missing, locked in key order."""
    Pair.objects.bulk_create(
        [Pair(leader_a_id=a, leader_b_id=b) for a, b in sorted(wanted)],
        ignore_conflicts=True,
        batch_size=500,
    )
    partners: dict[int, list[int]] = {}
    for a, b in sorted(wanted):
        partners.setdefault(a, []).append(b)
    which = Q()
    for a, bs in partners.items():
        which |= Q(leader_a_id=a, leader_b_id__in=bs)
    return list(Pair.objects.select_for_update().filter(which).order_by("leader_a", "leader_b"))


def recount(groups: Iterable[Iterable[int]], *, apps=None) -> None:
    """Count again the pairs within each group of leaders, and each one's meetings with
    anyone (in the caller's transaction: rows locked first, then counted)."""
    Leader, _, _, Pair = _models(apps)
    groups = [set(group) for group in groups]
    everyone = set().union(*groups)
    # A deleted leader's rows went with it; there is nothing to keep.
    alive = set(Leader.objects.filter(pk__in=sorted(everyone)).values_list("pk", flat=True))
    wanted = _pairs_within([group & alive for group in groups])
    if not wanted:
        return
    with transaction.atomic():
        rows = _lock(Pair, wanted)
        counted = count_pairs({k for pair in wanted for k in pair}, apps=apps)
        changed = []
        for row in rows:
            n = counted.get((row.leader_a_id, row.leader_b_id), 0)
            if row.meetings != n:
                row.meetings = n
                changed.append(row)
        if changed:
            Pair.objects.bulk_update(changed, ["meetings"], batch_size=500)


def rebuild(*, apps=None) -> int:
    """Every pair counted again from the tables (``manage.py recount``, bulk loaders);
    returns the number of rows."""
    _, _, _, Pair = _models(apps)
    table = connection.ops.quote_name(Pair._meta.db_table)
    sql, params = _counting_sql(None, apps)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")
        cursor.execute(f"INSERT INTO {table} (leader_a_id, leader_b_id, meetings) {sql}", params)
        if connection.vendor == "postgresql":
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


def _flush(touched: dict[int, set[int]]) -> None:
    """Count the pairs of the touched meetings: the leaders they had and have now."""
    if not touched:
        return
    _, Meeting, Participation, _ = _models()
    ids = sorted(touched)
    with transaction.atomic():
        # A deleted meeting is not found and only its former participants count.
        list(
            Meeting.objects.select_for_update(no_key=True)
            .filter(pk__in=ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        now = Participation.objects.filter(meeting_id__in=ids).values_list(
            "meeting_id", "leader_id"
        )
        for meeting, leader in now:
            touched[meeting].add(leader)
        recount(touched.values())


def touch(meetings: Iterable[int], *, had: Iterable[int] = ()) -> None:
    """These meetings' pairs may have changed (``had``: leaders they may no longer
    have): count them now, or at the end of the enclosing :func:`deferred` block."""
    if _suspended.get():
        return
    had = set(had)
    pending = _pending.get()
    target = pending if pending is not None else {}
    for pk in meetings:
        target.setdefault(pk, set()).update(had)
    if pending is None:
        _flush(target)


@contextmanager
def deferred():
    """Count the meetings touched inside the block once, when it ends without an error
    (``kb.counters.deferred`` opens this one too). Nested blocks join the outermost."""
    if _pending.get() is not None or _suspended.get():
        yield
        return
    pending: dict[int, set[int]] = {}
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


def _participants(meeting_pk) -> set[int]:
    _, _, Participation, _ = _models()
    return set(
        Participation.objects.filter(meeting_id=meeting_pk).values_list("leader_id", flat=True)
    )


def _meetings_of(leader_pk) -> set[int]:
    _, _, Participation, _ = _models()
    return set(
        Participation.objects.filter(leader_id=leader_pk).values_list("meeting_id", flat=True)
    )


def _meeting_before(sender, instance, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = None
    if instance.pk is not None:
        before = (
            type(instance).objects.filter(pk=instance.pk).values_list("review_state", flat=True)
        )
        before = before.first()
    instance._pairs_before = before


def _meeting_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = getattr(instance, "_pairs_before", None)
    instance._pairs_before = None
    # A new meeting has no participants yet: its pairs come with them.
    if before is not None and (before == REJECTED) != (instance.review_state == REJECTED):
        touch([instance.pk])


def _meeting_deleting(sender, instance, **kwargs) -> None:
    if not _suspended.get():
        instance._pairs_had = _participants(instance.pk)


def _meeting_deleted(sender, instance, **kwargs) -> None:
    had = getattr(instance, "_pairs_had", None)
    if had:
        touch([instance.pk], had=had)


def _participants_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """From a meeting (``reverse`` False) ``pk_set`` holds leaders; from a leader,
    meetings."""
    if _suspended.get():
        return
    if action == "pre_clear":
        instance._pairs_cleared = (
            _meetings_of(instance.pk) if reverse else _participants(instance.pk)
        )
        return
    if action == "post_clear":
        cleared, instance._pairs_cleared = getattr(instance, "_pairs_cleared", set()), set()
        if reverse:
            touch(cleared, had=[instance.pk])
        else:
            touch([instance.pk], had=cleared)
    elif action in ("post_add", "post_remove") and pk_set:
        gone = action == "post_remove"
        if reverse:
            touch(pk_set, had=[instance.pk] if gone else ())
        else:
            touch([instance.pk], had=pk_set if gone else ())


def _leader_deleting(sender, instance, **kwargs) -> None:
    # Its participations go with it (no m2m signal): its partners' meetings with
    # anyone may drop.
    if not _suspended.get():
        instance._pairs_meetings = _meetings_of(instance.pk)


def _leader_deleted(sender, instance, **kwargs) -> None:
    meetings = getattr(instance, "_pairs_meetings", None)
    if meetings:
        touch(meetings)


def connect() -> None:
    """Called once by the app config."""
    from kb.models import Leader, Meeting

    uid = "kb-leader-pairs-"
    pre_save.connect(_meeting_before, sender=Meeting, dispatch_uid=uid + "meeting-pre")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid=uid + "meeting-post")
    pre_delete.connect(_meeting_deleting, sender=Meeting, dispatch_uid=uid + "meeting-pre-del")
    post_delete.connect(_meeting_deleted, sender=Meeting, dispatch_uid=uid + "meeting-del")
    m2m_changed.connect(
        _participants_changed, sender=Meeting.participants.through, dispatch_uid=uid + "m2m"
    )
    pre_delete.connect(_leader_deleting, sender=Leader, dispatch_uid=uid + "leader-pre-del")
    post_delete.connect(_leader_deleted, sender=Leader, dispatch_uid=uid + "leader-del")
