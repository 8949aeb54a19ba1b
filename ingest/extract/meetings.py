"""Meeting mentions: who meets whom, where, when, in one trigger's sentence.

A mention comes from a verb (meet, hold talks, host, receive, welcome, visit,
speak by phone, sign ... with, or signing by two subjects) or an event noun (talks,
visit, summit, call, meeting between A and B, "after the talks").  It records
participants, host hints, places, the date and whether it is background ("last met",
"in 2014", pluperfect).  Plans, negations and hypotheticals are dropped by `conflict`
and `is_planned`.  `meeting_events` merges mentions into events.

Participants are read by `meeting_args`, times by `meeting_time`, small tests on a
trigger's words by `meeting_checks`, and event-noun mentions by `meeting_nouns`; the
trigger words are in `meeting_words`.  The rules, named by their trigger words, with their
patterns, confidences and examples, are the table `meeting_rules.MEETING_RULES`.  Meetings
told with no meeting word are read by `meeting_welcomes`, `meeting_tellings` (within a
round of meetings), `meeting_handovers`, `meeting_together` (two leaders in one place)
and `meeting_echoes` (a visit returned, "did the same").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import dates, when
from .agreement_args import doc_kind
from .companions import group_leader, joined_by, joins_a_delegation
from .conflict import clause_verb
from .meeting_args import (
    _agents,
    _country_sides,
    _objects,
    _pair_without_spouse,
    _refs,
    _spouse,
    _subjects,
    _with_line_preps,
)
from .meeting_checks import (
    LINE_WORDS,
    _calls_a_name,
    _done_together,
    _each,
    _each_other,
    _infinitive_below,
    _separate_meetings,
    _spoke_with,
    at_a_distance,
    for_a_group,
    held_noun,
    signed_apart,
    welcomes_a_group,
)
from .meeting_kinds import bare_on, mention_kinds
from .meeting_time import (
    BACKGROUND_ADVERBS,
    _background,
    _date_texts,
    _prior,
    earlier_date_texts,
    measured_from,
    noun_clause_date_texts,
    told_as_earlier,
)
from .meeting_words import (
    COMPANY_PREPS,
    FLAT_VERBS,
    GATHERING_VERBS,
    HOST_VERBS,
    JOINT_VERBS,
    MEAL_VERBS,
    NOUN_TRIGGERS,
    STRONG_HOST_VERBS,
    TOGETHER_VERBS,
    VERB_TRIGGERS,
)
from .names import is_private
from .places import TRAVEL_VERBS, places_around
from .tags import ADP, AUX, CCONJ, PROPN, PUNCT, VERB
from .text import doc_ents, kids, subtree

MAX_VISIT_DAYS = 3  # mentions this many days apart, same people and city: one visit


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
    strong_hosts: list = field(default_factory=list)  # hosts by hosting, or by being visited
    same_day: bool = False  # "that morning" with no day known yet: the main meeting's day
    caller: str | None = None  # one caller phoning several (or visited by several, each alone)
    prior: bool = False  # "had called on X on Tuesday": this week's, before the main event
    journey_day: object = None  # "flew in on Sunday for the talks": the day only if no other
    rule: str = ""  # its rule's name (meeting_rules), when its trigger word does not tell it
    in_round: bool = False  # told within a round of meetings with no place of its own
    by_tense: bool = False  # background by its pluperfect alone ("had met B at the airport")
    earlier: bool = False  # told as one the story's meeting comes after ("since they met")


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
    strong_hosts: list = field(default_factory=list)
    told_at: list = field(default_factory=list)  # token indices where attendance was told

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.kinds |= m.kinds
        self.host_pids += [p for p in m.host_pids if p not in self.host_pids]
        self.strong_hosts += [p for p in m.strong_hosts if p not in self.strong_hosts]
        self.host = self.host or m.host
        self.places += m.places
        if m.date and (self.date is None or m.date < self.date):
            self.date = m.date
        for p in m.participants:
            if p not in self.participants:
                self.participants.append(p)


def _governing_verbs(verb) -> list:
    """Verbs a trigger verb is conjoined or subordinated to, nearest first (up to three)."""
    out = []
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos == VERB and len(out) < 3:
        verb = verb.head
        out.append(verb)
    return out


def _mention(
    idx, people, tok, participants, published, host_pids=(), visitor=False
) -> Mention | None:
    verb = tok if tok.pos in (VERB, AUX) else clause_verb(tok)
    participants = [p for p in dict.fromkeys(participants) if not is_private(people.get(p))]
    spouses = [p for p in participants if _spouse(p, people, idx.sent(tok))]
    participants = [p for p in participants if p not in spouses]
    if len(participants) < 2 and spouses and not visitor:
        participants = _pair_without_spouse(tok, people, participants, spouses, idx)
    if len(participants) < 2 and not visitor:
        return None
    sent = idx.sent(tok)
    texts = _date_texts(verb, idx)
    governing = _governing_verbs(verb)
    texts = texts or noun_clause_date_texts(tok, idx)  # "talks held on Tuesday"
    earlier = told_as_earlier(tok, earlier_date_texts(tok, verb, idx), published)
    if earlier:  # "since they met in Lima": its own time only, none of the story's
        texts, governing = earlier_date_texts(tok, verb, idx), []
    when_of = ([verb] + governing)[-1]
    if not texts and when_of.dep_ == "relcl" and when_of.head.ent_type_ == "DATE":
        # "a week that began on February 21, when X stepped off ... and shook hands"
        texts = [e.text for e in doc_ents(verb.doc) if e.start <= when_of.head.i < e.end]
    gap = not texts and not earlier and measured_from(verb) is not None
    for head in [] if gap else governing:  # "a day after they met in X": its own day
        # "flew to Kyiv last week to see X (and then to Moscow to see Y)", "arrived on
        # Monday and held talks": the governing verb's own time is the meeting's.
        texts = texts or _date_texts(head, idx, own_only=True)
    if not texts and when_of.dep_ == "relcl" and any(c.lower_ == "where" for c in kids(when_of)):
        texts = _date_texts(clause_verb(when_of.head), idx, own_only=True)  # "stopped on X, where"
    journey = when.purpose_of_journey(tok)  # "flew in on Sunday for the summit"
    journey_texts, texts = (texts, []) if journey else ([], texts)
    m = Mention(participants, tok, mention_kinds(tok, sent), list(host_pids))
    if any(h.lemma_.lower() in TRAVEL_VERBS for h in governing):
        m.kinds.add("visit")
    m.places = places_around(tok, published)
    m.host = next((p.country for p in m.places if p.country), None)
    m.background = earlier or _background(tok, verb, texts, published)
    m.earlier = earlier
    m.prior = not m.background and _prior(tok, verb, texts, published)
    m.by_tense = m.background and not texts and _pluperfect_alone(tok, verb)
    previous = idx.last_date
    if any(dates.counts_from_previous(t) for t in texts):
        previous = when.anchor_day(tok, sent, published, previous)
    for text in texts:
        m.date = m.date or dates.resolve(text, published, previous)
    measured = None if texts or earlier else measured_from(verb)
    if measured is not None:  # "met X on Monday, a day after holding talks with Y"
        main, shift = measured
        base = next(
            filter(None, (dates.resolve(t, published) for t in _date_texts(main, idx))), None
        )
        m.date = base + dt.timedelta(days=shift) if base and shift is not None else None
    elif not texts and not earlier:
        m.date = when.arrival_day(tok, idx.sents, idx.sent_of[tok.i], published)
    m.journey_day = next(filter(None, (dates.resolve(t, published) for t in journey_texts)), None)
    m.same_day = m.date is None and any(dates.SAME_DAY.search(t.lower()) for t in texts)
    if m.date:
        idx.last_date = m.date
    m.confidence = 0.9
    return m


def _pluperfect_alone(tok, verb) -> bool:
    """'Ruto had met Scholz at the airport': a pluperfect with no time, count or 'before'
    of its own may retell the story's own meeting as well as an earlier one."""
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in kids(verb)):
        return False
    return not any(
        c.dep_ in ("advmod", "npadvmod", "amod", "nummod", "prep")
        and (c.lower_ in BACKGROUND_ADVERBS or c.lower_ in ("times", "twice", "since"))
        for c in [*kids(verb), *kids(tok)]
    )


