"""The canonical facts: meetings, gifts and agreements."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from kb.models.addresses import record_url
from kb.models.countries import Country
from kb.models.leaders import (
    Leader,
)
from kb.models.review import Reviewed, ReviewedQuerySet


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
        return record_url("meeting-detail", self.pk)


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
        return record_url("gift-detail", self.pk)


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
        return record_url("agreement-detail", self.pk)
