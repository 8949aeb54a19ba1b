"""The name rules as a table, and `name_spans`, which runs them.

Each rule is one construction that shows a personal name, with the finder that reads
it, the confidence a name it finds is given, and example sentences (its tests: every
example must give its name through the rule's finder alone and through `name_spans`).
A rule's name ('leader.titled') is what the evidence of a leader first named by it says
(`pipeline._leader`); with the one way a person comes in without a name of the
article's, these rows are the people stage's table (`person_rules.PERSON_RULES`).

Order matters and is the table's order: the NER and registry names come first, the
names after titles may lengthen them, then each later rule adds names over words no
earlier rule took (a later rule may take in shorter names inside its own span); last,
bare surnames of the people named so far.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..lexicon import HONORIFICS, TITLE_HEADS, TITLE_SET
from . import finders, partners, registry_spans
from .bounds import initials_before, joins_hyphen
from .outlets import names_an_outlet
from .tokens import PARTICLES, after_job_words, keeps_sheikh, prefixes_of


@dataclass(frozen=True)
class NameSpan:
    """A personal name's token span and the rule that found it (its name)."""

    start: int
    end: int
    rule: str
    confidence: float = 0.9


@dataclass(frozen=True)
class NameContext:
    """What a name finder reads besides the document."""

    doc: Any
    prefixes: frozenset  # honorific and rank tokens before names
    registry: Any = None
    published: Any = None
    titled: tuple = ()  # the spans after title words, computed once
    known: frozenset = frozenset()  # name words of the names found so far


Finder = Callable[[NameContext, set], list]


@dataclass(frozen=True)
class NameRule:
    name: str  # what its evidence says: 'leader.' and the construction
    pattern: str  # the construction, in words
    confidence: float
    find: Finder | None  # (context, taken token indices) -> [(start, end)]; None: no names
    examples: tuple = ()  # (sentence, the name it shows)


def _registry(ctx: NameContext, taken: set) -> list:
    if not ctx.registry:
        return []
    return registry_spans.registry_names(ctx.doc, ctx.registry, ctx.published, ctx.prefixes)


