"""Tests for ingest.fetch: the SSRF-safe client that fetches a page an editor gave the
address of (size, time and scheme limits; proxies ignored)."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator

import pytest

from ingest.fetch import fetch_url
from ingest.read import (
    TEXT_HTML,
    UploadRejected,
    read_upload,
)
from tests.ingest.read.test_read import ARTICLE_PAGE

FIRST = "The envoys of Nordland and Sudmark met in Arvella to discuss river water rights."
SECOND = "Both sides called the talks frank and agreed to meet again before the winter."


def rejected(call, *args, **kwargs) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        call(*args, **kwargs)
    return caught.value


# --- fetch_url --------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self):  # noqa: N802 - http.server's naming
        status, headers, body = self.routes.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers and status != 204:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _NoLengthHandler(_Handler):
    """Sends the body without Content-Length and closes, like a streaming server."""

    protocol_version = "HTTP/1.0"

    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"x" * 5000)


PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """urllib honours proxy variables; requests to 127.0.0.1 must go direct."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_PAGE.encode()),
        "/moved": (302, {"Location": "/article"}, b""),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/secret.txt"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
    }
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()
    thread.join()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/article.txt",
        "file:///etc/passwd",
        "data:text/plain,hello",
        "javascript:alert(1)",
        "not a url",
        "http://",
        "",
    ],
)
def test_fetch_url_refuses_other_schemes(url):
    error = rejected(fetch_url, url, max_bytes=1000, opener=_ExplodingOpener())
    assert error.code == "bad_url"


class _ExplodingOpener:
    def open(self, request, timeout=None):
        raise AssertionError("must not be called")


def test_fetch_url_fetches_a_page_that_reads_as_html(server):
    data, final_url = fetch_url(f"{server}/article", allow_private=True, max_bytes=100_000)
    assert final_url == f"{server}/article"
    article = read_upload(data)
    assert article.media_type == TEXT_HTML and FIRST in article.text


def test_fetch_url_follows_http_redirects_and_reports_the_final_url(server):
    data, final_url = fetch_url(f"{server}/moved", allow_private=True, max_bytes=100_000)
    assert final_url == f"{server}/article"
    assert data == ARTICLE_PAGE.encode()


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_fetch_url_refuses_redirects_to_other_schemes(server, path):
    assert (
        rejected(fetch_url, f"{server}{path}", allow_private=True, max_bytes=100_000).code
        == "bad_url"
    )


def test_fetch_url_refuses_a_response_over_the_limit(server):
    error = rejected(fetch_url, f"{server}/big", allow_private=True, max_bytes=4000)
    assert error.code == "too_large"


def test_fetch_url_counts_bytes_when_no_length_is_declared():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NoLengthHandler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/stream"
        assert rejected(fetch_url, url, allow_private=True, max_bytes=4999).code == "too_large"
        data, _ = fetch_url(url, allow_private=True, max_bytes=5000)
        assert len(data) == 5000
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_fetch_url_reports_http_errors(server):
    error = rejected(fetch_url, f"{server}/missing", allow_private=True, max_bytes=1000)
    assert error.code == "fetch_failed"
    assert "404" in str(error)


def test_fetch_url_reports_unreachable_hosts():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    port = httpd.server_address[1]
    httpd.server_close()  # nothing listens on the port any more
    assert (
        rejected(
            fetch_url, f"http://127.0.0.1:{port}/", allow_private=True, max_bytes=1000, timeout=2
        ).code
        == "fetch_failed"
    )


class _FakeResponse(io.BytesIO):
    def __init__(self, body: bytes, url: str):
        super().__init__(body)
        self.url = url
        self.headers: dict[str, str] = {}

    def geturl(self) -> str:
        return self.url


class _FakeOpener:
    def __init__(self, body: bytes, final_url: str):
        self.body, self.final_url, self.requests = body, final_url, []

    def open(self, request, timeout=None):
        self.requests.append((request, timeout))
        return _FakeResponse(self.body, self.final_url)


def test_fetch_url_uses_an_injected_opener():
    opener = _FakeOpener(b"hello", "https://news.example/final")
    assert fetch_url(
        "https://news.example/a", allow_private=True, max_bytes=10, timeout=3, opener=opener
    ) == (
        b"hello",
        "https://news.example/final",
    )
    request, timeout = opener.requests[0]
    assert request.full_url == "https://news.example/a" and timeout == 3
    assert (
        rejected(
            fetch_url, "https://news.example/a", allow_private=True, max_bytes=4, opener=opener
        ).code
        == "too_large"
    )


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/", "http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/"],
)
def test_fetch_url_refuses_internal_addresses_by_default(url):
    error = rejected(fetch_url, url, max_bytes=1000, opener=_ExplodingOpener())
    assert error.code == "bad_url"
    assert "internal address" in str(error)
