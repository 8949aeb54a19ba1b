"""Importing a Wikidata export of office-holders (the ``import_registry`` command)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable

from django.db import transaction

from gazetteer.registry import (
    RegistryFileError,
)
from kb.models import Leader, LeaderAlias, Office
from kb.names import normalise_name
from kb.registry.snapshot import (
    registry_changed,
)
from kb.registry.terms import (
    RegistryReport,
    _apply,
    _countries,
)

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
