"""Links: the meeting a gift or agreement was made at, and the fact's date.

A gift handed over or an agreement signed during a visit belongs to that visit and
takes its day, although the sentence that reports it rarely names the day again
("During the visit, X gave Y a vase").  The extractor decides the link here, from the
text, instead of leaving recording to guess from who took part.

A fact links to a meeting its people belong to: each giver, recipient or party takes
part in it, or is a participant's spouse or relative (same family name) or of a
participant's country, and one of them at least takes part; a country party is a
participant's country or the host.  Among those meetings, in this order:

1. one reported in the fact's own sentence ("X gave Y a vase at their talks in Oslo");
2. otherwise, unless the fact's own clause places it before the story (a year or day
   of its own in the past, "had given", "during his previous visit"), the meeting whose
   account the fact sits in: the nearest one reported before it, else the nearest
   after it (a lede that names the gifts before the talks).  A fact with a day of its
   own keeps to meetings within a few days of it; "at the summit", "during the call"
   prefer a meeting of that kind.

Background meetings ("they last met in 2019") are only linked from their own sentence,
or by "during that visit", which points back to the last meeting told.
A fact keeps a day of its own (an agreement "signed on Friday"); otherwise it takes its
meeting's date.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from . import dates
from .conflict import clause_verb
from .meeting_time import _background, _date_texts
from .meetings import MAX_VISIT_DAYS
from .results import FoundMeeting
from .tags import AUX, NOUN, VERB
from .text import doc_text, kids, subtree
from .types import Evidence, Extraction, MeetingCandidate

# Words for the occasion a fact is placed in ("during the visit", "at the talks"), with
# the meeting kinds each one names.
OCCASION_KINDS = {
    "visit": {"state_visit", "visit"},
    "trip": {"state_visit", "visit"},
    "tour": {"state_visit", "visit"},
    "talks": {"talks", "state_visit", "visit"},
    "meeting": {"talks", "state_visit", "visit"},
    "summit": {"summit", "multilateral"},
    "conference": {"multilateral", "summit"},
    "call": {"call"},
}
# Agreements about something to come: their time expressions are usually its time.
FORWARD_KINDS = {"invitation", "pledge"}
REPORTING_VERBS = {"say", "tell", "announce", "add", "confirm", "report", "state", "note"}
BACKGROUND_OCCASION = {"previous", "last", "earlier", "past", "former", "prior"}


def link_facts(idx, extraction: Extraction, meeting_out: Sequence[FoundMeeting] = ()) -> Extraction:
    """The extraction with every gift and agreement given its meeting (an index into
    ``extraction.meetings``, or None) and its date. ``meeting_out`` is the pipeline's
    `FoundMeeting` per meeting, in the same order, for which are background."""
    if not extraction.gifts and not extraction.agreements:
        return extraction
    linker = _Linker(idx, extraction, [bool(m.event.background) for m in meeting_out])
    gifts = tuple(
        replace(g, **linker.link([g.giver, g.recipient], g.evidence, None))
        for g in extraction.gifts
    )
    agreements = tuple(
        replace(a, **linker.link(list(a.parties), a.evidence, a.date, a.kind in FORWARD_KINDS))
        for a in extraction.agreements
    )
    return replace(extraction, gifts=gifts, agreements=agreements)


class _Linker:
    def __init__(self, idx, extraction: Extraction, background: list[bool]):
        self.idx = idx
        self.published = extraction.published
        self.meetings = extraction.meetings
        self.background = background + [False] * (len(self.meetings) - len(background))
        self.country = {m.name: m.country for m in extraction.leaders}
        self.starts = [s.start_char for s in idx.sents]
        # Sentence numbers each meeting is reported in.
        self.reported = [{self._sentence(e) for e in m.evidence} for m in self.meetings]

    def link(
        self, people: list[str], evidence: tuple[Evidence, ...], date, forward: bool = False
    ) -> dict:
        """{"meeting": index or None, "date": the fact's date}. A ``forward`` fact (an
        invitation, a pledge) names the time of what it promises, not its own."""
        if not evidence:
            return {"meeting": None, "date": date}
        sentences = {self._sentence(e) for e in evidence}
        when = self._when(evidence[0], forward)
        own_date = date or when["date"]
        # Meetings the fact's people belong to, with how many of them took part in person.
        fitting = {}
        for n, meeting in enumerate(self.meetings):
            direct = self._belongs(people, meeting)
            if direct is not None and _days_agree(meeting.date, own_date):
                fitting[n] = direct
        here = [n for n in fitting if self.reported[n] & sentences]
        chosen = _best(here, lambda n: fitting[n])
        if chosen is None and (own_date or not when["background"]):
            chosen = self._around(fitting, min(sentences), when["occasion"], when["that"])
        meeting = None if chosen is None else self.meetings[chosen]
        return {"meeting": chosen, "date": own_date or (meeting.date if meeting else None)}

    def _around(self, fitting: dict, sentence: int, occasion: str | None, that: bool) -> int | None:
        """The main-story meeting whose account the fact sits in: the nearest reported
        before it, else the nearest after it. "During that visit" points back to the
        last one told, background or not."""
        main = [n for n in fitting if that or not self.background[n]]
        kinds = OCCASION_KINDS.get(occasion or "", set())
        candidates = [n for n in main if self.meetings[n].kind in kinds] or main
        before = [n for n in candidates if min(self.reported[n]) <= sentence]
        if before:
            last = {n: max(s for s in self.reported[n] if s <= sentence) for n in before}
            return _best(before, lambda n: (last[n], fitting[n]))
        return _best(candidates, lambda n: (-min(self.reported[n]), fitting[n]))

    def _belongs(self, people: list[str], meeting: MeetingCandidate) -> int | None:
        """How many of the fact's people (names or country codes) took part in the
        meeting, or None unless every one is of it: a participant, a participant's
        relative (same family name) or compatriot, and one at least a participant; a
        country party may be the host."""
        countries = {self.country.get(p) for p in meeting.participants} - {None}
        families = {_family(p) for p in meeting.participants}
        direct = 0
        for person in people:
            if person in meeting.participants:
                direct += 1
            elif person not in self.country:  # a country party
                if person not in countries and person != meeting.host_country:
                    return None
            elif self.country[person] not in countries and _family(person) not in families:
                return None
        if direct == 0 and any(person in self.country for person in people):
            return None  # two compatriots of the participants, at some other occasion
        return direct

    # -- the fact's own time ----------------------------------------------------------
    def _when(self, evidence: Evidence, forward: bool = False) -> dict:
        """The fact's own day, whether its clause sets it before the story, and the
        occasion it names ("during the visit")."""
        found = {"date": None, "background": False, "occasion": None, "that": False}
        trigger = self._trigger(evidence)
        if trigger is None:
            return found
        verb = trigger if trigger.pos in (VERB, AUX) else clause_verb(trigger)
        texts = _date_texts(verb, self.idx)
        for head in _governing_verbs(verb):
            # "last week, at the conference, the two issued ...": the governing clause's time
            texts = texts or _date_texts(head, self.idx, own_only=True)
        if forward:  # "invited him to visit in July": only a time plainly past is its own
            texts = [t for t in texts if _plainly_past(t, self.published)]
        # "X said the two had agreed": a tense moved back by reported speech, not a past event.
        tense_of = verb.head if _reported(verb) else verb
        found["background"] = _background(trigger, tense_of, texts, self.published)
        for text in texts:
            found["date"] = found["date"] or dates.resolve(text, self.published)
        for tok in subtree(verb):
            if tok.lemma_.lower() in OCCASION_KINDS and tok.pos == NOUN:
                found["occasion"] = found["occasion"] or tok.lemma_.lower()
                if any(c.lower_ in BACKGROUND_OCCASION for c in kids(tok)):
                    found["background"] = True
                if any(c.lower_ == "that" and c.dep_ == "det" for c in kids(tok)):
                    found["that"] = True
        return found

    def _trigger(self, evidence: Evidence):
        start = self._doc_offset(evidence)
        if start is None:
            return None
        span = self.idx.doc.char_span(
            start + evidence.span.start - evidence.span.sentence_start,
            start + evidence.span.end - evidence.span.sentence_start,
            alignment_mode="expand",
        )
        return span.root if span is not None and len(span) else None

    def _sentence(self, evidence: Evidence) -> int:
        start = self._doc_offset(evidence)
        start = evidence.span.sentence_start if start is None else start
        return max(bisect_right(self.starts, start) - 1, 0)

    def _doc_offset(self, evidence: Evidence) -> int | None:
        """Where the evidence's sentence starts in the parsed text: its own offset, or,
        should the parsed text differ from the one offsets point into, where that
        sentence is found."""
        text, sentence = doc_text(self.idx.doc), evidence.span.sentence
        start = evidence.span.sentence_start
        if text.startswith(sentence, start):
            return start
        found = text.find(sentence)
        return None if found < 0 else found


def _governing_verbs(verb) -> list:
    """The clauses a fact's clause hangs from ("There has been cooperation since: last
    week ... the two issued"), nearest first, up to three."""
    out = []
    while verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.pos in (VERB, AUX):
        verb = verb.head
        out.append(verb)
        if len(out) == 3:
            break
    return out


def _plainly_past(text: str, published: dt.date | None) -> bool:
    """'last year', 'in 2019' (before publication), not 'in July' or 'next year'."""
    low = text.lower()
    if dates.PAST_MARKERS.search(low):
        return True
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", low)]
    return published is not None and any(y < published.year for y in years)


def _reported(verb) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS


def _family(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def _days_agree(meeting_date: dt.date | None, own_date: dt.date | None) -> bool:
    if meeting_date is None or own_date is None:
        return True
    return abs((meeting_date - own_date).days) <= MAX_VISIT_DAYS


def _best(candidates, key) -> int | None:
    return max(candidates, key=key) if candidates else None
