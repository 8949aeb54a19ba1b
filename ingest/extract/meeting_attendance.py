"""Who else was there: onlookers of a signing and stand-ins at a summit.

A meeting's own sentence often names only those who act in it ("A and B signed the
treaty", "X hosted the summit"); the persons present are told around it:

- onlookers: "A and B signed ... as C and D looked on", "C, D and E looked on"
  (in the next sentence), "C watched as ...": they take part in the signing;
- one side's members: "The Danish side included A and B", "On the German side were A
  and B" (`side_members`): they take part in the meeting just told of that side, and make
  none of their own;
- stand-ins and delegations at a summit: "Y sent Z in his place", "Egypt was
  represented by Z", "A, B and C led their delegations", "Z attended the signing":
  they take part in the summit told just before; so do "Z joined the talks later" and
  "Z joined the leaders on the second day" (whose own meeting of a few is dropped).

Only asserted predicates count ("will be represented by" is a plan).
"""

from __future__ import annotations

from . import dates
from .arrivals import arrivals
from .conflict import body_sents, is_conflict, verb_asserted
from .gatherings import OCCASION_NOUNS as OCCASION_WORDS
from .gatherings import (
    PRESENT_WORDS,
    as_did,
    chair,
    hosted_occasion,
    list_persons,
    named_here,
    occasion_word,
    present,
    subjects_listed,
)
from .meeting_args import _refs, _subjects
from .meetings import Meeting, _mention
from .occasion_presence import at_occasion, at_the_occasion, in_attendance, signed_alone
from .side_members import side_members
from .tags import AUX, NOUN, PROPN, VERB
from .text import kids, sent_of, span_ents, token_pos, token_texts

# How many sentences after a meeting's last mention its onlookers or stand-ins may be told.
ONLOOKER_REACH = 2
STAND_IN_REACH = 3
# "at the opening": a definite occasion refers back to one told up to this many sentences
# before (quotes in between split into sentences of their own).
REFERS_BACK_REACH = 6
OCCASION_NOUNS = {"summit", "signing", "ceremony", "meeting", "talks", "conference", "session",
                  "gathering"}  # fmt: skip
DELEGATION_NOUNS = {"delegation", "delegations"}
PLACE_NOUNS = {"place", "stead"}
# "Z joined the leaders / them / the other leaders": the people of the occasion at hand.
JOINED_GROUPS = {"leaders", "them", "counterparts", "others"}
# The occasions attendance may join (see `_fits`); a side's members join one that a
# participant of the side's country (if told) attends, as ("side", country).
ANY, SUMMIT, SIGNING, SIDE = "any", "summit", "signing", "side"
# "Z joined the (G7) leaders / the other heads of state": a group noun, not a pronoun, names
# the gathering the article told, however many sentences before.
LEADER_GROUPS = {"leaders", "counterparts", "heads"}


def add_attendance(meetings, idx, people, published=None) -> None:
    """Add onlookers to the signing (or meeting) they watched, and stand-ins, arrivals and
    chairs to the gathering they attended (see module docstring and `gatherings`).  A
    gathering whose own sentence named nobody ("Gulf leaders met for their summit") becomes
    a meeting of those told as chairing and attending it, when they are two or more."""
    loose: list = []  # (token, persons, reach) with no meeting to join
    pos, texts = token_pos(idx.doc), token_texts(idx.doc)
    for sent in body_sents(idx):
        if not people.any_between(sent.start, min(sent.end + 1, len(idx.doc))):
            continue  # every reader below finds persons the sentence names
        for i in range(sent.start, sent.end):
            if pos[i] not in ("VERB", "AUX") and texts[i].lower() not in PRESENT_WORDS:
                continue
            tok = idx.doc[i]
            verb = tok if tok.pos in (VERB, AUX) else _copula(tok)
            if verb is None:
                continue
            found, reach, which, late = _attendance(tok, people, idx, meetings)
            # the readers find nothing on most verbs: the assertion is judged after them
            if not found or not verb_asserted(verb) or is_conflict(verb):
                continue
            found = list(dict.fromkeys(found + as_did(tok, people)))
            if _also_there(tok, verb):
                which = ANY  # "X was also present at the meeting": the meeting just told
            own = [m for m in meetings if _told_only_here(m, tok, late)]
            own += [m for m in meetings if m not in own and _named_in_roll_call(m, tok, found)]
            others = [m for m in meetings if m not in own]
            target = _occasion(others, idx, tok, reach, which, people)
            if target is None and isinstance(which, tuple):
                continue  # a side's members with no meeting of that side: none of their own
            if target is not None:
                target.participants += [p for p in found if p not in target.participants]
                target.told_at.append(tok.i)
                for m in own:  # "Z joined the leaders": the occasion's, not one of their own
                    if set(m.participants) <= set(target.participants):
                        meetings.remove(m)
            else:
                loose.append((tok, found, reach))
    _gathering_of_loose(meetings, idx, people, loose, published)


