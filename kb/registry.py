"""The leader registry in the database: loading the shipped file, importing a Wikidata
export, and the snapshot the extractor reads.

Each load or import runs in one transaction and validates every row before it writes, so
a bad file changes nothing. A field an editor changed (``edited_fields`` on the term or
the person) is never overwritten by a load or an import; a term an editor touched is
never deleted by one.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from simple_history.utils import bulk_create_with_history

from gazetteer.registry import (
    SHIPPED_FILE,
    Registry,
    RegistryFileError,
    parse_registry_rows,
    registry_from_rows,
)
from kb.models import Country, Leader, LeaderAlias, Office, ReviewState
from kb.names import normalise_name

logger = logging.getLogger(__name__)

LEADING_KINDS = ("head_of_state", "monarch", "head_of_government")
LOOSE_KINDS = ("other", "other_minister")
TERM_FIELDS = ("leader_id", "country_id", "kind", "title", "start", "end", "heads_government")


@dataclass
class RegistryReport:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    refused: list[str] = field(default_factory=list)
    persons_added: int = 0

    def summary(self) -> str:
        return (
            f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.removed} removed, {len(self.refused)} refused "
            f"({self.persons_added} new persons)"
        )


# -- shared steps ----------------------------------------------------------------------


def _countries() -> dict[str, int]:
    return dict(Country.objects.values_list("code", "pk"))


def _check_overlaps(rows: list[dict], where: str) -> None:
    """One person cannot hold the same office of the same country twice at once (offices
    of kind other are told apart by their titles: a prime minister may act as president)."""
    by_office: dict[tuple, list[dict]] = {}
    for row in rows:
        by_office.setdefault(_office_identity(row), []).append(row)
    for terms in by_office.values():
        terms.sort(key=lambda r: r["start"])
        for before, after in zip(terms, terms[1:], strict=False):
            if before["end"] is None or after["start"] < before["end"]:
                raise RegistryFileError(
                    f"{where}, line {after['line']}: this term overlaps the one on line "
                    f"{before['line']} ({before['name']}, {before['title']}, "
                    f"{before['start']} to {before['end'] or 'present'})"
                )


def _office_identity(row: dict) -> tuple:
    title = row["title"].casefold() if row["office"] in LOOSE_KINDS else ""
    return (row["person_key"], row["country"], row["office"], title)


def _term_values(row: dict, leader_id: int, countries: dict[str, int]) -> dict:
    return {
        "leader_id": leader_id,
        "country_id": countries[row["country"]],
        "kind": row["office"],
        "title": row["title"][:120],
        "start": row["start"],
        "end": row["end"],
        "heads_government": row["also_head_of_government"],
        "source": row["source"][:500],
    }


def _apply(office: Office, values: dict) -> bool:
    """Set the fields an editor has not set; True when something changed."""
    locked = set(office.edited_fields or ())
    changed = False
    for name, value in values.items():
        if name.removesuffix("_id") in locked or name in locked:
            continue
        if getattr(office, name) != value:
            setattr(office, name, value)
            changed = True
    return changed


def _current_term(rows: list[dict]) -> dict:
    """The row that best says who the person is now: the latest leading office."""
    return max(rows, key=lambda r: (r["start"], r["office"] in LEADING_KINDS))


def _person_update(leader: Leader, rows: list[dict], countries: dict[str, int]) -> bool:
    locked = set(leader.edited_fields or ())
    latest = _current_term(rows)
    aliases = sorted({a for r in rows for a in r["aliases"]} | set(leader.other_names or ()))
    wanted = {
        "name": rows[0]["name"],
        "other_names": [a for a in aliases if a != rows[0]["name"]],
        "country_id": countries[latest["country"]],
        "title": latest["title"][:120],
    }
    changed = False
    for name, value in wanted.items():
        if name.removesuffix("_id") in locked or getattr(leader, name) == value:
            continue
        if name == "name" and leader.name:
            # keep what the leader was known as before, so old articles still find it
            leader.other_names = sorted(set(leader.other_names or ()) | {leader.name})
        setattr(leader, name, value)
        changed = True
    return changed


def _leaders_by_name() -> dict[str, list[int]]:
    """Name keys of leaders not yet tied to the registry (made by extraction or by hand)."""
    index: dict[str, list[int]] = {}
    rows = LeaderAlias.objects.filter(
        leader__registry_key__isnull=True, leader__merged_into__isnull=True
    ).values_list("key", "leader_id")
    for key, leader_id in rows:
        index.setdefault(key, []).append(leader_id)
    return index


# -- load_registry: the shipped file ---------------------------------------------------


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
            _person_update(leader, person_rows, countries)
            or leader.pk is None
            or key not in known
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


# -- import_registry: a Wikidata export ------------------------------------------------

WIKIDATA_COLUMNS = ("person", "personLabel", "countryCode", "kind", "positionLabel", "start", "end")
WIKIDATA_KINDS = ("head_of_state", "head_of_government", "foreign_minister")
_QID = re.compile(r"(?:https?://www\.wikidata\.org/entity/)?(Q[1-9][0-9]*)")
WIKIDATA_SOURCE = "https://www.wikidata.org/wiki/{qid}"


def wikidata_rows(lines: Iterable[str], *, where: str = "import") -> list[dict]:
    """Parse and check a CSV exported by the README's query; RegistryFileError names the
    first bad line. Rows whose country is not a current state are kept for the report."""
    reader = csv.DictReader(lines)
    missing = [c for c in WIKIDATA_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise RegistryFileError(f"{where}, line 1: missing column(s) {', '.join(missing)}")
    rows = []
    for number, raw in enumerate(reader, start=2):
        here = f"{where}, line {number}"
        if None in raw or any(raw.get(c) is None for c in WIKIDATA_COLUMNS):
            raise RegistryFileError(f"{here}: wrong number of fields")
        qid = _QID.fullmatch((raw["person"] or "").strip())
        if not qid:
            raise RegistryFileError(f"{here}: person must be a Wikidata item (Q...)")
        kind = raw["kind"].strip()
        if kind not in WIKIDATA_KINDS:
            raise RegistryFileError(f"{here}: kind must be one of {', '.join(WIKIDATA_KINDS)}")
        start, end = _wikidata_date(raw["start"], here), _wikidata_date(raw["end"], here)
        if start is None:
            raise RegistryFileError(f"{here}: start is required")
        if end is not None and end < start:
            raise RegistryFileError(f"{here}: the term ends ({end}) before it starts ({start})")
        name = raw["personLabel"].strip()
        if not name or name == qid.group(1):
            raise RegistryFileError(f"{here}: the person has no English label")
        rows.append(
            {
                "line": number,
                "qid": qid.group(1),
                "name": name,
                "country": raw["countryCode"].strip().upper(),
                "office": kind,
                "title": _title(raw["positionLabel"].strip(), kind),
                "start": start,
                "end": end,
            }
        )
    return rows


def _wikidata_date(value: str | None, where: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise RegistryFileError(f"{where}: {value!r} is not a date") from None


def _title(position: str, kind: str) -> str:
    """'President of France' -> 'President'; the kind's usual title when empty."""
    title = re.split(r"\s+of\s+(?:the\s+)?[A-Z]", position, maxsplit=1)[0].strip()
    fallback = {"head_of_state": "President", "head_of_government": "Prime Minister"}
    return (title or fallback.get(kind, "Foreign Minister"))[:120]


