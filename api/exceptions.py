"""Error answers for the API, always JSON.

DRF's handler does the work; on top of it:

- ``ingest.read.UploadRejected`` -> 400 ``{"detail": reason, "code": slug}``;
- Django's ``RequestDataTooBig`` -> 413 and other ``SuspiciousOperation`` (too many
  fields or files) -> 400, instead of Django's HTML error page;
- Django's ``ValidationError`` (model ``full_clean`` and friends) -> 400 like a
  serializer's validation error;
- a single-message error (``{"detail": ...}``) also carries its ``code``.

Anything else is left to DRF's default (and so to Django, as a 500).
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from ingest.read import UploadRejected


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large."
    default_code = "too_large"


def exception_handler(exc, context):
    if isinstance(exc, UploadRejected):
        return Response({"detail": str(exc), "code": exc.code}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    elif isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError(str(exc) or "The request could not be read.")
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict):
        detail = response.data.get("detail")
        if len(response.data) == 1 and hasattr(detail, "code"):
            response.data["code"] = detail.code
    return response
