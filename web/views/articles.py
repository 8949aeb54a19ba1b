"""The articles list, an article's page with the facts it supports, and its status fragment."""

from __future__ import annotations

from django.views.generic import DetailView, ListView

from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Gift,
    Meeting,
)
from kb.selectors.counts import evidence_count
from kb.selectors.facts import (
    agreements_for_list,
    article_fact_counts,
    facts_of_article,
    gifts_for_list,
)
from kb.selectors.lists import ArticleFilters
from kb.selectors.meetings import meetings_for_list
from kb.selectors.rows import leaders_prefetch
from web.views.base import (
    PAGE_SIZE,
    PENDING_STATUSES,
    ForgivingPaginationMixin,
    PageMixin,
    ReadRequiredMixin,
)
from web.views.lists import FilteredListMixin


class ArticleListView(FilteredListMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """Search, filter (status, published between, source or domain), sort and page through
    articles; download what is shown."""

    template_name = "kb/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    section = "articles"
    filters_class = ArticleFilters
    export_name = "articles"

    def rows(self):
        return Article.objects.defer("text", "error").annotate(evidence_count=evidence_count())


class ArticleDetailView(PageMixin, DetailView):
    template_name = "kb/article_detail.html"
    context_object_name = "article"
    section = "articles"

    def get_queryset(self):
        return Article.objects.prefetch_related(leaders_prefetch("leaders"), "countries")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.update(
            pending=article.status in PENDING_STATUSES,
            fact_counts=article_fact_counts(article.pk),
            **facts_of_article(
                article.pk,
                base={
                    Meeting: meetings_for_list(),
                    Gift: gifts_for_list(),
                    Agreement: agreements_for_list(),
                },
            ),
        )
        return context


class ArticleStatusView(ReadRequiredMixin, DetailView):
    """A small HTML fragment with the article's status, polled by the article page."""

    template_name = "kb/_article_status.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.only("id", "status", "error", "finished_at")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["pending"] = article.status in PENDING_STATUSES
        if article.status == ArticleStatus.DONE:
            context["fact_counts"] = article_fact_counts(article.pk)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "no-store"
        return response
