"""Read results cached until the data they show changes, one version per area.

**Areas.** The knowledge base is split into :data:`AREAS`: ``meetings``, ``gifts``,
``agreements``, ``leaders``, ``countries``, ``articles`` and ``evidence``. Each has a version in the
cache, and a write moves on only the versions of the areas it changes, once its
transaction commits (none if it rolls back):

- saving or deleting a record moves its own area (a meeting: ``meetings``; a change of
  a meeting's participants: ``meetings``; of an agreement's parties: ``agreements``; an
  office: ``leaders``; an article, its status included: ``articles``; the evidence
  extraction or an editor adds or drops, which a fact's sources and an article's evidence
  count are: ``evidence``, kept apart so that an upload's moves through queued,
  processing and done leave the pages that count sources cached);
- an edit of what other kinds' rows show of a record moves those areas too: a meeting's
  kind, place or host (shown on gift and agreement rows); a leader's name, other
  names, title, country, review state or merge (shown or searched on meetings, gifts and
  agreements); a country's name or code (shown everywhere); an article's title or text
  (shown as sources, searched on meetings: ``evidence``, so that a search, which reads
  no status, declares no ``articles``). A new record is shown on no
  other row yet: creating a meeting moves ``meetings`` only.
- writers that bypass the ORM's signals (``bulk_create``, ``QuerySet.update``) call
  :func:`kb_changed` with the areas they touch; without areas it moves every one.

**Readers declare their areas.** ``cached(name, params, compute, areas=(...))`` keeps
``compute()``'s result under ``name`` and ``params`` together with the versions of
``areas``: the areas of the records the result lists, counts, filters or searches over.
The labels it shows of related records need no area of their own, as their edits move
the areas that show them (the table ``_SHOWN_ELSEWHERE``): a list of gifts that names
givers and meetings' places declares ``gifts`` only, and a new meeting leaves it cached.
Showing another field of a related record means adding that field to the table (or the
record's area to the reader). Counts kept in ``kb.models.tallies`` belong to the areas of
what they count (a country's hosted meetings: ``meetings``; its leaders: ``leaders``);
tables maintained from meetings (pairs of countries or leaders) to ``meetings`` (their
members' countries are labels). An area left out means stale pages after its writes; one
too many only recomputes more often. ``areas`` is required, and a name not in
:data:`AREAS` is refused: there is no "whatever changed" default to forget.
``tests/web/test_cache_areas.py`` pins which pages each kind of write makes cold.

**Stale while revalidate.** When a write has moved one of a result's areas on, the
previous result is still served for ``KB_STALE_SECONDS`` after it was computed (5 by
default; 0 turns this off), so a burst of writes does not make every reader recompute
every page. After that the first reader recomputes it, holding a short lock
(``cache.add``), and the others keep getting the previous result until the new one is
stored (at most :data:`RECOMPUTE_LOCK_SECONDS` more).

**One reader fills a cold entry.** When there is nothing a reader may be served (the
first request for a result, one evicted, or one too old for the window or for a fresh
reader), the first reader takes the same lock and computes it; readers arriving
meanwhile wait for its result (polling the cache) instead of all computing it at once,
and take it if it was read after the writes they know of. The wait is bounded
(:data:`FILL_WAIT_SECONDS`; then they compute it themselves), and a reader whose
computation fails lets go of the lock at once, so a lock never blocks a page for long
and never turns into an error. So a reader sees a page at most
``KB_STALE_SECONDS`` (plus one recomputation) behind the latest write, never older.
Requests that must see the knowledge base as it is read fresh: those of editors (after
their own write they expect to see it at once; ``config.middleware.FreshReadsMiddleware``
marks them), and any code inside :func:`fresh_reads`.

The versions live in the cache itself: with ``CACHE_URL`` (Redis) every web process and
worker shares them; without it (local memory) a worker in another process cannot move
the web's versions, so results also expire after ``KB_CACHE_SECONDS``.
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

T = TypeVar("T")

MEETINGS, GIFTS, AGREEMENTS = "meetings", "gifts", "agreements"
LEADERS, COUNTRIES, ARTICLES = "leaders", "countries", "articles"
#: Evidence rows (no signals: every writer of them says so with ``kb_changed(EVIDENCE)``).
EVIDENCE = "evidence"
#: Every area, in a fixed order.
AREAS = (MEETINGS, GIFTS, AGREEMENTS, LEADERS, COUNTRIES, ARTICLES, EVIDENCE)
#: The facts: what shows a leader's name or a meeting's place on its rows.
FACTS = (MEETINGS, GIFTS, AGREEMENTS)
#: How long one reader may hold the right to recompute a stale result.
RECOMPUTE_LOCK_SECONDS = 30
#: How long a reader with no result to serve waits for another reader computing the same
#: one before computing it too (a result slower than this is computed twice at most).
FILL_WAIT_SECONDS = 3.0
#: How often it looks whether that result has come.
FILL_POLL_SECONDS = 0.02

#: Whether the current request must read fresh results (a callable, asked lazily).
_fresh: contextvars.ContextVar[Callable[[], bool] | bool] = contextvars.ContextVar(
    "kb_fresh_reads", default=False
)


def _areas(areas: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(sorted(set(areas)))
    unknown = [a for a in chosen if a not in AREAS]
    if unknown:
        raise ValueError(f"Unknown cache areas {unknown}: use some of {AREAS}.")
    return chosen


def _version_key(area: str) -> str:
    return f"kb:version:{area}"


def _now() -> float:
    return time.time()


# ---- versions --------------------------------------------------------------------------


def area_versions(areas: Iterable[str]) -> dict[str, int]:
    """The current version of each area."""
    areas = _areas(areas)
    found = cache.get_many([_version_key(a) for a in areas])
    versions = {}
    for area in areas:
        version = found.get(_version_key(area))
        if version is None:
            # A fresh start (first use, or the cache was emptied): a number no earlier
            # entry used, so nothing cached before can be read as current.
            cache.add(_version_key(area), time.time_ns() // 1000, None)
            version = cache.get(_version_key(area))
        versions[area] = int(version)
    return versions


def _bump(*areas: str) -> None:
    """Move the areas' versions on now (every area when none is named)."""
    for area in _areas(areas or AREAS):
        try:
            cache.incr(_version_key(area))
        except ValueError:  # no version yet: any new one is past every entry
            area_versions([area])


