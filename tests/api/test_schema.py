"""The OpenAPI document, and the error shapes every endpoint shares."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from api.exceptions import exception_handler
from ingest.read import UploadRejected

pytestmark = pytest.mark.django_db


def test_schema_endpoint_serves_openapi_3(client):
    response = client.get("/api/schema/?format=json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3")
    assert {"/api/meetings/", "/api/articles/{id}/retry/"} <= set(schema["paths"])
    assert "post" in schema["paths"]["/api/articles/"]


def test_schema_generates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml")
    )


def test_errors_become_json_answers():
    rejected = exception_handler(UploadRejected("not_utf8", "Not UTF-8."), {})
    assert (rejected.status_code, rejected.data) == (
        400,
        {"detail": "Not UTF-8.", "code": "not_utf8"},
    )

    invalid = exception_handler(ValidationError({"date": ["Bad date."]}), {})
    assert (invalid.status_code, invalid.data) == (
        400,
        {"detail": "date: Bad date.", "code": "invalid", "errors": {"date": ["Bad date."]}},
    )

    assert exception_handler(RuntimeError("bug"), {}) is None  # left to Django: a 500


def test_the_schema_is_generated_once_and_sent_compressed(client, monkeypatch):
    """Issue 15: the docs page waited seconds for a schema generated on every request."""
    from drf_spectacular.generators import SchemaGenerator

    calls = []
    real = SchemaGenerator.get_schema

    def counting(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counting)
    first = client.get("/api/schema/", HTTP_ACCEPT_ENCODING="gzip")
    second = client.get("/api/schema/", HTTP_ACCEPT_ENCODING="gzip")
    assert first.status_code == second.status_code == 200
    assert len(calls) == 1
    assert first["Content-Encoding"] == "gzip"
    import gzip

    assert gzip.decompress(second.content) == gzip.decompress(first.content)


def test_a_cached_schema_is_never_served_to_who_may_not_read_it(client, settings):
    from rest_framework.authtoken.models import Token  # noqa: F401 - the API's own tokens

    from tests.factories import UserFactory

    settings.SUMMITRY_ANONYMOUS_READ = False
    reader = UserFactory(username="schema-reader")
    client.force_login(reader)
    assert client.get("/api/schema/").status_code == 200
    client.logout()
    assert client.get("/api/schema/").status_code in (401, 403)
