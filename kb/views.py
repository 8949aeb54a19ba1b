"""Server-rendered pages for reading the knowledge base.

Views stay thin: each one picks a queryset (with select_related/prefetch_related so a
page issues a bounded number of queries whatever its size) and a template. Reading
needs `can_read` (anonymous reading can be switched off with SUMMITRY_ANONYMOUS_READ).
"""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, TemplateView

from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
)
from kb.roles import can_read

PAGE_SIZE = 50
PENDING_STATUSES = (ArticleStatus.QUEUED, ArticleStatus.PROCESSING)


class ReadRequiredMixin(AccessMixin):
    """Send visitors who may not read to the login page (or 403 if logged in)."""

    def dispatch(self, request, *args, **kwargs):
        if not can_read(request.user):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class SectionMixin:
    """Tells the base template which nav item is current."""

    section = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section
        return context


class PageMixin(ReadRequiredMixin, SectionMixin):
    pass


# ---- querysets shared by several pages --------------------------------------------------


def _leaders_prefetch(lookup: str) -> Prefetch:
    return Prefetch(lookup, queryset=Leader.objects.select_related("country"))


def meetings_for_list():
    """Visible meetings with what a list row shows, newest first."""
    return (
        Meeting.objects.visible()
        .select_related("host_country")
        .prefetch_related(_leaders_prefetch("participants"))
        .annotate(source_count=Count("evidence__article", distinct=True))
        .order_by("-date", "-id")
    )


def gifts_for_list():
    return Gift.objects.visible().select_related("giver__country", "recipient__country", "meeting")


def agreements_for_list():
    return Agreement.objects.visible().prefetch_related(
        _leaders_prefetch("leader_parties"), "country_parties"
    )


def evidence_for(**filters):
    """Evidence rows with their articles, grouped by article in the template."""
    return (
        Evidence.objects.filter(**filters).select_related("article").order_by("article_id", "start")
    )


# ---- home ---------------------------------------------------------------------------------


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
                        Q(leaders__isnull=False) | Q(meetings_hosted__isnull=False)
                    )
                    .distinct()
                    .count(),
                    "country-list",
                ),
                ("Gifts", Gift.objects.visible().count(), "gift-list"),
                ("Agreements", Agreement.objects.visible().count(), "agreement-list"),
                ("Articles", Article.objects.count(), "article-list"),
            ],
        )
        return context


# ---- meetings -----------------------------------------------------------------------------


class MeetingListView(PageMixin, ListView):
    template_name = "kb/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = PAGE_SIZE
    section = "meetings"

    def get_queryset(self):
        return meetings_for_list()


