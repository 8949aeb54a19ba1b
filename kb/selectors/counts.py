"""Counts: per-row counts as correlated subqueries (several of them never multiply rows,
as COUNT over joins would), and the totals the home page and an article's page show.
"""

from __future__ import annotations

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from kb.models import Agreement, Article, Country, Evidence, Gift, Leader, Meeting, ReviewState

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


def countries_with_counts(countries=None):
    """Countries annotated with leader_count (active, not rejected) and hosted_count
    (meetings not rejected), one correlated subquery each."""
    from kb.models import Country, Leader, Meeting

    countries = Country.objects.all() if countries is None else countries
    return countries.annotate(
        leader_count=correlated_count(
            Leader.objects.visible().active(), Count("pk"), link="country"
        ),
        hosted_count=correlated_count(Meeting.objects.visible(), Count("pk"), link="host_country"),
    )


def source_count():
    return correlated_count(Evidence.objects.all(), Count("article", distinct=True))


def gift_count():
    return correlated_count(Gift.objects.visible(), Count("pk"))


def agreement_count():
    return correlated_count(Agreement.objects.visible(), Count("pk"))


def leader_meeting_count():
    """A leader's meetings that an editor has not rejected."""
    taken_part = Participation.objects.exclude(meeting__review_state=ReviewState.REJECTED)
    return correlated_count(taken_part, Count("pk"), link="leader")


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
    """Countries with a leader recorded or a meeting hosted: the ones worth listing."""
    return Country.objects.filter(
        Q(Exists(Leader.objects.filter(country_id=OuterRef("pk"))))
        | Q(Exists(Meeting.objects.filter(host_country_id=OuterRef("pk"))))
    )


def record_counts() -> dict[str, int]:
    """How many of each record a reader can see (the home page's summary)."""
    return {
        "meetings": Meeting.objects.visible().count(),
        "leaders": Leader.objects.visible().active().count(),
        "countries": known_countries().count(),
        "gifts": Gift.objects.visible().count(),
        "agreements": Agreement.objects.visible().count(),
        "articles": Article.objects.count(),
    }
