"""Orchestration: one parsed Doc and its publication date in, one `Extraction` out.

Order matters: people (names, coreference) -> countries -> meetings (which
also tell host-side leaders' countries) -> a second look at descriptions ->
gifts and agreements (which need each leader's counterpart) -> the leaders
who take part in a fact.  Every step reads the per-document `DocIndex`.
"""

from __future__ import annotations

import re

from . import meeting_events as mt
from .agreement_parties import Agreement
from .agreements import find_agreements
from .classifier import screen
from .context import Context
from .countries import article_countries, country_mentions, soviet
from .gifts import find_gifts, item_texts
from .leader_countries import countries_from_meetings, pair_adjectives, pair_partners
from .limits import Budget
from .links import link_facts
from .meeting_rules import rule_of
from .people import build_people
from .places import dateline_place
from .results import FoundAgreement, FoundGift, FoundMeeting
from .text import build_index, clause_evidence, evidence, kids, release, sent_of, span_tokens
from .topics import find_topics
from .types import AgreementCandidate, Extraction, GiftCandidate, LeaderMention, MeetingCandidate


def run(doc, published, registry=None, budget: Budget | None = None) -> Extraction:
    """`budget` (`ingest.extract.limits`) is checked between stages: over a limit on
    sentences, facts or time, `TooLarge` stops the run. The Doc's lookups are dropped
    afterwards (`text.release`), so that it is freed as soon as its caller lets go."""
    try:
        return _run(doc, published, registry, budget)
    finally:
        release(doc)


def _run(doc, published, registry, budget) -> Extraction:
    budget = budget or Budget(None)
    idx = build_index(doc, registry or None, published)
    budget.check_sentences(len(idx.sents))
    people = build_people(idx)
    budget.check_time("finding people")
    mentions = country_mentions(idx, people, published)
    countries = article_countries(mentions)
    ctx = Context(idx, people, mentions, published)
    budget.check_time("finding countries")
    meetings = screen(idx, mt.events(idx, people, published))  # SUMMITRY_MEETING_MODEL
    budget.check_facts(len(meetings))
    budget.check_time("finding meetings")
    ctx.meetings = meetings
    countries_from_meetings(meetings, people, dateline_place(idx, published), idx, countries)
    people.builder.retry_deferred(all_pending=True)
    find_topics(idx, ctx)
    meeting_out = _meetings(idx, ctx, meetings, published)
    budget.check_time("describing meetings")
    gift_out = _gifts(idx, ctx, find_gifts(idx, people))
    budget.check_facts(len(meeting_out) + len(gift_out))
    budget.check_time("finding gifts")
    agreement_out = _agreements(idx, ctx, find_agreements(idx, ctx))
    budget.check_facts(len(meeting_out) + len(gift_out) + len(agreement_out))
    budget.check_time("finding agreements")
    # Treaty parties are leaders' pairs too ("X travelled to Paris to sign ... with Y").
    pair_partners([a.parties for a in agreement_out], people, pair_adjectives(idx))
    involved = _involved(meeting_out, gift_out, agreement_out)
    leaders = tuple(_leader(idx, people, pid, published) for pid in involved)
    name = {pid: people.get(pid).name for pid in involved}
    extraction = Extraction(
        published=published,
        leaders=leaders,
        countries=countries,
        meetings=tuple(_named_meeting(m, name) for m in meeting_out),
        gifts=tuple(
            GiftCandidate(name[g.giver], name[g.recipient], g.item, g.evidence) for g in gift_out
        ),
        agreements=tuple(_named_agreement(a, name) for a in agreement_out),
    )
    linked = link_facts(idx, extraction, meeting_out)
    people.builder = None  # the builder refers to the people it built: no cycle left behind
    return linked


def _meetings(idx, ctx, meetings, published) -> list[FoundMeeting]:
    out = []
    dateline = dateline_place(idx, published)
    first_main = next((m for m in meetings if not m.background), None)
    for meeting in meetings:
        setting = mt.finish(meeting, ctx.people, dateline, first=meeting is first_main)
        evid = tuple(
            clause_evidence(idx, m.trigger, m.confidence, rule_of(m).name) for m in meeting.mentions
        )
        out.append(FoundMeeting(meeting, setting, evid))
    return out


