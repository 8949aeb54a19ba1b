"""Merges: what moved when a duplicate was folded into another record, so it can be undone."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kb.models.facts import (
    Meeting,
)
from kb.models.leaders import (
    Leader,
)


class MergeKind(models.TextChoices):
    LEADER = "leader", "Leader"
    MEETING = "meeting", "Meeting"


class MergeRecord(models.Model):
    """One merge of a duplicate record into another, with exactly what moved (so that
    ``kb.services.merges.merge_undo`` can put it all back)."""

    kind = models.CharField(max_length=10, choices=MergeKind.choices)
    keep_id = models.PositiveBigIntegerField()
    merged_id = models.PositiveBigIntegerField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "keep_id"]),
            models.Index(fields=["kind", "merged_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.merged_id} into {self.keep_id}"

    @property
    def model(self):
        return Leader if self.kind == MergeKind.LEADER else Meeting
