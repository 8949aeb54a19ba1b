"""A country's page: meetings its leaders attended, counterpart countries, and the
timeline of its office-holders.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, Max, OuterRef

from kb.models import Country, Leader, Meeting, Office
from kb.selectors.counts import correlated_count

Participation = Meeting.participants.through


def meetings_of_country(country):
    """Visible meetings a leader of this country attended (no duplicates)."""
    participant = Exists(
        Participation.objects.filter(meeting_id=OuterRef("pk"), leader__country=country)
    )
    return Meeting.objects.visible().filter(participant)


def counterpart_countries(country, *, limit: int | None = 20):
    """Countries ranked by how many meetings their leaders shared with this country's."""
    involved = meetings_of_country(country).values("pk")
    counterparts = (
        Country.objects.exclude(pk=country.pk)
        .filter(leaders__meetings__in=involved)
        .annotate(
            shared_count=Count("leaders__meetings", distinct=True),
            last_met=Max("leaders__meetings__date"),
        )
        .order_by("-shared_count", "name")
    )
    return counterparts[:limit] if limit else counterparts


#: The country page's timeline of office-holders, in this order.
TIMELINE_KINDS = (
    (("monarch", "head_of_state"), "Head of state"),
    (("head_of_government",), "Head of government"),
    (("foreign_minister",), "Foreign minister"),
)


def country_office_timeline(country) -> list[dict]:
    """Who held the country's leading offices, and when: one row list per office, newest
    first, each term with its share of the years drawn (a few dozen rows at most)."""
    terms = list(
        Office.objects.visible()
        .filter(country=country, kind__in=[k for kinds, _ in TIMELINE_KINDS for k in kinds])
        .select_related("leader")
        .order_by("-start", "-id")
    )
    if not terms:
        return []
    today = dt.date.today()
    first = min(t.start for t in terms)
    span = max((today - first).days, 1)
    out = []
    for kinds, label in TIMELINE_KINDS:
        rows = []
        for term in (t for t in terms if t.kind in kinds):
            end = term.end or today
            rows.append(
                {
                    "term": term,
                    "offset": round(100 * (term.start - first).days / span, 2),
                    "width": max(round(100 * (end - term.start).days / span, 2), 0.5),
                }
            )
        if rows:
            out.append({"label": label, "rows": rows, "since": first.year, "until": today.year})
    return out


def country_row_counts() -> dict:
    """A countries-list row's counts, as correlated subqueries (for the rows of one page,
    or for all when the list is sorted by them): its leaders (active, not rejected) and
    the meetings it hosted (not rejected)."""
    leaders = Leader.objects.visible().active()
    return {
        "leader_count": correlated_count(leaders, Count("pk"), link="country"),
        "hosted_count": correlated_count(
            Meeting.objects.visible(), Count("pk"), link="host_country"
        ),
    }
