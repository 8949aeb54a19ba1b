"""The REST API's endpoints.

Views stay thin: querysets load every nested relation up front (a fixed number of queries
per page; ``?expand=`` too, see ``api.expand``), filters live in ``api.filters``, writes go
through ``kb.curation`` (the services the pages use, so history and sticky corrections
apply), ``api.services`` and ``ingest.services``. Lists hide rejected facts (see
``api.filters``); a detail answers for any row by id. Every list also streams as CSV or
JSON Lines (``api.exports``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.reverse import reverse

from api import expand, filters, loaders, serializers
from api.exceptions import RequestTooLarge
from api.exports import EXPORT_FORMATS, EXPORT_RENDERERS, export_response
from api.loaders import agreements, gifts, meetings
from api.models import Tombstone
from api.pagination import Pagination
from api.parsers import JSONParser
from api.services import articles_submit, fact_delete
from ingest.read import UploadRejected
from ingest.services import article_requeue, article_submit
from ingest.upload import upload_item, upload_items
from kb import curation, offices
from kb.models import (
    Agreement,
    Article,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MergeRecord,
    Office,
)
from kb.selectors.exports import MEETING_COLUMNS, meeting_cells, meeting_row
from kb.selectors.facts import facts_of_article
from kb.selectors.rows import leaders_prefetch
from kb.services import ArticleBusy, article_delete

# ---- bases ---------------------------------------------------------------------------------


def _no_input(request) -> None:
    """An action that takes no input refuses a body with fields, rather than ignore it."""
    serializers.NoInputSerializer(data=request.data).is_valid(raise_exception=True)


class Conflict(APIException):
    """The record is in a state that does not allow this now (409); try again later."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "Not now: the record is busy."
    default_code = "conflict"


class ApiViewSet(viewsets.GenericViewSet):
    """Lists: filtered, searched, ordered (ties broken by id), paginated, and exportable
    as CSV or JSON Lines. Filters and ordering apply to lists only."""

    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, filters.Search, filters.StableOrdering]
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
        page = self.load(self.paginate_queryset(queryset))
        data = self.get_serializer(page, many=True).data
        return self.get_paginated_response(data)


class ReadViewSet(ApiViewSet):
    def retrieve(self, request, *args, **kwargs):
        obj = self.get_object()
        self.load([obj])
        return Response(self.get_serializer(obj).data)


class EditViewSet(ReadViewSet):
    """Editors' additions (POST), corrections (PATCH, no PUT) and deletions of a record,
    each through one ``kb.curation`` service (history with the acting user; corrections
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
        _no_input(request)
        self.remove(obj, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReviewViewSet(EditViewSet):
    """Also editors' review decisions: ``POST {id}/confirm/`` and ``POST {id}/reject/``,
    answered with the record (sticky: extraction never undoes them)."""

    def decide(self, obj, *, user, confirm: bool):
        """Confirm or reject ``obj`` through its ``kb.curation`` service; returns it."""
        raise NotImplementedError

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        obj = self.get_object()
        _no_input(request)
        return self._answer(self.decide(obj, user=request.user, confirm=True))

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        obj = self.get_object()
        _no_input(request)
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


def _a(noun: str) -> str:
    """The noun with its indefinite article: "a meeting", "an agreement"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _review_schema(noun: str, read, *, rejected: str = "") -> dict:
    """The schema of ``ReviewViewSet``'s confirm and reject actions."""
    return {
        "confirm": extend_schema(
            summary=f"Confirm {_a(noun)}",
            description=(
                f"An editor vouches for it as it stands; this also brings back a rejected "
                f"{noun}. {WRITE_ERRORS_NOTE}"
            ),
            request=None,
            responses={200: read},
        ),
        "reject": extend_schema(
            summary=f"Reject {_a(noun)}",
            description=f"Kept, but hidden from lists; never brought back by extraction. "
            f"{rejected}{WRITE_ERRORS_NOTE}",
            request=None,
            responses={200: read},
        ),
    }


