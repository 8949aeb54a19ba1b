"""The home page: recent meetings and articles, and how many of each record there are."""

from __future__ import annotations

from django.views.generic import TemplateView

from kb.models import (
    Article,
)
from kb.selectors.counts import record_counts
from kb.selectors.meetings import meetings_for_list
from web.views.base import PageMixin


class HomeView(PageMixin, TemplateView):
    template_name = "kb/home.html"
    section = "home"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = record_counts()
        context.update(
            recent_meetings=meetings_for_list()[:8],
            recent_articles=Article.objects.only(
                "id", "title", "source", "status", "published", "created_at"
            )[:5],
            counts=[
                (label, counts[key], url_name)
                for key, label, url_name in (
                    ("meetings", "Meetings", "meeting-list"),
                    ("leaders", "Leaders", "leader-list"),
                    ("countries", "Countries", "country-list"),
                    ("gifts", "Gifts", "gift-list"),
                    ("agreements", "Agreements", "agreement-list"),
                    ("articles", "Articles", "article-list"),
                )
            ],
        )
        return context
