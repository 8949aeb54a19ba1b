"""Who else was there: onlookers of a signing and stand-ins at a summit.

A meeting's own sentence often names only those who act in it ("A and B signed the
treaty", "X hosted the summit"); the persons present are told around it:

- onlookers: "A and B signed ... as C and D looked on", "C, D and E looked on"
  (in the next sentence), "C watched as ...": they take part in the signing;
- stand-ins and delegations at a summit: "Y sent Z in his place", "Egypt was
  represented by Z", "A, B and C led their delegations", "Z attended the signing":
  they take part in the summit told just before; so do "Z joined the talks later" and
  "Z joined the leaders on the second day" (whose own meeting of a few is dropped).

Only asserted predicates count ("will be represented by" is a plan).
"""

from __future__ import annotations

from .conflict import verb_asserted
from .gatherings import OCCASION_NOUNS as OCCASION_WORDS
from .gatherings import (
    PRESENT_WORDS,
    as_did,
    chair,
    list_persons,
    named_here,
    occasion_word,
    present,
    subjects_listed,
)
from .meeting_args import _refs, _subjects
from .meetings import Meeting, _mention

# How many sentences after a meeting's last mention its onlookers or stand-ins may be told.
ONLOOKER_REACH = 2
STAND_IN_REACH = 3
OCCASION_NOUNS = {"summit", "signing", "ceremony", "meeting", "talks", "conference", "session",
                  "gathering"}  # fmt: skip
DELEGATION_NOUNS = {"delegation", "delegations"}
PLACE_NOUNS = {"place", "stead"}
# "Z joined the leaders / them / the other leaders": the people of the occasion at hand.
JOINED_GROUPS = {"leaders", "them", "counterparts", "others"}


def add_attendance(meetings, idx, people, published=None) -> None:
    """Add onlookers to the signing (or meeting) they watched, and stand-ins, arrivals and
    chairs to the gathering they attended (see module docstring and `gatherings`).  A
    gathering whose own sentence named nobody ("Gulf leaders met for their summit") becomes
    a meeting of those told as chairing and attending it, when they are two or more."""
    loose: list = []  # (token, persons) with no meeting to join
    for sent in idx.fact_sents():
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") and tok.lower_ not in PRESENT_WORDS:
                continue
            verb = tok if tok.pos_ in ("VERB", "AUX") else _copula(tok)
            if verb is None or not verb_asserted(verb):
                continue
            found = _onlookers(tok, people)
            reach, summit_only = ONLOOKER_REACH, False
            if not found:
                found, reach = _stand_ins(tok, people), STAND_IN_REACH
                summit_only = True
            if not found:
                found, reach = present(tok, people), ONLOOKER_REACH
                summit_only = False  # "Also attending were C and D": at the occasion at hand
            if not found:
                found, reach = chair(tok, people), STAND_IN_REACH
                summit_only = True
            if not found:
                continue
            found = list(dict.fromkeys(found + as_did(tok, people)))
            own = [m for m in meetings if all(x.trigger.i == tok.i for x in m.mentions)]
            others = [m for m in meetings if m not in own]
            target = _occasion(others, idx, tok, reach, summit_only)
            if target is not None:
                target.participants += [p for p in found if p not in target.participants]
                target.told_at.append(tok.i)
                for m in own:  # "Z joined the leaders": the occasion's, not one of its own
                    if set(m.participants) <= set(target.participants):
                        meetings.remove(m)
            else:
                loose.append((tok, found))
    _gathering_of_loose(meetings, idx, people, loose, published)