NAME_RULES = (
    NameRule(
        "leader.entity",
        "a PERSON entity, less titles, honorifics, ranks and possessive endings",
        0.9,
        lambda ctx, taken: finders.entity_names(ctx.doc, ctx.prefixes),
        (
            ("The talks were chaired by Daniel Okafor on Monday.", "Daniel Okafor"),
            (
                "The fair was opened by Emir Sheikh Faris bin Nayef Al Otaibi.",
                "Faris bin Nayef Al Otaibi",
            ),
            # a given name's lower-case syllable after a hyphen ends no name
            ("President Ana Fuentes met Ban Ki-moon in Lima on Monday.", "Ban Ki-moon"),
            ("President Ana Fuentes met Moon Jae-in in Seoul on Monday.", "Moon Jae-in"),
            # a family name written like a preposition, made a name first (names.repair)
            ("PM Vikram Sethi met To Lam in Hanoi on Monday.", "To Lam"),
        ),
    ),
    NameRule(
        "leader.registry",
        "a registry name or alias, or the surname of the one office-holder who bears it",
        0.9,
        _registry,
    ),
    NameRule(
        "leader.titled",
        "a proper-noun run after a title, rank or role noun ('Chancellor X Y')",
        0.9,
        lambda ctx, taken: [(s, e) for s, e in ctx.titled if s not in taken],
        (
            ("Chancellor Ottilie Brandvik opened the session.", "Ottilie Brandvik"),
            ("PM Vikram Sethi opened the session.", "Vikram Sethi"),
            ("Prime Minister (PM) Vikram Sethi opened the session.", "Vikram Sethi"),
            ("Pres. Ana Fuentes met him on Monday.", "Ana Fuentes"),
            # a generational suffix and its dot stay with the name (ingest.nlp)
            ("President Marko Belic Sr. met him on Monday.", "Marko Belic Sr."),
            ("President Marko Belic Jr. met him on Monday.", "Marko Belic Jr."),
            ("FM Aidar Temirbekov met him on Monday.", "Aidar Temirbekov"),
            ("Secretary of Defense Harlan Moss toured the base.", "Harlan Moss"),
            (
                "Crown Prince Sultan bin Rakan Al Dosari opened the fair.",
                "Sultan bin Rakan Al Dosari",
            ),
        ),
    ),
    NameRule(
        "leader.of_country",
        "two or more name words right after '<title> of <country>'",
        0.9,
        lambda ctx, taken: finders.of_country_names(ctx.doc, taken, ctx.prefixes),
        (
            (
                "He met the Defence Minister of Kazakhstan Aidar Temirbekov on Friday.",
                "Aidar Temirbekov",
            ),
        ),
    ),
    NameRule(
        "leader.listed",
        "names after 'the <titles> of <country>, ..., of <country>, ...'",
        0.9,
        lambda ctx, taken: finders.listed_names(ctx.doc, taken),
        (
            (
                "The presidents of Senegal, Ousmane Diallo, and of Mali, Bakary Traore, met.",
                "Bakary Traore",
            ),
        ),
    ),
    NameRule(
        "leader.interleaved",
        "names each after its country in 'the <titles> of <country> <name>, <country> "
        "<name> and ...'; over any span that took the country in",
        0.9,
        lambda ctx, taken: finders.interleaved_names(ctx.doc),
        (
            (
                "The presidents of Senegal Ousmane Diallo and Mali Bakary Traore met.",
                "Bakary Traore",
            ),
            (
                "The prime ministers of Chile Tomas Herrera, Peru Lina Haddad and Norway "
                "Pieter Claes met in Lima.",
                "Tomas Herrera",
            ),
        ),
    ),
    NameRule(
        "leader.appositive",
        "an ORG/GPE/NORP-tagged name set off by a comma from a title or spouse noun (one "
        "word only with the title in apposition)",
        0.9,
        lambda ctx, taken: finders.appositive_names(ctx.doc, taken),
        (
            ("Tolga Arslan, the prime minister of Turkey, arrived.", "Tolga Arslan"),
            ("President Ana Fuentes met Prabowo, Indonesia's president, in Jakarta.", "Prabowo"),
        ),
    ),
    NameRule(
        "leader.country_possessive",
        "two to four name words right after a country's possessive, no title between",
        0.9,
        lambda ctx, taken: finders.country_possessive_names(ctx.doc, taken),
        (("The talks included Bolivia's Ana Fuentes.", "Ana Fuentes"),),
    ),
    NameRule(
        "leader.coordinated",
        "a proper-noun name coordinated with a PERSON the tagger found",
        0.9,
        lambda ctx, taken: finders.coordinated_names(ctx.doc, taken),
    ),
    NameRule(
        "leader.partner",
        "two to four name words, untagged or tagged a body (then shown as a person's name "
        "elsewhere), on one side of a meeting whose other side is a name found ('X met Y', "
        "'X held talks with Y')",
        0.85,
        lambda ctx, taken: partners.partner_names(ctx.doc, taken),
        (
            (
                "President Kwame Mensah held talks with Bakary Traore on Monday. Traore, the "
                "Malian prime minister, called the talks useful.",
                "Bakary Traore",
            ),
            (
                "Prime Minister Vikram Sethi met Ana Fuentes in Lima on Monday. Fuentes, "
                "Peru's president, hosted a dinner.",
                "Ana Fuentes",
            ),
            (
                "Navin Ramgoolam met Prime Minister Vikram Sethi on Friday. Ramgoolam, the "
                "Mauritian prime minister, called the talks warm.",
                "Navin Ramgoolam",
            ),
        ),
    ),
    NameRule(
        "leader.particle",
        "an ORG-tagged 'Given de/von/van Surname' with no institution word",
        0.9,
        lambda ctx, taken: finders.particle_names(ctx.doc, taken),
        (("A letter from Marie de Villiers was read out.", "Marie de Villiers"),),
    ),
    NameRule(
        "leader.surname",
        "a later mention of a name word already found, or a family ('the Lopeses')",
        0.9,
        lambda ctx, taken: registry_spans.surname_mentions(ctx.doc, ctx.known, taken, ctx.prefixes),
    ),
)
RULES_BY_NAME = {rule.name: rule for rule in NAME_RULES}
# The rules that add names over words no earlier rule took, in order.
_ADDING = (
    "leader.titled",
    "leader.of_country",
    "leader.listed",
    "leader.appositive",
    "leader.country_possessive",
    "leader.coordinated",
    "leader.partner",
    "leader.particle",
)


