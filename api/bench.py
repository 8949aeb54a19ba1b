"""A plain Django view returning the same meetings page as ``GET /api/meetings/`` (same
rows, same nested data, same number of queries) built from ``.values()``: the baseline
``manage.py bench_api`` measures the API against. Answers only when DEBUG or
``API_BENCH_VIEWS`` is on; it is not part of the API."""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db.models import F
from django.http import Http404, JsonResponse

from kb.models import Agreement, Evidence, Gift, Meeting, ReviewState

Participation = Meeting.participants.through


def meetings_plain(request):
    if not (settings.DEBUG or getattr(settings, "API_BENCH_VIEWS", False)):
        raise Http404
    try:
        size = min(max(int(request.GET.get("page_size", 50)), 1), 200)
        page = max(int(request.GET.get("page", 1)), 1)
    except ValueError as exc:
        raise Http404 from exc
    base = Meeting.objects.exclude(review_state=ReviewState.REJECTED)
    count = base.count()
    rows = list(
        base.order_by(F("date").desc(nulls_last=True), F("id").desc()).values(
            "id", "kind", "date", "place", "host_country__code", "topics", "merged_into_id",
            "review_state", "edited_fields", "confidence", "created_at", "updated_at",
        )[(page - 1) * size : page * size]
    )  # fmt: skip
    ids = [row["id"] for row in rows]
    people, gifts, agreements, evidence = (defaultdict(list) for _ in range(4))
    for p in (
        Participation.objects.filter(meeting_id__in=ids)
        .order_by("leader__name", "leader_id")  # the API's order, so the pages are the same
        .values("meeting_id", "leader_id", "leader__name", "leader__country__code")
    ):
        people[p["meeting_id"]].append(
            {"id": p["leader_id"], "name": p["leader__name"], "country": p["leader__country__code"]}
        )
    for g in (
        Gift.objects.visible()
        .filter(meeting_id__in=ids)
        .values("id", "item", "giver_id", "recipient_id", "meeting_id")
    ):
        gifts[g.pop("meeting_id")].append(g)
    for a in (
        Agreement.objects.visible()
        .filter(meeting_id__in=ids)
        .values("id", "kind", "status", "summary", "meeting_id")
    ):
        agreements[a.pop("meeting_id")].append(a)
    for e in Evidence.objects.filter(meeting_id__in=ids).values(
        "meeting_id", "article_id", "article__title", "sentence", "start", "end",
        "confidence", "extractor_version", "rule",
    ):  # fmt: skip
        evidence[e.pop("meeting_id")].append(e)
    for row in rows:
        pk = row["id"]
        row.update(
            participants=people[pk],
            gifts=gifts[pk],
            agreements=agreements[pk],
            evidence=evidence[pk],
        )
    return JsonResponse({"count": count, "results": rows})
