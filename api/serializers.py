"""Representations for the API.

Read serializers are small ModelSerializers whose declared fields document the schema.
The ones a list renders many times over (facts, leaders, evidence and their nested
summaries) also have a hand-written ``to_representation`` producing exactly what the
declared fields would (``tests/api/test_lists.py`` holds them to it) in a fraction
of the time; see ``api.fast``. Nested relations rely on the querysets in ``api.loaders``
having loaded them, so a page costs the same number of queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from django.http import QueryDict
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from api.fast import date_out, datetime_out, names
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


def article_url(article_or_id, request=None) -> str:
    """The article's API address (absolute when there is a request)."""
    pk = getattr(article_or_id, "pk", article_or_id)
    return reverse("api:article-detail", args=[pk], request=request)


def _names():
    return serializers.ListField(child=serializers.CharField(), read_only=True)


# ---- strict request bodies ------------------------------------------------------------------
# A body names only fields the request takes: one it does not (a typo, or a read-only field
# of the representation sent back) is an error, never silently dropped. Bodies are JSON: a
# number is not accepted for text, nor text for a number or an id.

#: Sent by HTML forms (the browsable API's too) besides their fields.
FORM_EXTRAS = frozenset({"csrfmiddlewaretoken"})


class StrictSerializer(serializers.Serializer):
    """A request body that refuses, with a message per field, every field it does not
    take, along with any other errors it has. The schema says so
    (``additionalProperties: false``, see ``api.schema``)."""

    def to_internal_value(self, data):
        refused = self._refused(data)
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if refused and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**refused, **exc.detail}) from exc
            raise
        if refused:
            raise serializers.ValidationError(refused)
        return value

    def _refused(self, data) -> dict[str, list[str]]:
        if not isinstance(data, Mapping):
            return {}  # DRF refuses it as a whole
        taken = [name for name, field in self.fields.items() if not field.read_only]
        extras = FORM_EXTRAS if isinstance(data, QueryDict) else frozenset()
        refused = [str(key) for key in data if key not in taken and key not in extras]
        if not refused:
            return {}
        takes = ", ".join(taken) or "no fields"
        return {
            key: [f"Unknown or read-only field: this request takes {takes}."] for key in refused
        }


class NoInputSerializer(StrictSerializer):
    """The body of an action that takes no input (confirm, reject, retry, undo, delete):
    empty, or an empty object."""


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.PrimaryKeyRelatedField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


# ---- shared pieces -------------------------------------------------------------------------


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

    def to_representation(self, e):
        return {
            "article": e.article_id,
            "article_title": e.article.title,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "confidence": e.confidence,
            "extractor_version": e.extractor_version,
            "rule": e.rule,
        }


class EvidenceRowSerializer(serializers.ModelSerializer):
    """Evidence as a resource of its own (``/api/evidence/``)."""

    fact = serializers.SerializerMethodField()

    class Meta:
        model = Evidence
        fields = [
            "id",
            "article",
            "fact",
            "meeting",
            "gift",
            "agreement",
            "sentence",
            "start",
            "end",
            "sentence_start",
            "confidence",
            "extractor_version",
            "rule",
            "created_at",
        ]

    @extend_schema_field({"type": "string", "enum": ["meeting", "gift", "agreement"]})
    def get_fact(self, e) -> str:
        return "meeting" if e.meeting_id else "gift" if e.gift_id else "agreement"

    def to_representation(self, e):
        return {
            "id": e.pk,
            "article": e.article_id,
            "fact": self.get_fact(e),
            "meeting": e.meeting_id,
            "gift": e.gift_id,
            "agreement": e.agreement_id,
            "sentence": e.sentence,
            "start": e.start,
            "end": e.end,
            "sentence_start": e.sentence_start,
            "confidence": e.confidence,
            "extractor_version": e.extractor_version,
            "rule": e.rule,
            "created_at": datetime_out(e.created_at),
        }


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

    def to_representation(self, leader):
        country = leader.country
        return {"id": leader.pk, "name": leader.name, "country": country.code if country else None}


def _brief(leader) -> dict:
    country = leader.country
    return {"id": leader.pk, "name": leader.name, "country": country.code if country else None}


def _edited_fields():
    return serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Fields an editor set; extraction never changes them.",
    )


