"""Writes that touch several models: resolving extracted candidates to records and
saving an article's facts in one transaction.

Rules that hold throughout:
- A fact an editor touched (confirmed, corrected, rejected) is never changed by
  extraction; new evidence may still attach to it, and a rejected fact stays hidden.
- Likewise a leader (``leader_resolve``): a rejected one is found, never changed, never
  made again; a confirmed or corrected one keeps its name and what an editor set.
- Re-extracting an article drops its evidence, attaches the new candidates to matching
  facts (or creates them), and deletes only machine-made facts left with no evidence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Replace

from ingest.extract.types import (
    AgreementCandidate,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
)
from ingest.extract.types import (
    Evidence as EvidenceCandidate,
)
from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    ReviewState,
)
from kb.names import item_key, item_words, name_keys, normalise_name

logger = logging.getLogger(__name__)

MEETING_DATE_TOLERANCE = dt.timedelta(days=3)
MANUAL_RULE = "manual"  # the rule recorded on evidence an editor added by hand


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

    An editor's correction of a leader (``kb.curation.leader_update``) survives
    re-extraction: a replaced name stays an alias, so it still finds the leader; and among
    ``named_before`` (the leaders the article named last time), one whose country an
    editor set is the match whatever country the extractor gives this time.

    A leader an editor rejected (``kb.curation.leader_reject``: "not a real leader") is
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
    from kb.registry import leader_for_registry_key

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


# ---- one writer at a time per person -----------------------------------------------------

#: Advisory lock namespaces, taken in this order: every name lock of an article before
#: any fact lock, each kind in sorted order, so that two writers never wait on each other.
LOCK_LEADER_NAME = 1
LOCK_LEADER_FACTS = 2
LOCK_COUNTRY_FACTS = 3


def _lock_key(key: str | int) -> int:
    """A stable signed 32-bit number for an advisory lock (the same in every process)."""
    digest = hashlib.blake2b(str(key).encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def _advisory_locks(namespace: int, keys: Iterable[str | int]) -> None:
    """Wait for and hold, until the transaction ends, PostgreSQL's advisory lock on each
    key: a second worker recording an article about the same people waits until the
    first has committed, then finds what it made instead of making it again. Other
    databases (SQLite: one writer at a time anyway) need nothing."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted({_lock_key(k) for k in keys}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, key])


def _name_lock_keys(mentions: Iterable[LeaderMention]) -> set[str]:
    """Every key under which these mentions look a leader up, or would record one."""
    keys: set[str] = set()
    for mention in mentions:
        keys |= name_keys(mention.name, mention.aliases)
        if mention.registry_key:
            keys.add(f"registry:{mention.registry_key}")
    return keys


# ---- saving one article's extraction ----------------------------------------------------


