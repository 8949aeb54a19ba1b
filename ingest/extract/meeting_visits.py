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

from .meeting_args import _antecedent
from .places import TRAVEL_VERBS

# "made a stop at", "paid a call on", "on his way": travel told by a noun.
STOP_NOUNS = {"stop", "stopover"}
STOP_VERBS = {"stop"}
KEPT_KINDS = {"call", "summit", "multilateral", "state_visit", "visit"}
# "his guest", "her visitor", "the visiting president": the one named so is the traveller.
GUEST_NOUNS = {"guest", "visitor"}


def _travellers_in(sent, people) -> set:
    """Persons a sentence shows travelling: subjects of travel verbs (through 'who'), of
    'made a stop', and those called the guest or visitor ('the visiting president')."""
    out = set()
    for tok in sent:
        lemma = tok.lemma_.lower()
        verb = None
        if tok.pos_ == "VERB" and lemma in (TRAVEL_VERBS | STOP_VERBS) - {"visit", "tour", "go"}:
            verb = tok
        elif tok.pos_ == "NOUN" and lemma in STOP_NOUNS and tok.dep_ == "dobj":
            verb = tok.head
        elif tok.lower_ in GUEST_NOUNS or (tok.lower_ == "visiting" and tok.dep_ == "amod"):
            head = tok if tok.lower_ in GUEST_NOUNS else tok.head
            out.update(people.refs(head))
            continue
        if verb is None:
            continue
        for sub in (c for c in verb.children if c.dep_ == "nsubj"):
            if sub.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                out.update(_antecedent(sub, verb, people))
            else:
                out.update(people.refs(sub))
    return out


def _travellers(meeting, people, article_travellers) -> set:
    own = set()
    for sent in {m.trigger.sent for m in meeting.mentions}:
        own |= _travellers_in(sent, people)
    if meeting.background:
        return own
    return own | article_travellers


def travel_visits(meetings, people, article_travellers) -> None:
    """Mark as visits the two-leader meetings where one travelled to the other (see the
    module docstring), and give them the home leader's country as host when no place
    of theirs names a country."""
    for meeting in meetings:
        if meeting.kinds & KEPT_KINDS or len(meeting.participants) != 2:
            continue
        travelling = _travellers(meeting, people, article_travellers)
        guests = [p for p in meeting.participants if p in travelling]
        home = [p for p in meeting.participants if p not in travelling]
        if len(guests) != 1 or len(home) != 1:
            continue
        home_country = people.get(home[0]).country
        if not home_country or people.get(guests[0]).country in (None, home_country):
            continue
        placed = {p.country for p in meeting.places if p.country}
        if (meeting.host or home_country) != home_country or placed - {home_country}:
            continue
        meeting.kinds.add("visit")
        meeting.host = home_country
