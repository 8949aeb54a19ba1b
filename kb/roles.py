"""Roles. Analysts read; editors (the "editors" group, or staff) also upload and correct;
admins are superusers. Anonymous reading is on unless SUMMITRY_ANONYMOUS_READ is off."""

from __future__ import annotations

from django.conf import settings

EDITORS_GROUP = "editors"


def can_read(user) -> bool:
    return bool(settings.SUMMITRY_ANONYMOUS_READ or (user and user.is_authenticated))


def can_edit(user) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return user.groups.filter(name=EDITORS_GROUP).exists()
