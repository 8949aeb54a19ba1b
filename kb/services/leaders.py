"""Editors' writes on leaders: adding one by hand, correcting, confirming, rejecting
and deleting.

The rules of ``kb.services.facts`` hold; and extraction (``ingest.resolve``) never changes
what an editor set on a leader, never replaces a reviewed leader's name, never touches a
rejected leader, and never makes a second record of one.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction

from kb.models import Agreement, Country, Gift, Leader, Meeting, ReviewState
from kb.names import name_keys
from kb.services.history import reason_short, review_state_set, save_with_history
from kb.services.values import record_validate, values_assign, values_coerce

#: The fields an editor may change on a leader (aliases follow a change of name).
LEADER_EDITABLE_FIELDS = ("name", "title", "country")


def _leader_check(leader: Leader, *, doing: str) -> None:
    if leader.merged_into_id:
        raise ValidationError(f"This leader was merged into another record: {doing} that one.")


def _leader_already_known(name: str, country: Country | None) -> Leader | None:
    """An active leader known under any form of ``name`` (full name or alias, titles
    stripped) with the same country, or also without one."""
    keys = name_keys(name)
    found = Leader.objects.active().filter(
        models.Q(name_key__in=keys) | models.Q(aliases__key__in=keys)
    )
    found = found.filter(country=country) if country else found.filter(country__isnull=True)
    return found.order_by("id").first()


@transaction.atomic
def leader_create(*, user, name: str, title: str = "", country=None, reason: str = "") -> Leader:
    """Add a leader by hand: one extraction missed, or one a fact added by hand needs.

    Validated as ``leader_update`` validates a correction. Like a fact added by hand, the
    leader is "confirmed" (confidence 1) and the fields given join ``edited_fields``, so
    extraction never changes them; it may still fill a title or country left blank.

    A second record of a person already known is refused, with the record to use
    instead: an active leader with this name (or an alias of it) and the same country
    (or, for a leader without one, another without one). That includes a rejected one,
    which ``leader_confirm`` brings back: two records under one name would leave
    extraction to pick one of them."""
    values = values_coerce(
        LEADER_EDITABLE_FIELDS, {"name": name, "title": title, "country": country}
    )
    leader = Leader(
        review_state=ReviewState.CONFIRMED,
        confidence=1.0,
        edited_fields=sorted(field for field, value in values.items() if value not in (None, "")),
        **values,
    )
    record_validate(leader, {})
    known = _leader_already_known(leader.name, leader.country)
    if known is not None:
        where = f", {known.country.name}" if known.country else ""
        advice = (
            "it was rejected: confirm it to bring it back"
            if known.review_state == ReviewState.REJECTED
            else "correct that record instead of adding another"
        )
        raise ValidationError(
            {"name": f"{known.name} (leader {known.pk}{where}) is already recorded; {advice}."}
        )
    save_with_history(leader, user=user, reason=reason or "Added by hand")
    return leader


def leader_confirm(*, leader: Leader, user) -> Leader:
    """An editor vouches for the leader as it stands (also how a rejected one comes
    back). Extraction never replaces a confirmed leader's name (``ingest.resolve``)."""
    _leader_check(leader, doing="review")
    return review_state_set(leader, user=user, state=ReviewState.CONFIRMED, reason="Confirmed")


def leader_reject(*, leader: Leader, user) -> Leader:
    """Not a real leader (a misread name, a street, an office): kept, with its facts,
    but hidden from default lists. Its facts are not rejected with it: each is reviewed
    on its own. Extraction still finds the record under its names, so it never makes
    the leader again, and never changes it or brings it back (``ingest.resolve``)."""
    _leader_check(leader, doing="review")
    return review_state_set(leader, user=user, state=ReviewState.REJECTED, reason="Rejected")


@transaction.atomic
def leader_update(*, leader: Leader, user, changes: dict, reason: str = "") -> Leader:
    """Correct a leader's name, title or country, as ``fact_update`` does a fact's: the
    leader becomes "corrected" (a rejected one stays rejected) and the changed fields join
    ``edited_fields``, which extraction never changes (``ingest.resolve.leader_resolve``).
    A replaced name is kept among ``other_names``, so the articles that use it still
    resolve to this leader. A merged leader is edited through the record it went into."""
    _leader_check(leader, doing="edit")
    values = values_coerce(LEADER_EDITABLE_FIELDS, changes)
    old_name = leader.name
    changed, _ = values_assign(leader, values)
    if not changed:
        return leader
    record_validate(leader, {})
    if "name" in changed:
        kept = set(leader.other_names) | {old_name}
        leader.other_names = sorted(kept - {leader.name, ""})
    if leader.review_state != ReviewState.REJECTED:
        leader.review_state = ReviewState.CORRECTED
    leader.edited_fields = sorted(set(leader.edited_fields) | set(changed))
    save_with_history(leader, user=user, reason=reason or "Corrected: " + ", ".join(changed))
    return leader


@transaction.atomic
def leader_delete(*, leader: Leader, user) -> None:
    """Delete a leader entered or extracted by mistake, with its article mentions and
    aliases. The deletion is in its history (by ``user``) and, through ``api.signals``,
    in the change feed's tombstones.

    Only a leader that nothing else rests on: no meeting, gift or agreement names it, no
    other record was merged into it, and it was not itself merged (that would break the
    merge's undo). Otherwise this is refused: merging it into the right record moves its
    facts and keeps its names findable. As with facts, a later re-extraction of an
    article that names it may create it again."""
    leader = Leader.objects.select_for_update().get(pk=leader.pk)
    if leader.merged_into_id:
        raise ValidationError("This leader was merged into another record: undo the merge first.")
    uses = {
        "meetings": Meeting.objects.filter(participants=leader).count(),
        "gifts": Gift.objects.filter(models.Q(giver=leader) | models.Q(recipient=leader)).count(),
        "agreements": Agreement.objects.filter(leader_parties=leader).count(),
        "merged leaders": leader.merged.count(),
    }
    named = ", ".join(f"{what}: {count}" for what, count in uses.items() if count)
    if named:
        raise ValidationError(
            f"Records still rest on {leader.name} ({named}): merge this leader into the "
            "right one, which moves them, or correct them first."
        )
    leader._history_user = user
    leader._change_reason = reason_short(f"Deleted leader {leader.pk}")
    leader.delete()
