"""The SSRF-safe HTTP client: fetching a page an editor gave the address of, without
letting that address reach services inside the deployment.

Only http(s); every address a name resolves to is checked and the connection is pinned
to the address checked (no DNS rebinding), redirects included; size and time limits;
proxy variables ignored. Pure Python, no Django: limits are passed in by the caller.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from ingest.read.common import UploadRejected, check_size, size_text


def check_url(url: str, *, allow_private: bool = False) -> str:
    """Check an address before it is stored for fetching later, without a DNS look-up.

    Refuses (``bad_url``) anything but http(s) with a host, and hosts written as an
    internal IP address in any spelling (``127.0.0.1``, ``2130706433``,
    ``0177.0.0.1``, ``[::ffff:127.0.0.1]``).  Names are resolved and checked again
    when the worker fetches the page.  Returns the stripped URL.
    """
    url = url.strip()
    if len(url) > 2000:
        raise UploadRejected("bad_url", "The address is longer than 2,000 characters.")
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise UploadRejected("bad_url", "The address contains spaces or control characters.")
    check_web_url(url, allow_private=True)
    if not allow_private:
        host = urllib.parse.urlsplit(url).hostname or ""
        address = literal_address(host)
        if address is not None:
            refuse_internal(host, address)
    return url


def fetch_url(
    url: str,
    *,
    max_bytes: int,
    timeout: float = 10.0,
    opener: Any = None,
    allow_private: bool = False,
) -> tuple[bytes, str]:
    """Download ``url`` (http or https only) and return (body, final URL).

    At most ``max_bytes + 1`` bytes are read, so an oversized page is refused
    without being held in memory, and the whole download must finish within
    ``3 * timeout`` seconds.  Redirects to other schemes are refused.
    Unless ``allow_private``, addresses that resolve to loopback, private,
    link-local or reserved networks are refused, redirects included, so an
    upload form cannot be used to reach services inside the deployment.  The
    check is made when connecting, on the very address connected to (the host
    name is resolved once per connection and that address is pinned, with the
    Host header and TLS server name kept), so a DNS answer that changes between
    check and connection ("DNS rebinding") cannot slip through.  Proxy
    variables are ignored.
    ``opener`` is anything with ``open(request, timeout=...)`` (a urllib
    OpenerDirector by default); tests inject their own.
    """
    url = url.strip()
    check_web_url(url, allow_private=allow_private)
    if opener is None:
        redirects = _WebOnlyRedirectHandler()
        redirects.allow_private = allow_private
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            _PinnedHTTPHandler(allow_private=allow_private),
            _PinnedHTTPSHandler(allow_private=allow_private),
            redirects,
        )
    deadline = time.monotonic() + 3 * timeout
    request = urllib.request.Request(
        url, headers={"User-Agent": "Summitry/1.0 (article reader)", "Accept": "*/*"}
    )
    try:
        response = opener.open(request, timeout=timeout)
    except UploadRejected:  # a redirect to another scheme
        raise
    except urllib.error.HTTPError as exc:
        exc.close()
        raise UploadRejected(
            "fetch_failed", f"The server answered {exc.code} {exc.reason}."
        ) from exc
    except urllib.error.URLError as exc:
        raise UploadRejected("fetch_failed", f"Could not fetch the page: {exc.reason}.") from exc
    except (OSError, ValueError, http.client.HTTPException) as exc:  # timeouts, resets, bad hosts
        raise UploadRejected("fetch_failed", f"Could not fetch the page: {exc}.") from exc
    try:
        final_url = response.geturl() or url
        check_web_url(final_url, allow_private=allow_private)
        headers = getattr(response, "headers", None)
        declared = headers.get("Content-Length", "") if headers is not None else ""
        if declared.isdigit():
            check_size(int(declared), max_bytes, what="page")
        data = _read_limited(response, max_bytes, deadline=deadline)
    except (OSError, http.client.HTTPException) as exc:
        raise UploadRejected("fetch_failed", f"The download broke off: {exc}.") from exc
    finally:
        response.close()
    return data, final_url


def check_web_url(url: str, *, allow_private: bool = True) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UploadRejected(
            "bad_url", f"Only http and https addresses can be fetched, not “{url}”."
        )
    if not allow_private:
        _check_public_host(parts.hostname)


def _check_public_host(host: str) -> None:
    _resolve_public(host, None)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _is_internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Loopback, private, link-local, reserved, multicast, or an IPv6 address that
    embeds such an IPv4 address (mapped ``::ffff:a.b.c.d``, NAT64, 6to4, Teredo)."""
    if not address.is_global or address.is_multicast or address.is_unspecified:
        return True
    if isinstance(address, ipaddress.IPv6Address):
        embedded = [address.ipv4_mapped, address.sixtofour]
        if address.teredo:
            embedded.extend(address.teredo)
        if address in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        return any(v4 is not None and _is_internal(v4) for v4 in embedded)
    return False


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as a number stands for, in any spelling the C
    resolver accepts (dotted, decimal ``2130706433``, octal ``0177.0.0.1``, hex)."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None


