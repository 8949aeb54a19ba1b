"""Merging duplicate records (two leaders who are one person, two meetings that are
one event) and undoing a merge, from the snapshot the merge recorded.

The rules of ``kb.services.facts`` hold: one transaction, validated first, one history
row per changed record with the acting user.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kb import changes, counters
from kb.models import (
    Agreement,
    Article,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MergeKind,
    MergeRecord,
    Office,
    ReviewState,
)
from kb.services.history import one_history_row, restore, save_with_history, snapshot


def _m2m_move(obj, field_name: str, *, old_pk: int, new_pk: int, user, reason: str) -> bool:
    """Replace ``old_pk`` with ``new_pk`` in one many-to-many field of ``obj``, as one
    historical row. Returns whether ``new_pk`` was already there."""
    manager = getattr(obj, field_name)
    already = manager.filter(pk=new_pk).exists()
    with one_history_row(obj, user=user, reason=reason):
        manager.remove(old_pk)
        if not already:
            manager.add(new_pk)
    return already


def _m2m_unmove(obj, field_name: str, *, old_pk: int, new_pk: int, was_there: bool, user, reason):
    manager = getattr(obj, field_name)
    with one_history_row(obj, user=user, reason=reason):
        manager.add(old_pk)
        if not was_there:
            manager.remove(new_pk)


def _merge_check(keep, merge) -> None:
    if keep.pk is None or merge.pk is None:
        raise ValidationError("Both records must be saved.")
    if keep.pk == merge.pk:
        raise ValidationError({"merge": "A record cannot be merged into itself."})
    if keep.merged_into_id:
        raise ValidationError({"keep": "This record was itself merged into another."})
    if merge.merged_into_id:
        raise ValidationError({"merge": "That record was already merged into another."})


LEADER_FILLABLE = ("title", "country")


@transaction.atomic
@counters.deferred()  # each country and leader counted once, at the end
def leader_merge(*, keep: Leader, merge: Leader, user) -> MergeRecord:
    """``merge`` is the same person as ``keep``: move all its meetings, gifts,
    agreements, article mentions and names to ``keep`` and point it at ``keep``."""
    keep = Leader.objects.select_for_update().get(pk=keep.pk)
    merge = Leader.objects.select_for_update().get(pk=merge.pk)
    # Rows move between records in bulk (participations, evidence), without signals:
    # every cached read may show them (kb.changes).
    changes.kb_changed()
    _merge_check(keep, merge)
    reason = f"Merged leader {merge.pk} into {keep.pk}"
    snap: dict = {"meetings": [], "agreements": []}

    for field_name, key, queryset in (
        ("participants", "meetings", Meeting.objects.filter(participants=merge)),
        ("leader_parties", "agreements", Agreement.objects.filter(leader_parties=merge)),
    ):
        for obj in queryset.order_by("pk"):
            was_there = _m2m_move(
                obj, field_name, old_pk=merge.pk, new_pk=keep.pk, user=user, reason=reason
            )
            snap[key].append([obj.pk, was_there])

    for role, key in (("giver", "gifts_given"), ("recipient", "gifts_received")):
        snap[key] = []
        for gift in Gift.objects.filter(**{role: merge}).order_by("pk"):
            setattr(gift, role, keep)
            save_with_history(gift, user=user, reason=reason)
            snap[key].append(gift.pk)

    through = Article.leaders.through
    keep_articles = set(through.objects.filter(leader=keep).values_list("article_id", flat=True))
    merge_articles = sorted(
        through.objects.filter(leader=merge).values_list("article_id", flat=True)
    )
    snap["articles"] = [[a, a in keep_articles] for a in merge_articles]
    through.objects.filter(leader=merge).delete()
    through.objects.bulk_create(
        [through(article_id=a, leader=keep) for a in merge_articles if a not in keep_articles]
    )

    snap["merged_leaders"] = sorted(merge.merged.values_list("pk", flat=True))
    Leader.objects.filter(pk__in=snap["merged_leaders"]).update(merged_into=keep)

    # The person's terms in office go with them (the registry follows merges too).
    snap["offices"] = []
    for office in Office.objects.filter(leader=merge).order_by("pk"):
        office.leader = keep
        save_with_history(office, user=user, reason=reason)
        snap["offices"].append(office.pk)

    snap["keep_before"] = snapshot(keep, ("other_names", *LEADER_FILLABLE))
    names = set(keep.other_names) | set(merge.other_names) | {merge.name}
    keep.other_names = sorted(names - {keep.name})
    for name in LEADER_FILLABLE:
        if getattr(keep, name) in (None, "") and getattr(merge, name) not in (None, ""):
            setattr(keep, name, getattr(merge, name))
    save_with_history(keep, user=user, reason=reason)

    snap["merge_before"] = snapshot(merge, ("merged_into",))
    merge.merged_into = keep
    save_with_history(merge, user=user, reason=reason)

    return MergeRecord.objects.create(
        kind=MergeKind.LEADER, keep_id=keep.pk, merged_id=merge.pk, user=user, snapshot=snap
    )


MEETING_FILLABLE = ("date", "place", "host_country", "topics")


@transaction.atomic
@counters.deferred()  # each country and leader counted once, at the end
def meeting_merge(*, keep: Meeting, merge: Meeting, user) -> MergeRecord:
    """``merge`` is the same event as ``keep``: move its participants, evidence, gifts
    and agreements to ``keep``, fill ``keep``'s blanks from it, and mark it rejected
    and merged. ``keep`` counts as confirmed by the editor who merged."""
    keep = Meeting.objects.select_for_update().get(pk=keep.pk)
    merge = Meeting.objects.select_for_update().get(pk=merge.pk)
    # Rows move between records in bulk (participations, evidence), without signals:
    # every cached read may show them (kb.changes).
    changes.kb_changed()
    _merge_check(keep, merge)
    reason = f"Merged meeting {merge.pk} into {keep.pk}"
    snap: dict = {}

    snap["evidence"] = sorted(Evidence.objects.filter(meeting=merge).values_list("pk", flat=True))
    Evidence.objects.filter(pk__in=snap["evidence"]).update(meeting=keep)
    for model, key in ((Gift, "gifts"), (Agreement, "agreements")):
        snap[key] = []
        for obj in model.objects.filter(meeting=merge).order_by("pk"):
            obj.meeting = keep
            save_with_history(obj, user=user, reason=reason)
            snap[key].append(obj.pk)
    snap["merged_meetings"] = sorted(merge.merged.values_list("pk", flat=True))
    Meeting.objects.filter(pk__in=snap["merged_meetings"]).update(merged_into=keep)

    keep_people = set(keep.participants.values_list("pk", flat=True))
    merge_people = sorted(merge.participants.values_list("pk", flat=True))
    snap["merge_participants"] = merge_people
    snap["participants_added"] = [p for p in merge_people if p not in keep_people]
    snap["keep_before"] = snapshot(keep, (*MEETING_FILLABLE, "review_state"))
    filled = [
        name
        for name in MEETING_FILLABLE
        if getattr(keep, name) in (None, "", []) and getattr(merge, name) not in (None, "", [])
    ]
    for name in filled:
        setattr(keep, name, getattr(merge, name))
    if keep.review_state == ReviewState.EXTRACTED:
        keep.review_state = ReviewState.CONFIRMED
    with one_history_row(keep, user=user, reason=reason):
        keep.participants.add(*snap["participants_added"])

    snap["merge_before"] = snapshot(merge, ("merged_into", "review_state"))
    merge.merged_into = keep
    merge.review_state = ReviewState.REJECTED
    with one_history_row(merge, user=user, reason=reason):
        merge.participants.clear()

    return MergeRecord.objects.create(
        kind=MergeKind.MEETING, keep_id=keep.pk, merged_id=merge.pk, user=user, snapshot=snap
    )


@transaction.atomic
@counters.deferred()  # each country and leader counted once, at the end
def merge_undo(*, record: MergeRecord, user) -> MergeRecord:
    """Put back everything a merge moved, as recorded in its snapshot."""
    record = MergeRecord.objects.select_for_update().get(pk=record.pk)
    # Rows move between records in bulk (participations, evidence), without signals:
    # every cached read may show them (kb.changes).
    changes.kb_changed()
    if record.undone_at:
        raise ValidationError("This merge was already undone.")
    model = record.model
    keep = model.objects.filter(pk=record.keep_id).first()
    merge = model.objects.filter(pk=record.merged_id).first()
    if keep is None or merge is None:
        raise ValidationError("A record of this merge no longer exists.")
    if merge.merged_into_id != keep.pk:
        raise ValidationError("The merged record has changed since; undo it by hand.")
    snap = record.snapshot
    reason = f"Undid merge of {merge.pk} into {keep.pk}"
    if record.kind == MergeKind.LEADER:
        _leader_merge_undo(keep, merge, snap, user=user, reason=reason)
    else:
        _meeting_merge_undo(keep, merge, snap, user=user, reason=reason)
    record.undone_at = timezone.now()
    record.undone_by = user
    record.save(update_fields=["undone_at", "undone_by"])
    return record


def _leader_merge_undo(keep: Leader, merge: Leader, snap: dict, *, user, reason: str) -> None:
    for model, field_name, key in (
        (Meeting, "participants", "meetings"),
        (Agreement, "leader_parties", "agreements"),
    ):
        objs = model.objects.in_bulk([pk for pk, _ in snap[key]])
        for pk, was_there in snap[key]:
            if pk in objs:
                _m2m_unmove(
                    objs[pk],
                    field_name,
                    old_pk=merge.pk,
                    new_pk=keep.pk,
                    was_there=was_there,
                    user=user,
                    reason=reason,
                )
    for role, key in (("giver", "gifts_given"), ("recipient", "gifts_received")):
        for gift in Gift.objects.filter(pk__in=snap[key]).order_by("pk"):
            setattr(gift, role, merge)
            save_with_history(gift, user=user, reason=reason)
    through = Article.leaders.through
    articles = _still_stored(Article, [a for a, _ in snap["articles"]])
    through.objects.bulk_create(
        [through(article_id=a, leader=merge) for a in articles], ignore_conflicts=True
    )
    through.objects.filter(
        leader=keep, article_id__in=[a for a, was_there in snap["articles"] if not was_there]
    ).delete()
    Leader.objects.filter(pk__in=snap["merged_leaders"]).update(merged_into=merge)
    for office in Office.objects.filter(pk__in=snap.get("offices", ()), leader=keep):
        office.leader = merge
        save_with_history(office, user=user, reason=reason)
    restore(keep, snap["keep_before"])
    save_with_history(keep, user=user, reason=reason)
    restore(merge, snap["merge_before"])
    save_with_history(merge, user=user, reason=reason)


def _meeting_merge_undo(keep: Meeting, merge: Meeting, snap: dict, *, user, reason: str) -> None:
    Evidence.objects.filter(pk__in=snap["evidence"], meeting=keep).update(meeting=merge)
    for model, key in ((Gift, "gifts"), (Agreement, "agreements")):
        for obj in model.objects.filter(pk__in=snap[key], meeting=keep).order_by("pk"):
            obj.meeting = merge
            save_with_history(obj, user=user, reason=reason)
    Meeting.objects.filter(pk__in=snap["merged_meetings"]).update(merged_into=merge)
    restore(keep, snap["keep_before"])
    with one_history_row(keep, user=user, reason=reason):
        keep.participants.remove(*snap["participants_added"])
    restore(merge, snap["merge_before"])
    with one_history_row(merge, user=user, reason=reason):
        merge.participants.set(_still_stored(Leader, snap["merge_participants"]))


def _still_stored(model, pks: list[int]) -> list[int]:
    """Those of ``pks`` whose rows still exist, locked until the undo commits. A row
    deleted since the merge (an article, a leader) took its links with it; putting a
    link back would leave it pointing at nothing."""
    rows = model.objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return list(rows.values_list("pk", flat=True))
