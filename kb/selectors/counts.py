"""Counts: per-row counts as correlated subqueries (several of them never multiply rows,
as COUNT over joins would), and the totals the home page and an article's page show.
"""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from kb.changes import AREAS, cached
from kb.counters import stored_totals
from kb.models import Agreement, Country, Evidence, Gift, Leader, Meeting

Participation = Meeting.participants.through


def correlated_count(queryset, count_expr, link: str = "meeting") -> Coalesce:
    """A correlated COUNT subquery over the rows whose ``link`` is the outer row (0 when
    there are none). Unlike Count() over joins, several of these never multiply."""
    counted = (
        queryset.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=count_expr)
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def country_counts() -> dict[int, tuple[int, int]]:
    """(leaders, meetings hosted) per country id, for countries with either: two grouped
    queries over the whole knowledge base (active leaders and meetings not rejected),
    instead of two correlated subqueries per country row."""
    from kb.models import Meeting

    leaders = dict(
        Leader.objects.visible()
        .active()
        .exclude(country=None)
        .order_by()
        .values("country")
        .annotate(n=Count("pk"))
        .values_list("country", "n")
    )
    hosted = dict(
        Meeting.objects.visible()
        .exclude(host_country=None)
        .order_by()
        .values("host_country")
        .annotate(n=Count("pk"))
        .values_list("host_country", "n")
    )
    return {pk: (leaders.get(pk, 0), hosted.get(pk, 0)) for pk in leaders.keys() | hosted.keys()}


def source_count():
    return correlated_count(Evidence.objects.all(), Count("article", distinct=True))


def gift_count():
    return correlated_count(Gift.objects.visible(), Count("pk"))


def agreement_count():
    return correlated_count(Agreement.objects.visible(), Count("pk"))


def leader_meeting_count():
    """A leader's meetings that an editor has not rejected: its maintained count
    (``kb.counters``), one row joined, instead of counting its participations."""
    return Coalesce(F("tally__meetings"), Value(0))


def evidence_count(link: str = "article"):
    """An article's evidence rows (or a fact's: ``link="meeting"``, ``"gift"``...)."""
    return correlated_count(Evidence.objects.all(), Count("pk"), link=link)


def with_counts(meetings, *, gifts: bool = True, agreements: bool = True):
    """Annotate source_count (and gift_count / agreement_count) in the row query."""
    annotations = {"source_count": source_count()}
    if gifts:
        annotations["gift_count"] = gift_count()
    if agreements:
        annotations["agreement_count"] = agreement_count()
    return meetings.annotate(**annotations)


def known_countries():
    """Countries with a leader or a hosted meeting an editor has not rejected: the ones
    worth listing. Read from the maintained counts (``kb.counters``): a few hundred
    rows, where the subqueries over leaders and meetings read all 100,000 meetings."""
    return Country.objects.filter(Q(tally__leaders__gt=0) | Q(tally__hosted__gt=0))


def record_counts() -> dict[str, int]:
    """How many of each record a reader can see (the home page's summary): the
    maintained totals (``kb.counters``) and the countries worth listing, two small
    reads where counting six whole tables took 100 ms at 100k meetings; kept until
    the next write to any area (kb.changes)."""
    return cached("record-counts", {}, _record_counts, areas=AREAS)


def _record_counts() -> dict[str, int]:
    return {**stored_totals(), "countries": known_countries().count()}
