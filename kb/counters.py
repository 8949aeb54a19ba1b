"""The counts in ``kb.models.tallies``, kept equal to what counting the tables would say.

Whenever a write can change a count (a meeting saved, deleted or given other
participants, a leader saved or deleted), the counts of the countries and leaders it
concerns are counted again from the tables, in the same transaction, after taking a
lock on their tally rows: whichever transaction counts last has waited for the others to
commit and sees all of their rows, so two workers recording at once cannot leave a
count one short (as ``n = n + 1`` from two stale reads could not either, but recounting
also survives any write this module did not foresee, at the next write to that key).

Counting one country or leader again reads its own rows through indexes (milliseconds
at 100,000 meetings). Writers that touch many rows collect the keys with
:func:`deferred` and count each once at the end; bulk loaders that bypass signals
(``bulk_create``) call :func:`recount_all` or :func:`recount` themselves.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Count, F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from kb import leader_pairs

REJECTED = "rejected"

_pending: contextvars.ContextVar = contextvars.ContextVar("kb_counters_pending", default=None)
_suspended: contextvars.ContextVar = contextvars.ContextVar("kb_counters_off", default=False)


# ---- counting ---------------------------------------------------------------------------------


def _models(apps=None):
    if apps is None:
        from django.apps import apps
    return (
        apps.get_model("kb", "Country"),
        apps.get_model("kb", "Leader"),
        apps.get_model("kb", "Meeting"),
        apps.get_model("kb", "CountryTally"),
        apps.get_model("kb", "LeaderTally"),
    )


def count_countries(ids: Iterable[int] | None = None, *, apps=None) -> dict[int, dict[str, int]]:
    """The tally of each country in ``ids`` (every country with a count when None),
    counted from the tables. Countries with nothing counted are left out."""
    _, Leader, Meeting, _, _ = _models(apps)
    Participation = Meeting.participants.through
    ids = None if ids is None else sorted(set(ids))

    def only(queryset, field):
        return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})

    def grouped(queryset, field, count) -> dict[int, int]:
        rows = only(queryset, field).order_by().values(field).annotate(n=count)
        return {r[field]: r["n"] for r in rows if r[field] is not None}

    taken_part = Participation.objects.exclude(meeting__review_state=REJECTED)
    figures = {
        "leaders": grouped(
            Leader.objects.exclude(review_state=REJECTED).filter(merged_into=None),
            "country_id",
            Count("pk"),
        ),
        "hosted": grouped(
            Meeting.objects.exclude(review_state=REJECTED), "host_country_id", Count("pk")
        ),
        "attended": grouped(taken_part, "leader__country_id", Count("meeting_id", distinct=True)),
        "attended_home": grouped(
            taken_part.filter(meeting__host_country_id=F("leader__country_id")),
            "leader__country_id",
            Count("meeting_id", distinct=True),
        ),
    }
    out: dict[int, dict[str, int]] = {}
    for name, by_country in figures.items():
        for pk, n in by_country.items():
            out.setdefault(pk, dict.fromkeys(figures, 0))[name] = n
    return out


def count_leaders(ids: Iterable[int] | None = None, *, apps=None) -> dict[int, dict[str, int]]:
    """The tally of each leader in ``ids`` (every leader with a meeting when None)."""
    _, _, Meeting, _, _ = _models(apps)
    rows = Meeting.participants.through.objects.exclude(meeting__review_state=REJECTED)
    if ids is not None:
        rows = rows.filter(leader_id__in=sorted(set(ids)))
    rows = rows.order_by().values("leader_id").annotate(n=Count("pk"))
    return {r["leader_id"]: {"meetings": r["n"]} for r in rows}


COUNTRY_FIELDS = ("leaders", "hosted", "attended", "attended_home")
LEADER_FIELDS = ("meetings",)


def _lock(model, key: str, ids: list[int]) -> list:
    """The tally rows of ``ids``, created if missing, locked in key order."""
    model.objects.bulk_create(
        [model(**{f"{key}_id": pk}) for pk in ids], ignore_conflicts=True, batch_size=500
    )
    return list(model.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _write(model, rows: list, fields, counted: dict[int, dict[str, int]]) -> None:
    """Set each locked row to its count (zeros when it has none); write the changed."""
    zero = dict.fromkeys(fields, 0)
    changed = []
    for row in rows:
        figures = counted.get(row.pk, zero)
        if any(getattr(row, f) != figures[f] for f in fields):
            for f in fields:
                setattr(row, f, figures[f])
            changed.append(row)
    if changed:
        model.objects.bulk_update(changed, list(fields), batch_size=500)


def recount(*, countries: Iterable[int] = (), leaders: Iterable[int] = (), apps=None) -> None:
    """Count these countries and leaders again (in the caller's transaction): their tally
    rows are locked first, then counted (see the module's docstring)."""
    Country, Leader, _, CountryTally, LeaderTally = _models(apps)
    countries = {pk for pk in countries if pk is not None}
    leaders = {pk for pk in leaders if pk is not None}
    with transaction.atomic():
        if leaders:
            # A deleted leader's tally went with it; there is nothing to keep.
            ids = sorted(Leader.objects.filter(pk__in=leaders).values_list("pk", flat=True))
            if ids:
                rows = _lock(LeaderTally, "leader", ids)
                _write(LeaderTally, rows, LEADER_FIELDS, count_leaders(ids, apps=apps))
        if countries:
            ids = sorted(Country.objects.filter(pk__in=countries).values_list("pk", flat=True))
            if ids:
                rows = _lock(CountryTally, "country", ids)
                _write(CountryTally, rows, COUNTRY_FIELDS, count_countries(ids, apps=apps))


def recount_all(*, apps=None) -> dict[str, int]:
    """Rebuild every tally from the tables (``manage.py recount``, bulk loaders)."""
    _, _, _, CountryTally, LeaderTally = _models(apps)
    with transaction.atomic():
        CountryTally.objects.all().delete()
        CountryTally.objects.bulk_create(
            [CountryTally(country_id=pk, **f) for pk, f in count_countries(apps=apps).items()],
            batch_size=1000,
        )
        LeaderTally.objects.all().delete()
        LeaderTally.objects.bulk_create(
            [LeaderTally(leader_id=pk, **f) for pk, f in count_leaders(apps=apps).items()],
            batch_size=1000,
        )
    return {"countries": CountryTally.objects.count(), "leaders": LeaderTally.objects.count()}


# ---- when to count ----------------------------------------------------------------------------


def touch(*, countries: Iterable[int] = (), leaders: Iterable[int] = ()) -> None:
    """These keys' counts may have changed: count them now, or at the end of the
    enclosing :func:`deferred` block."""
    if _suspended.get():
        return
    pending = _pending.get()
    if pending is not None:
        pending["countries"].update(pk for pk in countries if pk is not None)
        pending["leaders"].update(pk for pk in leaders if pk is not None)
        return
    recount(countries=countries, leaders=leaders)


@contextmanager
def deferred():
    """Count the keys touched inside the block once, when it ends without an error (in
    the caller's transaction: wrap a service that is atomic). Nested blocks join the
    outermost one."""
    if _pending.get() is not None or _suspended.get():
        yield
        return
    pending = {"countries": set(), "leaders": set()}
    token = _pending.set(pending)
    try:
        with leader_pairs.deferred():  # the network's pairs too, counted first
            yield
    finally:
        _pending.reset(token)
    recount(countries=pending["countries"], leaders=pending["leaders"])


@contextmanager
def suspended():
    """No counting inside the block (nor of the network's pairs): for bulk writers that
    call :func:`recount_all` and ``kb.leader_pairs.rebuild`` after."""
    token = _suspended.set(True)
    try:
        with leader_pairs.suspended():
            yield
    finally:
        _suspended.reset(token)


def _countries_of(leader_ids) -> set[int]:
    from kb.models import Leader

    if not leader_ids:
        return set()
    return set(
        Leader.objects.filter(pk__in=list(leader_ids))
        .exclude(country=None)
        .values_list("country_id", flat=True)
    )


def _participants(meeting_pk) -> set[int]:
    from kb.models import Meeting

    through = Meeting.participants.through
    return set(through.objects.filter(meeting_id=meeting_pk).values_list("leader_id", flat=True))


def _meeting_before(sender, instance, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = None
    if instance.pk is not None:
        before = (
            type(instance)
            .objects.filter(pk=instance.pk)
            .values_list("host_country_id", "review_state")
            .first()
        )
    instance._tally_before = before


def _meeting_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = getattr(instance, "_tally_before", None)
    instance._tally_before = None
    now = (instance.host_country_id, instance.review_state)
    if before is None:  # new: no participants yet, only its host's count moves
        touch(countries=[instance.host_country_id])
        return
    if before == now:
        return
    host_moved = before[0] != now[0]
    shown_moved = (before[1] == REJECTED) != (now[1] == REJECTED)
    if not (host_moved or shown_moved):
        return
    people = _participants(instance.pk)
    touch(
        countries={before[0], now[0], *_countries_of(people)},
        leaders=people if shown_moved else (),
    )


def _meeting_deleting(sender, instance, **kwargs) -> None:
    if _suspended.get():
        return
    people = _participants(instance.pk)
    instance._tally_keys = ({instance.host_country_id, *_countries_of(people)}, people)


def _meeting_deleted(sender, instance, **kwargs) -> None:
    keys = getattr(instance, "_tally_keys", None)
    if keys:
        touch(countries=keys[0], leaders=keys[1])


def _participants_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """Who took part changed: those leaders' counts and their countries' attendance
    (a meeting's host only counts what it hosted, which this does not change)."""
    if _suspended.get():
        return
    if action == "pre_clear":
        # A leader's meetings (reverse) concern that leader only.
        instance._tally_cleared = {instance.pk} if reverse else _participants(instance.pk)
        return
    if action == "post_clear":
        people = getattr(instance, "_tally_cleared", set())
        instance._tally_cleared = set()
    elif action in ("post_add", "post_remove") and pk_set:
        people = {instance.pk} if reverse else set(pk_set)
    else:
        return
    touch(countries=_countries_of(people), leaders=people)


def _leader_before(sender, instance, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = None
    if instance.pk is not None:
        before = (
            type(instance)
            .objects.filter(pk=instance.pk)
            .values_list("country_id", "merged_into_id", "review_state")
            .first()
        )
    instance._tally_before = before


def _leader_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if _suspended.get():
        return
    before = getattr(instance, "_tally_before", None)
    instance._tally_before = None
    now = (instance.country_id, instance.merged_into_id, instance.review_state)
    if before is None:
        touch(countries=[instance.country_id])
        return
    if before == now:
        return
    if before[0] != now[0]:  # every meeting it attended moves with it
        touch(countries={before[0], now[0]})
        return
    counted = (before[1] is None and before[2] != REJECTED) != (
        now[1] is None and now[2] != REJECTED
    )
    if counted:
        touch(countries=[now[0]])


def _leader_deleting(sender, instance, **kwargs) -> None:
    # Its participations go with it: its country's attendance may drop.
    instance._tally_keys = {instance.country_id}


def _leader_deleted(sender, instance, **kwargs) -> None:
    keys = getattr(instance, "_tally_keys", None)
    if keys:
        touch(countries=keys)


def connect() -> None:
    """Called once by the app config."""
    from kb.models import Leader, Meeting

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


def stored() -> tuple[dict[int, dict[str, int]], dict[int, dict[str, int]]]:
    """The tallies as stored, rows of zeros left out (as the counting functions do)."""
    from kb.models import CountryTally, LeaderTally

    def nonzero(model, fields):
        out = {}
        for row in model.objects.values("pk", *fields):
            figures = {f: row[f] for f in fields}
            if any(figures.values()):
                out[row["pk"]] = figures
        return out

    return nonzero(CountryTally, COUNTRY_FIELDS), nonzero(LeaderTally, LEADER_FIELDS)


def differences() -> list[str]:
    """Where the stored tallies differ from counting the tables now, one line each."""
    countries, leaders = stored()
    out = []
    for what, have, want in (
        ("country", countries, count_countries()),
        ("leader", leaders, count_leaders()),
    ):
        for pk in sorted(have.keys() | want.keys()):
            if have.get(pk) != want.get(pk):
                out.append(f"{what} {pk}: stored {have.get(pk)}, counted {want.get(pk)}")
    return out
