"""The lede's event when the lede itself cannot be evidence.

News ledes often report a meeting through what was said in it ("X warned Y in a
telephone call on Saturday"); such a sentence may carry a conflict cue and
then yields no fact.  A later sentence that refers back to the event with a
definite noun and no participants of its own ("The call lasted an hour",
"after the talks", "six hours of talks in the Kremlin") is the evidence: its
participants are the people the lede's main verb links, its date the lede's.
"""

from __future__ import annotations

from .conflict import noun_asserted
from .tags import AUX, NOUN, VERB
from .text import kids, mentions_conflict, span_ents, span_tokens

EVENT_NOUNS = {"call", "conversation", "talks", "meeting", "summit", "visit", "discussions"}
DEFINITE = {"the", "this", "that", "their"}
_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "dative")
_ARG_PREPS = ("with", "to", "by")


def lede_people(lede, people) -> list:
    """Persons the lede's main verb (and its conjoined verbs) links as arguments."""
    root = lede.root
    verbs = [root] + [c for c in kids(root) if c.dep_ == "conj" and c.pos == VERB]
    out = []
    for verb in verbs:
        for c in kids(verb):
            if c.dep_ in _ARG_DEPS:
                out += people.refs(c)
            elif c.dep_ in ("prep", "agent") and (c.lower_ in _ARG_PREPS or c.dep_ == "agent"):
                out += [p for o in kids(c) if o.dep_ == "pobj" for p in people.refs(o)]
    # "... after talks hosted by X": the host of the lede's event is one of its people
    for tok in lede:
        if tok.dep_ == "acl" and tok.lemma_.lower() in _HOSTING and tok.head.lower_ in EVENT_NOUNS:
            out += [
                p
                for a in kids(tok)
                if a.dep_ == "agent"
                for o in kids(a)
                if o.dep_ == "pobj"
                for p in people.refs(o)
            ]
    return list(dict.fromkeys(out))


_HOSTING = {"host", "chair"}


def _refers_back(tok, people) -> bool:
    """A definite event noun with no participants of its own."""
    if tok.lower_ not in EVENT_NOUNS or tok.pos != NOUN or not noun_asserted(tok):
        return False
    if any(c.dep_ in ("poss", "prep") and people.refs(c) for c in kids(tok)):
        return False
    dets = {c.lower_ for c in kids(tok) if c.dep_ in ("det", "poss")}
    quantity = tok.head.lower_ == "of" and tok.head.head.lower_ in ("hours", "minutes", "days")
    return bool(dets & DEFINITE) or quantity


def lede_trigger(idx, people, covered: set):
    """(lede sentence, participants, trigger token) or None when the lede's event is
    already covered by a mention (`covered`: sentence numbers with mentions)."""
    n = idx.headline_sents
    if len(idx.sents) <= n or n in covered:
        return None
    lede = idx.sents[n]
    parts = lede_people(lede, people)
    if len(parts) < 2:
        return None
    for sent in idx.fact_sents():
        if sent.start <= lede.start or mentions_conflict(sent.text):
            continue
        for tok in span_tokens(sent):
            if _refers_back(tok, people):
                return lede, parts, tok
    return None


# "The summit ended on Sunday": the last day, which dates the meeting only when no
# sentence tells the day it began.
ENDING_VERBS = {"end", "close", "conclude", "wrap", "finish"}


def ends_then(ent) -> bool:
    """A date told as the day an event ended ('the summit ended on Sunday')."""
    verb = ent.root
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    return verb.lemma_.lower() in ENDING_VERBS


def referred_date(idx, people, published, ending=False):
    """'On Tuesday the formal part of the visit began': the day given to a definite event
    noun without participants dates the main meeting (the first such day stated); the day
    it ended only with `ending`."""
    from . import dates

    for sent in idx.fact_sents():
        for tok in span_tokens(sent):
            if not _refers_back(tok, people):
                continue
            verb = tok
            while verb.pos not in (VERB, AUX) and verb.head != verb:
                verb = verb.head
            for ent in span_ents(sent):
                if ent.label_ != "DATE" or not (verb.left_edge.i <= ent.start <= verb.right_edge.i):
                    continue
                if dates.mentions_past(ent.text, published) or (ends_then(ent) and not ending):
                    continue
                day = dates.resolve(ent.text, published)
                if day and (published is None or day <= published):
                    return day
    return None
