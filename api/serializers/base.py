"""What every serializer of the API builds on: enum fields shown as one schema component,
the strict request bodies (a body naming a field the request does not take is refused),
strict scalar fields, and the shape of every error answer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from django.http import QueryDict
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

COUNTRY_CODE = {"slug_field": "code", "read_only": True}


@cache
def _enum_field_class(choices) -> type[serializers.ChoiceField]:
    schema = {"type": "string", "enum": list(choices.values)}
    field_class = type(f"{choices.__name__}Field", (serializers.ChoiceField,), {})
    return extend_schema_field(schema, component_name=choices.__name__)(field_class)


def _enum(choices) -> serializers.ChoiceField:
    """A read-only choice field shown in the schema as one enum component named after
    its choices class (fields called "kind" or "status" exist with different choices)."""
    return _enum_field_class(choices)(choices=choices.choices, read_only=True)


def article_url(article_or_id, request=None) -> str:
    """The article's API address (absolute when there is a request)."""
    pk = getattr(article_or_id, "pk", article_or_id)
    return reverse("api:article-detail", args=[pk], request=request)


def _names():
    return serializers.ListField(child=serializers.CharField(), read_only=True)


# ---- strict request bodies ------------------------------------------------------------------
# A body names only fields the request takes: one it does not (a typo, or a read-only field
# of the representation sent back) is an error, never silently dropped. Bodies are JSON: a
# number is not accepted for text, nor text for a number or an id.

#: Sent by HTML forms (the browsable API's too) besides their fields.
FORM_EXTRAS = frozenset({"csrfmiddlewaretoken"})


class StrictSerializer(serializers.Serializer):
    """A request body that refuses, with a message per field, every field it does not
    take, along with any other errors it has. The schema says so
    (``additionalProperties: false``, see ``api.schema``)."""

    def to_internal_value(self, data):
        refused = self._refused(data)
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if refused and isinstance(exc.detail, dict):
                raise serializers.ValidationError({**refused, **exc.detail}) from exc
            raise
        if refused:
            raise serializers.ValidationError(refused)
        return value

    def _refused(self, data) -> dict[str, list[str]]:
        if not isinstance(data, Mapping):
            return {}  # DRF refuses it as a whole
        taken = [name for name, field in self.fields.items() if not field.read_only]
        extras = FORM_EXTRAS if isinstance(data, QueryDict) else frozenset()
        refused = [str(key) for key in data if key not in taken and key not in extras]
        if not refused:
            return {}
        takes = ", ".join(taken) or "no fields"
        return {
            key: [f"Unknown or read-only field: this request takes {takes}."] for key in refused
        }


class NoInputSerializer(StrictSerializer):
    """The body of an action that takes no input (confirm, reject, retry, undo, delete):
    empty, or an empty object."""


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class IdField(serializers.PrimaryKeyRelatedField):
    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


def _edited_fields():
    return serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Fields an editor set; extraction never changes them.",
    )


class ErrorSerializer(serializers.Serializer):
    """Every error answer (400, 401, 403, 404, 405, 413, 429) has this shape."""

    detail = serializers.CharField(help_text="What went wrong, for people.")
    code = serializers.CharField(help_text="What went wrong, for programs.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid input: messages per field (nested fields joined by dots).",
    )
