"""Figures by country for the world map, and where a leader went: each one grouped query,
whatever the number of meetings."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Min

from kb.models import Leader, Meeting

Participation = Meeting.participants.through

SHADES = {
    "hosted": "meetings hosted",
    "attended": "meetings attended",
}


def hosted_counts(meetings) -> dict[str, int]:
    """Meetings among ``meetings`` held in each country, by country code."""
    rows = (
        meetings.exclude(host_country=None)
        .order_by()
        .values("host_country__code")
        .annotate(n=Count("pk"))
        .values_list("host_country__code", "n")
    )
    return dict(rows)


def attended_counts(meetings) -> dict[str, int]:
    """Meetings among ``meetings`` that a leader of each country took part in, by code
    (a meeting of two leaders of one country counts once for it)."""
    rows = (
        Participation.objects.filter(meeting__in=meetings.order_by().values("pk"))
        .exclude(leader__country=None)
        .order_by()
        .values("leader__country__code")
        .annotate(n=Count("meeting", distinct=True))
        .values_list("leader__country__code", "n")
    )
    return dict(rows)


def country_counts(meetings, shade: str) -> dict[str, int]:
    return attended_counts(meetings) if shade == "attended" else hosted_counts(meetings)


@dataclass(frozen=True)
class Trip:
    code: str
    name: str
    meetings: int
    first: object  # date or None
    last: object


def leader_travels(leader: Leader) -> list[Trip]:
    """Where ``leader`` met others, by host country: how often, first and last date.
    Their own country is included (meetings at home) and marked by the caller.

    The meetings are found from the leader's participations (the index by leader, then
    the meetings' covering index, migration 0022) instead of joining every meeting."""
    rows = (
        Meeting.objects.visible()
        .filter(pk__in=Participation.objects.filter(leader_id=leader.pk).values("meeting_id"))
        .exclude(host_country=None)
        .order_by()
        .values("host_country__code", "host_country__name")
        .annotate(n=Count("pk"), first=Min("date"), last=Max("date"))
        .order_by("-n", "host_country__name")
    )
    return [
        Trip(r["host_country__code"], r["host_country__name"], r["n"], r["first"], r["last"])
        for r in rows
    ]
