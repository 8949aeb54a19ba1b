"""A leader's page (meetings in date order, counterparts) and leaders found by name."""

from __future__ import annotations

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q

from kb.models import Leader, Meeting, Office, ReviewState
from kb.names import normalise_name

Participation = Meeting.participants.through


def counterparts_of_leader(leader, *, limit: int | None = 20):
    """Leaders ranked by how many (visible) meetings they shared with this leader."""
    shared = Participation.objects.filter(leader=leader).exclude(
        meeting__review_state=ReviewState.REJECTED
    )
    counterparts = (
        Leader.objects.exclude(pk=leader.pk)
        .filter(meetings__in=shared.values("meeting_id"))
        .select_related("country")
        .annotate(
            shared_count=Count("meetings", distinct=True),
            first_met=Min("meetings__date"),
            last_met=Max("meetings__date"),
        )
        .order_by("-shared_count", "name", "id")
    )
    return counterparts[:limit] if limit else counterparts


def leader_meetings(leader_id: int):
    """The leader's visible meetings, oldest first, undated last: the leader's timeline."""
    from kb.selectors.meetings import involving_leader

    meetings = Meeting.objects.visible().filter(involving_leader(leader_id))
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