class MeetingDetailView(PageMixin, DetailView):
    template_name = "kb/meeting_detail.html"
    context_object_name = "meeting"
    section = "meetings"

    def get_queryset(self):
        return Meeting.objects.select_related("host_country").prefetch_related(
            _leaders_prefetch("participants")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting = self.object
        gifts = list(gifts_for_list().filter(meeting=meeting).order_by("giver__name", "id"))
        # Gifts in each direction: grouped by (giver, recipient) pair.
        directions: dict[tuple[int, int], dict] = {}
        for gift in gifts:
            key = (gift.giver_id, gift.recipient_id)
            directions.setdefault(
                key, {"giver": gift.giver, "recipient": gift.recipient, "gifts": []}
            )["gifts"].append(gift)
        context.update(
            participants=list(meeting.participants.all()),
            gift_directions=list(directions.values()),
            agreements=agreements_for_list().filter(meeting=meeting),
            evidence=evidence_for(meeting=meeting),
        )
        return context


# ---- leaders ------------------------------------------------------------------------------


class LeaderListView(PageMixin, ListView):
    template_name = "kb/leader_list.html"
    context_object_name = "leaders"
    paginate_by = PAGE_SIZE
    section = "leaders"

    def get_queryset(self):
        return (
            Leader.objects.visible()
            .active()
            .select_related("country")
            .annotate(
                meeting_count=Count(
                    "meetings", filter=~Q(meetings__review_state="rejected"), distinct=True
                )
            )
            .order_by("name", "id")
        )


class LeaderDetailView(PageMixin, DetailView):
    template_name = "kb/leader_detail.html"
    context_object_name = "leader"
    section = "leaders"

    def get_queryset(self):
        return Leader.objects.select_related("country", "merged_into")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.merged_into_id:
            # A merged record lives on as its survivor.
            return redirect(self.object.merged_into)
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        leader = self.object
        context.update(
            meetings=meetings_for_list().filter(participants=leader),
            gifts_given=gifts_for_list().filter(giver=leader),
            gifts_received=gifts_for_list().filter(recipient=leader),
            agreements=agreements_for_list().filter(leader_parties=leader),
        )
        return context


# ---- countries ----------------------------------------------------------------------------


class CountryListView(PageMixin, ListView):
    template_name = "kb/country_list.html"
    context_object_name = "countries"
    paginate_by = PAGE_SIZE * 2
    section = "countries"

    def show_all(self) -> bool:
        return self.request.GET.get("all") == "1"

    def get_queryset(self):
        countries = Country.objects.annotate(
            leader_count=Count(
                "leaders",
                filter=Q(leaders__merged_into__isnull=True) & ~Q(leaders__review_state="rejected"),
                distinct=True,
            ),
            hosted_count=Count(
                "meetings_hosted",
                filter=~Q(meetings_hosted__review_state="rejected"),
                distinct=True,
            ),
        ).order_by("name")
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

    def get_object(self, queryset=None):
        return get_object_or_404(Country, code=self.kwargs["code"].upper())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        country = self.object
        abroad = (
            meetings_for_list().filter(participants__country=country).exclude(host_country=country)
        )
        context.update(
            leaders=Leader.objects.visible().active().filter(country=country),
            meetings_hosted=meetings_for_list().filter(host_country=country),
            meetings_abroad=abroad,
        )
        return context


# ---- gifts and agreements -----------------------------------------------------------------


class GiftListView(PageMixin, ListView):
    template_name = "kb/gift_list.html"
    context_object_name = "gifts"
    paginate_by = PAGE_SIZE
    section = "gifts"

    def get_queryset(self):
        return gifts_for_list().order_by("-date", "-id")


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
        context["evidence"] = evidence_for(gift=self.object)
        return context


class AgreementListView(PageMixin, ListView):
    template_name = "kb/agreement_list.html"
    context_object_name = "agreements"
    paginate_by = PAGE_SIZE
    section = "agreements"

    def get_queryset(self):
        return agreements_for_list().order_by("-date", "-id")


class AgreementDetailView(PageMixin, DetailView):
    template_name = "kb/agreement_detail.html"
    context_object_name = "agreement"
    section = "agreements"

    def get_queryset(self):
        return Agreement.objects.select_related("meeting__host_country").prefetch_related(
            _leaders_prefetch("leader_parties"), "country_parties"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["evidence"] = evidence_for(agreement=self.object)
        return context


# ---- articles -----------------------------------------------------------------------------


def article_fact_counts(article: Article) -> dict[str, int]:
    return {
        "meetings": Meeting.objects.visible().filter(evidence__article=article).distinct().count(),
        "gifts": Gift.objects.visible().filter(evidence__article=article).distinct().count(),
        "agreements": Agreement.objects.visible()
        .filter(evidence__article=article)
        .distinct()
        .count(),
    }


class ArticleListView(PageMixin, ListView):
    template_name = "kb/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    section = "articles"

    def get_queryset(self):
        return (
            Article.objects.defer("text", "error")
            .annotate(evidence_count=Count("evidence"))
            .order_by("-created_at", "-id")
        )


class ArticleDetailView(PageMixin, DetailView):
    template_name = "kb/article_detail.html"
    context_object_name = "article"
    section = "articles"

    def get_queryset(self):
        return Article.objects.prefetch_related(_leaders_prefetch("leaders"), "countries")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context.update(
            pending=article.status in PENDING_STATUSES,
            fact_counts=article_fact_counts(article),
            meetings=meetings_for_list().filter(evidence__article=article).distinct(),
            gifts=gifts_for_list().filter(evidence__article=article).distinct(),
            agreements=agreements_for_list().filter(evidence__article=article).distinct(),
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
            context["fact_counts"] = article_fact_counts(article)
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Cache-Control"] = "no-store"
        return response
