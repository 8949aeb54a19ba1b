"""A selection of meetings by dates and kind only, split into what the counts kept by
year (``kb.models.periods``) answer and what is counted from the meetings.

Whole years inside the dates are read from the stored rows (a few per year, whatever the
number of meetings); the days of a year that a date cuts (from 2015-03-10, to 2016-06-30)
are counted from that year's meetings alone, through the index on the date: the days
inside the dates are added, or when they are most of the year, the whole year is read
and the days outside subtracted, so a page reads at most half a year of meetings at each
end. Any other filter (a search, a leader, a
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
    ``undated``, plus those of the days of ``partial`` and less those of the days of
    ``cut`` (inclusive ranges within one year each)."""

    kind: str = ""
    first: int | None = None
    last: int | None = None
    undated: bool = True
    partial: tuple[tuple[dt.date, dt.date], ...] = ()
    cut: tuple[tuple[dt.date, dt.date], ...] = ()

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
        """The meetings of the days added to the whole years (None when there are none)."""
        return self._dated(self.partial)

    def days_cut(self) -> Q | None:
        """The meetings of the days taken from the whole years (None when none are)."""
        return self._dated(self.cut)

    def _dated(self, ranges) -> Q | None:
        if not ranges:
            return None
        q = Q()
        for start, end in ranges:
            q |= Q(date__gte=start, date__lte=end)
        return q & Q(kind=self.kind) if self.kind else q


def _first_day(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def _last_day(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def _mostly(start: dt.date, end: dt.date) -> bool:
    """Whether ``start``..``end`` (within one year) holds more than half of its year."""
    year = (_last_day(start.year) - _first_day(start.year)).days + 1
    return 2 * ((end - start).days + 1) > year


def dates_and_kind_only(filters) -> bool:
    """Whether a ``MeetingFilters`` selects by dates and kind alone, which stored totals
    can answer."""
    return not (
        filters.q
        or filters.leader
        or filters.country
        or filters.has_gifts
        or filters.has_agreements
    )


def span_of(filters) -> Span | None:
    """The ``Span`` of a ``MeetingFilters`` that selects by dates and kind only (None
    for any other filter).

    A year that a date cuts is counted from the meetings of its days inside the dates,
    or, when those are more than half of the year, as a whole year less the meetings of
    its days outside: at most half a year's meetings read at each end."""
    if not dates_and_kind_only(filters):
        return None
    lo, hi = filters.date_from, filters.date_to
    first = lo.year if lo else None
    last = hi.year if hi else None
    added: list[tuple[dt.date, dt.date]] = []
    cut: list[tuple[dt.date, dt.date]] = []
    one = dt.timedelta(days=1)
    if lo and hi and lo.year == hi.year:
        if (lo, hi) != (_first_day(lo.year), _last_day(lo.year)):
            if _mostly(lo, hi):
                if lo != _first_day(lo.year):
                    cut.append((_first_day(lo.year), lo - one))
                if hi != _last_day(hi.year):
                    cut.append((hi + one, _last_day(hi.year)))
            else:
                added.append((lo, hi))
                first, last = lo.year + 1, lo.year
    else:
        if lo and lo != _first_day(lo.year):
            if _mostly(lo, _last_day(lo.year)):
                cut.append((_first_day(lo.year), lo - one))
            else:
                added.append((lo, _last_day(lo.year)))
                first = lo.year + 1
        if hi and hi != _last_day(hi.year):
            if _mostly(_first_day(hi.year), hi):
                cut.append((hi + one, _last_day(hi.year)))
            else:
                added.append((_first_day(hi.year), hi))
                last = hi.year - 1
    return Span(
        kind=filters.kind,
        first=first,
        last=last,
        undated=lo is None and hi is None,
        partial=tuple(added),
        cut=tuple(cut),
    )