class _ArticleWriter:
    """Resolves one Extraction against the knowledge base and records its evidence."""

    def __init__(self, article: Article, extraction: Extraction):
        self.article = article
        self.extraction = extraction
        self.leaders: dict[str, Leader] = {}
        self.meetings: list[Meeting | None] = []  # one per extracted meeting, in order
        self.written: FactIds = {}  # the facts given evidence, by model

    def leader(self, name: str) -> Leader | None:
        return self.leaders.get(name)

    def write(self) -> None:
        # Concurrent writers: first the names (finding or making the leaders), then the
        # people and countries (finding or making their facts). See ``_advisory_locks``.
        _advisory_locks(LOCK_LEADER_NAME, _name_lock_keys(self.extraction.leaders))
        named_before = set(self.article.leaders.values_list("pk", flat=True))
        for mention in self.extraction.leaders:
            self.leaders[mention.name] = leader_resolve(mention=mention, named_before=named_before)
        _advisory_locks(LOCK_LEADER_FACTS, [leader.pk for leader in self.leaders.values()])
        codes = {p for a in self.extraction.agreements for p in a.parties if p not in self.leaders}
        _advisory_locks(LOCK_COUNTRY_FACTS, sorted(codes))
        self.article.leaders.set(self.leaders.values())
        self.article.countries.set(Country.objects.filter(code__in=self.extraction.countries))
        self.meetings = [self.meeting(c) for c in self.extraction.meetings]
        attended = _with_participant_ids([m for m in self.meetings if m is not None])
        for candidate in self.extraction.gifts:
            self.gift(candidate, attended)
        for candidate in self.extraction.agreements:
            self.agreement(candidate, attended)

    def evidence(self, candidate, evidence: Iterable[EvidenceCandidate], **fact) -> None:
        # The candidate as found, for the record; each row is one of its spans, so the
        # spans are left out (copying them all into every row costs n² for n rows).
        payload = _jsonable({k: v for k, v in asdict(candidate).items() if k != "evidence"})
        for value in fact.values():
            self.written.setdefault(type(value), set()).add(value.pk)
        Evidence.objects.bulk_create(
            [
                Evidence(
                    article=self.article,
                    sentence=e.span.sentence,
                    start=e.span.start,
                    end=e.span.end,
                    sentence_start=e.span.sentence_start,
                    confidence=min(max(e.confidence, 0.0), 1.0),
                    rule=e.rule[:80],
                    extractor_version=self.extraction.version,
                    candidate=payload,
                    **fact,
                )
                for e in evidence
            ]
        )

    def meeting(self, candidate: MeetingCandidate) -> Meeting | None:
        participants = [self.leaders[n] for n in candidate.participants if n in self.leaders]
        if not participants:
            return None
        host = country_get(candidate.host_country)
        meeting = meeting_find(participants=participants, date=candidate.date, host=host)
        if meeting is None:
            meeting = Meeting.objects.create(
                kind=candidate.kind,
                date=candidate.date,
                place=candidate.place or "",
                host_country=host,
                topics=list(candidate.topics),
                confidence=candidate.confidence,
            )
            meeting.participants.set(participants)
        elif not meeting.human_touched:
            _fill_blanks(
                meeting,
                date=candidate.date,
                place=candidate.place or "",
                host_country=host,
                topics=list(candidate.topics),
            )
            meeting.confidence = max(meeting.confidence, candidate.confidence)
            meeting.save()
            meeting.participants.add(*participants)
        self.evidence(candidate, candidate.evidence, meeting=meeting)
        return meeting

    def linked(self, candidate: GiftCandidate | AgreementCandidate) -> Meeting | None:
        """The recorded meeting the extractor linked the fact to (``candidate.meeting``)."""
        n = candidate.meeting
        if n is None or not 0 <= n < len(self.meetings):
            return None
        return self.meetings[n]

    def gift(self, candidate: GiftCandidate, meetings: list[Attended]) -> None:
        giver, recipient = self.leader(candidate.giver), self.leader(candidate.recipient)
        if giver is None or recipient is None:
            return
        gift = gift_find(giver=giver, recipient=recipient, item=candidate.item)
        meeting = self.linked(candidate) or _meeting_with(meetings, {giver.pk, recipient.pk})
        date = candidate.date or (meeting.date if meeting else None)
        if gift is None:
            gift = Gift.objects.create(
                giver=giver,
                recipient=recipient,
                item=candidate.item,
                meeting=meeting,
                date=date,
                confidence=candidate.confidence,
            )
        elif not gift.human_touched:
            _fill_blanks(gift, meeting=meeting, date=date)
            gift.confidence = max(gift.confidence, candidate.confidence)
            gift.save()
        self.evidence(candidate, candidate.evidence, gift=gift)

    def agreement(self, candidate: AgreementCandidate, meetings: list[Attended]) -> None:
        leaders = [self.leaders[p] for p in candidate.parties if p in self.leaders]
        codes = [p for p in candidate.parties if p not in self.leaders]
        countries = list(Country.objects.filter(code__in=codes))
        if not leaders and not countries:
            return
        agreement = agreement_find(
            kind=candidate.kind,
            leaders={x.pk for x in leaders},
            countries={c.pk for c in countries},
            date=candidate.date,
        )
        meeting = self.linked(candidate)
        if meeting is None and leaders:
            meeting = _meeting_with(meetings, {x.pk for x in leaders})
        date = candidate.date or (meeting.date if meeting else None)
        if agreement is None:
            agreement = Agreement.objects.create(
                kind=candidate.kind,
                status=candidate.status,
                summary=candidate.summary[:500],
                date=date,
                meeting=meeting,
                confidence=candidate.confidence,
            )
            agreement.leader_parties.set(leaders)
            agreement.country_parties.set(countries)
        elif not agreement.human_touched:
            agreement.status = candidate.status
            _fill_blanks(agreement, summary=candidate.summary[:500], meeting=meeting, date=date)
            agreement.confidence = max(agreement.confidence, candidate.confidence)
            agreement.save()
        self.evidence(candidate, candidate.evidence, agreement=agreement)


#: One of the article's meetings and the ids of the leaders who took part.
Attended = tuple[Meeting, set[int]]


