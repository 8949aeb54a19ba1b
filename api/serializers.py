"""Representations for the API. Read serializers are small ModelSerializers; every fact
(meeting, gift, agreement) carries its review state, confidence and evidence spans.

Nested relations rely on the querysets in ``api.views`` having loaded them (select /
prefetch), so a page costs the same number of queries whatever its size.
"""

from __future__ import annotations

from functools import cache

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

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
    ReviewState,
)

COUNTRY_CODE = {"slug_field": "code", "read_only": True}


@cache
def _enum_field_class(choices) -> type[serializers.ChoiceField]:
    schema = {"type": "string", "enum": list(choices.values)}
    field_class = type(f"{choices.__name__}Field", (serializers.ChoiceField,), {})
    return extend_schema_field(schema, component_name=choices.__name__)(field_class)


def _enum(choices) -> serializers.ChoiceField:
    """A read-only choice field shown in the schema as one enum component named after
    its choices class (fields called "kind" or "status" exist with different choices)."""
    return _enum_field_class(choices)(choices=choices.choices, read_only=True)


def article_url(article: Article, request=None) -> str:
    """The article's API address (absolute when there is a request)."""
    return reverse("api:article-detail", args=[article.pk], request=request)


def _names():
    return serializers.ListField(child=serializers.CharField(), read_only=True)


class EvidenceSerializer(serializers.ModelSerializer):
    """A span of an article that supports a fact; ``start``/``end`` index its text."""

    article_title = serializers.CharField(source="article.title", read_only=True)

    class Meta:
        model = Evidence
        fields = [
            "article",
            "article_title",
            "sentence",
            "start",
            "end",
            "confidence",
            "extractor_version",
            "rule",
        ]


class CountrySerializer(serializers.ModelSerializer):
    other_names = _names()
    demonyms = _names()

    class Meta:
        model = Country
        fields = ["code", "name", "official_name", "other_names", "demonyms", "capital"]


class LeaderBriefSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(**COUNTRY_CODE, allow_null=True)

    class Meta:
        model = Leader
        fields = ["id", "name", "country"]


class LeaderSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(**COUNTRY_CODE, allow_null=True)
    other_names = _names()
    review_state = _enum(ReviewState)

    class Meta:
        model = Leader
        fields = [
            "id",
            "name",
            "other_names",
            "title",
            "country",
            "merged_into",
            "review_state",
            "confidence",
        ]


class MeetingGiftSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gift
        fields = ["id", "item", "giver", "recipient"]


class MeetingAgreementSerializer(serializers.ModelSerializer):
    kind = _enum(AgreementKind)
    status = _enum(AgreementStatus)

    class Meta:
        model = Agreement
        fields = ["id", "kind", "status", "summary"]


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting with its participants, host, gifts and agreements (rejected ones left
    out) and the evidence for it."""

    kind = _enum(MeetingKind)
    participants = LeaderBriefSerializer(many=True, read_only=True)
    host_country = serializers.SlugRelatedField(**COUNTRY_CODE, allow_null=True)
    topics = _names()
    gifts = MeetingGiftSerializer(many=True, read_only=True)
    agreements = MeetingAgreementSerializer(many=True, read_only=True)
    review_state = _enum(ReviewState)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "kind",
            "date",
            "place",
            "host_country",
            "participants",
            "topics",
            "gifts",
            "agreements",
            "review_state",
            "confidence",
            "evidence",
        ]


class GiftSerializer(serializers.ModelSerializer):
    giver = LeaderBriefSerializer(read_only=True)
    recipient = LeaderBriefSerializer(read_only=True)
    review_state = _enum(ReviewState)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Gift
        fields = [
            "id",
            "item",
            "giver",
            "recipient",
            "meeting",
            "date",
            "review_state",
            "confidence",
            "evidence",
        ]


class AgreementSerializer(serializers.ModelSerializer):
    kind = _enum(AgreementKind)
    status = _enum(AgreementStatus)
    leader_parties = LeaderBriefSerializer(many=True, read_only=True)
    country_parties = serializers.SlugRelatedField(**COUNTRY_CODE, many=True)
    review_state = _enum(ReviewState)
    evidence = EvidenceSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "kind",
            "status",
            "summary",
            "date",
            "meeting",
            "leader_parties",
            "country_parties",
            "review_state",
            "confidence",
            "evidence",
        ]


class ArticleSerializer(serializers.ModelSerializer):
    """An article without its text (lists)."""

    url = serializers.SerializerMethodField()
    status = _enum(ArticleStatus)

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "published",
            "source",
            "media_type",
            "status",
            "attempts",
            "extractor_version",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, article: Article) -> str:
        return article_url(article, self.context.get("request"))


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its text (which evidence offsets index) and last error."""

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "error", "text"]


