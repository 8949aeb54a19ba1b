"""Person mentions and in-article coreference.

One left-to-right pass over the document builds `People`: every person named
(PERSON entities, proper names after a title such as "Chancellor Olaf Scholz"
that the tagger mislabels, later surnames of known people), with the fullest
name, title and country the article gives, and a map from tokens to persons
for names, titles-as-descriptions ("the Russian president", "his host"),
pronouns and plural references ("the two leaders", "the pair", "they").
Rules downstream ask `People.pids(token)` who an argument refers to.  The builder that
registers each mention is in `person_builder`.
"""

from __future__ import annotations

from .companions import (
    DELEGATION_REFERENCES,
    add_joiners,
    note_delegation,
    note_subject_group,
    refers_to_delegation,
)
from .leader_countries import family_countries
from .lexicon import (
    HONORIFICS,
    PLURAL_PERSON_NOUNS,
    PRONOUNS_PL,
    PRONOUNS_SG,
    ROLE_NOUNS,
    TITLE_HEADS,
)
from .names import name_spans, title_before
from .parallel import assign_listed_countries
from .person_builder import _Builder
from .person_match import regnal_name
from .person_rules import _is_description, _plural_number, thing_names
from .persons import People, Person
from .plurals import note_pair
from .tags import AUX, PRON, VERB
from .text import kids, token_texts


def build_people(idx) -> People:
    """Find every person mention and resolve descriptions, pronouns and plurals."""
    builder = _Builder(idx)
    doc = idx.doc
    spans = name_spans(idx)
    span_at = {span.start: span for span in spans}
    covered = {i for span in spans for i in range(span.start, span.end)}
    builder.covered = covered
    things = thing_names(doc, spans, lambda span: title_before(doc, span.start, idx)[0])
    i = idx.sents[idx.headline_sents].start if len(idx.sents) > idx.headline_sents else 0
    texts = token_texts(doc)
    last_of = {s.end - 1: n for n, s in enumerate(idx.sents)}  # a sentence's last token
    while i < len(doc):
        if i in things:  # "two Pungsan dogs", "the Teesta river": no person
            i = span_at[i].end
            continue
        if i in span_at:
            span = span_at[i]
            builder.name(span.start, span.end, span.confidence, span.rule)
            _maybe_group(builder, doc[span.start : span.end].root)
            i = span.end
            continue
        n = idx.sent_of[i]
        if i not in covered and texts[i].lower() in _CLASSIFIED and n >= idx.headline_sents:
            _classify(builder, doc[i])
        if last_of.get(i) == n:
            sent = idx.sents[n]
            note_pair(builder, sent)
            note_delegation(builder, sent)
            note_subject_group(builder, sent)
        i += 1
    builder.retry_deferred()
    _fronted_possessives(builder)
    add_joiners(builder)
    assign_listed_countries(idx, builder.people)
    family_countries(builder.people)
    for person in builder.people.persons:
        builder.from_registry(person)
        if not person.country and not person.org and person.registry_country:
            person.country = person.registry_country
        regnal_name(idx.registry, person)
    builder.people.builder = builder
    return builder.people


def _fronted_possessives(builder: _Builder) -> None:
    """'During his talks with B, A raised ...': a possessive in a phrase set before its
    clause refers ahead to the clause's subject, not back to the last person told (the
    left-to-right pass could only look back). Only a subject that is one named person."""
    people, doc = builder.people, builder.doc
    for i in [i for i in people.by_tok if people.conf.get(i) == 0.7]:
        tok = doc[i]
        if tok.dep_ != "poss" or tok.lower_ not in ("his", "her"):
            continue
        noun = tok.head
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i > prep.head.i:
            continue
        verb = prep.head
        if verb.pos not in (VERB, AUX):
            continue
        subjects = [c for c in kids(verb) if c.dep_ == "nsubj" and c.i > noun.i]
        if len(subjects) == 1 and len(people.pids(subjects[0])) == 1:
            people.by_tok[i] = people.pids(subjects[0])[0]


def _classify(builder: _Builder, tok) -> None:
    """What a word outside the names stands for. Only the words of `_CLASSIFIED` can
    stand for anyone: every reading below starts by testing the word."""
    people = builder.people
    if (
        tok.dep_ == "conj"
        and tok.head.i in people.by_tok
        and tok.lower_ in TITLE_HEADS
        and not any(c.dep_ == "det" for c in kids(tok))  # "X and the foreign minister"
        and tok.i + 1 not in builder.covered  # "X and Tanzania's Vice President Y": Y's title
    ):
        people.by_tok[tok.i] = people.by_tok[tok.head.i]
        return
    if tok.pos == PRON and tok.lower_ in PRONOUNS_SG:
        builder.pronoun(tok)
        return
    if refers_to_delegation(builder, tok):
        return
    n = _plural_number(tok)
    if n is not None:
        builder.plural(tok, n)
        return
    if any(c.dep_ == "appos" and c.i in builder.covered for c in kids(tok)) or (
        _name_follows_phrase(builder, tok)
    ):
        return  # "the Emirati foreign minister, Sheikh A": the name that follows claims it
    if _is_description(tok, builder.people, builder.covered):
        builder.description(tok)


# The words `_classify` reads (a title conjoined to a name, a pronoun, a delegation, a
# plural, a description); `build_people` tests a word's text against them first.
_CLASSIFIED = frozenset(
    {w.lower() for w in TITLE_HEADS | PRONOUNS_SG | PRONOUNS_PL | PLURAL_PERSON_NOUNS}
    | {w.lower() for w in ROLE_NOUNS | DELEGATION_REFERENCES}
    | {"they"}
)


def _name_follows_phrase(builder: _Builder, tok) -> bool:
    """'the Emirati foreign minister, Sheikh A', "Iran's Minister of Defence and Armed
    Forces Logistics, Brigadier General B": a name (after honorifics) right after the
    comma that ends the title's phrase."""
    if tok.lower_ not in TITLE_HEADS and tok.lower_ not in ROLE_NOUNS:
        return False
    doc, j = tok.doc, tok.i + 1
    while (
        j < len(doc)
        and j - tok.i < 8
        and j not in builder.covered
        and (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "and", "for", "to", "the", "&"))
    ):
        j += 1
    if j >= len(doc) or doc[j].text != ",":
        return False
    j += 1
    while j in builder.prefixes:
        j += 1
    return j in builder.covered


def _maybe_group(builder: _Builder, root) -> None:
    """Remember a coordinated list of three or more named persons (for 'the seven leaders')."""
    if root.dep_ == "conj":
        return
    people = builder.people
    members = people.refs(root)
    if len(members) < 2:
        return
    head = root.head
    if root.dep_ in ("dobj", "pobj") and head != root:
        verb = head if head.pos in (VERB, AUX) else head.head
        for child in kids(verb):
            if child.dep_ == "nsubj" and people.pids(child):
                members = list(people.pids(child)) + [
                    m for m in members if m not in people.pids(child)
                ]
    builder.group(members)


__all__ = ["People", "Person", "build_people", "HONORIFICS"]
