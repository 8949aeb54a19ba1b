"""URL uploads cannot be used to reach the deployment's own network (SSRF).

A canary HTTP server listens on 127.0.0.1; every way of pointing the fetcher at it
(literal addresses in any spelling, names that resolve to it, a name whose DNS answer
changes between check and connection, redirects, other schemes) is refused, through
the reader, the upload page and the API, and the canary never sees a request.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ingest import fetch
from ingest.fetch import check_url, fetch_url
from ingest.read import UploadRejected
from ingest.services import article_process
from kb.models import Article, ArticleStatus
from tests.factories import editor


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Canary.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"internal secrets")

    do_POST = do_HEAD = do_GET  # noqa: N815

    def log_message(self, *args):
        pass


class _Redirector(http.server.BaseHTTPRequestHandler):
    """Stands for a public site that redirects to an internal address."""

    target = ""

    def do_GET(self):  # noqa: N802
        self.send_response(302)
        self.send_header("Location", _Redirector.target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def _serve(handler) -> Iterator[int]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def canary() -> Iterator[int]:
    _Canary.hits = []
    yield from _serve(_Canary)
    assert _Canary.hits == [], f"the canary was reached: {_Canary.hits}"


@pytest.fixture
def redirector() -> Iterator[int]:
    yield from _serve(_Redirector)


def literal_urls(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/",
        f"http://127.1:{port}/",
        f"http://2130706433:{port}/",  # decimal
        f"http://0177.0.0.1:{port}/",  # octal
        f"http://0x7f.0.0.1:{port}/",  # hex
        f"http://0x7f000001:{port}/",
        f"http://[::1]:{port}/",
        f"http://[::ffff:127.0.0.1]:{port}/",  # IPv4-mapped IPv6
        f"http://[::ffff:7f00:1]:{port}/",
        f"http://[64:ff9b::7f00:1]:{port}/",  # NAT64 of 127.0.0.1
        f"http://0.0.0.0:{port}/",
        f"http://0:{port}/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://[fe80::1]/",
        "http://10.0.0.1/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://224.0.0.1/",
    ]


def name_urls(port: int) -> list[str]:
    return [
        f"http://localhost:{port}/",
        f"http://LOCALHOST.:{port}/",
        f"http://ip6-localhost:{port}/",
    ]


BAD_SCHEMES = [
    "file:///etc/passwd",
    "ftp://example.org/a.txt",
    "gopher://127.0.0.1:6379/_FLUSHALL",
    "dict://127.0.0.1:6379/info",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ldap://127.0.0.1/",
    "http://",
    "http:///etc/passwd",
]


def test_literal_internal_addresses_are_refused_before_anything_is_stored(canary):
    for url in literal_urls(canary):
        with pytest.raises(UploadRejected) as refused:
            check_url(url)
        assert refused.value.code == "bad_url", url
        assert "internal address" in refused.value.reason, url
        with pytest.raises(UploadRejected):
            fetch_url(url, max_bytes=1000, timeout=2)


def test_other_schemes_are_refused(canary):
    for url in BAD_SCHEMES:
        with pytest.raises(UploadRejected) as refused:
            check_url(url)
        assert refused.value.code == "bad_url", url


def test_names_resolving_to_internal_addresses_are_refused_when_fetched(canary):
    for url in name_urls(canary):
        try:
            socket.getaddrinfo(url.split("//")[1].split(":")[0], None)
        except socket.gaierror:
            continue  # this machine has no such name
        check_url(url)  # a name: only the worker's look-up can tell
        with pytest.raises(UploadRejected) as refused:
            fetch_url(url, max_bytes=1000, timeout=2)
        assert refused.value.code == "bad_url", url


def test_a_dns_answer_that_changes_after_the_check_is_not_followed(canary, monkeypatch):
    """DNS rebinding: the first answer is public, every later one is 127.0.0.1. The
    connection is made to the address that was checked on that connection's own
    look-up, so the internal answer is refused, never connected to."""
    real = socket.getaddrinfo
    answers: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        address = "93.184.216.34" if not answers else "127.0.0.1"
        answers.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port or 80))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(UploadRejected) as refused:
        fetch_url(f"http://rebind.example:{canary}/", max_bytes=1000, timeout=2)
    assert refused.value.code == "bad_url"
    assert answers[0] == "93.184.216.34" and answers[-1] == "127.0.0.1"


def test_redirects_to_internal_addresses_are_refused(canary, redirector, monkeypatch):
    """A 'public' site (the redirector, let through by name) redirects inwards."""
    original = fetch._resolve_public

    def resolve(host, port, *, allow_private=False):
        if host == "public.example":
            return "127.0.0.1"
        return original(host, port, allow_private=allow_private)

    monkeypatch.setattr(fetch, "_resolve_public", resolve)
    targets = [*literal_urls(canary)[:10], *name_urls(canary)[:1], "file:///etc/passwd"]
    for target in targets:
        _Redirector.target = target
        with pytest.raises(UploadRejected) as refused:
            fetch_url(f"http://public.example:{redirector}/go", max_bytes=1000, timeout=2)
        assert refused.value.code in ("bad_url", "fetch_failed"), (target, refused.value)


def test_proxy_variables_cannot_route_a_fetch_around_the_check(canary, monkeypatch):
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{canary}")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{canary}")
    with pytest.raises(UploadRejected):
        fetch_url(f"http://localhost:{canary}/", max_bytes=1000, timeout=2)


# --- through the upload page and the API ----------------------------------------------------


@pytest.fixture
def api(db) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor()).key}")
    return client


@pytest.fixture
def page_client(client, db):
    client.force_login(editor("ssrf-page-editor"))
    return client


@pytest.fixture
def queued(no_queue) -> list[int]:
    return no_queue


def test_the_api_and_the_upload_page_refuse_internal_urls(canary, api, page_client, queued):
    for url in [*literal_urls(canary), *BAD_SCHEMES]:
        response = api.post("/api/articles/", {"url": url}, format="json")
        assert response.status_code == 400, (url, response.status_code)
        assert response.json()["detail"], url
        response = page_client.post(reverse("upload"), {"url": url})
        assert response.status_code == 400, (url, response.status_code)
    assert not Article.objects.exists()
    assert queued == []


def test_a_name_for_an_internal_address_is_accepted_then_fails_in_the_worker(canary, api, queued):
    url = f"http://localhost:{canary}/secret"
    response = api.post("/api/articles/", {"url": url}, format="json")
    assert response.status_code == 202, response.content
    article = Article.objects.get(pk=response.json()["id"])
    assert (article.status, article.url, article.content_hash) == ("queued", url, None)
    assert queued == [article.pk]

    article = article_process(article_id=article.pk)
    assert article.status == ArticleStatus.FAILED
    assert "internal address" in article.error
    assert article.text == ""


# --- what a refusal tells the editor ---------------------------------------------------------

#: Internal names and the addresses the deployment's DNS gives them (invented).
INTERNAL_NAMES = {"db.internal.example": "10.20.30.40", "cache.internal.example": "fd00::2a"}


@pytest.fixture
def internal_dns(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        address = INTERNAL_NAMES.get(host)
        if address is None:
            return real(host, port, *args, **kwargs)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port or 80))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


def test_a_refused_name_does_not_say_what_it_resolves_to(internal_dns):
    for host, address in INTERNAL_NAMES.items():
        with pytest.raises(UploadRejected) as refused:
            fetch_url(f"http://{host}/status", max_bytes=1000, timeout=2)
        assert refused.value.code == "bad_url", host
        assert host in refused.value.reason
        assert address not in refused.value.reason, refused.value.reason
        assert "10.20" not in refused.value.reason and "fd00" not in refused.value.reason


def test_a_redirect_to_an_internal_name_does_not_say_what_it_resolves_to(
    internal_dns, redirector, monkeypatch
):
    original = fetch._resolve_public

    def resolve(host, port, *, allow_private=False):
        if host == "public.example":
            return "127.0.0.1"
        return original(host, port, allow_private=allow_private)

    monkeypatch.setattr(fetch, "_resolve_public", resolve)
    _Redirector.target = "http://db.internal.example/"
    with pytest.raises(UploadRejected) as refused:
        fetch_url(f"http://public.example:{redirector}/go", max_bytes=1000, timeout=2)
    assert "10.20.30.40" not in refused.value.reason


def test_the_failed_articles_error_does_not_say_what_a_name_resolves_to(internal_dns, api, queued):
    response = api.post("/api/articles/", {"url": "http://db.internal.example/"}, format="json")
    assert response.status_code == 202, response.content

    article = article_process(article_id=response.json()["id"])

    assert article.status == ArticleStatus.FAILED
    assert "internal address" in article.error
    assert "10.20.30.40" not in article.error
    assert "10.20.30.40" not in api.get(f"/api/articles/{article.pk}/").content.decode()


def test_a_literal_address_may_still_be_shown_in_its_usual_spelling():
    """The editor wrote it: saying that 2130706433 is 127.0.0.1 tells them nothing new."""
    with pytest.raises(UploadRejected) as refused:
        check_url("http://2130706433/")
    assert "127.0.0.1" in refused.value.reason
