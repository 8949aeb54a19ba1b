"""Editors' writes on meetings, gifts and agreements: correcting, confirming,
rejecting, adding one by hand with its evidence, and deleting one.

Keyword-only, one transaction each, validated before saving; every change is one
history row with the acting user and a reason (``kb.services.history``). A fact an
editor touched is never changed by extraction (``ingest.record``), so these are sticky.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from kb import changes, counters
from kb.constants import MANUAL_RULE, MANUAL_VERSION, Fact
from kb.models import Agreement, Article, Evidence, Gift, Meeting, ReviewState
from kb.services.history import (
    fact_check,
    one_history_row,
    reason_short,
    review_state_set,
)
from kb.services.values import (
    EDITABLE_FIELDS,
    M2M_FIELDS,
    fact_values,
    record_validate,
    values_assign,
)


@transaction.atomic
@counters.deferred()  # each country and leader counted once, at the end
def fact_update(*, fact: Fact, user, changes: dict, reason: str = "") -> Fact:
    """Correct some of a fact's fields. The fact becomes "corrected" (a rejected fact
    stays rejected) and the changed fields join ``edited_fields``. Unchanged values are
    ignored; if nothing changes, nothing is saved."""
    fact_check(fact)
    values = fact_values(type(fact), changes)
    changed, m2m = values_assign(fact, values)
    if not changed:
        return fact
    record_validate(fact, m2m)
    if fact.review_state != ReviewState.REJECTED:
        fact.review_state = ReviewState.CORRECTED
    fact.edited_fields = sorted(set(fact.edited_fields) | set(changed))
    with one_history_row(fact, user=user, reason=reason or "Corrected: " + ", ".join(changed)):
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    return fact


def gift_swap_direction(*, gift: Gift, user) -> Gift:
    """The giver was the recipient and vice versa."""
    return fact_update(
        fact=gift,
        user=user,
        changes={"giver": gift.recipient_id, "recipient": gift.giver_id},
        reason="Swapped giver and recipient",
    )


def fact_confirm(*, fact: Fact, user) -> Fact:
    """An editor vouches for the fact as it stands (also how a rejected fact comes back)."""
    fact_check(fact)
    return review_state_set(fact, user=user, state=ReviewState.CONFIRMED, reason="Confirmed")


def fact_reject(*, fact: Fact, user) -> Fact:
    """Not a real fact: kept (with its evidence) but hidden from default lists."""
    fact_check(fact)
    return review_state_set(fact, user=user, state=ReviewState.REJECTED, reason="Rejected")


@transaction.atomic
def fact_create_manual(
    *,
    model: type[Fact],
    user,
    article: Article,
    sentence_start: int,
    sentence_end: int,
    **fields,
) -> Fact:
    """Add a fact extraction missed, with ``article[sentence_start:sentence_end]`` as
    its evidence (rule "manual", confidence 1). The fact is confirmed."""
    if model not in EDITABLE_FIELDS:
        raise TypeError(f"not a fact model: {model!r}")
    text = article.text or ""
    try:
        start, end = int(sentence_start), int(sentence_end)
    except (TypeError, ValueError):
        start, end = -1, -1
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        raise ValidationError({"sentence": "Choose a sentence of the article."})
    required = {
        Meeting: ("participants",),
        Gift: ("giver", "recipient", "item"),
        Agreement: ("kind", "status"),
    }[model]
    missing = [name for name in required if fields.get(name) in (None, "", [], ())]
    if missing:
        raise ValidationError({name: "This field is required." for name in missing})
    values = fact_values(model, fields)
    fact = model(
        review_state=ReviewState.CONFIRMED,
        confidence=1.0,
        edited_fields=sorted(values),
    )
    m2m = {name: values.pop(name) for name in list(values) if name in M2M_FIELDS}
    for name, value in values.items():
        setattr(fact, name, value)
    if model is Agreement and not m2m:
        m2m["leader_parties"] = []
    record_validate(fact, m2m)
    with one_history_row(fact, user=user, reason=f"Added by hand from article {article.pk}"):
        fact.save()
        for name, objs in m2m.items():
            getattr(fact, name).set(objs)
    Evidence.objects.create(
        article=article,
        **{model._meta.model_name: fact},
        sentence=text[start:end],
        start=start,
        end=end,
        sentence_start=start,
        confidence=1.0,
        rule=MANUAL_RULE,
        extractor_version=MANUAL_VERSION,
    )
    changes.kb_changed(changes.EVIDENCE)  # the article's evidence count (no signal)
    return fact


@transaction.atomic
@counters.deferred()  # each country and leader counted once, at the end
def fact_delete(*, fact: Fact, user, reason: str = "") -> None:
    """Delete a meeting, gift or agreement for good, with its evidence.

    The deletion is in the fact's history (simple-history's "-" row, by ``user``) and
    leaves a tombstone for mirrors. Gifts and agreements of a deleted meeting are kept,
    detached from it, each with a history row. Unlike rejecting, this does not stop a
    later re-extraction of the article from finding the fact again: reject a wrong
    extracted fact; delete what was entered by mistake.
    """
    fact_check(fact)
    label = f"Deleted {fact._meta.verbose_name} {fact.pk}"
    if isinstance(fact, Meeting):
        for model in (Gift, Agreement):
            for attached in model.objects.filter(meeting=fact).order_by("pk"):
                attached.meeting = None
                attached._history_user = user
                attached._change_reason = reason_short(f"Detached: {label.lower()}")
                attached.save()
    fact._history_user = user
    fact._change_reason = reason_short(reason or label)
    fact.delete()
