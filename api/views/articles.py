"""Articles: listing, uploading (one or a batch), deleting and re-extracting them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from drf_spectacular.utils import (
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from api import filters
from api.exceptions import RequestTooLarge
from api.loaders import agreements, gifts, meetings
from api.parsers import JSONParser
from api.serializers.articles import (
    ArticleBatchResultSerializer,
    ArticleBatchSerializer,
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleSubmitItemSerializer,
    ArticleSubmitSerializer,
    ArticleSubmittedSerializer,
)
from api.serializers.base import ErrorSerializer, article_url
from api.views.base import (
    WRITE_ERRORS_NOTE,
    Conflict,
    ReadViewSet,
    no_input,
)
from ingest.read import UploadRejected
from ingest.services import article_requeue, article_submit, articles_submit
from ingest.upload import upload_item, upload_items
from kb.models import (
    Agreement,
    Article,
    Gift,
    Meeting,
)
from kb.selectors.facts import facts_of_article
from kb.selectors.rows import leaders_prefetch
from kb.services.articles import ArticleBusy, article_delete

SUBMITTED = OpenApiResponse(ArticleSubmittedSerializer, "Saved and queued.")
SUBMIT_REQUEST = PolymorphicProxySerializer(
    component_name="ArticleSubmitJson",
    serializers=[ArticleSubmitItemSerializer, ArticleBatchSerializer],
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
    serializer_class = ArticleDetailSerializer
    list_serializer_class = ArticleSerializer
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
            "multipart/form-data": ArticleSubmitSerializer,
            "application/x-www-form-urlencoded": ArticleSubmitItemSerializer,
        },
        responses={
            (202, "application/json"): PolymorphicProxySerializer(
                component_name="ArticleSubmitResult",
                serializers=[
                    ArticleSubmittedSerializer,
                    ArticleBatchResultSerializer,
                ],
                resource_type_field_name=None,
            ),
            200: OpenApiResponse(ArticleSubmittedSerializer, "Already stored."),
        },
    )
    def create(self, request):
        _check_body_size(request)
        if isinstance(request.data, dict) and "items" in request.data:
            form = ArticleBatchSerializer(data=request.data)
            form.is_valid(raise_exception=True)
            return self._batch([upload_item(**item) for item in form.validated_data["items"]])
        form = ArticleSubmitSerializer(data=request.data)
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
                ErrorSerializer,
                "Refused, with the reason, and nothing deleted: a fact an editor confirmed "
                "or corrected has its only evidence in this article (the facts are named: "
                "delete or reject them, or give them evidence from another article, first), "
                "or other articles are recorded as duplicates of this one (delete those "
                "first).",
            ),
            409: OpenApiResponse(
                ErrorSerializer,
                "Refused (code `article_busy`): the article is `queued` or `processing`. "
                "Delete it once extraction is `done` or `failed`.",
            ),
        },
    )
    def destroy(self, request, pk=None):
        article = self.get_object()
        no_input(request)
        try:
            article_delete(article=article, user=request.user)
        except ArticleBusy as exc:
            raise Conflict(" ".join(exc.messages), code="article_busy") from exc
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Queue an article's extraction again",
        description="After a failure, or to re-run a newer extractor. Editors only.",
        request=None,
        responses={202: ArticleSerializer},
    )
    @action(detail=True, methods=["post"])
    def retry(self, request, pk=None):
        article = self.get_object()
        no_input(request)
        article = article_requeue(article=article)
        data = ArticleSerializer(article, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_202_ACCEPTED)


def _submitted(article: Article, created: bool, request) -> dict:
    return {
        "id": article.pk,
        "status": article.status,
        "created": created,
        "url": article_url(article, request),
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
