"""Leaders, their terms in office (the registry) and the names they are known by."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from kb.models.addresses import record_url
from kb.models.countries import Country
from kb.models.review import Reviewed, ReviewedQuerySet


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
        return record_url("leader-detail", self.pk)


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
