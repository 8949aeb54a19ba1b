"""Load a page's nested data in bulk, as the representations need it.

Django's ``prefetch_related`` builds a queryset per object for its cache, which for a page
of 50 meetings with participants, gifts, agreements and evidence costs more than the
queries themselves. These loaders run one ``.values()`` query per relation for the whole
page instead and hang plain lists (already in the API's output shape) on each object as
``api_<relation>``, which ``api.serializers`` reads. Same number of queries as prefetching,
whatever the page size. The querysets the API lists facts from live here too, so that
``api.expand`` can load them in full for other records.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, F, Window
from django.db.models.functions import DenseRank, RowNumber

from kb.models import Agreement, Evidence, Gift, Meeting

# A fact embeds at most this many evidence spans, the first by article and offset, with
# the total and the number of distinct articles beside them; the rest are a page of
# /api/evidence/?meeting=<id> (or gift, agreement) away. A meeting reported by a thousand
# articles would otherwise make every list page that shows it a thousand spans longer.
EVIDENCE_SHOWN = 20

# ---- querysets (their nested data comes from the loaders below) -----------------------------


def meetings():
    return Meeting.objects.select_related("host_country")


def gifts():
    brief = ("giver__id", "giver__name", "giver__country__code")
    return Gift.objects.select_related("giver__country", "recipient__country").only(
        "id", "item", "giver", "recipient", "meeting_id", "date", "review_state",
        "edited_fields", "confidence", "created_at", "updated_at",
        *brief, *(b.replace("giver", "recipient") for b in brief),
    )  # fmt: skip


def agreements():
    return Agreement.objects.all()


# ---- loaders -------------------------------------------------------------------------------

EVIDENCE = (
    "meeting_id", "gift_id", "agreement_id", "article_id", "article__title", "sentence",
    "start", "end", "confidence", "extractor_version", "rule",
)  # fmt: skip


def evidence_row(e: dict) -> dict:
    return {
        "article": e["article_id"],
        "article_title": e["article__title"],
        "sentence": e["sentence"],
        "start": e["start"],
        "end": e["end"],
        "confidence": e["confidence"],
        "extractor_version": e["extractor_version"],
        "rule": e["rule"],
    }


def _evidence(objects, field: str) -> None:
    """The first EVIDENCE_SHOWN spans of each fact, and each fact's span and article
    counts, in one query: the spans are ranked per fact in SQL, and the counts ride on
    every row as window values (the distinct articles as the dense rank of a row's
    article counted from both ends, less one: COUNT(DISTINCT) has no window form)."""
    found = defaultdict(list)
    counts = {}
    part = [F(field)]
    order = ("article_id", "start", "id")
    ranked = (
        Evidence.objects.filter(**{f"{field}__in": [o.pk for o in objects]})
        .annotate(
            rank=Window(RowNumber(), partition_by=part, order_by=[F(o).asc() for o in order]),
            spans=Window(Count("id"), partition_by=part),
            first=Window(DenseRank(), partition_by=part, order_by=F("article_id").asc()),
            last=Window(DenseRank(), partition_by=part, order_by=F("article_id").desc()),
        )
        .filter(rank__lte=EVIDENCE_SHOWN)
        .order_by(field, *order)
    )
    for e in ranked.values(*EVIDENCE, "spans", "first", "last"):
        found[e[field]].append(evidence_row(e))
        counts[e[field]] = {
            "evidence_count": e["spans"],
            "source_count": e["first"] + e["last"] - 1,
        }
    for obj in objects:
        obj.api_evidence = found[obj.pk]
        obj.api_evidence_counts = counts.get(obj.pk, {"evidence_count": 0, "source_count": 0})


def _leaders(through, owner: str, ids) -> dict[int, list[dict]]:
    found = defaultdict(list)
    rows = through.objects.filter(**{f"{owner}_id__in": ids}).order_by("leader__name", "leader_id")
    for row in rows.values(f"{owner}_id", "leader_id", "leader__name", "leader__country__code"):
        found[row[f"{owner}_id"]].append(
            {
                "id": row["leader_id"],
                "name": row["leader__name"],
                "country": row["leader__country__code"],
            }
        )
    return found


def load_meetings(meetings) -> None:
    meetings = list(meetings)
    if not meetings:
        return
    ids = [m.pk for m in meetings]
    people = _leaders(Meeting.participants.through, "meeting", ids)
    gifts, agreements = defaultdict(list), defaultdict(list)
    for g in (
        Gift.objects.visible()
        .filter(meeting_id__in=ids)
        .order_by("-date", "-id")
        .values("id", "item", "giver_id", "recipient_id", "meeting_id")
    ):
        gifts[g["meeting_id"]].append(
            {
                "id": g["id"],
                "item": g["item"],
                "giver": g["giver_id"],
                "recipient": g["recipient_id"],
            }
        )
    for a in (
        Agreement.objects.visible()
        .filter(meeting_id__in=ids)
        .order_by("-date", "-id")
        .values("id", "kind", "status", "summary", "meeting_id")
    ):
        agreements[a.pop("meeting_id")].append(a)
    for m in meetings:
        m.api_participants = people[m.pk]
        m.api_gifts = gifts[m.pk]
        m.api_agreements = agreements[m.pk]
    _evidence(meetings, "meeting_id")


def load_gifts(gifts) -> None:
    gifts = list(gifts)
    if gifts:
        _evidence(gifts, "gift_id")


def load_agreements(agreements) -> None:
    agreements = list(agreements)
    if not agreements:
        return
    ids = [a.pk for a in agreements]
    people = _leaders(Agreement.leader_parties.through, "agreement", ids)
    countries = defaultdict(list)
    through = Agreement.country_parties.through
    for row in (
        through.objects.filter(agreement_id__in=ids)
        .order_by("country__name", "country_id")
        .values("agreement_id", "country__code")
    ):
        countries[row["agreement_id"]].append(row["country__code"])
    for a in agreements:
        a.api_leader_parties = people[a.pk]
        a.api_country_parties = countries[a.pk]
    _evidence(agreements, "agreement_id")


LOADERS = {Meeting: load_meetings, Gift: load_gifts, Agreement: load_agreements}
