"""Merges of duplicate records, and the change feed's deleted and merged records."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework.decorators import action
from rest_framework.response import Response

from api import filters
from api.models import Tombstone
from api.ordering import StableOrdering
from api.parsers import JSONParser
from api.serializers.writes import MergeRecordSerializer, TombstoneSerializer
from api.views.base import (
    WRITE_ERRORS_NOTE,
    ApiViewSet,
    ReadViewSet,
    no_input,
)
from kb.models import (
    MergeRecord,
)
from kb.services.merges import merge_undo


@extend_schema_view(
    list=extend_schema(summary="List merges", description="Newest first."),
    retrieve=extend_schema(summary="One merge"),
)
class MergeViewSet(ReadViewSet):
    parser_classes = [JSONParser]
    queryset = MergeRecord.objects.all()
    serializer_class = MergeRecordSerializer
    filter_backends = [DjangoFilterBackend, StableOrdering]
    filterset_class = filters.MergeFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at", "-id"]

    @extend_schema(
        summary="Undo a merge",
        description="Puts back everything the merge moved. " + WRITE_ERRORS_NOTE,
        request=None,
        responses={200: MergeRecordSerializer},
    )
    @action(detail=True, methods=["post"])
    def undo(self, request, pk=None):
        record = self.get_object()
        no_input(request)
        record = merge_undo(record=record, user=request.user)
        return Response(MergeRecordSerializer(record).data)


@extend_schema_view(
    list=extend_schema(
        summary="Deleted and merged records",
        description=(
            "The change feed's other half: records deleted, or merged into another "
            "(`merged_into`), after `since`, oldest first. A mirror applies the lists' "
            "`updated_since` rows, then these."
        ),
    )
)
class DeletedViewSet(ApiViewSet):
    queryset = Tombstone.objects.all()
    serializer_class = TombstoneSerializer
    filter_backends = [DjangoFilterBackend, StableOrdering]
    filterset_class = filters.TombstoneFilter
    ordering_fields = ["deleted_at", "id"]
    ordering = ["deleted_at", "id"]
