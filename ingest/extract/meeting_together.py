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
from .tags import VERB
from .text import kids


def _visit(idx, people, visitor, home, trigger, place, published, rule):
    """A mention of `visitor` visiting `home` at `place` (a Place with a country)."""
    m = _mention(idx, people, trigger, [visitor, home], published, host_pids=[home])
    if m is None:
        return None
    m.places = m.places or [place]
    m.host = place.country
    m.kinds.add("visit")
    m.strong_hosts = [home]
    m.confidence = 0.7
    m.rule = rule
    return m


def _pair_of(verb, people) -> list:
    """The two persons a clause's plural subject stands for ('the two leaders')."""
    for sub in (c for c in kids(verb) if c.dep_ == "nsubj"):
        found = people.refs(sub)
        if len(found) == 2 and len(people.pids(sub)) == 2:
            return found
    return []


PAIR_RULE, SEAT_RULE = "meeting.visit_with_the_pair", "meeting.at_the_seat"
TRIP_NOUNS = {"visit", "trip"}  # "paid a state visit to Ashgabat"


def _trip_places(tok, published) -> list:
    places = places_around(tok, published)
    for trip in (c for c in kids(tok) if c.dep_ == "dobj" and c.lower_ in TRIP_NOUNS):
        places += places_around(trip, published)
    return places


def _a_trip(tok, people) -> bool:
    """'X visited Tokyo', 'X flew to Tokyo', 'X paid a state visit to Tokyo'."""
    if tok.pos != VERB or _objects(tok, people):
        return False
    lemma = tok.lemma_.lower()
    if lemma in ("pay", "make"):
        return any(c.dep_ == "dobj" and c.lower_ in TRIP_NOUNS for c in kids(tok))
    return lemma in TRAVEL_VERBS


def _home_leader(people, country, visitor):
    """The person of the article of the country visited, the most mentioned one when
    there are several (a predecessor is named less than the leader the story is about);
    None on a tie."""
    found = {
        pid
        for pid, person in enumerate(people.persons)
        if pid != visitor and person.country == country and not person.org
    }
    counts = {pid: sum(1 for _, p in people.order if p == pid) for pid in found}
    ranked = sorted(counts, key=lambda pid: -counts[pid])
    if not ranked or len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return ranked[0]


def visit_with_the_pair(idx, people, tok, published):
    """'The two leaders set out targets when X visited Tokyo in 2019' (module docstring);
    'the two leaders' told of a visit by X are X and the one at home, also when the
    article's last pair was another ('X paid a state visit to P, when the two leaders
    signed ...')."""
    if not _a_trip(tok, people):
        return None
    visitors = _subjects(tok, people)
    if len(visitors) != 1:
        return None
    linked = [
        c
        for c in kids(tok)
        if c.pos == VERB and (c.dep_ == "conj" or c.dep_ == "advcl" and _when(c))
    ]
    linked += [  # "paid a visit to P last September, when the two leaders ..."
        r
        for c in kids(tok)
        if c.ent_type_ == "DATE"
        for r in kids(c)
        if r.dep_ == "relcl" and r.pos == VERB and _when(r)
    ]
    if tok.dep_ in ("advcl", "conj") and tok.head.pos == VERB:
        linked.append(tok.head)
    visited = [p for p in _trip_places(tok, published) if p.country]
    for verb in linked:
        pair = _pair_of(verb, people)
        if len(pair) != 2 or not visited:
            continue
        country = visited[0].country
        if visitors[0] in pair:
            home = next(p for p in pair if p != visitors[0])
        else:
            home = _home_leader(people, country, visitors[0])
        if home is None or people.get(home).country != country:
            continue
        if people.get(visitors[0]).country not in (None, country):
            return _visit(idx, people, visitors[0], home, tok, visited[0], published, PAIR_RULE)
    return None


def _when(verb) -> bool:
    return any(c.lower_ == "when" and c.dep_ == "advmod" for c in kids(verb))


def at_the_seat(idx, people, tok, published):
    """'X was at the White House, where President Y said ...' (module docstring): `tok`
    is the verb of the 'where' clause."""
    if tok.pos != VERB or tok.dep_ != "relcl":
        return None
    if not any(c.lower_ == "where" and c.dep_ == "advmod" for c in kids(tok)):
        return None
    seat, prep = tok.head, tok.head.head
    copula = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in ("at", "in") or copula.lemma_ != "be":
        return None
    guests = _subjects(copula, people)
    homes = [p for c in kids(tok) if c.dep_ == "nsubj" for p in people.refs(c)]
    if len(guests) != 1 or len(homes) != 1 or guests == homes:
        return None
    place = classify(seat, published)
    country = people.get(homes[0]).country
    if place is None or not country or place.country != country:
        return None
    if people.get(guests[0]).country in (None, country):
        return None
    m = _visit(idx, people, guests[0], homes[0], tok, place, published, SEAT_RULE)
    if m is not None and m.date is None and not m.background:
        texts = _date_texts(copula, idx, own_only=True)
        m.background = any(dates.mentions_past(t, published) for t in texts)
        m.date = next(filter(None, (dates.resolve(t, published) for t in texts)), None)
    return m
