"""Review states and the ``Reviewed`` base every fact and leader shares: once an editor has
confirmed, corrected or rejected a record, re-extraction never changes it."""

from __future__ import annotations

from django.db import models


class ReviewState(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    CONFIRMED = "confirmed", "Confirmed"
    CORRECTED = "corrected", "Corrected"
    REJECTED = "rejected", "Rejected"


HUMAN_STATES = (ReviewState.CONFIRMED, ReviewState.CORRECTED, ReviewState.REJECTED)


class ReviewedQuerySet(models.QuerySet):
    def visible(self):
        """What default lists show: everything an editor has not rejected."""
        return self.exclude(review_state=ReviewState.REJECTED)

    def unreviewed(self):
        return self.filter(review_state=ReviewState.EXTRACTED)

    def update(self, **kwargs):
        """As Django's, and the cached reads that show these rows move on (kb.changes):
        an UPDATE sends no signals."""
        from kb import changes

        updated = super().update(**kwargs)
        changes.rows_updated(self.model)
        return updated


class Reviewed(models.Model):
    """A fact's review state and which fields an editor set (never overwritten)."""

    review_state = models.CharField(
        max_length=12, choices=ReviewState.choices, default=ReviewState.EXTRACTED, db_index=True
    )
    edited_fields = models.JSONField(default=list, blank=True)
    confidence = models.FloatField(default=0.0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def human_touched(self) -> bool:
        return self.review_state in HUMAN_STATES
