"""Form fields that pick leaders, countries and meetings without listing them all.

The page renders only the chosen records: a text box (one record) or a box with one
record per line (several). ``static/js/picker.js`` turns it into a combobox that searches
``/pick/<kind>/?q=`` as the editor types. Without the script the editor types a name, a
code or a number such as ``#12``, and the field finds the record, or says that nothing or
several records answer to it (listing a few, with their numbers).

Either way the form posts one value per record under the field's name: a number from the
script, or what was typed; ``clean`` turns them into records with a bounded number of
queries (one for all numbers, one per name typed).
"""

from __future__ import annotations

import json
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from kb.selectors import pickers as pick

#: The most values one field takes (a meeting with more participants is a data error).
MAX_VALUES = 60
_SPLIT = re.compile(r"[\n;]")


class PickerWidget(forms.Widget):
    """A text box (or a box of lines) holding the chosen records; the field prepares the
    value as a list of ``{"value", "label", "text"}`` items."""

    template_name = "kb/edit/_picker.html"

    def __init__(self, *, kind: str, multiple: bool, hint: str = "", attrs=None):
        super().__init__(attrs)
        self.kind, self.multiple, self.hint = kind, multiple, hint

    def value_from_datadict(self, data, files, name):
        if self.multiple:
            raw = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            if raw is None:
                return []
            raw = [raw] if isinstance(raw, str | int) else raw
            return [part.strip() for item in raw for part in _SPLIT.split(str(item))]
        value = data.get(name)
        return None if value is None else str(value).strip()

    def value_omitted_from_data(self, data, files, name):
        return False if self.multiple else name not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        items = value if isinstance(value, list) else []
        context["widget"].update(
            kind=self.kind,
            multiple=self.multiple,
            items=items,
            text="\n".join(i["text"] for i in items) if self.multiple else "",
            single_text=items[0]["text"] if items and not self.multiple else "",
            chosen=json.dumps(
                [{"value": i["value"], "label": i["label"]} for i in items], ensure_ascii=False
            ),
            url=reverse("pick", args=[self.kind]),
            hint=self.hint,
        )
        return context

    def format_value(self, value):
        return value

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)
        return mark_safe(render_to_string(self.template_name, context))