def _named_meeting(found: FoundMeeting, name) -> MeetingCandidate:
    meeting, setting = found.event, found.setting
    return MeetingCandidate(
        participants=tuple(name[p] for p in meeting.participants),
        kind=setting.kind,
        host_country=setting.host,
        place=setting.place,
        date=meeting.date,
        topics=tuple(dict.fromkeys(meeting.topics)),
        evidence=found.evidence,
    )


def _gifts(idx, ctx, gifts) -> list[FoundGift]:
    out, seen, last = [], set(), None
    for gift in gifts:
        givers, recipients = list(gift.givers), list(gift.recipients)
        conf = gift.confidence
        if gift.trigger.lemma_.lower() == "add":
            if last is None or not givers or givers[0] not in last[0]:
                continue
            recipients = recipients or last[1]
        if not givers and recipients:
            givers = _counterpart(idx, ctx, recipients[0], gift.trigger)
            conf = min(conf, 0.6)
        if givers and not recipients:
            recipients = _counterpart(idx, ctx, givers[0], gift.trigger)
            conf = min(conf, 0.6)
        if not givers or not recipients:
            continue
        last = (givers, recipients)
        # "on that trip, too, ... gave him a horse": another occasion, a gift of its own
        fresh = (
            len(gift.items) == 1
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(gift.items[0]))
            and any(t.lower_ in ANOTHER_TIME for t in span_tokens(sent_of(gift.trigger)))
        )
        for item in item_texts(gift):
            for g in givers:
                for r in recipients:
                    key = (g, r, item.lower())
                    if g == r or key in seen:
                        continue
                    seen.add(key)
                    ev = clause_evidence(
                        idx, gift.trigger, conf * ctx.people.confidence(gift.trigger), gift.rule
                    )
                    out.append(FoundGift(g, r, item, (ev,), idx.sent_of[gift.trigger.i], fresh))
    return _drop_repeats(out)


def _counterpart(idx, ctx, pid, tok) -> list:
    """The other side of a gift with one side named: the leader's partner in the meeting
    at hand; a leader outside it ('in 1984, X received a baby elephant') takes only a
    person named in the same or the previous sentence."""
    others = ctx.counterparts(pid, tok)
    meeting = ctx.meeting_for(tok)
    if not others or (meeting is not None and pid in meeting.participants):
        return others
    sent = idx.sent_of[tok.i]
    same = [p for i, p in ctx.people.order if idx.sent_of[i] == sent and i < tok.i and p != pid]
    if same:  # "X sent Y dogs, and Y reciprocated with ...": the other side named just before
        others = same[-1:]
    near = {p for i, p in ctx.people.order if 0 <= sent - idx.sent_of[i] <= 1}
    own = ctx.people.get(pid).country
    if own is not None and ctx.people.get(others[0]).country == own:
        return []  # "X got a lion from Tanzania. Y received an elephant": no gift at home
    return others if others[0] in near else []


# Words that tell a gift of another occasion ("too", "again", "another").
ANOTHER_TIME = {"too", "again", "another", "earlier", "previously", "once"}


def _drop_repeats(gifts: list[FoundGift]) -> list[FoundGift]:
    """A gift named again with fewer words ('a thoroughbred Akhal-Teke horse', later 'the
    Akhal-Teke horse') between the same two leaders is the same gift; one with its own
    indefinite article in another sentence ('the Mongolian leader gave him a horse' on an
    earlier trip) is another."""
    words = [set(re.findall(r"[\w-]+", g.item.lower())) - {"a", "an", "the", "of"} for g in gifts]
    keep = []
    for i, gift in enumerate(gifts):
        repeat = any(
            j != i
            and (other.giver, other.recipient) == (gift.giver, gift.recipient)
            and words[i] < words[j]
            and not (gift.fresh and gift.sentence != other.sentence)
            for j, other in enumerate(gifts)
        )
        if not repeat:
            keep.append(gift)
    return keep


