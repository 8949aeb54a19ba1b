"""Django-level error answers under /api/, in the API's JSON shape: a server error
(``handler500`` in ``config.urls``; the usual page elsewhere) and an address no route
matches (the catch-all at the end of ``api.urls``)."""

from __future__ import annotations

from django.http import JsonResponse
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": "Server error.", "code": "server_error"}, status=500)
    return defaults.server_error(request)


@csrf_exempt  # a POST to an unknown address is a 404, not a CSRF failure
def api_not_found(request, *args, **kwargs):
    return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
