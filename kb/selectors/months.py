"""A selection of meetings by dates and kind only, split into the rows kept by year and
month (``kb.models.MeetingYear``, ``kb.models.HostYear``) and the few days counted from
the meetings.

Whole years inside the dates are read from the years' rows; the whole months of a year
that a date cuts (from 2015-03-10, to 2016-06-30: April to December 2015, January to
May 2016) from the months' rows; and the days of a month that a date cuts from that
month's meetings alone, through the index on the date: the days inside the dates are
added, or when they are most of the month, the whole month is read and the days outside
subtracted. So a page reads at most half a month of meetings at each end, whatever the
dates, and a few hundred small rows. Any other filter (a search, a leader, a country,
gifts or agreements) is not kept by period: such selections are counted from the
meetings (``cover_of`` says None).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from kb.models import HostYear, Meeting
from kb.models.periods import UNDATED, WHOLE_YEAR
from kb.selectors.periods import dates_and_kind_only

#: Inclusive ranges of days, each within one month.
Days = tuple[tuple[dt.date, dt.date], ...]


@dataclass(frozen=True)
class Cover:
    """Meetings of ``kind`` (any when empty) in the whole years ``first``..``last``
    (None: unbounded on that side; ``first > last``: no whole year), the undated too when
    ``undated``, in the whole months ``months`` ((year, first month, last month) each),
    plus those of the days ``added`` and less those of the days ``cut`` (days of months
    counted whole)."""

    kind: str = ""
    first: int | None = None
    last: int | None = None
    undated: bool = True
    months: tuple[tuple[int, int, int], ...] = ()
    added: Days = ()
    cut: Days = ()

    def rows(self) -> Q:
        """The stored rows (``year``, ``month``, ``kind`` fields) to sum: the whole
        years' rows and the whole months'."""
        years = Q(month=WHOLE_YEAR)
        if not self.undated:
            years &= ~Q(year=UNDATED)
        if self.first is not None:
            years &= Q(year__gte=self.first)
        if self.last is not None:
            years &= Q(year__lte=self.last)
        if self.first is not None and self.last is not None and self.first > self.last:
            years = Q(pk__in=[])
        q = years
        for year, first, last in self.months:
            q |= Q(year=year, month__gte=first, month__lte=last)
        return q & Q(kind=self.kind) if self.kind else q

    def days_added(self) -> Q | None:
        """The meetings of the days added to the rows (None when there are none)."""
        return self._dated(self.added)

    def days_cut(self) -> Q | None:
        """The meetings of the days taken from the rows (None when there are none)."""
        return self._dated(self.cut)

    def _dated(self, ranges: Days) -> Q | None:
        if not ranges:
            return None
        q = Q()
        for start, end in ranges:
            q |= Q(date__gte=start, date__lte=end)
        return q & Q(kind=self.kind) if self.kind else q


def _year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1, 1)


def _year_end(day: dt.date) -> dt.date:
    return dt.date(day.year, 12, 31)


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _split(
    lo: dt.date | None,
    hi: dt.date | None,
    start: Callable[[dt.date], dt.date],
    end: Callable[[dt.date], dt.date],
) -> tuple[dt.date | None, dt.date | None, list[tuple[dt.date, dt.date]]]:
    """``lo``..``hi`` (None: unbounded) as whole units (years or months: from the first
    day of one to the last day of another, None when unbounded; empty when the first is
    after the last) and the parts of the units a bound cuts, each within one unit."""
    parts = []
    whole_from, whole_to = lo, hi
    if lo is not None and lo != start(lo):
        parts.append((lo, end(lo) if hi is None else min(hi, end(lo))))
        whole_from = end(lo) + dt.timedelta(days=1)
    if hi is not None and hi != end(hi):
        if whole_from is None or start(hi) >= whole_from:
            parts.append((start(hi) if lo is None else max(lo, start(hi)), hi))
        whole_to = start(hi) - dt.timedelta(days=1)
    return whole_from, whole_to, parts


def _mostly(first: dt.date, last: dt.date) -> bool:
    """Whether ``first``..``last`` (within one month) holds more than half of it."""
    return 2 * ((last - first).days + 1) > (_month_end(first) - _month_start(first)).days + 1


def cover_of(filters) -> Cover | None:
    """The ``Cover`` of a ``MeetingFilters`` that selects by dates and kind only (None
    for any other filter)."""
    if not dates_and_kind_only(filters):
        return None
    lo, hi = filters.date_from, filters.date_to
    if lo is not None and hi is not None and lo > hi:
        return Cover(kind=filters.kind, first=1, last=0, undated=False)
    whole_from, whole_to, partial_years = _split(lo, hi, _year_start, _year_end)
    months, added, cut = [], [], []
    for first, last in partial_years:
        month_from, month_to, partial_months = _split(first, last, _month_start, _month_end)
        if month_from <= month_to:
            months.append((first.year, month_from.month, month_to.month))
        for day_from, day_to in partial_months:
            if not _mostly(day_from, day_to):
                added.append((day_from, day_to))
                continue
            months.append((day_from.year, day_from.month, day_from.month))
            if day_from != _month_start(day_from):
                cut.append((_month_start(day_from), day_from - dt.timedelta(days=1)))
            if day_to != _month_end(day_to):
                cut.append((day_to + dt.timedelta(days=1), _month_end(day_to)))
    return Cover(
        kind=filters.kind,
        first=whole_from.year if whole_from else None,
        last=whole_to.year if whole_to else None,
        undated=lo is None and hi is None,
        months=tuple(sorted(months)),
        added=tuple(added),
        cut=tuple(cut),
    )


def hosted_in(cover: Cover, limit: int) -> list[tuple[str, str, int]]:
    """The ``limit`` countries that hosted the most visible meetings of ``cover``:
    (code, name, count), most first, then by name; summed from ``HostYear`` (a row per
    host, year or month and kind) and the days it adds or cuts."""
    fields = ("host_country__code", "host_country__name")
    found: dict[tuple[str, str], int] = {}
    stored = (
        HostYear.objects.filter(cover.rows())
        .order_by()
        .values_list(*fields)
        .annotate(n=Sum("meetings"))
    )
    for code, name, n in stored:
        found[(code, name)] = n
    visible = Meeting.objects.visible().exclude(host_country=None)
    for days, sign in ((cover.days_added(), 1), (cover.days_cut(), -1)):
        if days is not None:
            rows = visible.filter(days).order_by().values_list(*fields).annotate(n=Count("pk"))
            for code, name, n in rows:
                found[(code, name)] = found.get((code, name), 0) + sign * n
    top = sorted(
        ((code, name, n) for (code, name), n in found.items() if n > 0),
        key=lambda row: (-row[2], row[1]),
    )
    return top[:limit]
