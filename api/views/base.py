"""What every endpoint shares: listing (filters, ordering, pages, CSV and JSON Lines
exports, ``?expand=``), reading, editors' writes and review decisions, and their schema.

The endpoints themselves are in ``people``, ``facts``, ``articles`` and ``merges``.

Views stay thin: querysets load every nested relation up front (a fixed number of queries
per page; ``?expand=`` too, see ``api.expand``), filters live in ``api.filters``, writes go
through ``kb.services`` (the services the pages use, so history and sticky corrections
apply), ``kb.services`` and ``ingest.services``. Lists hide rejected facts (see
``api.filters``); a detail answers for any row by id. Every list also streams as CSV or
JSON Lines (``api.exports``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api import expand
from api.exports import EXPORT_FORMATS, EXPORT_RENDERERS, export_response
from api.ordering import Search, StableOrdering
from api.pagination import Pagination, filter_areas
from api.parsers import JSONParser
from api.serializers.base import NoInputSerializer
from api.serializers.writes import MergeRecordSerializer, MergeSerializer
from kb import roles
from kb.changes import cached
from kb.models import (
    Leader,
)
from kb.services.facts import (
    fact_confirm,
    fact_create_manual,
    fact_delete,
    fact_reject,
    fact_update,
)
from kb.services.merges import leader_merge, meeting_merge

# ---- bases ---------------------------------------------------------------------------------


def no_input(request) -> None:
    """An action that takes no input refuses a body with fields, rather than ignore it."""
    NoInputSerializer(data=request.data).is_valid(raise_exception=True)


class Conflict(APIException):
    """The record is in a state that does not allow this now (409); try again later."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Not now: the record is busy."
    default_code = "conflict"


class ApiViewSet(viewsets.GenericViewSet):
    """Lists: filtered, searched, ordered (ties broken by id), paginated, and exportable
    as CSV or JSON Lines. Filters and ordering apply to lists only."""

    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, Search, StableOrdering]
    exportable = True
    #: The serializer used for lists and exports (defaults to ``serializer_class``).
    list_serializer_class = None
    #: Loads a page's nested data in bulk (``api.loaders``), if the representation has any.
    loader = None
    #: A CSV shape of its own: (columns, a function of the view and a loaded row giving
    #: a dict), instead of the flattened representation.
    spreadsheet = None
    #: What ``?expand=`` offers on lists and details (``api.expand``).
    expandable: dict[str, expand.Expansion] = {}
    expansions: tuple[str, ...] = ()
    #: The ``kb.changes`` areas of what an unfiltered page of the list shows, to keep its
    #: pages until the next write there (every area once a filter or search is given);
    #: None computes every page on every request.
    page_areas: tuple[str, ...] | None = None

    def load(self, objects):
        if self.loader is not None:
            type(self).loader(objects)
        if self.expansions:
            expand.apply(objects, self.expandable, self.expansions)
        return objects

    def initial(self, request, *args, **kwargs):
        fmt = request.query_params.get("format")
        if fmt is not None and fmt not in ("json", "api", *EXPORT_FORMATS):
            raise DRFValidationError({"format": ["Use json, csv or jsonl."]})
        super().initial(request, *args, **kwargs)
        if self.expandable and self.action in ("list", "retrieve"):
            self.expansions = expand.requested(request.query_params, self.expandable)
        if self.expansions and self.action == "list":
            self.paginator.max_rows = expand.MAX_PAGE_SIZE

    def get_renderers(self):
        renderers = super().get_renderers()
        # Also for methods a view lacks (action None), so they get 405, not 404.
        if self.action in ("list", None) and self.exportable:
            renderers += [renderer() for renderer in EXPORT_RENDERERS]
        return renderers

    def get_serializer_class(self):
        if self.action == "list" and self.list_serializer_class is not None:
            return self.list_serializer_class
        return super().get_serializer_class()

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        self.paginator.validate(request)
        fmt = getattr(request.accepted_renderer, "format", "json")
        if fmt in EXPORT_FORMATS:  # the renderers' formats, offered on lists only
            spreadsheet = None
            if self.spreadsheet is not None:
                columns, row = self.spreadsheet
                spreadsheet = (columns, lambda obj: row(self, obj))
            return export_response(
                queryset,
                self.get_serializer(),
                fmt,
                basename=self.basename,
                load=self.load,
                spreadsheet=spreadsheet,
            )
        if self.page_areas is None:
            return self.get_paginated_response(self.page_data(queryset))
        return Response(self.cached_page(request, queryset))

    def page_data(self, queryset):
        page = self.load(self.paginate_queryset(queryset))
        return self.get_serializer(page, many=True).data

    def cached_page(self, request, queryset) -> dict:
        """The page's body, kept per address, parameters and reader's role until the next
        write to what it shows (kb.changes): loading and serializing a page of nested
        rows is most of a list request's time, and readers ask for the same pages."""
        params = sorted(request.query_params.lists())
        key = {
            "base": request.build_absolute_uri(request.path),  # the links name the host
            "params": params,
            "editor": roles.can_edit(request.user),
        }
        paging = (self.paginator.page_query_param, self.paginator.page_size_query_param)
        filters = [name for name, _ in params if name not in (*paging, "format")]

        def compute() -> dict:
            return dict(self.get_paginated_response(self.page_data(queryset)).data)

        areas = (*self.page_areas, *filter_areas(queryset.model, filters))
        return cached(f"api-page-{self.basename}", key, compute, areas=areas)


