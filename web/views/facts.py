"""Gift and agreement lists and pages."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from kb.models import (
    Agreement,
    Gift,
)
from kb.selectors.facts import agreements_for_list, evidence_page, gifts_for_list
from kb.selectors.rows import leaders_prefetch
from web.views.base import PAGE_SIZE, PageMixin, PageRowsMixin


class GiftListView(PageRowsMixin, PageMixin, ListView):
    template_name = "kb/gift_list.html"
    context_object_name = "gifts"
    paginate_by = PAGE_SIZE
    section = "gifts"

    def get_queryset(self):
        return Gift.objects.visible().order_by("-date", "-id")

    def rows(self):
        return gifts_for_list()


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


class AgreementListView(PageRowsMixin, PageMixin, ListView):
    template_name = "kb/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = PAGE_SIZE
    section = "agreements"

    def get_queryset(self):
        return Agreement.objects.visible().order_by("-date", "-id")

    def rows(self):
        return agreements_for_list()


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
