"""Meeting mentions from event nouns: 'the talks', 'a visit to Y', 'the summit brought
together A, B and C', 'after the talks', 'A, B and C were in attendance'."""

from __future__ import annotations

from .conflict import clause_verb
from .meeting_args import _agents, _objects, _refs, _subjects
from .meeting_checks import _separate_meetings, modified_one_by_one, outer_noun
from .meeting_words import (
    ATTEND_VERBS,
    COMPANY_PREPS,
    CONVENE_VERBS,
    EVENT_DOER_VERBS,
    EVENT_PREPS,
    GATHER_VERBS,
    NOUN_TRIGGERS,
    PHASE_VERBS,
    PLAN_NOUNS,
)
from .meetings import _mention
from .places import TRAVEL_VERBS, places_around
from .tags import ADJ, AUX, DET, NOUN, PROPN, VERB
from .text import kids, subtree


def _joint_appearance(tok) -> bool:
    """'a news conference with X': leaders appearing together met."""
    return tok.lower_ == "conference" and any(
        c.dep_ == "compound" and c.lower_ in ("news", "press") for c in kids(tok)
    )


def _returned_with(outer, idx, people) -> list:
    """'X walked across ... before returning to the southern side with Y for an hour of
    talks': the parser may hang "with Y" on the place and the clause on a relative clause;
    the sentence's subject and the persons "with" whom the talks' own verb went take part."""
    verb = outer.head.head  # the verb the "for/during ... talks" phrase belongs to
    if verb.pos != VERB:
        return []
    with_people = [
        p
        for t in subtree(verb)
        if t.dep_ == "prep" and t.lower_ == "with"
        for o in kids(t)
        if o.dep_ == "pobj"
        for p in people.refs(o)
    ]
    subject = people.subjects.get(idx.sent_of[verb.i])
    if not with_people or subject is None:
        return []
    return [subject, *with_people]


