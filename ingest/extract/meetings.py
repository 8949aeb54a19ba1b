"""Meetings: find every mention of leaders meeting, then merge mentions into events.

A mention comes from a verb (meet, hold talks, host, receive, welcome, visit,
speak by phone, sign ... with) or an event noun (talks, visit, summit, call,
meeting between A and B).  It records participants, host hints, places, the
date and whether it is background ("last met", "in 2014", pluperfect).
Mentions with the same participants merge unless their dates, host countries
or cities disagree; a one-person visit ("Kim's visit to Russia") joins the
meeting its visitor takes part in.  Plans, negations and hypotheticals are
dropped by `conflict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates
from .conflict import clause_verb, noun_asserted, verb_asserted
from .leader_countries import host_of
from .meeting_lede import lede_trigger
from .meeting_kinds import article_kinds, kind_of, mention_kinds, place_of
from .places import CITY, places_around

VERB_TRIGGERS = {
    "meet",
    "host",
    "receive",
    "welcome",
    "greet",
    "visit",
    "talk",
    "speak",
    "phone",
    "call",
    "join",
    "sit",
    "shake",
    "sign",
    "embrace",
    "see",
    "spend",
    "hold",
    "have",
    "confer",
    "dine",
    "accompany",
}
NOUN_TRIGGERS = {
    "talks",
    "meeting",
    "summit",
    "visit",
    "trip",
    "journey",
    "call",
    "conversation",
    "discussions",
    "discussion",
    "encounter",
    "interactions",
    "session",
    "negotiations",
    "summitry",
    "meetings",
}
HELD_NOUNS = {
    "talks",
    "meeting",
    "summit",
    "call",
    "conversation",
    "discussions",
    "session",
    "negotiations",
    "lunch",
    "dinner",
    "banquet",
}
HOST_VERBS = {"host", "receive", "welcome", "greet"}
# "during the talks", "after their meeting", "began with a session": the clause's people met.
EVENT_PREPS = {"in", "during", "after", "at", "with", "following", "throughout", "from", "out"}
MEASURE_NOUNS = {"hours", "days", "minutes", "rounds", "round", "weeks", "night", "evening"}
COMPANY_PREPS = ("with", "alongside", "beside")
MAX_VISIT_DAYS = 3  # mentions this many days apart, same people and city: one visit
BACKGROUND_ADVERBS = {"first", "last", "before", "previously", "earlier", "once", "already"}
BACKGROUND_AMODS = {"previous", "last", "earlier", "past", "former"}


@dataclass
class Mention:
    participants: list
    trigger: object
    kinds: set = field(default_factory=set)
    host_pids: list = field(default_factory=list)
    host: str | None = None
    places: list = field(default_factory=list)
    date: object = None
    background: bool = False
    confidence: float = 0.9


@dataclass
class Meeting:
    participants: list
    mentions: list = field(default_factory=list)
    kinds: set = field(default_factory=set)
    host_pids: list = field(default_factory=list)
    host: str | None = None
    places: list = field(default_factory=list)
    date: object = None
    background: bool = False
    topics: list = field(default_factory=list)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.kinds |= m.kinds
        self.host_pids += [p for p in m.host_pids if p not in self.host_pids]
        self.host = self.host or m.host
        self.places += m.places
        if m.date and (self.date is None or m.date < self.date):
            self.date = m.date
        for p in m.participants:
            if p not in self.participants:
                self.participants.append(p)


def _subjects(verb, people) -> list:
    """Persons who are the subject of a verb, inherited through xcomp/conj/advcl."""
    for _ in range(4):
        subs = [c for c in verb.children if c.dep_ in ("nsubj",)]
        if subs:
            out = []
            for s in subs:
                out += people.refs(s)
            return out
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and verb.head != verb:
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        else:
            break
    return _names_before(verb, people) if verb.dep_ == "ROOT" else []


def _names_before(verb, people) -> list:
    """A main verb the parser left without a subject: the persons named right before it
    ('After talks at the palace, X and Y signed ...')."""
    out, i = [], verb.i - 1
    doc = verb.doc
    while i >= 0 and (people.pids(doc[i]) or doc[i].lower_ in ("and", ",")):
        out = list(people.pids(doc[i])) + out
        i -= 1
    return list(dict.fromkeys(out)) if len(set(out)) >= 2 else []


def _objects(
    tok, people, preps=("with", "to", "by", "between", "of", "beside", "alongside")
) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "dative", "attr"):
            out += people.refs(c)
        elif c.dep_ in ("prep", "agent") and (c.lower_ in preps or c.dep_ == "agent"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out += people.refs(obj)
    return out


def _agents(verb, people) -> list:
    """Persons in a passive verb's 'by' phrase."""
    return [p for c in verb.children if c.dep_ == "agent" for o in c.children for p in people.refs(o)]


