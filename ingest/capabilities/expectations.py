"""What a case expects of the extractor's `Extraction`, checked leniently.

Every expectation is a frozen dataclass with ``check(result) -> str | None``: None when
the extraction meets it, else one line saying what was missing or wrong.  Names, gift
items and agreement parties are compared with :mod:`ingest.evaluation`'s matcher, the
one ``manage.py evaluate`` uses ("Kim Jong-un" = "Kim Jong Un"; "a samurai sword" =
"samurai sword"; parties equal by name or by their leaders' countries), so a case and a
gold file never disagree on what counts as the same fact.

Participants are checked as "include" unless ``exact``: a meeting of A and B found with
a third leader the sentence also names still shows the capability.  ``exact`` is used
where the count is the capability (four parties; a city is no participant).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from ingest.evaluation.matching import item_words, items_match, normalise_name, parties_match


class Result:
    """One case's extraction, with its gold-shaped view computed once."""

    def __init__(self, extraction):
        self.extraction = extraction

    @cached_property
    def gold(self) -> dict:
        return self.extraction.to_gold("case")

    def meetings_with(self, names) -> list[dict]:
        wanted = {normalise_name(n) for n in names}
        return [
            m
            for m in self.gold["meetings"]
            if wanted <= {normalise_name(p) for p in m["participants"]}
        ]


def _names(names) -> str:
    return " + ".join(names)


def _meetings(result: Result) -> str:
    found = [
        _names(m["participants"]) + f" ({m['date']}, {m['kind']})" for m in result.gold["meetings"]
    ]
    return "; ".join(found) or "none"


def _gifts(result: Result) -> str:
    found = [f"{g['giver']} -> {g['recipient']}: {g['item']}" for g in result.gold["gifts"]]
    return "; ".join(found) or "none"


def _agreements(result: Result) -> str:
    found = [
        f"{a['kind']}/{a['status']} [{', '.join(a['parties'])}]: {a['summary']}"
        for a in result.gold["agreements"]
    ]
    return "; ".join(found) or "none"


@dataclass(frozen=True)
class Meeting:
    """A meeting whose participants include these names (``exact``: are these names),
    with this date and kind when given."""

    participants: tuple[str, ...]
    date: dt.date | None = None
    kind: str | None = None
    exact: bool = False
    host: str | None = None  # the host country's ISO code, when given
    undated: bool = False  # the date must be null (no day is told for this meeting)
    hostless: bool = False  # the host must be null (nothing tells where it was held)

    def check(self, result: Result) -> str | None:
        found = result.meetings_with(self.participants)
        if self.exact:
            wanted = {normalise_name(n) for n in self.participants}
            found = [m for m in found if {normalise_name(p) for p in m["participants"]} == wanted]
        what = ("exactly " if self.exact else "") + _names(self.participants)
        if not found:
            return f"no meeting of {what}; found {_meetings(result)}"
        if self.date is not None:
            dated = [m for m in found if m["date"] == self.date.isoformat()]
            if not dated:
                return f"meeting of {what} not dated {self.date}; found {_meetings(result)}"
            found = dated
        if self.kind is not None and not any(m["kind"] == self.kind for m in found):
            return f"meeting of {what} not of kind {self.kind}; found {_meetings(result)}"
        if self.undated and not any(m["date"] is None for m in found):
            return f"meeting of {what} dated, though no day is told; found {_meetings(result)}"
        hosts = [m["host_country"] for m in found]
        if self.host is not None and self.host not in hosts:
            return f"meeting of {what} not hosted by {self.host}; hosts found {hosts}"
        if self.hostless and None not in hosts:
            return f"meeting of {what} given a host, though none is told; hosts found {hosts}"
        return None


@dataclass(frozen=True)
class NoMeeting:
    """No meeting at all, or (``among``) none that includes all these names."""

    among: tuple[str, ...] = ()

    def check(self, result: Result) -> str | None:
        found = result.meetings_with(self.among) if self.among else result.gold["meetings"]
        if found:
            return f"unexpected meeting: {_meetings(result)}"
        return None


@dataclass(frozen=True)
class MeetingCount:
    """Exactly n meetings in all (a caption or a repeated mention adds none)."""

    n: int

    def check(self, result: Result) -> str | None:
        found = result.gold["meetings"]
        if len(found) != self.n:
            return f"{len(found)} meetings, expected {self.n}: {_meetings(result)}"
        return None


@dataclass(frozen=True)
class Gift:
    """A gift from giver to recipient whose item matches ``item`` (evaluate's matcher)."""

    giver: str
    recipient: str
    item: str

    def check(self, result: Result) -> str | None:
        giver, recipient = normalise_name(self.giver), normalise_name(self.recipient)
        for gift in result.gold["gifts"]:
            if (
                normalise_name(gift["giver"]) == giver
                and normalise_name(gift["recipient"]) == recipient
                and items_match(self.item, gift["item"])
            ):
                return None
        return f"no gift {self.giver} -> {self.recipient}: {self.item}; found {_gifts(result)}"