def _attendance(tok, people, idx, meetings) -> tuple:
    """(persons, reach in sentences, which occasions they may join (see `_fits`), whether
    they are late joiners) told by one token."""
    found = _late_joiners(tok, people)
    if found:
        return found, len(idx.sents), SUMMIT, True
    found, country = side_members(tok, people)
    if found:
        return found, ONLOOKER_REACH, (SIDE, country), False
    for read, reach, which in (
        (_onlookers, ONLOOKER_REACH, ANY),
        (_stand_ins, STAND_IN_REACH, SUMMIT),
        (present, ONLOOKER_REACH, ANY),  # "Also attending were C and D": the occasion at hand
        (chair, STAND_IN_REACH, SUMMIT),
        (signed_alone, ONLOOKER_REACH, SIGNING),  # "Z put his name to the declaration"
        (in_attendance, STAND_IN_REACH, SUMMIT),  # "..., with A and B in attendance"
    ):
        found = read(tok, people)
        if found:
            return found, reach, which, False
    found = arrivals(tok, people, idx)  # "X was greeted on arrival by Y" at the summit
    if found:
        return found, STAND_IN_REACH, SUMMIT, False
    if not any(m.trigger.i == tok.i for g in meetings for m in g.mentions):
        # "Y sought out Z at the opening ceremony"; a meeting of its own ("Y met Z at the
        # summit") is a side meeting and stays one
        found = at_occasion(tok, people)
    reach = REFERS_BACK_REACH if found and at_the_occasion(tok) else STAND_IN_REACH
    return found, reach, SUMMIT, False


def _told_only_here(meeting, tok, late: bool) -> bool:
    """A meeting told only by this token; for a late joiner, one told by it or inside its
    phrase and otherwise only in its sentence ('on Sunday he joined the leaders in their
    session'): when its people are all at the occasion the token adds them to, it is that
    occasion told again."""
    if not late:
        return all(m.trigger.i == tok.i for m in meeting.mentions)
    inside = _phrase(tok)
    return (
        any(m.trigger.i == tok.i for m in meeting.mentions)
        or all(m.trigger.i in inside for m in meeting.mentions)
    ) and all(sent_of(m.trigger).start == sent_of(tok).start for m in meeting.mentions)


# Occasions an aide told as 'also' there joins whatever their size: the meeting just told.
ALSO_OCCASIONS = {"meeting", "talks", "session", "negotiations", "discussions", "lunch", "dinner"}


def _also_there(tok, verb) -> bool:
    """'X was also present at the meeting', 'Also attending were X and Y', 'X also took
    part in the talks', 'X joined the talks': 'also' or the definite meeting noun ties
    those present to the meeting just told, of two or more (a summit named as the occasion
    stays a summit's)."""
    if _joined_the_meeting(tok):
        return True
    if not any(c.lower_ == "also" and c.dep_ == "advmod" for t in (tok, verb) for c in kids(t)):
        return False
    word = occasion_word(tok)
    return word is None or word in ALSO_OCCASIONS


def _joined_the_meeting(verb) -> bool:
    """'X later joined the talks', 'X attended the meeting': the talks or the meeting just
    told (the definite article refers back to it), of two as of more."""
    return verb.lemma_.lower() in ("join", "attend") and any(
        c.dep_ == "dobj"
        and c.lower_ in ALSO_OCCASIONS
        and any(d.dep_ == "det" and d.lower_ == "the" for d in kids(c))
        and not any(a.dep_ == "amod" for a in kids(c))  # "the next meeting"
        for c in kids(verb)
    )


