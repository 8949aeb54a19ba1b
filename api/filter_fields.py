"""Query-string fields that refuse what they cannot read: a boolean that is not
true/false, an id out of range, a date-time that is not ISO 8601 are 400 with the reason,
never silently "unset". ``api.filters`` builds every list's filters from them."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Q
from django_filters import rest_framework as filters
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from kb.selectors.merged import by_survivor

BIGINT_MAX = 2**63 - 1
TRUE = {"true", "1", "yes", "on"}
FALSE = {"false", "0", "no", "off"}


class StrictBooleanField(forms.Field):
    """true/false (also 1/0, yes/no, on/off); anything else is an error, not "unset"."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise forms.ValidationError("Give true or false.", code="invalid")


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        kwargs["widget"] = forms.TextInput  # not BooleanWidget, which maps junk to None
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": BIGINT_MAX})
class IdFilter(filters.NumberFilter):
    """A record id. One that matches nothing gives an empty list."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(*args, **kwargs)


class MergedIdFilter(IdFilter):
    """The id of a leader or meeting (``model``): a merged one's id stands for the record it
    was merged into (``kb.selectors.merged``), as the pages do. ``field_name`` is one
    lookup or several (``("giver_id", "recipient_id")``: any of them)."""

    def __init__(self, *args, model, **kwargs):
        self.merged_model = model
        self.lookups = kwargs.pop("lookups", None)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        condition = Q()
        for lookup in self.lookups or (self.field_name,):
            condition |= by_survivor(lookup, self.merged_model, value)
        return qs.filter(condition)


class ChangedSinceField(forms.DateTimeField):
    def to_python(self, value):
        if value in (None, ""):
            return None
        from django.utils.dateparse import parse_datetime

        try:
            parsed = parse_datetime(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None:
            raise forms.ValidationError(
                "Give an ISO 8601 date-time, such as 2025-01-31T12:00:00Z.", code="invalid"
            )
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)
        try:
            return parsed.astimezone(dt.UTC)
        except OverflowError as exc:
            raise forms.ValidationError("That date-time is out of range.", code="invalid") from exc


@extend_schema_field(OpenApiTypes.DATETIME)
class ChangedSinceFilter(filters.Filter):
    field_class = ChangedSinceField

    def __init__(self, field_name="updated_at", **kwargs):
        kwargs.setdefault("lookup_expr", "gt")
        kwargs.setdefault(
            "help_text",
            "Only rows changed strictly after this ISO 8601 date-time (naive means UTC). "
            "Rejected and merged rows are included. Deleted ones are in /api/changes/deleted/.",
        )
        super().__init__(field_name=field_name, **kwargs)
