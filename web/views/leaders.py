"""The leaders list and a leader's page: meetings by year, gifts, agreements, counterparts."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import DetailView, ListView

from kb.changes import AGREEMENTS, GIFTS, MEETINGS, cached
from kb.models import (
    Leader,
)
from kb.selectors.counts import leader_meeting_count
from kb.selectors.facts import agreements_for_list, gifts_for_list
from kb.selectors.leaders import counterparts_of_leader, leader_meetings
from kb.selectors.lists import LeaderFilters
from kb.selectors.maps import leader_travels
from kb.selectors.meetings import with_row_relations
from kb.selectors.rows import COUNTRY_DETAILS
from kb.selectors.timeline import by_year, meetings_per_year
from web import charts
from web.views.base import PAGE_SIZE, CountedPaginator, ForgivingPaginationMixin, PageMixin
from web.views.lists import FilteredListMixin
from web.views.maps import world_map


class LeaderListView(FilteredListMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """Search, filter (country, office, active between two dates, review state), sort and
    page through leaders; download what is shown."""

    template_name = "kb/leader_list.html"
    context_object_name = "leaders"
    paginate_by = PAGE_SIZE
    section = "leaders"
    filters_class = LeaderFilters
    export_name = "leaders"

    def rows(self):
        return (
            Leader.objects.select_related("country")
            .defer(*(f"country__{name}" for name in COUNTRY_DETAILS))
            .annotate(meeting_count=leader_meeting_count())
        )


class LeaderDetailView(PageMixin, DetailView):
    template_name = "kb/leader_detail.html"
    context_object_name = "leader"
    section = "leaders"
    meetings_per_page = 100

    def get_queryset(self):
        return Leader.objects.select_related("country", "merged_into")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.merged_into_id:
            # A merged record lives on as its survivor.
            return redirect(self.object.merged_into)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        leader = self.object
        # Chronological: the leader's timeline, undated meetings last, a page at a time
        # (a head of government meets hundreds of people over a term).
        meetings = leader_meetings(leader)
        sections = {
            "given": gifts_for_list().filter(giver=leader),
            "received": gifts_for_list().filter(recipient=leader),
            "agreements": agreements_for_list().filter(leader_parties=leader),
        }
        # What the page sums over all the leader's meetings (their number, per year, where,
        # with whom) is computed once per write (kb.changes), not on every view: for a
        # head of government with thousands of meetings it is most of the page's cost.
        summary = cached(
            "leader-summary",
            {"leader": leader.pk},
            lambda: self.summary(leader, meetings, sections),
            # Counterparts' names and the trips' countries are labels (kb.changes).
            areas=(MEETINGS, GIFTS, AGREEMENTS),
        )
        paginator = CountedPaginator(
            with_row_relations(meetings), self.meetings_per_page, count=summary["count"]
        )
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            meetings=page.object_list,
            meeting_years=by_year(page.object_list, dict(summary["years"])),
            paginator=paginator,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            prev_label="← Earlier",
            next_label="Later →",
            gifts_given=self.section_page(sections, summary, "given"),
            gifts_received=self.section_page(sections, summary, "received"),
            agreements=self.section_page(sections, summary, "agreements"),
            counterparts=summary["counterparts"],
            offices=leader.offices.visible().select_related("country").order_by("start", "id"),
        )
        context.update(self.travels(leader, summary))
        return context

    @staticmethod
    def summary(leader, meetings, sections: dict) -> dict:
        """What the page sums over the leader's meetings: each read from the leader's
        participations or the maintained pairs (``kb.selectors.leaders``), so that its
        cost follows the leader's meetings, not the database's."""
        years = meetings_per_year(meetings)
        return {
            # Every visible meeting falls in one year or in None (undated).
            "count": sum(years.values()),
            "years": years,
            "trips": list(leader_travels(leader)),
            "counterparts": counterparts_of_leader(leader),
            **{name: facts.count() for name, facts in sections.items()},
        }

    facts_per_page = 25

    def section_page(self, sections: dict, summary: dict, name: str):
        """One page of a section's facts (``?given=2``), so a leader with thousands of
        gifts or agreements costs what the page shows (its count comes with the summary)."""
        paginator = CountedPaginator(sections[name], self.facts_per_page, count=summary[name])
        return paginator.get_page(self.request.GET.get(name))

    def travels(self, leader, summary: dict) -> dict:
        """Where the leader met others (a map and a table by host country) and their
        meetings per year (a chart, empty years kept)."""
        trips = summary["trips"]
        counts = {trip.code: trip.meetings for trip in trips}
        years = dict(summary["years"])
        years.pop(None, None)
        bars = charts.filled_years(years)
        return {
            "trips": trips,
            "travel_map": world_map(
                counts,
                label=f"meetings of {leader.name} held there",
                link=lambda code: reverse("country-detail", args=[code]),
            )
            if trips
            else None,
            "activity_chart": charts.column_chart(
                bars, title=f"Meetings of {leader.name} per year", unit="meetings"
            ),
        }
