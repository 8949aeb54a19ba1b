"""Recording an extraction: resolving its candidates to records (leaders, meetings,
gifts, agreements) and saving the article's evidence, in one transaction.

The one place ``ingest`` writes the knowledge base; it uses kb's models and the sweep
of unsupported facts in ``kb.services.articles``. kb never imports it.

Rules that hold throughout:
- A fact an editor touched (confirmed, corrected, rejected) is never changed by
  extraction; new evidence may still attach to it, and a rejected fact stays hidden.
- Likewise a leader (``leader_resolve``): a rejected one is found, never changed, never
  made again; a confirmed or corrected one keeps its name and what an editor set.
- Re-extracting an article drops its evidence, attaches the new candidates to matching
  facts (or creates them), and deletes only machine-made facts left with no evidence,
  among the facts this article supported or now supports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict

from django.db import connection, transaction
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

import kb.changes as changes
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
from ingest.resolve import (
    agreement_find,
    country_get,
    gift_find,
    leader_resolve,
    meeting_find,
)
from kb.constants import EXTRACTION_REASON, MANUAL_RULE
from kb.counters import deferred as counts_deferred
from kb.models import (
    Agreement,
    Article,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
)
from kb.names import name_keys
from kb.services.articles import (
    FactIds,
    article_supported_facts,
    facts_unsupported_delete,
)

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
        created = Evidence.objects.bulk_create(
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
        if created:  # a fact's sources, an article's evidence count (no signal)
            changes.kb_changed(changes.EVIDENCE)

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


#: The article whose extraction is being recorded in this thread (or task), if any.
_recording: ContextVar[Article | None] = ContextVar("recording", default=None)


@contextmanager
def _history_by_extraction(article: Article) -> Iterator[None]:
    """Within the block, every history row written is marked as extraction's
    (``EXTRACTION_REASON``), so history credits the machine, not whoever uploaded the
    article: an upload page that runs extraction in its own request would otherwise
    record the uploader as the author of every fact (``kb.selectors.history``)."""
    token = _recording.set(article)
    try:
        yield
    finally:
        _recording.reset(token)


@receiver(pre_create_historical_record)
def _mark_extraction_history(sender, history_instance, **kwargs) -> None:
    article = _recording.get()
    if article is not None and not history_instance.history_change_reason:
        history_instance.history_change_reason = EXTRACTION_REASON.format(article=article.pk)


@transaction.atomic
@counts_deferred()  # each country and leader counted once, at the end
def article_facts_replace(*, article: Article, extraction: Extraction) -> None:
    """Replace what extraction said about this article, in one transaction.

    The article's machine-made evidence goes; the new candidates attach to matching facts or make
    new ones; machine-made facts left with no evidence at all are deleted. Facts an
    editor touched are never changed or deleted here.
    """
    # Only facts this article supported or now supports can be left without evidence
    # here: the sweep looks at those, never at whole tables.
    touched = article_supported_facts(article)
    with _history_by_extraction(article):
        # Evidence an editor added by hand is theirs, not the extractor's: it stays.
        dropped, _ = Evidence.objects.filter(article=article).exclude(rule=MANUAL_RULE).delete()
        if dropped:  # facts' sources, an article's evidence count (no signal for Evidence)
            changes.kb_changed(changes.EVIDENCE)
        writer = _ArticleWriter(article, extraction)
        writer.write()
        for model, ids in writer.written.items():
            touched.setdefault(model, set()).update(ids)
        facts_unsupported_delete(among=touched)
    article.extractor_version = extraction.version
    if extraction.published and not article.published:
        article.published = extraction.published
    article.save(update_fields=["extractor_version", "published", "updated_at"])