def _a_body(verb, people) -> bool:
    """'The visitors / they then met separately with Y': a delegation acts as one body, so
    'separately' sets this meeting apart from the one before, not its members apart."""
    return any(c.dep_ == "nsubj" and c.i in people.bodies for c in kids(verb))


def _flat_object(verb, people):
    """The person named right after a verb the parser misread ('Macron hosted Trump at ...'
    with 'hosted' as a modifier): the first name token within a few words."""
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 6)):
        t = doc[i]
        if people.pids(t) and t.pos == PROPN:
            name = t
            while name.dep_ in ("compound", "amod", "flat") and name.head.i > name.i:
                name = name.head
            if name.dep_ == "poss":
                return None  # "welcomed X's decision": X's decision was welcomed
            return t
        if t.pos in (VERB, AUX, ADP, PUNCT, CCONJ):
            return None
    return None


def _flat_details(m, obj, idx, published) -> None:
    """Places and time hung off the misread object; a holiday named beside the time
    gives the day ('the Bastille Day parade ... last July')."""
    m.places += places_around(obj, published)
    m.host = m.host or next((p.country for p in m.places if p.country), None)
    texts = [e.text for e in doc_ents(obj.doc) if e.label_ == "DATE" and e.root.head == obj]
    sent = idx.sent(obj).text.lower()
    holiday = next((h for h in dates.HOLIDAYS if h in sent), None)
    for text in texts:
        m.background = m.background or dates.mentions_past(text, published)
        m.date = m.date or dates.resolve(((holiday + " ") if holiday else "") + text, published)


