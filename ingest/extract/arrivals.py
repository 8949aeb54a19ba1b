"""Arrivals at a gathering: leaders told arriving, or greeted as they arrive, at a summit.

News of a summit often tells its people by their arrival rather than by an attendance
verb:

- a greeting on arrival: "X was embraced at the foot of his aircraft's steps by Y",
  "X was greeted on arrival by Y" (the parser may hang the "by" phrase on the place
  noun), "Y greeted each leader as they arrived: A, B and C";
- an order of arrival: "X was the first to arrive, followed by W and V", "X arrived
  first, followed by W".

These persons take part in the gathering the article told just before; `meeting_attendance`
adds them to it.  Outside a gathering (no summit, conference or forum told in the
sentences before) a greeting on arrival is the greeter's and the guest's own meeting and
is left to the meeting rules.  Only asserted arrivals count ("was due to arrive", "did not
arrive" are no arrival; the caller checks the verb).
"""

from __future__ import annotations

from .gatherings import list_persons, subjects_listed
from .tags import NOUN, PROPN, VERB
from .text import kids, sent_of, span_tokens, subtree

GREET_VERBS = {"greet", "embrace", "welcome", "receive", "hug", "meet"}
# Words that place a greeting at an arrival: "on arrival", "at the foot of the steps".
ARRIVAL_MARKS = {"arrival", "arrive", "steps", "tarmac", "gangway", "airport", "airfield",
                 "aircraft", "plane", "motorcade"}  # fmt: skip
ORDER_WORDS = {"first", "last", "next"}
# The gatherings whose people arrive: a pair's "talks" or "meeting" is no gathering.
GATHERING_NOUNS = {"summit", "summits", "gathering", "conference", "forum", "jamboree"}
PRESS_WORDS = {"news", "press"}
GATHERING_REACH = 6  # sentences before the arrival in which the gathering is told
GROUP_OBJECTS = {"leader", "leaders", "guest", "guests", "delegation", "delegations",
                 "them", "everyone", "arrivals", "participant", "participants"}  # fmt: skip


def arrivals(verb, people, idx) -> list:
    """Persons told arriving (or greeting arrivals) by one verb, when a gathering was told
    in the sentences before it (see module docstring)."""
    lemma = verb.lemma_.lower()
    if lemma == "arrive":
        found = _in_order(verb, people)
    elif lemma in GREET_VERBS and _on_arrival(verb):
        found = _greeted(verb, people)
    else:
        return []
    if len(found) < 1 or not _gathering_before(verb, idx):
        return []
    return list(dict.fromkeys(found))


def _gathering_before(tok, idx) -> bool:
    here = idx.sent_of[tok.i]
    for n in range(max(here - GATHERING_REACH, 0), here + 1):
        for t in idx.sents[n]:
            if t.lower_ in GATHERING_NOUNS and t.pos in (NOUN, PROPN):
                if not any(c.lower_ in PRESS_WORDS for c in kids(t)):
                    return True  # "a news conference" is no gathering of leaders
    return False


def _followers(tok, people) -> list:
    """'..., followed by W and V': the persons of a 'followed by' phrase on the token."""
    out = []
    for c in kids(tok):
        if c.lemma_.lower() == "follow" and c.dep_ in ("acl", "advcl", "conj"):
            for by in kids(c):
                if by.dep_ in ("agent", "prep") and by.lower_ == "by":
                    out += [p for o in kids(by) for p in list_persons(o, people)]
    return out


def _in_order(verb, people) -> list:
    """'X was the first to arrive, followed by W', 'X arrived first, followed by W': an
    order of arrival, not a bare 'X arrived' (told of trips as much as of gatherings)."""
    head = verb.head
    if verb.dep_ in ("relcl", "acl", "xcomp") and head.lower_ in ORDER_WORDS:
        copula = head.head
        firsts = subjects_listed(copula, people) if copula.lemma_ == "be" else []
        if not firsts:
            return []
        # "followed by" hung on the copula, the order word or the verb
        return firsts + [p for t in (copula, head, verb) for p in _followers(t, people)]
    if any(c.lower_ in ORDER_WORDS and c.dep_ == "advmod" for c in kids(verb)):
        return subjects_listed(verb, people) + _followers(verb, people)
    followers = _followers(verb, people)
    return subjects_listed(verb, people) + followers if followers else []


def _on_arrival(verb) -> bool:
    """A greeting placed at an arrival: a mark word in its phrases or an 'as ... arrived'
    clause."""
    for t in subtree(verb):
        if t.lemma_.lower() in ARRIVAL_MARKS and t.i != verb.i:
            if t.pos == VERB and t.dep_ not in ("advcl",):
                continue
            return True
    return False


def _greeted(verb, people) -> list:
    """The greeter and the greeted: subjects, objects, 'by' phrases however hung inside
    the verb's phrase, and a list after a colon ('greeted each leader as they arrived:
    A, B and C')."""
    found = subjects_listed(verb, people)
    for t in subtree(verb):
        if t.dep_ in ("agent", "prep") and t.lower_ == "by":
            found += [p for o in kids(t) if o.dep_ == "pobj" for p in list_persons(o, people)]
    objects = [c for c in kids(verb) if c.dep_ == "dobj"]
    for o in objects:
        found += list_persons(o, people)
    if any(o.lower_ in GROUP_OBJECTS for o in objects):
        found += _after_colon(verb, people)
    return found


def _after_colon(verb, people) -> list:
    """Persons named after a colon that closes the verb's phrase: in its sentence, or in
    the next one when the parser ended the sentence at the colon."""
    sent = sent_of(verb)
    colon = next((t for t in span_tokens(sent) if t.i > verb.i and t.text == ":"), None)
    if colon is None:
        return []
    after = list(sent[colon.i - sent.start + 1 :])
    if not after and sent.end < len(verb.doc):
        after = list(sent_of(verb.doc[sent.end]))
    return [p for t in after for p in people.pids(t)]
