"""Filtering, search, sorting and aggregation behind the analysts' pages.

Views stay thin: they parse the query string into a `MeetingFilters` (which never
raises: bad values are dropped and reported in `errors`), ask it for a queryset, and
render. Everything here issues a bounded number of queries whatever the data size:
per-row counts are correlated subqueries computed once in the row query, and the
participant / country filters are EXISTS subqueries (no joins that would need DISTINCT).

Full-text search uses PostgreSQL's text search (websearch syntax) when the database is
PostgreSQL, and falls back to case-insensitive substring matching elsewhere (SQLite in
development and in most tests). Both search the same fields: the meeting's place and
topics, its participants' names, its gifts' items, its agreements' summaries, and the
titles and texts of its source articles.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations, groupby
from operator import itemgetter
from urllib.parse import urlencode

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast, Coalesce

from kb.models import (
    Agreement,
    Article,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
    ReviewState,
)

Participation = Meeting.participants.through

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_SEARCH_TERMS = 8


# ---- per-meeting counts ---------------------------------------------------------------


def _count(queryset, count_expr, link: str = "meeting") -> Coalesce:
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
        leader_count=_count(Leader.objects.visible().active(), Count("pk"), link="country"),
        hosted_count=_count(Meeting.objects.visible(), Count("pk"), link="host_country"),
    )


def source_count():
    return _count(Evidence.objects.all(), Count("article", distinct=True))


def gift_count():
    return _count(Gift.objects.visible(), Count("pk"))


def agreement_count():
    return _count(Agreement.objects.visible(), Count("pk"))


def leader_meeting_count():
    """A leader's meetings that an editor has not rejected."""
    taken_part = Participation.objects.exclude(meeting__review_state=ReviewState.REJECTED)
    return _count(taken_part, Count("pk"), link="leader")


def evidence_count(link: str = "article"):
    """An article's evidence rows (or a fact's: ``link="meeting"``, ``"gift"``...)."""
    return _count(Evidence.objects.all(), Count("pk"), link=link)


def with_counts(meetings, *, gifts: bool = True, agreements: bool = True):
    """Annotate source_count (and gift_count / agreement_count) in the row query."""
    annotations = {"source_count": source_count()}
    if gifts:
        annotations["gift_count"] = gift_count()
    if agreements:
        annotations["agreement_count"] = agreement_count()
    return meetings.annotate(**annotations)


def involving_leader(leader_id: int) -> Exists:
    return Exists(Participation.objects.filter(meeting_id=OuterRef("pk"), leader_id=leader_id))


def involving_country(country_id: int) -> Q:
    """Meetings a leader of the country took part in, or that the country hosted."""
    participant = Exists(
        Participation.objects.filter(meeting_id=OuterRef("pk"), leader__country_id=country_id)
    )
    return Q(host_country_id=country_id) | Q(participant)


# ---- search -----------------------------------------------------------------------------

_TERM_RE = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


def search_terms(q: str) -> list[tuple[bool, str]]:
    """Split a websearch-style query into (negated, term) pairs for the fallback.

    "quoted phrases" stay whole, a leading minus excludes, OR is ignored (every term
    must match somewhere, as with PostgreSQL's default AND).
    """
    terms = []
    for match in _TERM_RE.finditer(q):
        neg1, phrase, neg2, word = match.groups()
        negated = bool(neg1 or neg2)
        text = (phrase or word or "").strip()
        if not text or text.upper() == "OR" or text == "-":
            continue
        terms.append((negated, text))
    return terms[:MAX_SEARCH_TERMS]


