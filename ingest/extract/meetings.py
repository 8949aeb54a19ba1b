"""Meeting mentions: who meets whom, where, when, in one trigger's sentence.

A mention comes from a verb (meet, hold talks, host, receive, welcome, visit,
speak by phone, sign ... with, or signing by two subjects) or an event noun (talks,
visit, summit, call, meeting between A and B, "after the talks").  It records
participants, host hints, places, the date and whether it is background ("last met",
"in 2014", pluperfect).  Plans, negations and hypotheticals are dropped by `conflict`
and `is_planned`.  `meeting_events` merges mentions into events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import dates, when
from .agreement_args import doc_kind
from .companions import group_leader
from .conflict import clause_verb
from .meeting_checks import held_noun, outer_noun
from .meeting_kinds import bare_on, mention_kinds
from .names import is_private
from .places import TRAVEL_VERBS, places_around
from .text import doc_ents

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
    "dial",
    "telephone",
    "ring",
    "play",
    "gather",
    "convene",
    "assemble",
    "oversee",
    "witness",
    "toast",
}
# "A and B oversaw the signing": leaders doing something together, in person.
JOINT_VERBS = {"oversee", "witness"}
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
HOST_VERBS = {"host", "receive", "welcome", "greet"}
STRONG_HOST_VERBS = {"host", "receive", "welcome", "visit"}  # a greeter may be the guest
# "during the talks", "after their meeting", "began with a session": the clause's people met.
EVENT_PREPS = {
    "in",
    "during",
    "after",
    "at",
    "with",
    "following",
    "throughout",
    "from",
    "out",
    "for",
}
FLAT_VERBS = {"meet", "host", "receive", "welcome", "visit", "phone", "call", "dial", "telephone"}
# "X received a call from Y", "X paid a visit to Y", "Y chaired a summit": the clause's
# subject takes part in the event noun its verb governs.
EVENT_DOER_VERBS = {"pay", "make", "receive", "take", "get", "chair", "convene", "attend"}
# "preparations for talks with Y", "a push for talks": talks not (yet) held.
PLAN_NOUNS = {"preparation", "plan", "hope", "call", "demand", "proposal", "push", "appeal",
              "request", "bid", "groundwork", "condition", "precondition", "pressure"}  # fmt: skip
# "X began talks with Y", "resumed their talks": the subject takes part in the talks.
PHASE_VERBS = {"begin", "start", "open", "resume", "conclude", "continue", "wrap"}
# "the summit brought together A, B and C": the event noun's verb gathers the objects.
GATHER_VERBS = {"bring", "gather", "draw", "assemble", "unite"}
ATTEND_VERBS = {"attend", "join"}
CONVENE_VERBS = {"host", "chair", "convene", "organise", "organize", "call"}
# "Leaders including A, B and C gathered in X": the persons of the subject met.
GATHERING_VERBS = {"gather", "convene", "assemble"}
COMPANY_PREPS = ("with", "alongside", "beside")
MAX_VISIT_DAYS = 3  # mentions this many days apart, same people and city: one visit
PARTS_OF_DAY = {"morning", "afternoon", "evening", "night"}
SAME_DAY_WORDS = {"evening", "afternoon", "morning", "tonight", "later"}
BACKGROUND_ADVERBS = {"last", "before", "previously", "earlier", "once", "already"}
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
    strong_hosts: list = field(default_factory=list)  # hosts by hosting, or by being visited
    same_day: bool = False  # "that morning" with no day known yet: the main meeting's day
    caller: str | None = None  # one caller phoning several (or visited by several, each alone)
    prior: bool = False  # "had called on X on Tuesday": this week's, before the main event
    journey_day: object = None  # "flew in on Sunday for the talks": the day only if no other


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


def _subjects(verb, people) -> list:
    """Persons who are the subject of a verb, inherited through xcomp/conj/advcl."""
    for step in range(4):
        # "X was received by Y and then held talks with Z": X is the conjoined verb's subject.
        deps = ("nsubj",) if step == 0 else ("nsubj", "nsubjpass")
        subs = [c for c in verb.children if c.dep_ in deps]
        if subs:
            out = []
            for s in subs:
                if s.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    out += _antecedent(s, verb, people)  # "X, who met Y in Brno"
                    continue
                out += _refs(s, people) or group_leader(s, people)
            if len(set(out)) == 1 and len(subs) == 1:
                out += _coordinated_left(subs[0], people)
            return list(dict.fromkeys(out))
        if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and verb.head != verb:
            verb = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb.head.head
        else:
            break
    return _names_before(verb, people) if verb.dep_ == "ROOT" else []


def _refs(tok, people) -> list:
    """Persons an argument names, with the coordinations the parser hangs elsewhere."""
    out = people.refs(tok) + _title_conjuncts(tok, people) + _of_conjuncts(tok, people)
    if out:
        out += _name_list(tok, people)
    return list(dict.fromkeys(out))


def _list_material(t, people) -> bool:
    """A token that may stand inside a list of titled names: a name, a title or a
    demonym word, a comma, 'and', or a hyphen inside a word ('Ni-Vanuatu')."""
    if people.pids(t) or t.pos_ == "PROPN" or t.lower_ in ("and", ","):
        return t.ent_type_ not in ("DATE", "TIME") or bool(people.pids(t))
    if t.pos_ == "ADJ" and (t.ent_type_ == "NORP" or t.is_title):
        return True
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _list_root(t, lo, hi):
    """Climb from a token while its head stays inside the window [lo, hi)."""
    for _ in range(hi - lo):
        if t.head == t or not lo <= t.head.i < hi:
            return t
        t = t.head
    return t


def _name_list(tok, people) -> list:
    """'A, B, C and D': every person of the run of names, titles, commas and 'and' around
    an argument, which the parser often breaks (a fourth name made an apposition or a
    modifier of the third, or the tail of 'attended by A, B and C' made the main verb's
    subject).  A name counts when the window's part it stands in hangs on the same word
    outside the window as the argument's part ('Speaking to A, B and C agreed': A hangs on
    'to', B and C on 'agreed'), or when it follows the argument in a list that 'and'
    closes, in a list of three or more (the list ends after the name that follows 'and':
    'met A, B and C, D said'; 'met A and B met C' is no list)."""
    if not _list_material(tok, people):
        return []
    doc = tok.doc
    sent = tok.sent
    lo = hi = tok.i
    while lo > sent.start and _list_material(doc[lo - 1], people):
        lo -= 1
    while hi + 1 < sent.end and _list_material(doc[hi + 1], people):
        hi += 1
    hi += 1
    if hi - lo < 3 or not any(doc[i].lower_ in ("and", ",") for i in range(lo, hi)):
        return []
    anchor = _list_root(tok, lo, hi).head
    closed, cut, commas = None, hi, 0
    for i in range(tok.i + 1, hi):
        if doc[i].lower_ == "and" and closed is None:
            closed = i if commas else -1  # 'B and C met D': no list of three
        elif doc[i].text == "," and closed is None:
            commas += 1
        elif closed is not None and doc[i].text == ",":
            cut = i
            break
    out = []
    for i in range(lo, cut):
        pids = [p for p in people.pids(doc[i]) if not people.get(p).org]
        if not pids or _inside_other_name(doc[i], people):
            continue
        if _list_root(doc[i], lo, hi).head == anchor or (closed and closed > 0 and i > tok.i):
            out += [p for p in pids if p not in out]
    return out


def _inside_other_name(t, people) -> bool:
    """'UN Secretary-General X': a name within another person's title is no item."""
    own = set(people.pids(t))
    while t.dep_ == "compound" and t.head != t:
        t = t.head
        if people.pids(t) and set(people.pids(t)) != own:
            return True
    return False


