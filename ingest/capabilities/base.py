"""Cases, capabilities and the helpers every template module shares.

A capability is one behaviour ("a plain 'met' gives a meeting", "a warm welcome is no
gift") with a function that writes one random case of it.  Template modules register
theirs with :func:`capability`; :func:`ingest.capabilities.generate` calls each one
``per_capability`` times with a random generator seeded by the seed and the
capability's name, so adding a capability never changes another's cases.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from .fillers import MONTHS, WEEKDAYS, Fillers, Leader


@dataclass(frozen=True)
class Case:
    """One generated text, its publication date and what the extractor must find in it."""

    capability: str
    text: str
    published: dt.date
    expectations: tuple = ()
    leaders: tuple[Leader, ...] = ()  # the registry leaders the text names

    def failures(self, result) -> list[str]:
        """What the extraction misses, one line per expectation failed (empty: passed)."""
        return [m for m in (e.check(result) for e in self.expectations) if m is not None]


@dataclass(frozen=True)
class Draft:
    """What a template returns; `generate` adds the capability's name."""

    text: str
    published: dt.date
    expectations: tuple
    leaders: tuple[Leader, ...] = ()


Template = Callable[[Fillers, random.Random], Draft]


@dataclass(frozen=True)
class Capability:
    name: str
    template: Template
    description: str
    twin: str | None = None  # the capability that tests the opposite behaviour
    negative: bool = False  # its cases expect that nothing (of some kind) is found
    tags: tuple[str, ...] = field(default=())


CAPABILITIES: dict[str, Capability] = {}


def capability(name: str, *, twin: str | None = None, negative: bool = False):
    """Register a template under a capability name (its docstring is the description)."""

    def register(template: Template) -> Template:
        if name in CAPABILITIES:
            raise ValueError(f"capability {name} registered twice")
        description = (template.__doc__ or "").strip().splitlines()[0] if template.__doc__ else ""
        CAPABILITIES[name] = Capability(name, template, description, twin, negative)
        return template

    return register


# -- writing leaders and dates -------------------------------------------------------


def mention(leader: Leader, form: str) -> str:
    """A leader as news writes them: "full" (French President Emmanuel Macron),
    "titled" (President Emmanuel Macron), "bare" (Emmanuel Macron), "possessive"
    (Kenya's president, William Ruto,), "possessive_title" (Kenya's President William Ruto)
    or "after" (William Ruto, the president of Kenya,).
    The two appositive forms end with a comma; use them before a verb or a preposition."""
    if form == "full":
        return f"{leader.demonym} {leader.title} {leader.name}"
    if form == "titled":
        return f"{leader.title} {leader.name}"
    if form == "bare":
        return leader.name
    if form == "possessive":
        return f"{leader.possessive_country()} {leader.title.lower()}, {leader.name},"
    if form == "possessive_title":
        return f"{leader.possessive_country()} {leader.title} {leader.name}"
    if form == "after":
        return f"{leader.name}, the {leader.title.lower()} of {leader.country_name},"
    raise ValueError(form)


SIMPLE_FORMS = ("full", "full", "titled", "bare")


def simple(rng: random.Random, leader: Leader) -> str:
    """A leader in one of the forms without commas, the full form most often."""
    return mention(leader, rng.choice(SIMPLE_FORMS))


def date_phrase(rng: random.Random, published: dt.date) -> tuple[str, dt.date]:
    """A day before publication as news writes it, and that day: "on Tuesday",
    "on March 8", "on March 8, 2024"."""
    style = rng.choice(("weekday", "weekday", "month_day", "full"))
    if style == "weekday":
        day = published - dt.timedelta(days=rng.randint(1, 6))
        return f"on {WEEKDAYS[day.weekday()]}", day
    day = published - dt.timedelta(days=rng.randint(1, 25))
    if style == "month_day" and day.year == published.year:
        return f"on {MONTHS[day.month - 1]} {day.day}", day
    return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}", day


def two_leaders(fillers: Fillers, rng: random.Random) -> tuple[dt.date, Leader, Leader]:
    """A publication date and two leaders of different states in office on it."""
    published = fillers.published(rng)
    a, b = fillers.leaders(rng, published, 2)
    return published, a, b


def capitalised(text: str) -> str:
    """The first letter upper-cased, the rest untouched ("on March 8" -> "On March 8")."""
    return text[:1].upper() + text[1:]


def with_article(item: str) -> str:
    """ "a samurai sword", "an oil painting", "a pair of cufflinks"."""
    if item.startswith(("pair ", "bottle ", "first edition")):
        return "a " + item
    return ("an " if item[0] in "aeiou" else "a ") + item


def gold_leaders(*leaders: Leader) -> tuple[dict, ...]:
    return tuple(leader.as_gold() for leader in leaders)


def sentence(text: str) -> str:
    """Capitalise the first letter and tidy the spaces and commas templates leave."""
    text = " ".join(text.split())
    text = text.replace(",,", ",").replace(", .", ".").replace(",.", ".").replace(" ,", ",")
    return capitalised(text)
