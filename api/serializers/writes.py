"""Request bodies of the writes (corrections, hand-made facts, leaders, terms, merges), and
the records writes leave: merges and tombstones."""

from __future__ import annotations

from rest_framework import serializers

from api.models import Tombstone
from api.serializers.base import (
    IdField,
    StrictCharField,
    StrictIntegerField,
    StrictSerializer,
    _enum,
    _enum_field_class,
)
from kb.models import (
    AgreementKind,
    AgreementStatus,
    Article,
    Country,
    Leader,
    Meeting,
    MeetingKind,
    MergeKind,
    MergeRecord,
    OfficeKind,
)


def _writable_enum(choices, **kwargs) -> serializers.ChoiceField:
    """Like ``_enum`` but accepted in request bodies (same schema component)."""
    kwargs.setdefault("required", False)
    return _enum_field_class(choices)(choices=choices.choices, **kwargs)


def _active_leaders():
    return Leader.objects.filter(merged_into__isnull=True)


def _leader_ids(**kwargs):
    return IdField(many=True, queryset=_active_leaders(), help_text="Leader ids.", **kwargs)


class CountryCodeField(serializers.SlugRelatedField):
    """An ISO code, or null. An empty string is neither (DRF would read it as null, which
    the schema, a string of at least one character, does not allow)."""

    default_error_messages = {"blank": "Give an ISO 3166 alpha-2 code, or null."}

    def run_validation(self, data=serializers.empty):
        if data == "":
            self.fail("blank")
        return super().run_validation(data)


def _country_code():
    return CountryCodeField(
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        help_text="ISO 3166 alpha-2 code.",
    )


def _country_codes(**kwargs):
    return serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=Country.objects.all(),
        help_text="ISO 3166 alpha-2 codes.",
        **kwargs,
    )


class MeetingUpdateSerializer(StrictSerializer):
    """Fields to correct; those given are kept as set (re-extraction never changes them)."""

    kind = _writable_enum(MeetingKind)
    date = serializers.DateField(required=False, allow_null=True)
    place = StrictCharField(required=False, allow_blank=True, max_length=200)
    host_country = _country_code()
    participants = _leader_ids(required=False)
    topics = serializers.ListField(
        child=StrictCharField(max_length=100), required=False, max_length=50
    )


class LeaderUpdateSerializer(StrictSerializer):
    """Fields to correct; those given are kept as set (re-extraction never changes them)."""

    name = StrictCharField(
        required=False,
        max_length=200,
        help_text="The full name. The name it replaces stays among `other_names`.",
    )
    title = StrictCharField(
        required=False, allow_blank=True, max_length=120, help_text="Title or office."
    )
    country = _country_code()


class LeaderCreateSerializer(LeaderUpdateSerializer):
    """A leader added by hand."""

    name = StrictCharField(max_length=200, help_text="The full name.")


class OfficeUpdateSerializer(StrictSerializer):
    """Fields of a term to correct; those given are kept as set (no load or import of the
    registry changes them again)."""

    country = CountryCodeField(
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        help_text="ISO 3166 alpha-2 code.",
    )
    kind = _writable_enum(OfficeKind)
    title = StrictCharField(required=False, max_length=120, help_text="As news writes it.")
    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False, allow_null=True, help_text="Null: in office.")
    source = StrictCharField(required=False, allow_blank=True, max_length=500)


class OfficeCreateSerializer(OfficeUpdateSerializer):
    """A term added by hand."""

    leader = IdField(queryset=_active_leaders(), help_text="The office-holder's id.")
    country = CountryCodeField(
        slug_field="code", queryset=Country.objects.all(), help_text="ISO 3166 alpha-2 code."
    )
    kind = _writable_enum(OfficeKind, required=True)
    title = StrictCharField(max_length=120, help_text="As news writes it.")
    start = serializers.DateField()


class GiftUpdateSerializer(StrictSerializer):
    giver = IdField(queryset=_active_leaders(), required=False)
    recipient = IdField(queryset=_active_leaders(), required=False)
    item = StrictCharField(required=False, max_length=300)
    date = serializers.DateField(required=False, allow_null=True)
    meeting = IdField(queryset=Meeting.objects.all(), required=False, allow_null=True)


class AgreementUpdateSerializer(StrictSerializer):
    kind = _writable_enum(AgreementKind)
    status = _writable_enum(AgreementStatus)
    summary = StrictCharField(required=False, allow_blank=True, max_length=500)
    date = serializers.DateField(required=False, allow_null=True)
    leader_parties = _leader_ids(required=False)
    country_parties = _country_codes(required=False)


class EvidenceSpanSerializer(StrictSerializer):
    """Where, in which article, the fact is stated: ``article.text[start:end]``."""

    article = IdField(queryset=Article.objects.all())
    start = StrictIntegerField(min_value=0, help_text="Offset of the sentence's start.")
    end = StrictIntegerField(min_value=1, help_text="Offset just past its end.")


class MeetingCreateSerializer(EvidenceSpanSerializer, MeetingUpdateSerializer):
    participants = _leader_ids(allow_empty=False)


class GiftCreateSerializer(EvidenceSpanSerializer, GiftUpdateSerializer):
    giver = IdField(queryset=_active_leaders())
    recipient = IdField(queryset=_active_leaders())
    item = StrictCharField(max_length=300)


class AgreementCreateSerializer(EvidenceSpanSerializer, AgreementUpdateSerializer):
    kind = _writable_enum(AgreementKind, required=True)
    status = _writable_enum(AgreementStatus, required=True)


class MergeSerializer(StrictSerializer):
    merge = StrictIntegerField(
        min_value=1, help_text="Id of the duplicate to fold into this record."
    )


class MergeRecordSerializer(serializers.ModelSerializer):
    kind = _enum(MergeKind)

    class Meta:
        model = MergeRecord
        fields = ["id", "kind", "keep_id", "merged_id", "created_at", "undone_at"]
        read_only_fields = fields


class TombstoneSerializer(serializers.ModelSerializer):
    model = serializers.CharField(help_text="leader, meeting, gift, agreement, article, ...")
    merged_into = serializers.IntegerField(
        allow_null=True, help_text="The record it was merged into; null when deleted."
    )

    class Meta:
        model = Tombstone
        fields = ["id", "model", "object_id", "merged_into", "deleted_at"]
        read_only_fields = fields