def _as_host(verb, people) -> list:
    """'... signed agreements, with President X as their host': X hosted."""

    def as_host(tok):
        return any(
            c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ == "host" for o in kids(c))
            for c in kids(tok)
        )

    out = []
    for prep in (c for c in kids(verb) if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (c for c in kids(prep) if c.dep_ == "pobj" and people.pids(c)):
            # "as their host" hangs off the person or, in some parses, off the verb
            if as_host(obj) or as_host(verb):
                out += people.refs(obj)
    return out


# "The two presidents reached a deal in Sochi": leaders who settle a deal at a place met there.
DEAL_VERBS = {"reach", "strike", "seal", "clinch", "conclude", "issue"}


def _deal_at_a_place(tok, subs, published, document=None) -> bool:
    """A deal verb with a document ("reached a deal", "a deal the two reached") and two or
    more leaders as subjects, located at a place ("in the resort of Sochi")."""
    has_doc = (
        document is not None
        or any(c.dep_ == "dobj" and doc_kind(c) for c in kids(tok))
        or (tok.dep_ in ("relcl", "acl") and doc_kind(tok.head))
    )
    return has_doc and len(set(subs)) >= 2 and any(p.country for p in places_around(tok, published))


def _reduced_relative(tok, people):
    """'a deal the two presidents reached': the tagger makes the verb an acl of its subject;
    (subjects, document) when the noun phrase right before the subject is a document."""
    if tok.dep_ != "acl" or tok.head.i < 1:
        return [], None
    before = tok.doc[tok.head.left_edge.i - 1]
    if not doc_kind(before):
        return [], None
    return people.refs(tok.head) or group_leader(tok.head, people), before


def _verb_mention(idx, people, tok, published):
    lemma = tok.lemma_.lower()
    if lemma in TRIP_VERBS and tok.pos == VERB:
        return _trip_done_with(idx, people, tok, published)
    if lemma in ("visit", "tour") and tok.pos == VERB and not _objects(tok, people):
        # "visited Nepal to launch work with his counterpart Y"
        found = _trip_done_with(idx, people, tok, published)
        if found is not None:
            return found
    if lemma not in VERB_TRIGGERS and lemma not in DEAL_VERBS or tok.pos != VERB:
        return None
    if lemma == "talk" and any(c.dep_ == "dobj" for c in kids(tok)):
        return None  # "talked X into staying" persuades, it is not a meeting
    if lemma == "call" and _calls_a_name(tok, people):
        return None  # "called X a liar": a name, not a telephone call
    if lemma in ("speak", "talk") and _each(tok) and not _spoke_with(tok):
        return None  # "A and B had both spoken on Tuesday": speeches, not a conversation
    if lemma == "play":
        return _played_host(idx, people, tok, published)
    if lemma in GATHERING_VERBS:
        return _gathered(idx, people, tok, published)
    if lemma == "confer" and any(
        c.dep_ in ("dobj", "nsubjpass")
        and not people.pids(c)
        or (c.dep_ == "prep" and c.lower_ == "on" and any(people.pids(o) for o in kids(c)))
        for c in kids(tok)
    ):
        return None  # "an order was conferred on X by Y" is an award (a gift), not talks
    if lemma == "discuss":
        return _discussed(idx, people, tok, published)
    subs = _subjects(tok, people)
    if lemma in DEAL_VERBS:
        reduced, document = _reduced_relative(tok, people)
        subs = subs or reduced
        if not _deal_at_a_place(tok, subs, published, document):
            return None
    objs = _objects(tok, people)
    if lemma == "join" and joins_a_delegation(tok):
        return None  # "C flew in and joined the delegation": C is one of it, not its host
    if lemma == "join":
        objs += joined_by(tok, people)  # "X was joined at the summit by A, B and C"
    called_on = []
    if lemma == "call":  # the parser may make the person called a predicate ("oprd")
        objs += [p for c in kids(tok) if c.dep_ == "oprd" for p in _refs(c, people)]
        if not _infinitive_below(tok):
            called_on = _objects(tok, people, preps=("on",))  # "called on Y at the palace"
            if bare_on(tok):
                called_on += [p for c in kids(tok) if c.dep_ == "dobj" for p in _refs(c, people)]
            objs += called_on
    if lemma in ("meet", "talk", "confer"):
        objs += _country_sides(tok, people, published)  # "met with Chile": its leader
    flat = None
    if not objs and lemma in FLAT_VERBS and subs:
        flat = _flat_object(tok, people)
        objs = list(people.pids(flat)) if flat is not None else []
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
        *MEAL_VERBS,
    ):
        held = [held_noun(c) for c in kids(tok) if c.dep_ == "dobj"]
        held = [h for h in held if h is not None]
        if lemma in ("hold", "have") and not held:
            return None
        for h in held:
            objs += _objects(h, people, preps=("with", "between"))
        if held:  # "held bilaterals with Chile and Norway": their leaders, named elsewhere
            objs += [p for h in [*held, tok] for p in _country_sides(h, people, published)]
        if lemma == "sign":  # "signed a treaty with Y": the parser hangs Y on the document
            for doc_noun in (c for c in kids(tok) if c.dep_ == "dobj" and doc_kind(c)):
                objs += _objects(doc_noun, people, preps=("with",))
        if lemma in ("see", "join", "accompany") and not objs:
            return None
        if lemma == "sign" and (not objs and len(subs) < 2 or signed_apart(tok)):
            return None
        if lemma == "sign" and tok.dep_ == "acl" and not places_around(tok, published):
            return None  # "the accord signed in 1990 by A and B" names a document, not where
        if lemma in ("spend", "sit", "shake", *MEAL_VERBS) and len(subs) < 2 and not objs:
            return None
    if lemma in JOINT_VERBS and (len(set(subs)) < 2 or _each(tok)):
        return None  # "X oversaw the signing", "A and B each witnessed ..."
    if lemma in TOGETHER_VERBS:  # "toured a factory with Y": Y may hang on the object
        for thing in (c for c in kids(tok) if c.dep_ == "dobj"):
            objs += _objects(thing, people, preps=COMPANY_PREPS)
        if not _done_together(tok, subs, objs, people, published):
            return None
    if lemma == "toast" and not objs:
        return None  # "toasted the victory"
    if lemma in ("welcome", "greet", "receive", "call") and not objs and not _each_other(tok):
        return None  # "A and B welcomed the agreement", "called for a ceasefire"
    if lemma == "host" and for_a_group(tok) and len(set(subs + objs)) <= 2:
        return None  # "a banquet hosted by A for the summit leaders": no pair of A and one
    if lemma in HOST_VERBS and welcomes_a_group(tok) and len(set(subs + objs)) <= 2:
        return None  # "A welcomed B and other leaders": the occasion's, not a pair's
    if lemma == "host" and not objs:
        objs = _hosted_event_guests(tok, people)
        if not objs and not _hosts_talks(tok):
            return None  # "A and B hosted a lunch for the prize winners": co-hosts, no guest

    host_pids = []
    if lemma in HOST_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in kids(tok))
        # "X was received by Y": the host is the agent.
        host_pids = _agents(tok, people) if passive else subs
    elif lemma in ("meet", "visit", "see") and objs:
        host_pids = objs
    elif called_on:
        host_pids = called_on  # the one called on is visited
    named_host = _as_host(tok, people)
    host_pids = named_host or host_pids
    m = _mention(idx, people, tok, subs + objs, published, host_pids)
    if m and flat is not None:
        _flat_details(m, flat, idx, published)
    if m:
        m.confidence = 0.9 if subs and objs or len(subs) > 1 else 0.8
        traveled = tok.dep_ in ("xcomp", "advcl") and tok.head.lemma_.lower() in TRAVEL_VERBS
        if lemma in STRONG_HOST_VERBS or traveled or named_host:
            m.strong_hosts = list(host_pids)
        one_each = "call" in m.kinds or _separate_meetings(tok)
        if one_each and len(set(subs)) == 1 and len(set(objs) - set(subs)) >= 2:
            m.caller = subs[0]  # "X telephoned both A and B", "had bilateral meetings with"
        elif (
            len(set(objs)) == 1 and len(set(subs)) >= 2 and _each(tok) and not _a_body(tok, people)
        ):
            m.caller = objs[0]  # "A and B both visited X last year": one visit each
    return m


