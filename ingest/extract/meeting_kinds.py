"""What kind of meeting a merged event is, and its host and place, from the text's own words.

Kinds follow the gold conventions (SCHEMA.md): `call` for a telephone or
video conversation (no host, no place); `state_visit` only when the text says
"state visit"; `summit` when the event is called a summit; `multilateral` for
a grouping's summit (G7, G20 ...) or six or more leaders; `visit` when one leader travels to
or is hosted by the other (visit/trip words, host/receive/welcome verbs);
`talks` otherwise.  The place is the most specific venue named, else the
city, else (first main meeting only) the dateline city.
"""

from __future__ import annotations

from . import dates
from .conflict import noun_asserted
from .places import CITY, VENUE, places_around
from .tags import AUX, NOUN, PROPN, VERB
from .text import doc_ents, kids, lower_positions, sent_of, span_ents, span_tokens, subtree

CALL_VERBS = {"phone", "dial", "telephone", "ring"}
CALL_WORDS = {"phone", "telephone", "video", "videoconference", "videolink", "virtual", "phoned"}
VISIT_LEMMAS = {"visit", "trip", "journey", "receive", "welcome", "host", "tour"}
TALK_LEMMAS = {"talk", "talks", "meet", "meeting", "hold", "discussions", "sit", "confer"}
INVITING = {"invitation", "invite", "invited", "inviting", "offer", "request"}
MULTILATERAL_SIZE = 6  # this many leaders is a multilateral meeting whatever it is called
GROUP_SUMMIT_ORGS = {"G7", "G8", "G20", "NATO", "EU", "ASEAN", "APEC", "BRICS", "SCO", "AU"}


def _on_sidelines(tok) -> bool:
    head = tok
    for _ in range(6):
        if head.lower_ in ("sidelines", "margins", "sideline", "margin"):
            return True
        head = head.head
    return False


def _level(tok) -> bool:
    """'summit-level', 'summit level': a word modifying another noun, not the event."""
    doc = tok.doc
    nxt = [doc[i].lower_ for i in range(tok.i + 1, min(len(doc), tok.i + 3))]
    return nxt[:1] == ["level"] or nxt[:2] == ["-", "level"]


def _clause_tokens(tok, sent) -> list:
    """Tokens of a trigger's clause in its sentence: its verb's subtree, and the words
    right around the trigger itself.  A clause conjoined to the verb, or one with its own
    subject, is another predicate ("interrupted his talks with X and spoke on the phone
    with Y": the talks are no call)."""
    verb = tok
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    ids = set(range(verb.left_edge.i, verb.right_edge.i + 1))
    for c in subtree(verb):
        if c == verb or c.pos not in (VERB, AUX) or c.left_edge.i <= tok.i <= c.right_edge.i:
            continue
        own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in kids(c))
        if (c.dep_ == "conj" and c.head == verb) or own_subject:
            # "met in September, when X stopped on his way to a summit": not this one's
            ids -= set(range(c.left_edge.i, c.right_edge.i + 1))
    return [t for t in span_tokens(sent) if t.i in ids or t.head == tok or tok.head == t]


def _invited(tok) -> bool:
    head = tok
    for _ in range(5):
        if head.lemma_.lower() in INVITING or head.lower_ in INVITING:
            return True
        if head.head == head:
            return False
        head = head.head
    return False


def state_visit_said(tok) -> bool:
    """'state visit' at this token, reported as happening (not invited, planned, refused)."""
    doc = tok.doc
    return (
        tok.lower_ in ("visit", "visits")
        and tok.i > 0
        and doc[tok.i - 1].lower_ == "state"
        and noun_asserted(tok)
        and not _invited(tok)
    )


