"""The fillers the templates draw from: real leaders, countries, places, dates, words.

Leaders come from the shipped registry (``kb/data/registry.csv``, read once per process
through :func:`gazetteer.registry.read_registry_file`): for a publication date, the
people who held a leading office (president, prime minister, chancellor, king, emir...)
of a sovereign state on that day, with the title and country of that office.  Names are
kept when the whole registry gives them to one person only and they are plain words
("Emmanuel Macron", "Cyril Ramaphosa"), so that a case tests one capability and not the
reading of a rare name; reading names is :mod:`ingest.capabilities.people`'s business.

Countries, demonyms and capitals come from :mod:`gazetteer.geo_data`.  Everything
else (gift items, agreement subjects, figurative objects) is written here.  Nothing in
this module touches Django or spaCy.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from functools import cached_property

from gazetteer.geo_data import STATES
from gazetteer.registry import (
    FAMILY_NAME_FIRST,
    NAME_TITLES,
    Registry,
    name_key,
    read_registry_file,
)

# The registry titles a template can write in front of a name, and how news writes them.
# Monarchs are left out: news and the gold files name them with their title ("King
# Charles III", "Queen Elizabeth II"), which is a matter for the names capabilities.
TITLES = {
    "President": "President",
    "Prime Minister": "Prime Minister",
    "Chancellor": "Chancellor",
    "Premier": "Premier",
    "Taoiseach": "Taoiseach",
}
LEADING_KINDS = ("head_of_state", "head_of_government")
# Where news calls a leader by the first word of the name (the family name), or by
# the whole name (no family name: "Win Myint", "Joko Widodo" is "Jokowi" or "Widodo").
SHORT_NAME_FIRST = FAMILY_NAME_FIRST
SHORT_NAME_WHOLE = frozenset({"MM", "TH", "ID", "KH", "LA"})
# A name word: capitalised letters, maybe with an inner hyphen or apostrophe.
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'][A-Za-zÀ-ÿ][a-zß-ÿ]*)?")
# Publication dates run over these years: the registry is densest here.
FIRST_YEAR, LAST_YEAR = 1995, 2025
DATE_POOL = 160  # distinct publication dates per seed (leaders are looked up per date)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct")
SHORT_MONTHS += ("Nov", "Dec")


@dataclass(frozen=True)
class Leader:
    """A registry person as a template writes them, on one date."""

    name: str
    country: str  # ISO alpha-2
    title: str  # "President", "Prime Minister", ...
    country_name: str  # "Kenya", "the United States"
    demonym: str  # "Kenyan"
    capital: str

    @property
    def family_name(self) -> str:
        """ "Macron", "Xi": the name a spouse shares."""
        words = self.name.split()
        return words[0] if self.country in SHORT_NAME_FIRST else words[-1]

    @property
    def surname(self) -> str:
        """How news names the leader the second time: "Macron", "Xi", "Win Myint"."""
        return self.name if self.country in SHORT_NAME_WHOLE else self.family_name

    def possessive_country(self) -> str:
        """ "Kenya's", "the Philippines'"."""
        return self.country_name + ("'" if self.country_name.endswith("s") else "'s")

    def as_gold(self) -> dict:
        return {"name": self.name, "country": self.country, "title": self.title}


@dataclass(frozen=True)
class State:
    code: str
    name: str  # with "the" where English needs it
    demonym: str
    capital: str


def _with_article(name: str) -> str:
    needs = ("United", "Republic", "Islands", "Kingdom", "Emirates", "Netherlands")
    if any(word in name for word in needs) or name in ("Philippines", "Bahamas", "Gambia"):
        return "the " + name
    return name


# Where news writes another adjective in front of a title than the demonym list's first.
TITLE_ADJECTIVES = {"US": "U.S."}


def _states() -> dict[str, State]:
    states = {}
    for code, (name, _, demonyms, capitals) in STATES.items():
        if demonyms and capitals:
            demonym = TITLE_ADJECTIVES.get(code, demonyms[0])
            states[code] = State(code, _with_article(name), demonym, capitals[0])
    return states


STATES_BY_CODE = _states()


def plain_name(name: str) -> bool:
    """Two or three capitalised words, none a title ("Cyril Ramaphosa"; not "Sheikh
    Hasina", whose first word the extractor may read as a title)."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and not any(name_key(w) in NAME_TITLES for w in words)
    )


_registry: Registry | None = None


def shipped_registry() -> Registry:
    """The shipped registry file, read once per process."""
    global _registry
    if _registry is None:
        _registry = read_registry_file()
    return _registry