class _PendingBump:
    """The areas this transaction changed, moved on once when it commits."""

    def __init__(self, areas: tuple[str, ...]):
        self.areas = set(areas)

    def __call__(self) -> None:
        _bump(*self.areas)


def kb_changed(*areas: str) -> None:
    """The knowledge base changed in ``areas`` (every area when none is named), or will
    when the current transaction commits: one move per area and transaction, however
    many rows it writes; none if it rolls back."""
    areas = _areas(areas or AREAS)
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for entry in connection.run_on_commit:  # Django's (savepoint ids, func, robust)
            if isinstance(entry[1], _PendingBump):
                entry[1].areas.update(areas)
                return
    transaction.on_commit(_PendingBump(areas))


# ---- reading -----------------------------------------------------------------------------


@contextmanager
def fresh_reads(when: Callable[[], bool] | bool = True) -> Iterator[None]:
    """Within this block :func:`cached` never serves a stale result when ``when`` is
    true (or, if callable, returns true when first needed), nor when an enclosing block
    already says so."""
    outer = _fresh.get()
    token = _fresh.set(lambda: _true(outer) or _true(when))
    try:
        yield
    finally:
        _fresh.reset(token)


def _true(flag: Callable[[], bool] | bool) -> bool:
    return bool(flag()) if callable(flag) else bool(flag)


def _stale_window() -> float:
    """Seconds a superseded result may still be served to the current reader."""
    seconds = settings.KB_STALE_SECONDS
    if seconds <= 0:
        return 0
    fresh = _fresh.get()
    if callable(fresh):
        fresh = _true(fresh)
        _fresh.set(fresh)  # asked once per block
    return 0 if fresh else seconds