TRIP_VERBS = TRAVEL_VERBS - {"visit", "tour"} - VERB_TRIGGERS


def _trip_done_with(idx, people, tok, published):
    """'A travelled to X in 1999 to launch a bus service with B', 'A visited X to open a
    plant with B': a trip whose purpose
    (its 'to ...' clause) is done together with another leader is a visit to that leader.
    The purpose verb's own meeting verbs ('flew to X to meet B') are found on their own."""
    if not any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        or c.dep_ == "dobj"
        and tok.lemma_ in ("visit", "tour")
        for c in kids(tok)
    ):
        return None
    partners = []
    for purpose in kids(tok):
        if purpose.dep_ not in ("advcl", "xcomp") or purpose.pos != VERB:
            continue
        if purpose.lemma_.lower() in VERB_TRIGGERS or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in kids(purpose)
        ):
            continue
        for head in [purpose] + [c for c in kids(purpose) if c.dep_ == "dobj"]:
            partners += [
                p
                for prep in kids(head)
                if prep.dep_ == "prep" and prep.lower_ in COMPANY_PREPS
                for o in kids(prep)
                if o.dep_ == "pobj"
                for p in _refs(o, people)
            ]
    subs = _subjects(tok, people)
    partners = [p for p in partners if p not in subs]
    if not subs or not partners:
        return None
    m = _mention(idx, people, tok, subs + partners, published, host_pids=partners)
    if m:
        m.kinds.add("visit")
        m.strong_hosts = list(partners)
        m.confidence = 0.8
    return m