def _agreements(idx, ctx, found: list[Agreement]) -> list[FoundAgreement]:
    merged: list[FoundAgreement] = []
    for a in found:
        parties = ctx.complete_parties(a)
        if len(parties) < 2 or _compatriots(ctx, a, parties):
            continue
        ev = clause_evidence(idx, a.trigger, a.confidence, a.rule)
        summary = a.summary or idx.sent(a.trigger).text.strip()
        if len(summary) > 200:
            summary = summary[:197].rsplit(" ", 1)[0] + "..."
        target = _merge_target(merged, a, parties, lambda ps: _states(ctx, ps))
        if target is None:
            merged.append(
                FoundAgreement(
                    parties, a.kind, a.status, summary, [ev], a.rule, a.part, a.name, a.batch
                )
            )
        else:
            target.evidence.append(ev)
            if a.kind == "invitation" and a.status == "accepted" and target.status != "accepted":
                target.parties, target.status, target.summary = parties, "accepted", summary
    return _fold_unnamed(merged)


def _fold_unnamed(merged: list[FoundAgreement]) -> list[FoundAgreement]:
    """'signed an agreement allowing X' in the lede and the same document again as one of
    several listed ones: an unnamed single document folds into a listed one of its kind."""
    out = []
    for m in merged:
        listed = None
        if not m.part and not m.name and not m.batch:
            listed = next(
                (
                    o
                    for o in merged
                    if o is not m
                    and o.part
                    and o.kind == m.kind
                    and o.status == m.status
                    and set(o.parties) == set(m.parties)
                ),
                None,
            )
        if listed is None:
            out.append(m)
        else:
            listed.evidence.extend(m.evidence)
    return out


def _states(ctx, parties) -> set:
    return {ctx.people.get(p).country if isinstance(p, int) else p for p in parties}


def _compatriots(ctx, a: Agreement, parties) -> bool:
    """A guessed counterpart from the giver's own country ('offered his host a credit line'
    in a visit by a compatriot): no agreement between states."""
    if not a.infer_counterpart or len(parties) != 2:
        return False
    if not all(isinstance(p, int) for p in parties):
        return False
    codes = [ctx.people.get(p).country for p in parties]
    return bool(codes[0]) and codes[0] == codes[1] and a.kind in ("pledge", "invitation")


def _merge_target(
    merged: list[FoundAgreement], a: Agreement, parties, states=None
) -> FoundAgreement | None:
    name, batch = a.name, a.batch
    for m in merged:
        if m.kind != a.kind or m.part != a.part:
            continue
        if m.batch != batch or (name and m.name and not name & m.name):
            continue  # "13 agreements" and "a free trade agreement"; two named treaties
        if a.kind == "invitation" and (
            set(parties) <= set(m.parties) or set(m.parties) <= set(parties)
        ):
            return m  # one invitation told again; another guest's is another
        if a.again and m.status == a.status and name <= m.name:
            return m  # "then signed the framework agreement": the one told before
        if a.rule == "agreement.in_statement" and (
            set(m.parties) == set(parties)
            or (states is not None and states(m.parties) == states(parties))
        ):
            return m  # "in the declaration the two countries pledge ...": the one signed
        same = set(m.parties) == set(parties) and m.status == a.status
        if same and (a.kind != "agreement" or a.rule != "agreement.agree" or m.rule != a.rule):
            return m
        if a.status == "accepted" and m.status == "accepted" and set(parties) <= set(m.parties):
            return m
    return None


def _named_agreement(a: FoundAgreement, name) -> AgreementCandidate:
    parties = tuple(name[p] if isinstance(p, int) else p for p in a.parties)
    return AgreementCandidate(
        parties=parties,
        kind=a.kind,
        status=a.status,
        summary=a.summary,
        evidence=tuple(a.evidence),
    )


def _involved(
    meetings: list[FoundMeeting], gifts: list[FoundGift], agreements: list[FoundAgreement]
) -> list:
    pids = []
    for found in meetings:
        pids += found.event.participants
    for g in gifts:
        pids += [g.giver, g.recipient]
    for a in agreements:
        pids += [p for p in a.parties if isinstance(p, int)]
    return list(dict.fromkeys(pids))


def _leader(idx, people, pid, published) -> LeaderMention:
    """A leader as the output tells them; the evidence is their first mention, under the
    people-stage rule that brought them in (`person_rules.PERSON_RULES`)."""
    person = people.get(pid)
    first = next(i for i, p in people.order if p == pid)
    ev = evidence(idx, first, first, 0.9, person.named_by)
    country = None if person.org else soviet(person.country, published)
    return LeaderMention(
        person.name,
        country,
        person.title,
        tuple(sorted(person.aliases)),
        (ev,),
        registry_key=None if person.org else person.registry_key,
    )