def _with_participant_ids(meetings: list[Meeting]) -> list[Attended]:
    """The article's meetings with who took part, in one query (every gift and agreement
    looks through them all)."""
    ids: dict[int, set[int]] = {m.pk: set() for m in meetings}
    rows = Meeting.participants.through.objects.filter(meeting_id__in=list(ids))
    for meeting_id, leader_id in rows.values_list("meeting_id", "leader_id"):
        ids[meeting_id].add(leader_id)
    return [(m, ids[m.pk]) for m in meetings]


def _meeting_with(meetings: list[Attended], leader_ids: set[int]) -> Meeting | None:
    """The article's meeting the given people both took part in, if exactly one."""
    unique = {m.pk: m for m, people in meetings if leader_ids <= people}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _fill_blanks(fact, **values) -> None:
    """Set fields that are still empty; never overwrite a value already known."""
    for field, value in values.items():
        if value in (None, "", []):
            continue
        if getattr(fact, field) in (None, "", []):
            setattr(fact, field, value)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@transaction.atomic
def article_facts_replace(*, article: Article, extraction: Extraction) -> None:
    """Replace what extraction said about this article, in one transaction.

    The article's machine-made evidence goes; the new candidates attach to matching facts or make
    new ones; machine-made facts left with no evidence at all are deleted. Facts an
    editor touched are never changed or deleted here.
    """
    # Only facts this article supported or now supports can be left without evidence
    # here: the sweep looks at those, never at whole tables.
    touched = _supported_by(article)
    # Evidence an editor added by hand is theirs, not the extractor's: it stays.
    Evidence.objects.filter(article=article).exclude(rule=MANUAL_RULE).delete()
    writer = _ArticleWriter(article, extraction)
    writer.write()
    for model, ids in writer.written.items():
        touched.setdefault(model, set()).update(ids)
    _machine_facts_unsupported_delete(among=touched)
    article.extractor_version = extraction.version
    if extraction.published and not article.published:
        article.published = extraction.published
    article.save(update_fields=["extractor_version", "published", "updated_at"])


# ---- deleting an article ----------------------------------------------------------------

#: The facts evidence can support, gifts and agreements before the meetings they attach to.
FACT_MODELS: tuple[type[models.Model], ...] = (Gift, Agreement, Meeting)
PENDING = (ArticleStatus.QUEUED, ArticleStatus.PROCESSING)

FactIds = dict[type[models.Model], set[int]]


def _machine_facts_unsupported_delete(
    *, among: FactIds | None = None, user=None, reason: str = ""
) -> FactIds:
    """Delete the machine-made facts no evidence supports any more (only those in
    ``among`` when given), each with its own "deleted" history row; returns their ids.
    A fact an editor touched is never deleted here, evidence or not."""
    deleted: FactIds = {}
    for model in FACT_MODELS:
        unsupported = model.objects.filter(
            review_state=ReviewState.EXTRACTED, evidence__isnull=True
        )
        if among is not None:
            unsupported = unsupported.filter(pk__in=among.get(model, ()))
        for fact in unsupported.order_by("pk"):
            deleted.setdefault(model, set()).add(fact.pk)
            if user is not None:
                fact._history_user = user
            if reason:
                fact._change_reason = reason
            fact.delete()
    return deleted


class ArticleBusy(ValidationError):
    """The article is queued or being extracted: a worker may be about to write its facts."""


@dataclass
class ArticleDeletePlan:
    """What deleting an article would do, and what stands in the way (see ``article_delete``)."""

    article: Article
    #: Machine-made facts only this article supports: deleted with it.
    deleted: list = dataclasses.field(default_factory=list)
    #: Facts that lose this article's evidence and stay (other sources, or an editor's).
    kept: list = dataclasses.field(default_factory=list)
    #: Confirmed or corrected facts whose only evidence is in this article.
    resting: list = dataclasses.field(default_factory=list)
    #: Articles recorded as duplicates of this one.
    duplicates: list[int] = dataclasses.field(default_factory=list)

    @property
    def busy(self) -> bool:
        return self.article.status in PENDING

    def refusal(self) -> ValidationError | None:
        """Why the article cannot be deleted now, or None."""
        if self.busy:
            return ArticleBusy(
                f"Article {self.article.pk} is {self.article.status}: wait until its "
                "extraction is done or has failed, then delete it.",
                code="article_busy",
            )
        if self.duplicates:
            ids = ", ".join(str(pk) for pk in self.duplicates)
            return ValidationError(
                f"Articles recorded as duplicates of this one ({ids}) point at it: delete "
                "them first.",
                code="article_has_duplicates",
            )
        if self.resting:
            facts = "; ".join(
                f"{fact._meta.verbose_name} {fact.pk} ({fact.review_state}): {fact}"
                for fact in self.resting
            )
            return ValidationError(
                f"Facts an editor confirmed or corrected have their only evidence in this "
                f"article: {facts}. Delete or reject them, or add them evidence from "
                "another article, then delete this one.",
                code="article_supports_reviewed_facts",
            )
        return None