def _of_conjuncts(tok, people) -> list:
    """'A of Armenia and B of Azerbaijan': the parser may coordinate B with Armenia."""
    if not people.pids(tok):
        return []
    return [
        p
        for of in tok.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for obj in of.children
        if obj.dep_ == "pobj" and not people.pids(obj)
        for c in obj.conjuncts
        for p in people.refs(c)
    ]


def _title_conjuncts(subject, people) -> list:
    """'Italian Prime Minister A and Turkish President B met': the parser may make the second
    title a conjunct and hang its name elsewhere; the name right after the title is meant."""
    out = []
    doc = subject.doc
    own = set(people.pids(subject))
    for c in subject.conjuncts:
        if c.pos_ != "PROPN" or set(people.pids(c)) - own:
            continue
        for j in range(c.i + 1, min(len(doc), c.i + 5)):
            if doc[j].pos_ != "PROPN":
                break
            if people.pids(doc[j]):
                out += list(people.pids(doc[j]))
                break
    return out


def _coordinated_left(subject, people) -> list:
    """'Egyptian President A and Israeli Prime Minister B signed': the parser may make only
    B the subject; persons joined to it by 'and' right before it are subjects too."""
    doc = subject.doc
    out, crossed = [], False
    i = subject.i - 1
    while i >= 0:
        t = doc[i]
        if t.lower_ == "and" or t.text == ",":
            crossed = crossed or t.lower_ == "and"
        elif people.pids(t):
            if crossed and people.pids(t) != people.pids(subject):
                out = list(people.pids(t)) + out
        elif not (t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.ent_type_ == "NORP")):
            break
        i -= 1
    return out


