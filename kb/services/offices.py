"""Editors' writes on the leader registry: add a term, correct it, end it, confirm or
reject it.

Same rules as ``kb.services.facts``: keyword-only, one transaction, validated before saving
(``ValidationError`` field -> message, nothing written), one history row per change with
the user and a reason. A corrected field joins ``edited_fields``, and neither
``load_registry`` nor ``import_registry`` changes it again (``kb.registry``).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from kb.models import Leader, Office, OfficeKind, ReviewState
from kb.registry.snapshot import registry_changed
from kb.registry.terms import LOOSE_KINDS
from kb.services.history import review_state_set, save_with_history
from kb.services.values import country_value, date_value, leader_value, text_value

OFFICE_EDITABLE_FIELDS = ("country", "kind", "title", "start", "end", "source")


def _kind(value) -> str:
    if value not in OfficeKind.values:
        raise ValidationError({"kind": f"Choose one of {', '.join(OfficeKind.values)}."})
    return value


def _clean(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if name == "country":
            out[name] = country_value(name, value)
            if out[name] is None:
                raise ValidationError({"country": "A country is required."})
        elif name == "kind":
            out[name] = _kind(value)
        elif name in ("start", "end"):
            out[name] = date_value(name, value)
        elif name == "title":
            out[name] = text_value(name, value)[:120]
        elif name == "source":
            out[name] = text_value(name, value)[:500]
        else:
            raise ValidationError({name: "This field cannot be changed here."})
    return out


def _validate(office: Office) -> None:
    """A term starts, ends no earlier than it starts, and does not repeat a term the same
    person holds in the same office of the same country."""
    if office.start is None:
        raise ValidationError({"start": "A term needs its start date."})
    if office.end is not None and office.end < office.start:
        raise ValidationError(
            {"end": f"The term cannot end ({office.end}) before it starts ({office.start})."}
        )
    if not office.title:
        raise ValidationError({"title": "Give the title, as news writes it."})
    twins = (
        Office.objects.filter(
            leader_id=office.leader_id, country_id=office.country_id, kind=office.kind
        )
        .exclude(pk=office.pk)
        .exclude(review_state=ReviewState.REJECTED)
        .filter(start__lte=office.end or dt.date.max)
    )
    if office.kind in LOOSE_KINDS:  # "other" offices are told apart by their titles
        twins = twins.filter(title__iexact=office.title)
    for other in twins:
        if other.end is None or other.end > office.start:
            raise ValidationError(
                {"start": f"{office.leader} already holds this office then: {other}."}
            )


def _leader_for_office(value) -> Leader:
    leader = leader_value("leader", value)
    if leader.merged_into_id:
        raise ValidationError({"leader": "That leader was merged into another record."})
    return leader


@transaction.atomic
def office_create(
    *,
    user,
    leader,
    country,
    kind: str,
    title: str,
    start,
    end=None,
    source: str = "",
    reason: str = "",
) -> Office:
    """An editor adds a term the registry lacks; it is confirmed and every field is theirs."""
    values = _clean(
        {
            "country": country,
            "kind": kind,
            "title": title,
            "start": start,
            "end": end,
            "source": source,
        }
    )
    office = Office(
        leader=_leader_for_office(leader),
        review_state=ReviewState.CONFIRMED,
        edited_fields=list(OFFICE_EDITABLE_FIELDS),
        confidence=1.0,
        **values,
    )
    _validate(office)
    save_with_history(office, user=user, reason=reason or "Added by hand")
    transaction.on_commit(registry_changed)
    return office


@transaction.atomic
def office_update(*, office: Office, user, changes: dict, reason: str = "") -> Office:
    """Correct a term's country, kind, title, dates or source; the term becomes corrected
    and the fields changed stay as the editor left them."""
    unknown = set(changes) - set(OFFICE_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This field cannot be changed here."})
    values = _clean(changes)
    changed = [n for n, v in values.items() if getattr(office, n) != v]
    if not changed:
        return office
    for name in changed:
        setattr(office, name, values[name])
    _validate(office)
    if office.review_state != ReviewState.REJECTED:
        office.review_state = ReviewState.CORRECTED
    office.edited_fields = sorted(set(office.edited_fields or ()) | set(changed))
    save_with_history(office, user=user, reason=reason or "Corrected: " + ", ".join(changed))
    transaction.on_commit(registry_changed)
    return office


def office_end(*, office: Office, user, end, reason: str = "") -> Office:
    """Close a running term on the day its holder left office."""
    day = date_value("end", end)
    if day is None:
        raise ValidationError({"end": "Give the day the term ended (YYYY-MM-DD)."})
    return office_update(
        office=office, user=user, changes={"end": day}, reason=reason or f"Ended on {day}"
    )


def office_confirm(*, office: Office, user) -> Office:
    office = review_state_set(office, user=user, state=ReviewState.CONFIRMED, reason="Confirmed")
    registry_changed()
    return office


def office_reject(*, office: Office, user) -> Office:
    """A wrong term: kept (so no load brings it back) but left out of the registry."""
    office = review_state_set(office, user=user, state=ReviewState.REJECTED, reason="Rejected")
    registry_changed()
    return office
