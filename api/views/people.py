"""Countries, leaders and their terms in office."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.decorators import action

from api import expand, filters
from api.serializers.leaders import CountrySerializer, LeaderSerializer, OfficeSerializer
from api.serializers.writes import (
    LeaderCreateSerializer,
    LeaderUpdateSerializer,
    OfficeCreateSerializer,
    OfficeUpdateSerializer,
)
from api.views.base import (
    CREATED_LOCATION,
    WRITE_ERRORS_NOTE,
    ReadViewSet,
    ReviewViewSet,
    merge_duplicate,
    merge_schema,
    review_schema,
)
from kb.models import (
    Country,
    Leader,
    Office,
)
from kb.services.leaders import (
    leader_confirm,
    leader_create,
    leader_delete,
    leader_reject,
    leader_update,
)
from kb.services.offices import office_confirm, office_create, office_reject, office_update


@extend_schema_view(
    list=extend_schema(summary="List countries"),
    retrieve=extend_schema(summary="One country, by ISO code"),
)
class CountryViewSet(ReadViewSet):
    """Countries, looked up by ISO 3166 alpha-2 code (any case)."""

    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    filterset_class = filters.CountryFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    search_fields = ["name", "official_name", "code"]
    ordering_fields = ["name", "code", "id"]
    ordering = ["name"]

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(summary="List leaders"),
    retrieve=extend_schema(summary="One leader"),
    create=extend_schema(
        summary="Add a leader by hand",
        description=(
            "A leader extraction missed (or one a fact added by hand needs): `name`, and "
            "optionally `title` and `country`. The leader is `confirmed`, and "
            "re-extraction never changes the fields given. A leader already recorded "
            "under this name (or an alias of it) with the same country, or also without "
            "one, is **400** with that record's id: correct it, or confirm it if it was "
            f"rejected. {WRITE_ERRORS_NOTE}"
        ),
        request=LeaderCreateSerializer,
        responses={201: LeaderSerializer},
        parameters=[CREATED_LOCATION],
    ),
    partial_update=extend_schema(
        summary="Correct a leader",
        description=(
            "Give only the fields to change: `name`, `title`, `country`. The leader becomes "
            "`corrected`, and re-extraction never changes those fields again; a replaced "
            "name stays among `other_names`, so articles that use it still find this "
            "leader. A merged leader is corrected through the one it went into. "
            f"{WRITE_ERRORS_NOTE}"
        ),
        request=LeaderUpdateSerializer,
        responses={200: LeaderSerializer},
    ),
    destroy=extend_schema(
        summary="Delete a leader",
        description=(
            "Removes a leader entered or extracted by mistake, with its article mentions; "
            "the deletion is in its history and in `/api/changes/deleted/`. Only a leader "
            "nothing rests on: one still named by a meeting, gift or agreement, one another "
            "leader was merged into, or one itself merged, is **400** with the reason "
            "(merge it into the right leader instead, which moves its facts). A later "
            f"re-extraction of an article that names it may find it again. {WRITE_ERRORS_NOTE}"
        ),
        responses={204: None},
    ),
    **review_schema(
        "leader",
        LeaderSerializer,
        rejected=(
            "Its facts stay as they are (review them one by one), and extraction still "
            "finds it under its names, so it never adds the leader again. A merged leader "
            "is reviewed through the one it went into. "
        ),
    ),
)
class LeaderViewSet(ReviewViewSet):
    """Leaders, by name; merged ones are left out of lists unless `include_merged` is
    given, rejected ones unless `include_rejected` or `review_state` is."""

    queryset = Leader.objects.select_related("country").prefetch_related(
        Prefetch(
            "offices",
            queryset=Office.objects.visible().select_related("country").order_by("start", "id"),
            to_attr="visible_offices",
        )
    )
    serializer_class = LeaderSerializer
    update_serializer_class = LeaderUpdateSerializer
    filterset_class = filters.LeaderFilter
    search_fields = ["name"]
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name"]
    expandable = expand.LEADER

    def create(self, request, *args, **kwargs):
        form = LeaderCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        leader = leader_create(user=request.user, **form.validated_data)
        return self._answer(leader, status.HTTP_201_CREATED)

    def correct(self, leader, *, user, changes: dict) -> None:
        leader_update(leader=leader, user=user, changes=changes)

    def remove(self, leader, *, user) -> None:
        leader_delete(leader=leader, user=user)

    def decide(self, leader, *, user, confirm: bool):
        service = leader_confirm if confirm else leader_reject
        return service(leader=leader, user=user)

    @merge_schema("leader", "meetings, gifts, agreements, article mentions and names")
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        return merge_duplicate(request, self.get_object(), Leader)


@extend_schema_view(
    list=extend_schema(summary="List terms in office (the leader registry)"),
    retrieve=extend_schema(summary="One term in office"),
    create=extend_schema(
        summary="Add a term by hand",
        description=(
            "A term the registry lacks: `leader`, `country`, `kind`, `title`, `start`, and "
            "`end` (null while in office). It is `confirmed`; no registry load or import "
            "changes it. A term that ends before it starts, an unknown country, or one "
            "repeating a term the leader holds in the same office then is **400** with the "
            f"reason. {WRITE_ERRORS_NOTE}"
        ),
        request=OfficeCreateSerializer,
        responses={201: OfficeSerializer},
        parameters=[CREATED_LOCATION],
    ),
    partial_update=extend_schema(
        summary="Correct or end a term",
        description=(
            "Give only the fields to change (`end` to end a running term). The term "
            "becomes `corrected`; no registry load or import changes those fields again. "
            f"{WRITE_ERRORS_NOTE}"
        ),
        request=OfficeUpdateSerializer,
        responses={200: OfficeSerializer},
    ),
    **review_schema(
        "term",
        OfficeSerializer,
        rejected="It leaves the registry extraction uses, and no load brings it back. ",
    ),
)
class OfficeViewSet(ReviewViewSet):
    """Terms in office: who held which office of which country, and when."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    queryset = Office.objects.select_related("country")
    serializer_class = OfficeSerializer
    update_serializer_class = OfficeUpdateSerializer
    filterset_class = filters.OfficeFilter
    search_fields = ["title", "leader__name"]
    ordering_fields = ["start", "end", "id", "updated_at"]
    ordering = ["start", "id"]

    def create(self, request, *args, **kwargs):
        form = OfficeCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        office = office_create(user=request.user, **form.validated_data)
        return self._answer(office, status.HTTP_201_CREATED)

    def correct(self, office, *, user, changes: dict) -> None:
        office_update(office=office, user=user, changes=changes)

    def decide(self, office, *, user, confirm: bool):
        service = office_confirm if confirm else office_reject
        return service(office=office, user=user)
