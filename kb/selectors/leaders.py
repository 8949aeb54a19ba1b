"""A leader's page (meetings in date order, counterparts) and leaders found by name."""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Exists, F, Max, Min, OuterRef, Q, prefetch_related_objects

from kb.models import Leader, LeaderPair, Meeting, Office, ReviewState
from kb.names import normalise_name

Participation = Meeting.participants.through


def counterparts_of_leader(leader, *, limit: int | None = 20) -> list[Leader]:
    """Leaders ranked by how many meetings (not rejected) they shared with this leader,
    then by name and id, with that number and the first and last date they met
    (``shared_count``, ``first_met``, ``last_met``; None when none of those meetings has a
    date). Any leader who shared one is listed, rejected or not, as the meetings are.

    The ranking reads the maintained pairs (``kb.leader_pairs``): one row per leader met,
    where grouping every participation of every meeting the leader shared read the whole
    participations and meetings tables (170 ms for the busiest leader at 100,000
    meetings). The dates are counted from the tables for the leaders shown only."""
    pairs = connection.ops.quote_name(LeaderPair._meta.db_table)
    table = connection.ops.quote_name(Leader._meta.db_table)
    # Each side of the pair from its own index: (leader_a, leader_b) and leader_b.
    sql = f"""
        SELECT l.*, p.meetings AS shared_count
        FROM (
            SELECT leader_b_id AS other_id, meetings FROM {pairs}
            WHERE leader_a_id = %s AND leader_b_id <> %s AND meetings > 0
            UNION ALL
            SELECT leader_a_id, meetings FROM {pairs}
            WHERE leader_b_id = %s AND leader_a_id <> %s AND meetings > 0
        ) p
        JOIN {table} l ON l.id = p.other_id
        ORDER BY p.meetings DESC, l.name, l.id
    """  # noqa: S608 (table names from the models; values as parameters)
    params: list = [leader.pk] * 4
    if limit:
        sql += " LIMIT %s"
        params.append(limit)
    counterparts = list(Leader.objects.raw(sql, params))
    prefetch_related_objects(counterparts, "country")
    dates = met_dates(leader.pk, [other.pk for other in counterparts])
    for other in counterparts:
        other.first_met, other.last_met = dates.get(other.pk, (None, None))
    return counterparts


def met_dates(leader_id: int, others: list[int]) -> dict[int, tuple]:
    """The first and last date of the meetings (not rejected) the leader shared with each
    of ``others``, by their id (a page's worth): the participations of the leader and of
    ``others`` (index by leader) joined, the meetings' date and state read from the
    covering index of visible meetings (migration 0022), not from kb_meeting's rows.
    Counted, not kept on ``LeaderPair``: a kept last date would have to be found again
    from the tables whenever a write takes away a pair's latest meeting (a summit's date
    corrected: every pair of its participants), the cost the pairs exist to avoid."""
    if not others:
        return {}
    own = Participation.objects.filter(leader_id=leader_id, meeting_id=OuterRef("meeting_id"))
    rows = (
        Participation.objects.filter(leader_id__in=others)
        .filter(Exists(own))
        .exclude(meeting__review_state=ReviewState.REJECTED)
        .order_by()
        .values("leader_id")
        .annotate(first=Min("meeting__date"), last=Max("meeting__date"))
        .values_list("leader_id", "first", "last")
    )
    return {other: (first, last) for other, first, last in rows}


def own_meetings(leader) -> models.QuerySet:
    """Ids of the meetings the leader took part in, read from its participations (the
    index by leader) rather than by checking every meeting. A merged leader stands for
    the record it was merged into, as ``kb.selectors.meetings.involving_leader`` has it
    (a merge moves its meetings there). ``leader`` is a ``Leader`` or its id."""
    if isinstance(leader, Leader):
        ids = [leader.pk, leader.merged_into_id]
    else:
        survivor = Leader.objects.filter(pk=leader).values_list("merged_into_id", flat=True)
        ids = [leader, *survivor]
    ids = [pk for pk in ids if pk is not None]
    return Participation.objects.filter(leader_id__in=ids).values("meeting_id")


def leader_meetings(leader):
    """The leader's visible meetings, oldest first, undated last: the leader's timeline
    (``leader``: a ``Leader`` or its id)."""
    meetings = Meeting.objects.visible().filter(pk__in=own_meetings(leader))
    return meetings.order_by(F("date").asc(nulls_last=True), "id")


def named_like(value: str):
    """Ids of leaders with this name or alias, or whose name contains it as whole words
    ("wanjiru", "kim jong"), case and accents aside."""
    key = normalise_name(value)
    if not key:
        return Leader.objects.none().values("pk")
    words = Q(name_key=key) | Q(name_key__startswith=key + " ") | Q(name_key__endswith=" " + key)
    words |= Q(name_key__contains=" " + key + " ")
    return Leader.objects.filter(words | Q(aliases__key=key)).values("pk")


def in_office(leaders, *, code: str = "", kind: str = "", start=None, end=None):
    """Leaders who held an office of that country (ISO code), of that kind, at some time
    between ``start`` and ``end`` (inclusive; either open), all on one term. With a country
    alone, also the leaders recorded as of that country. The API's ``country``,
    ``office`` and ``in_office_on`` (a day: start = end) and the leaders list use it."""
    if not (code or kind or start or end):
        return leaders
    terms = Office.objects.visible().filter(leader=OuterRef("pk"))
    if code:
        terms = terms.filter(country__code__iexact=code)
    if kind:
        terms = terms.filter(kind=kind)
    if end:
        terms = terms.filter(start__lte=end)
    if start:
        terms = terms.filter(Q(end__isnull=True) | Q(end__gte=start))
    if code and not (kind or start or end):
        return leaders.filter(Q(country__code__iexact=code) | Exists(terms))
    return leaders.filter(Exists(terms))


def met_between(start=None, end=None) -> Exists:
    """Leaders who took part in a meeting (not rejected) dated between ``start`` and
    ``end`` (inclusive; either open)."""
    taken_part = Participation.objects.filter(leader_id=OuterRef("pk")).exclude(
        meeting__review_state=ReviewState.REJECTED
    )
    if start:
        taken_part = taken_part.filter(meeting__date__gte=start)
    if end:
        taken_part = taken_part.filter(meeting__date__lte=end)
    return Exists(taken_part)


def active_between(leaders, *, code: str = "", kind: str = "", start=None, end=None):
    """The leaders list's filters: by country and office (``in_office``), and active
    between two dates: in an office then (of that country and kind, if given), or, when no
    office kind is asked for, at a meeting then (and of that country, if given)."""
    if not (start or end):
        return in_office(leaders, code=code, kind=kind)
    terms = in_office(Leader.objects.all(), code=code, kind=kind, start=start, end=end)
    if kind:
        return leaders.filter(pk__in=terms.values("pk"))
    met = Leader.objects.filter(met_between(start, end))
    if code:
        met = met.filter(country__code__iexact=code)
    return leaders.filter(Q(pk__in=terms.values("pk")) | Q(pk__in=met.values("pk")))