class PickField(forms.Field):
    """One record (``multiple=False``) or a list of them, picked by name or number."""

    kind = ""
    noun = "record"
    help_single = ""
    help_multiple = ""

    def __init__(self, *, multiple: bool = False, near: tuple[str, ...] = (), **kwargs):
        self.multiple = multiple
        hint = "Type to search, then choose with the arrow keys and Enter."
        kwargs.setdefault("help_text", self.help_multiple if multiple else self.help_single)
        widget = PickerWidget(kind=self.kind, multiple=multiple, hint=hint)
        if near:
            widget.attrs["data-picker-near"] = " ".join(near)
        super().__init__(widget=widget, **kwargs)

    # -- what subclasses say ------------------------------------------------------------

    def by_id(self, ids) -> dict[int, models.Model]:
        raise NotImplementedError

    def named(self, text: str) -> list[models.Model]:
        return []

    def label_of(self, obj) -> str:
        return str(obj)

    def text_of(self, obj) -> str:
        """What the box shows for a chosen record without the script (read back the same)."""
        return f"{self.label_of(obj)} #{obj.pk}"

    def unknown(self, text: str) -> str:
        return (
            f"No {self.noun} answers to “{text}”: type part of the name and choose from "
            f"the suggestions, or give the {self.noun}'s number, such as #12."
        )

    # -- turning typed values into records ------------------------------------------------

    def tokens(self, value) -> list[str]:
        if value in (None, ""):
            return []
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        return [str(value).strip()]

    def resolve(self, tokens: list[str]) -> tuple[list, list[str]]:
        """The records the tokens name (in order, without repeats) and the errors."""
        cache = self.__dict__.setdefault("_resolved", {})
        key = tuple(tokens)
        if key not in cache:
            cache[key] = self._resolve(tokens)
        return cache[key]

    def _resolve(self, tokens):
        if len(tokens) > MAX_VALUES:
            return [], [f"Give at most {MAX_VALUES} {self.noun}s."]
        ids = {t: pick.typed_id(t) for t in tokens}
        found = self.by_id({i for i in ids.values() if i is not None})
        records, errors = [], []
        for token in tokens:
            if ids[token] is not None:
                obj = found.get(ids[token])
                if obj is None:
                    errors.append(f"No {self.noun} has the number #{ids[token]}.")
                    continue
            else:
                matches = self.named(token)
                if not matches:
                    errors.append(self.unknown(token))
                    continue
                if len(matches) > 1:
                    shown = "; ".join(self.text_of(m) for m in matches[: pick.AMBIGUOUS_SHOWN])
                    more = " and others" if len(matches) > pick.AMBIGUOUS_SHOWN else ""
                    errors.append(
                        f"“{token}” could be any of {shown}{more}: give the number of the one "
                        "you mean."
                    )
                    continue
                obj = matches[0]
            if obj not in records:
                records.append(obj)
        return records, errors

    def to_python(self, value):
        records, errors = self.resolve(self.tokens(value))
        if errors:
            raise ValidationError(errors, code="invalid_choice")
        if self.multiple:
            return records
        return records[0] if records else None

    def validate(self, value):
        if self.required and value in (None, []):
            raise ValidationError(self.error_messages["required"], code="required")

    def clean(self, value):
        tokens = self.tokens(value)
        if not self.multiple and len(tokens) > 1:
            raise ValidationError(f"Choose one {self.noun}.", code="invalid_choice")
        return super().clean(value)

    # -- showing the value ----------------------------------------------------------------

    def _pks(self, value) -> list:
        values = value if isinstance(value, list | tuple) else [value]
        return [v.pk if isinstance(v, models.Model) else v for v in values if v not in (None, "")]

    def prepare_value(self, value):
        """The chosen records as the widget shows them: from the initial records (or their
        numbers), or, when a posted form is shown again, from what was posted."""
        objects = [v for v in (value if isinstance(value, list | tuple) else [value])]
        if objects and all(isinstance(v, models.Model) for v in objects):
            records = objects
        else:
            tokens = self.tokens(value)
            records, _ = self.resolve(tokens)
            if len(records) != len(tokens):  # keep what could not be read, as typed
                return [{"value": t, "label": t, "text": t} for t in tokens]
        return [
            {"value": str(r.pk), "label": self.label_of(r), "text": self.text_of(r)}
            for r in records
        ]

    def has_changed(self, initial, data):
        before = {str(pk) for pk in self._pks(initial)}
        records, errors = self.resolve(self.tokens(data))
        if errors:
            return True
        return before != {str(r.pk) for r in records}


class LeaderPick(PickField):
    kind = "leaders"
    noun = "leader"
    help_single = "Type part of the name and choose; or type a full name, or a number such as #12."
    help_multiple = (
        "Type part of a name and choose, once per person; or one per line: a full name, or "
        "a number such as #12."
    )

    def by_id(self, ids):
        return pick.leaders_by_id(ids)

    def named(self, text):
        return pick.leaders_named(text)

    def label_of(self, obj):
        return pick.leader_label(obj)


class CountryPick(PickField):
    kind = "countries"
    noun = "country"
    help_single = "Type part of the name and choose; or type its name or code, such as FR."
    help_multiple = (
        "Type part of a name and choose, once per country; or one per line: a name or a "
        "code, such as FR."
    )

    def by_id(self, ids):
        return pick.countries_by_id(ids)

    def named(self, text):
        return pick.countries_named(text)

    def label_of(self, obj):
        return pick.country_label(obj)

    def text_of(self, obj):
        return pick.country_label(obj)  # "France (FR)" reads back by its code

    def unknown(self, text):
        return (
            f"No country answers to “{text}”: type part of its name and choose from the "
            "suggestions, or give its two-letter code, such as FR."
        )


class MeetingPick(PickField):
    kind = "meetings"
    noun = "meeting"
    help_single = (
        "Type a place, a participant's name or the meeting's number and choose; without "
        "the suggestions, give its number, such as #12."
    )

    def by_id(self, ids):
        return pick.meetings_by_id(ids)

    def label_of(self, obj):
        return pick.meeting_label(obj)

    def text_of(self, obj):
        return pick.meeting_label(obj)  # starts with its number

    def unknown(self, text):
        return (
            f"Give the meeting's number, such as #12, rather than “{text}”; with the "
            "suggestions, type a place or a participant's name and choose."
        )
