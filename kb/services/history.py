"""History: every editor's change is one historical row with the acting user and a
short reason; and putting a fact back as it was in an earlier version.

Many-to-many changes made inside ``one_history_row`` are folded into the record's one row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from kb.constants import FACT_MODELS, REASON_MAX, Fact
from kb.models import HUMAN_STATES, ReviewState
from kb.selectors.history import history_m2m
from kb.services.values import (
    EDITABLE_FIELDS,
    M2M_FIELDS,
    fact_values,
    record_validate,
    values_assign,
)


def reason_short(text: str) -> str:
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


@contextmanager
def one_history_row(instance: models.Model, *, user, reason: str) -> Iterator[None]:
    """Make the block's saves and many-to-many changes on ``instance`` silent, then
    save it once: one historical row, by ``user``, with the final many-to-many state."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving
    instance._history_user = user
    instance._change_reason = reason_short(reason)
    instance.save()


def save_with_history(instance: models.Model, *, user, reason: str, **kwargs) -> None:
    instance._history_user = user
    instance._change_reason = reason_short(reason)
    instance.save(**kwargs)


def fact_check(fact) -> None:
    if not isinstance(fact, FACT_MODELS):
        raise TypeError(f"not a fact: {fact!r}")


def review_state_set(record, *, user, state: str, reason: str):
    """Record an editor's review decision on a fact or a leader (nothing if it stands)."""
    with transaction.atomic():
        if record.review_state == state:
            return record
        record.review_state = state
        save_with_history(record, user=user, reason=reason)
    return record


def _json_value(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    return value


def snapshot(instance: models.Model, names: Iterable[str]) -> dict:
    out = {}
    for name in names:
        model_field = instance._meta.get_field(name)
        attname = model_field.attname if model_field.is_relation else name
        out[name] = _json_value(getattr(instance, attname))
    return out


def restore(instance: models.Model, data: dict) -> None:
    for name, value in data.items():
        model_field = instance._meta.get_field(name)
        if model_field.is_relation:
            setattr(instance, model_field.attname, value)
        elif isinstance(model_field, models.DateField) and isinstance(value, str):
            setattr(instance, name, dt.date.fromisoformat(value))
        else:
            setattr(instance, name, value)


@transaction.atomic
def fact_revert(*, fact: Fact, history_id: int, user) -> Fact:
    """Put the fact's fields (and review state) back as they were in one historical
    version; recorded as a new change by ``user``. If that version was machine-made,
    the fact becomes "corrected" (an editor chose it) so extraction keeps off it."""
    fact_check(fact)
    version = fact.history.filter(history_id=history_id).first()
    if version is None:
        raise ValidationError({"history_id": "No such version of this fact."})
    names = EDITABLE_FIELDS[type(fact)]
    history_model = type(version)
    values = {}
    for name in names:
        if name in M2M_FIELDS:
            values[name] = history_m2m(history_model, name, [version.history_id])[
                version.history_id
            ]
        else:
            model_field = fact._meta.get_field(name)
            values[name] = getattr(
                version, model_field.attname if model_field.is_relation else name
            )
    values = fact_values(type(fact), values)
    changed, m2m = values_assign(fact, values)
    old_state = fact.review_state
    if version.review_state in HUMAN_STATES:
        fact.review_state = version.review_state
    else:
        fact.review_state = ReviewState.CORRECTED
    if not changed and fact.review_state == old_state:
        return fact
    record_validate(fact, m2m)
    fact.edited_fields = sorted(set(fact.edited_fields) | set(changed) | set(version.edited_fields))
    when = timezone.localtime(version.history_date).strftime("%Y-%m-%d %H:%M")
    with one_history_row(fact, user=user, reason=f"Reverted to version {history_id} ({when})"):
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    return fact
