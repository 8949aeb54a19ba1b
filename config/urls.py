import logging

from django.contrib import admin
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import include, path

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness for load balancers and compose: the app answers and the database too.

    Anyone may ask, so a failure answers a status only; the database's error (host, port,
    driver message) goes to the log."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - reported, not raised
        logger.exception("health check: the database did not answer")
        return JsonResponse({"status": "error"}, status=503)
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("web.urls")),
]

# A server error under /api/ is answered in JSON like every other API error.
handler500 = "api.errors.server_error"
