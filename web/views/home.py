"""The home page: recent meetings and articles, and how many of each record there are."""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.views.generic import TemplateView

from kb.models import (
    Agreement,
    Article,
    Country,
    Gift,
    Leader,
    Meeting,
)
from web.views.base import (
    PageMixin,
    meetings_for_list,
)


class HomeView(PageMixin, TemplateView):
    template_name = "kb/home.html"
    section = "home"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            recent_meetings=meetings_for_list()[:8],
            recent_articles=Article.objects.only(
                "id", "title", "source", "status", "published", "created_at"
            )[:5],
            counts=[
                ("Meetings", Meeting.objects.visible().count(), "meeting-list"),
                ("Leaders", Leader.objects.visible().active().count(), "leader-list"),
                (
                    "Countries",
                    Country.objects.filter(
                        Exists(Leader.objects.filter(country=OuterRef("pk")))
                        | Exists(Meeting.objects.filter(host_country=OuterRef("pk")))
                    ).count(),
                    "country-list",
                ),
                ("Gifts", Gift.objects.visible().count(), "gift-list"),
                ("Agreements", Agreement.objects.visible().count(), "agreement-list"),
                ("Articles", Article.objects.count(), "article-list"),
            ],
        )
        return context