def _in_attendance(idx, people, tok, published):
    """'A, B and C were in attendance': three or more persons at the occasion at hand."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_ != "be":
        return None
    found = [p for c in kids(prep.head) if c.dep_ == "nsubj" for p in _refs(c, people)]
    if len(set(found)) < 3:
        return None
    at = [o for c in kids(tok) if c.lower_ == "at" for o in kids(c) if o.dep_ == "pobj"]
    if at:  # "in attendance at the summit", not "at hearings in their capitals"
        occasion = at[0] if at[0].lower_ in NOUN_TRIGGERS else None
    else:  # the occasion told in this or the previous sentence ("The summit opened ...")
        start = idx.sents[max(idx.sent_of[tok.i] - 1, 0)].start
        occasion = next((t for t in tok.doc[start : tok.i] if t.lower_ in NOUN_TRIGGERS), None)
    if occasion is None:
        return None
    m = _mention(idx, people, tok, found, published)
    if m is not None and occasion.lower_ == "summit":
        m.kinds.add("summit")
    return m


# The only words `_noun_mention` reads (its first tests): `find_mentions` hands it no other.
NOUN_READ = frozenset(NOUN_TRIGGERS) | {"attendance", "conference"}


def _noun_mention(idx, people, tok, published):
    if tok.lower_ == "attendance":
        return _in_attendance(idx, people, tok, published)
    if tok.lower_ not in NOUN_TRIGGERS or tok.pos not in (NOUN, PROPN):
        if not _joint_appearance(tok):
            return None
    parts = []
    for c in kids(tok):
        if c.dep_ == "poss":
            parts += people.refs(c)
    preps = ("between", "with", "of")
    if tok.lower_ in ("call", "visit", "visits", "calls"):
        preps += ("from", "on", "to")  # "a call from Y", "a courtesy call on Y", "a visit to Y"
    parts += _objects(tok, people, preps=preps)
    if len(set(parts)) < 2:
        parts += _second_of_between(tok, people)
    head_lemma = tok.head.lemma_.lower()
    held = outer_noun(tok)
    if held.dep_ == "dobj" and held.head.lemma_.lower() in ("hold", "have"):
        if _separate_meetings(held.head):
            return None  # "had bilateral meetings with A and B": the verb tells one with each
    if tok.dep_ == "dobj" and head_lemma in ("pay", "make") and not parts:
        parts += _subjects(tok.head, people)  # "X paid an official visit to Y's country"
    elif tok.dep_ == "dobj" and head_lemma in EVENT_DOER_VERBS:
        parts = _subjects(tok.head, people) + parts  # "X received a call from Y"
    elif tok.dep_ == "dobj" and head_lemma in PHASE_VERBS and tok.lower_ != "visit" and parts:
        parts = _subjects(tok.head, people) + parts  # "X began talks with Y"
    elif tok.dep_ == "dobj" and head_lemma in ("include", "feature") and parts:
        parts = _trip_owner(tok.head, people) + parts  # "his trip included talks with Y"
    elif tok.dep_ == "dobj" and head_lemma in HOLD_VERBS and parts:
        parts = _subjects(tok.head, people) + parts  # "X held talks with the two ministers"
    holders = _holders(tok, people) if parts else []
    parts = holders + parts  # "held talks in separate meetings with A, B and C"
    if tok.dep_ in ("nsubj", "nsubjpass") and head_lemma in GATHER_VERBS:
        parts += _objects(tok.head, people, preps=("with",))  # "brought together A, B and C"
    if tok.dep_ == "nsubjpass" and head_lemma in ATTEND_VERBS:
        parts += _agents(tok.head, people)  # "the summit was attended by A, B and C"
    for clause in kids(tok):
        lemma = clause.lemma_.lower()
        if clause.dep_ not in ("acl", "relcl"):
            continue
        if lemma in ATTEND_VERBS | CONVENE_VERBS:
            parts += _agents(clause, people)  # "a summit (that was) attended by A and B"
            # "the summit, which A, B and C attended"
            parts += [p for c in kids(clause) if c.dep_ == "nsubj" for p in _refs(c, people)]
        elif lemma in GATHER_VERBS:
            # "the summit, which brought together A, B and C"
            parts += _objects(clause, people, preps=("with",))
    outer = outer_noun(tok)
    with_only = _joint_appearance(tok) and parts
    prep = outer.head
    if prep.head.lemma_.lower() in PLAN_NOUNS and prep.head.pos == NOUN:
        pass  # "began preparations for talks with Y": the talks are not yet held
    elif outer.dep_ == "pobj" and prep.lower_ in EVENT_PREPS and (len(parts) < 2 or with_only):
        # "X said at a news conference with A and B": X appeared with them
        verb = clause_verb(outer.head)
        subjects = _subjects(verb, people)
        company = _objects(verb, people, preps=COMPANY_PREPS)
        if len(set(subjects)) == 1 and len(set(company) - set(subjects)) >= 2:
            if _separate_meetings(verb):
                return None  # "met A and B during his visit": one meeting each, the verb's
        parts += subjects + company
        if len(set(parts)) < 2 and tok.lower_ in ("talks", "discussions", "meeting"):
            parts += _returned_with(outer, idx, people)
    if not parts and tok.lower_ in TRIP_WORDS:
        parts = _on_a_trip(tok, people)
    visitor = tok.lower_ in TRIP_WORDS and len(parts) == 1
    m = _mention(idx, people, tok, parts, published, visitor=visitor)
    if m and visitor:
        dest = [p for p in places_around(tok, published) if p.country]
        if not dest:
            return None
        m.host = dest[0].country
    if m:
        m.confidence = 0.8 if len(parts) >= 2 else 0.6
        if len(set(holders)) == 1 and len(set(parts) - set(holders)) >= 2 and _one_each(tok):
            m.caller = holders[0]  # one meeting with each of those met
        if _travelled_for(tok):
            m.kinds.add("visit")
    return m


def _second_of_between(tok, people) -> list:
    """'A meeting between A and B was held ...': the parser may make B a second subject
    of the verb; the name right after the 'and' closing the 'between' phrase is meant."""
    doc = tok.doc
    for prep in (c for c in kids(tok) if c.dep_ == "prep" and c.lower_ == "between"):
        for obj in (o for o in kids(prep) if o.dep_ == "pobj" and people.pids(o)):
            ands = [c for c in kids(obj) if c.dep_ == "cc" and c.lower_ == "and"]
            if not ands or any(people.pids(c) for c in obj.conjuncts):
                continue
            for j in range(ands[0].i + 1, min(len(doc), ands[0].i + 8)):
                found = [p for p in people.pids(doc[j]) if p not in people.pids(obj)]
                if found:
                    return found[:1]
                if doc[j].pos not in (PROPN, ADJ, DET):
                    break
    return []


def _holders(tok, people) -> list:
    """'X held talks in separate meetings with A and B', 'X held discussions in individual
    sessions with A and B': the parser hangs the 'with' on the inner noun, whose meetings
    are held by the subject of the verb holding the outer one."""
    prep, outer = tok.head, tok.head.head
    if tok.dep_ != "pobj" or prep.lower_ != "in" or outer.dep_ != "dobj":
        return []
    if outer.lower_ not in NOUN_TRIGGERS or outer.head.lemma_.lower() not in HOLD_VERBS:
        return []
    return _subjects(outer.head, people)


def _one_each(noun) -> bool:
    """'separate / individual / bilateral meetings', 'meetings' told of several: one each."""
    return noun.lower_ in ("meetings", "sessions", "bilaterals") or modified_one_by_one(noun)


TRIP_WORDS = ("visit", "trip", "journey")
# "X held / had / conducted a telephone conversation with Y": the subject takes part.
HOLD_VERBS = {"hold", "have", "conduct"}


def _trip_owner(verb, people) -> list:
    """Whose trip a verb's subject is: "His trip (, which) included ..." -> him."""
    for sub in (c for c in kids(verb) if c.dep_ == "nsubj"):
        if sub.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            sub = verb.head
        if sub.lower_ in TRIP_WORDS + ("tour", "visits", "trips"):
            return [p for c in kids(sub) if c.dep_ == "poss" for p in people.refs(c)]
    return []


def _on_a_trip(tok, people) -> list:
    """'A, on a three-day visit to X, met B' / 'On his first trip to X, A met B': the
    person the 'on/during ... visit' phrase hangs on, else its verb's subject."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("on", "during"):
        return []
    owner = prep.head
    if people.pids(owner):
        return _refs(owner, people)
    return _subjects(owner, people) if owner.pos in (VERB, AUX) else []


def _travelled_for(tok) -> bool:
    """'A flew to X on Monday for talks with B': talks a leader travelled to are a visit."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    verb = clause_verb(tok.head)
    return (
        verb.pos == VERB
        and verb.lemma_.lower() in TRAVEL_VERBS
        and any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in kids(verb))
    )