#: Keys a leader has only when asked for with ``?expand=`` (see ``api.expand``).
LEADER_EXPANSIONS = ("meetings", "gifts", "agreements")


def attach_offices(leaders) -> None:
    """Load the terms of many leaders in one query (as ``visible_offices``)."""
    leaders = [leader for leader in leaders if getattr(leader, "visible_offices", None) is None]
    if not leaders:
        return
    by_leader: dict[int, list[Office]] = {leader.pk: [] for leader in leaders}
    terms = (
        Office.objects.visible()
        .filter(leader_id__in=list(by_leader))
        .select_related("country")
        .order_by("start", "id")
    )
    for office in terms:
        by_leader[office.leader_id].append(office)
    for leader in leaders:
        leader.visible_offices = by_leader[leader.pk]


def _visible_offices(leader: Leader) -> list[Office]:
    """The leader's terms, not rejected ones (prefetched as ``visible_offices`` by lists)."""
    cached = getattr(leader, "visible_offices", None)
    if cached is not None:
        return cached
    return list(leader.offices.visible().select_related("country").order_by("start", "id"))


def office_out(office: Office) -> dict:
    return {
        "id": office.pk,
        "leader": office.leader_id,
        "country": office.country.code,
        "kind": office.kind,
        "title": office.title,
        "start": date_out(office.start),
        "end": date_out(office.end),
        "heads_government": office.heads_government,
        "source": office.source,
        "review_state": office.review_state,
        "edited_fields": names(office.edited_fields),
        "updated_at": datetime_out(office.updated_at),
    }


class OfficeSerializer(serializers.ModelSerializer):
    """One term in one office: who, which country, which office, from when to when
    (`end` null while in office), and where that is recorded (`source`)."""

    country = serializers.SlugRelatedField(**COUNTRY_CODE)
    kind = _enum(OfficeKind)
    review_state = _enum(ReviewState)
    edited_fields = _edited_fields()

    class Meta:
        model = Office
        fields = [
            "id",
            "leader",
            "country",
            "kind",
            "title",
            "start",
            "end",
            "heads_government",
            "source",
            "review_state",
            "edited_fields",
            "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, office):
        return office_out(office)


class LeaderSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(**COUNTRY_CODE, allow_null=True)
    other_names = _names()
    review_state = _enum(ReviewState)
    edited_fields = _edited_fields()
    offices = OfficeSerializer(
        many=True, read_only=True, help_text="Terms in office (the registry), oldest first."
    )

    class Meta:
        model = Leader
        fields = [
            "id",
            "name",
            "other_names",
            "title",
            "country",
            "offices",
            "merged_into",
            "review_state",
            "edited_fields",
            "confidence",
            "updated_at",
        ]

    def to_representation(self, leader):
        country = leader.country
        out = {
            "id": leader.pk,
            "name": leader.name,
            "other_names": names(leader.other_names),
            "title": leader.title,
            "country": country.code if country else None,
            "offices": [office_out(o) for o in _visible_offices(leader)],
            "merged_into": leader.merged_into_id,
            "review_state": leader.review_state,
            "edited_fields": names(leader.edited_fields),
            "confidence": leader.confidence,
            "updated_at": datetime_out(leader.updated_at),
        }
        for name in LEADER_EXPANSIONS:
            expanded = getattr(leader, f"api_{name}", None)
            if expanded is not None:
                out[name] = expanded
        return out


# ---- facts ---------------------------------------------------------------------------------

FACT_TAIL = ["review_state", "edited_fields", "confidence", "created_at", "updated_at", "evidence"]


def _loaded(obj, name: str, load):
    """What ``api.loaders`` attached to ``obj`` for a relation, else ``load()`` (a detail
    reloaded after a write, or a caller that did not use the loaders)."""
    value = getattr(obj, f"api_{name}", None)
    return load() if value is None else value


def _fact_tail(fact) -> dict:
    return {
        "review_state": fact.review_state,
        "edited_fields": names(fact.edited_fields),
        "confidence": fact.confidence,
        "created_at": datetime_out(fact.created_at),
        "updated_at": datetime_out(fact.updated_at),
        "evidence": _loaded(fact, "evidence", lambda: _evidence_of(fact)),
    }


_evidence = EvidenceSerializer().to_representation


def _evidence_of(fact) -> list[dict]:
    """A fact's evidence, with its articles' titles but never their text."""
    return [
        _evidence(e)
        for e in fact.evidence.with_article_names().order_by("article_id", "start", "id")
    ]


class FactSerializer(serializers.ModelSerializer):
    review_state = _enum(ReviewState)
    edited_fields = _edited_fields()
    evidence = EvidenceSerializer(many=True, read_only=True)


class MeetingGiftSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gift
        fields = ["id", "item", "giver", "recipient"]

    def to_representation(self, g):
        return {"id": g.pk, "item": g.item, "giver": g.giver_id, "recipient": g.recipient_id}


class MeetingAgreementSerializer(serializers.ModelSerializer):
    kind = _enum(AgreementKind)
    status = _enum(AgreementStatus)

    class Meta:
        model = Agreement
        fields = ["id", "kind", "status", "summary"]

    def to_representation(self, a):
        return {"id": a.pk, "kind": a.kind, "status": a.status, "summary": a.summary}


_gift_brief = MeetingGiftSerializer().to_representation
_agreement_brief = MeetingAgreementSerializer().to_representation


class MeetingSerializer(FactSerializer):
    """A meeting with its participants, host, gifts and agreements (rejected ones left
    out) and the evidence for it."""

    kind = _enum(MeetingKind)
    participants = LeaderBriefSerializer(many=True, read_only=True)
    host_country = serializers.SlugRelatedField(**COUNTRY_CODE, allow_null=True)
    topics = _names()
    gifts = MeetingGiftSerializer(many=True, read_only=True)
    agreements = MeetingAgreementSerializer(many=True, read_only=True)

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
            "merged_into",
            *FACT_TAIL,
        ]

    def to_representation(self, m):
        host = m.host_country
        return {
            "id": m.pk,
            "kind": m.kind,
            "date": date_out(m.date),
            "place": m.place,
            "host_country": host.code if host else None,
            "participants": _loaded(
                m, "participants", lambda: [_brief(p) for p in m.participants.all()]
            ),
            "topics": names(m.topics),
            "gifts": _loaded(m, "gifts", lambda: [_gift_brief(g) for g in m.gifts.visible()]),
            "agreements": _loaded(
                m, "agreements", lambda: [_agreement_brief(a) for a in m.agreements.visible()]
            ),
            "merged_into": m.merged_into_id,
            **_fact_tail(m),
        }