class Fillers:
    """Seeded access to the fillers; one per generation run."""

    def __init__(self, seed: int, registry: Registry | None = None):
        self.seed = seed
        self.registry = registry if registry is not None else shipped_registry()
        self._leaders_on: dict[dt.date, tuple[Leader, ...]] = {}

    # -- leaders ------------------------------------------------------------------
    @cached_property
    def _eligible(self) -> list[tuple[object, object]]:
        """(person, term) for every leading term whose holder a template can name."""
        found = []
        for person in self.registry.persons.values():
            if not plain_name(person.name):
                continue
            if len(self.registry.by_name.get(name_key(person.name), ())) != 1:
                continue
            for term in person.terms:
                if (
                    term.kind in LEADING_KINDS
                    and term.title in TITLES
                    and term.country in STATES_BY_CODE
                ):
                    found.append((person, term))
        return found

    @cached_property
    def dates(self) -> tuple[dt.date, ...]:
        """The publication dates of this seed: each has leaders of at least four states."""
        rng = random.Random(f"{self.seed}:dates")
        first = dt.date(FIRST_YEAR, 1, 1).toordinal()
        last = dt.date(LAST_YEAR, 12, 31).toordinal()
        found: list[dt.date] = []
        while len(found) < DATE_POOL:
            day = dt.date.fromordinal(rng.randint(first, last))
            if len({leader.country for leader in self.leaders_on(day)}) >= 4:
                found.append(day)
        return tuple(found)

    def leaders_on(self, day: dt.date) -> tuple[Leader, ...]:
        """Everyone a template may name on that day, in registry order."""
        if day not in self._leaders_on:
            leaders = []
            for person, term in self._eligible:
                # the office the registry itself gives for that day, so a case's
                # expected country is the one `person_for`/`office_on` would give
                if term.covers(day) and person.term_on(day) == term:
                    state = STATES_BY_CODE[term.country]
                    leaders.append(
                        Leader(
                            name=person.name,
                            country=term.country,
                            title=TITLES[term.title],
                            country_name=state.name,
                            demonym=state.demonym,
                            capital=state.capital,
                        )
                    )
            self._leaders_on[day] = tuple(leaders)
        return self._leaders_on[day]

    def published(self, rng: random.Random) -> dt.date:
        return rng.choice(self.dates)

    def leaders(self, rng: random.Random, day: dt.date, n: int) -> list[Leader]:
        """n leaders of n different states, in office on that day (distinct surnames)."""
        pool = list(self.leaders_on(day))
        rng.shuffle(pool)
        chosen: list[Leader] = []
        for leader in pool:
            if all(leader.country != c.country and leader.surname != c.surname for c in chosen):
                chosen.append(leader)
                if len(chosen) == n:
                    return chosen
        raise LookupError(f"fewer than {n} leaders of different states on {day}")

    def other_state(self, rng: random.Random, *exclude: str) -> State:
        codes = sorted(set(STATES_BY_CODE) - set(exclude))
        return STATES_BY_CODE[rng.choice(codes)]


# -- words -------------------------------------------------------------------------

GIFT_ITEMS = (
    "samurai sword",
    "porcelain vase",
    "silk carpet",
    "bronze statue",
    "silver tea set",
    "oil painting",
    "hand-woven rug",
    "ceremonial dagger",
    "leather-bound atlas",
    "crystal bowl",
    "carved wooden chest",
    "gold watch",
    "antique globe",
    "framed photograph",
    "ceramic plate",
    "jade figurine",
    "model sailing ship",
    "fountain pen",
    "woollen blanket",
    "cricket bat",
    "signed football",
    "bottle of vintage wine",
    "first edition of a novel",
    "copper lantern",
    "embroidered scarf",
    "marble chess set",
    "pair of cufflinks",
    "horse saddle",
    "walking stick",
    "lacquered box",
)
SPOUSE_ITEMS = (
    "diamond necklace",
    "pearl bracelet",
    "silk shawl",
    "silver brooch",
    "cashmere scarf",
    "jewellery box",
)
COUPLE_ITEMS = ("vintage camera", "photo album", "handmade quilt", "crystal decanter")
# Spouses are not office holders; templates give them a first name and the leader's surname.
SPOUSE_FIRST_NAMES = ("Margaret", "Helena", "Claire", "Ingrid", "Lucia", "Amina", "Sofia")

# Things "given" that are not gifts, and "received" things that are not gifts.
FIGURATIVE_GIVE = (
    "a warm welcome",
    "a taste of the local cuisine",
    "assurances of support",
    "his full backing",
    "a tour of the palace",
    "a briefing on the talks",
    "an update on the negotiations",
    "the green light for the project",
    "a standing ovation",
    "a firm handshake",
)
FIGURATIVE_RECEIVE = (
    "received a phone call from",
    "received a visit from",
    "received criticism from",
    "received a letter of protest from",
    "received a warm welcome from",
    "received assurances from",
)

SUBJECTS = (
    "critical minerals",
    "energy security",
    "mental health cooperation",
    "renewable energy",
    "maritime security",
    "digital trade",
    "vocational training",
    "water management",
    "space research",
    "public health",
    "agricultural research",
    "cultural exchanges",
    "tourism promotion",
    "railway construction",
    "cyber security",
    "nuclear safety",
    "customs cooperation",
    "fisheries management",
    "higher education",
    "disaster relief",
)
# Kinds of documents: (the phrase a template writes, the schema kind).
DOCUMENTS = (
    ("an agreement", "agreement"),
    ("a memorandum of understanding", "mou"),
    ("an MoU", "mou"),
    ("a treaty", "treaty"),
    ("a joint declaration", "declaration"),
)
NAMED_DOCUMENT_NOUNS = (
    ("Agreement", "agreement"),
    ("Treaty", "treaty"),
    ("Memorandum of Understanding", "mou"),
    ("Declaration", "declaration"),
)
NUMBER_WORDS = {
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
}

CONFLICT_TOPICS = (
    "to discuss the war in {place}",
    "amid tensions over sanctions",
    "to discuss the conflict in {place}",
    "as fighting continued in {place}",
    "amid a dispute over tariffs",
    "to address the border clashes",
    "to seek an end to the fighting in {place}",
    "after weeks of protests in {place}",
)
CONFLICT_PLACES = ("Ukraine", "Sudan", "Gaza", "the Sahel", "Yemen", "the region")

BYLINE_NAMES = ("Anna Holloway", "Peter Lindqvist", "Maria Estrada", "Tom Whitcombe")
