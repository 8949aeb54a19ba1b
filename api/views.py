"""Read endpoints for the knowledge base, article upload and re-queue.

Views stay thin: querysets load every nested relation up front (bounded queries per
page), filters live in ``api.filters``, uploads go through ``ingest.services``.
Lists hide rejected facts (see ``api.filters``); a detail answers for any row by id.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from api import filters, serializers
from api.exceptions import RequestTooLarge
from ingest.read import UploadRejected
from ingest.services import article_requeue, article_submit
from kb import curation
from kb.models import Agreement, Article, Country, Evidence, Gift, Leader, Meeting

ERRORS = {
    400: OpenApiResponse(
        serializers.ErrorSerializer, description="Unusable upload; nothing saved."
    ),
    401: OpenApiResponse(serializers.ErrorSerializer, description="Not signed in."),
    403: OpenApiResponse(serializers.ErrorSerializer, description="Not an editor."),
    413: OpenApiResponse(serializers.ErrorSerializer, description="Request body too large."),
}


WRITE_ERRORS = {
    400: OpenApiResponse(description="Invalid values; nothing saved."),
    401: ERRORS[401],
    403: ERRORS[403],
    404: OpenApiResponse(serializers.ErrorSerializer, description="No such record."),
}


def _evidence():
    return Prefetch(
        "evidence",
        queryset=Evidence.objects.select_related("article").defer(
            "candidate", "article__text", "article__error"
        ),
    )


def _leaders(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=Leader.objects.select_related("country"))


class KnowledgeViewSet(viewsets.ReadOnlyModelViewSet):
    """Filters and ordering apply to lists only; a detail is found by its key alone."""

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


class FactWriteMixin:
    """Editors' writes on a fact: PATCH corrects fields through ``kb.curation.fact_update``
    (the fact becomes "corrected" and extraction never changes it again); ``confirm``
    and ``reject`` record a review decision. Each change is in the fact's history with
    the token's user."""

    update_serializer_class = None

    def _answer(self, fact):
        fact = self.get_queryset().get(pk=fact.pk)  # reload with its relations
        return Response(self.get_serializer(fact).data)

    def partial_update(self, request, *args, **kwargs):
        fact = self.get_object()
        form = self.update_serializer_class(data=request.data, partial=True)
        form.is_valid(raise_exception=True)
        curation.fact_update(fact=fact, user=request.user, changes=dict(form.validated_data))
        return self._answer(fact)

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        return self._answer(curation.fact_confirm(fact=self.get_object(), user=request.user))

    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._answer(curation.fact_reject(fact=self.get_object(), user=request.user))


def _fact_write_schema(update_serializer, read_serializer, noun: str):
    return extend_schema_view(
        partial_update=extend_schema(
            summary=f"Correct a {noun}",
            description=(
                f"Give only the fields to change. The {noun} becomes `corrected`, and "
                "re-extraction never changes it again. Editors only."
            ),
            request=update_serializer,
            responses={200: read_serializer, **WRITE_ERRORS},
        ),
        confirm=extend_schema(
            summary=f"Confirm a {noun}",
            description="An editor vouches for it as it stands. Editors only.",
            request=None,
            responses={200: read_serializer, **WRITE_ERRORS},
        ),
        reject=extend_schema(
            summary=f"Reject a {noun}",
            description="Kept, but hidden from lists. Editors only.",
            request=None,
            responses={200: read_serializer, **WRITE_ERRORS},
        ),
    )


class CountryViewSet(KnowledgeViewSet):
    """Countries, looked up by ISO 3166 alpha-2 code (any case)."""

    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    search_fields = ["name", "official_name"]
    ordering_fields = ["name", "code"]

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class LeaderViewSet(KnowledgeViewSet):
    queryset = Leader.objects.select_related("country")
    serializer_class = serializers.LeaderSerializer
    filterset_class = filters.LeaderFilter
    search_fields = ["name"]
    ordering_fields = ["name", "id"]

    @extend_schema(
        summary="Merge a duplicate leader into this one",
        description=(
            "Moves the duplicate's meetings, gifts, agreements, article mentions and names "
            "to this leader and marks it merged (`merged_into`). Recorded, and undoable "
            "from the merges page. Editors only."
        ),
        request=serializers.LeaderMergeSerializer,
        responses={200: serializers.MergeRecordSerializer, **WRITE_ERRORS},
    )
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        keep = self.get_object()
        form = serializers.LeaderMergeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        record = curation.leader_merge(
            keep=keep, merge=form.validated_data["merge"], user=request.user
        )
        return Response(serializers.MergeRecordSerializer(record).data)


