"""The world map of meetings and the charts page, for the meetings the filters select
(the meetings list's filters: dates, kind, leader, country, search).

Both are drawn on the server as SVG (``web.worldmap``, ``web.charts``), so they work
without JavaScript, and each comes with a table of the same figures."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView

from kb.changes import cached
from kb.models import Country, CountryTally, Meeting, MeetingKind
from kb.selectors.countries import tally_by_code
from kb.selectors.maps import SHADES, country_counts
from kb.selectors.meetings import filter_choices
from kb.selectors.months import cover_of, hosted_in
from kb.selectors.timeline import (
    selected_per_year_and_kind,
    split_year_and_kind,
)
from web import charts, worldmap
from web.views.base import MeetingFilterMixin, PageMixin

TABLE_ROWS = 60


def country_names(codes) -> dict[str, str]:
    return dict(Country.objects.filter(code__in=list(codes)).values_list("code", "name"))


def world_map(counts: dict[str, int], *, label: str, link) -> dict:
    """The map's markup and legend, or why it cannot be drawn (the atlas is missing)."""
    try:
        return {
            "svg": worldmap.world_svg(counts, link=link, label=label, title=f"World map: {label}"),
            "legend": worldmap.legend(counts),
        }
    except worldmap.MapDataMissing as exc:
        return {"missing": str(exc)}


class MapView(MeetingFilterMixin, PageMixin, TemplateView):
    template_name = "kb/map.html"
    section = "map"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        errors = list(filters.errors)
        shade = self.request.GET.get("shade", "hosted")
        if shade not in SHADES:
            errors.append(f"Ignored “{shade[:40]}”: shade by hosted or attended.")
            shade = "hosted"
        params = filters.params(sort=False)
        selection = filters.filter(Meeting.objects.visible())
        if params:
            counts = cached(
                "map",
                {"shade": shade, "filters": params},
                lambda: country_counts(selection, shade),
                areas=filters.areas(),
            )
        else:  # every meeting: the maintained counts (kb.counters) read no meeting
            counts = tally_by_code(shade)
        kept = {k: v for k, v in params.items() if k != "country"}

        def link(code: str) -> str:
            return reverse("meeting-list") + "?" + urlencode({**kept, "country": code})

        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TABLE_ROWS]
        names = country_names(code for code, _ in top)
        context.update(
            filters=filters,
            filter_errors=errors,
            choices=filter_choices(),
            shade=shade,
            shades=SHADES,
            label=SHADES[shade],
            map=world_map(counts, label=SHADES[shade], link=link),
            rows=[(code, names.get(code, code), n, link(code)) for code, n in top],
            countries_total=len(counts),
            hidden_params=[(k, v) for k, v in params.items() if k not in ("from", "to", "kind")],
        )
        return context


def top_hosts(filters, selection, limit: int = 15) -> list[tuple[str, str, int]]:
    """The countries that hosted the most of the selected meetings: (code, name, count),
    most first, then by name. With no filter at all, read from the countries' maintained
    tallies (a row per country); by dates and kind alone, from the hosted meetings kept by
    year and month (``kb.selectors.months``); otherwise counted from the selected meetings."""
    cover = cover_of(filters)
    if cover is not None and not (filters.kind or filters.date_from or filters.date_to):
        rows = (
            CountryTally.objects.filter(hosted__gt=0)
            .order_by("-hosted", "country__name")
            .values_list("country__code", "country__name", "hosted")[:limit]
        )
        return list(rows)
    if cover is not None:
        return hosted_in(cover, limit)
    hosts = (
        selection.exclude(host_country=None)
        .order_by()
        .values("host_country__code", "host_country__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "host_country__name")[:limit]
    )
    return [(h["host_country__code"], h["host_country__name"], h["n"]) for h in hosts]


class ChartsView(MeetingFilterMixin, PageMixin, TemplateView):
    """Meetings per year (empty years kept), by kind and by host country."""

    template_name = "kb/charts.html"
    section = "charts"
    top_countries = 15

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        params = filters.params(sort=False)
        selection = filters.filter(Meeting.objects.visible())

        def compute() -> dict:
            years, kinds = split_year_and_kind(selected_per_year_and_kind(filters))
            return {
                "years": years,
                "kinds": kinds,
                "hosts": top_hosts(filters, selection, self.top_countries),
            }

        # The hosts' names are labels kept by their writes (kb.changes).
        data = cached("charts", {"filters": params}, compute, areas=filters.areas())
        undated = data["years"].pop(None, 0)
        years = charts.filled_years(data["years"])
        labels = dict(MeetingKind.choices)
        kinds = sorted(data["kinds"].items(), key=lambda kv: (-kv[1], kv[0]))
        base = reverse("meeting-list")
        kind_bars = [
            charts.Bar(labels.get(k, k), n, base + "?" + urlencode({**params, "kind": k}))
            for k, n in kinds
        ]
        host_bars = [
            charts.Bar(name, n, base + "?" + urlencode({**params, "country": code}))
            for code, name, n in data["hosts"]
        ]
        context.update(
            filters=filters,
            filter_errors=filters.errors,
            choices=filter_choices(),
            years=years,
            undated=undated,
            year_chart=charts.column_chart(years, title="Meetings per year", unit="meetings"),
            kind_bars=kind_bars,
            kind_chart=charts.bar_chart(kind_bars, title="Meetings by kind", unit="meetings"),
            host_bars=host_bars,
            host_chart=charts.bar_chart(
                host_bars, title="Meetings by host country", unit="meetings"
            ),
            total=sum(n for _, n in kinds),
        )
        return context
