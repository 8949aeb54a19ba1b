"""Which meetings: the filters the meetings list, the timeline, the network, the exports
and the API's ``/api/meetings/`` share, and the rows a meetings table shows.

`MeetingFilters` parses a page's query string (it never raises: bad values are dropped
and reported in ``errors``); the API parses its own parameters and applies the same
conditions (``involving_leader``, ``involving_country``, ``with_visible``). Everything
issues a bounded number of queries whatever the data size: per-row counts are correlated
subqueries computed once in the row query, and the participant and country conditions are
EXISTS subqueries (no joins that would need DISTINCT).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from kb.changes import AGREEMENTS, COUNTRIES, EVIDENCE, GIFTS, LEADERS, MEETINGS, cached
from kb.models import Agreement, Country, Gift, Leader, Meeting, MeetingKind
from kb.selectors.counts import known_countries, source_count, with_counts
from kb.selectors.listing import parse_leader
from kb.selectors.rows import COUNTRY_DETAILS, brief_leaders
from kb.selectors.search import MAX_QUERY_LENGTH, SEARCH_AREAS, search_meetings

Participation = Meeting.participants.through


# ---- conditions -----------------------------------------------------------------------------


def involving_leader(leader_id: int) -> Exists:
    """Meetings the leader took part in. A merged leader's id stands for the record it was
    merged into (its meetings moved there), as its page redirects there."""
    survivor = Leader.objects.filter(pk=leader_id, merged_into__isnull=False).values("merged_into")
    return Exists(
        Participation.objects.filter(meeting_id=OuterRef("pk")).filter(
            Q(leader_id=leader_id) | Q(leader_id__in=survivor)
        )
    )


def involving_country(*, pk: int | None = None, code: str = "") -> Q:
    """Meetings a leader of the country took part in, or that the country hosted (by id or
    by ISO code, any case)."""
    if pk is not None:
        host, people = Q(host_country_id=pk), {"leader__country_id": pk}
    else:
        code = code.strip().upper()
        host, people = Q(host_country__code=code), {"leader__country__code": code}
    participant = Exists(Participation.objects.filter(meeting_id=OuterRef("pk"), **people))
    return host | Q(participant)


def with_visible(model) -> Exists:
    """Meetings with at least one visible gift or agreement (``model``)."""
    return Exists(model.objects.visible().filter(meeting=OuterRef("pk")))


# ---- filters ------------------------------------------------------------------------------

#: Undated meetings last whichever way the dates go, on every database: PostgreSQL puts
#: NULL first in a descending order, so a plain "-date" listed the undated meetings as the
#: newest (on the home page too), and its order could not read the index kept for this one
#: (``kb_meeting_newest``: date DESC NULLS LAST, id DESC; migration 0013).
NEWEST = (F("date").desc(nulls_last=True), "-id")
OLDEST = (F("date").asc(nulls_last=True), "id")
SORTS = {
    "-date": ("Newest first", NEWEST),
    "date": ("Oldest first", OLDEST),
    "kind": ("Kind", ("kind", *NEWEST)),
    "-sources": ("Most sources", ("-source_count", *NEWEST)),
    "sources": ("Fewest sources", ("source_count", *NEWEST)),
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

        # A number (what the leader picker sends, and links such as ?leader=12), or a
        # name or label typed in the box without the script; params() writes the number.
        filters.leader = parse_leader(get("leader"), errors)

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

    def areas(self, *, sort: bool = True) -> tuple[str, ...]:
        """The ``kb.changes`` areas the selected meetings depend on: a search reads
        participants, gifts, agreements and source articles' words (``SEARCH_AREAS``);
        the flags read gifts or agreements; sorting by sources, evidence (not with
        ``sort=False``: for what the order does not change, as a count). (Names and
        places are labels kept by their writes.)"""
        areas = [MEETINGS]
        if self.q:
            areas += SEARCH_AREAS
        if sort and self.sort in ("sources", "-sources"):
            areas.append(EVIDENCE)
        if self.has_gifts:
            areas.append(GIFTS)
        if self.has_agreements:
            areas.append(AGREEMENTS)
        return tuple(sorted(set(areas)))

    def filter(self, meetings):
        """Apply every filter except sorting (and without row annotations)."""
        if self.leader is not None:
            meetings = meetings.filter(involving_leader(self.leader.pk))
        if self.country is not None:
            meetings = meetings.filter(involving_country(pk=self.country.pk))
        if self.kind:
            meetings = meetings.filter(kind=self.kind)
        if self.date_from:
            meetings = meetings.filter(date__gte=self.date_from)
        if self.date_to:
            meetings = meetings.filter(date__lte=self.date_to)
        if self.has_gifts:
            meetings = meetings.filter(with_visible(Gift))
        if self.has_agreements:
            meetings = meetings.filter(with_visible(Agreement))
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
    """Options for the filter form's selects, as (value, label) pairs (one query over the
    countries' maintained counts, cached until the next write). Leaders are not listed:
    the form's leader box is a picker (``page_tags.leader_picker``) asking ``/pick/leaders/``,
    so the page does not grow with the leaders table."""
    return cached("filter-choices", {}, _filter_choices, areas=(MEETINGS, LEADERS, COUNTRIES))


def _filter_choices() -> dict:
    countries = known_countries().order_by("name").values_list("code", "name")
    return {
        "countries": list(countries),
        "kinds": MeetingKind.choices,
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
    }


# ---- table rows -----------------------------------------------------------------------------


def with_row_relations(meetings):
    """Meetings with what a table row shows besides the meeting: the host, and the
    participants as ``participant_list``."""
    return (
        meetings.select_related("host_country")
        .defer(*(f"host_country__{name}" for name in COUNTRY_DETAILS))
        .prefetch_related(brief_leaders("participants", "participant_list"))
    )


def meetings_for_list():
    """Visible meetings with what a list row shows, newest first.

    The source count is a correlated subquery (computed for the rows fetched only),
    not a GROUP BY over the whole evidence join.
    """
    return (
        with_row_relations(Meeting.objects.visible())
        .annotate(source_count=source_count())
        .order_by(*NEWEST)
    )
