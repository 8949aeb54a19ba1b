"""The extractor's output: plain frozen dataclasses, free of Django.

Everything the extractor finds carries where it found it (character offsets
into the text it was given, and the sentence), how sure it is (0..1) and the
rule that produced it, so that reviewers can sort by confidence and a bad
rule can be traced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Changes with every rule change, so `manage.py reextract --outdated` knows which stored
#: articles an older extractor read. 0.2.0: normalised text, predicate-level conflict and
#: modality, calls and receptions, gifts by plain sentences, one agreement per document.
#: 0.2.1: item descriptions, blocs as parties, documents told again, pledges to build abroad.
#: 0.2.2: onlookers and stand-ins attend, meetings told without a meeting verb, calls to
#: several, absent leaders; then people, dates, kinds and hosts (see the git log).
#: 0.3.0: rule tables per stage; gatherings told across sentences, arrivals and late
#: joiners; welcomes, co-signing in person, rounds of meetings, meetings told in the past;
#: names (PM/Pres., "To Lam", hyphenated and suffixed names) and multiword cities.
#: 0.3.1: delegations and those who join them, rounds of separate bilateral meetings, 'they'
#: after three named leaders; a leader's evidence names its people-stage rule.
#: 0.3.2: rounds told without 'separately', aides also present join the meeting told,
#: counterfactual joins, meetings told by their noun alone, news outlets never leaders;
#: meetings told as a setting ('In the meeting with B, A sought ...'), possessives set
#: before their clause, rounds told through an inner noun ('in separate meetings with').
#: 0.3.3: bare 'the PM' resolved, job words and initials at a name's edges, countries kept
#: in lists, each side's members joining; rounds told as tallies, 'conferred with', states
#: standing for their leaders, 'discussed X with', dinners not yet held; earlier meetings
#: kept apart, hosts away from home, 'here', 'last night', the sentence before's setting;
#: registry names with a mistagged given name, no sentence break inside a run of names.
EXTRACTOR_VERSION = "0.3.3"

MEETING_KINDS = ("state_visit", "visit", "summit", "talks", "call", "multilateral")
AGREEMENT_KINDS = (
    "treaty",
    "agreement",
    "mou",
    "joint_statement",
    "declaration",
    "deal",
    "invitation",
    "pledge",
)
AGREEMENT_STATUSES = ("signed", "agreed", "accepted", "proposed", "rejected", "failed")


@dataclass(frozen=True)
class Span:
    """A stretch of the article: [start, end) character offsets and its sentence."""

    start: int
    end: int
    sentence: str
    sentence_start: int  # offset of the sentence's first character in the text


@dataclass(frozen=True)
class Evidence:
    span: Span
    confidence: float
    rule: str


@dataclass(frozen=True)
class LeaderMention:
    """A person who acts in a fact, under the fullest name the article gives."""

    name: str
    country: str | None  # ISO 3166 alpha-2
    title: str | None
    aliases: tuple[str, ...] = ()  # other forms seen in the article ("Putin", "President Putin")
    evidence: tuple[Evidence, ...] = ()
    registry_key: str | None = None  # the registry person this is (gazetteer.registry)


@dataclass(frozen=True)
class MeetingCandidate:
    participants: tuple[str, ...]  # leader full names
    kind: str  # one of MEETING_KINDS
    host_country: str | None
    place: str | None
    date: dt.date | None
    topics: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True)
class GiftCandidate:
    giver: str
    recipient: str
    item: str
    evidence: tuple[Evidence, ...] = ()
    meeting: int | None = None  # index into Extraction.meetings: the meeting it was given at
    date: dt.date | None = None  # its own day, else its meeting's

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True)
class AgreementCandidate:
    parties: tuple[str, ...]  # leader full names and/or ISO alpha-2 codes
    kind: str  # one of AGREEMENT_KINDS
    status: str  # one of AGREEMENT_STATUSES
    summary: str
    date: dt.date | None = None  # its own stated day, else its meeting's
    evidence: tuple[Evidence, ...] = ()
    meeting: int | None = None  # index into Extraction.meetings: the meeting it was made at

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True)
class Extraction:
    """All facts found in one article."""

    published: dt.date | None
    leaders: tuple[LeaderMention, ...] = ()
    countries: tuple[str, ...] = ()  # ISO alpha-2, sorted
    meetings: tuple[MeetingCandidate, ...] = ()
    gifts: tuple[GiftCandidate, ...] = ()
    agreements: tuple[AgreementCandidate, ...] = ()
    version: str = field(default=EXTRACTOR_VERSION)

    def to_gold(self, article: str) -> dict:
        """The shape of the gold files (shared eval SCHEMA), for `extract` and `evaluate`."""
        return {
            "article": article,
            "published": self.published.isoformat() if self.published else None,
            "leaders": [
                {"name": m.name, "country": m.country, "title": m.title} for m in self.leaders
            ],
            "countries": sorted(self.countries),
            "meetings": [
                {
                    "participants": list(m.participants),
                    "kind": m.kind,
                    "host_country": m.host_country,
                    "place": m.place,
                    "date": m.date.isoformat() if m.date else None,
                    "topics": list(m.topics),
                }
                for m in self.meetings
            ],
            "gifts": [
                {"giver": g.giver, "recipient": g.recipient, "item": g.item} for g in self.gifts
            ],
            "agreements": [
                {
                    "parties": list(a.parties),
                    "kind": a.kind,
                    "status": a.status,
                    "summary": a.summary,
                }
                for a in self.agreements
            ],
        }
