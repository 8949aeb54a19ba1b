"""Counts over whole tables, kept up to date as records change (``kb.counters``): what
the countries list, the leaders list, a country's page and the map show for every row,
read from one small table instead of counting 100,000 meetings on every cold request.

A missing row counts as zeros. ``manage.py recount`` rebuilds every row from scratch.
"""

from __future__ import annotations

from django.db import models

from kb.models.countries import Country
from kb.models.leaders import Leader


class CountryTally(models.Model):
    country = models.OneToOneField(
        Country, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    #: Its leaders an editor has not rejected and that were not merged into another.
    leaders = models.PositiveIntegerField(default=0)
    #: Meetings held there that an editor has not rejected.
    hosted = models.PositiveIntegerField(default=0)
    #: Meetings not rejected that a leader of the country took part in (once each).
    attended = models.PositiveIntegerField(default=0)
    #: Of those, the ones it hosted (``attended - attended_home``: its meetings abroad or
    #: with the host unknown).
    attended_home = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "country tallies"

    def __str__(self) -> str:
        return f"{self.country_id}: {self.leaders} leaders, {self.hosted} hosted"

    @property
    def abroad(self) -> int:
        return self.attended - self.attended_home


class LeaderTally(models.Model):
    leader = models.OneToOneField(
        Leader, primary_key=True, on_delete=models.CASCADE, related_name="tally"
    )
    #: Meetings not rejected that the leader took part in.
    meetings = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.leader_id}: {self.meetings} meetings"