def _named_in_roll_call(meeting, tok, found) -> bool:
    """A meeting of only persons the roll call names, told only by meeting nouns inside it
    ('Present at the talks were A and B' read as talks of A and B): the roll call's (a
    summit so told is the occasion itself, which the roll call may join)."""
    inside = _phrase(tok)
    return set(meeting.participants) <= set(found) and all(
        m.trigger.lower_ in ALSO_OCCASIONS and m.trigger.i in inside for m in meeting.mentions
    )


def _occasion_inside(mention, inside) -> bool:
    trigger = mention.trigger
    return trigger.i in inside and trigger.pos == NOUN and trigger.lemma_.lower() in OCCASION_WORDS


def _late_joiners(verb, people) -> list:
    """'Z joined the G7 leaders on Sunday', 'Z arrived to join the other heads of state':
    whoever joins the leaders (a group noun, not 'them') joins the gathering of leaders the
    article told before, wherever it told it."""
    if verb.lemma_.lower() != "join" or _joined_a_stance(verb):
        return []
    if not any(c.dep_ == "dobj" and c.lower_ in LEADER_GROUPS for c in kids(verb)):
        return []
    return _all_subjects(verb, people) or _subjects(verb, people)  # "he joined the leaders"


def _joined_a_stance(verb) -> bool:
    """'joined the leaders in criticising the summit': a stance shared, not a gathering."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.tag_ == "VBG" for o in kids(c))
        for c in kids(verb)
    )


def _copula(word):
    """The 'were' of 'Present at the signing were A and B', parsed as the word's aux."""
    return next((c for c in kids(word) if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"), None)


def _gathering_of_loose(meetings, idx, people, loose, published) -> None:
    """Attendance told within STAND_IN_REACH sentences of each other, about a summit or a
    gathering and joining no meeting: one meeting of everyone so told."""
    if not loose or published is None:
        return
    later = []
    for tok, found, reach in loose:  # "X opened the summit. A, B and C attended the summit."
        target = _occasion_after(meetings, idx, tok)
        if target is None:
            later.append((tok, found, reach))
        else:
            target.participants += [p for p in found if p not in target.participants]
            target.told_at.append(tok.i)
    groups: list = []
    for tok, found, reach in later:
        here = idx.sent_of[tok.i]
        if groups and here - groups[-1][-1][0] <= reach:
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
        if told is None and _joins_the_story(meetings, idx, group, persons, people):
            continue
        if any(_told_again(o, persons, idx, group) for o in meetings):
            continue  # "A met B ... they presided over the signing": that meeting's
        told = told or group[0][1]
        # "The summit opened on Friday ..., hosted by X": the day is the opening's
        m = _mention(idx, people, hosted_occasion(told) or told, persons, published)
        if m is None or m.background:
            continue
        if hosted_occasion(told) is not None:
            m.date = m.date or _only_day(idx.sent(told), published)
        m.confidence = 0.7
        m.rule = "meeting.attendance"
        if occasion == "summit":
            m.kinds.add("summit")
        meeting = Meeting([])
        meeting.add(m)
        tokens = [tok for _, tok, _ in group]
        for own in [o for o in meetings if _own_of(o, tokens, persons)]:
            # "Z joined the leaders" read as Z meeting one of them: the gathering's
            meetings.remove(own)
            for x in own.mentions:
                meeting.add(x)
        meetings.append(meeting)


def _joins_the_story(meetings, idx, group, persons, people) -> bool:
    """'A met B on Monday. ... The summit was the first in a decade. C and D were
    present.': a roll call naming no occasion of its own, after a sentence that only
    refers to one, is at the main-story meeting told last (up to REFERS_BACK_REACH
    sentences before), not a meeting of its own of those it names; they join it."""
    first = group[0][1]
    target = _occasion(meetings, idx, first, REFERS_BACK_REACH, ANY, people)
    if target is None:
        return False
    target.participants += [p for p in persons if p not in target.participants]
    target.told_at.append(first.i)
    return True


def _only_day(sent, published):
    """The day of the occasion's own sentence when it tells one and only one ('The summit,
    chaired by X, opened in Y on June 17'), however the parser hung it."""
    days = [e for e in span_ents(sent) if e.label_ == "DATE"]
    if len(days) != 1 or dates.mentions_past(days[0].text, published):
        return None
    day = dates.resolve(days[0].text, published)
    return day if day is not None and day <= published else None


def _own_of(meeting, told, persons) -> bool:
    """A meeting told only by these attendance tokens, of some of their persons, or only by
    the occasion nouns of their phrases ('B and C attended the opening session')."""
    at_tokens = all(any(m.trigger.i == tok.i for tok in told) for m in meeting.mentions)
    if at_tokens and set(meeting.participants) <= set(persons):
        return True
    return all(any(_occasion_inside(m, _phrase(tok)) for tok in told) for m in meeting.mentions)


def _phrase(tok) -> range:
    return range(tok.left_edge.i, tok.right_edge.i + 1)


def _told_again(meeting, persons, idx, group) -> bool:
    """A main-story meeting of all these persons told up to STAND_IN_REACH sentences before
    the first of the group: the attendance tells it again."""
    if meeting.background or not set(persons) <= set(meeting.participants):
        return False
    first = group[0][0]
    told = [idx.sent_of[m.trigger.i] for m in meeting.mentions]
    return any(0 <= first - n <= STAND_IN_REACH for n in told)


def _told_before(idx, here):
    """The occasion noun ('summit', 'ceremony') of the two sentences before a roll call
    that names none ('Those present were A, B and C')."""
    for n in range(max(here - 2, 0), here):
        for t in idx.sents[n]:
            if t.lemma_.lower() in OCCASION_WORDS and t.pos in (NOUN, PROPN):
                return t.lemma_.lower()
    return None


def _onlookers(verb, people) -> list:
    """'as C and D looked on', 'C watched': the subjects of a watching verb with no object."""
    lemma = verb.lemma_.lower()
    if lemma == "look":
        if not any(c.dep_ == "prt" and c.lower_ == "on" for c in kids(verb)):
            return []
    elif lemma != "watch" or any(c.dep_ == "dobj" for c in kids(verb)):
        return []
    return _all_subjects(verb, people)


def _all_subjects(verb, people) -> list:
    """Subjects read both ways: through the parse's coordination and as a whole list."""
    found = subjects_listed(verb, people) + _subjects(verb, people)
    return named_here(found, sent_of(verb), people)


def _stand_ins(verb, people) -> list:
    """Persons told as taking part in an occasion for a state or with a delegation."""
    lemma = verb.lemma_.lower()
    children = list(kids(verb))
    if lemma == "represent" and any(c.dep_ == "auxpass" for c in children):
        return [
            p
            for c in children
            if c.dep_ == "agent"
            for o in kids(c)
            if o.dep_ == "pobj"
            for p in list_persons(o, people)
        ]
    if lemma == "send" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ in PLACE_NOUNS for o in kids(c))
        for c in children
    ):
        return [p for c in children if c.dep_ == "dobj" for p in _refs(c, people)]
    # a person parsed as the object before the verb begins its list of subjects ("A, B and
    # C attended" with A as the object)
    objects = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    if lemma in ("lead", "head") and any(o.lower_ in DELEGATION_NOUNS for o in objects):
        return _all_subjects(verb, people)
    if lemma == "join" and _joined_a_stance(verb):
        return []
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
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ == "to") for c in kids(verb)
    )


def _fits(meeting, which, people=None) -> bool:
    """Whether attendance of a kind may join a meeting: ANY meeting; for stand-ins and
    chairs a SUMMIT or a meeting of three or more; for a lone signer a SIGNING; for a
    side's members one a participant of the side's country attends, when it is told."""
    if isinstance(which, tuple):
        country = which[1]
        return country is None or any(
            country in (people.get(p).country, getattr(people.get(p), "registry_country", None))
            for p in meeting.participants
        )
    if which == SUMMIT:
        return "summit" in meeting.kinds or len(meeting.participants) >= 3
    if which == SIGNING:
        return any(m.trigger.lemma_.lower() in ("sign", "signing") for m in meeting.mentions)
    return True


def _occasion(meetings, idx, tok, reach, which, people=None):
    """The main-story meeting told last at or before the token's sentence, within `reach`
    sentences, that the attendance `_fits`."""
    here = idx.sent_of[tok.i]
    best, best_at = None, -1
    for meeting in meetings:
        if meeting.background or not _fits(meeting, which, people):
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
