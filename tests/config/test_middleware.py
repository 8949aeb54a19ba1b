"""Malformed requests get a clear 400, never a server error."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    ["/meetings/?q=a%00b", "/countries/a%00/", "/network/?q=%00", "/meetings/?%00=1"],
)
def test_nul_characters_in_the_address_are_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content


def test_api_gets_a_json_refusal(client):
    response = client.get("/api/leaders/?name=%00")
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_ordinary_addresses_pass(client):
    assert client.get("/meetings/?q=talks").status_code == 200