def _fact_schema(noun: str, read, create, update):
    return extend_schema_view(
        list=extend_schema(summary=f"List {noun}s"),
        retrieve=extend_schema(summary=f"One {noun}"),
        create=extend_schema(
            summary=f"Add {_a(noun)} by hand",
            description=(
                f"{_a(noun).capitalize()} extraction missed, with the article sentence that "
                "states it (`article`, `start`, `end`: offsets into the article's text) as its "
                f"evidence. The {noun} is `confirmed`. {WRITE_ERRORS_NOTE}"
            ),
            request=create,
            responses={201: read},
            parameters=[CREATED_LOCATION],
        ),
        partial_update=extend_schema(
            summary=f"Correct {_a(noun)}",
            description=(
                f"Give only the fields to change. The {noun} becomes `corrected`, and "
                f"re-extraction never changes it again. {WRITE_ERRORS_NOTE}"
            ),
            request=update,
            responses={200: read},
        ),
        destroy=extend_schema(
            summary=f"Delete {_a(noun)}",
            description=(
                f"Removes the {noun} and its evidence; the deletion is in its history and "
                "in `/api/changes/deleted/`. A later re-extraction of its article may find "
                f"it again: to keep a wrong extracted {noun} out, reject it. "
                f"{WRITE_ERRORS_NOTE}"
            ),
            responses={204: None},
        ),
        **_review_schema(noun, read),
    )


