"""Meetings told by words said or done to a leader face to face within a round of
meetings: "X held a string of meetings with regional leaders. He told King Y that ...,
and told the emir of Q, Sheikh W, that ...", "Y invited him to Egypt", or at a meeting
told under way with no one named in it: "The meeting started at 10 a.m., where A told B
...".  Telling alone
("told reporters", "told Y in a letter") is no meeting; "told Y by phone" is a call."""

from __future__ import annotations

from . import dates
from .conflict import clause_verb, noun_asserted
from .meeting_args import _objects, _refs, _subjects
from .meeting_checks import _by_line, at_a_distance
from .meeting_time import _date_texts
from .meetings import _mention
from .places import places_around
from .tags import NOUN, PROPN, VERB
from .text import kids, subtree

# Words said or done to a leader face to face within a round of meetings: "told King Y
# that ...", "assured Y", "Y invited him to Egypt", "complimented Y on his tie".
TELL_VERBS = {"tell", "assure", "inform", "invite", "compliment", "thank", "promise"}
# A round of meetings the telling belongs to: "held a string of meetings with regional
# leaders", "a series of talks with Gulf leaders".
ROUND_NOUNS = {"meetings", "talks", "discussions"}
ROUND_WORDS = {"string", "series", "round", "flurry", "number", "day", "succession"}
ROUND_REACH = 3  # sentences back where the round may be told
# A meeting told as taking place with no one named in it ("The meeting started at 10 a.m.,
# where A told B ...", "The talks opened on Monday. A told B ..."): what a leader tells
# another in that sentence or the next is told at it.
UNDER_WAY_NOUNS = {"meeting", "talks", "session", "discussions", "negotiations"}
UNDER_WAY_VERBS = {"start", "begin", "open", "resume", "last", "continue", "take", "get"}
UNDER_WAY_REACH = 1


def _listeners(verb, people) -> list:
    """Persons told: the object, or the name set beside its title ('told the emir of
    Qatar, Sheikh W, that ...', where the parser hangs the name on the country)."""
    out = []
    for obj in (c for c in kids(verb) if c.dep_ in ("dobj", "dative")):
        out += _refs(obj, people) or [
            p for t in subtree(obj) if t.dep_ == "appos" for p in people.pids(t)
        ]
    for misread in (c for c in kids(verb) if c.pos == PROPN and c.i > verb.i):
        # "assured Barack Obama that ..." with the name misread as a preposition or an
        # adverbial of the verb
        if misread.dep_ == "prep":
            out += [p for o in kids(misread) if o.dep_ == "pobj" for p in _refs(o, people)]
        elif misread.dep_ in ("npadvmod", "advmod"):
            out += _refs(misread, people)
    return out


def first_telling(verb):
    """A second telling the parser hung inside the first one's clause ('told Y that there
    would be ..., and told Z that ...'): the first telling, whose subject and whose
    assertion it shares; else the verb itself."""
    if verb.lemma_.lower() not in TELL_VERBS:
        return verb
    head = verb
    while head.head != head and head.dep_ in ("conj", "ccomp"):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in kids(head)) and head != verb:
            break
        head = head.head
        if head.lemma_ == verb.lemma_ and head.pos == VERB:
            return head
    return verb


def _speakers(verb, people) -> list:
    return _subjects(verb, people) or _subjects(first_telling(verb), people)


def _a_round(noun) -> bool:
    """'a string of meetings', 'talks with regional leaders': several meetings, or talks
    with a group of leaders not named."""
    outer = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if outer is not None and outer.lower_ in ROUND_WORDS:
        return True
    return any(
        p.dep_ == "prep"
        and p.lower_ == "with"
        and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in kids(p))
        for p in kids(noun)
    )


