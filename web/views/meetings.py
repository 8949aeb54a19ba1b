"""The meetings list (filtered, searched, sorted, paged) and a meeting's page."""

from __future__ import annotations

from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.views.generic import DetailView, ListView

from kb.changes import AGREEMENTS, EVIDENCE, GIFTS, MEETINGS, cached
from kb.counters import stored_totals
from kb.models import (
    Meeting,
)
from kb.selectors.facts import agreements_for_list, evidence_page, gifts_for_list
from kb.selectors.meetings import filter_choices, with_row_relations
from kb.selectors.periods import dates_and_kind_only
from kb.selectors.rows import leaders_prefetch
from kb.selectors.timeline import selected_per_year
from web.views.base import (
    PAGE_SIZE,
    ForgivingPaginationMixin,
    MeetingFilterMixin,
    PageMixin,
    PageRowsMixin,
)
from web.views.exports import EXPORTERS


class MeetingListView(
    MeetingFilterMixin, PageRowsMixin, ForgivingPaginationMixin, PageMixin, ListView
):
    """Filter, search, sort and page through meetings; every choice lives in the URL."""

    template_name = "kb/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = PAGE_SIZE
    section = "meetings"

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format", "").lower()
        if export in EXPORTERS:
            return EXPORTERS[export](self.filters, request)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        meetings = self.filters.ordered()
        if self.filters.q:
            # The search is the costly part of a searched list, and paging would run it
            # twice (to count the matches, then to slice a page): take their ids once,
            # and keep them until the next write (kb.changes), as readers repeat searches
            # and page through them (a common word matches a sixth of 100k meetings).
            return cached(
                "meeting-search-ids",
                {"query": self.filters.querystring()},
                lambda: list(meetings.values_list("pk", flat=True)),
                areas=self.filters.areas(),
            )
        return meetings

    def get_paginator(self, queryset, per_page, **kwargs):
        if isinstance(queryset, QuerySet):
            # Counting the matches reads every one of them (some 120 ms for the whole
            # list at 100k meetings, on every page): kept per filter until the next write.
            # The whole list's is the maintained total (kb.counters: the visible
            # meetings), read even after a write; a selection by dates and kind alone
            # sums the counts kept by year and month, as the timeline does (a kind over
            # seven years was a scan of every meeting: 48 ms at 100k). (A search's ids
            # are a list, whose length costs nothing.)
            filters = self.filters
            if not filters.active:
                count = lambda: stored_totals()["meetings"]  # noqa: E731
            elif dates_and_kind_only(filters):
                count = lambda: sum(selected_per_year(filters).values())  # noqa: E731
            else:
                count = queryset.count
            kwargs["count"] = cached(
                "meeting-count",
                {"filters": filters.params(sort=False)},
                count,
                areas=filters.areas(sort=False),
            )
        return super().get_paginator(queryset, per_page, **kwargs)

    def page_rows(self, page):
        return with_row_relations(self.filters.rows(page))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        context["meeting_table"] = self.meeting_table(context["meetings"], context["page_obj"])
        newest_first = filters.sort in ("-date",)
        oldest_first = filters.sort == "date"
        context.update(
            filters=filters,
            filter_errors=filters.errors,
            choices=filter_choices(),
            export_query=filters.querystring(),
            show_counts=True,
            prev_label="← Newer" if newest_first else ("← Older" if oldest_first else None),
            next_label="Older →" if newest_first else ("Newer →" if oldest_first else None),
        )
        return context

    #: What a row shows besides the meeting: its gifts, agreements and sources counted
    #: (names and places are labels, kept by their own writes: kb.changes). Sources are
    #: evidence rows, so an article's status leaves the table cached.
    ROW_AREAS = (MEETINGS, GIFTS, AGREEMENTS, EVIDENCE)

    def meeting_table(self, meetings, page) -> str:
        """The page's table, rendered once per filters and page until the next write
        (kb.changes). Loading and rendering 50 rows (their participants, counts and
        links) was most of this page's CPU time (some 25 ms at 100k meetings; a few
        when kept), and the list and its searches are what readers ask for most."""
        filters = self.filters
        return cached(
            "meeting-table",
            {"query": filters.querystring(), "page": page.number, "size": PAGE_SIZE},
            lambda: render_to_string(
                "kb/_meeting_table.html",
                {
                    "meetings": meetings,
                    "filters": filters,
                    "show_counts": True,
                    "empty": "No meetings match these filters.",
                },
            ),
            areas=(*filters.areas(), *self.ROW_AREAS),
        )


class MeetingDetailView(PageMixin, DetailView):
    template_name = "kb/meeting_detail.html"
    context_object_name = "meeting"
    section = "meetings"

    def get_queryset(self):
        return Meeting.objects.select_related("host_country").prefetch_related(
            leaders_prefetch("participants")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        gifts = list(gifts_for_list().filter(meeting=meeting).order_by("giver__name", "id"))
        # Gifts in each direction: grouped by (giver, recipient) pair.
        directions: dict[tuple[int, int], dict] = {}
        for gift in gifts:
            key = (gift.giver_id, gift.recipient_id)
            directions.setdefault(
                key, {"giver": gift.giver, "recipient": gift.recipient, "gifts": []}
            )["gifts"].append(gift)
        context.update(
            participants=list(meeting.participants.all()),
            gift_directions=list(directions.values()),
            agreements=agreements_for_list().filter(meeting=meeting),
            evidence=evidence_page(self.request.GET.get("evidence"), meeting=meeting),
        )
        return context


# ---- leaders ------------------------------------------------------------------------------
