"""Query-string filters for the read endpoints (django-filter FilterSets).

Facts (meetings, gifts, agreements) and leaders that an editor rejected are left out
of lists unless ``include_rejected`` is true or ``review_state`` is asked for.
Country codes match case-insensitively.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from kb.models import Agreement, Article, Gift, Leader, Meeting, ReviewState


class ReviewedFilterSet(filters.FilterSet):
    """Base for models with a review state: hides rejected rows by default."""

    review_state = filters.ChoiceFilter(choices=ReviewState.choices)
    include_rejected = filters.BooleanFilter(
        method="filter_include_rejected",
        help_text="Also list rows an editor rejected (hidden by default).",
    )

    def filter_include_rejected(self, queryset, name, value):
        return queryset  # applied in filter_queryset, together with review_state

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if not data.get("include_rejected") and not data.get("review_state"):
            queryset = queryset.exclude(review_state=ReviewState.REJECTED)
        return queryset


class LeaderFilter(ReviewedFilterSet):
    country = filters.CharFilter(
        field_name="country__code", lookup_expr="iexact", help_text="ISO 3166 alpha-2 code."
    )
    name = filters.CharFilter(
        method="filter_name", help_text="Exact name or alias (accents and case ignored)."
    )

    class Meta:
        model = Leader
        fields = ["country", "name", "review_state"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(pk__in=Leader.objects.named(value).values("pk"))


def _participant_from(country_code: str):
    through = Meeting.participants.through
    return Exists(
        through.objects.filter(meeting=OuterRef("pk"), leader__country__code__iexact=country_code)
    )


class MeetingFilter(ReviewedFilterSet):
    leader = filters.ModelChoiceFilter(
        field_name="participants", queryset=Leader.objects.all(), help_text="Participant id."
    )
    country = filters.CharFilter(
        method="filter_country",
        help_text="ISO code of a participant's country or of the host country.",
    )
    date = filters.DateFromToRangeFilter(help_text="Inclusive: date_after, date_before.")
    has_gifts = filters.BooleanFilter(method="filter_has_gifts")
    has_agreements = filters.BooleanFilter(method="filter_has_agreements")

    class Meta:
        model = Meeting
        fields = ["leader", "country", "kind", "date", "review_state"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(Q(host_country__code__iexact=value) | _participant_from(value))

    def filter_has_gifts(self, queryset, name, value):
        gifts = Exists(Gift.objects.visible().filter(meeting=OuterRef("pk")))
        return queryset.filter(gifts if value else ~gifts)

    def filter_has_agreements(self, queryset, name, value):
        agreements = Exists(Agreement.objects.visible().filter(meeting=OuterRef("pk")))
        return queryset.filter(agreements if value else ~agreements)


class GiftFilter(ReviewedFilterSet):
    leader = filters.ModelChoiceFilter(
        method="filter_leader", queryset=Leader.objects.all(), help_text="Giver or recipient id."
    )
    giver = filters.ModelChoiceFilter(queryset=Leader.objects.all())
    recipient = filters.ModelChoiceFilter(queryset=Leader.objects.all())
    meeting = filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    date = filters.DateFromToRangeFilter(help_text="Inclusive: date_after, date_before.")

    class Meta:
        model = Gift
        fields = ["leader", "giver", "recipient", "meeting", "date", "review_state"]

    @extend_schema_field(OpenApiTypes.INT)
    def filter_leader(self, queryset, name, value):
        return queryset.filter(Q(giver=value) | Q(recipient=value))


class AgreementFilter(ReviewedFilterSet):
    leader = filters.ModelChoiceFilter(
        field_name="leader_parties", queryset=Leader.objects.all(), help_text="Party id."
    )
    country = filters.CharFilter(
        field_name="country_parties__code", lookup_expr="iexact", help_text="Party country code."
    )
    meeting = filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    date = filters.DateFromToRangeFilter(help_text="Inclusive: date_after, date_before.")

    class Meta:
        model = Agreement
        fields = ["leader", "country", "meeting", "kind", "status", "date", "review_state"]


class ArticleFilter(filters.FilterSet):
    class Meta:
        model = Article
        fields = ["status"]
