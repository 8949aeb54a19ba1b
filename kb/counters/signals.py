"""When the counts change: the signal handlers of every write that can move one.

A meeting's footprint (``writing.Footprint``: whether it counts, its host, date,
participants and their countries) is read when a write first touches it (its row
locked) and again when the write is done; the difference is the delta, for these counts
and for the network's pairs of leaders (``kb.leader_pairs``), which read no footprint of
their own: a change of a meeting costs one lock and one read of its participants before,
and one read after. Inside :func:`deferred` (the services and the recording of an
article), every meeting touched is compared once, at the end of the block, and all
deltas go out together.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from kb import leader_pairs
from kb.counters.counting import REJECTED
from kb.counters.writing import NOTHING, Delta, Footprint, apply, footprints


@dataclass
class Pending:
    """A write in progress: each touched meeting as it was first seen, and the rest."""

    meetings: dict[int, Footprint] = field(default_factory=dict)
    #: The meetings the network's pairs follow: those noted while they were not suspended.
    paired: set[int] = field(default_factory=set)
    delta: Delta = field(default_factory=Delta)

    def begin(self, meeting_ids: Iterable[int]) -> None:
        new = {pk for pk in meeting_ids if pk is not None and pk not in self.meetings}
        if new:
            self._noted(footprints(new, lock=True))

    def created(self, pk: int) -> None:
        """A new meeting: nothing of it was counted before."""
        if pk not in self.meetings:
            self._noted({pk: NOTHING})

    def _noted(self, before: dict[int, Footprint]) -> None:
        self.meetings.update(before)
        if not leader_pairs.is_suspended():
            self.paired |= before.keys()

    def finish(self) -> None:
        if not self.meetings:
            apply(self.delta)
            return
        with transaction.atomic(savepoint=False):  # one transaction for both, no savepoint
            after = footprints(self.meetings)
            # The pairs first, then the counts: every writer takes the tables in one order.
            leader_pairs.meetings_changed({pk: self.meetings[pk] for pk in self.paired}, after)
            for pk, before in self.meetings.items():
                self.delta.meeting(before, after[pk])
            apply(self.delta)


_pending: contextvars.ContextVar = contextvars.ContextVar("kb_counters_pending", default=None)
_suspended: contextvars.ContextVar = contextvars.ContextVar("kb_counters_off", default=False)


@contextmanager
def deferred():
    """Apply the changes of every write inside the block once, when it ends without an
    error (in the caller's transaction: wrap a service that is atomic). Nested blocks
    join the outermost one."""
    if _pending.get() is not None or _suspended.get():
        yield
        return
    pending = Pending()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    pending.finish()  # the network's pairs too


@contextmanager
def suspended():
    """No counting inside the block (nor of the network's pairs): for bulk writers that
    call ``recount_all`` and ``kb.leader_pairs.rebuild`` after."""
    token = _suspended.set(True)
    try:
        with leader_pairs.suspended():
            yield
    finally:
        _suspended.reset(token)


def _begin(instance, meeting_ids: Iterable[int]) -> None:
    """Before a write: note the meetings' footprints (in the block, or on the instance
    for a write outside any block: afresh, whatever a write of it that failed between its
    signals left there)."""
    pending = _pending.get()
    if pending is None:
        pending = instance.__dict__["_counters_pending"] = Pending()
    pending.begin(meeting_ids)


def _end(instance) -> None:
    """After a write outside any block: apply what it changed."""
    if _pending.get() is None:
        pending = instance.__dict__.pop("_counters_pending", None)
        if pending is not None:
            pending.finish()


def _delta(instance) -> Delta:
    """Where a leader's, gift's or article's change goes: the block, or a delta of its
    own applied by the caller."""
    pending = _pending.get()
    if pending is None:
        pending = instance.__dict__.setdefault("_counters_pending", Pending())
    return pending.delta


# ---- meetings ---------------------------------------------------------------------------------


def _meeting_before(sender, instance, raw=False, **kwargs) -> None:
    if not _suspended.get() and instance.pk is not None:
        _begin(instance, [instance.pk])


def _meeting_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    if created:  # nothing of it was counted before
        pending = _pending.get()
        if pending is None:
            pending = instance.__dict__["_counters_pending"] = Pending()
        pending.created(instance.pk)
    _end(instance)


def _meeting_deleting(sender, instance, **kwargs) -> None:
    if not _suspended.get():
        _begin(instance, [instance.pk])


def _meeting_deleted(sender, instance, **kwargs) -> None:
    if not _suspended.get():
        _end(instance)


def _participants_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Who took part changed: the meetings concerned (the instance, or for a leader's
    side of the relation, the meetings in ``pk_set``) are compared before and after."""
    if _suspended.get():
        return
    if action in ("pre_add", "pre_remove") and pk_set:
        _begin(instance, pk_set if reverse else [instance.pk])
    elif action == "pre_clear":
        meetings = instance.meetings.values_list("pk", flat=True) if reverse else [instance.pk]
        _begin(instance, list(meetings))
    elif action in ("post_add", "post_remove", "post_clear"):
        _end(instance)


# ---- leaders ----------------------------------------------------------------------------------


def _leader_state(instance) -> tuple[int | None, bool]:
    """Its country and whether it is counted (not rejected, not merged)."""
    counted = instance.merged_into_id is None and instance.review_state != REJECTED
    return instance.country_id, counted


def _leader_before(sender, instance, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = None
    if instance.pk is not None:
        row = (
            type(instance)
            .objects.filter(pk=instance.pk)
            .values_list("country_id", "merged_into_id", "review_state")
            .first()
        )
        if row is not None:
            before = (row[0], row[1] is None and row[2] != REJECTED)
    instance._counters_before = before


def _leader_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = getattr(instance, "_counters_before", None) or (None, False)
    instance._counters_before = None
    now = _leader_state(instance)
    delta = _delta(instance)
    if before[0] != now[0] and not created:
        # Every meeting it attended moves with it: count both countries again.
        delta.recount_countries |= {pk for pk in (before[0], now[0]) if pk is not None}
    elif before[1] != now[1]:
        delta.add(("country", now[0], "leaders"), 1 if now[1] else -1)
    if before[1] != now[1]:
        delta.add(("total", "leaders"), 1 if now[1] else -1)
    _end(instance)


def _leader_deleting(sender, instance, **kwargs) -> None:
    if _suspended.get():
        return
    # Its participations go with it, without a signal: its meetings are compared before
    # and after (the network's pairs of its fellow participants), and its country is
    # counted again (which leaves out the meetings' changes to that country's counts).
    meetings = sender.meetings.through.objects.filter(leader_id=instance.pk)
    _begin(instance, meetings.values_list("meeting_id", flat=True))
    delta = _delta(instance)
    delta.recount_countries |= {instance.country_id} - {None}
    if _leader_state(instance)[1]:
        delta.add(("total", "leaders"), -1)


def _leader_deleted(sender, instance, **kwargs) -> None:
    if not _suspended.get():
        _end(instance)


# ---- gifts, agreements, articles: the home page's totals ----------------------------------------


def _shown_before(sender, instance, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    state = None
    if instance.pk is not None:
        state = sender.objects.filter(pk=instance.pk).values_list("review_state", flat=True).first()
    instance._counters_before = state is not None and state != REJECTED


def _shown_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = bool(getattr(instance, "_counters_before", False))
    now = getattr(instance, "review_state", None) != REJECTED
    if before != now:
        _delta(instance).add(("total", _total_name(sender)), 1 if now else -1)
    _end(instance)


def _shown_deleted(sender, instance, **kwargs) -> None:
    if _suspended.get():
        return
    if getattr(instance, "review_state", None) != REJECTED:
        _delta(instance).add(("total", _total_name(sender)), -1)
    _end(instance)


def _article_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not _suspended.get():
        _delta(instance).add(("total", "articles"), 1)
        _end(instance)


def _total_name(sender) -> str:
    return {"Gift": "gifts", "Agreement": "agreements", "Article": "articles"}[sender.__name__]


def connect() -> None:
    """Called once by the app config."""
    from kb.models import Agreement, Article, Gift, Leader, Meeting

    uid = "kb-counters-"
    pre_save.connect(_meeting_before, sender=Meeting, dispatch_uid=uid + "meeting-pre")
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid=uid + "meeting-post")
    pre_delete.connect(_meeting_deleting, sender=Meeting, dispatch_uid=uid + "meeting-pre-del")
    post_delete.connect(_meeting_deleted, sender=Meeting, dispatch_uid=uid + "meeting-del")
    m2m_changed.connect(
        _participants_changed, sender=Meeting.participants.through, dispatch_uid=uid + "m2m"
    )
    pre_save.connect(_leader_before, sender=Leader, dispatch_uid=uid + "leader-pre")
    post_save.connect(_leader_saved, sender=Leader, dispatch_uid=uid + "leader-post")
    pre_delete.connect(_leader_deleting, sender=Leader, dispatch_uid=uid + "leader-pre-del")
    post_delete.connect(_leader_deleted, sender=Leader, dispatch_uid=uid + "leader-del")
    for model in (Gift, Agreement):
        name = model.__name__.lower()
        pre_save.connect(_shown_before, sender=model, dispatch_uid=f"{uid}{name}-pre")
        post_save.connect(_shown_saved, sender=model, dispatch_uid=f"{uid}{name}-post")
        post_delete.connect(_shown_deleted, sender=model, dispatch_uid=f"{uid}{name}-del")
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid + "article-post")
    post_delete.connect(_shown_deleted, sender=Article, dispatch_uid=uid + "article-del")
