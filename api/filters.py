"""Query-string filters for every list (typed fields in ``api.filter_fields``; the
conditions themselves are ``kb.selectors``'; search and ordering are ``api.ordering``).

- Facts (meetings, gifts, agreements) and leaders that an editor rejected are left out
  of lists unless ``include_rejected`` is true, ``review_state`` is asked for, or the
  list is a change feed (``updated_since``: a mirror must see rejections too). Merged
  leaders are left out likewise (``include_merged``).
- A merged leader's or meeting's id (``?leader=``, ``?giver=``, ``?meeting=``...) stands
  for the record it was merged into, as the pages do (``kb.selectors.merged``).
- Ids that match nothing give an empty list; malformed values (``kind=picnic``,
  ``date_after=yesterday``, ``include_rejected=maybe``) are 400 with the reason.
- ``updated_since`` (ISO 8601; a naive time is UTC) keeps rows changed strictly after it.
- Ordering always ends with ``id``, and NULLs sort last either way, so pages are stable.
- Country codes match case-insensitively.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest
from django_filters import rest_framework as filters

from api.filter_fields import BooleanFilter, ChangedSinceFilter, IdFilter, MergedIdFilter
from api.models import Tombstone
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
    MergeKind,
    MergeRecord,
    Office,
    OfficeKind,
    ReviewState,
)
from kb.selectors.facts import (
    agreement_involving_country,
    agreement_with_party,
    gift_involving_country,
    supported_by,
)
from kb.selectors.leaders import in_office, named_like
from kb.selectors.meetings import involving_country, involving_leader, with_visible
from kb.selectors.merged import by_survivor

#: Help text of an id filter that follows merges, as the pages do.
FOLLOWS = "%s; a merged record's id stands for the record it was merged into."

TOMBSTONE_MODELS = ("country", "leader", "article", "meeting", "gift", "agreement", "evidence")


def _country_codes(value: str) -> str:
    return value.strip().upper()


# ---- bases ---------------------------------------------------------------------------------


class StrictFilterSet(filters.FilterSet):
    """An empty value for a typed filter (``?kind=``, ``?leader=``) is an error, as any
    other value outside its type; only free-text filters take an empty string."""

    def is_valid(self):
        valid = super().is_valid()
        for name, field in self.filters.items():
            if isinstance(field, filters.CharFilter) and not isinstance(
                field, filters.ChoiceFilter
            ):
                continue
            keys = [name]
            if isinstance(field, filters.DateFromToRangeFilter):
                keys = [f"{name}_after", f"{name}_before"]
            if any(key in self.data and self.data.get(key) == "" for key in keys):
                if name not in self.form.errors:
                    self.form.add_error(name, "This value may not be empty.")
                valid = False
        return valid


class ApiFilterSet(StrictFilterSet):
    updated_since = ChangedSinceFilter()


class ReviewedFilterSet(ApiFilterSet):
    """Base for models with a review state: hides rejected rows by default."""

    review_state = filters.ChoiceFilter(choices=ReviewState.choices)
    include_rejected = BooleanFilter(
        method="filter_nothing", help_text="Also list rows an editor rejected (hidden by default)."
    )

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied in filter_queryset

    def show_everything(self) -> bool:
        data = self.form.cleaned_data
        return bool(
            data.get("include_rejected") or data.get("review_state") or data.get("updated_since")
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.show_everything():
            queryset = queryset.visible()
        return queryset


class FactFilterSet(ReviewedFilterSet):
    article = IdFilter(method="filter_article", help_text="Facts an article's evidence supports.")
    date = filters.DateFromToRangeFilter(help_text="Inclusive: date_after, date_before.")

    def filter_article(self, queryset, name, value):
        return supported_by(queryset, value)


# ---- per resource --------------------------------------------------------------------------


class CountryFilter(StrictFilterSet):
    updated_since = ChangedSinceFilter(
        method="filter_static",
        help_text="Accepted for symmetry with the other feeds. Countries are reference data "
        "without a change time: every country is always listed.",
    )

    class Meta:
        model = Country
        fields = ["updated_since"]

    def filter_static(self, queryset, name, value):
        return queryset


class LeaderFilter(ReviewedFilterSet):
    country = filters.CharFilter(
        method="filter_nothing",
        help_text="ISO 3166 alpha-2 code: leaders of that country, or who held one of its "
        "offices. With `office` or `in_office_on`, the same term must match all of them.",
    )
    office = filters.ChoiceFilter(
        choices=OfficeKind.choices,
        method="filter_nothing",
        help_text="Leaders who held an office of this kind (registry terms).",
    )
    in_office_on = filters.DateFilter(
        method="filter_nothing",
        help_text="YYYY-MM-DD: leaders holding an office (of `office`, of `country`) that day.",
    )
    name = filters.CharFilter(
        method="filter_name",
        help_text="Name or alias, or whole words of a name (accents and case ignored).",
    )
    article = IdFilter(field_name="articles", help_text="Leaders an article mentions.")
    include_merged = BooleanFilter(
        method="filter_nothing",
        help_text="Also list leaders merged into another record (hidden by default).",
    )

    class Meta:
        model = Leader
        fields = ["country", "office", "in_office_on", "name", "review_state", "article"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(pk__in=named_like(value))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if not (data.get("include_merged") or data.get("updated_since")):
            queryset = queryset.filter(merged_into__isnull=True)
        return _by_office(queryset, data)


def _by_office(queryset, data):
    """Leaders filtered by country, office kind and day in office, all on one term."""
    day = data.get("in_office_on")
    return in_office(
        queryset, code=data.get("country") or "", kind=data.get("office") or "", start=day, end=day
    )


class OfficeFilter(ReviewedFilterSet):
    leader = MergedIdFilter(
        field_name="leader_id", model=Leader, help_text=FOLLOWS % "The office-holder's id"
    )
    country = filters.CharFilter(
        field_name="country__code", lookup_expr="iexact", help_text="ISO 3166 alpha-2 code."
    )
    kind = filters.ChoiceFilter(choices=OfficeKind.choices)
    in_office_on = filters.DateFilter(
        method="filter_day", help_text="YYYY-MM-DD: terms running that day."
    )

    class Meta:
        model = Office
        fields = ["leader", "country", "kind", "in_office_on", "review_state"]

    def filter_day(self, queryset, name, value):
        return queryset.held_on(value)


def _participant(**lookup):
    through = Meeting.participants.through
    return Exists(through.objects.filter(meeting=OuterRef("pk"), **lookup))


class MeetingFilter(FactFilterSet):
    leader = IdFilter(method="filter_leader", help_text=FOLLOWS % "Participant id")
    leader_name = filters.CharFilter(
        method="filter_leader_name",
        help_text="Participant name or alias, or whole words of a name.",
    )
    country = filters.CharFilter(
        method="filter_country",
        help_text="ISO code of a participant's country or of the host country.",
    )
    kind = filters.ChoiceFilter(choices=MeetingKind.choices)
    has_gifts = BooleanFilter(method="filter_has_gifts")
    has_agreements = BooleanFilter(method="filter_has_agreements")

    class Meta:
        model = Meeting
        fields = ["leader", "country", "kind", "date", "review_state"]

    def filter_leader(self, queryset, name, value):
        return queryset.filter(involving_leader(value))

    def filter_leader_name(self, queryset, name, value):
        return queryset.filter(_participant(leader_id__in=named_like(value)))

    def filter_country(self, queryset, name, value):
        return queryset.filter(involving_country(code=value))

    def filter_has_gifts(self, queryset, name, value):
        gifts = with_visible(Gift)
        return queryset.filter(gifts if value else ~gifts)

    def filter_has_agreements(self, queryset, name, value):
        agreements = with_visible(Agreement)
        return queryset.filter(agreements if value else ~agreements)


class GiftFilter(FactFilterSet):
    leader = MergedIdFilter(
        model=Leader,
        lookups=("giver_id", "recipient_id"),
        help_text=FOLLOWS % "Giver or recipient id",
    )
    leader_name = filters.CharFilter(
        method="filter_leader_name",
        help_text="Giver's or recipient's name or alias, or whole words of a name.",
    )
    giver = MergedIdFilter(field_name="giver_id", model=Leader, help_text=FOLLOWS % "Giver id")
    recipient = MergedIdFilter(
        field_name="recipient_id", model=Leader, help_text=FOLLOWS % "Recipient id"
    )
    meeting = MergedIdFilter(
        field_name="meeting_id", model=Meeting, help_text=FOLLOWS % "Meeting id"
    )
    country = filters.CharFilter(
        method="filter_country", help_text="ISO code of the giver's or recipient's country."
    )

    class Meta:
        model = Gift
        fields = ["leader", "giver", "recipient", "meeting", "date", "review_state"]

    def filter_leader_name(self, queryset, name, value):
        ids = named_like(value)
        return queryset.filter(Q(giver_id__in=ids) | Q(recipient_id__in=ids))

    def filter_country(self, queryset, name, value):
        return queryset.filter(gift_involving_country(value))


class AgreementFilter(FactFilterSet):
    leader = IdFilter(method="filter_leader", help_text=FOLLOWS % "Party id")
    leader_name = filters.CharFilter(
        method="filter_leader_name", help_text="Party name or alias, or whole words of a name."
    )
    country = filters.CharFilter(
        method="filter_country",
        help_text="ISO code of a party country, or of a party leader's country.",
    )
    meeting = MergedIdFilter(
        field_name="meeting_id", model=Meeting, help_text=FOLLOWS % "Meeting id"
    )
    kind = filters.ChoiceFilter(choices=AgreementKind.choices)
    status = filters.ChoiceFilter(choices=AgreementStatus.choices)

    class Meta:
        model = Agreement
        fields = ["leader", "country", "meeting", "kind", "status", "date", "review_state"]

    def filter_leader(self, queryset, name, value):
        through = Agreement.leader_parties.through.objects.filter(
            by_survivor("leader_id", Leader, value)
        )
        return queryset.filter(Exists(through.filter(agreement=OuterRef("pk"))))

    def filter_leader_name(self, queryset, name, value):
        return queryset.filter(agreement_with_party(leader_id__in=named_like(value)))

    def filter_country(self, queryset, name, value):
        return queryset.filter(agreement_involving_country(value))


class ArticleFilter(ApiFilterSet):
    updated_since = ChangedSinceFilter(
        method="filter_changed",
        help_text="Only articles changed (uploaded, edited, started or finished) strictly "
        "after this ISO 8601 date-time (naive means UTC).",
    )
    status = filters.ChoiceFilter(choices=ArticleStatus.choices)
    published = filters.DateFromToRangeFilter(help_text="Inclusive: published_after, _before.")
    leader = IdFilter(
        method="filter_leader", help_text=FOLLOWS % "Articles that mention this leader"
    )
    country = filters.CharFilter(
        method="filter_country", help_text="Articles that mention this country (ISO code)."
    )

    class Meta:
        model = Article
        fields = ["status", "published", "leader", "country"]

    def filter_changed(self, queryset, name, value):
        # Status changes are written with .update() (no auto_now): count their times too.
        changed = Greatest(
            "updated_at",
            Coalesce("started_at", "updated_at"),
            Coalesce("finished_at", "updated_at"),
        )
        return queryset.alias(changed_at=changed).filter(changed_at__gt=value)

    def filter_leader(self, queryset, name, value):
        mentions = Article.leaders.through.objects.filter(by_survivor("leader_id", Leader, value))
        return queryset.filter(Exists(mentions.filter(article=OuterRef("pk"))))

    def filter_country(self, queryset, name, value):
        through = Article.countries.through
        mentions = through.objects.filter(
            article=OuterRef("pk"), country__code=_country_codes(value)
        )
        return queryset.filter(Exists(mentions))


FACT_KINDS = [("meeting", "meeting"), ("gift", "gift"), ("agreement", "agreement")]


class EvidenceFilter(ApiFilterSet):
    updated_since = ChangedSinceFilter(
        field_name="created_at",
        help_text="Only evidence recorded strictly after this ISO 8601 date-time. Evidence "
        "is replaced, never edited; deleted rows are in /api/changes/deleted/.",
    )
    article = IdFilter(field_name="article_id")
    meeting = MergedIdFilter(
        field_name="meeting_id", model=Meeting, help_text=FOLLOWS % "Meeting id"
    )
    gift = IdFilter(field_name="gift_id")
    agreement = IdFilter(field_name="agreement_id")
    fact = filters.ChoiceFilter(
        choices=FACT_KINDS, method="filter_fact", help_text="Evidence for this kind of fact."
    )
    rule = filters.CharFilter(help_text='The extraction rule; "manual" for editors\' additions.')

    class Meta:
        model = Evidence
        fields = ["article", "meeting", "gift", "agreement", "fact", "rule"]

    def filter_fact(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False})


class TombstoneFilter(StrictFilterSet):
    since = ChangedSinceFilter(
        field_name="deleted_at",
        help_text="Only records deleted or merged strictly after this ISO 8601 date-time.",
    )
    updated_since = ChangedSinceFilter(
        field_name="deleted_at",
        help_text="The same as `since`, under the name every other list uses.",
    )
    model = filters.ChoiceFilter(
        choices=[(name, name) for name in TOMBSTONE_MODELS],
        help_text="Only records of this kind.",
    )

    class Meta:
        model = Tombstone
        fields = ["since", "updated_since", "model"]


class MergeFilter(StrictFilterSet):
    updated_since = ChangedSinceFilter(
        method="filter_changed",
        help_text="Only merges made or undone strictly after this ISO 8601 date-time "
        "(naive means UTC).",
    )
    kind = filters.ChoiceFilter(choices=MergeKind.choices)

    class Meta:
        model = MergeRecord
        fields = ["updated_since", "kind"]

    def filter_changed(self, queryset, name, value):
        return queryset.filter(Q(created_at__gt=value) | Q(undone_at__gt=value))
