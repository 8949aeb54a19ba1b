"""Gift and agreement lists and pages."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from kb.models import (
    Agreement,
    Gift,
)
from kb.selectors.facts import agreements_for_list, evidence_page, gifts_for_list
from kb.selectors.lists import AgreementFilters, GiftFilters
from kb.selectors.rows import leaders_prefetch
from web.views.base import PAGE_SIZE, ForgivingPaginationMixin, PageMixin
from web.views.lists import FilteredListMixin


class GiftListView(FilteredListMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """Search, filter (country, leader, dates, review state, source article), sort and page
    through gifts, each with its meeting and date; download what is shown."""

    template_name = "kb/gift_list.html"
    context_object_name = "gifts"
    paginate_by = PAGE_SIZE
    section = "gifts"
    filters_class = GiftFilters
    export_name = "gifts"

    def rows(self):
        return gifts_for_list(visible=False)


class GiftDetailView(PageMixin, DetailView):
    template_name = "kb/gift_detail.html"
    context_object_name = "gift"
    section = "gifts"

    def get_queryset(self):
        return Gift.objects.select_related(
            "giver__country", "recipient__country", "meeting__host_country"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["evidence"] = evidence_page(self.request.GET.get("evidence"), gift=self.object)
        return context


class AgreementListView(FilteredListMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """Search, filter (kind, status, party country or leader, dates, review state, source
    article), sort and page through agreements, each with its meeting and date; download
    what is shown."""

    template_name = "kb/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = PAGE_SIZE
    section = "agreements"
    filters_class = AgreementFilters
    export_name = "agreements"

    def rows(self):
        return agreements_for_list(visible=False)


class AgreementDetailView(PageMixin, DetailView):
    template_name = "kb/agreement_detail.html"
    context_object_name = "agreement"
    section = "agreements"

    def get_queryset(self):
        return Agreement.objects.select_related("meeting__host_country").prefetch_related(
            leaders_prefetch("leader_parties"), "country_parties"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["evidence"] = evidence_page(self.request.GET.get("evidence"), agreement=self.object)
        return context
