"""/api/ is where a newcomer lands: the docs, the schema and how to get a token."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_root_answers_clients_with_links_to_docs_schema_and_tokens(client):
    body = client.get("/api/").json()

    assert body["docs"] == "http://testserver/api/docs/"
    assert body["schema"] == "http://testserver/api/schema/"
    assert "create_api_token" in body["authentication"]
    assert body["endpoints"]["meetings"] == "http://testserver/api/meetings/"


def test_the_api_root_is_a_page_for_browsers_not_drfs_stock_text(client):
    response = client.get("/api/", HTTP_ACCEPT="text/html,application/xhtml+xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'href="http://testserver/api/docs/"' in html
    assert 'href="http://testserver/api/schema/"' in html
    assert "create_api_token" in html
    assert "default basic root view" not in html
    assert "Api Root" not in html


def test_the_docs_say_an_agreement(client):
    schema = client.get("/api/schema/?format=json").content.decode()

    assert "Add an agreement by hand" in schema
    assert "An agreement extraction missed" in schema
    assert "Add a meeting by hand" in schema
    assert " a agreement" not in schema and "A agreement" not in schema
