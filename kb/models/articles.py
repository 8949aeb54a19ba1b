"""Articles: an upload's text and source, and its way through extraction."""

from __future__ import annotations

from django.db import models

from kb.models.addresses import record_url
from kb.models.countries import Country
from kb.models.leaders import (
    Leader,
)


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ArticleQuerySet(models.QuerySet):
    def stuck(self, before):
        return self.filter(status=ArticleStatus.PROCESSING, started_at__lt=before)

    def update(self, **kwargs):
        """As Django's, and the cached reads that show articles (their statuses on the
        list) move on (kb.changes): an UPDATE sends no signals. Those that show or
        search their words (sources, searches) only when the title or text is written."""
        from kb import changes

        updated = super().update(**kwargs)
        changes.rows_updated(self.model, fields=kwargs)
        return updated


class Article(models.Model):
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField(help_text="The article body, without its dateline.")
    published = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True, help_text="URL or file name.")
    upload = models.FileField(upload_to="uploads/%Y/%m/", blank=True)
    media_type = models.CharField(max_length=60, default="text/plain")
    url = models.URLField(
        "fetched from",
        max_length=2000,
        blank=True,
        # Indexed: feeds and bulk ingest skip an item whose address is stored already.
        db_index=True,
        help_text="The address given with the article (a URL upload, a feed item, an archive "
        "line); the worker fetches it when the article has no text yet.",
    )
    # Unknown (null) until a URL upload has been fetched; unique once known.
    content_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="A URL upload whose text turned out to be an article already stored.",
    )
    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.QUEUED, db_index=True
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    extractor_version = models.CharField(max_length=20, blank=True)
    leaders = models.ManyToManyField(Leader, blank=True, related_name="articles")
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # The newest articles (the home page, the articles list) without a sort of them all.
        indexes = [models.Index(fields=["-created_at", "-id"], name="kb_article_recent")]

    def __str__(self) -> str:
        return self.title or self.source or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return record_url("article-detail", self.pk)

    def fact_counts(self) -> dict[str, int]:
        """How many distinct meetings, gifts and agreements this article supports."""
        evidence = self.evidence.all()
        return {
            kind: evidence.filter(**{f"{field}__isnull": False}).values(field).distinct().count()
            for kind, field in (
                ("meetings", "meeting"),
                ("gifts", "gift"),
                ("agreements", "agreement"),
            )
        }
