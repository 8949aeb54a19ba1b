"""A record's history as pages show it: who changed what, when, and from what to what.

A change extraction made is credited to extraction, never to the person who uploaded
the article (who is named apart, as ``uploaded_by``, when known)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import models

from kb.constants import EXTRACTION_REASON
from kb.models import Country, Leader, Meeting

HISTORY_HIDDEN = ("created_at", "updated_at", "id", "edited_fields")
_M2M_TARGET = {"participants": "leader", "leader_parties": "leader", "country_parties": "country"}


def history_m2m(history_model, field_name: str, history_ids: list[int]) -> dict[int, list[int]]:
    """{history_id: sorted related ids} for one many-to-many field of some versions."""
    rows_model = getattr(history_model, field_name).model
    target = _M2M_TARGET[field_name]
    out: dict[int, list[int]] = {hid: [] for hid in history_ids}
    for hid, related in rows_model.objects.filter(history_id__in=history_ids).values_list(
        "history_id", f"{target}_id"
    ):
        out[hid].append(related)
    return {hid: sorted(ids) for hid, ids in out.items()}


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    history_id: int
    date: dt.datetime
    #: The editor who made the change; None for extraction.
    user: object
    kind: str  # "created", "changed" or "deleted"
    reason: str
    changes: list[Change] = field(default_factory=list)
    current: bool = False
    #: For a change extraction made, who uploaded the article, when known (an upload
    #: extracted in its own request); never the author of the change.
    uploaded_by: object = None

    @property
    def by(self) -> str:
        """Who made the change, in words: "editor", "extraction (uploaded by editor)"
        or "extraction"."""
        if self.user is not None:
            return self.user.get_username()
        if self.uploaded_by is not None:
            return f"extraction (uploaded by {self.uploaded_by.get_username()})"
        return "extraction"


def _by_extraction(record) -> bool:
    return (record.history_change_reason or "").startswith(_EXTRACTION_PREFIX)


_EXTRACTION_PREFIX = EXTRACTION_REASON.split("{", 1)[0]


def history_entries(instance: models.Model, *, limit: int = 20) -> tuple[list[HistoryEntry], int]:
    """The latest ``limit`` versions of a record, newest first, each with who made it,
    when, and what changed against the version before (``diff_against`` for plain
    fields; many-to-many fields compared from their historical rows). Returns
    (entries, number of older versions not shown). A fixed number of queries."""
    history_model = instance.history.model
    records = list(
        instance.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    total = None
    if len(records) > limit:
        total = instance.history.count()
    m2m_names = [f.name for f in history_model._history_m2m_fields]
    ids = [r.history_id for r in records]
    m2m = {name: history_m2m(history_model, name, ids) for name in m2m_names}
    labels = _HistoryLabels(instance, records, m2m)

    entries = []
    for index, record in enumerate(records[:limit]):
        previous = records[index + 1] if index + 1 < len(records) else None
        kind = {"+": "created", "-": "deleted"}.get(record.history_type, "changed")
        if previous is None:
            kind = "created" if record.history_type != "-" else kind
        machine = _by_extraction(record)
        entry = HistoryEntry(
            history_id=record.history_id,
            date=record.history_date,
            user=None if machine else record.history_user,
            uploaded_by=record.history_user if machine else None,
            kind=kind,
            reason=record.history_change_reason or "",
            current=index == 0,
        )
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=[*HISTORY_HIDDEN, *m2m_names])
            for change in delta.changes:
                entry.changes.append(labels.change(change.field, change.old, change.new))
            for name in m2m_names:
                old, new = m2m[name][previous.history_id], m2m[name][record.history_id]
                if old != new:
                    entry.changes.append(labels.change(name, old, new))
            entry.changes.sort(key=lambda c: c.label)
        entries.append(entry)
    hidden = (total - limit) if total is not None else 0
    return entries, hidden


class _HistoryLabels:
    """Human-readable values for history diffs: names for ids, labels for choices
    (related names looked up once for all versions shown)."""

    def __init__(self, instance, records, m2m):
        self.model = type(instance)
        leader_ids, country_ids = set(), set()
        for name, per_record in m2m.items():
            for ids in per_record.values():
                (country_ids if name == "country_parties" else leader_ids).update(ids)
        for record in records:
            for name in ("giver", "recipient", "merged_into"):
                if self.model is not Meeting and hasattr(record, f"{name}_id"):
                    leader_ids.add(getattr(record, f"{name}_id"))
            for name in ("host_country", "country"):
                if hasattr(record, f"{name}_id"):
                    country_ids.add(getattr(record, f"{name}_id"))
        leader_ids.discard(None)
        country_ids.discard(None)
        self.leaders = dict(Leader.objects.filter(pk__in=leader_ids).values_list("pk", "name"))
        self.countries = dict(Country.objects.filter(pk__in=country_ids).values_list("pk", "name"))

    def label(self, name: str) -> str:
        try:
            return str(self.model._meta.get_field(name).verbose_name).capitalize()
        except Exception:  # noqa: BLE001 - a field only the history knows
            return name.replace("_", " ").capitalize()

    def show(self, name: str, value) -> str:
        if value in (None, "", []):
            return "—"
        if name in ("participants", "leader_parties"):
            return ", ".join(self.leaders.get(i, f"#{i}") for i in value)
        if name == "country_parties":
            return ", ".join(self.countries.get(i, f"#{i}") for i in value)
        if name in ("giver", "recipient") or (name == "merged_into" and self.model is Leader):
            return self.leaders.get(value, f"#{value}")
        if name in ("host_country", "country"):
            return self.countries.get(value, f"#{value}")
        if name in ("meeting", "merged_into"):
            return f"Meeting #{value}"
        model_field = self.model._meta.get_field(name) if name != "history" else None
        if model_field is not None and model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        if isinstance(value, float):
            return f"{value:.2f}"
        return str(value)

    def change(self, name: str, old, new) -> Change:
        return Change(name, self.label(name), self.show(name, old), self.show(name, new))
