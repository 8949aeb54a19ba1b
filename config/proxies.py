"""Whose request is this: the client's address, and whether it came over HTTPS.

A client can write any ``X-Forwarded-For`` or ``X-Forwarded-Proto`` it likes, so those
headers are believed only when the connection comes from a proxy named in
``settings.TRUSTED_PROXIES`` (addresses or networks). With none named, the default, the
client is the connection's own address: right for the shipped docker-compose, where
gunicorn faces clients directly. Rate limits, login throttling and logs all use the
address this module settles on, through ``REMOTE_ADDR``.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Headers a proxy sets about the client; dropped from requests no trusted proxy sent.
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
)
IPV6_SUBSCRIBER_PREFIX = 64


def trusted_networks(entries: list[str] | tuple[str, ...], setting: str = "TRUSTED_PROXIES"):
    """Parse proxy addresses or networks ("10.0.0.5", "172.16.0.0/12"); refuse anything else,
    since a proxy that cannot be recognised would silently be treated as a client."""
    return _networks(tuple(entries), setting)


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...], setting: str) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip()))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{setting} holds {entry!r}, which is not an IP address or network."
            ) from exc
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """An address as headers write it ("192.0.2.1", "192.0.2.1:5678", "[2001:db8::1]:443"),
    IPv4-mapped IPv6 as plain IPv4; None for anything else."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(peer: str) -> bool:
    networks = trusted_networks(getattr(settings, "TRUSTED_PROXIES", ()))
    address = parse_address(peer) if networks else None
    return address is not None and _within(address, networks)


def client_address(meta) -> str:
    """The client's address: the connection's, or, when that is a trusted proxy, the first
    address in X-Forwarded-For, read from the right, that no trusted proxy holds.

    Everything left of that point was written by the client and is ignored. A hop that is
    not an address ends the walk at the last address a trusted proxy vouched for."""
    peer = meta.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(peer):
        return peer
    networks = trusted_networks(settings.TRUSTED_PROXIES)
    client = parse_address(peer)
    for hop in reversed(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = parse_address(hop)
        if address is None:
            break
        client = address
        if not _within(address, networks):
            break
    return str(client)


def address_bucket(address: str) -> str:
    """What one client's allowance is counted by: an IPv4 address, or an IPv6 /64 (one
    subscriber's network, whose addresses they can cycle through at will)."""
    parsed = parse_address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        network = ipaddress.ip_network(f"{parsed}/{IPV6_SUBSCRIBER_PREFIX}", strict=False)
        return str(network)
    return str(parsed) if parsed is not None else address


def _within(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in networks)


class TrustedProxyMiddleware:
    """First in the chain: settle the client's address into ``REMOTE_ADDR`` and drop the
    forwarded headers of any request no trusted proxy sent, so nothing later (Django's
    ``SECURE_PROXY_SSL_HEADER``, DRF, logs) can be told a client's own story."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if is_trusted_proxy(meta.get("REMOTE_ADDR", "")):
            meta["REMOTE_ADDR"] = client_address(meta)
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)
