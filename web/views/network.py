"""Who met whom (the network) and when (the timeline), for the meetings the filters select."""

from __future__ import annotations

from django.core.paginator import Page
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.views.generic import ListView, TemplateView

from kb.changes import cached
from kb.models import (
    Meeting,
    MeetingKind,
)
from kb.selectors.meetings import filter_choices, with_row_relations
from kb.selectors.network import (
    COLOURINGS,
    MAX_EDGES,
    colour_nodes,
    graph_data,
    links_for,
    network,
)
from kb.selectors.periods import span_of
from kb.selectors.timeline import selected_per_year, year_bars
from web.views.base import CountedPaginator, MeetingFilterMixin, PageMixin


class NetworkView(MeetingFilterMixin, PageMixin, TemplateView):
    """Who met whom: the graph as data, drawn by the page's script, and its strongest
    links as a table (the rest listed by the script on request).

    The page is bounded by what it shows, not by the links drawn: each link costs a dozen
    bytes of data, and only ``links_listed`` rows are written as HTML (at 100,000
    meetings the 300 links as SVG lines and table rows were three quarters of a 158 KB
    page, and its time)."""

    template_name = "kb/network.html"
    section = "network"
    max_nodes_default = 60
    max_nodes_limit = 300
    max_edges = MAX_EDGES
    links_listed = 30

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        errors = list(filters.errors)
        by = self.request.GET.get("by", "leader")
        if by not in ("leader", "country"):
            errors.append(f"Ignored “{by[:40]}” for the network: use leader or country.")
            by = "leader"
        colour = self.request.GET.get("colour", "country")
        if colour not in COLOURINGS:
            errors.append(f"Ignored colour “{colour[:40]}”: use country or region.")
            colour = "country"
        raw_limit = self.request.GET.get("limit", "")
        limit = self.max_nodes_default
        if raw_limit:
            if raw_limit.isdigit() and 2 <= int(raw_limit) <= self.max_nodes_limit:
                limit = int(raw_limit)
            else:
                errors.append(
                    f"Ignored the number of nodes: use a number from 2 to {self.max_nodes_limit}."
                )
        # Without filters, every meeting: the maintained counts serve it (the leaders'
        # pairs, or the countries' tallies and pairs); with dates and kind alone, the
        # pairs kept by year and kind. With other filters, the database counts the
        # selected meetings' participations. Each keeps the top ``limit`` nodes and the
        # strongest links (five per node: ``links_for``); cached per filter until the
        # next write.
        selection = filters.filter(Meeting.objects.visible()) if filters.active else None
        span = span_of(filters) if filters.active else None
        params = filters.params(sort=False)
        key = {"by": by, "limit": limit, "colour": colour, "filters": params}

        def render_graph() -> str:
            # Counted once per filter (whatever the colouring) until the next write.
            graph = cached(
                "network",
                {"by": by, "limit": limit, "filters": params},
                lambda: network(
                    selection,
                    by=by,
                    max_nodes=limit,
                    max_edges=min(self.max_edges, links_for(limit)),
                    span=span,
                ),
                areas=filters.areas(),
            )
            legend = colour_nodes(graph, colour=colour)
            return render_to_string(
                "kb/_network_graph.html",
                {
                    "filters": filters,
                    "by": by,
                    "colour": colour,
                    "legend": legend,
                    # The table says what colours each node: its region, or a leader's
                    # country.
                    "group_column": (
                        "Region" if colour == "region" else ("Country" if by == "leader" else "")
                    ),
                    "graph": graph,
                    "graph_data": graph_data(graph, legend),
                    "listed": graph.edges[: self.links_listed],
                },
            )

        # The graph's data, legend and table: rendered once per filter and colouring, and
        # kept as HTML until the next write, so a repeated request costs one cache read.
        graph_html = mark_safe(cached("network-html", key, render_graph, areas=filters.areas()))
        context.update(
            filters=filters,
            filter_errors=errors,
            by=by,
            colour=colour,
            graph_html=graph_html,
            limit=limit,
            max_nodes_limit=self.max_nodes_limit,
            choices={"kinds": MeetingKind.choices, "countries": filter_choices()["countries"]},
            # Other meeting filters given in the URL (search, leader...) survive the form.
            hidden_params=[
                (name, value)
                for name, value in filters.params(sort=False).items()
                if name not in ("from", "to", "kind", "country")
            ],
        )
        return context


class TimelineView(MeetingFilterMixin, PageMixin, ListView):
    """Meetings in date order, grouped by year and month (plain HTML, no script).

    What it counts (meetings per year, hence the dated ones, and the undated) comes from
    the counts kept by year and month when the filters are dates and kind alone (a few
    hundred small rows, and at most half a month's meetings at each end of the dates:
    ``kb.selectors.months``); other filters count the meetings they select. Both, and
    each page's rows, are kept until the next write to the meetings the filters read
    (kb.changes). A page number that is not a number, or past the end, shows the nearest
    page (no 404)."""

    template_name = "kb/timeline.html"
    context_object_name = "meetings"
    paginate_by = 100
    section = "timeline"

    def get_queryset(self):
        meetings = self.filters.filter(Meeting.objects.visible()).filter(date__isnull=False)
        return with_row_relations(meetings).order_by("date", "id")

    def summary(self) -> tuple[list[dict], int, int]:
        """(the year bars, how many meetings are dated, how many not)."""
        if not hasattr(self, "_summary"):
            filters = self.filters

            def compute():
                per_year = selected_per_year(filters)
                undated = per_year.pop(None, 0)
                return year_bars(per_year), sum(per_year.values()), undated

            self._summary = cached(
                "timeline-summary",
                {"filters": filters.params(sort=False)},
                compute,
                areas=filters.areas(sort=False),
            )
        return self._summary

    def paginate_queryset(self, queryset, page_size):
        _, dated, _ = self.summary()
        paginator = CountedPaginator(
            queryset,
            page_size,
            count=dated,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        number = paginator.get_page(self.request.GET.get(self.page_kwarg)).number
        key = {"filters": self.filters.params(sort=False), "page": number, "size": page_size}
        areas = self.filters.areas(sort=False)

        def rows() -> list:
            return cached(
                "timeline-page",
                key,
                lambda: list(paginator.page(number).object_list),
                areas=areas,
            )

        # The page's rows as HTML, rendered once per filters and page until the next
        # write (as the meetings list's table): loading and rendering 100 rows (their
        # participants and places) was most of a kept page's time at 100,000 meetings,
        # where 100 meetings fill a page with a few. The rows themselves are read only
        # when something asks for them (a first rendering, a test).
        self.rows_html = cached(
            "timeline-rows",
            key,
            lambda: render_to_string("kb/_timeline_rows.html", {"meetings": rows()}),
            areas=areas,
        )
        meetings = SimpleLazyObject(rows)
        page = Page(meetings, number, paginator)
        return paginator, page, meetings, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years, _, undated = self.summary()
        context.update(
            filters=self.filters,
            filter_errors=self.filters.errors,
            choices=filter_choices(),
            years=years,
            undated=undated,
            timeline_rows=mark_safe(self.rows_html) if self.rows_html.strip() else "",
            prev_label="← Earlier",
            next_label="Later →",
        )
        return context
