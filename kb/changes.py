"""A version for "the knowledge base changed", so read results can be cached until the
next write: ``cached(name, params, compute)`` keys each result by this version, and any
write moves the version on once its transaction commits (a save or delete of a fact,
leader or country, a change of a meeting's participants or an agreement's parties, and
every service that writes in bulk calls :func:`kb_changed`). Old entries are never
read again and expire on their own.

The version lives in the cache itself: with ``CACHE_URL`` (Redis) every web process and
worker shares it; without it (local memory) a worker in another process cannot move the
web's version, so entries also expire after ``KB_CACHE_SECONDS``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "kb:version"
T = TypeVar("T")


def kb_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A fresh start (first use, or the cache was emptied): a number no earlier entry
        # used, so nothing cached before can be read as current.
        cache.add(VERSION_KEY, time.time_ns() // 1000, None)
        version = cache.get(VERSION_KEY)
    return int(version)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: any new one is past every entry
        kb_version()


def kb_changed() -> None:
    """The knowledge base changed (or will, when the current transaction commits). One
    move per transaction, however many rows it writes; none if it rolls back."""
    connection = transaction.get_connection()
    pending = getattr(connection, "run_on_commit", ())  # Django's (savepoints, func, robust)
    if connection.in_atomic_block and any(entry[1] is _bump for entry in pending):
        return
    transaction.on_commit(_bump)


def cached(name: str, params: dict, compute: Callable[[], T]) -> T:
    digest = hashlib.sha1(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()
    key = f"kb:{name}:{kb_version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.KB_CACHE_SECONDS)
    return value


def _on_write(sender, **kwargs) -> None:
    kb_changed()


def connect() -> None:
    """Called once by the app config: writes through the ORM move the version on."""
    from kb.models import Agreement, Article, Country, Gift, Leader, Meeting

    # Articles too: counts of them are cached (the home page), and their status moves
    # as the worker reads them.
    for model in (Meeting, Gift, Agreement, Leader, Country, Article):
        post_save.connect(_on_write, sender=model, dispatch_uid=f"kb-changed-save-{model.__name__}")
        post_delete.connect(
            _on_write, sender=model, dispatch_uid=f"kb-changed-del-{model.__name__}"
        )
    for through in (
        Meeting.participants.through,
        Agreement.leader_parties.through,
        Agreement.country_parties.through,
    ):
        m2m_changed.connect(
            _on_write, sender=through, dispatch_uid=f"kb-changed-m2m-{through.__name__}"
        )
