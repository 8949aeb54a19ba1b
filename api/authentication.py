"""Token authentication for services: ``Authorization: Token <key>`` (or ``Bearer <key>``).

Keys are looked up by their SHA-256 (``api.models.ApiToken``); a revoked token, an unknown
key or an inactive user is 401, and so is an expired token, with its own code
(``token_expired``) and the date, so a service's operators know to get a new one.
``request.auth`` is the ``ApiToken``, whose scope ``api.permissions`` checks.
"""

from __future__ import annotations

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from api.models import ApiToken, hash_key, utc_minute

KEYWORDS = (b"token", b"bearer")


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                "Invalid token header: give `Token <key>`.", code="authentication_failed"
            )
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid token.") from exc
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_key(key), revoked_at__isnull=True)
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        if token.is_expired:
            raise exceptions.AuthenticationFailed(
                f"This token expired on {utc_minute(token.expires_at)}; "
                "make or ask for a new token.",
                code="token_expired",
            )
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("The token's user is inactive.")
        token.touch()
        return token.user, token

    def authenticate_header(self, request) -> str:
        return 'Token realm="api"'
