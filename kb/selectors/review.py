"""The review queue: unreviewed facts, least confident first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kb.constants import Fact
from kb.models import Agreement, Evidence, Gift, Leader, Meeting


@dataclass
class QueueItem:
    kind: str  # "meeting", "gift" or "agreement"
    fact: Fact

    @property
    def confidence(self) -> float:
        return self.fact.confidence

    @property
    def evidence(self):
        """The strongest evidence row (``review_queue`` loads that one only)."""
        rows = self.fact.queue_evidence
        return rows[0] if rows else None

    @property
    def more_sources(self) -> int:
        return max(self.fact.evidence_count - 1, 0)


def review_queue(*, kinds: Iterable[str] = ("meeting", "gift", "agreement"), limit: int = 50):
    """Unreviewed facts, lowest confidence first, with what a queue row shows loaded
    (a fixed number of queries): the strongest evidence row and how many there are.
    Returns (items, total unreviewed per kind)."""
    from django.db.models import Prefetch

    from kb.selectors.counts import evidence_count

    evidence = Prefetch(
        "evidence",
        queryset=Evidence.objects.with_article_names().order_by("-confidence", "start", "id")[:1],
        to_attr="queue_evidence",
    )
    leaders = Prefetch("participants", queryset=Leader.objects.select_related("country"))
    querysets = {
        "meeting": Meeting.objects.unreviewed()
        .select_related("host_country")
        .prefetch_related(leaders, evidence),
        "gift": Gift.objects.unreviewed()
        .select_related("giver__country", "recipient__country")
        .prefetch_related(evidence),
        "agreement": Agreement.objects.unreviewed().prefetch_related(
            Prefetch("leader_parties", queryset=Leader.objects.select_related("country")),
            "country_parties",
            evidence,
        ),
    }
    items: list[QueueItem] = []
    counts = {}
    for kind in kinds:
        queryset = querysets[kind].annotate(evidence_count=evidence_count(link=kind))
        counts[kind] = queryset.model.objects.unreviewed().count()
        facts = queryset.order_by("confidence", "id")[:limit]
        items.extend(QueueItem(kind, fact) for fact in facts)
    items.sort(key=lambda item: (item.confidence, item.kind, item.fact.pk))
    return items[:limit], counts
