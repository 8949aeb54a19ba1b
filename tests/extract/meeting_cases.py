"""Shared cases of the generated meeting tests (test_meetings_*): real leaders with their
countries and capitals, pairs and groups of them, and the filling and checking of
templates.  The sentences are written for these tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday
MONDAY = dt.date(2024, 3, 11)  # the Monday before the fixtures' publication day
TUESDAY = dt.date(2024, 3, 12)
WEDNESDAY = dt.date(2024, 3, 13)
FRIDAY = dt.date(2024, 3, 8)


@dataclass(frozen=True)
class Leader:
    name: str
    title: str  # "Kenyan President"
    office: str  # "president"
    country: str  # ISO code
    country_name: str
    demonym: str
    capital: str
    pos: str  # possessive pronoun


RUTO = Leader(
    "William Ruto", "Kenyan President", "president", "KE", "Kenya", "Kenyan", "Nairobi", "his"
)
SCHOLZ = Leader(
    "Olaf Scholz", "German Chancellor", "chancellor", "DE", "Germany", "German", "Berlin", "his"
)
MACRON = Leader(
    "Emmanuel Macron", "French President", "president", "FR", "France", "French", "Paris", "his"
)
MODI = Leader(
    "Narendra Modi",
    "Indian Prime Minister",
    "prime minister",
    "IN",
    "India",
    "Indian",
    "New Delhi",
    "his",
)
KISHIDA = Leader(
    "Fumio Kishida",
    "Japanese Prime Minister",
    "prime minister",
    "JP",
    "Japan",
    "Japanese",
    "Tokyo",
    "his",
)
ALBANESE = Leader(
    "Anthony Albanese",
    "Australian Prime Minister",
    "prime minister",
    "AU",
    "Australia",
    "Australian",
    "Canberra",
    "his",
)
TINUBU = Leader(
    "Bola Tinubu", "Nigerian President", "president", "NG", "Nigeria", "Nigerian", "Abuja", "his"
)
RAMAPHOSA = Leader(
    "Cyril Ramaphosa",
    "South African President",
    "president",
    "ZA",
    "South Africa",
    "South African",
    "Pretoria",
    "his",
)
MELONI = Leader(
    "Giorgia Meloni",
    "Italian Prime Minister",
    "prime minister",
    "IT",
    "Italy",
    "Italian",
    "Rome",
    "her",
)
ERDOGAN = Leader(
    "Recep Tayyip Erdogan",
    "Turkish President",
    "president",
    "TR",
    "Turkey",
    "Turkish",
    "Ankara",
    "his",
)

# (guest A, host B): B's capital is where in-person meetings take place.
PAIRS = [
    (RUTO, SCHOLZ),
    (MACRON, MODI),
    (KISHIDA, ALBANESE),
    (TINUBU, RAMAPHOSA),
    (MELONI, ERDOGAN),
]
# Groups of four for meetings of several parties.
GROUPS = [
    (RUTO, SCHOLZ, TINUBU, RAMAPHOSA),
    (MACRON, MODI, KISHIDA, ALBANESE),
    (MELONI, ERDOGAN, MACRON, SCHOLZ),
]


@dataclass(frozen=True)
class Case:
    template: str
    kind: str | None = None
    host: str = "B"  # "A", "B" or "" for no host (calls)
    date: dt.date | None = None
    parties: int = 2  # how many of the filled leaders take part


def _ids(team):
    """A test id for a team of leaders: its first leader's surname."""
    return team[0].name.split()[-1]


def _people(ex):
    """Each extracted meeting's participants, as a set."""
    return [set(m.participants) for m in ex.meetings]


def _fill(template: str, leaders) -> str:
    values = {}
    for key, leader in zip("ABCD", leaders, strict=False):
        values[key] = leader.name
        values[key + "t"] = f"{leader.title} {leader.name}"
        values[key + "o"] = leader.office
        values[key + "O"] = leader.office.title()
        values[key + "c"] = leader.country_name
        values[key + "d"] = leader.demonym
        values[key + "cap"] = leader.capital
        values[key + "pos"] = leader.pos
        values[key + "he"] = "he" if leader.pos == "his" else "she"
    return template.format(**values)


def _cases(groups: dict, teams) -> list:
    return [
        pytest.param(case, team, id=f"{name}-{team[0].name.split()[-1]}")
        for name, case in groups.items()
        for team in teams
    ]


def _match(ex, names):
    return [m for m in ex.meetings if set(names) <= set(m.participants)]


def _check_held(run, case: Case, team) -> None:
    leaders = team[: case.parties]
    if "{D" not in case.template:
        leaders = [x for x in leaders if x is not team[3]] if case.parties == 4 else leaders
    ex = run(_fill(case.template, team))
    names = [leader.name for leader in leaders]
    found = _match(ex, names)
    assert found, [(m.participants, m.kind) for m in ex.meetings]
    m = found[0]
    assert set(m.participants) == set(names), m.participants
    if case.kind:
        assert m.kind == case.kind
    if case.host == "":
        assert m.host_country is None
    else:
        assert m.host_country == team[1].country
    if case.date:
        assert m.date == case.date