class ReadViewSet(ApiViewSet):
    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self.load([obj])
        return Response(self.get_serializer(obj).data)


class EditViewSet(ReadViewSet):
    """Editors' additions (POST), corrections (PATCH, no PUT) and deletions of a record,
    each through one ``kb.services`` service (history with the acting user; corrections
    are sticky)."""

    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser]
    update_serializer_class = None

    def correct(self, obj, *, user, changes: dict) -> None:
        raise NotImplementedError

    def remove(self, obj, *, user) -> None:
        raise NotImplementedError

    def _answer(self, obj, code=status.HTTP_200_OK):
        """The record as a detail shows it; a new one (201) also with its address."""
        obj = self.get_queryset().get(pk=obj.pk)  # reload with its relations
        self.load([obj])
        headers = None
        if code == status.HTTP_201_CREATED:
            url = reverse(f"api:{self.basename}-detail", args=[obj.pk], request=self.request)
            headers = {"Location": url}
        return Response(self.get_serializer(obj).data, status=code, headers=headers)

    def partial_update(self, request, *args, **kwargs):
        obj = self.get_object()
        form = self.update_serializer_class(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        self.correct(obj, user=request.user, changes=dict(form.validated_data))
        return self._answer(obj)

    def destroy(self, request, *args, **kwargs):
        obj = self.get_object()
        no_input(request)
        self.remove(obj, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReviewViewSet(EditViewSet):
    """Also editors' review decisions: ``POST {id}/confirm/`` and ``POST {id}/reject/``,
    answered with the record (sticky: extraction never undoes them)."""

    def decide(self, obj, *, user, confirm: bool):
        """Confirm or reject ``obj`` through its ``kb.services`` service; returns it."""
        raise NotImplementedError

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        obj = self.get_object()
        no_input(request)
        return self._answer(self.decide(obj, user=request.user, confirm=True))

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        obj = self.get_object()
        no_input(request)
        return self._answer(self.decide(obj, user=request.user, confirm=False))


WRITE_ERRORS_NOTE = "Editors only (an edit-scoped token or an editor's session)."
#: The 201 answer's header: where the new record is.
CREATED_LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="The new record's API address.",
)


def a_or_an(noun: str) -> str:
    """The noun with its indefinite article: "a meeting", "an agreement"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def review_schema(noun: str, read, *, rejected: str = "") -> dict:
    """The schema of ``ReviewViewSet``'s confirm and reject actions."""
    return {
        "confirm": extend_schema(
            summary=f"Confirm {a_or_an(noun)}",
            description=(
                f"An editor vouches for it as it stands; this also brings back a rejected "
                f"{noun}. {WRITE_ERRORS_NOTE}"
            ),
            request=None,
            responses={200: read},
        ),
        "reject": extend_schema(
            summary=f"Reject {a_or_an(noun)}",
            description=f"Kept, but hidden from lists; never brought back by extraction. "
            f"{rejected}{WRITE_ERRORS_NOTE}",
            request=None,
            responses={200: read},
        ),
    }


def fact_schema(noun: str, read, create, update):
    return extend_schema_view(
        list=extend_schema(summary=f"List {noun}s"),
        retrieve=extend_schema(summary=f"One {noun}"),
        create=extend_schema(
            summary=f"Add {a_or_an(noun)} by hand",
            description=(
                f"{a_or_an(noun).capitalize()} extraction missed, with the article sentence that "
                "states it (`article`, `start`, `end`: offsets into the article's text) as its "
                f"evidence. The {noun} is `confirmed`. {WRITE_ERRORS_NOTE}"
            ),
            request=create,
            responses={201: read},
            parameters=[CREATED_LOCATION],
        ),
        partial_update=extend_schema(
            summary=f"Correct {a_or_an(noun)}",
            description=(
                f"Give only the fields to change. The {noun} becomes `corrected`, and "
                f"re-extraction never changes it again. {WRITE_ERRORS_NOTE}"
            ),
            request=update,
            responses={200: read},
        ),
        destroy=extend_schema(
            summary=f"Delete {a_or_an(noun)}",
            description=(
                f"Removes the {noun} and its evidence; the deletion is in its history and "
                "in `/api/changes/deleted/`. A later re-extraction of its article may find "
                f"it again: to keep a wrong extracted {noun} out, reject it. "
                f"{WRITE_ERRORS_NOTE}"
            ),
            responses={204: None},
        ),
        **review_schema(noun, read),
    )


class FactViewSet(ReviewViewSet):
    """Editors' writes on a fact, all through ``kb.services`` (history with the acting
    user; corrections, confirmations and rejections are sticky)."""

    create_serializer_class = None

    def correct(self, fact, *, user, changes: dict) -> None:
        fact_update(fact=fact, user=user, changes=changes)

    def remove(self, fact, *, user) -> None:
        fact_delete(fact=fact, user=user)

    def create(self, request, *args, **kwargs):
        form = self.create_serializer_class(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        article, start, end = fields.pop("article"), fields.pop("start"), fields.pop("end")
        fact = fact_create_manual(
            model=self.queryset_model(),
            user=request.user,
            article=article,
            sentence_start=start,
            sentence_end=end,
            **fields,
        )
        return self._answer(fact, status.HTTP_201_CREATED)

    def decide(self, fact, *, user, confirm: bool):
        service = fact_confirm if confirm else fact_reject
        return service(fact=fact, user=user)

    def queryset_model(self):
        return self.get_queryset().model


def merge_duplicate(request, keep, model):
    form = MergeSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    other = model.objects.filter(pk=form.validated_data["merge"]).first()
    if other is None:
        raise ValidationError({"merge": f"No {model._meta.verbose_name} with that id."})
    merge = leader_merge if model is Leader else meeting_merge
    record = merge(keep=keep, merge=other, user=request.user)
    return Response(MergeRecordSerializer(record).data)


def merge_schema(noun: str, moved: str):
    return extend_schema(
        summary=f"Merge a duplicate {noun} into this one",
        description=(
            f"Moves the duplicate's {moved} to this {noun} and marks it merged "
            "(`merged_into`; listed in `/api/changes/deleted/`). Recorded, and undoable "
            f"with `POST /api/merges/{{id}}/undo/`. {WRITE_ERRORS_NOTE}"
        ),
        request=MergeSerializer,
        responses={200: MergeRecordSerializer},
    )
