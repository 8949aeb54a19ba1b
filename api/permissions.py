"""Who may call the API: readers read, editors (and staff) also write.

A token's scope caps its user's rights: a read-scoped token never writes, and an
edit-scoped one writes only while its user is an editor (``kb.roles.can_edit``).
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from api.models import ApiToken, TokenScope
from kb.roles import can_edit, can_read


class ReadOrEditorWrite(BasePermission):
    """Safe methods (GET, HEAD, OPTIONS) when ``kb.roles.can_read`` allows the user
    (anonymous users too, unless SUMMITRY_ANONYMOUS_READ is off); anything else only
    when ``kb.roles.can_edit`` does (the "editors" group, staff or superusers) and,
    with a token, when the token is edit-scoped."""

    message = "Only editors may change the knowledge base."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return can_read(request.user)
        token = request.auth
        if isinstance(token, ApiToken) and token.scope != TokenScope.EDIT:
            self.message = "This token is read-only; writing needs an edit-scoped token."
            return False
        return can_edit(request.user)


class CanRead(BasePermission):
    """Whoever ``kb.roles.can_read`` allows, whatever the method: for views that only
    read (the schema and its docs page), so any other method is 405 for them."""

    def has_permission(self, request, view) -> bool:
        return can_read(request.user)
