"""Re-extracting and deleting an article, and the review queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import TemplateView

from ingest.services import article_requeue
from kb.models import (
    Article,
)
from kb.selectors.review import review_queue
from kb.services.articles import article_delete, article_delete_plan
from web.editing.base import EditorRequiredMixin, error_text

# ---- articles and the review queue ------------------------------------------------------


class ArticleReextractView(EditorRequiredMixin, View):
    """Queue the article's extraction again; editors' decisions stay as they are."""

    http_method_names = ["post"]

    def post(self, request, pk):
        article = get_object_or_404(Article.objects.only("id"), pk=pk)
        article_requeue(article=article)
        messages.success(
            request,
            "Extraction queued again. Facts an editor corrected, confirmed or rejected "
            "will not change.",
        )
        return redirect(article)


class ArticleDeleteView(EditorRequiredMixin, TemplateView):
    """GET: what deleting the article would delete and keep, or why it cannot be
    deleted now, and the confirmation form. POST: delete it (``article_delete``)."""

    template_name = "kb/edit/article_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = article_delete_plan(article=self.article)
        refusal = plan.refusal()
        context.update(
            article=self.article,
            plan=plan,
            refusal=" ".join(refusal.messages) if refusal else "",
            section="articles",
        )
        return context

    def get(self, request, pk):
        self.article = get_object_or_404(Article, pk=pk)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        self.article = get_object_or_404(Article, pk=pk)
        try:
            plan = article_delete(article=self.article, user=request.user)
        except ValidationError as exc:
            messages.error(request, f"The article was not deleted: {error_text(exc)}")
            return redirect("article-delete", pk=pk)
        gone = len(plan.deleted)
        messages.success(
            request,
            f"Deleted article {pk}, with {gone} fact{'' if gone == 1 else 's'} only it supported.",
        )
        return redirect("article-list")


class ReviewQueueView(EditorRequiredMixin, TemplateView):
    """Unreviewed facts, lowest confidence first, each with its evidence."""

    template_name = "kb/edit/review.html"
    KINDS = ("meeting", "gift", "agreement")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kind = self.request.GET.get("kind", "")
        kinds = (kind,) if kind in self.KINDS else self.KINDS
        items, counts = review_queue(kinds=kinds)
        context.update(
            items=items,
            counts=counts,
            total=sum(counts.values()),
            kind=kind if kind in self.KINDS else "",
            kinds=self.KINDS,
            section="review",
        )
        return context
