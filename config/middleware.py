"""Request guards that apply to every page and API endpoint."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse

from kb import roles
from kb.changes import fresh_reads


class RejectNullCharactersMiddleware:
    """Answer 400 to a URL or query string holding a NUL character.

    PostgreSQL cannot store or compare strings containing NUL, so such a value
    reaching a query would fail with a server error instead of a clear refusal.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            reason = "The address contains a NUL character."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": reason, "code": "bad_request"}, status=400)
            return HttpResponseBadRequest(reason, content_type="text/plain")
        return self.get_response(request)


class FreshReadsMiddleware:
    """Editors never get a cached page older than the knowledge base (``kb.changes``
    serves other readers a result up to KB_STALE_SECONDS old while it is recomputed):
    after their own correction or upload they expect to see it at once. Asked only when
    a stale result would be served; an API token's user counts too, as DRF sets it on
    the request when it authenticates."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with fresh_reads(lambda: roles.can_edit(getattr(request, "user", None))):
            return self.get_response(request)
