"""Meetings by year: the timeline's summary and a leader's meetings grouped by year."""

from __future__ import annotations

from itertools import groupby

from django.db.models import Count, Sum

from kb.models import Meeting, MeetingYear
from kb.models.periods import UNDATED
from kb.selectors.months import cover_of

Participation = Meeting.participants.through


def year_bars(found: dict[int | None, int]) -> list[dict]:
    """The timeline summary's rows from meetings per year (``meetings_per_year``; the
    undated left out), oldest first."""
    found = {year: n for year, n in found.items() if year is not None}
    # Every year from the first to the last, empty ones too: a gap in the record must
    # read as a gap, not vanish and make the trend look steadier than it is.
    rows = [
        {"year": year, "n": found.get(year, 0)}
        for year in (range(min(found), max(found) + 1) if found else ())
    ]
    peak = max((r["n"] for r in rows), default=1) or 1
    for row in rows:
        row["percent"] = round(100 * row["n"] / peak)
        row["start"] = f"{row['year']:04d}-01-01"
        row["end"] = f"{row['year']:04d}-12-31"
    return rows


def meetings_per_year(meetings) -> dict[int | None, int]:
    """How many of `meetings` fall in each year (None for the undated), in one query."""
    from django.db.models.functions import ExtractYear

    rows = (
        meetings.annotate(year=ExtractYear("date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return dict(rows)


def selected_per_year(filters) -> dict[int | None, int]:
    """How many visible meetings the filters (``MeetingFilters``) select in each year
    (None for the undated): for dates and kind alone, from the counts kept by year and
    month and the days a date cuts (``kb.selectors.months``); otherwise counted from the
    meetings."""
    if cover_of(filters) is None:
        return meetings_per_year(filters.filter(Meeting.objects.visible()))
    found = selected_per_year_and_kind(filters)
    years: dict[int | None, int] = {}
    for (year, _kind), n in found.items():
        years[year] = years.get(year, 0) + n
    return years


def by_year(meetings, totals: dict[int | None, int]) -> list[dict]:
    """`meetings` (in date order) grouped by year, each group with the year's total from
    `totals`: a page may hold only part of a year."""
    groups = []
    for year, members in groupby(meetings, key=lambda m: m.date.year if m.date else None):
        members = list(members)
        groups.append({"year": year, "meetings": members, "total": totals.get(year, len(members))})
    return groups


def meetings_per_year_and_kind(meetings) -> dict[tuple[int | None, str], int]:
    """How many of `meetings` fall in each (year, kind) (year None for the undated), in
    one query."""
    from django.db.models.functions import ExtractYear

    rows = (
        meetings.annotate(year=ExtractYear("date"))
        .order_by()
        .values("year", "kind")
        .annotate(n=Count("pk"))
        .values_list("year", "kind", "n")
    )
    return {(year, kind): n for year, kind, n in rows}


def selected_per_year_and_kind(filters) -> dict[tuple[int | None, str], int]:
    """How many visible meetings the filters select in each (year, kind) (year None for
    the undated): for dates and kind alone, the whole years and months from
    ``MeetingYear`` (one query, a few hundred rows at most) and the days a date cuts from
    those days' meetings (``kb.selectors.months``); otherwise counted from the meetings."""
    visible = Meeting.objects.visible()
    cover = cover_of(filters)
    if cover is None:
        return meetings_per_year_and_kind(filters.filter(visible))
    stored = (
        MeetingYear.objects.filter(cover.rows())
        .order_by()
        .values_list("year", "kind")
        .annotate(n=Sum("n"))
    )
    found: dict[tuple[int | None, str], int] = {}
    for year, kind, n in stored:
        if n:
            found[(None if year == UNDATED else year, kind)] = n
    for days, sign in ((cover.days_added(), 1), (cover.days_cut(), -1)):
        if days is not None:
            for key, n in meetings_per_year_and_kind(visible.filter(days)).items():
                found[key] = found.get(key, 0) + sign * n
    return {key: n for key, n in found.items() if n}


def split_year_and_kind(
    counts: dict[tuple[int | None, str], int],
) -> tuple[dict[int | None, int], dict[str, int]]:
    """Meetings per year and meetings per kind from counts by (year, kind)."""
    years: dict[int | None, int] = {}
    kinds: dict[str, int] = {}
    for (year, kind), n in counts.items():
        years[year] = years.get(year, 0) + n
        kinds[kind] = kinds.get(kind, 0) + n
    return years, kinds
