"""Turning what an editor sends (ids, codes, strings) into field values, and checking
the record they make: shared by the write services for facts, leaders and offices.

Every problem is a ``ValidationError`` (field -> messages), raised before anything is saved.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateparse import parse_date

from kb.models import Agreement, Country, Gift, Leader, Meeting

#: The fields an editor may change on each kind of fact.
EDITABLE_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Meeting: ("kind", "date", "place", "host_country", "participants", "topics"),
    Gift: ("giver", "recipient", "item", "date", "meeting"),
    Agreement: ("kind", "status", "summary", "date", "leader_parties", "country_parties"),
}
M2M_FIELDS = {"participants", "leader_parties", "country_parties"}


def _pk(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, models.Model):
        return value.pk
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"{value!r} is not an id.") from exc


def leaders_value(name: str, values) -> list[Leader]:
    if values is None or isinstance(values, str | int | Leader):
        raise ValidationError({name: "Give a list of leaders."})
    ids = [_pk(v) for v in values]
    found = {leader.pk: leader for leader in Leader.objects.filter(pk__in=[i for i in ids if i])}
    missing = [i for i in ids if i not in found]
    if missing:
        raise ValidationError({name: f"No leader with id {missing[0]}."})
    merged = [leader.name for leader in found.values() if leader.merged_into_id]
    if merged:
        raise ValidationError({name: f"{merged[0]} was merged into another record."})
    return [found[i] for i in dict.fromkeys(ids)]


def leader_value(name: str, value) -> Leader:
    if value in (None, ""):
        raise ValidationError({name: "A leader is required."})
    return leaders_value(name, [value])[0]


def country_value(name: str, value) -> Country | None:
    if value in (None, ""):
        return None
    if isinstance(value, Country):
        return value
    if isinstance(value, str) and not value.isdigit():
        country = Country.objects.filter(code=value.upper()).first()
    else:
        country = Country.objects.filter(pk=_pk(value)).first()
    if country is None:
        raise ValidationError({name: f"Unknown country {value!r}."})
    return country


def countries_value(name: str, values) -> list[Country]:
    if values is None or isinstance(values, str | int | Country):
        raise ValidationError({name: "Give a list of countries."})
    found = [country_value(name, v) for v in values]
    return list({c.pk: c for c in found if c is not None}.values())


def meeting_value(name: str, value) -> Meeting | None:
    if value in (None, ""):
        return None
    meeting = Meeting.objects.filter(pk=_pk(value)).first()
    if meeting is None:
        raise ValidationError({name: f"No meeting with id {value}."})
    return meeting


def date_value(name: str, value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        parsed = parse_date(str(value))
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError({name: f"{value!r} is not a date (YYYY-MM-DD)."})
    return parsed


def topics_value(name: str, value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple):
        raise ValidationError({name: "Give a list of topics."})
    topics = [str(t).strip() for t in value]
    return list(dict.fromkeys(t for t in topics if t))


def text_value(name: str, value) -> str:
    return "" if value is None else str(value).strip()


_COERCE = {
    "date": date_value,
    "place": text_value,
    "item": text_value,
    "summary": text_value,
    "kind": text_value,
    "status": text_value,
    "host_country": country_value,
    "participants": leaders_value,
    "leader_parties": leaders_value,
    "country_parties": countries_value,
    "giver": leader_value,
    "recipient": leader_value,
    "meeting": meeting_value,
    "topics": topics_value,
    "name": text_value,
    "title": text_value,
    "country": country_value,
}


def fact_values(model: type[models.Model], changes: dict) -> dict:
    return values_coerce(EDITABLE_FIELDS[model], changes)


def values_coerce(allowed: tuple[str, ...], changes: dict) -> dict:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise ValidationError({name: "This field cannot be edited." for name in unknown})
    errors: dict[str, list[str]] = {}
    values = {}
    for name, value in changes.items():
        try:
            values[name] = _COERCE[name](name, value)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                errors.setdefault(field_name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return values


def _current(fact, name: str):
    if name in M2M_FIELDS:
        return {obj.pk for obj in getattr(fact, name).all()}
    model_field = fact._meta.get_field(name)
    if model_field.is_relation:
        return getattr(fact, model_field.attname)
    return getattr(fact, name)


def _comparable(name: str, value):
    if name in M2M_FIELDS:
        return {obj.pk for obj in value}
    if isinstance(value, models.Model):
        return value.pk
    return value


def record_validate(fact, m2m: dict) -> None:
    """Model validation of the scalar fields plus the rules forms cannot express."""
    errors: dict[str, list[str]] = {}
    try:
        fact.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if isinstance(fact, Meeting) and "participants" in m2m and not m2m["participants"]:
        errors.setdefault("participants", []).append("A meeting needs at least one participant.")
    if isinstance(fact, Gift) and fact.giver_id and fact.giver_id == fact.recipient_id:
        errors.setdefault("recipient", []).append("Giver and recipient must differ.")
    if isinstance(fact, Agreement) and ("leader_parties" in m2m or "country_parties" in m2m):
        leaders = m2m.get("leader_parties")
        if leaders is None:
            leaders = list(fact.leader_parties.all()) if fact.pk else []
        countries = m2m.get("country_parties")
        if countries is None:
            countries = list(fact.country_parties.all()) if fact.pk else []
        if not leaders and not countries:
            errors.setdefault("leader_parties", []).append(
                "An agreement needs at least one leader or country as a party."
            )
    if errors:
        raise ValidationError(errors)


def values_assign(fact, values: dict) -> tuple[list[str], dict]:
    """Set changed scalar fields on ``fact``; return (changed names, m2m to set)."""
    changed: list[str] = []
    m2m: dict[str, list] = {}
    for name, value in values.items():
        if _current(fact, name) == _comparable(name, value):
            continue
        changed.append(name)
        if name in M2M_FIELDS:
            m2m[name] = value
        else:
            setattr(fact, name, value)
    return changed, m2m
