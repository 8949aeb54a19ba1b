"""What loading and importing share: the report of a run, and the steps that match, check
and write a person's terms without overwriting what an editor set."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.registry import (
    LEADING_KINDS,
    RegistryFileError,
)
from kb.models import Country, Leader, LeaderAlias, Office

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
