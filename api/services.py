"""Writes the API needs beyond ``kb.curation``: deleting a fact (with history) and
submitting a batch of articles. Everything else goes straight to ``kb.curation`` and
``ingest.services``, the paths the pages take."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from ingest.read import UploadRejected
from ingest.services import article_submit
from kb.curation import FACT_MODELS
from kb.models import Agreement, Article, Gift, Meeting

BATCH_MAX = 100
REASON_MAX = 100  # simple-history's history_change_reason column


def _reason(text: str) -> str:
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


@transaction.atomic
def fact_delete(*, fact, user, reason: str = "") -> None:
    """Delete a meeting, gift or agreement for good, with its evidence.

    The deletion is in the fact's history (simple-history's "-" row, by ``user``) and
    leaves a tombstone for mirrors. Gifts and agreements of a deleted meeting are kept,
    detached from it, each with a history row. Unlike rejecting, this does not stop a
    later re-extraction of the article from finding the fact again: reject a wrong
    extracted fact; delete what was entered by mistake.
    """
    if not isinstance(fact, FACT_MODELS):
        raise TypeError(f"not a fact: {fact!r}")
    label = f"Deleted {fact._meta.verbose_name} {fact.pk}"
    if isinstance(fact, Meeting):
        for model in (Gift, Agreement):
            for attached in model.objects.filter(meeting=fact).order_by("pk"):
                attached.meeting = None
                attached._history_user = user
                attached._change_reason = _reason(f"Detached: {label.lower()}")
                attached.save()
    fact._history_user = user
    fact._change_reason = _reason(reason or label)
    fact.delete()


@dataclass
class Submitted:
    index: int
    article: Article | None = None
    created: bool = False
    error: UploadRejected | None = None


def articles_submit(items: list[dict | UploadRejected]) -> list[Submitted]:
    """Submit each item (keyword arguments for ``article_submit``, or the reason it is
    unusable) on its own: one that cannot be read is reported with its reason and does
    not stop the others."""
    if not items:
        raise UploadRejected("empty", "The batch is empty: give at least one item.")
    if len(items) > BATCH_MAX:
        raise UploadRejected("too_many", f"A batch holds at most {BATCH_MAX} items.")
    results = []
    for index, kwargs in enumerate(items):
        if isinstance(kwargs, UploadRejected):
            results.append(Submitted(index, error=kwargs))
            continue
        try:
            article, created = article_submit(**kwargs)
        except UploadRejected as exc:
            results.append(Submitted(index, error=exc))
        else:
            results.append(Submitted(index, article=article, created=created))
    return results