def _fallback_term(term: str) -> Q:
    """Meetings where any searched field contains the term (case-insensitive)."""
    sources = [
        Meeting.objects.filter(Q(place__icontains=term) | Q(topics__icontains=term)),
        Meeting.objects.filter(
            pk__in=Participation.objects.filter(
                Q(leader__name__icontains=term) | Q(leader__other_names__icontains=term)
            ).values("meeting_id")
        ),
    ]
    ids = [
        Gift.objects.visible().filter(item__icontains=term).values("meeting_id"),
        Agreement.objects.visible().filter(summary__icontains=term).values("meeting_id"),
        Evidence.objects.filter(meeting__isnull=False)
        .filter(Q(article__title__icontains=term) | Q(article__text__icontains=term))
        .values("meeting_id"),
    ]
    condition = Q(pk__in=sources[0].values("pk")) | Q(pk__in=sources[1].values("pk"))
    for subquery in ids:
        condition |= Q(pk__in=subquery)
    return condition


def _fallback_search(meetings, q: str):
    for negated, term in search_terms(q):
        condition = _fallback_term(term)
        meetings = meetings.exclude(condition) if negated else meetings.filter(condition)
    return meetings


def _postgres_term(term: str) -> Q:
    """Meetings where any searched field matches the term (PostgreSQL text search).

    Each table is searched on its own, on the expressions the GIN indexes of migration
    0004 cover, then mapped to meeting ids.
    """
    from django.contrib.postgres.search import SearchQuery, SearchVector

    text = f'"{term}"' if " " in term else term
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)

    def matching(queryset, *fields):
        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        return queryset.annotate(_search=vector).filter(_search=query)

    own = matching(Meeting.objects.all(), "place", Cast("topics", output_field=TextField())).values(
        "pk"
    )
    leaders = matching(
        Leader.objects.all(), "name", Cast("other_names", output_field=TextField())
    ).values("pk")
    people = Participation.objects.filter(leader_id__in=leaders).values("meeting_id")
    gifts = matching(Gift.objects.visible(), "item").values("meeting_id")
    agreements = matching(Agreement.objects.visible(), "summary").values("meeting_id")
    articles = matching(Article.objects.all(), "title", "text").values("pk")
    sources = Evidence.objects.filter(meeting__isnull=False, article_id__in=articles).values(
        "meeting_id"
    )
    return (
        Q(pk__in=own)
        | Q(pk__in=people)
        | Q(pk__in=gifts)
        | Q(pk__in=agreements)
        | Q(pk__in=sources)
    )


