"""Counts by year (and month) and kind of meeting, kept up to date as meetings change
(``kb.counters``): what the timeline, the charts and the network show for a selection by
dates or kind, read from small rows instead of from every meeting of 100,000.

A year of 0 stands for the undated meetings (a real year is never 0, and a key without
NULL keeps one row per key); a month of 0 stands for the whole year, whose months have
rows of their own too, so that dates cutting into a year read its months instead of its
meetings. A missing row counts as zero. ``manage.py recount`` rebuilds every row from
scratch.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from kb.models.countries import Country
from kb.models.leaders import Leader

#: The year under which undated meetings are counted.
UNDATED = 0
#: The month of a row that counts the whole year.
WHOLE_YEAR = 0


class MeetingYear(models.Model):
    """Meetings not rejected of one year and kind (the timeline's bars), and of each
    month of that year (``month`` 1 to 12; 0 for the whole year, the undated only under
    0), split over a few slots as ``Total`` is: each write adds its change to one slot
    chosen at random, so workers recording meetings of the same year seldom wait on one
    row. The count is the sum of the slots (a slot alone may be negative)."""

    SLOTS = 8

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(default=WHOLE_YEAR)
    kind = models.CharField(max_length=16)
    slot = models.PositiveSmallIntegerField(default=0)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month", "kind", "slot"], name="kb_meetingyear_month_slot"
            )
        ]

    def __str__(self) -> str:
        month = f"-{self.month:02d}" if self.month else ""
        return f"{self.year or 'undated'}{month} {self.kind}[{self.slot}]: {self.n}"


class HostYear(models.Model):
    """Meetings not rejected of one year (and month, as ``MeetingYear``) and kind that
    one country hosted: the charts' host bars for a selection by dates or kind, summed
    from these rows instead of grouping every meeting selected. One row per key (a
    country's writers already wait on its tally row), never below zero."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(default=WHOLE_YEAR)
    kind = models.CharField(max_length=16)
    host_country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    meetings = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            # Also the index of a selection's rows: years (and months) and kind.
            models.UniqueConstraint(
                fields=["year", "month", "kind", "host_country"], name="kb_hostyear_unique"
            )
        ]

    def __str__(self) -> str:
        month = f"-{self.month:02d}" if self.month else ""
        when = f"{self.year or 'undated'}{month}"
        return f"{self.host_country_id} {when} {self.kind}: {self.meetings}"


class PairYear(models.Model):
    """Meetings not rejected of one year and kind that two nodes of the network took part
    in together (``a`` the lower id); the row of a node with itself holds its meetings of
    that year and kind with at least one other node: its weight in the network. A
    selection by dates and kind sums these rows (``kb.selectors.graph``)."""

    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16)
    meetings = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class LeaderPairYear(PairYear):
    """Pairs of leaders by year and kind (``kb.models.LeaderPair`` for every meeting)."""

    # The unique (leader_a, leader_b, year, kind) index serves lookups by leader_a.
    leader_a = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+", db_index=False)
    leader_b = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["leader_a", "leader_b", "year", "kind"], name="kb_leaderpairyear_unique"
            ),
            models.CheckConstraint(
                condition=Q(leader_a__lte=F("leader_b")), name="kb_leaderpairyear_ordered"
            ),
        ]
        indexes = [
            # A selection's nodes: their rows of the years and kind chosen.
            models.Index(
                fields=["year", "kind", "leader_a", "meetings"],
                condition=Q(leader_a=F("leader_b")),
                name="kb_leaderpairyear_node",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.leader_a_id}-{self.leader_b_id} {self.year} {self.kind}: {self.meetings}"


class CountryPairYear(PairYear):
    """Pairs of countries (through their leaders) by year and kind
    (``kb.models.CountryPairTally`` and ``CountryTally.linked`` for every meeting)."""

    country_a = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    country_b = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country_a", "country_b", "year", "kind"], name="kb_countrypairyear_unique"
            ),
            models.CheckConstraint(
                condition=Q(country_a__lte=F("country_b")), name="kb_countrypairyear_ordered"
            ),
        ]
        indexes = [
            models.Index(
                fields=["year", "kind", "country_a", "meetings"],
                condition=Q(country_a=F("country_b")),
                name="kb_countrypairyear_node",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_a_id}-{self.country_b_id} {self.year} {self.kind}: {self.meetings}"