def _name_words(doc, spans) -> frozenset:
    return frozenset(
        t.text
        for s, e in spans
        for t in doc[s:e]
        if len(t.text) > 1
        and t.lower_ not in PARTICLES
        and t.lower_ not in TITLE_SET
        and t.lower_ not in TITLE_HEADS
        and t.lower_ not in HONORIFICS
        and t.is_title
        and not t.like_num
    )


def name_spans(idx) -> list[NameSpan]:
    """Sorted, non-overlapping spans of personal names, each with its rule."""
    doc = idx.doc
    prefixes = prefixes_of(idx)
    ctx = NameContext(
        doc,
        prefixes,
        getattr(idx, "registry", None),
        getattr(idx, "published", None),
        tuple(finders.titled_names(doc, set(), prefixes)),
    )
    rule_of: dict = {}
    entities = RULES_BY_NAME["leader.entity"].find(ctx, set())
    found = RULES_BY_NAME["leader.registry"].find(ctx, set())
    rule_of.update({span: "leader.entity" for span in entities})
    rule_of.update({span: "leader.registry" for span in found})
    spans = registry_spans.with_registry_names(entities, found)
    longer = finders.longer_after_title(doc, spans, list(ctx.titled))
    for old, new in zip(spans, longer, strict=True):
        if new != old:
            rule_of[new] = rule_of.get(old, "leader.entity")
    spans = longer
    for s, e in RULES_BY_NAME["leader.interleaved"].find(ctx, set()):
        # 'of [Chile Tomas Herrera]' tagged as one person: the country is no part of it
        spans = [(a, b) for a, b in spans if b <= s or e <= a] + [(s, e)]
        rule_of[(s, e)] = "leader.interleaved"
    taken = {i for s, e in spans for i in range(s, e)}
    for n, rule_name in enumerate(_ADDING):
        for s, e in RULES_BY_NAME[rule_name].find(ctx, taken):
            while s < e and s in prefixes:
                s += 1  # "of Tajikistan, [Colonel General] X"
            if s >= e:
                continue
            inside = [(a, b) for a, b in spans if a < e and s < b]
            # a listed or appositive name may take in a surname found alone ('Karamanlis')
            if not inside or (n > 0 and all(s <= a and b <= e for a, b in inside)):
                spans = [span for span in spans if span not in inside] + [(s, e)]
                taken.update(range(s, e))
                rule_of[(s, e)] = rule_name
    joined = finders.joined_nasab(doc, spans)
    for span in joined:
        if span not in rule_of:
            rule_of[span] = next(
                rule_of.get(sp, "leader.entity") for sp in spans if sp[0] == span[0]
            )
    spans = joined
    taken.update(i for s, e in spans for i in range(s, e))
    # 'the Teesta river', 'a Pungsan named Maru': a lone word the article writes as a thing
    things = finders.thing_words(doc, [sp for sp in spans if rule_of.get(sp) != "leader.registry"])
    spans = [(s, e) for s, e in spans if not (e - s == 1 and doc[s].text in things)]
    ctx = dataclasses.replace(ctx, known=_name_words(doc, spans) - things)
    surnames = RULES_BY_NAME["leader.surname"].find(ctx, taken)
    rule_of.update({span: "leader.surname" for span in surnames if span not in rule_of})
    spans.extend(surnames)
    spans = _joined_at_hyphens(doc, spans, rule_of)
    out = {}
    for s, e in spans:
        start = s - 1 if keeps_sheikh(doc, s, e) else after_job_words(doc, s, e)
        start = initials_before(doc, start)
        if finders.dateline_source(doc, start, e) or finders.names_a_place(doc, e):
            continue
        if names_an_outlet(doc, start, e):
            continue  # "Kyodo News", "Reuters", "the Associated Press": reporters, not leaders
        if finders.in_place_name(doc, start, e):
            continue
        rule = RULES_BY_NAME[rule_of.get((s, e), "leader.entity")]
        out[(start, e)] = NameSpan(start, e, rule.name, rule.confidence)
    return [out[key] for key in sorted(out)]


def _joined_at_hyphens(doc, spans, rule_of) -> list:
    """'[Schneider]-[Ammann]': two spans a hyphen joins with no spaces are one name (the
    tagger may cut a double-barrelled surname where a sentence starts with it)."""
    out: list = []
    for s, e in sorted(spans):
        if out and out[-1][1] + 1 == s and joins_hyphen(doc, s - 1):
            first = out.pop()
            rule_of[(first[0], e)] = rule_of.get(first, "leader.entity")
            s = first[0]
        out.append((s, e))
    return out