def bare_on(verb) -> bool:
    """'called on Y' where the parser left 'on' without its object (Y as the verb's)."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return (
        nxt is not None
        and nxt.lower_ == "on"
        and nxt.head == verb
        and not list(kids(nxt))
        and any(c.dep_ == "dobj" for c in kids(verb))
    )


def _courtesy_call(tok) -> bool:
    """'a courtesy call on Y', 'called on Y at his residence': a visit in person."""
    if tok.lemma_.lower() != "call":
        return False
    if tok.pos == VERB and bare_on(tok):  # "X called on Y at the palace"
        return True
    if tok.pos != VERB and any(c.lower_ == "courtesy" for c in kids(tok)):
        return True
    # "called on Y", "a call on Y": on a person, not on a day ("a call with Y on Tuesday")
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(_on_whom(o, tok) for o in kids(c))
        for c in kids(tok)
    )


def _on_whom(obj, call) -> bool:
    """The object of 'on' after a call: a person or place called on, not a date."""
    if obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in dates.WEEKDAYS:
        return False
    return obj.pos == PROPN or call.pos != VERB


def mention_kinds(tok, sent) -> set:
    """Kind words attached to one meeting trigger in its sentence."""
    kinds = set()
    lemma = tok.lemma_.lower()
    clause = _clause_tokens(tok, sent)
    words = {t.lower_ for t in clause}
    if _courtesy_call(tok):
        kinds.add("visit")  # "paid a courtesy call on Y" is a visit, not a telephone call
    elif words & CALL_WORDS or lemma in CALL_VERBS or (lemma == "call" and tok.pos == NOUN):
        kinds.add("call")
    elif lemma == "call" and tok.pos == VERB and tok.dep_ != "xcomp":
        kinds.add("call")  # "X called Y on Tuesday to discuss ..."
    if any(state_visit_said(t) for t in clause):
        kinds.add("state_visit")
    if lemma in VISIT_LEMMAS or tok.lower_ in VISIT_LEMMAS:
        kinds.add("visit")
    for t in clause:
        if t.lower_ in ("summit", "summits") and _level(t):
            continue  # "summit-level talks" are talks, not a summit
        if t.lower_ in ("summit", "summits") and not _on_sidelines(t) and noun_asserted(t):
            kinds.add("summit")
            if any(c.text in GROUP_SUMMIT_ORGS for c in kids(t)):
                kinds.add("multilateral")
    if lemma in TALK_LEMMAS or tok.lower_ in TALK_LEMMAS:
        kinds.add("talks")
    return kinds


def _held_elsewhere(tok, meeting, published) -> bool:
    """An event noun whose own clause places it in another country than the meeting's."""
    if not meeting.host:
        return False
    verb = tok
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    where = {p.country for p in places_around(verb, published) if p.country}
    return bool(where) and meeting.host not in where


def grouping_summit(tok) -> bool:
    """'the G20 summit', 'the summit of the Forum for ...', 'an ASEAN summit': a summit of
    a grouping of states, which two of its leaders' own meeting is not."""
    for c in kids(tok):
        if c.dep_ in ("compound", "nmod") and (c.ent_type_ == "ORG" or c.text in GROUP_SUMMIT_ORGS):
            return True
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(
                o.dep_ == "pobj" and o.pos == PROPN and o.ent_type_ not in ("PERSON", "GPE", "NORP")
                for o in kids(c)
            ):
                return True
    return False


EVENT_WORDS = {"summit": "summit", "visit": "visit", "trip": "visit"}
ANAPHORIC = {"the", "this", "his", "her", "their", "its"}


def _past_dated(tok, published) -> bool:
    """A past date in the noun's clause: 'a state visit to India in 2014'."""
    verb = tok
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    return any(
        e.label_ == "DATE"
        and e.start >= verb.left_edge.i
        and e.end <= verb.right_edge.i + 1
        and dates.mentions_past(e.text, published)
        for e in doc_ents(tok.doc)
    )


def _planned(tok, published) -> bool:
    """Plans: 'X to make state visit' (an infinitive with no main verb), or a sentence
    that dates something after publication ('a state visit from June 3 to 5')."""
    verb = tok
    while verb.pos not in (VERB, AUX) and verb.head != verb:
        verb = verb.head
    if verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(verb)):
        return True
    for ent in span_ents(sent_of(tok)):
        if ent.label_ == "DATE" and published is not None:
            day = dates.resolve(ent.text, published)
            if (day and day > published) or dates.mentions_future(ent.text):
                return True
    return False


def _owner_ok(tok, people, meeting) -> bool:
    """Possessors who are persons must all take part: "Xi's state visit to Russia" is Xi's,
    "the pair's second summit" belongs to that pair only."""
    owners = [p for c in kids(tok) if c.dep_ == "poss" for p in people.refs(c)]
    return set(owners) <= set(meeting.participants)


def _others_named(tok, people, meeting) -> bool:
    """Whether the noun's sentence names a person who is not in the meeting."""
    return any(set(people.pids(t)) - set(meeting.participants) for t in span_tokens(sent_of(tok)))


