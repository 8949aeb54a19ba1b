"""What the leaders, countries, gifts, agreements and articles lists share (issue 15):
filters from the query string (``kb.selectors.lists``), sortable column headers, pages
that keep the filters, and CSV and JSON downloads of exactly what is shown."""

from __future__ import annotations

from django.core.paginator import Page
from django.urls import reverse

from kb.changes import cached
from kb.selectors.listing import ListFilters
from kb.selectors.lists import list_choices
from web.views.base import CountedPaginator, PageRowsMixin
from web.views.exports import list_export

EXPORT_FORMATS = ("csv", "json")


class FilteredListMixin(PageRowsMixin):
    """A list whose rows are ``filters_class``'s: filtered and sorted in the query that
    pages them, loaded in full (``rows()``) for the page shown only. ``?format=csv`` or
    ``json`` answers with the download instead (as ``/NAME/export.csv`` does)."""

    filters_class: type[ListFilters] = ListFilters
    #: The list's name in addresses and downloads ("leaders").
    export_name = ""
    #: The search box's placeholder.
    search_help = ""

    @property
    def filters(self) -> ListFilters:
        if not hasattr(self, "_filters"):
            self._filters = self.filters_class.from_query(self.request.GET)
        return self._filters

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "").lower()
        if fmt in EXPORT_FORMATS:
            return list_export(self.filters, self.export_name, fmt, request)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filters.ordered()

    def paginate_queryset(self, queryset, page_size):
        """The page shown, kept until the next write (kb.changes) per list, normalised
        filters and page number: counting the matches and the rows' own counts (a
        leader's meetings, a country's leaders) read far more than the page at 100k
        meetings, and readers come back to the same pages."""

        def compute():
            paginator, page, rows, _ = super(FilteredListMixin, self).paginate_queryset(
                queryset, page_size
            )
            return paginator.count, page.number, list(rows)

        key = {
            "query": self.filters.querystring(),
            "page": self.request.GET.get(self.page_kwarg, ""),
            "size": page_size,
        }
        count, number, rows = cached(
            f"list-{self.export_name}", key, compute, areas=self.filters.areas()
        )
        paginator = CountedPaginator(queryset, page_size, count=count)
        page = Page(rows, number, paginator)
        return paginator, page, rows, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        choices = list_choices(filters)
        query = filters.querystring()
        suffix = f"?{query}" if query else ""
        context.update(
            filters=filters,
            filter_errors=filters.errors,
            form_fields=filters.form_fields(choices),
            sort_choices=choices["sorts"],
            sort_headers=filters.sort_headers(),
            singular=filters.singular,
            export_csv=reverse(f"{self.export_name}-export-csv") + suffix,
            export_json=reverse(f"{self.export_name}-export-json") + suffix,
            noun=filters.noun,
        )
        return context