def _searchable_terms(terms: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Drop terms that are only stop words ("the", "of"): PostgreSQL would match nothing
    for them, where a reader expects them to be ignored. One query for all terms."""
    if not terms:
        return terms
    selects = ", ".join(["numnode(websearch_to_tsquery(%s::regconfig, %s))"] * len(terms))
    params = []
    for _, term in terms:
        params += [SEARCH_CONFIG, f'"{term}"' if " " in term else term]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}", params)  # noqa: S608 - placeholders only
        sizes = cursor.fetchone()
    return [term for term, size in zip(terms, sizes, strict=True) if size]


def _postgres_search(meetings, q: str):
    """PostgreSQL full-text search, term by term with the fallback's semantics: every
    term (word or "quoted phrase") must match some field, -term excludes. Matching is
    English-stemmed ("cooperating" finds "cooperation")."""
    for negated, term in _searchable_terms(search_terms(q)):
        condition = _postgres_term(term)
        meetings = meetings.exclude(condition) if negated else meetings.filter(condition)
    return meetings


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def search_meetings(meetings, q: str):
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return meetings
    if uses_postgres_search():
        return _postgres_search(meetings, q)
    return _fallback_search(meetings, q)


# ---- filters ------------------------------------------------------------------------------

SORTS = {
    "-date": ("Newest first", ("-date", "-id")),
    "date": ("Oldest first", ("date", "id")),
    "kind": ("Kind", ("kind", "-date", "-id")),
    "-sources": ("Most sources", ("-source_count", "-date", "-id")),
    "sources": ("Fewest sources", ("source_count", "-date", "-id")),
}
DEFAULT_SORT = "-date"
FILTER_PARAMS = ("q", "leader", "country", "kind", "from", "to", "gifts", "agreements", "sort")
TRUE_VALUES = {"1", "on", "true", "yes"}


def _parse_date(value: str, label: str, errors: list[str]) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"Ignored the {label} date “{value[:40]}”: use the form YYYY-MM-DD.")
        return None


def _parse_flag(value: str, label: str, errors: list[str]) -> bool:
    value = value.strip().lower()
    if not value or value in {"0", "off", "false", "no"}:
        return False
    if value in TRUE_VALUES:
        return True
    errors.append(f"Ignored “{value[:40]}” for {label}: use 1 or leave it out.")
    return False


@dataclass
class MeetingFilters:
    """The meetings-list filters, as parsed from a query string."""

    q: str = ""
    leader: Leader | None = None
    country: Country | None = None
    kind: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    has_gifts: bool = False
    has_agreements: bool = False
    sort: str = DEFAULT_SORT
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, params, *, sort: bool = True) -> MeetingFilters:
        """Parse GET parameters. Never raises: bad values are dropped into `errors`."""
        errors: list[str] = []

        def get(name: str) -> str:
            value = params.get(name, "")
            return value if isinstance(value, str) else ""

        filters = cls(errors=errors)
        filters.q = " ".join(get("q").split())[:MAX_QUERY_LENGTH]

        raw_leader = get("leader").strip()
        if raw_leader:
            if raw_leader.isdigit() and len(raw_leader) < 19:
                leader = (
                    Leader.objects.select_related("country", "merged_into")
                    .filter(pk=int(raw_leader))
                    .first()
                )
                if leader is not None and leader.merged_into_id:
                    leader = leader.merged_into
                if leader is None:
                    errors.append(f"Ignored the leader filter: no leader has id {raw_leader}.")
                filters.leader = leader
            else:
                errors.append(f"Ignored the leader “{raw_leader[:40]}”: expected a leader id.")

        raw_country = get("country").strip()
        if raw_country:
            country = None
            if len(raw_country) == 2 and raw_country.isalpha():
                country = Country.objects.filter(code=raw_country.upper()).first()
            if country is None:
                errors.append(f"Ignored the country “{raw_country[:40]}”: unknown country code.")
            filters.country = country

        raw_kind = get("kind").strip()
        if raw_kind:
            if raw_kind in MeetingKind.values:
                filters.kind = raw_kind
            else:
                errors.append(f"Ignored the kind “{raw_kind[:40]}”: not a kind of meeting.")

        filters.date_from = _parse_date(get("from"), "from", errors)
        filters.date_to = _parse_date(get("to"), "to", errors)
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            errors.append("The from date was after the to date: the two were swapped.")
            filters.date_from, filters.date_to = filters.date_to, filters.date_from

        filters.has_gifts = _parse_flag(get("gifts"), "“has gifts”", errors)
        filters.has_agreements = _parse_flag(get("agreements"), "“has agreements”", errors)

        raw_sort = get("sort").strip()
        if sort and raw_sort:
            if raw_sort in SORTS:
                filters.sort = raw_sort
            else:
                errors.append(f"Ignored the sort order “{raw_sort[:40]}”.")
        return filters

    # -- applying ---------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(
            self.q
            or self.leader
            or self.country
            or self.kind
            or self.date_from
            or self.date_to
            or self.has_gifts
            or self.has_agreements
        )

    def filter(self, meetings):
        """Apply every filter except sorting (and without row annotations)."""
        if self.leader is not None:
            meetings = meetings.filter(involving_leader(self.leader.pk))
        if self.country is not None:
            meetings = meetings.filter(involving_country(self.country.pk))
        if self.kind:
            meetings = meetings.filter(kind=self.kind)
        if self.date_from:
            meetings = meetings.filter(date__gte=self.date_from)
        if self.date_to:
            meetings = meetings.filter(date__lte=self.date_to)
        if self.has_gifts:
            meetings = meetings.filter(
                Exists(Gift.objects.visible().filter(meeting=OuterRef("pk")))
            )
        if self.has_agreements:
            meetings = meetings.filter(
                Exists(Agreement.objects.visible().filter(meeting=OuterRef("pk")))
            )
        return search_meetings(meetings, self.q)

    def meetings(self, base=None):
        """Visible meetings matching the filters, with row counts, sorted."""
        meetings = self.filter(base if base is not None else Meeting.objects.visible())
        meetings = with_counts(meetings)
        return meetings.order_by(*SORTS[self.sort][1])

    def ordered(self, base=None):
        """Visible meetings matching the filters, sorted, with only the count the sort
        needs: cheap to count and to slice into pages (see `rows`)."""
        meetings = self.filter(base if base is not None else Meeting.objects.visible())
        if self.sort in ("sources", "-sources"):
            meetings = meetings.annotate(source_count=source_count())
        return meetings.order_by(*SORTS[self.sort][1])

    def rows(self, page):
        """The meetings of `page` (a slice of `ordered()`, or of the ids it lists) with
        their row counts, in order.

        The correlated counts then run for the page's rows only; on the sliced queryset
        itself the database computes them for every row it skips to reach the page too.
        """
        ids = page.values("pk") if isinstance(page, QuerySet) else list(page)
        meetings = with_counts(Meeting.objects.filter(pk__in=ids))
        return meetings.order_by(*SORTS[self.sort][1])

    # -- describing ---------------------------------------------------------------------

    def params(self, *, sort: bool = True) -> dict[str, str]:
        """The normalised query parameters (only the valid, non-default ones)."""
        params = {}
        if self.q:
            params["q"] = self.q
        if self.leader is not None:
            params["leader"] = str(self.leader.pk)
        if self.country is not None:
            params["country"] = self.country.code
        if self.kind:
            params["kind"] = self.kind
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        if self.has_gifts:
            params["gifts"] = "1"
        if self.has_agreements:
            params["agreements"] = "1"
        if sort and self.sort != DEFAULT_SORT:
            params["sort"] = self.sort
        return params

    def querystring(self, **extra) -> str:
        params = self.params()
        params.update({k: v for k, v in extra.items() if v is not None})
        return urlencode(params)

    def describe(self) -> list[str]:
        """Human-readable summary of the active filters, for headings and exports."""
        parts = []
        if self.q:
            parts.append(f"matching “{self.q}”")
        if self.leader is not None:
            parts.append(f"with {self.leader.name}")
        if self.country is not None:
            parts.append(f"involving {self.country.name}")
        if self.kind:
            parts.append(f"kind {MeetingKind(self.kind).label}")
        if self.date_from:
            parts.append(f"from {self.date_from:%d %b %Y}")
        if self.date_to:
            parts.append(f"to {self.date_to:%d %b %Y}")
        if self.has_gifts:
            parts.append("with gifts")
        if self.has_agreements:
            parts.append("with agreements")
        return parts


def filter_choices() -> dict:
    """Options for the filter form's selects, as (value, label) pairs (two queries).

    Plain tuples, not model instances: the leader select lists every leader who met
    anyone, and building hundreds of objects per page view cost more than the query."""
    leaders = (
        Leader.objects.visible()
        .active()
        .filter(Exists(Participation.objects.filter(leader_id=OuterRef("pk"))))
        .order_by("name", "id")
        .values_list("id", "name")
    )
    countries = (
        Country.objects.filter(
            Q(Exists(Leader.objects.filter(country_id=OuterRef("pk"))))
            | Q(Exists(Meeting.objects.filter(host_country_id=OuterRef("pk"))))
        )
        .order_by("name")
        .values_list("code", "name")
    )
    return {
        "leaders": list(leaders),
        "countries": list(countries),
        "kinds": MeetingKind.choices,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }


# ---- leaders and countries ----------------------------------------------------------------


def counterparts_of_leader(leader, *, limit: int | None = 20):
    """Leaders ranked by how many (visible) meetings they shared with this leader."""
    shared = Participation.objects.filter(leader=leader).exclude(
        meeting__review_state=ReviewState.REJECTED
    )
    counterparts = (
        Leader.objects.exclude(pk=leader.pk)
        .filter(meetings__in=shared.values("meeting_id"))
        .select_related("country")
        .annotate(
            shared_count=Count("meetings", distinct=True),
            first_met=Min("meetings__date"),
            last_met=Max("meetings__date"),
        )
        .order_by("-shared_count", "name", "id")
    )
    return counterparts[:limit] if limit else counterparts


def meetings_of_country(country):
    """Visible meetings a leader of this country attended (no duplicates)."""
    participant = Exists(
        Participation.objects.filter(meeting_id=OuterRef("pk"), leader__country=country)
    )
    return Meeting.objects.visible().filter(participant)


def counterpart_countries(country, *, limit: int | None = 20):
    """Countries ranked by how many meetings their leaders shared with this country's."""
    involved = meetings_of_country(country).values("pk")
    counterparts = (
        Country.objects.exclude(pk=country.pk)
        .filter(leaders__meetings__in=involved)
        .annotate(
            shared_count=Count("leaders__meetings", distinct=True),
            last_met=Max("leaders__meetings__date"),
        )
        .order_by("-shared_count", "name")
    )
    return counterparts[:limit] if limit else counterparts


# ---- network ------------------------------------------------------------------------------


@dataclass
class Node:
    key: object
    label: str
    url: str
    weight: int = 0  # meetings involving the node (within the selection)
    degree: int = 0  # distinct neighbours
    x: float = 0.0
    y: float = 0.0
    r: float = 4.0
    label_x: float = 0.0
    label_y: float = 0.0
    anchor: str = "start"
    rotate: float = 0.0


@dataclass
class Edge:
    source: Node
    target: Node
    weight: int
    width: float = 1.0


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    total_nodes: int
    total_edges: int
    size: int
    by: str

    @property
    def truncated(self) -> bool:
        return self.total_nodes > len(self.nodes)


def network(meetings, *, by: str = "leader", max_nodes: int = 40, size: int = 800) -> Network:
    """Who met whom among `meetings`: nodes (leaders or countries), weighted edges, and a
    deterministic circular layout (same input, same picture)."""
    rows = Participation.objects.filter(meeting__in=meetings.values("pk"))
    if by == "country":
        rows = rows.filter(leader__country__isnull=False)
        key = "leader__country_id"
    else:
        key = "leader_id"
    rows = rows.values_list("meeting_id", key).order_by("meeting_id")

    # One pass over the memberships, a meeting at a time (Counter and combinations do
    # the counting in C: this runs over every participation in the selection).
    pair_weights: Counter[tuple[int, int]] = Counter()
    node_meetings: Counter[int] = Counter()
    for _, members in groupby(rows, itemgetter(0)):
        keys = sorted({member for _, member in members})
        node_meetings.update(keys)
        pair_weights.update(combinations(keys, 2))

    degrees = Counter(a for a, _ in pair_weights)
    degrees.update(b for _, b in pair_weights)
    connected = list(degrees)
    if by == "country":
        countries = Country.objects.filter(pk__in=connected).only("id", "code", "name")
        objects = {country.pk: country for country in countries}
    else:
        objects = {
            leader.pk: leader
            for leader in Leader.objects.filter(pk__in=connected).only("id", "name")
        }

    def rank(key):
        return (-node_meetings[key], -degrees[key], str(objects[key]).casefold(), key)

    chosen = sorted((k for k in connected if k in objects), key=rank)[:max_nodes]
    # Place in alphabetical order round the circle so a reader can scan it.
    chosen.sort(key=lambda k: (str(objects[k]).casefold(), k))
    nodes = {}
    for key in chosen:
        obj = objects[key]
        nodes[key] = Node(
            key=key,
            label=obj.name,
            url=obj.get_absolute_url(),
            weight=node_meetings[key],
        )

    def by_label(node: Node):
        return (node.label.casefold(), node.key)

    edges = [
        Edge(*sorted((nodes[a], nodes[b]), key=by_label), weight)
        for (a, b), weight in pair_weights.items()
        if a in nodes and b in nodes
    ]
    for edge in edges:
        edge.source.degree += 1
        edge.target.degree += 1
    edges.sort(key=lambda e: (-e.weight, e.source.label.casefold(), e.target.label.casefold()))
    _layout(list(nodes.values()), edges, size)
    return Network(
        nodes=list(nodes.values()),
        edges=edges,
        total_nodes=len(connected),
        total_edges=len(pair_weights),
        size=size,
        by=by,
    )


def _layout(nodes: list[Node], edges: list[Edge], size: int) -> None:
    """Nodes evenly round a circle; labels radial (outwards), so neighbours never overlap."""
    centre = size / 2
    # Room outside the circle for the longest label (shown up to 26 characters).
    longest = max((min(len(n.label), 26) for n in nodes), default=0)
    radius = size / 2 - min(175, 20 + 6.5 * longest)
    count = len(nodes)
    max_node = max((n.weight for n in nodes), default=1) or 1
    for i, node in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        cos, sin = math.cos(angle), math.sin(angle)
        node.x = round(centre + radius * cos, 1)
        node.y = round(centre + radius * sin, 1)
        node.r = round(4 + 8 * math.sqrt(node.weight / max_node), 1)
        node.label_x = round(centre + (radius + node.r + 5) * cos, 1)
        node.label_y = round(centre + (radius + node.r + 5) * sin, 1)
        degrees = math.degrees(angle)
        if cos >= -1e-9:  # right half: text reads outwards from the node
            node.anchor, node.rotate = "start", round(degrees, 1)
        else:  # left half: turned the other way round so it is not upside down
            node.anchor, node.rotate = "end", round(degrees + 180, 1)
    max_edge = max((e.weight for e in edges), default=1) or 1
    for edge in edges:
        edge.width = round(1 + 7 * edge.weight / max_edge, 1)


# ---- timeline -----------------------------------------------------------------------------


def year_counts(meetings) -> list[dict]:
    """Meetings per year (one query), oldest first, for the timeline summary."""
    from django.db.models.functions import ExtractYear

    rows = (
        meetings.filter(date__isnull=False)
        .annotate(year=ExtractYear("date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    rows = list(rows)
    peak = max((r["n"] for r in rows), default=1) or 1
    for row in rows:
        row["percent"] = round(100 * row["n"] / peak)
        row["start"] = f"{row['year']:04d}-01-01"
        row["end"] = f"{row['year']:04d}-12-31"
    return rows


def meetings_per_year(meetings) -> dict[int | None, int]:
    """How many of `meetings` fall in each year (None for the undated), in one query."""
    from django.db.models.functions import ExtractYear

    rows = (
        meetings.annotate(year=ExtractYear("date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk"))
        .values_list("year", "n")
    )
    return dict(rows)


def by_year(meetings, totals: dict[int | None, int]) -> list[dict]:
    """`meetings` (in date order) grouped by year, each group with the year's total from
    `totals`: a page may hold only part of a year."""
    groups = []
    for year, members in groupby(meetings, key=lambda m: m.date.year if m.date else None):
        members = list(members)
        groups.append({"year": year, "meetings": members, "total": totals.get(year, len(members))})
    return groups


__all__ = [
    "MeetingFilters",
    "counterpart_countries",
    "counterparts_of_leader",
    "filter_choices",
    "meetings_of_country",
    "network",
    "search_meetings",
    "with_counts",
    "year_counts",
]