def _antecedent(pronoun, verb, people) -> list:
    """Who a relative 'who' stands for: the relative clause's head, else the person named
    right before it ('President X, who had held talks ...')."""
    found = _among(verb.head, people) or people.refs(verb.head)
    doc = pronoun.doc
    i = pronoun.i - 1
    while not found and i >= max(0, pronoun.i - 4):
        found = list(people.pids(doc[i]))
        i -= 1
    return found


def _among(noun, people) -> list:
    """'A, B and C were among the leaders who attended': the persons said to be among the
    relative clause's antecedent."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    return [p for c in prep.head.children if c.dep_ == "nsubj" for p in _refs(c, people)]


def _names_before(verb, people) -> list:
    """A main verb the parser left without a subject: the persons named right before it
    ('After talks at the palace, X and Y signed ...')."""
    out, i = [], verb.i - 1
    doc = verb.doc
    while i >= 0 and (people.pids(doc[i]) or doc[i].lower_ in ("and", ",")):
        out = list(people.pids(doc[i])) + out
        i -= 1
    if len(set(out)) == 1 and verb.i > 0 and doc[verb.i - 1].pos_ == "PROPN":
        # "On his first trip to X, A met B": the parser hung A's name on X
        return out if doc[verb.i - 1].dep_ in ("appos", "conj", "npadvmod") else []
    return list(dict.fromkeys(out)) if len(set(out)) >= 2 else []


def _objects(
    tok, people, preps=("with", "to", "by", "between", "of", "beside", "alongside")
) -> list:
    out = []
    for c in tok.children:
        if c.dep_ == "nsubjpass" and c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            out += _antecedent(c, tok, people)  # "X, who was received by Y last week"
        elif c.dep_ in ("dobj", "nsubjpass", "dative", "attr"):
            out += _refs(c, people)
        elif c.dep_ in ("prep", "agent") and (c.lower_ in preps or c.dep_ == "agent"):
            for obj in c.children:
                if obj.dep_ == "pobj":
                    out += _refs(obj, people)
    return out


def _agents(verb, people) -> list:
    """Persons in a passive verb's 'by' phrase."""
    return [
        p for c in verb.children if c.dep_ == "agent" for o in c.children for p in _refs(o, people)
    ]


def _prior(tok, verb, date_texts, published) -> bool:
    """A pluperfect dated in the story's own week: told as happening before the main event."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and _this_week(
        date_texts, published
    )


def _background(tok, verb, date_texts, published) -> bool:
    for c in list(verb.children) + list(tok.children):
        if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS:
            return True
        if c.dep_ == "aux" and c.lower_ == "had" and verb.tag_ == "VBN":
            # "By evening the pair had signed": a same-day time keeps it in the story, and
            # so does reported speech ("said they had held a constructive discussion").
            if not any(t.ent_type_ == "TIME" or t.lower_ in SAME_DAY_WORDS for t in verb.subtree):
                if not _reported(verb) and not _this_week(date_texts, published):
                    return True
        if c.dep_ == "amod" and c.lower_ in BACKGROUND_AMODS:
            return True
    return any(dates.mentions_past(t, published) for t in date_texts)


def _this_week(date_texts, published) -> bool:
    """'had called on X on Tuesday': a day of the story's own week is no background."""
    if published is None:
        return False
    for text in date_texts:
        day = dates.resolve(text, published)
        if day and 0 <= (published - day).days <= 6 and not dates.mentions_past(text, published):
            return True
    return False


