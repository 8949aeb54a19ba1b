"""OpenAPI generation: what drf-spectacular cannot infer on its own.

- The token scheme (``Authorization: Token <key>``, also accepted as ``Bearer``).
- Anonymous access on reads, when ``SUMMITRY_ANONYMOUS_READ`` allows it.
- The shared error answers on every operation, in the one ``Error`` shape.
- The CSV and JSON Lines exports every list offers (``?format=``).
- Request bodies that take no other keys than their fields (``additionalProperties``).
- ``?expand=`` (``api.expand``): the parameter, a field that can come as summaries or in
  full (``anyOf`` both), and keys present only when expanded (optional).
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import SAFE_METHODS

from api.exports import EXPORT_RENDERERS


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A service token: `Authorization: Token <key>` (or `Bearer <key>`). "
                "Read-scoped tokens read; edit-scoped tokens of editors also write. "
                "Tokens expire (401 `token_expired`)."
            ),
        }


ERROR_TEXT = {
    "400": "Invalid input: see `errors` for each field. Nothing was saved.",
    "401": "No or invalid credentials (anonymous writes, revoked or expired tokens).",
    "403": "Not allowed: not an editor, a read-only token, or reading needs signing in.",
    "404": "No such record (or page).",
    "413": "The request body is too large.",
    "429": "Too many requests: wait for `Retry-After` seconds.",
}


class ApiAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        if self.method in SAFE_METHODS and settings.SUMMITRY_ANONYMOUS_READ and {} not in auths:
            auths.append({})
        return auths

    def _get_filter_parameters(self):
        """Filters whose type is overridden (ids, date-times) keep their help text."""
        parameters = super()._get_filter_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        known = filterset_class.base_filters if filterset_class else {}
        for parameter in parameters:
            field = known.get(parameter["name"])
            text = field.extra.get("help_text") if field is not None else None
            if text and not parameter.get("description"):
                parameter["description"] = text
        return parameters

    def _is_list_action(self) -> bool:
        return getattr(self.view, "action", None) == "list"

    def _expandable(self) -> dict:
        if getattr(self.view, "action", None) not in ("list", "retrieve"):
            return {}
        return getattr(self.view, "expandable", None) or {}

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self._expandable():
            from api.expand import schema_parameter

            parameters.append(OpenApiParameter(**schema_parameter(self._expandable())))
        if self._is_list_action() and getattr(self.view, "exportable", False):
            parameters.append(
                OpenApiParameter(
                    "format",
                    str,
                    enum=["json", *(r.format for r in EXPORT_RENDERERS)],
                    description=(
                        "`csv` or `jsonl` streams the whole filtered list (no pagination) as "
                        "CSV or JSON Lines."
                    ),
                )
            )
        return parameters

    def _error_codes(self) -> list[str]:
        codes = {"401", "403", "429"}
        if self.method not in SAFE_METHODS or self._is_list_action() or self._expandable():
            codes.add("400")
        if self._is_detail() or self._is_list_action():
            codes.add("404")  # no such record; on lists, no such page
        if self.method in ("POST", "PUT", "PATCH"):
            codes.add("413")
        return sorted(codes)

    def _is_detail(self) -> bool:
        return "{" in self.path

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """A field ``?expand=`` can give in full: its summaries or the full records."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        full = self._expansions(field.parent, direction).get(field.field_name)
        if full is None or schema is None:
            return schema
        ref = self.resolve_serializer(full, direction).ref
        if schema.get("type") == "array":
            schema["items"] = {"anyOf": [schema["items"], ref]}
            return schema
        return {"anyOf": [schema, ref]}

    def _map_basic_serializer(self, serializer, direction):
        """Keys a representation has only when ``?expand=`` asks for them: optional. A
        request body takes no keys but its fields (``api.serializers.base.StrictSerializer``)."""
        from api.serializers.base import StrictSerializer

        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "request" and isinstance(serializer, StrictSerializer):
            schema["additionalProperties"] = False
        declared = {field.field_name for field in serializer.fields.values()}
        for name, full in self._expansions(serializer, direction).items():
            if name not in declared:
                schema["properties"][name] = {
                    "type": "array",
                    "items": self.resolve_serializer(full, direction).ref,
                    "description": f"Only with `?expand={name}`.",
                }
        return schema

    @staticmethod
    def _expansions(serializer, direction) -> dict:
        """{name: full serializer} that ``?expand=`` offers on this serializer's records."""
        from api.expand import BY_SERIALIZER

        if direction != "response" or serializer is None:
            return {}
        found = BY_SERIALIZER.get(type(serializer), {})
        return {name: expansion.full for name, expansion in found.items()}

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        from api.serializers.base import ErrorSerializer

        error = self._get_response_for_code(ErrorSerializer, "400")["content"]
        error_ref = next(iter(error.values()))["schema"]
        for code in self._error_codes():
            entry = responses.setdefault(code, {"description": ERROR_TEXT[code]})
            entry.setdefault("description", ERROR_TEXT[code])
            entry["content"] = {"application/json": {"schema": error_ref}}
            if code == "429":
                entry["headers"] = {
                    "Retry-After": {
                        "schema": {"type": "integer"},
                        "description": "Seconds to wait before trying again.",
                    }
                }
            if code == "401":
                entry["headers"] = {
                    "WWW-Authenticate": {
                        "schema": {"type": "string"},
                        "description": "How to authenticate: `Token`.",
                    }
                }
        ok = responses.get("200")
        if self._is_list_action() and getattr(self.view, "exportable", False) and ok:
            for renderer in EXPORT_RENDERERS:
                ok.setdefault("content", {})[renderer.media_type] = {"schema": {"type": "string"}}
        return responses
