"""What ingest keeps besides articles: the news feeds editors subscribe to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Feed(models.Model):
    """An RSS or Atom feed, polled by `celery beat` (ingest.tasks.poll_feeds).

    A poll that fails keeps the feed with its error, counts the failure and waits longer
    before the next try: the interval doubles with each failure in a row, up to
    ``FEEDS_MAX_BACKOFF_SECONDS``. A poll that succeeds resets both."""

    url = models.URLField("feed address", max_length=2000, unique=True)
    title = models.CharField(max_length=300, blank=True)
    active = models.BooleanField(default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    next_check_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    failures = models.PositiveIntegerField(default=0, help_text="Failed polls in a row.")
    items_seen = models.PositiveIntegerField(default=0, help_text="Items in the last poll.")
    articles_added = models.PositiveIntegerField(default=0, help_text="Articles queued, in all.")

    class Meta:
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url

    def get_absolute_url(self) -> str:
        return reverse("feed-list") + f"#feed-{self.pk}"

    @property
    def state(self) -> str:
        if not self.active:
            return "paused"
        if self.failures:
            return "failing"
        return "ok" if self.last_success_at else "new"