def _supported_by(article: Article) -> FactIds:
    supported: FactIds = {model: set() for model in FACT_MODELS}
    rows = Evidence.objects.filter(article=article).values_list(
        "gift_id", "agreement_id", "meeting_id"
    )
    for row in rows:
        for model, pk in zip(FACT_MODELS, row, strict=True):
            if pk is not None:
                supported[model].add(pk)
    return supported


def article_delete_plan(*, article: Article) -> ArticleDeletePlan:
    """Which facts deleting ``article`` would delete and keep, and why it may not be
    deleted now. Read only; ``article_delete`` checks again under a lock."""
    plan = ArticleDeletePlan(article=article)
    plan.duplicates = sorted(article.duplicates.values_list("pk", flat=True))
    for model, ids in _supported_by(article).items():
        name = model._meta.model_name
        elsewhere = Evidence.objects.exclude(article=article).filter(**{f"{name}__isnull": False})
        facts = model.objects.filter(pk__in=ids).order_by("pk")
        only_here = set(facts.exclude(pk__in=elsewhere.values(name)).values_list("pk", flat=True))
        for fact in facts:
            if fact.pk not in only_here or fact.review_state == ReviewState.REJECTED:
                plan.kept.append(fact)
            elif fact.review_state == ReviewState.EXTRACTED:
                plan.deleted.append(fact)
            else:
                plan.resting.append(fact)
    return plan


@transaction.atomic
def article_delete(*, article: Article, user) -> ArticleDeletePlan:
    """Delete an article uploaded by mistake (the wrong one, or a duplicate) and what it
    alone supports, as a re-extraction that found nothing would: all its evidence goes,
    and the machine-made meetings, gifts and agreements left with no evidence are
    deleted. Returns the plan it carried out.

    Editors' work is never deleted. A fact that keeps evidence from another article
    stays, as does a rejected fact (a memory that keeps the same wrong fact from coming
    back, with or without evidence). A confirmed or corrected fact (added by hand,
    corrected, merged into) whose only evidence is in this article is not left without
    a source: the delete is refused, naming those facts, until an editor deletes,
    rejects or re-sources them. Leaders stay, like everything extraction finds but
    never cleans up; the article's mentions of them go.

    Also refused: an article queued or being extracted (``ArticleBusy``), since a worker
    may be writing its facts (a worker that finds its article gone does nothing); and an
    article that others are recorded as duplicates of, until those are deleted.

    History and the change feed: each deleted fact has a "deleted" history row by
    ``user``, each fact kept without this article's evidence a "changed" row saying why,
    and every deleted row (article, evidence, facts) a tombstone (``api.signals``). The
    uploaded file is removed from storage once the deletion is committed.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    plan = article_delete_plan(article=article)
    refusal = plan.refusal()
    if refusal is not None:
        raise refusal
    reason = f"Article {article.pk} was deleted"
    Evidence.objects.filter(article=article).delete()
    _machine_facts_unsupported_delete(
        among=_ids(plan.deleted), user=user, reason=f"{reason}: it was the only source"
    )
    for model, ids in _ids(plan.kept).items():
        # Reloaded: deleting a meeting above may have detached a kept gift or agreement.
        for fact in model.objects.filter(pk__in=ids).order_by("pk"):
            fact._history_user = user
            fact._change_reason = f"{reason}: its evidence there was removed"
            fact.save()
    upload = article.upload.name
    article.delete()
    if upload:
        storage = Article._meta.get_field("upload").storage
        transaction.on_commit(lambda: _remove_upload(storage, upload))
    return plan


def _ids(facts: Iterable[models.Model]) -> FactIds:
    ids: FactIds = {}
    for fact in facts:
        ids.setdefault(type(fact), set()).add(fact.pk)
    return ids


def _remove_upload(storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:  # noqa: BLE001 - the row is gone; a stray file is only logged
        logger.exception("could not remove the upload %s of a deleted article", name)