REPORTING_VERBS = {"say", "tell", "add", "state", "note", "report", "write", "confirm", "announce"}


def _reported(verb) -> bool:
    """A clause reported by a past-tense 'said', where the pluperfect is only backshift."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in REPORTING_VERBS
        and head.tag_ == "VBD"
        and not any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
    )


def _after_since(span) -> bool:
    """'the first ... since the 1953 armistice': a time after 'since' is another event."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 4), -1):
        if doc[i].lower_ == "since":
            return True
        if doc[i].is_punct or doc[i].is_space or doc[i].pos_ not in ("DET", "ADJ", "NUM", "ADV"):
            return False  # "since: last week", "since then, and last week": not its object
    return False


SHIFT_WORDS = ("before", "earlier", "after", "later")


def _date_texts(verb, idx, own_only: bool = False) -> list:
    """Date/time expressions attached to a verb's own clause (and, unless `own_only`,
    to clauses conjoined or subordinated to it)."""
    texts, seen = [], set()
    for t in verb.subtree:
        if t.ent_type_ not in ("DATE", "TIME") and t.lower_ not in dates.WEEKDAYS:
            if t.lower_ not in PARTS_OF_DAY or not any(c.dep_ == "det" for c in t.children):
                continue  # "that morning" is a time even when the tagger misses it
        if t.i in seen or idx.sent_of[t.i] != idx.sent_of[verb.i]:
            continue
        anc = clause_verb(t.head) if t.head != t else t
        if anc != verb and (anc.dep_ == "conj" and _own_subject(anc) or _other_event(anc, verb)):
            continue  # "met X, and on Sunday he joined Y": Sunday is the other clause's
        if anc != verb and (own_only or anc.dep_ not in ("xcomp", "conj", "advcl")):
            if own_only or anc.head != verb:
                continue
        ent = next((e for e in doc_ents(t.doc) if e.start <= t.i < e.end), None)
        if ent is None:
            span = t.doc[t.left_edge.i : t.i + 1]
        else:  # the tagger's "afternoon" in "That same afternoon" keeps its determiners
            span = t.doc[min(ent.start, ent.root.left_edge.i) : ent.end]
        after = t.doc[span.end] if span.end < len(t.doc) else None
        if after is not None and after.lower_ in SHIFT_WORDS and after.dep_ == "advmod":
            # "the night before", however the parser hangs "before"
            if span.root.head in (after, after.head) or span.start <= after.head.i < span.end:
                span = t.doc[span.start : span.end + 1]
        seen.update(range(span.start, span.end))
        if _after_since(span):
            continue  # "their first talks since June": June is another event
        texts.append(span.text)
    return texts


def _own_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# Subordinate clauses that tell another event: "their first meeting since X took office in
# January", "met Y after Z won the election in May".
OTHER_EVENT_MARKS = {"since", "after", "before", "until", "because", "although", "though"}


def _other_event(clause, verb) -> bool:
    """Whether a clause under `verb` tells an event of its own (a reported or relative
    clause, or a subordinate clause with its own subject after 'since', 'after' ...)."""
    for _ in range(6):
        if clause == verb or clause.head == clause:
            return False
        if clause.dep_ in ("ccomp", "relcl", "csubj"):
            return True
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if clause.dep_ == "advcl" and marks & OTHER_EVENT_MARKS and _own_subject(clause):
            return True
        clause = clause.head
    return False


SPOUSE_WORDS = {"wife", "husband", "spouse", "lady", "gentleman", "consort"}


def _spouse(pid, people, sent) -> bool:
    """A leader's spouse beside them ('X and his wife Dr Y welcomed Z', 'First Lady Y') is
    company, not a party to the meeting (gifts are judged on their own)."""
    title = (people.get(pid).title or "").lower()
    if title.split()[-1:] and title.split()[-1] in SPOUSE_WORDS:
        return True
    for t in sent:
        if pid in people.pids(t):
            if t.lower_ in SPOUSE_WORDS:
                return True
            if t.pos_ not in ("PRON", "NOUN", "NUM"):
                return _after_spouse_word(t)
    # Only a pronoun or 'the two' here: the person as first named ('his wife Y walked ...').
    doc = sent.doc
    first = next((i for i, p in people.order if p == pid and doc[i].pos_ == "PROPN"), None)
    return first is not None and first < sent.start and _after_spouse_word(doc[first])