def _copula(word):
    """The 'were' of 'Present at the signing were A and B', parsed as the word's aux."""
    return next(
        (c for c in word.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"), None
    )


def _gathering_of_loose(meetings, idx, people, loose, published) -> None:
    """Attendance told within STAND_IN_REACH sentences of each other, about a summit or a
    gathering and joining no meeting: one meeting of everyone so told."""
    if not loose or published is None:
        return
    later = []
    for tok, found in loose:  # "X opened the summit. A, B and C attended the summit."
        target = _occasion_after(meetings, idx, tok)
        if target is None:
            later.append((tok, found))
        else:
            target.participants += [p for p in found if p not in target.participants]
            target.told_at.append(tok.i)
    groups: list = []
    for tok, found in later:
        here = idx.sent_of[tok.i]
        if groups and here - groups[-1][-1][0] <= STAND_IN_REACH:
            groups[-1].append((here, tok, found))
        else:
            groups.append([(here, tok, found)])
    for group in groups:
        persons = list(dict.fromkeys(p for _, _, found in group for p in found))
        if len(persons) < 2:
            continue
        told = next((tok for _, tok, _ in group if occasion_word(tok)), None)
        occasion = occasion_word(told) if told is not None else _told_before(idx, group[0][0])
        if occasion is None:
            continue
        m = _mention(idx, people, told or group[0][1], persons, published)
        if m is None or m.background:
            continue
        m.confidence = 0.7
        m.rule = "meeting.attendance"
        if occasion == "summit":
            m.kinds.add("summit")
        meeting = Meeting([])
        meeting.add(m)
        meetings.append(meeting)


def _told_before(idx, here):
    """The occasion noun ('summit', 'ceremony') of the two sentences before a roll call
    that names none ('Those present were A, B and C')."""
    for n in range(max(here - 2, 0), here):
        for t in idx.sents[n]:
            if t.lemma_.lower() in OCCASION_WORDS and t.pos_ in ("NOUN", "PROPN"):
                return t.lemma_.lower()
    return None


def _onlookers(verb, people) -> list:
    """'as C and D looked on', 'C watched': the subjects of a watching verb with no object."""
    lemma = verb.lemma_.lower()
    if lemma == "look":
        if not any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
            return []
    elif lemma != "watch" or any(c.dep_ == "dobj" for c in verb.children):
        return []
    return _all_subjects(verb, people)


def _all_subjects(verb, people) -> list:
    """Subjects read both ways: through the parse's coordination and as a whole list."""
    found = subjects_listed(verb, people) + _subjects(verb, people)
    return named_here(found, verb.sent, people)


def _stand_ins(verb, people) -> list:
    """Persons told as taking part in an occasion for a state or with a delegation."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "represent" and any(c.dep_ == "auxpass" for c in children):
        return [
            p
            for c in children
            if c.dep_ == "agent"
            for o in c.children
            if o.dep_ == "pobj"
            for p in list_persons(o, people)
        ]
    if lemma == "send" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ in PLACE_NOUNS for o in c.children)
        for c in children
    ):
        return [p for c in children if c.dep_ == "dobj" for p in _refs(c, people)]
    objects = [c for c in children if c.dep_ == "dobj"]
    if lemma in ("lead", "head") and any(o.lower_ in DELEGATION_NOUNS for o in objects):
        return _all_subjects(verb, people)
    if lemma == "join" and any(o.lower_ in JOINED_GROUPS for o in objects):
        return _all_subjects(verb, people)  # "Z joined the leaders on the second day"
    if lemma in ("attend", "join") and any(o.lower_ in OCCASION_NOUNS for o in objects):
        return _all_subjects(verb, people)  # "Z joined the talks on the second day"
    if lemma == "attend" and not objects and not _attended_elsewhere(verb):
        return _all_subjects(verb, people)  # "A, B and C attended": the occasion at hand
    return []


def _attended_elsewhere(verb) -> bool:
    """'attended to the wounded', 'attended, saying that ...': a bare 'attend' with a
    'to' phrase or a clause of its own is not a roll call of the occasion at hand."""
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "to")
        for c in verb.children
    )


def _occasion(meetings, idx, tok, reach, summit_only):
    """The main-story meeting told last at or before the token's sentence, within `reach`
    sentences; for stand-ins, only a summit or a meeting of three or more."""
    here = idx.sent_of[tok.i]
    best, best_at = None, -1
    for meeting in meetings:
        if meeting.background:
            continue
        if summit_only and "summit" not in meeting.kinds and len(meeting.participants) < 3:
            continue
        told = [idx.sent_of[m.trigger.i] for m in meeting.mentions]
        told += [idx.sent_of[i] for i in meeting.told_at]  # "..., as did X" told after
        at = max((n for n in told if n <= here), default=-1)
        if at >= 0 and here - at <= reach and at > best_at:
            best, best_at = meeting, at
    return best


def _occasion_after(meetings, idx, tok):
    """The first main-story summit (or meeting of three or more) told within
    STAND_IN_REACH sentences after the token's."""
    here = idx.sent_of[tok.i]
    for meeting in meetings:
        if meeting.background or ("summit" not in meeting.kinds and len(meeting.participants) < 3):
            continue
        told = [idx.sent_of[m.trigger.i] for m in meeting.mentions]
        if any(here < n <= here + STAND_IN_REACH for n in told):
            return meeting
    return None