def _discussed(idx, people, tok, published):
    """'A discussed railways with B', 'A and B discussed trade': leaders discussing with
    each other met (or spoke by phone: the call words of the clause make it a call).  Only
    the 'with' side counts ('discussed B's plan' names no counterpart), and a discussion
    told as held in a letter or a statement is no meeting.  The parser often hangs the
    'with' on the subject discussed ('discussed trade with B'); one owned by someone else
    ('discussed India's ties with B') is that owner's relation, not the discussion's side."""
    subs = _subjects(tok, people)
    heads = [tok] + [
        c for c in kids(tok) if c.dep_ == "dobj" and not any(g.dep_ == "poss" for g in kids(c))
    ]
    objs = [
        p
        for head in heads
        for c in _with_line_preps(head)
        if c.dep_ == "prep" and c.lower_ == "with"
        for o in kids(c)
        if o.dep_ == "pobj"
        for p in _refs(o, people)
    ]
    objs += [p for head in heads for p in _country_sides(head, people, published)]
    if not objs and (len(set(subs)) < 2 or not _named_subjects(tok)):
        return None  # "the leaders / the two discussed X" retells a meeting told elsewhere
    if at_a_distance(tok) and not any(t.lower_ in LINE_WORDS for t in subtree(tok)):
        return None  # "discussed it with B in a letter"; "in a phone call with B" is a call
    m = _mention(idx, people, tok, subs + objs, published)
    if m is not None:
        # what was discussed ("the war in Ukraine", "the summit in May") is no setting
        topic = {t.i for c in kids(tok) if c.dep_ == "dobj" for t in subtree(c)}
        m.places = [p for p in m.places if p.tok_i not in topic]
        m.host = next((p.country for p in m.places if p.country), None)
        m.kinds &= {"call"}
        m.confidence = 0.8
        if "call" not in m.kinds and _separate_meetings(tok) and len(set(subs)) == 1:
            m.caller = subs[0]
    return m


