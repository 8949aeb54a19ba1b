"""Who held which office, and when: the registry as the extractor sees it.

A `Registry` is a plain-data snapshot of the project's office-holders (persons, their
names and aliases, and their terms), built once per process from the database
(`kb.registry.snapshot.registry_snapshot`) or from the shipped file (`read_registry_file`), and
handed to the extractor. Nothing here imports Django or touches a database, so a lookup
costs a dictionary access, never a query.

The extractor asks it four questions:

- which registry names and aliases occur in a run of tokens (`match_at`), to recognise
  names the NER model misses or cuts short;
- who a name refers to on a date (`person_for`), telling namesakes apart by date and by
  the country the article gives;
- which office that person held on that date (`office_on`), for country and title;
- who held "the Indian prime minister"'s office on that date (`holder`).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

OFFICE_KINDS = (
    "head_of_state",
    "head_of_government",
    "monarch",
    "foreign_minister",
    "other_minister",
    "other",
)
# Offices that make their holder the one news means by "the French president" etc.
LEADING_KINDS = ("head_of_state", "monarch", "head_of_government")

FILE_COLUMNS = (
    "person_key",
    "name",
    "aliases",
    "country",
    "office",
    "title",
    "start",
    "end",
    "also_head_of_government",
    "source",
)

# States whose leaders' names put the family name first, as English news writes them.
# An alias's surname is another spelling of the name's when this close in letters.
SPELLING_MIN_SIMILARITY = 0.75
SPELLING_MIN_LETTERS = 4
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "KR", "KP", "VN", "SG", "KH"})

# The longest name or alias the matcher looks for, in words.
MAX_NAME_WORDS = 8


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name's lookup key: accent-free, casefolded, without punctuation or hyphens."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"'s\b", "", plain)
    plain = re.sub(r"[^\w\s]", " ", plain.replace("-", " "))
    return " ".join(plain.split())


# Words a registry name may begin with that news also writes as a title before the name
# ('Sultan Azlan Shah', 'Sheikh Tamim bin Hamad'): each name is also found without them.
NAME_TITLES = frozenset(
    "sultan sheikh shaikh sheik king queen emir amir prince princess crown emperor pope "
    "president prime minister chancellor premier general marshal dr sir".split()
)


# Letters that English-language news spells out in two ('Støre' as 'Stoere', 'Müller' as
# 'Mueller'); accent stripping alone gives the one-letter spelling ('Store', 'Muller').
_SPELLED_OUT = str.maketrans(
    {
        "ø": "oe",
        "Ø": "Oe",
        "æ": "ae",
        "Æ": "Ae",
        "å": "aa",
        "Å": "Aa",
        "ö": "oe",
        "Ö": "Oe",
        "ü": "ue",
        "Ü": "Ue",
        "ä": "ae",
        "Ä": "Ae",
        "ß": "ss",
    }
)


def _spelled_out(name: str) -> str:
    """The name with its Nordic and German letters written as news writes them in ASCII."""
    return name.translate(_SPELLED_OUT)


def _untitled_key(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in NAME_TITLES:
        words.pop(0)
    return " ".join(words)


@dataclass(frozen=True)
class Term:
    """One term in one office: [start, end] inclusive, end None while in office."""

    country: str
    kind: str
    title: str
    start: dt.date
    end: dt.date | None = None
    heads_government: bool = False

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def distance(self, day: dt.date) -> int:
        """Days between the date and this term (0 inside it)."""
        if self.covers(day):
            return 0
        if day < self.start:
            return (self.start - day).days
        return (day - self.end).days  # type: ignore[operator]

    @property
    def leading(self) -> bool:
        return self.kind in LEADING_KINDS


@dataclass(frozen=True)
class RegistryPerson:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(t.country for t in self.terms)

    def term_on(self, day: dt.date | None) -> Term | None:
        """The office held on that day (a leading office first); with no date, or none
        held then, the term nearest in time."""
        if not self.terms:
            return None
        if day is None:
            return max(self.terms, key=lambda t: (t.start, t.leading))
        return min(self.terms, key=lambda t: (t.distance(day), not t.leading, -t.start.toordinal()))


@dataclass
class Registry:
    """Persons by key, with indexes by full-name key, by surname, and by office."""

    persons: dict[str, RegistryPerson] = field(default_factory=dict)
    version: str = ""

    def __post_init__(self) -> None:
        self.by_name: dict[str, list[str]] = {}
        self.by_surname: dict[str, list[str]] = {}
        self.by_first_word: dict[str, set[int]] = {}  # first word -> lengths in words
        self.by_office: dict[tuple[str, str], list[tuple[Term, str]]] = {}
        for person in self.persons.values():
            self._index(person)
        self._index_spellings()

    def __len__(self) -> int:
        return len(self.persons)

    def _index(self, person: RegistryPerson) -> None:
        names = (person.name, *person.aliases)
        forms = [name_key(f) for f in names]
        forms += [name_key(_spelled_out(f)) for f in names if _spelled_out(f) != f]
        # without a leading title too, when two words or more remain ('azlan shah'; not a
        # bare 'charles' from 'King Charles', which would claim every Charles)
        forms += [
            untitled for key in forms if (untitled := _untitled_key(key)) != key and " " in untitled
        ]
        for key in forms:
            if not key:
                continue
            keys = self.by_name.setdefault(key, [])
            if person.key not in keys:
                keys.append(person.key)
            words = key.split()
            self.by_first_word.setdefault(words[0], set()).add(len(words))
        words = name_key(person.name).split()
        if "of" in words[1:]:
            words = words[: words.index("of", 1)]  # "Salman of Saudi Arabia": no surname "arabia"
        surnames = set(words[-1:])
        spelled = name_key(_spelled_out(person.name)).split()
        if words and spelled and len(spelled) == len(words):
            surnames.add(spelled[-1])  # 'Stoere' for 'Støre', 'Mueller' for 'Müller'
        if words and person.countries & FAMILY_NAME_FIRST:
            surnames.add(words[0])  # "Xi", "Moon", "Hun": the family name comes first
        for surname in surnames:
            self.by_surname.setdefault(surname, []).append(person.key)
        for term in person.terms:
            self.by_office.setdefault((term.country, term.kind), []).append((term, person.key))

    def _index_spellings(self) -> None:
        """Surnames of aliases that spell the name another way ('Volodymyr Zelensky' for
        'Volodymyr Zelenskyy', 'Hassan Rowhani'): the article that writes the surname
        alone in its own spelling means the same person. Only an alias with the name's
        first word and number of words whose last word is close in letters, and never a
        word any registry name uses as a given name ('Hamad', 'Saleh')."""
        given = {
            word
            for person in self.persons.values()
            for name in (person.name, *person.aliases)
            for word in name_key(name).split()[:-1]
        }
        for person in self.persons.values():
            words = name_key(person.name).split()
            if len(words) < 2:
                continue
            for alias in person.aliases:
                variant = name_key(alias).split()
                surname = variant[-1] if variant else ""
                if (
                    len(variant) != len(words)
                    or variant[0] != words[0]
                    or surname == words[-1]
                    or len(surname) < SPELLING_MIN_LETTERS
                    or surname in given
                    or difflib.SequenceMatcher(None, surname, words[-1]).ratio()
                    < SPELLING_MIN_SIMILARITY
                ):
                    continue
                keys = self.by_surname.setdefault(surname, [])
                if person.key not in keys:
                    keys.append(person.key)

    # -- questions -----------------------------------------------------------------
    def match_at(self, words: list[str]) -> int:
        """How many of these words (from the first) form a registry name; 0 if none.

        The longest name wins. Words that are only punctuation ("Moo - hyun") count
        towards the length but not the name. One-word aliases count ("Jokowi", "AMLO"):
        the caller only asks at capitalised proper nouns."""
        if not words or name_key(words[0]) not in self.by_first_word:
            return 0
        keys = [name_key(w) for w in words[: MAX_NAME_WORDS + 4]]
        for n in range(len(keys), 0, -1):
            if keys[n - 1] and " ".join(k for k in keys[:n] if k) in self.by_name:
                return n
        return 0

    def person(self, key: str) -> RegistryPerson:
        return self.persons[key]

    def person_for(
        self, names: Iterable[str], day: dt.date | None, country: str | None = None
    ) -> RegistryPerson | None:
        """The registry person these names denote on that day, or None.

        A name matches on its whole key (full name or alias). Namesakes are told apart
        by the country the article gives, then by who held office nearest that day."""
        keys: list[str] = []
        for name in names:
            for key in self.by_name.get(name_key(name), ()):
                if key not in keys:
                    keys.append(key)
        return self._choose(keys, day, country)

    def knows_surname(self, word: str) -> bool:
        return name_key(word) in self.by_surname

    def person_by_surname(
        self, surname: str, day: dt.date | None, country: str | None = None, *, ever=False
    ) -> RegistryPerson | None:
        """A person known by surname alone: the only one who held office on that day (or,
        with ``ever``, the only one of that surname the registry has)."""
        if day is None and not ever:
            return None
        keys = [
            k
            for k in self.by_surname.get(name_key(surname), ())
            if ever or any(t.covers(day) for t in self.persons[k].terms)
        ]
        if country:
            keys = [k for k in keys if country in self.persons[k].countries]
        return self.persons[keys[0]] if len(keys) == 1 else None

    def _choose(
        self, keys: list[str], day: dt.date | None, country: str | None
    ) -> RegistryPerson | None:
        persons = [self.persons[k] for k in keys]
        if country:
            persons = [p for p in persons if country in p.countries]
        if not persons:
            return None
        if len(persons) == 1 or day is None:
            return persons[0] if len(persons) == 1 else None

        def nearest(p: RegistryPerson) -> int:
            term = p.term_on(day)
            return term.distance(day) if term else 1 << 30

        ranked = sorted(persons, key=nearest)
        if len(ranked) > 1 and nearest(ranked[0]) == nearest(ranked[1]):
            return None  # two namesakes equally plausible: no guess
        return ranked[0]

    def office_on(self, person: RegistryPerson, day: dt.date | None) -> Term | None:
        return person.term_on(day)

    def holder(self, country: str, kinds: Iterable[str], day: dt.date | None) -> str | None:
        """The key of the person holding one of these offices of that country on that day."""
        if day is None:
            return None
        found = []
        for kind in kinds:
            for term, key in self.by_office.get((country, kind), ()):
                if term.covers(day) and key not in found:
                    found.append(key)
        return found[0] if len(found) == 1 else None

    def holder_titled(self, country: str, title: str, day: dt.date | None) -> str | None:
        """The key of the one person whose office of that country, held on that day, goes
        by this title ('prime minister', 'president', 'emir'); None if none or several."""
        if day is None or not title:
            return None
        wanted = name_key(title)
        found = []
        for kind in OFFICE_KINDS:
            for term, key in self.by_office.get((country, kind), ()):
                titled = name_key(term.title)
                if (titled == wanted or titled.endswith(" " + wanted)) and term.covers(day):
                    if key not in found:
                        found.append(key)
        return found[0] if len(found) == 1 else None


EMPTY = Registry()


class RegistryFileError(ValueError):
    """A registry file that cannot be read; the message names the line."""


def parse_registry_rows(lines: Iterable[str], *, where: str = "registry") -> list[dict]:
    """The rows of a registry file as dicts, every field checked; raises RegistryFileError
    naming the first bad line. Country codes are checked by the caller, which knows them."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != FILE_COLUMNS:
        raise RegistryFileError(f"{where}, line 1: the header must be {','.join(FILE_COLUMNS)}")
    rows = []
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(FILE_COLUMNS):
            raise RegistryFileError(
                f"{where}, line {number}: {len(values)} fields, expected {len(FILE_COLUMNS)}"
            )
        row = dict(zip(FILE_COLUMNS, (v.strip() for v in values), strict=True))
        row["line"] = number
        rows.append(_checked(row, f"{where}, line {number}"))
    return rows


