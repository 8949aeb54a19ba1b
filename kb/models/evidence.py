"""Evidence: the span of an article that supports one fact."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from kb.models.articles import Article
from kb.models.facts import (
    Agreement,
    Gift,
    Meeting,
)


class EvidenceQuerySet(models.QuerySet):
    def with_article_names(self):
        """Each row with its article's title, source and date, never its text: one article
        stands behind hundreds of rows, and its text (a megabyte) would be read for each.
        A row's sentence and offsets are all a reader is shown."""
        return self.select_related("article").defer("candidate", "article__text", "article__error")


class Evidence(models.Model):
    """One article span that supports one fact (exactly one of meeting, gift, agreement)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="evidence")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    gift = models.ForeignKey(
        Gift, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="evidence"
    )
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the span's first character.")
    end = models.PositiveIntegerField(help_text="Offset just past the span's last character.")
    sentence_start = models.PositiveIntegerField(default=0)
    confidence = models.FloatField()
    rule = models.CharField(max_length=80, blank=True)
    extractor_version = models.CharField(max_length=20)
    candidate = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start"]
        constraints = [
            models.CheckConstraint(
                name="evidence_supports_exactly_one_fact",
                condition=(
                    Q(meeting__isnull=False, gift__isnull=True, agreement__isnull=True)
                    | Q(meeting__isnull=True, gift__isnull=False, agreement__isnull=True)
                    | Q(meeting__isnull=True, gift__isnull=True, agreement__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="evidence_span_ordered", condition=Q(end__gte=models.F("start"))
            ),
            models.CheckConstraint(
                name="evidence_confidence_in_unit_range",
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}[{self.start}:{self.end}]"

    @property
    def fact(self):
        return self.meeting or self.gift or self.agreement
