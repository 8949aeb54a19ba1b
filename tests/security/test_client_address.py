"""Whose address a request comes from: forwarded headers are believed only from the proxies
named in TRUSTED_PROXIES, so a client can neither dodge the anonymous rate limit by
varying X-Forwarded-For, nor spend another client's allowance, nor claim HTTPS with
X-Forwarded-Proto. With no proxies named (the default, as in docker-compose, where
gunicorn faces clients directly) the address is the connection's own."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.security.production import production_json, run_production

pytestmark = pytest.mark.django_db

CLIENT = "203.0.113.7"
OTHER_CLIENT = "198.51.100.20"
PROXY = "10.0.0.5"


@pytest.fixture(autouse=True)
def three_per_minute(settings):
    settings.API_THROTTLE_RATES = {"anon": "3/minute", "user": None}
    cache.clear()
    yield
    cache.clear()


def statuses(client: APIClient, count: int, forwarded=lambda i: None) -> list[int]:
    found = []
    for i in range(count):
        headers = {"X-Forwarded-For": forwarded(i)} if forwarded(i) else {}
        found.append(client.get("/api/countries/", headers=headers).status_code)
    return found


def test_a_client_varying_x_forwarded_for_is_still_limited_by_its_own_address():
    client = APIClient(REMOTE_ADDR=CLIENT)
    found = statuses(client, 5, forwarded=lambda i: f"192.0.2.{i + 1}")
    assert found == [200, 200, 200, 429, 429]


def test_a_client_cannot_spend_another_clients_allowance():
    attacker = APIClient(REMOTE_ADDR=CLIENT)
    assert statuses(attacker, 3, forwarded=lambda i: OTHER_CLIENT) == [200, 200, 200]
    victim = APIClient(REMOTE_ADDR=OTHER_CLIENT)
    assert statuses(victim, 3) == [200, 200, 200]


def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    proxy = APIClient(REMOTE_ADDR=PROXY)
    assert statuses(proxy, 4, forwarded=lambda i: CLIENT) == [200, 200, 200, 429]
    assert statuses(proxy, 3, forwarded=lambda i: OTHER_CLIENT) == [200, 200, 200]


def test_behind_a_trusted_proxy_addresses_the_client_wrote_are_ignored(settings):
    """The proxy appends the address it saw; whatever the client sent stands to its left."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    proxy = APIClient(REMOTE_ADDR=PROXY)
    found = statuses(proxy, 4, forwarded=lambda i: f"192.0.2.{i + 1}, {CLIENT}, 10.0.0.9")
    assert found == [200, 200, 200, 429]


def test_forwarded_headers_from_outside_the_trusted_proxies_are_ignored(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    client = APIClient(REMOTE_ADDR=CLIENT)
    assert statuses(client, 4, forwarded=lambda i: f"192.0.2.{i + 1}") == [200, 200, 200, 429]


def test_addresses_of_one_ipv6_network_share_an_allowance():
    """A /64 is one subscriber's: cycling through its addresses gains nothing."""
    found = [
        APIClient(REMOTE_ADDR=f"2001:db8:1:2::{i + 1:x}").get("/api/countries/").status_code
        for i in range(4)
    ]
    assert found == [200, 200, 200, 429]
    assert APIClient(REMOTE_ADDR="2001:db8:1:3::1").get("/api/countries/").status_code == 200


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "expected"),
    [
        (CLIENT, "192.0.2.1", [], CLIENT),
        (PROXY, "192.0.2.1", [], PROXY),
        (PROXY, "192.0.2.1", [PROXY], "192.0.2.1"),
        (PROXY, "", [PROXY], PROXY),
        (PROXY, None, [PROXY], PROXY),
        (PROXY, "192.0.2.1, 192.0.2.2", [PROXY], "192.0.2.2"),
        (PROXY, "192.0.2.1, 10.0.0.7", ["10.0.0.0/8"], "192.0.2.1"),
        (PROXY, "10.0.0.8, 10.0.0.7", ["10.0.0.0/8"], "10.0.0.8"),
        (PROXY, "not-an-address, 10.0.0.7", ["10.0.0.0/8"], "10.0.0.7"),
        (PROXY, "192.0.2.1:5678", [PROXY], "192.0.2.1"),
        (PROXY, "[2001:db8::1]:443", [PROXY], "2001:db8::1"),
        (PROXY, "2001:DB8::1", [PROXY], "2001:db8::1"),
        ("::1", "192.0.2.1", ["::1"], "192.0.2.1"),
        ("::ffff:10.0.0.5", "192.0.2.1", [PROXY], "192.0.2.1"),
    ],
)
def test_client_address(peer, forwarded, trusted, expected, settings):
    from config.proxies import client_address

    settings.TRUSTED_PROXIES = trusted
    meta = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(meta) == expected


# --- X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER) --------------------------------------------


CLAIM_HTTPS = """
import json, django
django.setup()
from django.conf import settings as s
from django.test import Client
from django.test.utils import override_settings
storages = {**s.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
override_settings(STORAGES=storages).enable()
found = {}
for peer in ("203.0.113.7", "10.0.0.5"):
    c = Client(HTTP_HOST="summitry.example.org", REMOTE_ADDR=peer)
    r = c.get("/accounts/login/", headers={"X-Forwarded-Proto": "https"})
    found[peer] = [r.status_code, r.get("Location"), bool(r.get("Strict-Transport-Security"))]
print(json.dumps(found))
"""


def test_a_client_cannot_claim_https_with_x_forwarded_proto_by_default():
    found = production_json(CLAIM_HTTPS)
    for peer in ("203.0.113.7", "10.0.0.5"):
        status, location, hsts = found[peer]
        assert (status, location, hsts) == (
            301,
            "https://summitry.example.org/accounts/login/",
            False,
        ), peer


def test_a_trusted_proxy_says_whether_the_request_came_over_https():
    found = production_json(CLAIM_HTTPS, TRUSTED_PROXIES="10.0.0.0/24")
    assert found["10.0.0.5"] == [200, None, True]
    assert found["203.0.113.7"][:2] == [301, "https://summitry.example.org/accounts/login/"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("TRUSTED_PROXIES", "10.0.0.0/33", "TRUSTED_PROXIES"),
        ("TRUSTED_PROXIES", "proxy.internal", "TRUSTED_PROXIES"),
        ("API_NUM_PROXIES", "1", "TRUSTED_PROXIES"),
    ],
)
def test_a_proxy_setting_that_cannot_be_honoured_stops_start_up(name, value, message):
    result = run_production("import django; django.setup()", **{name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr
