"""Resolving what extraction found to records: the leader a mention names, and the
meeting, gift or agreement already recorded that a candidate is.

Reads and small writes (a new or enriched leader) for ``ingest.record``, which calls
these inside its transaction and locks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Replace

from ingest.extract.types import LeaderMention
from kb.models import Agreement, Country, Gift, Leader, Meeting, ReviewState
from kb.names import item_key, item_words, normalise_name

MEETING_DATE_TOLERANCE = dt.timedelta(days=3)


# ---- countries and leaders -------------------------------------------------------------


def country_get(code: str | None) -> Country | None:
    if not code:
        return None
    return Country.objects.filter(code=code.upper()).first()


def leader_resolve(*, mention: LeaderMention, named_before: Collection[int] = ()) -> Leader:
    """The record for this person: found by full name or alias, else created.

    Across articles a name matches only a leader of the same country (or one whose
    country is unknown), so two people who share a name in different countries stay
    apart. Aliases and a missing title or country are filled in, unless an editor set them.

    An editor's correction of a leader (``kb.services.leaders.leader_update``) survives
    re-extraction: a replaced name stays an alias, so it still finds the leader; and among
    ``named_before`` (the leaders the article named last time), one whose country an
    editor set is the match whatever country the extractor gives this time.

    A leader an editor rejected (``kb.services.leaders.leader_reject``: "not a real leader") is
    still found under its names, so extraction never makes it again; it stays rejected,
    unchanged and hidden, and a record not rejected is preferred when both match. Facts
    naming it are matched or made as for any leader: rejecting a leader does not reject
    its facts, which an editor reviews one by one.
    """
    country = country_get(mention.country)
    registered = _registry_leader(mention)
    if registered is not None:
        _leader_enrich(registered, mention, country)
        return registered
    candidates = list(Leader.objects.active().named(mention.name).select_related("country"))
    for alias in mention.aliases:
        if not candidates and len(normalise_name(alias).split()) > 1:
            candidates = list(Leader.objects.active().named(alias).select_related("country"))
    corrected = [
        leader
        for leader in candidates
        if leader.pk in named_before and "country" in _edited_fields(leader)
    ]
    compatible = corrected or [
        leader
        for leader in candidates
        if country is None or leader.country_id is None or leader.country_id == country.pk
    ]
    if compatible:
        leader = min(compatible, key=_rejected_last)
        _leader_enrich(leader, mention, country)
        return leader
    leader = Leader(
        name=mention.name,
        title=mention.title or "",
        country=country,
        other_names=sorted(set(mention.aliases) - {mention.name}),
        confidence=max((e.confidence for e in mention.evidence), default=0.5),
    )
    leader.save()
    return leader


def _registry_leader(mention: LeaderMention) -> Leader | None:
    """The person the extractor found in the registry (namesakes told apart by date and
    country), unless an editor has since given that record another country."""
    from kb.registry.snapshot import leader_for_registry_key

    leader = leader_for_registry_key(mention.registry_key)
    if leader is None:
        return None
    if mention.country and leader.country_id and "country" in _edited_fields(leader):
        if leader.country.code != mention.country:
            return None
    return leader


def _rejected_last(leader: Leader) -> bool:
    return leader.review_state == ReviewState.REJECTED


def _edited_fields(leader: Leader) -> set[str]:
    """The fields an editor set, which extraction leaves alone."""
    return set(leader.edited_fields) if leader.human_touched else set()


def _leader_enrich(leader: Leader, mention: LeaderMention, country: Country | None) -> None:
    """Fill what the record lacks from a new mention. A reviewed leader keeps its name
    (the editor saw it; a longer form found joins its other names), and a rejected one
    is left exactly as the editor left it."""
    if leader.review_state == ReviewState.REJECTED:
        return
    locked = _edited_fields(leader)
    if leader.human_touched or leader.registry_key:
        locked.add("name")  # an editor's or the registry's name stands
    changed = False
    found = set(mention.aliases)
    if len(mention.name) > len(leader.name):
        if "name" in locked:
            found.add(mention.name)
        else:
            leader.other_names = sorted(set(leader.other_names) | {leader.name})
            leader.name = mention.name
            changed = True
    new_aliases = found - set(leader.other_names) - {leader.name}
    if new_aliases and "other_names" not in locked:
        leader.other_names = sorted(set(leader.other_names) | new_aliases)
        changed = True
    if not leader.title and mention.title and "title" not in locked:
        leader.title = mention.title
        changed = True
    if leader.country_id is None and country is not None and "country" not in locked:
        leader.country = country
        changed = True
    if changed:
        leader.save()


# ---- matching facts ---------------------------------------------------------------------


def _count(through: type[models.Model], fact: str, **filters) -> Coalesce:
    """How many rows of an m2m ``through`` table the outer fact has (0 when none)."""
    rows = through.objects.filter(**{fact: OuterRef("pk")}, **filters).order_by()
    return Coalesce(Subquery(rows.values(fact).annotate(n=Count("*")).values("n")), 0)


def _has(through: type[models.Model], fact: str, **filters) -> Exists:
    return Exists(through.objects.filter(**{fact: OuterRef("pk")}, **filters))


def _near(date: dt.date | None) -> Q:
    """Dated within a few days of ``date``, or undated; anything when ``date`` is unknown."""
    if date is None:
        return Q()
    window = (date - MEETING_DATE_TOLERANCE, date + MEETING_DATE_TOLERANCE)
    return Q(date__isnull=True) | Q(date__range=window)


def meeting_find(
    *, participants: Iterable[Leader], date: dt.date | None, host: Country | None
) -> Meeting | None:
    """An existing meeting that is the same event: the same participants (all of them
    when two met; at least two when more did), a date within a few days or unknown, and
    the same host country when both know it.

    One query, through the participants table and the date index: the database looks
    only at these people's meetings in the date window, and Python reads only the match.
    (A group matches only meetings that include the first of its ids as a set iterates,
    as it always has.)
    """
    ids = {leader.pk for leader in participants}
    if not ids:
        return None
    first = next(iter(ids))
    through = Meeting.participants.through
    candidates = Meeting.objects.filter(_has(through, "meeting", leader_id=first), _near(date))
    if host:
        candidates = candidates.filter(Q(host_country__isnull=True) | Q(host_country=host))
    if len(ids) <= 2:  # exactly these people: each of them, and nobody else
        for other in ids - {first}:
            candidates = candidates.filter(_has(through, "meeting", leader_id=other))
        outsider = through.objects.filter(meeting=OuterRef("pk")).exclude(leader_id__in=ids)
        candidates = candidates.filter(~Exists(outsider))
    else:  # at least two of them, in a meeting of more than two
        others = ids - {first}
        candidates = candidates.filter(_has(through, "meeting", leader_id__in=others))
        candidates = candidates.alias(everyone=_count(through, "meeting")).filter(everyone__gt=2)
    return candidates.order_by("-review_state", "id").first()


def gift_find(*, giver: Leader, recipient: Leader, item: str) -> Gift | None:
    """The pair's gift whose item's words include this one's, or are included in them
    ("jug" and "a clay jug from Oslo"), the latest dated first. Compared on
    ``Gift.item_key`` in the query, so only the match is read."""
    key = item_key(item)
    if not key:
        return None
    words = sorted(item_words(item))
    contains_ours = Q()
    for word in words:
        contains_ours &= Q(item_key__contains=f" {word} ")
    theirs_left = models.F("item_key")
    for word in words:  # what remains of their key once our words are taken out
        theirs_left = Replace(theirs_left, Value(f" {word} "), Value(" "))
    candidates = (
        Gift.objects.filter(giver=giver, recipient=recipient)
        .exclude(item_key="")
        .alias(theirs_left=theirs_left)
        .filter(contains_ours | Q(theirs_left=" "))
    )
    return candidates.first()


def agreement_find(
    *, kind: str, leaders: set[int], countries: set[int], date: dt.date | None
) -> Agreement | None:
    """An agreement of this kind between exactly these leaders and countries, dated
    within a few days (two articles may date one signing a day apart) or undated; the
    latest dated first. One query, among the agreements of one party."""
    leader_parties = Agreement.leader_parties.through
    country_parties = Agreement.country_parties.through
    candidates = Agreement.objects.filter(kind=kind).filter(_near(date))
    for pk in sorted(leaders):
        candidates = candidates.filter(_has(leader_parties, "agreement", leader_id=pk))
    for pk in sorted(countries):
        candidates = candidates.filter(_has(country_parties, "agreement", country_id=pk))
    candidates = candidates.annotate(
        n_leaders=_count(leader_parties, "agreement"),
        n_countries=_count(country_parties, "agreement"),
    ).filter(n_leaders=len(leaders), n_countries=len(countries))
    return candidates.first()