def _named_subjects(verb) -> bool:
    """Whether a verb's subjects name persons by their own names ('A and B discussed'),
    not by a plural that refers back ('the leaders', 'they', 'the two')."""
    subjects = [c for c in kids(verb) if c.dep_ == "nsubj"]
    return bool(subjects) and all(c.pos == PROPN for c in subjects)


def _gathered(idx, people, tok, published):
    """'Leaders including A, B and C gathered in X': everyone named in the subject phrase
    (with its 'including' / 'such as' lists) met; a gathering needs three or more."""
    if any(c.dep_ == "dobj" for c in kids(tok)):
        return None  # "gathered evidence", "convened a panel"
    found = []
    for sub in (c for c in kids(tok) if c.dep_ == "nsubj"):
        found += _refs(sub, people)
        for prep in (c for c in kids(sub) if c.dep_ == "prep"):
            if prep.lower_ in ("including", "like", "as"):  # "such as" ends in "as"
                found += [p for o in kids(prep) if o.dep_ == "pobj" for p in _refs(o, people)]
    found = list(dict.fromkeys(found))
    if len(found) < 3:
        return None
    return _mention(idx, people, tok, found, published)


def _played_host(idx, people, tok, published):
    """'X played host to Y': X hosted Y."""
    if not any(c.dep_ == "dobj" and c.lower_ == "host" for c in kids(tok)):
        return None
    hosts = _subjects(tok, people)
    m = _mention(idx, people, tok, hosts + _objects(tok, people, preps=("to",)), published, hosts)
    if m:
        m.kinds.add("visit")
        m.strong_hosts = list(hosts)
    return m


def _hosts_talks(verb) -> bool:
    """'A and B hosted talks / a summit': the hosted thing is itself a meeting, so the
    co-hosts meet in it; a lunch, a dinner or a reception is only hosted together."""
    return any(c.dep_ == "dobj" and c.lower_ in NOUN_TRIGGERS for c in kids(verb))


def _hosted_event_guests(verb, people) -> list:
    """'X hosted a summit ..., attended by A and B' / 'hosted talks with A': the guests of
    a hosted event."""
    events = [c for c in kids(verb) if c.dep_ == "dobj" and c.lower_ in NOUN_TRIGGERS]
    if not events:
        return []
    out = []
    for event in events:
        out += _objects(event, people, preps=("with", "between"))
    for clause in (c for e in [verb, *events] for c in kids(e)):
        if clause.dep_ in ("acl", "advcl") and clause.lemma_.lower() in ("attend", "join"):
            out += _agents(clause, people)
    return out
