"""Small tests on meeting triggers: is an event noun held or only planned, which noun
a verb holds, which measure phrase ('five hours of talks') an event noun sits in."""

from __future__ import annotations

from . import dates
from .conflict import absent_from, clause_verb, verb_asserted
from .text import ents_between

HELD_NOUNS = {
    "talks",
    "meeting",
    "summit",
    "call",
    "conversation",
    "discussions",
    "session",
    "meetings",
    "negotiations",
    "lunch",
    "dinner",
    "banquet",
}
MODAL_WORDS = {"would", "will", "could", "might", "may", "should", "'d", "'ll", "wo"}
PLAN_WORDS = {"due", "set", "scheduled", "expected", "likely", "poised", "slated"}
NOT_HELD = {"no", "any", "future", "planned", "proposed", "next", "upcoming", "possible"}
MEASURE_NOUNS = {
    "hour",
    "hours",
    "day",
    "days",
    "minutes",
    "rounds",
    "round",
    "weeks",
    "night",
    "evening",
}


def held_noun(obj):
    """The event noun a verb holds: 'held talks', 'held five hours of talks'."""
    if obj.lower_ in HELD_NOUNS:
        return obj
    if obj.lower_ in MEASURE_NOUNS:
        for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            inner = [c for c in of.children if c.dep_ == "pobj" and c.lower_ in HELD_NOUNS]
            if inner:
                return inner[0]
    return None


def outer_noun(tok):
    """'after three hours of talks': the measure noun the event noun hangs off."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in MEASURE_NOUNS:
        return tok.head.head
    return tok


def is_planned(tok, published) -> bool:
    """'X is due in Moscow next month for a summit': a plan adjective or a future time in the
    trigger's clause."""
    verb = clause_verb(tok)
    if any(c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in PLAN_WORDS for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "he would be happy to meet X": a modal on the copula makes it hypothetical
        copula = verb.head.head
        if any(c.dep_ == "aux" and c.lower_ in MODAL_WORDS for c in copula.children):
            return True
    # Only the clause's own entities can hang off it, and a clause is within its sentence.
    sent = verb.sent
    for ent in ents_between(tok.doc, sent.start, sent.end, overlapping=True):
        head = ent.root.head
        if head.dep_ == "prep":
            head = head.head
        if ent.label_ != "DATE" or head not in (verb, tok):
            continue  # only the clause's own adverbials, not "ahead of next week's summit"
        if dates.mentions_future(ent.text):
            return True
        day = dates.resolve(ent.text, published)
        if day and published and day > published:
            return True
    return False


def is_presupposed(tok) -> bool:
    """'pledged to stand together at a White House meeting': an event noun in a locative
    phrase happened if the finite verb above the infinitives is asserted."""
    outer = outer_noun(tok)
    if outer.dep_ != "pobj" or outer.head.lower_ not in ("at", "during", "after"):
        return False
    if any(c.dep_ in ("amod", "det") and c.lower_ in NOT_HELD for c in tok.children):
        return False
    if absent_from(tok):
        return False
    verb = clause_verb(outer.head)
    while verb.dep_ == "xcomp" and verb.head != verb:
        if any(c.dep_ == "dobj" for c in verb.head.children):
            return False  # "urged A and B to settle it at their meeting": theirs, to come
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and verb_asserted(verb)
