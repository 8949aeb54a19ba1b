"""Meetings, gifts and agreements, and the evidence that supports them."""

from __future__ import annotations

from django.db.models import Count
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fast import date_out, datetime_out, names
from api.loaders import EVIDENCE_SHOWN
from api.serializers.base import (
    COUNTRY_CODE,
    _edited_fields,
    _enum,
    _names,
)
from api.serializers.leaders import (
    LeaderBriefSerializer,
    _brief,
)
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Evidence,
    Gift,
    Meeting,
    MeetingKind,
    ReviewState,
)


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


# ---- facts ---------------------------------------------------------------------------------

FACT_TAIL = [
    "review_state",
    "edited_fields",
    "confidence",
    "created_at",
    "updated_at",
    "evidence",
    "evidence_count",
    "source_count",
]


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
        **_loaded(fact, "evidence_counts", lambda: _evidence_counts(fact)),
    }


_evidence = EvidenceSerializer().to_representation


def _evidence_of(fact) -> list[dict]:
    """A fact's first ``EVIDENCE_SHOWN`` evidence spans, with their articles' titles but
    never their text (the rest are in /api/evidence/)."""
    spans = fact.evidence.with_article_names().order_by("article_id", "start", "id")
    return [_evidence(e) for e in spans[:EVIDENCE_SHOWN]]


def _evidence_counts(fact) -> dict:
    counts = fact.evidence.order_by().aggregate(
        spans=Count("id"), articles=Count("article_id", distinct=True)
    )
    return {"evidence_count": counts["spans"], "source_count": counts["articles"]}


class FactSerializer(serializers.ModelSerializer):
    review_state = _enum(ReviewState)
    edited_fields = _edited_fields()
    evidence = EvidenceSerializer(
        many=True,
        read_only=True,
        help_text=f"The first {EVIDENCE_SHOWN} evidence spans, by article and offset; "
        "all of them are in /api/evidence/ filtered by this fact.",
    )
    evidence_count = serializers.SerializerMethodField(
        help_text="How many evidence spans support this fact."
    )
    source_count = serializers.SerializerMethodField(
        help_text="How many distinct articles support this fact."
    )

    @extend_schema_field(int)
    def get_evidence_count(self, fact) -> int:
        return _loaded(fact, "evidence_counts", lambda: _evidence_counts(fact))["evidence_count"]

    @extend_schema_field(int)
    def get_source_count(self, fact) -> int:
        return _loaded(fact, "evidence_counts", lambda: _evidence_counts(fact))["source_count"]


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