class GiftSerializer(FactSerializer):
    giver = LeaderBriefSerializer(read_only=True)
    recipient = LeaderBriefSerializer(read_only=True)

    class Meta:
        model = Gift
        fields = ["id", "item", "giver", "recipient", "meeting", "date", *FACT_TAIL]

    def to_representation(self, g):
        return {
            "id": g.pk,
            "item": g.item,
            "giver": _brief(g.giver),
            "recipient": _brief(g.recipient),
            "meeting": g.meeting_id,
            "date": date_out(g.date),
            **_fact_tail(g),
        }


class AgreementSerializer(FactSerializer):
    kind = _enum(AgreementKind)
    status = _enum(AgreementStatus)
    leader_parties = LeaderBriefSerializer(many=True, read_only=True)
    country_parties = serializers.SlugRelatedField(**COUNTRY_CODE, many=True)

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
            *FACT_TAIL,
        ]

    def to_representation(self, a):
        return {
            "id": a.pk,
            "kind": a.kind,
            "status": a.status,
            "summary": a.summary,
            "date": date_out(a.date),
            "meeting": a.meeting_id,
            "leader_parties": _loaded(
                a, "leader_parties", lambda: [_brief(p) for p in a.leader_parties.all()]
            ),
            "country_parties": _loaded(
                a, "country_parties", lambda: [c.code for c in a.country_parties.all()]
            ),
            **_fact_tail(a),
        }


# ---- articles ------------------------------------------------------------------------------


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


class ErrorSerializer(serializers.Serializer):
    """Every error answer (400, 401, 403, 404, 405, 413, 429) has this shape."""

    detail = serializers.CharField(help_text="What went wrong, for people.")
    code = serializers.CharField(help_text="What went wrong, for programs.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid input: messages per field (nested fields joined by dots).",
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
