"""Error answers for the API: always JSON, always one shape::

    {"detail": "A sentence for people.", "code": "machine_readable", "errors": {...}}

``errors`` (field -> list of messages) is there only for invalid input (400 ``invalid``);
nested fields are named with dots (``items.0.text``). DRF's handler does the work; on top:

- ``ingest.read.UploadRejected`` -> 400 with the upload's own ``code`` (``empty``,
  ``too_large``, ``not_utf8``, ...);
- Django's ``RequestDataTooBig`` -> 413 ``too_large``; other ``SuspiciousOperation`` (too
  many fields or files) -> 400 ``parse_error``, instead of Django's HTML error page;
- Django's ``ValidationError`` (raised by ``kb.services``) -> 400 like a serializer's;
- an error on an export (``?format=csv``), the schema or the docs page is still answered
  in JSON (only the browsable API, for people, renders errors its own way).

Anything else is left to Django (a 500; ``api.errors`` answers it in JSON under /api/).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from ingest.read import UploadRejected


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


class Rejected(exceptions.APIException):
    """An unusable upload: 400 with the reader's code."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_upload"


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """Field -> messages, with nested fields joined by dots."""
    if isinstance(detail, dict):
        out: dict[str, list[str]] = {}
        for key, value in detail.items():
            out.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    if isinstance(detail, list):
        if any(isinstance(item, dict | list) for item in detail):
            out = {}
            for index, item in enumerate(detail):
                out.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
            return out
        return {prefix or "non_field_errors": [str(item) for item in detail]}
    return {prefix or "non_field_errors": [str(detail)]}


def error_body(exc: exceptions.APIException) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        field, messages = next(iter(errors.items()), ("", ["Invalid input."]))
        detail = messages[0] if field == "non_field_errors" else f"{field}: {messages[0]}"
        return {"detail": detail, "code": "invalid", "errors": errors}
    detail = exc.detail
    codes = exc.get_codes()
    if isinstance(detail, dict | list):  # an APIException given structured detail
        errors = _flatten(detail)
        first = next(iter(errors.values()), [exc.default_detail])[0]
        return {"detail": str(first), "code": str(exc.default_code), "errors": errors}
    return {"detail": str(detail), "code": codes if isinstance(codes, str) else exc.default_code}


def convert(exc):
    """Exceptions Django or the services raise, as the APIException they mean."""
    if isinstance(exc, UploadRejected):
        return Rejected(str(exc), code=exc.code)
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge()
    if isinstance(exc, SuspiciousOperation):
        return exceptions.ParseError(str(exc) or "The request could not be read.")
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(as_serializer_error(exc))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def exception_handler(exc, context):
    exc = convert(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    response.data = error_body(exc)
    request = context.get("request")
    renderer = getattr(request, "accepted_renderer", None)
    if renderer is not None and not isinstance(renderer, JSONRenderer | BrowsableAPIRenderer):
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response
