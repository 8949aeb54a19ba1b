"""Meetings told by a thing one leader handed another at a named place or an occasion
attended in person: "X handed a revised draft to Y in Z", "X presented Y with a horse at
a ceremony in Z", "at a festival, Y gave X a racehorse".  Without a place of the
handing's own, or sent ("through an envoy", "in a letter"), no meeting is told."""

from __future__ import annotations

from .agreement_args import doc_kind
from .conflict import clause_verb
from .gift_items import OCCASIONS, not_an_item
from .meeting_args import _refs, _subjects
from .meeting_checks import PLACE_LABELS, at_a_distance
from .meetings import _mention
from .places import places_around
from .tags import VERB
from .text import kids, subtree

# Handing over: "handed a revised draft to Y", "presented his plan to Y", "gave Y a horse".
HAND_VERBS = {"hand", "present", "deliver", "submit", "give", "gift"}
GIVING = {"give", "gift"}  # giving tells a meeting only with a thing one can hand over
# Things handed over that are no meeting's business: power, credentials (an envoy's).
NOT_HANDED = {"power", "credentials", "resignation", "control", "authority", "report"}
# "at the opening ceremony", "at a festival": occasions one attends in person.
IN_PERSON_OCCASIONS = OCCASIONS | {"festival", "parade", "celebration", "gala", "lunch"}


def _named_place(verb, published) -> bool:
    """A place of the verb's own: a known place, a named building or site, or an occasion
    attended in person ('at the opening ceremony')."""
    if any(p.country for p in places_around(verb, published)):
        return True
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("in", "at", "during")
        and clause_verb(prep) == verb  # also hung on the thing: "with a horse at a ceremony"
        and any(
            o.dep_ == "pobj" and (o.ent_type_ in PLACE_LABELS or o.lower_ in IN_PERSON_OCCASIONS)
            for o in kids(prep)
        )
        for prep in subtree(verb)
    )


def _handed(verb, people) -> tuple:
    """(things, takers) of a handing: 'handed X to Y', 'gave Y X', 'presented Y with X'."""
    things, takers = [], []
    for c in kids(verb):
        if c.dep_ == "dobj" and people.pids(c):
            takers += _refs(c, people)  # "presented Y with X"
            things += [o for p in kids(c) if p.lower_ == "with" for o in kids(p)]
            things += [o for p in kids(verb) if p.lower_ == "with" for o in kids(p)]
        elif c.dep_ == "dobj":
            things.append(c)
        elif c.dep_ == "dative" and people.pids(c):
            takers += _refs(c, people)
        elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
            takers += [p for o in kids(c) if o.dep_ == "pobj" for p in _refs(o, people)]
    return things, takers


def handed_in_person(idx, people, tok, published):
    """A text or an object handed by one leader to another at a named place or an
    occasion of the handing's own ('handed a revised draft to Y in Z', 'gave Y a horse at
    a festival'); without a place, or sent ('through an envoy', 'in a letter'), no meeting
    is told."""
    lemma = tok.lemma_.lower()
    if lemma not in HAND_VERBS or tok.pos != VERB:
        return None
    things, takers = _handed(tok, people)
    if not things or any(t.lemma_.lower() in NOT_HANDED for t in things):
        return None
    if lemma in GIVING and any(not_an_item(t) or doc_kind(t) for t in things):
        return None  # "gave Y his support", "gave Y a warning"
    givers = _subjects(tok, people)
    takers = [p for p in takers if p not in givers]
    if not givers or not takers or at_a_distance(tok) or _through(tok):
        return None
    if not _named_place(tok, published):
        return None
    m = _mention(idx, people, tok, givers + takers, published)
    if m is not None:
        m.confidence = 0.7
        m.rule = "meeting.handed_over"
    return m


def _through(verb) -> bool:
    """'handed ... through an envoy', 'via the embassy': handed on by someone else."""
    return any(c.dep_ == "prep" and c.lower_ in ("through", "via") for c in kids(verb))
