"""What every reading page shares: who may read, the current nav item, forgiving
pagination, and the querysets that several pages show as tables.

Views stay thin: each one picks a queryset (with select_related/prefetch_related so a
page issues a bounded number of queries whatever its size) and a template. Reading
needs `can_read` (anonymous reading can be switched off with SUMMITRY_ANONYMOUS_READ).
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.paginator import Paginator
from django.db.models import Prefetch

from kb import queries
from kb.models import (
    Agreement,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
)
from kb.queries import MeetingFilters
from kb.roles import can_read

PAGE_SIZE = 50
PENDING_STATUSES = (ArticleStatus.QUEUED, ArticleStatus.PROCESSING)


class ReadRequiredMixin(AccessMixin):
    """Send visitors who may not read to the login page (or 403 if logged in)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_read(request.user):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class SectionMixin:
    """Tells the base template which nav item is current."""

    section = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section
        return context


class PageMixin(ReadRequiredMixin, SectionMixin):
    pass


# ---- querysets shared by several pages --------------------------------------------------


def leaders_prefetch(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=Leader.objects.select_related("country"))


# What a table row shows of a leader or a country: a name and a link. Rows leave out the
# rest (JSON name lists above all), which costs more to load than the row itself. Their
# related lists come as plain lists (``to_attr``): ``meeting.participants.all`` on a
# prefetched row clones a queryset each time, which costs more than the row's HTML.
BRIEF_LEADER = ("id", "name", "country__code", "country__name")
BRIEF_COUNTRY = ("id", "code", "name")
COUNTRY_DETAILS = ("official_name", "other_names", "demonyms", "capital")


def _brief_leaders(lookup: str, to_attr: str) -> Prefetch:
    leaders = Leader.objects.select_related("country").only(*BRIEF_LEADER)
    return Prefetch(lookup, queryset=leaders, to_attr=to_attr)


def with_row_relations(meetings):
    """Meetings with what a table row shows besides the meeting: the host, and the
    participants as ``participant_list``."""
    return (
        meetings.select_related("host_country")
        .defer(*(f"host_country__{name}" for name in COUNTRY_DETAILS))
        .prefetch_related(_brief_leaders("participants", "participant_list"))
    )


def meetings_for_list():
    """Visible meetings with what a list row shows, newest first.

    The source count is a correlated subquery (computed for the rows fetched only),
    not a GROUP BY over the whole evidence join.
    """
    return (
        with_row_relations(Meeting.objects.visible())
        .annotate(source_count=queries.source_count())
        .order_by("-date", "-id")
    )


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the nearest page (no 404)."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class PageRowsPaginator(Paginator):
    """Counts and slices a cheap queryset, then loads the full rows of the one page shown
    with ``rows(page_slice)``, so per-row work never runs for the rows skipped to reach it."""

    def __init__(self, object_list, per_page, *, rows, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(self.rows(object_list), number, paginator)


class PageRowsMixin:
    """For lists whose rows cost more than their order: ``get_queryset`` gives the rows
    filtered and ordered only (cheap to count and to page through), ``rows`` the same rows
    with their relations and counts, loaded for the page shown only."""

    def get_paginator(self, queryset, per_page, **kwargs):
        return PageRowsPaginator(queryset, per_page, rows=self.page_rows, **kwargs)

    def page_rows(self, page):
        return self.rows().filter(pk__in=page.values("pk")).order_by(*page.query.order_by)

    def rows(self):
        raise NotImplementedError


def gifts_for_list():
    return Gift.objects.visible().select_related("giver__country", "recipient__country")


def agreements_for_list():
    """Visible agreements with their parties as ``leader_party_list`` and
    ``country_party_list``."""
    return Agreement.objects.visible().prefetch_related(
        _brief_leaders("leader_parties", "leader_party_list"),
        Prefetch(
            "country_parties",
            queryset=Country.objects.only(*BRIEF_COUNTRY),
            to_attr="country_party_list",
        ),
    )


#: Evidence rows a fact page shows at a time (``?evidence=N`` turns the pages).
EVIDENCE_PER_PAGE = 20


def evidence_for(**filters):
    """Evidence rows with their articles (never the text), grouped by article in the
    template."""
    return (
        Evidence.objects.filter(**filters)
        .with_article_names()
        .order_by("article_id", "start", "id")
    )


def evidence_page(request, **filters):
    """One page of a fact's evidence; a malformed or out-of-range ``?evidence=`` gives the
    first or the last page rather than an error."""
    paginator = Paginator(evidence_for(**filters), EVIDENCE_PER_PAGE)
    return paginator.get_page(request.GET.get("evidence"))


class MeetingFilterMixin:
    """Parses the meeting filters from the query string once per request."""

    @property
    def filters(self) -> MeetingFilters:
        if not hasattr(self, "_filters"):
            self._filters = MeetingFilters.from_query(self.request.GET)
        return self._filters
