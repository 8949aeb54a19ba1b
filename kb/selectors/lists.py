"""The filters of the leaders, countries, gifts, agreements and articles lists (issue 15):
what each takes, how it sorts, and the options of its form. See ``kb.selectors.listing``.

Each condition is a selector the API's filters use too where it has the same filter
(``in_office``, ``gift_involving_*``, ``agreement_*``, ``supported_by``). Every list costs
a bounded number of queries: conditions are EXISTS or IN subqueries, never joins that
would repeat rows.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower

from gazetteer.regions import M49, codes_in_region
from kb.changes import (
    AGREEMENTS,
    ARTICLES,
    COUNTRIES,
    EVIDENCE,
    GIFTS,
    LEADERS,
    MEETINGS,
    cached,
)
from kb.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    ArticleStatus,
    Country,
    Gift,
    Leader,
    Meeting,
    OfficeKind,
    ReviewState,
)
from kb.selectors.countries import country_row_counts
from kb.selectors.counts import evidence_count, known_countries, leader_meeting_count
from kb.selectors.facts import (
    agreement_involving_country,
    agreement_with_party,
    gift_involving_country,
    gift_involving_leader,
    supported_by,
)
from kb.selectors.leaders import active_between, named_like
from kb.selectors.listing import (
    ARTICLE_PARAM,
    REVIEW_PARAM,
    ListFilters,
    Param,
    choice_param,
    country_param,
    date_params,
    flag_param,
    leader_param,
    reviewed,
    text_value,
    words_in,
)

Participation = Meeting.participants.through
#: The UN M49 regions, the countries list's region options.
REGIONS = tuple(M49)


def _nulls_last(field: str, descending: bool = False):
    return F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)


# ---- leaders --------------------------------------------------------------------------------


class LeaderFilters(ListFilters):
    noun, singular = "leaders", "leader"
    params_spec = (
        Param("q", "Search", "search", text_value("search"), describe=lambda q: f"named like “{q}”",
              help="Part of a name, or a name or alias."),
        country_param("The leader's country, or a country whose office they held.",
                      describe="of {}"),
        choice_param("office", "Office", OfficeKind, describe="who held the office of {}"),
        *date_params("Active", help="In office (of that country and kind) or at a meeting "
                     "between these dates.", said="active"),
        REVIEW_PARAM,
    )  # fmt: skip
    sorts = {
        "name": ("Name, A to Z", (Lower("name"), "id")),
        "-name": ("Name, Z to A", (Lower("name").desc(), "-id")),
        "country": ("Country, A to Z", (_nulls_last("country__name"), Lower("name"), "id")),
        "-country": ("Country, Z to A", (_nulls_last("country__name", True), Lower("name"), "id")),
        "-meetings": ("Most meetings", ("-meeting_count", Lower("name"), "id")),
        "meetings": ("Fewest meetings", ("meeting_count", Lower("name"), "id")),
    }
    default_sort = "name"

    def base(self):
        return Leader.objects.active()

    def areas(self):
        # Each row counts its meetings; "active between" reads offices and meetings.
        return (LEADERS, MEETINGS)

    def filter(self, leaders):
        leaders = reviewed(leaders, self.get("review"))
        if self.q:
            leaders = leaders.filter(Q(name__icontains=self.q) | Q(pk__in=named_like(self.q)))
        country = self.get("country")
        return active_between(
            leaders,
            code=country.code if country else "",
            kind=self.get("office") or "",
            start=self.get("from"),
            end=self.get("to"),
        )

    def annotate_for_sort(self, leaders):
        if self.sort.lstrip("-") == "meetings":
            return leaders.annotate(meeting_count=leader_meeting_count())
        return leaders


# ---- countries ------------------------------------------------------------------------------


def _region(raw: str, errors: list[str]) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    for region in REGIONS:
        if region.casefold() == raw.casefold():
            return region
    errors.append(f"Ignored the region “{raw[:40]}”: use one of {', '.join(REGIONS)}.")
    return None


class CountryFilters(ListFilters):
    noun, singular = "countries", "country"
    params_spec = (
        Param("q", "Search", "search", text_value("search"), describe=lambda q: f"named like “{q}”",
              help="A name, an official name or an ISO code."),
        Param("region", "Region", "select", _region, describe=lambda r: f"in {r}",
              help="The UN M49 region.", options="region"),
        flag_param("meetings", "Only countries with meetings",
                   "with meetings (hosted or attended)"),
        flag_param("all", "Also countries with no leader or meeting recorded",
                   "including countries with nothing recorded"),
    )  # fmt: skip
    sorts = {
        "name": ("Name, A to Z", ("name", "id")),
        "-name": ("Name, Z to A", ("-name", "-id")),
        "code": ("Code, A to Z", ("code",)),
        "-code": ("Code, Z to A", ("-code",)),
        "-leaders": ("Most leaders", ("-leader_count", "name", "id")),
        "leaders": ("Fewest leaders", ("leader_count", "name", "id")),
        "-hosted": ("Most meetings hosted", ("-hosted_count", "name", "id")),
        "hosted": ("Fewest meetings hosted", ("hosted_count", "name", "id")),
    }
    default_sort = "name"

    def base(self):
        return Country.objects.all()

    def areas(self):
        # The counts of leaders and meetings are maintained from those tables.
        return (COUNTRIES, LEADERS, MEETINGS)

    def filter(self, countries):
        if not (self.get("all") or self.get("meetings")):
            countries = countries.filter(pk__in=known_countries().values("pk"))
        if self.get("region"):
            countries = countries.filter(code__in=codes_in_region(self.get("region")))
        if self.get("meetings"):  # hosted or attended, from the maintained counts
            countries = countries.filter(Q(tally__hosted__gt=0) | Q(tally__attended__gt=0))
        return words_in(countries, self.q, ("name", "official_name", "code"))

    def annotate_for_sort(self, countries):
        if self.sort.lstrip("-") in ("leaders", "hosted"):
            return countries.annotate(**country_row_counts())
        return countries


# ---- gifts and agreements -------------------------------------------------------------------

FACT_SORTS = {
    "-date": ("Newest first", (_nulls_last("date", True), "-id")),
    "date": ("Oldest first", (_nulls_last("date"), "id")),
}


class GiftSide(models.TextChoices):
    """Which end of a gift the country and leader filters look at (both by default)."""

    GIVER = "giver", "Giver"
    RECIPIENT = "recipient", "Recipient"


class GiftFilters(ListFilters):
    noun, singular = "gifts", "gift"
    params_spec = (
        Param("q", "Search", "search", text_value("search"), describe=lambda q: f"matching “{q}”",
              help="Words of the gift, of its giver's or recipient's name, or of the place."),
        country_param("The giver's or the recipient's country."),
        leader_param("The giver or the recipient.", describe="given or received by {}"),
        choice_param("side", "Country and leader as", GiftSide, describe="as {}",
                     help="The giver or the recipient only (either, by default)."),
        *date_params("Date"),
        REVIEW_PARAM,
        ARTICLE_PARAM,
    )  # fmt: skip
    sorts = {
        **FACT_SORTS,
        "item": ("Gift, A to Z", (Lower("item"), "id")),
        "-item": ("Gift, Z to A", (Lower("item").desc(), "-id")),
        "giver": ("Giver, A to Z", (Lower("giver__name"), "-date", "id")),
        "-giver": ("Giver, Z to A", (Lower("giver__name").desc(), "-date", "id")),
        "recipient": ("Recipient, A to Z", (Lower("recipient__name"), "-date", "id")),
        "-recipient": ("Recipient, Z to A", (Lower("recipient__name").desc(), "-date", "id")),
    }
    default_sort = "-date"

    def base(self):
        return Gift.objects.all()

    def areas(self):
        # Names and places shown or searched are labels kept by their writes
        # (kb.changes); an article's gifts are those its evidence supports.
        return (GIFTS, EVIDENCE) if self.get("article") else (GIFTS,)

    def filter(self, gifts):
        gifts = reviewed(gifts, self.get("review"))
        side = self.get("side") or ""
        if country := self.get("country"):
            gifts = gifts.filter(gift_involving_country(country.code, side))
        if leader := self.get("leader"):
            gifts = gifts.filter(gift_involving_leader(leader.pk, side))
        gifts = _dated(gifts, self.get("from"), self.get("to"))
        if article := self.get("article"):
            gifts = supported_by(gifts, article.pk)
        fields = ("item", "giver__name", "recipient__name", "meeting__place")
        return words_in(gifts, self.q, fields)


class AgreementFilters(ListFilters):
    noun, singular = "agreements", "agreement"
    params_spec = (
        Param("q", "Search", "search", text_value("search"), describe=lambda q: f"matching “{q}”",
              help="Words of the summary or of the place of the meeting."),
        choice_param("kind", "Kind", AgreementKind, describe="kind {}"),
        choice_param("status", "Status", AgreementStatus, describe="status {}"),
        country_param("A party country, or a party leader's country."),
        leader_param("A party to it.", describe="with {} as a party"),
        *date_params("Date"),
        REVIEW_PARAM,
        ARTICLE_PARAM,
    )  # fmt: skip
    sorts = {
        **FACT_SORTS,
        "kind": ("Kind", ("kind", "-date", "-id")),
        "-kind": ("Kind, reversed", ("-kind", "-date", "-id")),
        "status": ("Status", ("status", "-date", "-id")),
        "-status": ("Status, reversed", ("-status", "-date", "-id")),
        "summary": ("Summary, A to Z", (Lower("summary"), "id")),
        "-summary": ("Summary, Z to A", (Lower("summary").desc(), "-id")),
    }
    default_sort = "-date"

    def base(self):
        return Agreement.objects.all()

    def areas(self):
        return (AGREEMENTS, EVIDENCE) if self.get("article") else (AGREEMENTS,)

    def filter(self, agreements):
        agreements = reviewed(agreements, self.get("review"))
        if kind := self.get("kind"):
            agreements = agreements.filter(kind=kind)
        if status := self.get("status"):
            agreements = agreements.filter(status=status)
        if country := self.get("country"):
            agreements = agreements.filter(agreement_involving_country(country.code))
        if leader := self.get("leader"):
            agreements = agreements.filter(agreement_with_party(leader_id=leader.pk))
        agreements = _dated(agreements, self.get("from"), self.get("to"))
        if article := self.get("article"):
            agreements = supported_by(agreements, article.pk)
        return words_in(agreements, self.q, ("summary", "meeting__place"))


def _dated(facts, start, end):
    if start:
        facts = facts.filter(date__gte=start)
    if end:
        facts = facts.filter(date__lte=end)
    return facts


# ---- articles -------------------------------------------------------------------------------


class ArticleFilters(ListFilters):
    noun, singular = "articles", "article"
    params_spec = (
        Param("q", "Search", "search", text_value("search"), describe=lambda q: f"matching “{q}”",
              help="Words of the title or the source."),
        choice_param("status", "Status", ArticleStatus, describe="extraction {}"),
        *date_params("Published", said="published"),
        Param("source", "Source or domain", "text", text_value("source"),
              describe=lambda s: f"from a source like “{s}”",
              help="Part of the source or the address, such as a site's domain."),
    )  # fmt: skip
    sorts = {
        "-added": ("Newest uploads first", ("-created_at", "-id")),
        "added": ("Oldest uploads first", ("created_at", "id")),
        "-published": ("Newest published first", (_nulls_last("published", True), "-id")),
        "published": ("Oldest published first", (_nulls_last("published"), "id")),
        "title": ("Title, A to Z", (Lower("title"), "id")),
        "-title": ("Title, Z to A", (Lower("title").desc(), "-id")),
        "status": ("Status", ("status", "-created_at", "-id")),
        "-status": ("Status, reversed", ("-status", "-created_at", "-id")),
        "-evidence": ("Most evidence", ("-evidence_count", "-created_at", "-id")),
        "evidence": ("Least evidence", ("evidence_count", "-created_at", "-id")),
    }
    default_sort = "-added"

    def base(self):
        return Article.objects.all()

    def areas(self):
        return (ARTICLES, EVIDENCE)  # with their evidence counts

    def filter(self, articles):
        if status := self.get("status"):
            articles = articles.filter(status=status)
        if start := self.get("from"):
            articles = articles.filter(published__gte=start)
        if end := self.get("to"):
            articles = articles.filter(published__lte=end)
        if source := self.get("source"):
            articles = articles.filter(Q(source__icontains=source) | Q(url__icontains=source))
        return words_in(articles, self.q, ("title", "source"))

    def annotate_for_sort(self, articles):
        if self.sort.lstrip("-") == "evidence":
            return articles.annotate(evidence_count=evidence_count())
        return articles


# ---- the forms' options ---------------------------------------------------------------------


def list_choices(filters: ListFilters) -> dict:
    """The select options of a list's form, as (value, label) pairs: only what the form
    has (one query at most: the countries; leaders are picked, not listed)."""
    names = {p.options for p in filters.params_spec if p.options}
    choices: dict = {
        "review": ReviewState.choices,
        "side": GiftSide.choices,
        "office": OfficeKind.choices,
        "kind": AgreementKind.choices,
        "status": (ArticleStatus if isinstance(filters, ArticleFilters) else AgreementStatus)
        .choices,
        "sorts": [(key, label) for key, (label, _) in filters.sorts.items()],
    }  # fmt: skip
    if "region" in names:
        choices["region"] = [(region, region) for region in REGIONS]
    # The options read from the database (whole tables) are kept until the next write.
    if "countries" in names:
        choices["countries"] = cached(
            "list-choices",
            {"of": "countries"},
            _known_countries,
            areas=(COUNTRIES, LEADERS, MEETINGS),
        )
    # No leader options: the leader filter is a picker (kb.selectors.listing.leader_param).
    return choices


def _known_countries() -> list[tuple[str, str]]:
    return list(known_countries().order_by("name").values_list("code", "name"))
