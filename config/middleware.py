"""Request guards that apply to every page and API endpoint."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse


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
