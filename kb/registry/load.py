"""Loading the shipped registry file (``kb/data/registry.csv``, the ``load_registry``
command)."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from gazetteer.registry import (
    SHIPPED_FILE,
    RegistryFileError,
    parse_registry_rows,
)
from kb import changes
from kb.models import Leader, Office, ReviewState
from kb.names import normalise_name
from kb.registry.snapshot import (
    registry_changed,
)
from kb.registry.terms import (
    RegistryReport,
    _apply,
    _check_overlaps,
    _countries,
    _current_term,
    _leaders_by_name,
    _person_update,
    _term_values,
)


def registry_file_rows(path: Path = SHIPPED_FILE) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return parse_registry_rows(handle, where=path.name)


def registry_load(*, rows: list[dict], where: str = "registry") -> RegistryReport:
    """Load the registry file's rows: persons by ``person_key``, terms by their key.

    Idempotent: a second run with the same rows changes nothing. Terms the file no
    longer has are removed unless an editor touched them."""
    countries = _countries()
    for row in rows:
        if row["country"] not in countries:
            raise RegistryFileError(
                f"{where}, line {row['line']}: unknown country {row['country']}"
            )
    _check_overlaps(rows, where)
    report = RegistryReport()
    with transaction.atomic():
        leaders = _registry_persons(rows, countries, report)
        _registry_terms(rows, leaders, countries, report)
        # Terms are created in bulk (no signals): the leaders' lists filter by office.
        changes.kb_changed(changes.LEADERS)
    registry_changed()
    return report


def _registry_persons(rows, countries, report) -> dict[str, Leader]:
    by_person: dict[str, list[dict]] = {}
    for row in rows:
        by_person.setdefault(row["person_key"], []).append(row)
    known = {
        leader.registry_key: _survivor(leader)
        for leader in Leader.objects.filter(registry_key__in=list(by_person))
    }
    unclaimed = _leaders_by_name()
    for key, person_rows in by_person.items():
        leader = known.get(key)
        if leader is None:
            leader = _unclaimed_match(person_rows, unclaimed, countries)
            if leader is not None:
                leader.registry_key = key
        if leader is None:
            latest = _current_term(person_rows)
            leader = Leader(
                name=person_rows[0]["name"],
                registry_key=key,
                country_id=countries[latest["country"]],
                title=latest["title"][:120],
                confidence=1.0,
            )
            report.persons_added += 1
        if leader.pk is not None and leader.registry_key != key:
            pass  # merged by an editor into another record: that record stays as it is
        elif (
            _person_update(leader, person_rows, countries) or leader.pk is None or key not in known
        ):
            leader.save()
        known[key] = leader
    return known


def _survivor(leader: Leader) -> Leader:
    """The record a merged leader went into (an editor merged two records of one person:
    the registry's terms stay with the one kept)."""
    seen = set()
    while leader.merged_into_id and leader.pk not in seen:
        seen.add(leader.pk)
        leader = leader.merged_into
    return leader


def _unclaimed_match(person_rows, unclaimed, countries) -> Leader | None:
    """An extracted leader of the same name and a country of the person's terms (or none)."""
    ids: list[int] = []
    for form in {person_rows[0]["name"], *(a for r in person_rows for a in r["aliases"])}:
        ids += unclaimed.get(normalise_name(form), [])
    if not ids:
        return None
    own = {countries[r["country"]] for r in person_rows}
    for leader in Leader.objects.filter(pk__in=set(ids)).order_by("pk"):
        if leader.country_id is None or leader.country_id in own:
            for key in list(unclaimed):
                if leader.pk in unclaimed[key]:
                    unclaimed[key].remove(leader.pk)
            return leader
    return None


def _row_key(row: dict) -> str:
    return f"{row['person_key']}/{row['country']}/{row['office']}/{row['start'].isoformat()}"


def _registry_terms(rows, leaders, countries, report) -> None:
    existing = {o.registry_key: o for o in Office.objects.filter(registry_key__isnull=False)}
    new, seen = [], set()
    for row in rows:
        key = _row_key(row)
        seen.add(key)
        values = _term_values(row, leaders[row["person_key"]].pk, countries)
        office = existing.get(key)
        if office is None:
            new.append(Office(registry_key=key, confidence=1.0, **values))
        elif _apply(office, values):
            office.save()
            report.changed += 1
        else:
            report.unchanged += 1
    if new:
        bulk_create_with_history(new, Office, batch_size=500)
        report.added += len(new)
    gone = [
        o.pk
        for key, o in existing.items()
        if key not in seen and o.review_state == ReviewState.EXTRACTED and not o.edited_fields
    ]
    if gone:
        Office.objects.filter(pk__in=gone).delete()
        report.removed = len(gone)
