"""``/api/``: where a newcomer lands. It names the documentation, the schema, how to
authenticate and every list, as JSON for clients and as a page for browsers (instead of
DRF's stock "API root")."""

from __future__ import annotations

from rest_framework import routers
from rest_framework.renderers import JSONRenderer, TemplateHTMLRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse

TOKEN_HOWTO = (
    "Browsers use their session. Services send `Authorization: Token <key>`; an "
    "administrator makes a key with `python manage.py create_api_token <user> "
    "[--scope edit]` or in the admin (API tokens). Reading needs no token unless "
    "anonymous reading is switched off; writing needs an editor's edit-scoped token."
)


class IndexPageRenderer(TemplateHTMLRenderer):
    template_name = "api/index.html"


class ApiIndexView(routers.APIRootView):
    """Summitry's REST API: the documentation, the schema, how to get a token, and the
    lists."""

    renderer_classes = [JSONRenderer, IndexPageRenderer]

    def get(self, request, *args, **kwargs):
        lists = super().get(request, *args, **kwargs).data
        return Response(
            {
                "docs": reverse("api:docs", request=request),
                "schema": reverse("api:schema", request=request),
                "authentication": TOKEN_HOWTO,
                "admin": request.build_absolute_uri(reverse("admin:index")),
                "endpoints": dict(lists),
            }
        )
