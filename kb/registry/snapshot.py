"""The extractor's snapshot of the registry: built once per process from the database,
rebuilt when an office or a leader changes."""

from __future__ import annotations

import threading
import time

from django.db.models import Count, Max

from gazetteer.registry import (
    Registry,
    registry_from_rows,
)
from kb.models import Leader, Office

_snapshot_lock = threading.Lock()
_snapshot: dict = {"registry": None, "stamp": None, "checked": 0.0}
RECHECK_SECONDS = 60.0


def registry_changed() -> None:
    """Forget this process's snapshot (the next extraction rebuilds it)."""
    with _snapshot_lock:
        _snapshot.update(registry=None, stamp=None, checked=0.0)


def _stamp() -> tuple:
    offices = Office.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    leaders = Leader.objects.filter(offices__isnull=False).aggregate(at=Max("updated_at"))
    return (offices["n"], offices["at"], leaders["at"])


def registry_snapshot() -> Registry:
    """The registry as plain data, built once per process and rebuilt when it changes.

    Whether it changed is asked at most once a minute (one aggregate query), so
    extracting an article costs no registry query; a change made in this process (a load,
    an import, an editor's save) is seen at once."""
    now = time.monotonic()
    with _snapshot_lock:
        registry = _snapshot["registry"]
        if registry is not None and now - _snapshot["checked"] < RECHECK_SECONDS:
            return registry
        stamp = _stamp()
        if registry is None or stamp != _snapshot["stamp"]:
            registry = _build_snapshot(version=str(stamp))
        _snapshot.update(registry=registry, stamp=stamp, checked=now)
        return registry


def leader_registry_key(leader: Leader) -> str:
    return leader.registry_key or f"#{leader.pk}"


def _build_snapshot(*, version: str) -> Registry:
    offices = (
        Office.objects.visible()
        .filter(leader__merged_into__isnull=True)
        .select_related("leader", "country")
        .order_by("leader_id", "start")
    )
    rows = [
        {
            "person_key": leader_registry_key(o.leader),
            "name": o.leader.name,
            "aliases": tuple(o.leader.other_names or ()),
            "country": o.country.code,
            "office": o.kind,
            "title": o.title,
            "start": o.start,
            "end": o.end,
            "also_head_of_government": o.heads_government,
        }
        for o in offices
    ]
    return registry_from_rows(rows, version=version)


def leader_for_registry_key(key: str | None) -> Leader | None:
    """The active leader a snapshot key names (following merges), or None."""
    if not key:
        return None
    if key.startswith("#"):
        leader = Leader.objects.filter(pk=int(key[1:])).first() if key[1:].isdigit() else None
    else:
        leader = Leader.objects.filter(registry_key=key).first()
    seen = set()
    while leader is not None and leader.merged_into_id and leader.pk not in seen:
        seen.add(leader.pk)
        leader = leader.merged_into
    return leader
