"""Deleting an article and the machine-made facts only it supports.

Extraction's own recording step (resolving candidates to records and saving an
article's facts) is ``ingest.record``; it uses ``facts_unsupported_delete`` and
``article_supported_facts`` from here, so an article's facts are swept one way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction

from kb import counters
from kb.constants import FACT_MODELS, PENDING
from kb.models import Article, Evidence, ReviewState

logger = logging.getLogger(__name__)

#: Ids of facts, by model.
FactIds = dict[type[models.Model], set[int]]


def facts_unsupported_delete(
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


def article_supported_facts(article: Article) -> FactIds:
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
    for model, ids in article_supported_facts(article).items():
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
@counters.deferred()  # each country and leader counted once, at the end
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
    # Its facts' sources: the article's own deletion below moves kb.changes' EVIDENCE.
    Evidence.objects.filter(article=article).delete()
    facts_unsupported_delete(
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
