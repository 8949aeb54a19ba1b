"""/api/: the REST API (namespace "api"), its OpenAPI 3 schema at /api/schema/ and
interactive docs at /api/docs/ (Swagger UI, served from our own static files). The schema
and docs are for whoever may read the API: anyone, unless SUMMITRY_ANONYMOUS_READ is off."""

from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from django.views.decorators.gzip import gzip_page
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api import bench, errors
from api.index import ApiIndexView
from api.permissions import CanRead
from api.views import articles, facts, feeds, merges, people

app_name = "api"
SCHEMA_CACHE_SECONDS = 3600

router = DefaultRouter()
# /api/ itself: the docs, the schema, how to get a token and the lists (``api.index``).
router.APIRootView = ApiIndexView
router.register("countries", people.CountryViewSet, basename="country")
router.register("leaders", people.LeaderViewSet, basename="leader")
router.register("offices", people.OfficeViewSet, basename="office")
router.register("meetings", facts.MeetingViewSet, basename="meeting")
router.register("gifts", facts.GiftViewSet, basename="gift")
router.register("agreements", facts.AgreementViewSet, basename="agreement")
router.register("articles", articles.ArticleViewSet, basename="article")
router.register("evidence", facts.EvidenceViewSet, basename="evidence")
router.register("merges", merges.MergeViewSet, basename="merge")
router.register("changes/deleted", merges.DeletedViewSet, basename="deleted")
router.register("feeds", feeds.FeedViewSet, basename="feed")

readers = {"permission_classes": [CanRead]}


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI; its assets come from drf-spectacular-sidecar via our static files (no
    CDN), and its settings script is a separate file (no inline script, CSP-friendly)."""

    http_method_names = ["get", "head"]  # OPTIONS would try to render the page template


urlpatterns = [
    # The schema is a few hundred KB and changes only with a deploy: generated once per
    # hour (per Accept, session and token, as it Varies), and sent compressed, so the docs page
    # does not wait seconds on a spinner.
    path(
        "schema/",
        gzip_page(
            cache_page(SCHEMA_CACHE_SECONDS)(
                # Cached apart per token and session: who may read it is checked, never reused.
                vary_on_headers("Authorization", "Cookie")(SpectacularAPIView.as_view(**readers))
            )
        ),
        name="schema",
    ),
    path(
        "docs/",
        DocsView.as_view(url_name="api:schema", **readers),
        name="docs",
    ),
    path("", include(router.urls)),
    # Anything else under /api/ is a JSON 404, whatever DEBUG says.
    re_path(r"^.*$", errors.api_not_found, name="not-found"),
]

# Benchmark baseline only (``manage.py bench_api``): answers 404 unless DEBUG or API_BENCH_VIEWS.
urlpatterns.insert(
    0, path("_bench/meetings-plain/", bench.meetings_plain, name="bench-meetings-plain")
)