def _after_spouse_word(t) -> bool:
    start = t.sent.start
    return any(t.doc[i].lower_ in SPOUSE_WORDS for i in range(max(start, t.i - 3), t.i))


# Words for two leaders that a leader and a spouse cannot be ('they' or 'the two' can).
PAIR_WORDS = {"leaders", "presidents", "counterparts", "statesmen", "premiers", "heads"}


def _pair_without_spouse(tok, people, kept, spouses, idx) -> list:
    """'The two leaders sat down for their meeting' after 'X and his wife walked Y in':
    when 'the two leaders' stood for a leader and a spouse, the pair meant is the two
    most mentioned persons so far who are not spouses."""
    sent = idx.sent(tok)
    anaphor = any(
        t.lower_ in PAIR_WORDS and set(people.pids(t)) & set(spouses)
        for t in sent
        if t.pos_ == "NOUN"
    )
    if not anaphor:
        return kept
    exclude = set(spouses) | {
        p for p, x in enumerate(people.persons) if is_private(x) or _spouse(p, people, sent)
    }
    pair = people.salient(sent.start, 2, exclude=exclude)
    return pair if len(pair) == 2 and set(kept) <= set(pair) else kept


def _governing_verbs(verb) -> list:
    """Verbs a trigger verb is conjoined or subordinated to, nearest first (up to three)."""
    out = []
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos_ == "VERB" and len(out) < 3:
        verb = verb.head
        out.append(verb)
    return out


def _mention(
    idx, people, tok, participants, published, host_pids=(), visitor=False
) -> Mention | None:
    verb = tok if tok.pos_ in ("VERB", "AUX") else clause_verb(tok)
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
    when_of = ([verb] + governing)[-1]
    if not texts and when_of.dep_ == "relcl" and when_of.head.ent_type_ == "DATE":
        # "a week that began on February 21, when X stepped off ... and shook hands"
        texts = [e.text for e in doc_ents(verb.doc) if e.start <= when_of.head.i < e.end]
    for head in governing:
        # "flew to Kyiv last week to see X (and then to Moscow to see Y)", "arrived on
        # Monday and held talks": the governing verb's own time is the meeting's.
        texts = texts or _date_texts(head, idx, own_only=True)
    if not texts and when_of.dep_ == "relcl" and any(c.lower_ == "where" for c in when_of.children):
        texts = _date_texts(clause_verb(when_of.head), idx, own_only=True)  # "stopped on X, where"
    journey = when.purpose_of_journey(tok)  # "flew in on Sunday for the summit"
    journey_texts, texts = (texts, []) if journey else ([], texts)
    m = Mention(participants, tok, mention_kinds(tok, sent), list(host_pids))
    if any(h.lemma_.lower() in TRAVEL_VERBS for h in governing):
        m.kinds.add("visit")
    m.places = places_around(tok, published)
    m.host = next((p.country for p in m.places if p.country), None)
    m.background = _background(tok, verb, texts, published)
    m.prior = not m.background and _prior(tok, verb, texts, published)
    previous = idx.last_date
    if any(dates.counts_from_previous(t) for t in texts):
        previous = when.anchor_day(tok, sent, published, previous)
    for text in texts:
        m.date = m.date or dates.resolve(text, published, previous)
    if not texts:
        m.date = when.arrival_day(tok, idx.sents, idx.sent_of[tok.i], published)
    m.journey_day = next(filter(None, (dates.resolve(t, published) for t in journey_texts)), None)
    m.same_day = m.date is None and any(dates.SAME_DAY.search(t.lower()) for t in texts)
    if m.date:
        idx.last_date = m.date
    m.confidence = 0.9
    return m


