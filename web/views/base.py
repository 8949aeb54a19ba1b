"""What every reading page shares: who may read, the current nav item, the meeting
filters of the query string, and pagination that never 404s.

Views stay thin: each one asks ``kb.selectors`` for its data (a bounded number of
queries whatever its size) and picks a template. Reading needs `can_read` (anonymous
reading can be switched off with SUMMITRY_ANONYMOUS_READ).
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from kb.constants import PENDING
from kb.roles import can_read
from kb.selectors.meetings import MeetingFilters

PAGE_SIZE = 50
PENDING_STATUSES = PENDING  # one definition: kb.constants


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
    with ``rows(page_slice)``, so per-row work never runs for the rows skipped to reach it.
    Given ``count`` (a cached count), it does not count them."""

    def __init__(self, object_list, per_page, *, rows, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return super().count if self._known_count is None else self._known_count

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(self.rows(object_list), number, paginator)


class CountedPaginator(Paginator):
    """A paginator told its total (``count=``), for lists whose count is cached
    (kb.changes) because counting them costs more than showing a page."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


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


class MeetingFilterMixin:
    """Parses the meeting filters from the query string once per request."""

    @property
    def filters(self) -> MeetingFilters:
        if not hasattr(self, "_filters"):
            self._filters = MeetingFilters.from_query(self.request.GET)
        return self._filters
