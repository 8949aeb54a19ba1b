"""What the API does with a write body it cannot use as given.

- A field the endpoint does not take, whether unknown (a typo) or read-only (``id``,
  ``review_state`` from a representation sent back), is 400 naming each such field, on
  every write route; nothing is written.
- JSON nested deeper than any request needs is 400 ``parse_error``, however deep (Python's
  parser itself gives up near 1,000 levels with a RecursionError: that was a 500).

The routes and their valid bodies are the permission matrix's (``test_permissions``).
"""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from tests.api import test_permissions as matrix
from tests.api.test_permissions import ENDPOINTS, _url

pytestmark = pytest.mark.django_db

world = matrix.world  # the matrix's records, as a fixture here too

WRITES = ("post", "patch", "delete")


def _write_routes() -> list[tuple[str, str]]:
    """(url name, method) of every write the editor may make."""
    return [
        (name, method)
        for name, (_, methods) in ENDPOINTS.items()
        for method in WRITES
        if method in methods
    ]


def _valid_body(world, name: str, method: str) -> dict:
    given = ENDPOINTS[name][1][method]
    body = given[0] if isinstance(given, tuple) else None
    body = body(world) if callable(body) else body
    return dict(body or {})


def _send(api, method: str, url: str, body: str):
    """Send ``body`` as JSON; roll the write back whatever happens."""
    api.raise_request_exception = False  # a server error is a 500, not a test crash
    with transaction.atomic():
        response = getattr(api, method)(url, body, content_type="application/json")
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize(("name", "method"), _write_routes())
def test_unknown_and_read_only_fields_are_400_and_named_on_every_write(
    editor_client, world, name, method
):
    url = _url(ENDPOINTS[name][0], world)
    body = {**_valid_body(world, name, method), "colour": "blue", "id": 123456}

    response = _send(editor_client, method, url, json.dumps(body))

    assert response.status_code == 400, (method, url, response.content[:300])
    answer = response.json()
    assert answer["code"] == "invalid"
    assert {"colour", "id"} <= set(answer["errors"]), answer
    assert "colour" in answer["detail"] or "id" in answer["detail"]


@pytest.mark.parametrize(("name", "method"), _write_routes())
def test_json_nested_too_deep_is_400_on_every_write(editor_client, world, name, method):
    url = _url(ENDPOINTS[name][0], world)
    for depth in (100, 900, 100_000):  # no request needs more than a few levels
        body = "[" * depth + "]" * depth

        response = _send(editor_client, method, url, body)

        assert response.status_code == 400, (method, url, depth, response.content[:300])
        assert response.json()["code"] == "parse_error"
        assert "nested" in response.json()["detail"]


def test_a_deep_value_inside_a_valid_body_is_refused_too(editor_client, world):
    deep = "[" * 900 + '"Oslo"' + "]" * 900
    url = f"/api/meetings/{world['meeting'].pk}/"

    response = _send(editor_client, "patch", url, '{"kind": ' + deep + "}")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_ordinary_nesting_is_still_read(editor_client, world):
    body = {"items": [{"text": "President Dubois met Chancellor Becker in Paris."}]}
    response = editor_client.post("/api/articles/", body, format="json")
    assert response.status_code == 202, response.content


def test_a_refused_field_writes_nothing(editor_client, world):
    meeting = world["meeting"]
    before = (meeting.place, meeting.history.count())

    response = editor_client.patch(
        f"/api/meetings/{meeting.pk}/",
        {"place": "Oslo", "review_state": "confirmed"},
        format="json",
    )

    assert response.status_code == 400
    assert "review_state" in response.json()["errors"]
    meeting.refresh_from_db()
    assert (meeting.place, meeting.history.count()) == before
    assert meeting.review_state != "confirmed"


def test_the_message_says_which_fields_the_request_takes(editor_client, world):
    response = editor_client.patch(
        f"/api/leaders/{world['lonely'].pk}/", {"titel": "Mayor"}, format="json"
    )
    assert response.status_code == 400
    message = response.json()["errors"]["titel"][0]
    assert "name, title, country" in message


def test_an_action_without_input_says_it_takes_none(editor_client, world):
    response = editor_client.post(
        f"/api/meetings/{world['meeting'].pk}/confirm/", {"note": "checked"}, format="json"
    )
    assert response.status_code == 400
    assert "takes no fields" in response.json()["errors"]["note"][0]


def test_the_schema_says_request_bodies_take_no_other_fields(client):
    components = client.get("/api/schema/?format=json").json()["components"]["schemas"]
    for name in ("PatchedMeetingUpdateRequest", "LeaderCreateRequest", "ArticleSubmitItemRequest"):
        assert components[name]["additionalProperties"] is False, name
    assert "additionalProperties" not in components["Meeting"]
