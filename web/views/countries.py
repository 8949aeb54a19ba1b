"""The countries list and a country's page: meetings hosted and abroad, counterparts,
and the timeline of its office-holders.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from kb import queries
from kb.models import (
    Country,
    Leader,
)
from web.views.base import (
    PAGE_SIZE,
    PageMixin,
    meetings_for_list,
)


class CountryListView(PageMixin, ListView):
    template_name = "kb/country_list.html"
    context_object_name = "countries"
    paginate_by = PAGE_SIZE * 2
    section = "countries"

    def show_all(self) -> bool:
        return self.request.GET.get("all") == "1"

    def get_queryset(self):
        countries = queries.countries_with_counts().order_by("name")
        if not self.show_all():
            countries = countries.filter(Q(leader_count__gt=0) | Q(hosted_count__gt=0))
        return countries

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_all"] = self.show_all()
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
            .filter(pk__in=queries.meetings_of_country(country).values("pk"))
            .exclude(host_country=country)
        )
        shown = self.meetings_shown
        context.update(
            leaders=Leader.objects.visible().active().filter(country=country),
            meetings_hosted=hosted[:shown],
            meetings_hosted_count=hosted.count(),
            meetings_abroad=abroad[:shown],
            meetings_abroad_count=abroad.count(),
            meetings_shown=shown,
            counterpart_countries=queries.counterpart_countries(country),
            office_timeline=country_office_timeline(country),
        )
        return context


#: The country page's timeline of office-holders, in this order.
TIMELINE_KINDS = (
    (("monarch", "head_of_state"), "Head of state"),
    (("head_of_government",), "Head of government"),
    (("foreign_minister",), "Foreign minister"),
)


def country_office_timeline(country) -> list[dict]:
    """Who held the country's leading offices, and when: one row list per office, newest
    first, each term with its share of the years drawn (a few dozen rows at most)."""
    from kb.models import Office

    terms = list(
        Office.objects.visible()
        .filter(country=country, kind__in=[k for kinds, _ in TIMELINE_KINDS for k in kinds])
        .select_related("leader")
        .order_by("-start", "-id")
    )
    if not terms:
        return []
    today = dt.date.today()
    first = min(t.start for t in terms)
    span = max((today - first).days, 1)
    out = []
    for kinds, label in TIMELINE_KINDS:
        rows = []
        for term in (t for t in terms if t.kind in kinds):
            end = term.end or today
            rows.append(
                {
                    "term": term,
                    "offset": round(100 * (term.start - first).days / span, 2),
                    "width": max(round(100 * (end - term.start).days / span, 2), 0.5),
                }
            )
        if rows:
            out.append({"label": label, "rows": rows, "since": first.year, "until": today.year})
    return out