def _entry_key(name: str, params: dict) -> str:
    digest = hashlib.sha1(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()
    return f"kb:cached:{name}:{digest}"


def cached(name: str, params: dict, compute: Callable[[], T], *, areas: Iterable[str]) -> T:
    """``compute()``, kept per ``name`` and ``params`` until a write moves one of
    ``areas`` on (then served stale for a few seconds). ``areas``: those of the records
    the result lists, counts, filters or searches over (see the module's docstring)."""
    areas = _areas(areas)
    if not areas:
        raise ValueError(f"cached({name!r}) needs the areas its result depends on.")
    key = _entry_key(name, params)
    version_keys = [_version_key(a) for a in areas]
    found = cache.get_many([*version_keys, key])
    if all(k in found for k in version_keys):
        versions = tuple(int(found[k]) for k in version_keys)
    else:
        versions = tuple(area_versions(areas).values())
    entry = found.get(key)
    lock = f"{key}:lock"
    locked = False
    if entry is not None:
        stamp, made_at, value = entry
        if stamp == versions:
            return value
        window = _stale_window()
        age = _now() - made_at
        if window and age < window:
            return value  # young enough, whatever was written since
        if window and age < window + RECOMPUTE_LOCK_SECONDS:
            locked = cache.add(lock, 1, RECOMPUTE_LOCK_SECONDS)
            if not locked:
                return value  # another reader is recomputing it
    if not locked:
        # Nothing to serve (a cold key, or a result too old for this reader): one reader
        # computes, the others wait a little for its result rather than all computing it.
        locked, entry = _fill_lock(key, lock, versions)
        if entry is not None:
            return entry[2]
    made_at = _now()  # before reading: the result is at least this fresh
    try:
        value = compute()
        cache.set(key, (versions, made_at, value), settings.KB_CACHE_SECONDS)
    finally:
        if locked:
            cache.delete(lock)
    return value


def _covers(stamp: tuple[int, ...], versions: tuple[int, ...]) -> bool:
    """Whether a result stamped ``stamp`` was read after every write ``versions`` counts
    (versions only move up)."""
    return len(stamp) == len(versions) and all(s >= v for s, v in zip(stamp, versions, strict=True))


def _fill_lock(key: str, lock: str, versions: tuple[int, ...]) -> tuple[bool, tuple | None]:
    """Take the right to compute ``key`` (``(True, None)``), or wait up to
    :data:`FILL_WAIT_SECONDS` for the reader holding it to store a result at least as
    fresh as ``versions`` (``(False, entry)``). A holder whose computation fails lets go
    at once; past the wait (a holder that died, or a very slow result), the caller takes
    the right over and computes, and readers arriving after it wait for it in turn. Never
    an error, never a wait without end."""
    if cache.add(lock, 1, RECOMPUTE_LOCK_SECONDS):
        return True, None
    deadline = time.monotonic() + FILL_WAIT_SECONDS
    pause = FILL_POLL_SECONDS
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(pause, left))
        pause = min(pause * 1.5, 0.2)
        entry = cache.get(key)
        if entry is not None and _covers(entry[0], versions):
            return False, entry
        if cache.add(lock, 1, RECOMPUTE_LOCK_SECONDS):  # the holder gave up (an error)
            entry = cache.get(key)  # or stored its result just before letting go
            if entry is not None and _covers(entry[0], versions):
                cache.delete(lock)
                return False, entry
            return True, None
    cache.set(lock, 1, RECOMPUTE_LOCK_SECONDS)
    return True, None


# ---- writes through the ORM --------------------------------------------------------------

#: Per model: its own area, and the fields other kinds' rows show or search (an edit of
#: one of them moves those kinds' areas too).
_SHOWN_ELSEWHERE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Meeting": (("kind", "place", "host_country_id"), (GIFTS, AGREEMENTS)),
    "Leader": (
        ("name", "other_names", "title", "country_id", "review_state", "merged_into_id"),
        FACTS,
    ),
    "Country": (("name", "code", "official_name"), AREAS),
    # Its words, shown as a fact's sources and searched on the meetings it is evidence
    # for: what shows or searches evidence declares that area.
    "Article": (("title", "text"), (EVIDENCE,)),
}
_OWN_AREA = {
    "Meeting": (MEETINGS,),
    "Gift": (GIFTS,),
    "Agreement": (AGREEMENTS,),
    "Leader": (LEADERS,),
    "Office": (LEADERS,),
    "Country": (COUNTRIES,),
    "Article": (ARTICLES,),
}
#: Per many-to-many table (filled by :func:`connect`): the areas a change of it moves.
_through_areas: dict[type, tuple[str, ...]] = {}
_BEFORE = "_kb_changes_before"


