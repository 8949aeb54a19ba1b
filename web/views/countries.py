"""The countries list and a country's page: meetings hosted and abroad, counterparts,
and the timeline of its office-holders.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView

from kb.changes import MEETINGS, cached
from kb.models import (
    Country,
    Leader,
)
from kb.selectors.countries import (
    counterpart_countries,
    country_office_timeline,
    country_row_counts,
    country_tally,
    meetings_of_country,
    tally_by_code,
)
from kb.selectors.lists import CountryFilters
from kb.selectors.meetings import meetings_for_list
from web.views.base import PAGE_SIZE, ForgivingPaginationMixin, PageMixin
from web.views.lists import FilteredListMixin
from web.views.maps import world_map


class CountryListView(FilteredListMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """The world map, then countries with leaders or meetings (or all of them): searched,
    filtered, sorted and paged, with their counts; download what is shown."""

    template_name = "kb/country_list.html"
    context_object_name = "countries"
    paginate_by = PAGE_SIZE * 2
    section = "countries"
    filters_class = CountryFilters
    export_name = "countries"

    def rows(self):
        return Country.objects.annotate(**country_row_counts())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = tally_by_code("hosted")  # maintained (kb.counters): no meeting is read
        context["world"] = world_map(
            counts,
            label="meetings hosted",
            link=lambda code: reverse("country-detail", args=[code]),
        )
        return context


class CountryDetailView(PageMixin, DetailView):
    template_name = "kb/country_detail.html"
    context_object_name = "country"
    section = "countries"

    meetings_shown = 25

    def get_object(self, queryset=None):
        return get_object_or_404(Country, code=self.kwargs["code"].upper())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        hosted = meetings_for_list().filter(host_country=country)
        # Meetings its leaders attended elsewhere (or where the host is unknown); EXISTS,
        # not a join, so two leaders of the country at one meeting do not repeat it.
        abroad = (
            meetings_for_list()
            .filter(pk__in=meetings_of_country(country).values("pk"))
            .exclude(host_country=country)
        )
        shown = self.meetings_shown
        # How many it hosted and attended abroad, and its counterparts, are maintained
        # counts (kb.counters); the counterparts are also kept until the next write.
        tally = country_tally(country)
        counterparts = cached(
            "country-counterparts",
            {"country": country.pk},
            lambda: list(counterpart_countries(country)),
            areas=(MEETINGS,),  # the participants' countries are labels (kb.changes)
        )
        context.update(
            leaders=Leader.objects.visible().active().filter(country=country),
            meetings_hosted=hosted[:shown],
            meetings_hosted_count=tally.hosted,
            meetings_abroad=abroad[:shown],
            meetings_abroad_count=tally.abroad,
            meetings_shown=shown,
            counterpart_countries=counterparts,
            office_timeline=country_office_timeline(country),
        )
        return context