@_fact_write_schema(serializers.MeetingUpdateSerializer, serializers.MeetingSerializer, "meeting")
class MeetingViewSet(FactWriteMixin, KnowledgeViewSet):
    """Meetings, newest first; ``?ordering=date`` for oldest first."""

    queryset = Meeting.objects.select_related("host_country").prefetch_related(
        _leaders("participants"),
        Prefetch("gifts", queryset=Gift.objects.visible()),
        Prefetch("agreements", queryset=Agreement.objects.visible()),
        _evidence(),
    )
    serializer_class = serializers.MeetingSerializer
    update_serializer_class = serializers.MeetingUpdateSerializer
    filterset_class = filters.MeetingFilter
    search_fields = ["place"]
    ordering_fields = ["date", "id"]


@_fact_write_schema(serializers.GiftUpdateSerializer, serializers.GiftSerializer, "gift")
class GiftViewSet(FactWriteMixin, KnowledgeViewSet):
    queryset = Gift.objects.select_related("giver__country", "recipient__country").prefetch_related(
        _evidence()
    )
    serializer_class = serializers.GiftSerializer
    update_serializer_class = serializers.GiftUpdateSerializer
    filterset_class = filters.GiftFilter
    search_fields = ["item"]
    ordering_fields = ["date", "id"]


@_fact_write_schema(
    serializers.AgreementUpdateSerializer, serializers.AgreementSerializer, "agreement"
)
class AgreementViewSet(FactWriteMixin, KnowledgeViewSet):
    queryset = Agreement.objects.prefetch_related(
        _leaders("leader_parties"), "country_parties", _evidence()
    )
    serializer_class = serializers.AgreementSerializer
    update_serializer_class = serializers.AgreementUpdateSerializer
    filterset_class = filters.AgreementFilter
    search_fields = ["summary"]
    ordering_fields = ["date", "id"]


@extend_schema_view(
    list=extend_schema(description="Articles, newest first, without their text."),
    retrieve=extend_schema(description="One article with its text and last error."),
)
class ArticleViewSet(KnowledgeViewSet):
    queryset = Article.objects.all()
    filterset_class = filters.ArticleFilter
    search_fields = ["title", "source"]
    ordering_fields = ["created_at", "published", "id"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.defer("text", "error") if self.action == "list" else queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer

    @extend_schema(
        summary="Upload an article",
        description=(
            "Give exactly one of `text`, `file` (multipart) or `url`. The type of a file "
            "is judged by its content: plain text (UTF-8), HTML or PDF. A new article is "
            "saved and queued for extraction: **202**. The same text uploaded again "
            "returns the stored article with `created: false`: **200**. An unusable "
            "upload (empty, too large, wrong type, not UTF-8, unreachable URL) is **400** "
            "with a reason and a `code`, and nothing is saved. Editors only."
        ),
        request={
            "application/json": serializers.ArticleTextSubmitSerializer,
            "multipart/form-data": serializers.ArticleSubmitSerializer,
            "application/x-www-form-urlencoded": serializers.ArticleTextSubmitSerializer,
        },
        responses={
            202: OpenApiResponse(serializers.ArticleSubmittedSerializer, "Saved and queued."),
            200: OpenApiResponse(serializers.ArticleSubmittedSerializer, "Already stored."),
            **ERRORS,
        },
    )
    def create(self, request):
        _check_body_size(request)
        form = serializers.ArticleSubmitSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        article, created = article_submit(**_submission(form.validated_data))
        url = serializers.article_url(article, request)
        body = {"id": article.pk, "status": article.status, "created": created, "url": url}
        return Response(
            serializers.ArticleSubmittedSerializer(body).data,
            status=status.HTTP_202_ACCEPTED if created else status.HTTP_200_OK,
            headers={"Location": url},
        )

    @extend_schema(
        summary="Queue an article's extraction again",
        description="After a failure, or to re-run a newer extractor. Editors only.",
        request=None,
        responses={202: serializers.ArticleSerializer, **ERRORS},
    )
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        article = article_requeue(article=self.get_object())
        data = serializers.ArticleSerializer(article, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED)


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


def _submission(data: dict) -> dict:
    """Keyword arguments for ``article_submit`` from exactly one of text, file, url."""
    given = {name: data[name] for name in ("text", "file", "url") if data.get(name) is not None}
    if given.get("url") == "":
        del given["url"]
    if not given:
        raise UploadRejected("empty", "Nothing was uploaded: give text, a file or a URL.")
    if len(given) > 1:
        raise UploadRejected("ambiguous", "Give only one of text, a file or a URL.")
    if "file" not in given:
        return given
    upload = given["file"]
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise UploadRejected(
            "too_large", f"The file is {upload.size:,} bytes; the limit is {limit:,} bytes."
        )
    return {"data": upload.read(), "filename": upload.name or ""}