def _background(tok, verb, date_texts, published) -> bool:
    for c in list(verb.children) + list(tok.children):
        if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS:
            return True
        if c.dep_ == "aux" and c.lower_ == "had" and verb.tag_ == "VBN":
            return True
        if c.dep_ == "amod" and c.lower_ in BACKGROUND_AMODS:
            return True
    return any(dates.mentions_past(t, published) for t in date_texts)


def _date_texts(verb, idx) -> list:
    """Date/time expressions attached to a verb's own clause."""
    texts, seen = [], set()
    for t in verb.subtree:
        if t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in dates.WEEKDAYS:
            continue
        if t.i in seen or idx.sent_of[t.i] != idx.sent_of[verb.i]:
            continue
        anc = clause_verb(t.head) if t.head != t else t
        if anc != verb and anc.dep_ not in ("xcomp", "conj", "advcl") and anc.head != verb:
            continue
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        span = ent if ent is not None else t.doc[t.i : t.i + 1]
        seen.update(range(span.start, span.end))
        if span.start > 0 and t.doc[span.start - 1].lower_ == "since":
            continue  # "their first talks since June": June is another event
        texts.append(span.text)
    return texts


def _mention(
    idx, people, tok, participants, published, host_pids=(), visitor=False
) -> Mention | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else clause_verb(tok)
    participants = list(dict.fromkeys(participants))
    if len(participants) < 2 and not visitor:
        return None
    sent = idx.sent(tok)
    texts = _date_texts(verb, idx)
    m = Mention(participants, tok, mention_kinds(tok, sent), list(host_pids))
    m.places = places_around(tok, published)
    m.host = next((p.country for p in m.places if p.country), None)
    m.background = _background(tok, verb, texts, published)
    for text in texts:
        m.date = m.date or dates.resolve(text, published, idx.last_date)
    if m.date:
        idx.last_date = m.date
    m.confidence = min(people.confidence(t) for t in [tok]) if False else 0.9
    return m


def _verb_mention(idx, people, tok, published):
    lemma = tok.lemma_.lower()
    if lemma not in VERB_TRIGGERS or tok.pos_ != "VERB":
        return None
    subs = _subjects(tok, people)
    objs = _objects(tok, people)
    if lemma in (
        "hold",
        "have",
        "spend",
        "sit",
        "shake",
        "sign",
        "join",
        "see",
        "accompany",
        "dine",
    ):
        held = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in HELD_NOUNS]
        if lemma in ("hold", "have") and not held:
            return None
        for h in held:
            objs += _objects(h, people, preps=("with", "between"))
        if lemma in ("see", "join", "accompany") and not objs:
            return None
        if lemma == "sign" and not objs and len(subs) < 2:
            return None
        if lemma in ("spend", "sit", "shake", "dine") and len(subs) < 2 and not objs:
            return None
    host_pids = []
    if lemma in HOST_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        # "X was received by Y": the host is the agent.
        host_pids = _agents(tok, people) if passive else subs
    elif lemma in ("meet", "visit", "see") and objs:
        host_pids = objs
    m = _mention(idx, people, tok, subs + objs, published, host_pids)
    if m:
        m.confidence = 0.9 if subs and objs or len(subs) > 1 else 0.8
    return m


