"""Who met whom, kept up to date as meetings change (``kb.leader_pairs``): the network
page reads its strongest links from this table instead of pairing every participation
of 100,000 meetings on each cold request.

A missing row counts as zero meetings, and so does a row left at zero by an edit.
``manage.py recount`` rebuilds every row from scratch.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from kb.models.leaders import Leader


class LeaderPair(models.Model):
    """Meetings not rejected that two leaders took part in together (``leader_a`` has the
    lower id). The row of a leader with itself holds that leader's meetings with at least
    one other leader: its weight as a node of the network."""

    # The unique (leader_a, leader_b) index serves lookups by leader_a.
    leader_a = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+", db_index=False)
    leader_b = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="+")
    meetings = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["leader_a", "leader_b"], name="kb_leaderpair_unique"),
            models.CheckConstraint(
                condition=Q(leader_a__lte=F("leader_b")), name="kb_leaderpair_ordered"
            ),
        ]
        indexes = [
            # The network's busiest leaders, most meetings first.
            models.Index(
                F("meetings").desc(),
                "leader_a",
                condition=Q(leader_a=F("leader_b"), meetings__gt=0),
                name="kb_leaderpair_node_busiest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.leader_a_id}-{self.leader_b_id}: {self.meetings} meetings"