def _flat_object(verb, people):
    """The person named right after a verb the parser misread ('Macron hosted Trump at ...'
    with 'hosted' as a modifier): the first name token within a few words."""
    doc = verb.doc
    for i in range(verb.i + 1, min(len(doc), verb.i + 6)):
        t = doc[i]
        if people.pids(t) and t.pos_ == "PROPN":
            name = t
            while name.dep_ in ("compound", "amod", "flat") and name.head.i > name.i:
                name = name.head
            if name.dep_ == "poss":
                return None  # "welcomed X's decision": X's decision was welcomed
            return t
        if t.pos_ in ("VERB", "AUX", "ADP", "PUNCT", "CCONJ"):
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
            c.dep_ == "prep" and c.lower_ == "as" and any(o.lower_ == "host" for o in c.children)
            for c in tok.children
        )

    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and people.pids(c)):
            # "as their host" hangs off the person or, in some parses, off the verb
            if as_host(obj) or as_host(verb):
                out += people.refs(obj)
    return out


# "The two presidents reached a deal in Sochi": leaders who settle a deal at a place met there.
DEAL_VERBS = {"reach", "strike", "seal", "clinch", "conclude"}


def _deal_at_a_place(tok, subs, published, document=None) -> bool:
    """A deal verb with a document ("reached a deal", "a deal the two reached") and two or
    more leaders as subjects, located at a place ("in the resort of Sochi")."""
    has_doc = (
        document is not None
        or any(c.dep_ == "dobj" and doc_kind(c) for c in tok.children)
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
    if lemma in TRIP_VERBS and tok.pos_ == "VERB":
        return _trip_done_with(idx, people, tok, published)
    if lemma in ("visit", "tour") and tok.pos_ == "VERB" and not _objects(tok, people):
        # "visited Nepal to launch work with his counterpart Y"
        found = _trip_done_with(idx, people, tok, published)
        if found is not None:
            return found
    if lemma not in VERB_TRIGGERS and lemma not in DEAL_VERBS or tok.pos_ != "VERB":
        return None
    if lemma == "talk" and any(c.dep_ == "dobj" for c in tok.children):
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
        or (c.dep_ == "prep" and c.lower_ == "on" and any(people.pids(o) for o in c.children))
        for c in tok.children
    ):
        return None  # "an order was conferred on X by Y" is an award (a gift), not talks
    subs = _subjects(tok, people)
    if lemma in DEAL_VERBS:
        reduced, document = _reduced_relative(tok, people)
        subs = subs or reduced
        if not _deal_at_a_place(tok, subs, published, document):
            return None
    objs = _objects(tok, people)
    called_on = []
    if lemma == "call":  # the parser may make the person called a predicate ("oprd")
        objs += [p for c in tok.children if c.dep_ == "oprd" for p in _refs(c, people)]
        if not _infinitive_below(tok):
            called_on = _objects(tok, people, preps=("on",))  # "called on Y at the palace"
            if bare_on(tok):
                called_on += [p for c in tok.children if c.dep_ == "dobj" for p in _refs(c, people)]
            objs += called_on
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
        "dine",
    ):
        held = [held_noun(c) for c in tok.children if c.dep_ == "dobj"]
        held = [h for h in held if h is not None]
        if lemma in ("hold", "have") and not held:
            return None
        for h in held:
            objs += _objects(h, people, preps=("with", "between"))
        if lemma == "sign":  # "signed a treaty with Y": the parser hangs Y on the document
            for doc_noun in (c for c in tok.children if c.dep_ == "dobj" and doc_kind(c)):
                objs += _objects(doc_noun, people, preps=("with",))
        if lemma in ("see", "join", "accompany") and not objs:
            return None
        if lemma == "sign" and not objs and len(subs) < 2:
            return None
        if lemma in ("spend", "sit", "shake", "dine") and len(subs) < 2 and not objs:
            return None
    if lemma in JOINT_VERBS and (len(set(subs)) < 2 or _each(tok)):
        return None  # "X oversaw the signing", "A and B each witnessed ..."
    if lemma == "toast" and not objs:
        return None  # "toasted the victory"
    if lemma == "host" and not objs:
        objs = _hosted_event_guests(tok, people)
    host_pids = []
    if lemma in HOST_VERBS:
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
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
        if "call" in m.kinds and len(set(subs)) == 1 and len(set(objs) - set(subs)) >= 2:
            m.caller = subs[0]  # "X telephoned both A and B": two calls
        elif len(set(objs)) == 1 and len(set(subs)) >= 2 and _each(tok):
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
        for c in tok.children
    ):
        return None
    partners = []
    for purpose in tok.children:
        if purpose.dep_ not in ("advcl", "xcomp") or purpose.pos_ != "VERB":
            continue
        if purpose.lemma_.lower() in VERB_TRIGGERS or not any(
            a.dep_ == "aux" and a.lower_ == "to" for a in purpose.children
        ):
            continue
        for head in [purpose] + [c for c in purpose.children if c.dep_ == "dobj"]:
            partners += [
                p
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in COMPANY_PREPS
                for o in prep.children
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


def _each(verb) -> bool:
    """'A and B both visited X', 'each met X': the subjects acted separately."""
    return any(
        c.lower_ in ("both", "each", "separately")
        and c.dep_ in ("advmod", "preconj", "det", "nsubj", "dep", "npadvmod")
        and not any(g.lower_ == "other" for g in c.children)
        for c in verb.children
    ) or any(
        g.lower_ in ("both", "each") and g.dep_ in ("preconj", "det", "appos")
        for c in verb.children
        if c.dep_ == "nsubj"
        for g in c.children
    )


def _spoke_with(verb) -> bool:
    """Whether speaking is a conversation: with or to someone, or by phone."""
    for c in verb.subtree:
        if c.head == verb and c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to"):
            return True
        if c.lower_ in ("other", "another", "phone", "telephone", "video"):
            return True  # "spoke to each other", "both spoke by phone"
    return False


def _calls_a_name(verb, people) -> bool:
    """'called X a liar' (however parsed): a common noun predicated of the person called;
    'X, as many call their president'."""
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    for c in verb.children:
        if c.dep_ in ("oprd", "xcomp", "ccomp") and (passive or not people.pids(c)):
            return True  # "is often called the 'X of the South'"
        if c.dep_ in ("dobj", "oprd") and people.pids(c):
            if any(g.dep_ in ("dobj", "attr", "oprd") and g.pos_ == "NOUN" for g in c.children):
                return True
    return False


def _infinitive_below(verb) -> bool:
    """'called on X to release ...': a to-infinitive in the clause makes it an appeal."""
    return any(
        t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        for t in verb.subtree
    )


def _gathered(idx, people, tok, published):
    """'Leaders including A, B and C gathered in X': everyone named in the subject phrase
    (with its 'including' / 'such as' lists) met; a gathering needs three or more."""
    if any(c.dep_ == "dobj" for c in tok.children):
        return None  # "gathered evidence", "convened a panel"
    found = []
    for sub in (c for c in tok.children if c.dep_ == "nsubj"):
        found += _refs(sub, people)
        for prep in (c for c in sub.children if c.dep_ == "prep"):
            if prep.lower_ in ("including", "like", "as"):  # "such as" ends in "as"
                found += [p for o in prep.children if o.dep_ == "pobj" for p in _refs(o, people)]
    found = list(dict.fromkeys(found))
    if len(found) < 3:
        return None
    return _mention(idx, people, tok, found, published)


def _played_host(idx, people, tok, published):
    """'X played host to Y': X hosted Y."""
    if not any(c.dep_ == "dobj" and c.lower_ == "host" for c in tok.children):
        return None
    hosts = _subjects(tok, people)
    m = _mention(idx, people, tok, hosts + _objects(tok, people, preps=("to",)), published, hosts)
    if m:
        m.kinds.add("visit")
        m.strong_hosts = list(hosts)
    return m


def _joint_appearance(tok) -> bool:
    """'a news conference with X': leaders appearing together met."""
    return tok.lower_ == "conference" and any(
        c.dep_ == "compound" and c.lower_ in ("news", "press") for c in tok.children
    )


def _hosted_event_guests(verb, people) -> list:
    """'X hosted a summit ..., attended by A and B' / 'hosted talks with A': the guests of
    a hosted event."""
    events = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in NOUN_TRIGGERS]
    if not events:
        return []
    out = []
    for event in events:
        out += _objects(event, people, preps=("with", "between"))
    for clause in (c for e in [verb, *events] for c in e.children):
        if clause.dep_ in ("acl", "advcl") and clause.lemma_.lower() in ("attend", "join"):
            out += _agents(clause, people)
    return out