class ArticleTextSubmitSerializer(serializers.Serializer):
    """Exactly one of ``text`` or ``url`` (JSON or form body)."""

    text = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="The article text."
    )
    url = serializers.CharField(
        required=False, allow_blank=True, help_text="An http(s) page to fetch and read."
    )


class ArticleSubmitSerializer(ArticleTextSubmitSerializer):
    """Exactly one of ``text``, ``file`` or ``url`` (multipart body)."""

    file = serializers.FileField(
        required=False,
        allow_empty_file=True,
        use_url=False,
        help_text="Plain text (UTF-8), HTML or PDF, judged by content.",
    )


class ArticleSubmittedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = _enum(ArticleStatus)
    created = serializers.BooleanField(help_text="False when the same text was already stored.")
    url = serializers.URLField(help_text="The article's API address.")


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


# ---- editors' writes (PATCH bodies; every field optional) --------------------------------


def _writable_enum(choices) -> serializers.ChoiceField:
    """Like ``_enum`` but accepted in request bodies (same schema component)."""
    return _enum_field_class(choices)(choices=choices.choices, required=False)


def _active_leaders():
    return Leader.objects.filter(merged_into__isnull=True)


class MeetingUpdateSerializer(serializers.Serializer):
    """Fields to correct; those given are kept as set (re-extraction never changes them)."""

    kind = _writable_enum(MeetingKind)
    date = serializers.DateField(required=False, allow_null=True)
    place = serializers.CharField(required=False, allow_blank=True, max_length=200)
    host_country = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        help_text="ISO 3166 alpha-2 code.",
    )
    participants = serializers.PrimaryKeyRelatedField(
        many=True, queryset=_active_leaders(), required=False, help_text="Leader ids."
    )
    topics = serializers.ListField(child=serializers.CharField(), required=False)


class GiftUpdateSerializer(serializers.Serializer):
    giver = serializers.PrimaryKeyRelatedField(queryset=_active_leaders(), required=False)
    recipient = serializers.PrimaryKeyRelatedField(queryset=_active_leaders(), required=False)
    item = serializers.CharField(required=False, max_length=300)
    date = serializers.DateField(required=False, allow_null=True)
    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )


class AgreementUpdateSerializer(serializers.Serializer):
    kind = _writable_enum(AgreementKind)
    status = _writable_enum(AgreementStatus)
    summary = serializers.CharField(required=False, allow_blank=True, max_length=500)
    date = serializers.DateField(required=False, allow_null=True)
    leader_parties = serializers.PrimaryKeyRelatedField(
        many=True, queryset=_active_leaders(), required=False, help_text="Leader ids."
    )
    country_parties = serializers.SlugRelatedField(
        many=True,
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        help_text="ISO 3166 alpha-2 codes.",
    )


class LeaderMergeSerializer(serializers.Serializer):
    merge = serializers.PrimaryKeyRelatedField(
        queryset=_active_leaders(),
        help_text="Id of the duplicate leader to fold into this one.",
    )


class MergeRecordSerializer(serializers.ModelSerializer):
    kind = _enum(MergeKind)

    class Meta:
        model = MergeRecord
        fields = ["id", "kind", "keep_id", "merged_id", "created_at", "undone_at"]
        read_only_fields = fields
