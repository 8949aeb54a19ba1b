"""Rate limits: per token (or signed-in user) and per anonymous address.

Rates come from ``settings.API_THROTTLE_RATES`` (``{"anon": "120/minute", "user": ...}``,
set from the environment) and are read on every request, so tests and deployments can
change them; a rate of ``None`` turns that limit off. Over the limit is 429 with
``Retry-After``. Counters live in Django's default cache (per process unless CACHES points
at a shared cache such as Redis).

An anonymous client is its address as ``config.proxies`` settled it in ``REMOTE_ADDR``
(X-Forwarded-For counts only from a trusted proxy), and an IPv6 client its /64.
"""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from api.models import ApiToken
from config.proxies import address_bucket


class _SettingsRateThrottle(SimpleRateThrottle):
    def __init__(self):  # the rate is looked up per request, not once per process
        pass

    def allow_request(self, request, view):
        self.rate = (getattr(settings, "API_THROTTLE_RATES", None) or {}).get(self.scope)
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        """Never DRF's reading of X-Forwarded-For, which believes whatever a client sent."""
        return address_bucket(request.META.get("REMOTE_ADDR", ""))


class AnonThrottle(_SettingsRateThrottle):
    """Anonymous clients, by address (see the module's docstring)."""

    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenOrUserThrottle(_SettingsRateThrottle):
    """Each token has its own budget; a browser session counts as its user."""

    scope = "user"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        else:
            ident = f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