class FactViewSet(ReviewViewSet):
    """Editors' writes on a fact, all through ``kb.curation`` (history with the acting
    user; corrections, confirmations and rejections are sticky)."""

    create_serializer_class = None

    def correct(self, fact, *, user, changes: dict) -> None:
        curation.fact_update(fact=fact, user=user, changes=changes)

    def remove(self, fact, *, user) -> None:
        fact_delete(fact=fact, user=user)

    def create(self, request, *args, **kwargs):
        form = self.create_serializer_class(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        article, start, end = fields.pop("article"), fields.pop("start"), fields.pop("end")
        fact = curation.fact_create_manual(
            model=self.queryset_model(),
            user=request.user,
            article=article,
            sentence_start=start,
            sentence_end=end,
            **fields,
        )
        return self._answer(fact, status.HTTP_201_CREATED)

    def decide(self, fact, *, user, confirm: bool):
        service = curation.fact_confirm if confirm else curation.fact_reject
        return service(fact=fact, user=user)

    def queryset_model(self):
        return self.get_queryset().model


def _merge(request, keep, model):
    form = serializers.MergeSerializer(data=request.data)
    form.is_valid(raise_exception=True)
    other = model.objects.filter(pk=form.validated_data["merge"]).first()
    if other is None:
        raise ValidationError({"merge": f"No {model._meta.verbose_name} with that id."})
    merge = curation.leader_merge if model is Leader else curation.meeting_merge
    record = merge(keep=keep, merge=other, user=request.user)
    return Response(serializers.MergeRecordSerializer(record).data)


def _merge_schema(noun: str, moved: str):
    return extend_schema(
        summary=f"Merge a duplicate {noun} into this one",
        description=(
            f"Moves the duplicate's {moved} to this {noun} and marks it merged "
            "(`merged_into`; listed in `/api/changes/deleted/`). Recorded, and undoable "
            f"with `POST /api/merges/{{id}}/undo/`. {WRITE_ERRORS_NOTE}"
        ),
        request=serializers.MergeSerializer,
        responses={200: serializers.MergeRecordSerializer},
    )


# ---- resources -----------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="List countries"),
    retrieve=extend_schema(summary="One country, by ISO code"),
)
class CountryViewSet(ReadViewSet):
    """Countries, looked up by ISO 3166 alpha-2 code (any case)."""

    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
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
        request=serializers.LeaderCreateSerializer,
        responses={201: serializers.LeaderSerializer},
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
        request=serializers.LeaderUpdateSerializer,
        responses={200: serializers.LeaderSerializer},
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
    **_review_schema(
        "leader",
        serializers.LeaderSerializer,
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
    serializer_class = serializers.LeaderSerializer
    update_serializer_class = serializers.LeaderUpdateSerializer
    filterset_class = filters.LeaderFilter
    search_fields = ["name"]
    ordering_fields = ["name", "id", "updated_at"]
    ordering = ["name"]
    expandable = expand.LEADER

    def create(self, request, *args, **kwargs):
        form = serializers.LeaderCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        leader = curation.leader_create(user=request.user, **form.validated_data)
        return self._answer(leader, status.HTTP_201_CREATED)

    def correct(self, leader, *, user, changes: dict) -> None:
        curation.leader_update(leader=leader, user=user, changes=changes)

    def remove(self, leader, *, user) -> None:
        curation.leader_delete(leader=leader, user=user)

    def decide(self, leader, *, user, confirm: bool):
        service = curation.leader_confirm if confirm else curation.leader_reject
        return service(leader=leader, user=user)

    @_merge_schema("leader", "meetings, gifts, agreements, article mentions and names")
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        return _merge(request, self.get_object(), Leader)


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
        request=serializers.OfficeCreateSerializer,
        responses={201: serializers.OfficeSerializer},
        parameters=[CREATED_LOCATION],
    ),
    partial_update=extend_schema(
        summary="Correct or end a term",
        description=(
            "Give only the fields to change (`end` to end a running term). The term "
            "becomes `corrected`; no registry load or import changes those fields again. "
            f"{WRITE_ERRORS_NOTE}"
        ),
        request=serializers.OfficeUpdateSerializer,
        responses={200: serializers.OfficeSerializer},
    ),
    **_review_schema(
        "term",
        serializers.OfficeSerializer,
        rejected="It leaves the registry extraction uses, and no load brings it back. ",
    ),
)
class OfficeViewSet(ReviewViewSet):
    """Terms in office: who held which office of which country, and when."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    queryset = Office.objects.select_related("country")
    serializer_class = serializers.OfficeSerializer
    update_serializer_class = serializers.OfficeUpdateSerializer
    filterset_class = filters.OfficeFilter
    search_fields = ["title", "leader__name"]
    ordering_fields = ["start", "end", "id", "updated_at"]
    ordering = ["start", "id"]

    def create(self, request, *args, **kwargs):
        form = serializers.OfficeCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        office = offices.office_create(user=request.user, **form.validated_data)
        return self._answer(office, status.HTTP_201_CREATED)

    def correct(self, office, *, user, changes: dict) -> None:
        offices.office_update(office=office, user=user, changes=changes)

    def decide(self, office, *, user, confirm: bool):
        service = offices.office_confirm if confirm else offices.office_reject
        return service(office=office, user=user)


@_fact_schema(
    "meeting",
    serializers.MeetingSerializer,
    serializers.MeetingCreateSerializer,
    serializers.MeetingUpdateSerializer,
)
class MeetingViewSet(FactViewSet):
    """Meetings, newest first; ``?ordering=date`` for oldest first."""

    serializer_class = serializers.MeetingSerializer
    create_serializer_class = serializers.MeetingCreateSerializer
    update_serializer_class = serializers.MeetingUpdateSerializer
    filterset_class = filters.MeetingFilter
    filter_backends = [DjangoFilterBackend, filters.MeetingSearch, filters.StableOrdering]
    ordering_fields = ["date", "id", "updated_at", "confidence", "kind"]
    ordering = ["-date", "-id"]

    loader = loaders.load_meetings
    expandable = expand.MEETING

    def csv_row(self, meeting) -> dict:
        """The meetings page's CSV row, from what ``api.loaders`` loaded."""
        counts = {
            "gift_count": len(meeting.api_gifts),
            "agreement_count": len(meeting.api_agreements),
            "source_count": len({e["article"] for e in meeting.api_evidence}),
        }
        url = self.request.build_absolute_uri(meeting.get_absolute_url())
        row = meeting_row(meeting, participants=meeting.api_participants, counts=counts, url=url)
        return dict(zip(MEETING_COLUMNS, meeting_cells(row), strict=True))

    spreadsheet = (MEETING_COLUMNS, csv_row)

    def get_queryset(self):
        return meetings()

    @_merge_schema("meeting", "participants, evidence, gifts and agreements")
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        return _merge(request, self.get_object(), Meeting)


@_fact_schema(
    "gift",
    serializers.GiftSerializer,
    serializers.GiftCreateSerializer,
    serializers.GiftUpdateSerializer,
)
class GiftViewSet(FactViewSet):
    serializer_class = serializers.GiftSerializer
    create_serializer_class = serializers.GiftCreateSerializer
    update_serializer_class = serializers.GiftUpdateSerializer
    filterset_class = filters.GiftFilter
    search_fields = ["item"]
    ordering_fields = ["date", "id", "updated_at", "confidence", "item"]
    ordering = ["-date", "-id"]

    loader = loaders.load_gifts

    def get_queryset(self):
        return gifts()


