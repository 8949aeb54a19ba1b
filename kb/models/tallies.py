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
    #: Of those, the ones where a leader of another country took part too: the
    #: country's weight in the network by country (``kb.selectors.graph``).
    linked = models.PositiveIntegerField(default=0)

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


class CountryPairTally(models.Model):
    """Two countries (``country_a`` the lower id) and the meetings not rejected that
    leaders of both took part in: a country page's counterparts, read from here instead
    of from every participation of the country's meetings."""

    country_a = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    country_b = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    meetings = models.PositiveIntegerField(default=0)
    #: The latest date of those meetings (None when none has a date).
    last_met = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "country pair tallies"
        constraints = [
            models.UniqueConstraint(fields=["country_a", "country_b"], name="kb_country_pair"),
            models.CheckConstraint(
                condition=models.Q(country_a__lt=models.F("country_b")),
                name="kb_country_pair_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_a_id}-{self.country_b_id}: {self.meetings} meetings"


class Total(models.Model):
    """How many records of a kind a reader can see (the home page's summary), split over
    a few slots: each write adds its change to one slot chosen at random, so concurrent
    writers seldom wait on one row. The total is the sum of the slots (a slot alone may
    be negative)."""

    SLOTS = 8

    name = models.CharField(max_length=20)
    slot = models.PositiveSmallIntegerField(default=0)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="kb_total_slot")]

    def __str__(self) -> str:
        return f"{self.name}[{self.slot}]: {self.n}"
