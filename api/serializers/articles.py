"""Articles (lists and detail, with the facts their evidence supports) and the upload
requests and answers."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.serializers.base import (
    StrictCharField,
    StrictSerializer,
    _enum,
    _enum_field_class,
    article_url,
)
from api.serializers.leaders import (
    LeaderBriefSerializer,
)
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    ArticleStatus,
    Gift,
    Meeting,
    MeetingKind,
    ReviewState,
)


class ArticleSerializer(serializers.ModelSerializer):
    """An article without its text (lists)."""

    url = serializers.SerializerMethodField(help_text="This article's API address.")
    status = _enum(ArticleStatus)
    source_url = serializers.CharField(
        source="url", read_only=True, help_text="For a URL upload: the address given."
    )
    duplicate_of = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="A URL upload whose page was an article already stored: that article's id.",
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "published",
            "source",
            "source_url",
            "media_type",
            "status",
            "duplicate_of",
            "attempts",
            "extractor_version",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, article: Article) -> str:
        return article_url(article, self.context.get("request"))


class ArticleMeetingSerializer(serializers.ModelSerializer):
    kind = _enum(MeetingKind)
    participants = LeaderBriefSerializer(many=True, read_only=True)
    review_state = _enum(ReviewState)

    class Meta:
        model = Meeting
        fields = ["id", "kind", "date", "place", "participants", "review_state"]


class ArticleGiftSerializer(serializers.ModelSerializer):
    giver = LeaderBriefSerializer(read_only=True)
    recipient = LeaderBriefSerializer(read_only=True)
    review_state = _enum(ReviewState)

    class Meta:
        model = Gift
        fields = ["id", "item", "giver", "recipient", "meeting", "review_state"]


class ArticleAgreementSerializer(serializers.ModelSerializer):
    kind = _enum(AgreementKind)
    status = _enum(AgreementStatus)
    review_state = _enum(ReviewState)

    class Meta:
        model = Agreement
        fields = ["id", "kind", "status", "summary", "meeting", "review_state"]


class ArticleDetailSerializer(ArticleSerializer):
    """An article with its text (which evidence offsets index), its last error and, once
    extraction is done, the facts its evidence supports."""

    meetings = ArticleMeetingSerializer(many=True, read_only=True, source="found_meetings")
    gifts = ArticleGiftSerializer(many=True, read_only=True, source="found_gifts")
    agreements = ArticleAgreementSerializer(many=True, read_only=True, source="found_agreements")

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "error",
            "text",
            "meetings",
            "gifts",
            "agreements",
        ]


class ArticleSubmitItemSerializer(StrictSerializer):
    """Exactly one of ``text`` or ``url``, and optionally where the text comes from."""

    text = StrictCharField(
        required=False, allow_blank=True, trim_whitespace=False, help_text="The article text."
    )
    url = StrictCharField(
        required=False, allow_blank=True, help_text="An http(s) page to fetch and read."
    )
    source = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text=(
            "Where the text or file comes from: a publication's name or address (a file's "
            "name when not given). Not with `url`: a fetched page's source is its address."
        ),
    )

    def validate(self, attrs):
        if attrs.get("url") and attrs.get("source"):
            message = "A fetched page's source is its address: give one only with text or a file."
            raise serializers.ValidationError({"source": message})
        return attrs


class ArticleBatchSerializer(StrictSerializer):
    items = ArticleSubmitItemSerializer(
        many=True, help_text="Up to 100 articles, each with `text` or `url`."
    )


class ArticleSubmitSerializer(ArticleSubmitItemSerializer):
    """Exactly one of ``text``, ``file`` or ``url``; several ``file`` parts make a batch."""

    file = serializers.FileField(
        required=False,
        allow_empty_file=True,
        use_url=False,
        help_text="Plain text (UTF-8), HTML or PDF, judged by content. Repeat for a batch.",
    )


class ArticleSubmittedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = _enum(ArticleStatus)
    created = serializers.BooleanField(help_text="False when the same text was already stored.")
    url = serializers.URLField(help_text="The article's API address: poll it for the facts.")


class ArticleBatchItemResultSerializer(serializers.Serializer):
    index = serializers.IntegerField(help_text="Position in the batch.")
    id = serializers.IntegerField(required=False)
    # absent on an item that could not be read (it has `error` instead)
    status = _enum_field_class(ArticleStatus)(choices=ArticleStatus.choices, required=False)
    created = serializers.BooleanField(required=False)
    url = serializers.URLField(required=False)
    error = serializers.DictField(
        child=serializers.CharField(),
        required=False,
        help_text="`detail` and `code` when this item could not be read (nothing saved).",
    )


class ArticleBatchResultSerializer(serializers.Serializer):
    items = ArticleBatchItemResultSerializer(many=True)
