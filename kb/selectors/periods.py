"""A selection of meetings by dates and kind only, split into what the counts kept by
year (``kb.models.periods``) answer and what is counted from the meetings.

Whole years inside the dates are read from the stored rows (a few per year, whatever the
number of meetings); the days of a year that a date cuts (from 2015-03-10, to 2016-06-30)
are counted from that year's meetings alone, through the index on the date, so a page
never reads more than two years of meetings. Any other filter (a search, a leader, a
country, gifts or agreements) is not kept by year: such selections are counted from the
meetings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from kb.models.periods import UNDATED


@dataclass(frozen=True)
class Span:
    """Meetings of ``kind`` (any when empty) in the whole years ``first``..``last``
    (None: unbounded on that side; ``first > last``: no whole year), the undated too when
    ``undated``, and the days of ``partial`` (inclusive ranges within one year each)."""

    kind: str = ""
    first: int | None = None
    last: int | None = None
    undated: bool = True
    partial: tuple[tuple[dt.date, dt.date], ...] = ()

    def years(self) -> Q:
        """The stored rows (``year``, ``kind`` fields) of the whole years."""
        if self.first is not None and self.last is not None and self.first > self.last:
            return Q(pk__in=[])
        q = Q() if self.undated else ~Q(year=UNDATED)
        if self.first is not None:
            q &= Q(year__gte=self.first)
        if self.last is not None:
            q &= Q(year__lte=self.last)
        if self.kind:
            q &= Q(kind=self.kind)
        return q

    def years_sql(self) -> tuple[str, list]:
        """:meth:`years` as an SQL condition on the columns ``year`` and ``kind``."""
        if self.first is not None and self.last is not None and self.first > self.last:
            return "1 = 0", []
        parts, params = [] if self.undated else [f"year <> {UNDATED}"], []
        if self.first is not None:
            parts.append("year >= %s")
            params.append(self.first)
        if self.last is not None:
            parts.append("year <= %s")
            params.append(self.last)
        if self.kind:
            parts.append("kind = %s")
            params.append(self.kind)
        return " AND ".join(parts) or "1 = 1", params

    def days(self) -> Q | None:
        """The meetings of the partial years (None when there are none)."""
        if not self.partial:
            return None
        q = Q()
        for start, end in self.partial:
            q |= Q(date__gte=start, date__lte=end)
        return q & Q(kind=self.kind) if self.kind else q


def span_of(filters) -> Span | None:
    """The ``Span`` of a ``MeetingFilters`` that selects by dates and kind only (None
    for any other filter)."""
    if (
        filters.q
        or filters.leader
        or filters.country
        or filters.has_gifts
        or filters.has_agreements
    ):
        return None
    lo, hi = filters.date_from, filters.date_to
    first = lo.year if lo else None
    last = hi.year if hi else None
    partial: list[tuple[dt.date, dt.date]] = []
    if lo and (lo.month, lo.day) != (1, 1):
        end = hi if hi is not None and hi.year == lo.year else dt.date(lo.year, 12, 31)
        partial.append((lo, end))
        first = lo.year + 1
    if hi and (hi.month, hi.day) != (12, 31) and not (partial and partial[0][1] == hi):
        start = lo if lo is not None and lo.year == hi.year else dt.date(hi.year, 1, 1)
        partial.append((start, hi))
        last = hi.year - 1
    return Span(
        kind=filters.kind,
        first=first,
        last=last,
        undated=lo is None and hi is None,
        partial=tuple(partial),
    )
