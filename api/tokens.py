"""Issuing and revoking service tokens (the management commands and the admin).

A token is made by its owner, or by a superuser for someone else (recorded as its maker);
``made_by=None`` is the server itself (``manage.py create_api_token``, run by whoever
operates it). The key is shown only to whoever made the token, once. A token lives
``API_TOKEN_LIFETIME_DAYS`` days, or fewer if its maker says so.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError

from api.models import PREFIX_LENGTH, ApiToken, TokenOrigin, TokenScope, hash_key
from kb.roles import can_edit


def token_issue_check(*, user, scope: str, made_by, lifetime_days: int | None = None) -> None:
    """Raise ``ValidationError`` unless ``made_by`` may make a ``scope`` token for ``user``:
    their own, or anyone's for a superuser; the user active; edit scope only for an editor;
    a lifetime of at least a day and at most ``API_TOKEN_LIFETIME_DAYS``."""
    if made_by is not None and made_by.pk != user.pk and not made_by.is_superuser:
        raise ValidationError("Only its owner or a superuser may make a token for a user.")
    if scope not in TokenScope.values:
        raise ValidationError(f"Unknown scope {scope!r}: use read or edit.")
    if not user.is_active:
        raise ValidationError(f"{user} is inactive.")
    if scope == TokenScope.EDIT and not can_edit(user):
        raise ValidationError(f"{user} is not an editor: an edit-scoped token needs one.")
    longest = settings.API_TOKEN_LIFETIME_DAYS
    if lifetime_days is not None and not 1 <= lifetime_days <= longest:
        raise ValidationError(
            f"A token's lifetime is at least 1 day and at most {longest} days "
            "(API_TOKEN_LIFETIME_DAYS)."
        )


def issue_token(
    *,
    user,
    scope: str,
    made_by,
    origin: TokenOrigin,
    name: str = "",
    lifetime_days: int | None = None,
) -> tuple[ApiToken, str]:
    """A new token for ``user``, recorded as made by ``made_by`` through ``origin``; returns
    it with its key (never stored, shown once)."""
    token_issue_check(user=user, scope=scope, made_by=made_by, lifetime_days=lifetime_days)
    return ApiToken.issue(
        user=user,
        scope=scope,
        name=name,
        created_by=made_by,
        created_via=origin,
        lifetime_days=lifetime_days,
    )


def revoke_tokens(*, prefix: str = "", user=None) -> int:
    """Revoke the active tokens whose key starts with ``prefix`` (or all of ``user``'s)."""
    tokens = ApiToken.objects.active()
    if prefix:
        whole = tokens.filter(key_hash=hash_key(prefix))
        tokens = (
            whole if whole.exists() else tokens.filter(prefix__startswith=prefix[:PREFIX_LENGTH])
        )
    if user is not None:
        tokens = tokens.filter(user=user)
    count = 0
    for token in tokens:
        token.revoke()
        count += 1
    return count
