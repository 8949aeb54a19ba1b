"""What the pipeline's stages hand each other: slotted dataclasses, free of Django.

Inside the pipeline (`pipeline.run`) persons are pids (indices into `People.persons`)
and countries ISO codes; the extractor's output (`types`) is made from these at the
end, with each pid replaced by the person's name.  The readers' own records (a
meeting's `meetings.Meeting`, a gift rule's `gift_sides.Gift`, an agreement rule's
`agreement_parties.Agreement`) come in; these go on to the next stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .meetings import Meeting
    from .types import Evidence


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in the text (`countries.country_mentions`), for the article's
    countries and the token-to-country map the later stages read (`Context.code_at`)."""

    code: str | None  # ISO alpha-2 ("SU": the Soviet Union, or Russia before 1992)
    start: int  # its first token
    length: int  # how many tokens name it
    kind: str  # how it is named: as the country, a demonym, its capital, a metonym...


@dataclass(frozen=True, slots=True)
class MeetingSetting:
    """A merged meeting's kind, host country and place (`meeting_events.finish`);
    a call has neither host nor place."""

    kind: str  # one of `types.MEETING_KINDS`
    host: str | None  # ISO alpha-2
    place: str | None


@dataclass(frozen=True, slots=True)
class FoundMeeting:
    """A meeting the pipeline reports: the merged event, its setting and the evidence of
    each of its mentions, in the order of `Extraction.meetings`."""

    event: Meeting
    setting: MeetingSetting
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class FoundGift:
    """One gift between two leaders (pids), one item each: a gift rule's mention with its
    missing side filled in and its items split."""

    giver: int
    recipient: int
    item: str  # the item's phrase
    evidence: tuple[Evidence, ...]
    sentence: int  # the trigger's sentence
    fresh: bool = False  # told as of another occasion ("on that trip, too, ... gave him a")


@dataclass(slots=True)
class FoundAgreement:
    """One agreement after the mentions of the same document are merged: its parties
    (pids or ISO codes), kind, status and summary, the evidence of every mention merged
    into it, and what tells it from another document (`part`, `name`, `batch`).  Mutable
    while later mentions merge into it (`pipeline._agreements`)."""

    parties: list  # pids and/or ISO alpha-2 codes
    kind: str  # one of `types.AGREEMENT_KINDS`
    status: str  # one of `types.AGREEMENT_STATUSES`
    summary: str
    evidence: list  # of `types.Evidence`
    rule: str  # the rule of the first mention
    part: object = 0  # which of several documents in one mention (0: a single one)
    name: frozenset = frozenset()  # words that tell this document from others
    batch: bool = False  # a counted batch ("signed 18 agreements")