def _saves_shown(sender, update_fields) -> bool:
    """Whether a save of these ``update_fields`` (None: every field) may write a field
    other kinds' rows show."""
    fields, _ = _SHOWN_ELSEWHERE[sender.__name__]
    return update_fields is None or bool(
        {sender._meta.get_field(f).attname for f in update_fields} & set(fields)
    )


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Note the shown fields' stored values, to tell after the save whether they moved
    (not read when the save writes none of them: an article's status, say)."""
    fields, _ = _SHOWN_ELSEWHERE[sender.__name__]
    if raw or instance.pk is None or not _saves_shown(sender, update_fields):
        return
    stored = sender._base_manager.filter(pk=instance.pk).values(*fields).first()
    setattr(instance, _BEFORE, stored)


def _areas_of_save(sender, instance, created: bool, update_fields=None) -> tuple[str, ...]:
    own = _OWN_AREA[sender.__name__]
    if created or sender.__name__ not in _SHOWN_ELSEWHERE:
        return own
    if not _saves_shown(sender, update_fields):
        return own
    fields, shown_in = _SHOWN_ELSEWHERE[sender.__name__]
    before = instance.__dict__.pop(_BEFORE, None)
    if before is None:  # not read before the save (a new primary key given by hand)
        return own + shown_in
    if any(before[f] != getattr(instance, f) for f in fields):
        return own + shown_in
    return own


def _on_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs) -> None:
    kb_changed(*_areas_of_save(sender, instance, created, update_fields))


#: What a deletion cascades to without signals, besides the rows that showed the record:
#: a fact's evidence (an article's evidence count), an article's (its facts' sources).
_DELETED_ALSO = {
    "Meeting": (EVIDENCE,),
    "Gift": (EVIDENCE,),
    "Agreement": (EVIDENCE,),
    "Article": (EVIDENCE,),
}


def _on_delete(sender, instance, **kwargs) -> None:
    # A deleted record leaves the rows that showed it (a meeting's gifts lose their
    # meeting: SET NULL, without signals), so everything that showed it moves on.
    name = sender.__name__
    shown_in = _SHOWN_ELSEWHERE.get(name, ((), ()))[1]
    kb_changed(*_OWN_AREA[name], *shown_in, *_DELETED_ALSO.get(name, ()))


def area_of(model) -> tuple[str, ...]:
    """The area of a model's own rows (every area for a model not listed)."""
    return _OWN_AREA.get(model.__name__, AREAS)


def rows_updated(model, fields: Iterable[str] | None = None) -> None:
    """Rows of ``model`` were changed with ``QuerySet.update`` (which sends no signals):
    its area moves on, and those showing its rows when one of ``fields`` (None: any
    field may have changed) is a field they show."""
    shown, shown_in = _SHOWN_ELSEWHERE.get(model.__name__, ((), ()))
    if fields is not None:
        names = {model._meta.get_field(f).attname for f in fields}
        if not names & set(shown):
            shown_in = ()
    kb_changed(*area_of(model), *shown_in)


def _on_m2m(sender, action="", **kwargs) -> None:
    if action.startswith("post_"):
        kb_changed(*_through_areas.get(sender, AREAS))


def connect() -> None:
    """Called once by the app config: writes through the ORM move their areas on."""
    from kb.models import (
        Agreement,
        Article,
        Country,
        Gift,
        Leader,
        Meeting,
        Office,
    )

    # A leader's aliases are rewritten by its own save (whose area they share).
    for model in (Meeting, Gift, Agreement, Leader, Office, Country, Article):
        name = model.__name__
        if name in _SHOWN_ELSEWHERE:
            pre_save.connect(_before_save, sender=model, dispatch_uid=f"kb-changed-pre-{name}")
        post_save.connect(_on_save, sender=model, dispatch_uid=f"kb-changed-save-{name}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"kb-changed-del-{name}")
    _through_areas.update(
        {
            Meeting.participants.through: (MEETINGS,),
            Agreement.leader_parties.through: (AGREEMENTS,),
            Agreement.country_parties.through: (AGREEMENTS,),
        }
    )
    for through in _through_areas:
        m2m_changed.connect(
            _on_m2m, sender=through, dispatch_uid=f"kb-changed-m2m-{through.__name__}"
        )
