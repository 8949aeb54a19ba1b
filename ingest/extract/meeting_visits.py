"""Visits told by travel: a meeting between a leader who travelled to it and one at home.

News rarely calls a visit a visit in the sentence that tells the meeting: "X, who flew
into the resort town on Sunday, held talks with Y", "X made a stop at an air base, where
he met Y", or "X arrived on Monday ... the two leaders met at the palace".  When one of
two participants is shown travelling (in the meeting's own sentences, or, for the
article's current story, anywhere in it) and the other is a leader of another country,
the meeting is a visit to the one at home, held in that leader's country unless a place
of the meeting says otherwise.  Calls, summits and state visits keep their kind.
"""

from __future__ import annotations

from gazetteer import geo

from .meeting_args import _antecedent
from .meeting_hosts import on_the_sidelines
from .places import TRAVEL_VERBS
from .tags import NOUN, PROPN, VERB
from .text import kids, sent_of, span_tokens, subtree

# "made a stop at", "paid a call on", "on his way": travel told by a noun.
STOP_NOUNS = {"stop", "stopover"}
STOP_VERBS = {"stop"}
KEPT_KINDS = {"call", "summit", "multilateral", "state_visit", "visit"}
VISITS = {"visit", "state_visit"}
# Ceremony within an occasion: a greeting is part of the meeting it opens or closes (see
# meeting_events), while talks "on their own" before a larger session are a meeting of their
# own.  A greeting alone tells no visit: it is left to join its occasion as it is.
CEREMONY_LEMMAS = {"greet", "welcome", "shake", "embrace", "hug", "kiss"}
# "his guest", "her visitor", "the visiting president": the one named so is the traveller.
GUEST_NOUNS = {"guest", "visitor"}


def _destination(verb) -> str | None:
    """The state a travel verb goes to: "flew into Port Louis", "arrived in Kenya"."""
    for prep in (c for c in kids(verb) if c.dep_ == "prep"):
        if prep.lower_ not in ("to", "into", "in", "at"):
            continue
        for obj in (o for o in kids(prep) if o.dep_ == "pobj"):
            name = " ".join(t.text for t in subtree(obj) if t.pos == PROPN) or obj.text
            code = (
                geo.country_for(name)
                or geo.country_for_capital(name)
                or geo.country_for_place(name)
            )
            if code:
                return code
    return None


def _travellers_in(sent, people) -> dict:
    """Persons a sentence shows travelling, with where to when it says so: subjects of
    travel verbs (through 'who'), of 'made a stop', and those called the guest or visitor
    ('the visiting president')."""
    out: dict = {}
    for tok in span_tokens(sent):
        lemma = tok.lemma_.lower()
        verb = None
        if tok.pos == VERB and lemma in (TRAVEL_VERBS | STOP_VERBS) - {"visit", "tour", "go"}:
            verb = tok
        elif tok.pos == NOUN and lemma in STOP_NOUNS and tok.dep_ == "dobj":
            verb = tok.head
        elif tok.lower_ in GUEST_NOUNS or (tok.lower_ == "visiting" and tok.dep_ == "amod"):
            head = tok if tok.lower_ in GUEST_NOUNS else tok.head
            for pid in people.refs(head):
                out.setdefault(pid, set())
            continue
        if verb is None:
            continue
        where = _destination(verb)
        for sub in (c for c in kids(verb) if c.dep_ == "nsubj"):
            if sub.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                pids = _antecedent(sub, verb, people)
            else:
                pids = people.refs(sub)
            for pid in pids:
                out.setdefault(pid, set()).update({where} if where else set())
    return out


def _travellers(meeting, people, article_travellers) -> dict:
    own: dict = {}
    for sent in {sent_of(m.trigger) for m in meeting.mentions}:
        for pid, where in _travellers_in(sent, people).items():
            own.setdefault(pid, set()).update(where)
    if not meeting.background:
        for pid in article_travellers:
            own.setdefault(pid, set())
    return own


def _abroad(meeting, people) -> bool:
    """A meeting whose place is in a country none of its (known) leaders governs: those
    who travelled there went to a conference or a third host, not to each other."""
    countries = [people.get(p).country for p in meeting.participants]
    # the places its own sentences give, not a dateline the story was filed under
    placed = {p.country for m in meeting.mentions for p in m.places if p.country}
    return bool(placed) and None not in countries and not placed & set(countries)


def received_guests(meetings, people) -> set:
    """Leaders whom another leader of the story received, hosted or welcomed: guests of
    the host's country, travellers as much as those told arriving."""
    out = set()
    for meeting in meetings:
        if meeting.background or not meeting.strong_hosts:
            continue
        home = {people.get(p).country for p in meeting.strong_hosts} - {None}
        for pid in meeting.participants:
            country = people.get(pid).country
            if pid not in meeting.strong_hosts and country and home and country not in home:
                out.add(pid)
    return out


def travel_visits(meetings, people, article_travellers) -> None:
    """Mark as visits the two-leader meetings where one travelled to the other (see the
    module docstring), and give them the home leader's country as host when no place
    of theirs names a country; a trip to a third country is no visit to the one met."""
    article_travellers = set(article_travellers) | received_guests(meetings, people)
    for meeting in meetings:
        if "visit" in meeting.kinds and "state_visit" not in meeting.kinds:
            if _abroad(meeting, people):
                meeting.kinds.discard("visit")
                continue
        if meeting.kinds & KEPT_KINDS - VISITS or len(meeting.participants) != 2:
            continue
        if on_the_sidelines(meeting):
            continue  # met on the margins of a gathering: no visit to the one met
        if all(m.trigger.lemma_.lower() in CEREMONY_LEMMAS for m in meeting.mentions):
            continue
        travelling = _travellers(meeting, people, article_travellers)
        guests = [p for p in meeting.participants if p in travelling]
        home = [p for p in meeting.participants if p not in travelling]
        if len(guests) != 1 or len(home) != 1:
            continue
        home_country = people.get(home[0]).country
        if not home_country or people.get(guests[0]).country in (None, home_country):
            continue
        went = travelling[guests[0]]
        if went and home_country not in went:
            if len(went) == 1 and not meeting.host:  # "who flew into X ... met Y there"
                meeting.host = next(iter(went))
            continue
        placed = {p.country for p in meeting.places if p.country}
        if placed - {home_country}:  # a dateline's country gives way to the trip's
            continue
        if not meeting.kinds & VISITS:
            meeting.kinds.add("visit")
        meeting.host = home_country  # a visit told without its place is to the one at home
