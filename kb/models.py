"""The knowledge base: countries, leaders, articles, and the facts found in them.

Meetings, gifts and agreements are the canonical facts. Each links to the articles it
came from through Evidence rows. Every fact has a review state; once an editor has
touched a fact (confirmed, corrected or rejected it), re-extraction never changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class ReviewState(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    CONFIRMED = "confirmed", "Confirmed"
    CORRECTED = "corrected", "Corrected"
    REJECTED = "rejected", "Rejected"


HUMAN_STATES = (ReviewState.CONFIRMED, ReviewState.CORRECTED, ReviewState.REJECTED)


class Country(models.Model):
    code = models.CharField("ISO 3166 alpha-2", max_length=2, unique=True)
    name = models.CharField(max_length=120)
    official_name = models.CharField(max_length=200, blank=True)
    other_names = models.JSONField(default=list, blank=True)
    demonyms = models.JSONField(default=list, blank=True)
    capital = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("country-detail", args=[self.code])


class Organisation(models.Model):
    """Blocs and international bodies (EU, NATO, UN): named in news, never countries."""

    name = models.CharField(max_length=120, unique=True)

    def __str__(self) -> str:
        return self.name


class ReviewedQuerySet(models.QuerySet):
    def visible(self):
        """What default lists show: everything an editor has not rejected."""
        return self.exclude(review_state=ReviewState.REJECTED)

    def unreviewed(self):
        return self.filter(review_state=ReviewState.EXTRACTED)


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


class LeaderQuerySet(ReviewedQuerySet):
    def named(self, name: str):
        """Leaders known under this name, as full name or as an alias."""
        from kb.names import normalise_name

        key = normalise_name(name)
        return self.filter(Q(name_key=key) | Q(aliases__key=key)).distinct()

    def active(self):
        """Leaders that have not been merged into another record."""
        return self.filter(merged_into__isnull=True)


class Leader(Reviewed):
    name = models.CharField("full name", max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    other_names = models.JSONField(default=list, blank=True)
    title = models.CharField("title or office", max_length=120, blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="leaders"
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    # The person's key in the shipped registry file and their Wikidata item, when known:
    # how `load_registry` and `import_registry` find this person again.
    registry_key = models.CharField(max_length=120, null=True, blank=True, unique=True)
    wikidata_id = models.CharField(
        "Wikidata QID", max_length=20, null=True, blank=True, unique=True
    )
    history = HistoricalRecords()

    objects = LeaderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from kb.names import name_keys, normalise_name

        self.name_key = normalise_name(self.name)
        super().save(*args, **kwargs)
        keys = name_keys(self.name, self.other_names)
        self.aliases.exclude(key__in=keys).delete()
        existing = set(self.aliases.values_list("key", flat=True))
        LeaderAlias.objects.bulk_create(
            [LeaderAlias(leader=self, key=k) for k in sorted(keys - existing)]
        )

    def get_absolute_url(self) -> str:
        return reverse("leader-detail", args=[self.pk])


class OfficeKind(models.TextChoices):
    HEAD_OF_STATE = "head_of_state", "Head of state"
    HEAD_OF_GOVERNMENT = "head_of_government", "Head of government"
    MONARCH = "monarch", "Monarch"
    FOREIGN_MINISTER = "foreign_minister", "Foreign minister"
    OTHER_MINISTER = "other_minister", "Other minister"
    OTHER = "other", "Other"


class OfficeQuerySet(ReviewedQuerySet):
    def held_on(self, day):
        """Terms running on that day (a term without an end is still running)."""
        return self.filter(start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))


class Office(Reviewed):
    """One term of one person in one office of one country: the registry's row.

    Rows come from the shipped registry file (``registry_key`` set), from a Wikidata
    export, or from an editor; an editor's change to a field is recorded in
    ``edited_fields`` and no later load or import overwrites it."""

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="offices")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="offices")
    kind = models.CharField(max_length=20, choices=OfficeKind.choices)
    title = models.CharField(max_length=120, help_text="The title as news writes it.")
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Empty while in office.")
    heads_government = models.BooleanField(
        default=False, help_text="A head of state who also heads the government."
    )
    source = models.CharField(max_length=500, blank=True)
    registry_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    history = HistoricalRecords()

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["country", "kind", "start"])]
        constraints = [
            models.CheckConstraint(
                name="office_ends_after_it_starts",
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
            )
        ]

    def __str__(self) -> str:
        until = self.end.isoformat() if self.end else "present"
        return f"{self.title} of {self.country.name}: {self.leader} ({self.start} to {until})"

    def get_absolute_url(self) -> str:
        return self.leader.get_absolute_url()

    def covers(self, day) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class LeaderAlias(models.Model):
    """A normalised key a leader can be found under (kept in step by Leader.save)."""

    leader = models.ForeignKey(Leader, on_delete=models.CASCADE, related_name="aliases")
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["leader", "key"], name="unique_leader_alias")
        ]

    def __str__(self) -> str:
        return self.key


class ArticleStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    PROCESSING = "processing", "Processing"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ArticleQuerySet(models.QuerySet):
    def stuck(self, before):
        return self.filter(status=ArticleStatus.PROCESSING, started_at__lt=before)


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
        return reverse("article-detail", args=[self.pk])

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


class MeetingKind(models.TextChoices):
    STATE_VISIT = "state_visit", "State visit"
    VISIT = "visit", "Visit"
    SUMMIT = "summit", "Summit"
    TALKS = "talks", "Talks"
    CALL = "call", "Call"
    MULTILATERAL = "multilateral", "Multilateral"


class MeetingQuerySet(ReviewedQuerySet):
    def between(self, start, end):
        return self.filter(date__gte=start, date__lte=end)

    def with_leader(self, leader):
        return self.filter(participants=leader)


class Meeting(Reviewed):
    kind = models.CharField(max_length=16, choices=MeetingKind.choices, default=MeetingKind.TALKS)
    date = models.DateField(null=True, blank=True, db_index=True)
    place = models.CharField(max_length=200, blank=True)
    host_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings_hosted"
    )
    participants = models.ManyToManyField(Leader, related_name="meetings")
    topics = models.JSONField(default=list, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    history = HistoricalRecords(m2m_fields=[participants])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        names = ", ".join(p.name for p in self.participants.all())
        return f"{self.get_kind_display()}: {names or 'unknown participants'}"

    def get_absolute_url(self) -> str:
        return reverse("meeting-detail", args=[self.pk])


class GiftQuerySet(ReviewedQuerySet):
    def given_by(self, leader):
        return self.filter(giver=leader)

    def received_by(self, leader):
        return self.filter(recipient=leader)


class Gift(Reviewed):
    giver = models.ForeignKey(Leader, on_delete=models.PROTECT, related_name="gifts_given")
    recipient = models.ForeignKey(Leader, on_delete=models.PROTECT, related_name="gifts_received")
    item = models.CharField(max_length=300)
    # The item's words, normalised (``kb.names.item_key``): how a gift is found again.
    item_key = models.CharField(max_length=300, blank=True, editable=False)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="gifts"
    )
    date = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = GiftQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["giver", "recipient", "item_key"]),
            # A leader's gifts given or received, newest first, a page at a time (issue 14:
            # the busiest leader's page sorted all of them at 100k meetings).
            models.Index(fields=["giver", "-date", "-id"], name="kb_gift_given_recent"),
            models.Index(fields=["recipient", "-date", "-id"], name="kb_gift_received_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.item} ({self.giver} → {self.recipient})"

    def save(self, *args, **kwargs):
        from kb.names import item_key

        self.item_key = item_key(self.item)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "item" in update_fields:
            kwargs["update_fields"] = {*update_fields, "item_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("gift-detail", args=[self.pk])


class AgreementKind(models.TextChoices):
    TREATY = "treaty", "Treaty"
    AGREEMENT = "agreement", "Agreement"
    MOU = "mou", "Memorandum of understanding"
    JOINT_STATEMENT = "joint_statement", "Joint statement"
    DECLARATION = "declaration", "Declaration"
    DEAL = "deal", "Deal"
    INVITATION = "invitation", "Invitation"
    PLEDGE = "pledge", "Pledge"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed"
    ACCEPTED = "accepted", "Accepted"
    SIGNED = "signed", "Signed"
    REJECTED = "rejected", "Rejected"
    FAILED = "failed", "Failed"


class Agreement(Reviewed):
    kind = models.CharField(max_length=16, choices=AgreementKind.choices)
    status = models.CharField(max_length=12, choices=AgreementStatus.choices)
    leader_parties = models.ManyToManyField(Leader, blank=True, related_name="agreements")
    country_parties = models.ManyToManyField(Country, blank=True, related_name="agreements")
    summary = models.CharField(max_length=500, blank=True)
    date = models.DateField(null=True, blank=True)
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="agreements"
    )
    history = HistoricalRecords(m2m_fields=[leader_parties, country_parties])

    objects = ReviewedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["kind", "date"]),
            # Newest first, a page at a time, also for one party's agreements (the planner
            # walks this index and stops after a page instead of sorting all of them).
            models.Index(fields=["-date", "-id"], name="kb_agreement_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()}): {self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("agreement-detail", args=[self.pk])


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
