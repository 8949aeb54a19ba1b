"""Counts by year and kind of meeting, kept up to date as meetings change
(``kb.counters``): what the timeline and the network show for a selection by dates or
kind, read from small rows instead of from every meeting of 100,000.

A year of 0 stands for the undated meetings (a real year is never 0, and a key without
NULL keeps one row per key). A missing row counts as zero. ``manage.py recount`` rebuilds
every row from scratch.
"""

from __future__ import annotations

from django.db import models

#: The year under which undated meetings are counted.
UNDATED = 0


class MeetingYear(models.Model):
    """Meetings not rejected of one year and kind (the timeline's bars), split over a few
    slots as ``Total`` is: each write adds its change to one slot chosen at random, so
    workers recording meetings of the same year seldom wait on one row. The count is the
    sum of the slots (a slot alone may be negative)."""

    SLOTS = 8

    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16)
    slot = models.PositiveSmallIntegerField(default=0)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "slot"], name="kb_meetingyear_slot")
        ]

    def __str__(self) -> str:
        return f"{self.year or 'undated'} {self.kind}[{self.slot}]: {self.n}"
