"""Meetings, gifts, agreements and the evidence for them."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action

from api import expand, filters, loaders
from api.loaders import agreements, gifts, meetings
from api.ordering import MeetingSearch, StableOrdering
from api.serializers.facts import (
    AgreementSerializer,
    EvidenceRowSerializer,
    GiftSerializer,
    MeetingSerializer,
)
from api.serializers.writes import (
    AgreementCreateSerializer,
    AgreementUpdateSerializer,
    GiftCreateSerializer,
    GiftUpdateSerializer,
    MeetingCreateSerializer,
    MeetingUpdateSerializer,
)
from api.views.base import (
    FactViewSet,
    ReadViewSet,
    fact_schema,
    merge_duplicate,
    merge_schema,
)
from kb.changes import AGREEMENTS, EVIDENCE, GIFTS, MEETINGS
from kb.models import (
    Evidence,
    Meeting,
)
from kb.selectors.exports import MEETING_COLUMNS, meeting_cells, meeting_row


@fact_schema(
    "meeting",
    MeetingSerializer,
    MeetingCreateSerializer,
    MeetingUpdateSerializer,
)
class MeetingViewSet(FactViewSet):
    """Meetings, newest first; ``?ordering=date`` for oldest first."""

    serializer_class = MeetingSerializer
    create_serializer_class = MeetingCreateSerializer
    update_serializer_class = MeetingUpdateSerializer
    filterset_class = filters.MeetingFilter
    filter_backends = [DjangoFilterBackend, MeetingSearch, StableOrdering]
    ordering_fields = ["date", "id", "updated_at", "confidence", "kind"]
    ordering = ["-date", "-id"]

    loader = loaders.load_meetings
    expandable = expand.MEETING
    # A row counts its gifts, agreements and sources, its evidence rows (names are
    # labels: kb.changes); an article's status is not shown.
    page_areas = (MEETINGS, GIFTS, AGREEMENTS, EVIDENCE)

    def csv_row(self, meeting) -> dict:
        """The meetings page's CSV row, from what ``api.loaders`` loaded."""
        counts = {
            "gift_count": len(meeting.api_gifts),
            "agreement_count": len(meeting.api_agreements),
            "source_count": meeting.api_evidence_counts["source_count"],
        }
        url = self.request.build_absolute_uri(meeting.get_absolute_url())
        row = meeting_row(meeting, participants=meeting.api_participants, counts=counts, url=url)
        return dict(zip(MEETING_COLUMNS, meeting_cells(row), strict=True))

    spreadsheet = (MEETING_COLUMNS, csv_row)

    def get_queryset(self):
        return meetings()

    @merge_schema("meeting", "participants, evidence, gifts and agreements")
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        return merge_duplicate(request, self.get_object(), Meeting)


@fact_schema(
    "gift",
    GiftSerializer,
    GiftCreateSerializer,
    GiftUpdateSerializer,
)
class GiftViewSet(FactViewSet):
    serializer_class = GiftSerializer
    create_serializer_class = GiftCreateSerializer
    update_serializer_class = GiftUpdateSerializer
    filterset_class = filters.GiftFilter
    search_fields = ["item"]
    ordering_fields = ["date", "id", "updated_at", "confidence", "item"]
    ordering = ["-date", "-id"]

    loader = loaders.load_gifts

    def get_queryset(self):
        return gifts()


@fact_schema(
    "agreement",
    AgreementSerializer,
    AgreementCreateSerializer,
    AgreementUpdateSerializer,
)
class AgreementViewSet(FactViewSet):
    serializer_class = AgreementSerializer
    create_serializer_class = AgreementCreateSerializer
    update_serializer_class = AgreementUpdateSerializer
    filterset_class = filters.AgreementFilter
    search_fields = ["summary"]
    ordering_fields = ["date", "id", "updated_at", "confidence", "kind", "status"]
    ordering = ["-date", "-id"]

    loader = loaders.load_agreements

    def get_queryset(self):
        return agreements()


@extend_schema_view(
    list=extend_schema(summary="List evidence", description="Article spans supporting facts."),
    retrieve=extend_schema(summary="One evidence span"),
)
class EvidenceViewSet(ReadViewSet):
    queryset = Evidence.objects.defer("candidate")
    serializer_class = EvidenceRowSerializer
    filterset_class = filters.EvidenceFilter
    search_fields = ["sentence"]
    ordering_fields = ["id", "created_at", "confidence", "start"]
    ordering = ["id"]
