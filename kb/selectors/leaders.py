"""A leader's page (meetings in date order, counterparts) and leaders found by name."""

from __future__ import annotations

from django.db.models import Count, F, Max, Min, Q

from kb.models import Leader, Meeting, ReviewState
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
