"""Aides told as one side's members: 'The Danish side included A and B', 'The delegation
included ministers A and B', 'On the German side were A and B'.

They take part in the meeting just told of that side (`meeting_attendance` joins them
to it); a side of a country that no participant of that meeting holds is another
meeting's, and members told with no meeting make none of their own.
"""

from __future__ import annotations

from gazetteer import geo

from .gatherings import list_persons
from .tags import VERB
from .text import kids

# Nouns for the people one party to a meeting brought.
SIDE_NOUNS = {"side", "delegation", "team", "entourage", "retinue"}
# Prepositions that set members in a side: 'on the German side were', 'among the delegation'.
_IN_SIDE = {"on", "in", "among", "from"}


def side_members(verb, people) -> tuple[list, str | None]:
    """(persons, the side's country or None) a verb tells as one side's members; ([], None)
    when it tells none."""
    lemma = verb.lemma_.lower()
    if lemma == "include" and verb.pos == VERB:
        sides = [c for c in kids(verb) if c.dep_ == "nsubj" and c.lower_ in SIDE_NOUNS]
        members = [c for c in kids(verb) if c.dep_ == "dobj"]
    elif lemma == "be":
        sides = [
            o
            for c in kids(verb)
            if c.dep_ == "prep" and c.lower_ in _IN_SIDE
            for o in kids(c)
            if o.dep_ == "pobj" and o.lower_ in SIDE_NOUNS
        ]
        members = [c for c in kids(verb) if c.dep_ in ("nsubj", "attr")]
    else:
        return [], None
    if not sides or not members:
        return [], None
    found = [p for m in members for p in list_persons(m, people)]
    return list(dict.fromkeys(found)), _country_of(sides[0])


def _country_of(side) -> str | None:
    """'the Danish side', "Kenya's delegation": the country the side is of, else None."""
    for child in kids(side):
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < side.i:
            code = geo.country_for(side.doc[child.left_edge.i : child.i + 1].text)
            if code:
                return code
    return None
