"""Who may call the API: readers read, editors (and staff) also write."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from kb.roles import can_edit, can_read


class ReadOrEditorWrite(BasePermission):
    """Safe methods (GET, HEAD, OPTIONS) when ``kb.roles.can_read`` allows the user
    (anonymous users too, unless SUMMITRY_ANONYMOUS_READ is off); anything else only
    when ``kb.roles.can_edit`` does (the "editors" group, staff or superusers)."""

    message = "Only editors may change the knowledge base."

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return can_read(request.user)
        return can_edit(request.user)
