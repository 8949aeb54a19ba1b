"""Small converters the hand-written ``to_representation`` methods share; each returns
what the matching DRF field would."""

from __future__ import annotations

from django.utils import timezone


def date_out(value) -> str | None:
    return value.isoformat() if value else None


def datetime_out(value) -> str | None:
    if not value:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def names(values) -> list[str] | None:
    return None if values is None else [None if v is None else str(v) for v in values]