def refuse_internal(
    host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address, *, looked_up: bool = False
) -> None:
    """Refuse an internal address. For a name that was looked up, the message leaves out
    the address it resolved to: an editor must not learn the deployment's internal map.
    A host written as an address is shown in its usual spelling (the editor wrote it)."""
    if not _is_internal(address):
        return
    shown = "" if looked_up else f" ({address})"
    raise UploadRejected(
        "bad_url",
        f"“{host}” is an internal address{shown}; only public web pages can be fetched.",
    )


def _resolve_public(host: str, port: int | None, *, allow_private: bool = False) -> str:
    """Resolve ``host`` once; refuse it if any address is internal (unless allowed);
    return the first address, which the caller must connect to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise UploadRejected("fetch_failed", f"Could not find the host “{host}”.") from exc
    if not infos:
        raise UploadRejected("fetch_failed", f"Could not find the host “{host}”.")
    if not allow_private:
        for info in infos:
            address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
            refuse_internal(host, address, looked_up=literal_address(host) is None)
    return infos[0][4][0]


class _PinnedConnectionMixin:
    """Connect to the address that was checked, not to whatever a second look-up says."""

    allow_private = False

    def _connect_checked(self) -> socket.socket:
        address = _resolve_public(self.host, self.port, allow_private=self.allow_private)
        return socket.create_connection((address, self.port), self.timeout, self.source_address)


class _PinnedHTTPConnection(_PinnedConnectionMixin, http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = self._connect_checked()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedHTTPSConnection(_PinnedConnectionMixin, http.client.HTTPSConnection):
    def connect(self) -> None:
        sock = self._connect_checked()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The certificate is checked against the host name (SNI), not the address.
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req):  # type: ignore[no-untyped-def]
        connection = type(
            "_Connection", (_PinnedHTTPConnection,), {"allow_private": self.allow_private}
        )
        return self.do_open(connection, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, *, allow_private: bool) -> None:
        super().__init__(context=ssl.create_default_context())
        self.allow_private = allow_private

    def https_open(self, req):  # type: ignore[no-untyped-def]
        connection = type(
            "_Connection", (_PinnedHTTPSConnection,), {"allow_private": self.allow_private}
        )
        return self.do_open(functools.partial(connection, context=self._context), req)


class _WebOnlyRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would follow one to ftp, and
    reports one to file: as an HTTP error rather than a bad address."""

    allow_private = True

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        location = headers.get("location") or headers.get("uri")
        if location:
            try:
                check_web_url(
                    urllib.parse.urljoin(req.full_url, location), allow_private=self.allow_private
                )
            except UploadRejected:
                fp.close()
                raise
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _read_limited(
    response: Any, max_bytes: int, chunk_size: int = 64 * 1024, *, deadline: float | None = None
) -> bytes:
    """Read up to max_bytes + 1 bytes and refuse the page if it went past max_bytes,
    or if it is still arriving at ``deadline`` (a time.monotonic() value)."""
    chunks: list[bytes] = []
    total = 0
    read = getattr(response, "read1", None) or response.read
    while total <= max_bytes:
        if deadline is not None and time.monotonic() > deadline:
            raise UploadRejected("fetch_failed", "The page took too long to download.")
        # read1 returns what has arrived, so a slow drip cannot outlast the deadline.
        chunk = read(min(chunk_size, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise UploadRejected(
            "too_large", f"The page is larger than the {size_text(max_bytes)} limit."
        )
    return b"".join(chunks)