def article_kinds(idx, people, meeting, published) -> set:
    """Kind words the article uses for its main meeting anywhere (headline included):
    'state visit', and 'summit'/'visit' referred to definitely ('the summit', 'his visit')."""
    kinds = set()
    lowers = lower_positions(idx.doc)
    for i in sorted(i for word in EVENT_WORDS for i in lowers.get(word, ())):
        tok = idx.doc[i]
        low = tok.lower_
        if tok.pos not in (NOUN, PROPN):
            continue
        if _on_sidelines(tok) or _past_dated(tok, published) or _planned(tok, published):
            continue
        if not noun_asserted(tok) or _invited(tok) or not _owner_ok(tok, people, meeting):
            continue
        if low == "summit" and _others_named(tok, people, meeting):
            continue  # "attended the summit with A, B and C": a larger event than this one
        if low == "summit" and len(meeting.participants) < 3 and grouping_summit(tok):
            continue  # "co-chaired the summit of the Forum with X": the forum's, not the pair's
        if _held_elsewhere(tok, meeting, published):
            continue  # "the second summit was held in Jaipur": not the one in Port Moresby
        if state_visit_said(tok):
            kinds.add("state_visit")
            continue
        dets = {c.lower_ for c in kids(tok) if c.dep_ in ("det", "poss")}
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ANAPHORIC:
            dets.add(tok.doc[tok.i - 1].lower_)  # the parser may hang "The" elsewhere
        poss = any(c.dep_ == "poss" for c in kids(tok))
        if dets & ANAPHORIC or poss or idx.is_headline(tok):
            kinds.add(EVENT_WORDS[low])
    return kinds


def kind_of(kinds: set, n: int) -> str:
    """The one kind of a merged meeting from its mentions' kind words and size."""
    if "call" in kinds:
        return "call"
    if "state_visit" in kinds:
        return "state_visit"
    if "multilateral" in kinds or n >= MULTILATERAL_SIZE:
        return "multilateral"
    if "summit" in kinds:
        return "summit"
    if "visit" in kinds:
        return "visit"
    return "talks"


def place_of(meeting, dateline=None, first: bool = False, host=None) -> str | None:
    """Most specific venue, else city; the dateline city for the first main meeting."""
    venues = [p for p in meeting.places if p.level == VENUE and p.text]
    cities = [p for p in meeting.places if p.level == CITY and p.text]
    place = (venues or cities or [None])[0]
    if place is not None:
        return place.text
    if first and dateline is not None and not meeting.background:
        if dateline.text and (host is None or dateline.country in (None, host)):
            return dateline.text
    return None


def secondary_talks(meetings, main) -> None:
    """A visitor's other meetings beside the main one ('received that evening by the prime
    minister') are talks: only the main meeting of a trip is the visit."""
    if main is None:
        return
    for meeting in meetings:
        if secondary(meeting, main):
            meeting.kinds -= {"visit", "state_visit"}


def told_on_sidelines(meeting) -> bool:
    """Whether a meeting is told as held on the margins of a larger event ('On the
    margins, X met Y', 'met on the sidelines of the summit')."""
    return any(
        c.dep_ == "prep" and any(o.lower_ in SIDELINE_WORDS for o in kids(c))
        for m in meeting.mentions
        for c in kids(m.trigger)
    )


SIDELINE_WORDS = {"sidelines", "margins", "sideline", "margin"}


def sideline_dates(meetings) -> None:
    """A meeting on the margins whose own words give no day is held on the day of the
    summit it is the margin of, not on the day the visitor arrived."""
    summits = [
        m for m in meetings if m.date and not m.background and {"summit", "multilateral"} & m.kinds
    ]
    if len(summits) != 1:
        return
    for meeting in meetings:
        if meeting.background or any(m.date for m in meeting.mentions):
            continue
        if meeting is not summits[0] and told_on_sidelines(meeting):
            meeting.date = summits[0].date


def settled_kinds(meeting) -> set:
    """The meeting's kind words, where a call merged into a meeting held in person at a
    place of its own ('met X at the Kremlin', then 'after his call with X') gives way:
    a call has no place, so the two tell different events and the place is the held one."""
    kinds = set(meeting.kinds)
    if "call" not in kinds:
        return kinds
    in_person = any(m.places and "call" not in m.kinds for m in meeting.mentions)
    return kinds - {"call"} if in_person else kinds


def secondary(meeting, main) -> bool:
    """Whether a meeting beside the main one shares its visitor and is no trip of its own:
    a meeting that a one-person trip mention joined ("X arrived for a state visit") is the
    trip's own meeting, whichever was told first."""
    if meeting is main or meeting.background:
        return False
    if any(len(m.participants) == 1 for m in meeting.mentions):
        return False
    return bool(set(meeting.participants) & set(main.participants))