def _round_of_meetings(idx, people, verb, persons):
    """The round of meetings one of `persons` held, told in the telling's sentence or
    the two before with no named counterpart ('a string of meetings with regional
    leaders', 'the summit'): (the noun, its holders), else None."""
    here = idx.sent_of[verb.i]
    for n in range(here, here - ROUND_REACH - 1, -1):
        if n < idx.headline_sents:
            break
        for tok in idx.sents[n]:
            under_way = here - n <= UNDER_WAY_REACH and _under_way(tok)
            if not under_way and (
                tok.lower_ not in ROUND_NOUNS or tok.pos != NOUN or not _a_round(tok)
            ):
                continue
            if _objects(tok, people, preps=("with", "between")) or not noun_asserted(tok):
                continue  # "talks with Y": a meeting of its own, not a round
            holder = clause_verb(tok)
            holders = set(_subjects(holder, people))
            if under_way and persons is not None:
                holders = set(persons)  # nobody named in it: those telling and told
            holders = holders if persons is None else holders & set(persons)
            if holder != verb and holders:
                return tok, holders
    return None


def _under_way(noun) -> bool:
    """'The meeting started at 10 a.m.', 'the talks opened', 'the session took place': a
    definite meeting noun, subject of a verb of its course."""
    if noun.lower_ not in UNDER_WAY_NOUNS or noun.dep_ != "nsubj" or noun.pos != NOUN:
        return False
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma == "get":  # "got under way"
        return any(c.lower_ in ("under", "underway") for c in kids(verb))
    if lemma not in UNDER_WAY_VERBS or (
        lemma == "take" and not any(c.lower_ == "place" for c in kids(verb))
    ):
        return False
    return any(d.dep_ == "det" and d.lower_ == "the" for d in kids(noun))


def _object_pronoun_misread(verb, people, speakers) -> bool:
    """'Y invited him to Egypt' with 'him' read as Y: an object pronoun (not a reflexive)
    never stands for its own clause's subject."""
    return any(
        c.dep_ in ("dobj", "dative")
        and c.lower_ in ("him", "her")
        and set(people.refs(c)) <= set(speakers)
        for c in kids(verb)
    )


def told_in_meetings(idx, people, tok, published):
    """Words said to a leader within a round of meetings of the speaker or the one
    spoken to (module docstring); 'told Y by phone' is a call."""
    if tok.lemma_.lower() not in TELL_VERBS or tok.pos != VERB:
        return None
    listeners, speakers = _listeners(tok, people), _speakers(tok, people)
    listeners = [p for p in listeners if p not in speakers]
    if not listeners and len(speakers) == 1 and _object_pronoun_misread(tok, people, speakers):
        # "Y invited him": him is the one holding the round of meetings Y was part of
        found = _round_of_meetings(idx, people, tok, None)
        listeners = sorted(found[1] - set(speakers)) if found else []
    if not listeners or len(speakers) != 1:
        return None
    if _by_line(tok):
        m = _mention(idx, people, tok, speakers + listeners, published)
        if m is not None:
            m.kinds.add("call")
            m.rule = "meeting.told_in_round"
        return m
    if at_a_distance(tok):
        return None
    found = _round_of_meetings(idx, people, tok, speakers + listeners)
    if found is None:
        return None
    occasion, _ = found
    m = _mention(idx, people, tok, speakers + listeners, published)
    if m is None:
        return None
    holder = clause_verb(occasion)
    if tok.lemma_.lower() == "invite":
        m.places, m.host = [], None  # "invited him to Egypt": where he is asked to come
    if m.date is None and not m.background:
        texts = _date_texts(holder, idx)
        m.date = next(filter(None, (dates.resolve(t, published) for t in texts)), None)
    if not m.places:  # the round's place, else the story's (see place_rounds)
        m.places = places_around(occasion, published) + places_around(holder, published)
        m.host = m.host or next((p.country for p in m.places if p.country), None)
        m.in_round = not m.places
    m.kinds.add("talks")
    m.confidence = 0.7
    m.rule = "meeting.told_in_round"
    return m


def place_rounds(meetings, first) -> None:
    """Meetings told only within a round of meetings with no place ('He told King Y
    ...') are held where the story's main meeting is, not at the home of the one told."""
    if first is None or not first.places:
        return
    for meeting in meetings:
        if meeting is not first and all(m.in_round for m in meeting.mentions):
            meeting.places = list(first.places)
            meeting.host = meeting.host or first.host