def _returned_with(outer, idx, people) -> list:
    """'X walked across ... before returning to the southern side with Y for an hour of
    talks': the parser may hang "with Y" on the place and the clause on a relative clause;
    the sentence's subject and the persons "with" whom the talks' own verb went take part."""
    verb = outer.head.head  # the verb the "for/during ... talks" phrase belongs to
    if verb.pos_ != "VERB":
        return []
    with_people = [
        p
        for t in verb.subtree
        if t.dep_ == "prep" and t.lower_ == "with"
        for o in t.children
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
    found = [p for c in prep.head.children if c.dep_ == "nsubj" for p in _refs(c, people)]
    if len(set(found)) < 3:
        return None
    at = [o for c in tok.children if c.lower_ == "at" for o in c.children if o.dep_ == "pobj"]
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


def _noun_mention(idx, people, tok, published):
    if tok.lower_ == "attendance":
        return _in_attendance(idx, people, tok, published)
    if tok.lower_ not in NOUN_TRIGGERS or tok.pos_ not in ("NOUN", "PROPN"):
        if not _joint_appearance(tok):
            return None
    parts = []
    for c in tok.children:
        if c.dep_ == "poss":
            parts += people.refs(c)
    preps = ("between", "with", "of")
    if tok.lower_ in ("call", "visit", "visits", "calls"):
        preps += ("from", "on", "to")  # "a call from Y", "a courtesy call on Y", "a visit to Y"
    parts += _objects(tok, people, preps=preps)
    head_lemma = tok.head.lemma_.lower()
    if tok.dep_ == "dobj" and head_lemma in ("pay", "make") and not parts:
        parts += _subjects(tok.head, people)  # "X paid an official visit to Y's country"
    elif tok.dep_ == "dobj" and head_lemma in EVENT_DOER_VERBS:
        parts = _subjects(tok.head, people) + parts  # "X received a call from Y"
    elif tok.dep_ == "dobj" and head_lemma in PHASE_VERBS and tok.lower_ != "visit" and parts:
        parts = _subjects(tok.head, people) + parts  # "X began talks with Y"
    if tok.dep_ in ("nsubj", "nsubjpass") and head_lemma in GATHER_VERBS:
        parts += _objects(tok.head, people, preps=("with",))  # "brought together A, B and C"
    if tok.dep_ == "nsubjpass" and head_lemma in ATTEND_VERBS:
        parts += _agents(tok.head, people)  # "the summit was attended by A, B and C"
    for clause in tok.children:
        lemma = clause.lemma_.lower()
        if clause.dep_ not in ("acl", "relcl"):
            continue
        if lemma in ATTEND_VERBS | CONVENE_VERBS:
            parts += _agents(clause, people)  # "a summit (that was) attended by A and B"
            # "the summit, which A, B and C attended"
            parts += [p for c in clause.children if c.dep_ == "nsubj" for p in _refs(c, people)]
        elif lemma in GATHER_VERBS:
            # "the summit, which brought together A, B and C"
            parts += _objects(clause, people, preps=("with",))
    outer = outer_noun(tok)
    with_only = _joint_appearance(tok) and parts
    prep = outer.head
    if prep.head.lemma_.lower() in PLAN_NOUNS and prep.head.pos_ == "NOUN":
        pass  # "began preparations for talks with Y": the talks are not yet held
    elif outer.dep_ == "pobj" and prep.lower_ in EVENT_PREPS and (len(parts) < 2 or with_only):
        # "X said at a news conference with A and B": X appeared with them
        verb = clause_verb(outer.head)
        parts += _subjects(verb, people) + _objects(verb, people, preps=COMPANY_PREPS)
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
        if _travelled_for(tok):
            m.kinds.add("visit")
    return m


TRIP_WORDS = ("visit", "trip", "journey")


def _on_a_trip(tok, people) -> list:
    """'A, on a three-day visit to X, met B' / 'On his first trip to X, A met B': the
    person the 'on/during ... visit' phrase hangs on, else its verb's subject."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("on", "during"):
        return []
    owner = prep.head
    if people.pids(owner):
        return _refs(owner, people)
    return _subjects(owner, people) if owner.pos_ in ("VERB", "AUX") else []


def _travelled_for(tok) -> bool:
    """'A flew to X on Monday for talks with B': talks a leader travelled to are a visit."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "for":
        return False
    verb = clause_verb(tok.head)
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in TRAVEL_VERBS
        and any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in verb.children)
    )