def _checked(row: dict, where: str) -> dict:
    if not row["person_key"] or not row["name"]:
        raise RegistryFileError(f"{where}: person_key and name are required")
    if row["office"] not in OFFICE_KINDS:
        raise RegistryFileError(f"{where}: unknown office {row['office']!r}")
    if not re.fullmatch(r"[A-Z]{2}", row["country"]):
        raise RegistryFileError(f"{where}: country must be an ISO 3166 alpha-2 code")
    try:
        row["start"] = dt.date.fromisoformat(row["start"])
        row["end"] = dt.date.fromisoformat(row["end"]) if row["end"] else None
    except ValueError:
        raise RegistryFileError(f"{where}: dates must be YYYY-MM-DD") from None
    if row["end"] and row["end"] < row["start"]:
        raise RegistryFileError(f"{where}: the term ends ({row['end']}) before it starts")
    if row["also_head_of_government"] not in ("", "1"):
        raise RegistryFileError(f"{where}: also_head_of_government is 1 or empty")
    row["also_head_of_government"] = row["also_head_of_government"] == "1"
    row["aliases"] = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    return row


def registry_from_rows(rows: Iterable[dict], *, version: str = "") -> Registry:
    """Build a snapshot from rows shaped like `parse_registry_rows`' output."""
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    terms: dict[str, list[Term]] = {}
    for row in rows:
        key = row["person_key"]
        names.setdefault(key, row["name"])
        bucket = aliases.setdefault(key, [])
        bucket.extend(a for a in row["aliases"] if a not in bucket)
        terms.setdefault(key, []).append(
            Term(
                country=row["country"],
                kind=row["office"],
                title=row["title"],
                start=row["start"],
                end=row["end"],
                heads_government=row["also_head_of_government"],
            )
        )
    persons = {
        key: RegistryPerson(key, names[key], tuple(aliases[key]), tuple(terms[key]))
        for key in names
    }
    return Registry(persons, version=version)


SHIPPED_FILE = Path(__file__).resolve().parents[1] / "kb" / "data" / "registry.csv"


def read_registry_file(path: Path = SHIPPED_FILE) -> Registry:
    """The snapshot of a registry file (the shipped one by default)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return registry_from_rows(parse_registry_rows(handle, where=str(path)))
