from django.contrib import admin
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import include, path


def healthz(request):
    """Liveness for load balancers and compose: the app answers and the database too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        return JsonResponse({"status": "error", "database": str(exc)}, status=503)
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("api.urls")),
    path("", include("kb.urls")),
]

# A server error under /api/ is answered in JSON like every other API error.
handler500 = "api.errors.server_error"
