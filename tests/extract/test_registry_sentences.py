"""A generated suite: 600 sentences that name two registry leaders by title and name only
("President X met Prime Minister Y on Tuesday"), dated inside both terms. The extractor,
given the shipped registry, must give every leader found the country of the office held
that day, and find (nearly) every name whole.

The sentences come from the shipped registry file and a fixed seed: no article's text."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from gazetteer.registry import LEADING_KINDS, read_registry_file
from ingest.evaluation.matching import normalise_name
from ingest.extract import extract_many
from ingest.extract.countries import soviet

SENTENCES = 600
SEED = 20261206
TEMPLATES = (
    "{a} met {b} on {day}.",
    "{a} held talks with {b} in the capital on {day}.",
    "{a} and {b} met on {day} to discuss trade and energy.",
    "{a} received {b} for talks on {day}.",
    "{a} welcomed {b} to talks on {day}.",
    "{a} hosted {b} for a working lunch on {day}.",
)
REGNAL = {"king", "queen", "emperor", "empress", "pope", "emir", "sultan", "prince", "grand"}


#: Titles news writes before a name, by office; a registry title outside these (an interim
#: council's chairman, say) is written as the office's usual title.
COMMON_TITLES = {
    "head_of_state": {"President", "King", "Queen", "Emir", "Sultan", "Grand Duke", "Prince"},
    "monarch": {"King", "Queen", "Emir", "Sultan", "Grand Duke", "Prince", "Emperor"},
    "head_of_government": {"Prime Minister", "Chancellor", "Premier", "President", "Taoiseach"},
}
DEFAULT_TITLE = {
    "head_of_state": "President",
    "monarch": "King",
    "head_of_government": "Prime Minister",
}


def _title(term) -> str:
    return term.title if term.title in COMMON_TITLES[term.kind] else DEFAULT_TITLE[term.kind]


def _candidates(registry):
    """(person, term) pairs: leading offices held since 1990, named as news names them."""
    out = []
    for person in registry.persons.values():
        if len(person.name.split()) < 2:
            continue
        for term in person.terms:
            if term.kind in LEADING_KINDS and (term.end is None or term.end.year >= 1990):
                if (term.end or dt.date(2025, 12, 31)) - max(term.start, dt.date(1990, 1, 1)) > (
                    dt.timedelta(days=60)
                ):
                    out.append((person, term))
    return out


def _overlap(a, b):
    start = max(a.start, b.start, dt.date(1990, 1, 1))
    end = min(a.end or dt.date(2025, 12, 31), b.end or dt.date(2025, 12, 31))
    return (start, end) if end - start > dt.timedelta(days=14) else None


def generated_sentences(registry, n: int = SENTENCES, seed: int = SEED):
    """[(text, published, {name: country})], deterministic for a given registry."""
    rng = random.Random(seed)
    pool = _candidates(registry)
    by_decade: dict[int, list] = {}
    for person, term in pool:
        by_decade.setdefault(term.start.year // 5, []).append((person, term))
    out, tries = [], 0
    while len(out) < n and tries < n * 200:
        tries += 1
        first, term_a = rng.choice(pool)
        near = by_decade.get(term_a.start.year // 5, []) + by_decade.get(
            term_a.start.year // 5 + 1, []
        )
        second, term_b = rng.choice(near or pool)
        if first.key == second.key or term_a.country == term_b.country:
            continue
        span = _overlap(term_a, term_b)
        if span is None:
            continue
        day = span[0] + dt.timedelta(days=rng.randrange(1, (span[1] - span[0]).days))
        # the sentence says "on Tuesday": the article is published later that week
        weekday = day.strftime("%A")
        published = day + dt.timedelta(days=rng.choice((1, 2, 3)))
        text = rng.choice(TEMPLATES).format(
            a=f"{_title(term_a)} {first.name}",
            b=f"{_title(term_b)} {second.name}",
            day=weekday,
        )
        text = text[0].upper() + text[1:]
        # the extractor's convention: Russia before 1992 is the Soviet Union
        countries = (soviet(term_a.country, published), soviet(term_b.country, published))
        out.append((text, published, dict(zip((first.name, second.name), countries, strict=True))))
    return out


def _key(name: str) -> str:
    words = normalise_name(name).split()
    while len(words) > 1 and words[0] in REGNAL:
        words.pop(0)
    return " ".join(words)


@pytest.fixture(scope="module")
def results(nlp):
    registry = read_registry_file()
    cases = generated_sentences(registry)
    extractions = list(
        extract_many(((t, p) for t, p, _ in cases), nlp=nlp, registry=registry, batch_size=64)
    )
    return cases, extractions


def test_the_suite_has_enough_sentences(results):
    cases, _ = results
    assert len(cases) >= 500


def test_every_leader_found_has_the_country_of_the_office_held_that_day(results):
    wrong = []
    for (text, _, expected), extraction in zip(*results, strict=True):
        wanted = {_key(n): c for n, c in expected.items()}
        for leader in extraction.leaders:
            if _key(leader.name) in wanted and leader.country != wanted[_key(leader.name)]:
                wrong.append(f"{text} -> {leader.name}: {leader.country}")
    assert not wrong, "\n".join(wrong[:20])


def test_nearly_every_name_is_found_whole(results):
    cases, extractions = results
    missed, total = [], 0
    for (text, _, expected), extraction in zip(cases, extractions, strict=True):
        found = {_key(m.name) for m in extraction.leaders}
        for name in expected:
            total += 1
            if _key(name) not in found:
                missed.append(f"{text} -> {sorted(found)}")
    accuracy = 1 - len(missed) / total
    assert accuracy >= 0.98, f"name accuracy {accuracy:.3f}:\n" + "\n".join(missed[:30])
