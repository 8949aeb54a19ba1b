"""Meetings told by a welcome ceremony one leader gave another: "X gave Y a ceremonial
welcome", "accorded Y a red-carpet welcome", "Y was given a guard of honour by X", "Y
received a warm welcome from X", "X rolled out the red carpet for Y", "X hosted a state
banquet for Y".  The giver is the host; the ceremony is a visit.  A welcome given to a
thing ("gave a warm welcome to the decision"), a figurative one ("a warm welcome to the
alliance") or one sent ("in a letter") is no meeting."""

from __future__ import annotations

from .meeting_args import _agents, _refs, _subjects
from .meeting_checks import PLACE_LABELS, at_a_distance
from .meetings import _mention
from .places import places_around
from .tags import ADP, AUX, PUNCT, VERB
from .text import kids, sent_of, subtree

# The verbs that give, accord or receive a welcome.
GIVE_VERBS = {"give", "accord", "extend", "offer", "receive", "get", "host", "hold", "roll", "lay",
              "throw"}  # fmt: skip
RECEIVING_VERBS = {"receive", "get"}  # "Y received a welcome from X": the subject is the guest
# Ceremonies of welcome: "a red-carpet welcome", "a guard of honour", "a 21-gun salute".
WELCOME_NOUNS = {"welcome", "reception", "guard", "salute", "carpet"}
# A meal given for a guest: "hosted a state banquet for Y", "gave a dinner in honour of Y".
MEAL_NOUNS = {"banquet", "dinner", "lunch", "luncheon", "breakfast", "feast"}
MEAL_GIVING = {"host", "give", "hold", "throw"}


def _ceremony(noun) -> bool:
    """A welcome ceremony noun: 'welcome', 'reception', 'salute', 'guard of honour',
    'honour guard', 'the red carpet', or a meal hosted for a guest."""
    word = noun.lower_
    if word in MEAL_NOUNS:
        return noun.head.lemma_.lower() in MEAL_GIVING
    if word == "guard":
        return any(c.lower_ in ("honour", "honor") for c in subtree(noun))
    if word == "carpet":
        return any(c.lower_ == "red" for c in kids(noun))
    return word in WELCOME_NOUNS


def _figurative(noun, people) -> bool:
    """'a warm welcome to the alliance': a welcome into a body, not to a place."""
    for prep in (c for c in kids(noun) if c.dep_ == "prep" and c.lower_ == "to"):
        for obj in (o for o in kids(prep) if o.dep_ == "pobj"):
            if obj.ent_type_ not in PLACE_LABELS and not people.pids(obj):
                return True
    return False


MISREAD_WINDOW = 12  # tokens between a giving verb and the name misread as a verb


def _misread_name(verb, people):
    """'X gave Prime Minister Y a ceremonial welcome' with Y's name misread as a verb (and
    the sentence broken before it): the giving verb named before it, else None."""
    if not people.pids(verb):
        return None
    for i in range(verb.i - 1, max(-1, verb.i - MISREAD_WINDOW), -1):
        t = verb.doc[i]
        if t.lemma_.lower() in GIVE_VERBS and t.pos == VERB:
            return t
        if t.pos in (VERB, AUX, PUNCT) and not people.pids(t):
            return None
    return None


def _ceremonies(verb) -> list:
    """The ceremony nouns a verb gives: its object, or one the parser set beside the
    person given it ('gave Y a red-carpet welcome' with the welcome an apposition of Y)."""
    out = []
    for c in kids(verb):
        if c.dep_ == "dobj" and _ceremony(c):
            out.append(c)
        elif c.dep_ in ("dative", "dobj"):  # or hung on the person given it
            out += [a for a in kids(c) if a.dep_ in ("appos", "dobj") and _ceremony(a)]
    return out


def _from(heads, people) -> list:
    return [
        p
        for head in heads
        for c in kids(head)
        if c.dep_ == "prep" and c.lower_ == "from"
        for o in kids(c)
        if o.dep_ == "pobj"
        for p in _refs(o, people)
    ]


def _to_whom(heads, people) -> list:
    """Persons a welcome is given to or for ('to Y', 'for Y', 'in honour of Y')."""
    out = []
    for prep in (c for head in heads for c in kids(head) if c.dep_ in ("prep", "dative")):
        for obj in (o for o in kids(prep) if o.dep_ == "pobj"):
            if prep.lower_ in ("to", "for"):
                out += _refs(obj, people)
            elif prep.lower_ == "in" and obj.lower_ in ("honour", "honor"):
                out += _from_of(obj, people)
    return out


def _from_of(noun, people) -> list:
    """'in honour of Y': Y, also when the parser hangs 'of Y' on the verb."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "of":
        return []
    return [p for o in kids(after) if o.dep_ == "pobj" for p in _refs(o, people)]


def _inside_a_phrase(arg, people) -> bool:
    """'gave the plan of Y a welcome' with Y misread as the one given it: a name whose
    words (or some of them) are a preposition's object belongs to the phrase before it."""
    start = arg.left_edge.i
    if start > 0 and arg.doc[start - 1].pos == ADP:
        return True
    own = set(people.pids(arg))
    return bool(own) and any(
        t.dep_ == "pobj" and t.head.pos == ADP and set(people.pids(t)) == own for t in sent_of(arg)
    )


def _sides(verb, noun, people, misread) -> tuple:
    """(hosts, guests) of a welcome: the giver and the one given it."""
    if verb.lemma_.lower() in RECEIVING_VERBS:
        return _from((verb, noun), people), _subjects(verb, people)
    if any(c.dep_ == "nsubjpass" for c in kids(verb)):
        guests = [p for c in kids(verb) if c.dep_ == "nsubjpass" for p in _refs(c, people)]
        return _agents(verb, people) + _agents(noun, people), guests
    guests = [
        p
        for c in kids(verb)
        if c.dep_ in ("dative", "dobj") and not _inside_a_phrase(c, people)
        for p in _refs(c, people)
    ]  # "gave Y a welcome", also with Y parsed as a second object
    if misread:  # the persons named between the verb and the ceremony
        between = (verb.doc[i] for i in range(verb.i + 1, noun.i))
        guests += [p for t in between if not _inside_a_phrase(t, people) for p in people.pids(t)]
    return _subjects(verb, people), guests + _to_whom((verb, noun), people)


def welcome_given(idx, people, tok, published):
    """A welcome ceremony one leader gave another (see the module docstring); the giver
    hosts it.  `tok` is the verb that gives the ceremony (or the name misread as one)."""
    nouns = _ceremonies(tok) if tok.pos == VERB else []
    if not nouns:
        return None
    noun, verb = nouns[0], tok
    if tok.lemma_.lower() not in GIVE_VERBS:
        verb = _misread_name(tok, people)
        if verb is None:
            return None
    if verb.lemma_.lower() in ("roll", "lay") and noun.lower_ != "carpet":
        return None  # "laid a wreath", "rolled out a plan"
    if at_a_distance(verb) or at_a_distance(tok) or _figurative(noun, people):
        return None
    hosts, guests = _sides(verb, noun, people, misread=verb is not tok)
    guests = [p for p in dict.fromkeys(guests) if p not in hosts]
    if not hosts or not guests:
        return None
    m = _mention(idx, people, tok, hosts + guests, published, host_pids=hosts)
    if m is None:
        return None
    if not any(p.country for p in m.places):
        m.places += places_around(noun, published)
        m.host = m.host or next((p.country for p in m.places if p.country), None)
    m.kinds.add("visit")
    m.strong_hosts = list(dict.fromkeys(hosts))
    m.confidence = 0.8
    m.rule = "meeting.welcome_given"
    return m