@_fact_schema(
    "agreement",
    serializers.AgreementSerializer,
    serializers.AgreementCreateSerializer,
    serializers.AgreementUpdateSerializer,
)
class AgreementViewSet(FactViewSet):
    serializer_class = serializers.AgreementSerializer
    create_serializer_class = serializers.AgreementCreateSerializer
    update_serializer_class = serializers.AgreementUpdateSerializer
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
    serializer_class = serializers.EvidenceRowSerializer
    filterset_class = filters.EvidenceFilter
    search_fields = ["sentence"]
    ordering_fields = ["id", "created_at", "confidence", "start"]
    ordering = ["id"]


# ---- articles ------------------------------------------------------------------------------

SUBMITTED = OpenApiResponse(serializers.ArticleSubmittedSerializer, "Saved and queued.")
SUBMIT_REQUEST = PolymorphicProxySerializer(
    component_name="ArticleSubmitJson",
    serializers=[serializers.ArticleSubmitItemSerializer, serializers.ArticleBatchSerializer],
    resource_type_field_name=None,
)


@extend_schema_view(
    list=extend_schema(summary="List articles", description="Newest first, without text."),
    retrieve=extend_schema(
        summary="One article",
        description=(
            "Its text, status and last error and, once extraction is `done`, the meetings, "
            "gifts and agreements its evidence supports."
        ),
    ),
)
class ArticleViewSet(ReadViewSet):
    queryset = Article.objects.all()
    serializer_class = serializers.ArticleDetailSerializer
    list_serializer_class = serializers.ArticleSerializer
    filterset_class = filters.ArticleFilter
    search_fields = ["title", "source"]
    ordering_fields = ["created_at", "published", "id", "updated_at"]
    ordering = ["-created_at", "-id"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.defer("text", "error") if self.action == "list" else queryset

    def get_object(self):
        article = super().get_object()
        if self.action == "retrieve":
            found = facts_of_article(
                article.pk,
                base={
                    Meeting: meetings().prefetch_related(leaders_prefetch("participants")),
                    Gift: gifts(),
                    Agreement: agreements(),
                },
            )
            article.found_meetings = found["meetings"]
            article.found_gifts = found["gifts"]
            article.found_agreements = found["agreements"]
        return article

    @extend_schema(
        summary="Upload articles",
        description=(
            "One article: exactly one of `text`, `file` (multipart) or `url`. A batch: "
            'JSON `{"items": [{"text": ...}, {"url": ...}]}` or several `file` parts '
            "(up to 100). A file's type is judged by its content: plain text (UTF-8), HTML "
            "or PDF. A new article is saved and queued for extraction: **202**, with its "
            "address to poll. The same text uploaded again returns the stored article "
            "with `created: false` (**200** for a single upload). A URL, a PDF or an HTML "
            "file is read by the worker, so a known text among those is found there: the "
            "article ends `done` with `duplicate_of`, and a PDF over the page or time "
            "limit ends `failed` with the reason. An unusable upload (empty, "
            "too large, wrong type, not UTF-8, bad URL) is **400** with a reason and a "
            "`code`, and nothing is saved; in a batch, that item carries the `error` and "
            "the others go ahead. Editors only."
        ),
        request={
            "application/json": SUBMIT_REQUEST,
            "multipart/form-data": serializers.ArticleSubmitSerializer,
            "application/x-www-form-urlencoded": serializers.ArticleSubmitItemSerializer,
        },
        responses={
            (202, "application/json"): PolymorphicProxySerializer(
                component_name="ArticleSubmitResult",
                serializers=[
                    serializers.ArticleSubmittedSerializer,
                    serializers.ArticleBatchResultSerializer,
                ],
                resource_type_field_name=None,
            ),
            200: OpenApiResponse(serializers.ArticleSubmittedSerializer, "Already stored."),
        },
    )
    def create(self, request):
        _check_body_size(request)
        if isinstance(request.data, dict) and "items" in request.data:
            form = serializers.ArticleBatchSerializer(data=request.data)
            form.is_valid(raise_exception=True)
            return self._batch([upload_item(**item) for item in form.validated_data["items"]])
        form = serializers.ArticleSubmitSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        files = request.FILES.getlist("file") if hasattr(request, "FILES") else []
        items = upload_items(
            text=data.get("text"),
            files=files or [data.get("file")],
            url=data.get("url"),
            source=data.get("source", ""),
        )
        if len(items) > 1:
            return self._batch(items)
        if isinstance(items[0], UploadRejected):
            raise items[0]
        article, created = article_submit(**items[0])
        body = _submitted(article, created, request)
        return Response(
            body,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": body["url"]},
        )

    def _batch(self, items):
        results = articles_submit(items)
        out = []
        for result in results:
            if result.error is not None:
                error = {"detail": str(result.error), "code": result.error.code}
                out.append({"index": result.index, "error": error})
            else:
                body = _submitted(result.article, result.created, self.request)
                out.append({"index": result.index, **body})
        if all("error" in item for item in out):
            raise ValidationError(
                {f"items.{item['index']}": [item["error"]["detail"]] for item in out}
            )
        return Response({"items": out}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        summary="Delete an article",
        description=(
            "For an article uploaded by mistake (the wrong one, or a duplicate). Removes the "
            "article, its file and all its evidence, and deletes the machine-made meetings, "
            "gifts and agreements left with no evidence, as a re-extraction that found "
            "nothing would. Facts an editor touched are never deleted: one with evidence in "
            "other articles, or rejected, stays without this article's evidence. Leaders "
            "stay. Each deleted row (the article, its evidence, its facts) is listed in "
            "`/api/changes/deleted/`; each fact deleted or kept has a history row by the "
            f"caller. {WRITE_ERRORS_NOTE}"
        ),
        request=None,
        responses={
            204: OpenApiResponse(description="Deleted."),
            400: OpenApiResponse(
                serializers.ErrorSerializer,
                "Refused, with the reason, and nothing deleted: a fact an editor confirmed "
                "or corrected has its only evidence in this article (the facts are named: "
                "delete or reject them, or give them evidence from another article, first), "
                "or other articles are recorded as duplicates of this one (delete those "
                "first).",
            ),
            409: OpenApiResponse(
                serializers.ErrorSerializer,
                "Refused (code `article_busy`): the article is `queued` or `processing`. "
                "Delete it once extraction is `done` or `failed`.",
            ),
        },
    )
    def destroy(self, request, pk=None):
        article = self.get_object()
        _no_input(request)
        try:
            article_delete(article=article, user=request.user)
        except ArticleBusy as exc:
            raise Conflict(" ".join(exc.messages), code="article_busy") from exc
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Queue an article's extraction again",
        description="After a failure, or to re-run a newer extractor. Editors only.",
        request=None,
        responses={202: serializers.ArticleSerializer},
    )
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        article = self.get_object()
        _no_input(request)
        article = article_requeue(article=article)
        data = serializers.ArticleSerializer(article, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED)