@dataclass(frozen=True)
class NoGift:
    def check(self, result: Result) -> str | None:
        return f"unexpected gift: {_gifts(result)}" if result.gold["gifts"] else None


@dataclass(frozen=True)
class GiftCount:
    """Exactly n gifts whose item matches ``item``."""

    n: int
    item: str

    def check(self, result: Result) -> str | None:
        found = [g for g in result.gold["gifts"] if items_match(self.item, g["item"])]
        if len(found) != self.n:
            return f"{len(found)} gifts of {self.item!r}, expected {self.n}: {_gifts(result)}"
        return None


@dataclass(frozen=True)
class Agreement:
    """An agreement between these parties (leader names, ISO codes, or both; matched as
    evaluate matches them, through ``leaders``' countries) of one of ``kinds``, with this
    status, whose summary holds every content word of ``subject`` when given."""

    parties: tuple[str, ...]
    leaders: tuple[dict, ...]
    kinds: tuple[str, ...]
    status: str
    subject: str | None = None

    def check(self, result: Result) -> str | None:
        candidates = [
            a
            for a in result.gold["agreements"]
            if a["kind"] in self.kinds
            and a["status"] == self.status
            and parties_match(self.parties, self.leaders, a["parties"], result.gold["leaders"])
        ]
        what = f"{'|'.join(self.kinds)}/{self.status} [{', '.join(self.parties)}]"
        if not candidates:
            return f"no agreement {what}; found {_agreements(result)}"
        if self.subject is not None:
            wanted = item_words(self.subject)
            if not any(wanted <= item_words(a["summary"]) for a in candidates):
                found = _agreements(result)
                return f"agreement {what} without {self.subject!r} in its summary: {found}"
        return None


@dataclass(frozen=True)
class AgreementCount:
    """Exactly n agreement records."""

    n: int

    def check(self, result: Result) -> str | None:
        found = len(result.gold["agreements"])
        if found != self.n:
            return f"{found} agreements, expected {self.n}: {_agreements(result)}"
        return None


@dataclass(frozen=True)
class AgreementBatch:
    """One record for a batch of unnamed documents, its summary giving the count."""

    count_forms: tuple[str, ...]  # "18", or "eight" and "8"

    def check(self, result: Result) -> str | None:
        agreements = result.gold["agreements"]
        if len(agreements) != 1:
            return f"{len(agreements)} agreements, expected one batch: {_agreements(result)}"
        words = set(normalise_name(agreements[0]["summary"]).split())
        if not words & set(self.count_forms):
            return f"batch summary without its count {self.count_forms[0]}: {_agreements(result)}"
        return None


@dataclass(frozen=True)
class NoAgreement:
    def check(self, result: Result) -> str | None:
        if result.gold["agreements"]:
            return f"unexpected agreement: {_agreements(result)}"
        return None


@dataclass(frozen=True)
class NoStatus:
    """No agreement with this status ("signed", "agreed"); a plan may still be recorded
    as proposed."""

    status: str

    def check(self, result: Result) -> str | None:
        found = [a for a in result.gold["agreements"] if a["status"] == self.status]
        return f"unexpected {self.status} agreement: {_agreements(result)}" if found else None


@dataclass(frozen=True)
class AgreementDate:
    """Some agreement of these kinds is dated this day (it takes its meeting's date)."""

    kinds: tuple[str, ...]
    date: dt.date

    def check(self, result: Result) -> str | None:
        dates = [a.date for a in result.extraction.agreements if a.kind in self.kinds]
        if self.date not in dates:
            shown = ", ".join(str(d) for d in dates) or "none"
            return f"no {'|'.join(self.kinds)} dated {self.date}; agreement dates: {shown}"
        return None


@dataclass(frozen=True)
class LeaderCountry:
    """A leader under this name (evaluate's normalisation) with this country."""

    name: str
    country: str

    def check(self, result: Result) -> str | None:
        key = normalise_name(self.name)
        found = [x for x in result.gold["leaders"] if normalise_name(x["name"]) == key]
        if not found:
            names = ", ".join(x["name"] for x in result.gold["leaders"]) or "none"
            return f"leader {self.name} not found; leaders: {names}"
        if not any(x["country"] == self.country for x in found):
            return f"leader {self.name} has country {found[0]['country']}, expected {self.country}"
        return None


@dataclass(frozen=True)
class NoLeader:
    """Nobody under this name (a reporter in a byline, a photographer)."""

    name: str

    def check(self, result: Result) -> str | None:
        key = normalise_name(self.name)
        if any(normalise_name(x["name"]) == key for x in result.gold["leaders"]):
            return f"{self.name} is not a leader"
        return None


NEGATIVE = (NoMeeting, NoGift, NoAgreement, NoLeader, NoStatus)
