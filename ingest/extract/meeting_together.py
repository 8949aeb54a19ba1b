"""Meetings told by two leaders being in one place at one time, with no meeting word.

- A visit to the other's country told with what "the two leaders" did then: "The two
  leaders set out joint targets when X visited Beijing in 2014" (the pair must be X and
  a leader of the country visited).
- A leader at another's seat, where that leader spoke or acted: "On Monday X was at the
  White House, where President Y said ..." (Y's country is the seat's, X is a foreigner).

Each is a visit to the one at home.  A visit to a third country, or a pair that does not
include the visitor, tells nothing.
"""

from __future__ import annotations

from . import dates
from .meeting_args import _objects, _subjects
from .meeting_time import _date_texts
from .meetings import _mention
from .places import TRAVEL_VERBS, classify, places_around


def _visit(idx, people, visitor, home, trigger, place, published):
    """A mention of `visitor` visiting `home` at `place` (a Place with a country)."""
    m = _mention(idx, people, trigger, [visitor, home], published, host_pids=[home])
    if m is None:
        return None
    m.places = m.places or [place]
    m.host = place.country
    m.kinds.add("visit")
    m.strong_hosts = [home]
    m.confidence = 0.7
    return m


def _pair_of(verb, people) -> list:
    """The two persons a clause's plural subject stands for ('the two leaders')."""
    for sub in (c for c in verb.children if c.dep_ == "nsubj"):
        found = people.refs(sub)
        if len(found) == 2 and len(people.pids(sub)) == 2:
            return found
    return []


def visit_with_the_pair(idx, people, tok, published):
    """'The two leaders set out targets when X visited Tokyo in 2019' (module docstring)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in TRAVEL_VERBS or _objects(tok, people):
        return None
    visitors = _subjects(tok, people)
    if len(visitors) != 1:
        return None
    linked = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if tok.dep_ in ("advcl", "conj") and tok.head.pos_ == "VERB":
        linked.append(tok.head)
    for verb in linked:
        pair = _pair_of(verb, people)
        if visitors[0] not in pair:
            continue
        home = next(p for p in pair if p != visitors[0])
        country = people.get(home).country
        place = next((p for p in places_around(tok, published) if p.country == country), None)
        if country and place is not None and people.get(visitors[0]).country != country:
            return _visit(idx, people, visitors[0], home, tok, place, published)
    return None


def at_the_seat(idx, people, tok, published):
    """'X was at the White House, where President Y said ...' (module docstring): `tok`
    is the verb of the 'where' clause."""
    if tok.pos_ != "VERB" or tok.dep_ != "relcl":
        return None
    if not any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children):
        return None
    seat, prep = tok.head, tok.head.head
    copula = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in ("at", "in") or copula.lemma_ != "be":
        return None
    guests = _subjects(copula, people)
    homes = [p for c in tok.children if c.dep_ == "nsubj" for p in people.refs(c)]
    if len(guests) != 1 or len(homes) != 1 or guests == homes:
        return None
    place = classify(seat, published)
    country = people.get(homes[0]).country
    if place is None or not country or place.country != country:
        return None
    if people.get(guests[0]).country in (None, country):
        return None
    m = _visit(idx, people, guests[0], homes[0], tok, place, published)
    if m is not None and m.date is None and not m.background:
        texts = _date_texts(copula, idx, own_only=True)
        m.background = any(dates.mentions_past(t, published) for t in texts)
        m.date = next(filter(None, (dates.resolve(t, published) for t in texts)), None)
    return m


def together_mention(idx, people, tok, published):
    """A meeting told by two leaders being in one place at one time (module docstring)."""
    return visit_with_the_pair(idx, people, tok, published) or at_the_seat(
        idx, people, tok, published
    )