def _submitted(article: Article, created: bool, request) -> dict:
    return {
        "id": article.pk,
        "status": article.status,
        "created": created,
        "url": serializers.article_url(article, request),
    }


def _check_body_size(request) -> None:
    """Refuse a body over DATA_UPLOAD_MAX_MEMORY_SIZE before reading it.

    Django enforces that limit only on form fields; DRF's JSON parser and uploaded
    files would otherwise be read whole.
    """
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if limit is not None and length > limit:
        raise RequestTooLarge(f"The request is {length:,} bytes; the limit is {limit:,} bytes.")


# ---- merges and the change feed ------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary="List merges", description="Newest first."),
    retrieve=extend_schema(summary="One merge"),
)
class MergeViewSet(ReadViewSet):
    parser_classes = [JSONParser]
    queryset = MergeRecord.objects.all()
    serializer_class = serializers.MergeRecordSerializer
    filter_backends = [DjangoFilterBackend, filters.StableOrdering]
    filterset_class = filters.MergeFilter
    ordering_fields = ["created_at", "id"]
    ordering = ["-created_at", "-id"]

    @extend_schema(
        summary="Undo a merge",
        description="Puts back everything the merge moved. " + WRITE_ERRORS_NOTE,
        request=None,
        responses={200: serializers.MergeRecordSerializer},
    )
    @action(detail=True, methods=["post"])
    def undo(self, request, pk=None):
        record = self.get_object()
        _no_input(request)
        record = curation.merge_undo(record=record, user=request.user)
        return Response(serializers.MergeRecordSerializer(record).data)


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
    serializer_class = serializers.TombstoneSerializer
    filter_backends = [DjangoFilterBackend, filters.StableOrdering]
    filterset_class = filters.TombstoneFilter
    ordering_fields = ["deleted_at", "id"]
    ordering = ["deleted_at", "id"]
