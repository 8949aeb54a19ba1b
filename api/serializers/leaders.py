"""Countries, leaders and their terms in office."""

from __future__ import annotations

from rest_framework import serializers

from api.fast import date_out, datetime_out, names
from api.serializers.base import (
    COUNTRY_CODE,
    _edited_fields,
    _enum,
    _names,
)
from kb.models import (
    Country,
    Leader,
    Office,
    OfficeKind,
    ReviewState,
)


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