def registry_import(*, rows: list[dict]) -> RegistryReport:
    """Merge a Wikidata export: persons by QID first, then by name and country; a term is
    the same term when person, country, office kind and start agree (or an undated
    match already holds that office then)."""
    countries = _countries()
    report = RegistryReport()
    with transaction.atomic():
        by_qid = {
            leader.wikidata_id: leader
            for leader in Leader.objects.filter(wikidata_id__in={r["qid"] for r in rows})
        }
        names = _all_leaders_by_name()
        for row in rows:
            if row["country"] not in countries:
                report.refused.append(
                    f"line {row['line']}: {row['country'] or 'no country'} is not a known state"
                )
                continue
            leader = by_qid.get(row["qid"]) or _by_name(row, names, countries)
            if leader is None:
                leader = Leader(
                    name=row["name"], country_id=countries[row["country"]], title=row["title"]
                )
                report.persons_added += 1
            if leader.wikidata_id != row["qid"]:
                leader.wikidata_id = row["qid"]
                leader.save()
            by_qid[row["qid"]] = leader
            _import_term(row, leader, countries, report)
    registry_changed()
    return report


def _all_leaders_by_name() -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for key, leader_id in LeaderAlias.objects.filter(leader__merged_into__isnull=True).values_list(
        "key", "leader_id"
    ):
        index.setdefault(key, []).append(leader_id)
    return index


def _by_name(row, names, countries) -> Leader | None:
    ids = names.get(normalise_name(row["name"]), [])
    country_id = countries[row["country"]]
    for leader in Leader.objects.filter(pk__in=ids, wikidata_id__isnull=True).order_by("pk"):
        holds = leader.offices.filter(country_id=country_id).exists()
        if holds or leader.country_id in (None, country_id):
            return leader
    return None


def _import_term(row, leader, countries, report) -> None:
    values = {
        "leader_id": leader.pk,
        "country_id": countries[row["country"]],
        "kind": row["office"],
        "title": row["title"],
        "start": row["start"],
        "end": row["end"],
        "source": WIKIDATA_SOURCE.format(qid=row["qid"]),
    }
    same = Office.objects.filter(leader=leader, country_id=values["country_id"], kind=row["office"])
    office = same.filter(start=row["start"]).first() or _overlapping(same, row)
    if office is None:
        office = Office(confidence=1.0, **values)
        office.save()
        report.added += 1
        return
    values.pop("source")
    values.pop("title")  # the registry's own title ("President") beats Wikidata's label
    if _apply(office, values):
        office.save()
        report.changed += 1
    else:
        report.unchanged += 1


def _overlapping(terms, row) -> Office | None:
    end = row["end"] or dt.date.max
    for office in terms:
        if office.start <= end and row["start"] <= (office.end or dt.date.max):
            return office
    return None


# -- the extractor's snapshot ----------------------------------------------------------

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
