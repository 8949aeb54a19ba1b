"""Facts as readers see them: visible ones (``ReviewedQuerySet.visible()``: what an editor
rejected is left out), the facts an article supports, and a fact's evidence."""

from __future__ import annotations

import operator
from functools import reduce

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q

from kb.models import Agreement, Country, Evidence, Gift, Meeting
from kb.selectors.rows import BRIEF_COUNTRY, brief_leaders

#: The facts, in the order pages list them.
FACT_MODELS = (Meeting, Gift, Agreement)
#: Evidence rows a fact page shows at a time (``?evidence=N`` turns the pages).
EVIDENCE_PER_PAGE = 20


def gifts_for_list(*, visible: bool = True):
    """Visible gifts (all, if not ``visible``: a list filtered by review state) with their
    givers' and recipients' countries and their meeting."""
    gifts = Gift.objects.visible() if visible else Gift.objects.all()
    return gifts.select_related("giver__country", "recipient__country", "meeting__host_country")


def agreements_for_list(*, visible: bool = True):
    """Visible agreements (all, if not ``visible``) with their parties as
    ``leader_party_list`` and ``country_party_list``, and their meeting."""
    agreements = Agreement.objects.visible() if visible else Agreement.objects.all()
    return agreements.select_related("meeting__host_country").prefetch_related(
        brief_leaders("leader_parties", "leader_party_list"),
        Prefetch(
            "country_parties",
            queryset=Country.objects.only(*BRIEF_COUNTRY),
            to_attr="country_party_list",
        ),
    )


def supported_by(facts, article_id: int):
    """Those of ``facts`` (a queryset of one fact model) that the article's evidence
    supports. A subquery, not a join, so no fact repeats and no DISTINCT is needed."""
    field = f"{facts.model._meta.model_name}_id"
    return facts.filter(pk__in=Evidence.objects.filter(article_id=article_id).values(field))


def facts_of_article(article_id: int, *, base=None) -> dict[str, object]:
    """The visible meetings, gifts and agreements the article supports, by kind
    ("meetings", "gifts", "agreements"). ``base`` gives each kind's row queryset (its
    related records); by default the plain visible rows."""
    base = base or {}
    return {
        f"{model._meta.model_name}s": supported_by(
            base[model] if model in base else model.objects.all(), article_id
        ).visible()
        for model in FACT_MODELS
    }


def article_fact_counts(article_id: int) -> dict[str, int]:
    """How many visible facts of each kind the article supports."""
    return {kind: facts.count() for kind, facts in facts_of_article(article_id).items()}


def evidence_for(**filters):
    """Evidence rows with their articles (never the text), in article and text order."""
    return (
        Evidence.objects.filter(**filters)
        .with_article_names()
        .order_by("article_id", "start", "id")
    )


def evidence_page(number, **filters):
    """One page of a fact's evidence; a malformed or out-of-range page number gives the
    first or the last page rather than an error."""
    return Paginator(evidence_for(**filters), EVIDENCE_PER_PAGE).get_page(number)


def agreement_involving_country(code: str) -> Q:
    """Agreements the country is a party to, itself or through one of its leaders (an
    agreement between two presidents binds their countries)."""
    code = code.strip().upper()
    countries = Agreement.country_parties.through.objects.filter(
        agreement=OuterRef("pk"), country__code=code
    )
    leaders = Agreement.leader_parties.through.objects.filter(
        agreement=OuterRef("pk"), leader__country__code=code
    )
    return Q(Exists(countries)) | Q(Exists(leaders))


def gift_involving_leader(leader_id: int, side: str = "") -> Q:
    """Gifts the leader gave or received (``side``: "giver" or "recipient" for one)."""
    sides = (side,) if side else ("giver", "recipient")
    return reduce(operator.or_, (Q(**{f"{name}_id": leader_id}) for name in sides))


def gift_involving_country(code: str, side: str = "") -> Q:
    """Gifts a leader of the country (ISO code, any case) gave or received (``side``:
    "giver" or "recipient" for one)."""
    code = code.strip().upper()
    sides = (side,) if side else ("giver", "recipient")
    return reduce(operator.or_, (Q(**{f"{name}__country__code": code}) for name in sides))


def agreement_with_party(**lookup) -> Exists:
    """Agreements with a leader party matching ``lookup`` (``leader_id=…``,
    ``leader_id__in=…``). EXISTS, so no agreement repeats."""
    through = Agreement.leader_parties.through
    return Exists(through.objects.filter(agreement=OuterRef("pk"), **lookup))