def _outer_noun(tok):
    """'after three hours of talks': the measure noun the event noun hangs off."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in MEASURE_NOUNS:
        return tok.head.head
    return tok


def _noun_mention(idx, people, tok, published):
    if tok.lower_ not in NOUN_TRIGGERS or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    parts = []
    for c in tok.children:
        if c.dep_ == "poss":
            parts += people.refs(c)
    parts += _objects(tok, people, preps=("between", "with", "of"))
    outer = _outer_noun(tok)
    if outer.dep_ == "pobj" and outer.head.lower_ in EVENT_PREPS and len(parts) < 2:
        verb = clause_verb(outer.head)
        parts += _subjects(verb, people) + _objects(verb, people, preps=COMPANY_PREPS)
    visitor = tok.lower_ in ("visit", "trip", "journey") and len(parts) == 1
    m = _mention(idx, people, tok, parts, published, visitor=visitor)
    if m and visitor:
        dest = [p for p in places_around(tok, published) if p.country]
        if not dest:
            return None
        m.host = dest[0].country
    if m:
        m.confidence = 0.8 if len(parts) >= 2 else 0.6
    return m


def find_mentions(idx, people, published) -> list:
    """All asserted meeting mentions in the article body, in order."""
    out = []
    idx.last_date = None
    for sent in idx.fact_sents():
        for tok in sent:
            if tok.pos_ == "VERB":
                m = _verb_mention(idx, people, tok, published)
                ok = m is not None and verb_asserted(tok)
            elif tok.pos_ in ("NOUN", "PROPN"):
                m = _noun_mention(idx, people, tok, published)
                ok = m is not None and noun_asserted(tok)
            else:
                continue
            if ok:
                out.append(m)
    out += _lede_mention(idx, people, published, out)
    return sorted(out, key=lambda m: m.trigger.i)


def _lede_mention(idx, people, published, found) -> list:
    """The lede's event referred back to later (see meeting_lede)."""
    hit = lede_trigger(idx, people, {idx.sent_of[m.trigger.i] for m in found})
    if hit is None:
        return []
    lede, parts, tok = hit
    m = Mention(parts, tok, mention_kinds(tok, idx.sent(tok)) | mention_kinds(lede.root, lede))
    m.places = places_around(tok, published)
    m.host = next((p.country for p in m.places if p.country), None)
    m.date = next((dates.resolve(e.text, published) for e in lede.ents if e.label_ == "DATE"), None)
    m.confidence = 0.6
    return [m]


def _city(places) -> str | None:
    return next((p.text for p in places if p.level == CITY), None)


def _compatible(meeting: Meeting, m: Mention) -> bool:
    if meeting.background != m.background:
        return False
    if meeting.date and m.date and meeting.date != m.date:
        # Days of one visit stay one meeting; a background meeting has one day.
        if m.background or meeting.background or abs((meeting.date - m.date).days) > MAX_VISIT_DAYS:
            return False
    if meeting.host and m.host and meeting.host != m.host:
        return False
    a, b = _city(meeting.places), _city(m.places)
    if a and b and a != b:
        return False
    return True


def merge(mentions) -> list:
    """Group mentions into meetings (see module docstring)."""
    meetings: list = []
    singles = [m for m in mentions if len(m.participants) < 2]
    for m in (m for m in mentions if len(m.participants) >= 2):
        target = next(
            (
                g
                for g in meetings
                if set(g.participants) == set(m.participants) and _compatible(g, m)
            ),
            None,
        )
        if target is None:
            target = Meeting([], background=m.background)
            meetings.append(target)
        target.add(m)
    for m in singles:
        target = next(
            (
                g
                for g in meetings
                if m.participants[0] in g.participants and not g.background and _compatible(g, m)
            ),
            None,
        )
        if target is not None:
            target.add(m)
            target.host = m.host or target.host
    return meetings


def events(idx, people, published) -> list:
    """Meetings of the article: mentions found, merged, and the first main meeting
    completed from the lede (its date) when its own sentences give none."""
    meetings = merge(find_mentions(idx, people, published))
    first = next((m for m in meetings if not m.background), None)
    if first is not None and first.date is None:
        first.date = _lead_date(idx, people, first, published)
    if first is not None:
        first.kinds |= article_kinds(idx, people, first, published)
    return meetings


def _lead_date(idx, people, meeting, published):
    """The day stated in the article's first body sentence, when that sentence names
    one of the meeting's participants (news ledes date the main event)."""
    if len(idx.sents) <= idx.headline_sents:
        return None
    lede = idx.sents[idx.headline_sents]
    if not any(set(people.pids(t)) & set(meeting.participants) for t in lede):
        return None
    for ent in lede.ents:
        if ent.label_ == "DATE" and not dates.mentions_past(ent.text, published):
            day = dates.resolve(ent.text, published)
            if day:
                return day
    return None


def finish(meeting: Meeting, people, dateline=None, first: bool = False) -> dict:
    """Kind, host and place of a merged meeting, as plain values (calls have neither)."""
    kind = kind_of(meeting.kinds, len(meeting.participants))
    if kind == "call":
        return {"kind": kind, "host": None, "place": None}
    host = host_of(meeting, people, dateline, first)
    return {"kind": kind, "host": host, "place": place_of(meeting, dateline, first, host)}
