"""Issuing and revoking service tokens (the management commands and the admin)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from api.models import PREFIX_LENGTH, ApiToken, TokenScope, hash_key
from kb.roles import can_edit


def issue_token(*, user, scope: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with its key (never stored, shown once).
    An edit-scoped token is only for an editor."""
    if scope not in TokenScope.values:
        raise ValidationError(f"Unknown scope {scope!r}: use read or edit.")
    if not user.is_active:
        raise ValidationError(f"{user} is inactive.")
    if scope == TokenScope.EDIT and not can_edit(user):
        raise ValidationError(f"{user} is not an editor: an edit-scoped token needs one.")
    return ApiToken.issue(user=user, scope=scope, name=name)


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
