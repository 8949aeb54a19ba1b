"""Server-rendered pages for reading the knowledge base.

Views stay thin: each one picks a queryset (with select_related/prefetch_related so a
page issues a bounded number of queries whatever its size) and a template. Reading
needs `can_read` (anonymous reading can be switched off with SUMMITRY_ANONYMOUS_READ).
"""

from __future__ import annotations

import csv
import datetime as dt
import json

from django.contrib.auth.mixins import AccessMixin
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import DetailView, ListView, TemplateView

from kb import queries
from kb.models import (
    Agreement,
    Article,
    ArticleStatus,
    Country,
    Evidence,
    Gift,
    Leader,
    Meeting,
    MeetingKind,
)
from kb.queries import MeetingFilters
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


# What a table row shows of a leader or a country: a name and a link. Rows leave out the
# rest (JSON name lists above all), which costs more to load than the row itself. Their
# related lists come as plain lists (``to_attr``): ``meeting.participants.all`` on a
# prefetched row clones a queryset each time, which costs more than the row's HTML.
BRIEF_LEADER = ("id", "name", "country__code", "country__name")
BRIEF_COUNTRY = ("id", "code", "name")
COUNTRY_DETAILS = ("official_name", "other_names", "demonyms", "capital")


def _brief_leaders(lookup: str, to_attr: str) -> Prefetch:
    leaders = Leader.objects.select_related("country").only(*BRIEF_LEADER)
    return Prefetch(lookup, queryset=leaders, to_attr=to_attr)


def with_row_relations(meetings):
    """Meetings with what a table row shows besides the meeting: the host, and the
    participants as ``participant_list``."""
    return (
        meetings.select_related("host_country")
        .defer(*(f"host_country__{name}" for name in COUNTRY_DETAILS))
        .prefetch_related(_brief_leaders("participants", "participant_list"))
    )


def meetings_for_list():
    """Visible meetings with what a list row shows, newest first.

    The source count is a correlated subquery (computed for the rows fetched only),
    not a GROUP BY over the whole evidence join.
    """
    return (
        with_row_relations(Meeting.objects.visible())
        .annotate(source_count=queries.source_count())
        .order_by("-date", "-id")
    )


class ForgivingPaginationMixin:
    """A page number that is not a number, or past the end, shows the nearest page (no 404)."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset,
            page_size,
            orphans=self.get_paginate_orphans(),
            allow_empty_first_page=self.get_allow_empty(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class PageRowsPaginator(Paginator):
    """Counts and slices a cheap queryset, then loads the full rows of the one page shown
    with ``rows(page_slice)``, so per-row work never runs for the rows skipped to reach it."""

    def __init__(self, object_list, per_page, *, rows, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows

    def _get_page(self, object_list, number, paginator):
        return super()._get_page(self.rows(object_list), number, paginator)


class PageRowsMixin:
    """For lists whose rows cost more than their order: ``get_queryset`` gives the rows
    filtered and ordered only (cheap to count and to page through), ``rows`` the same rows
    with their relations and counts, loaded for the page shown only."""

    def get_paginator(self, queryset, per_page, **kwargs):
        return PageRowsPaginator(queryset, per_page, rows=self.page_rows, **kwargs)

    def page_rows(self, page):
        return self.rows().filter(pk__in=page.values("pk")).order_by(*page.query.order_by)

    def rows(self):
        raise NotImplementedError


def gifts_for_list():
    return Gift.objects.visible().select_related("giver__country", "recipient__country")


def agreements_for_list():
    """Visible agreements with their parties as ``leader_party_list`` and
    ``country_party_list``."""
    return Agreement.objects.visible().prefetch_related(
        _brief_leaders("leader_parties", "leader_party_list"),
        Prefetch(
            "country_parties",
            queryset=Country.objects.only(*BRIEF_COUNTRY),
            to_attr="country_party_list",
        ),
    )


#: Evidence rows a fact page shows at a time (``?evidence=N`` turns the pages).
EVIDENCE_PER_PAGE = 20


def evidence_for(**filters):
    """Evidence rows with their articles (never the text), grouped by article in the
    template."""
    return (
        Evidence.objects.filter(**filters)
        .with_article_names()
        .order_by("article_id", "start", "id")
    )


def evidence_page(request, **filters):
    """One page of a fact's evidence; a malformed or out-of-range ``?evidence=`` gives the
    first or the last page rather than an error."""
    paginator = Paginator(evidence_for(**filters), EVIDENCE_PER_PAGE)
    return paginator.get_page(request.GET.get("evidence"))


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


# ---- meetings -----------------------------------------------------------------------------


class MeetingFilterMixin:
    """Parses the meeting filters from the query string once per request."""

    @property
    def filters(self) -> MeetingFilters:
        if not hasattr(self, "_filters"):
            self._filters = MeetingFilters.from_query(self.request.GET)
        return self._filters


class MeetingListView(
    MeetingFilterMixin, PageRowsMixin, ForgivingPaginationMixin, PageMixin, ListView
):
    """Filter, search, sort and page through meetings; every choice lives in the URL."""

    template_name = "kb/meeting_list.html"
    context_object_name = "meetings"
    paginate_by = PAGE_SIZE
    section = "meetings"

    def get(self, request, *args, **kwargs):
        export = request.GET.get("format", "").lower()
        if export in EXPORTERS:
            return EXPORTERS[export](self.filters)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        meetings = self.filters.ordered()
        if self.filters.q:
            # The search is the costly part of a searched list, and paging would run it
            # twice (to count the matches, then to slice a page): take their ids once.
            return list(meetings.values_list("pk", flat=True))
        return meetings

    def page_rows(self, page):
        return with_row_relations(self.filters.rows(page))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        newest_first = filters.sort in ("-date",)
        oldest_first = filters.sort == "date"
        context.update(
            filters=filters,
            filter_errors=filters.errors,
            choices=queries.filter_choices(),
            export_query=filters.querystring(),
            show_counts=True,
            prev_label="← Newer" if newest_first else ("← Older" if oldest_first else None),
            next_label="Older →" if newest_first else ("Newer →" if oldest_first else None),
        )
        return context


# ---- exports ------------------------------------------------------------------------------

EXPORT_FIELDS = [
    "id",
    "date",
    "kind",
    "place",
    "host_country",
    "host_country_code",
    "participants",
    "participant_countries",
    "topics",
    "gift_count",
    "agreement_count",
    "source_count",
    "url",
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_rows(filters: MeetingFilters):
    """The filtered meetings as plain dicts (streamed in chunks, bounded queries each)."""
    meetings = with_row_relations(filters.meetings())
    for meeting in meetings.iterator(chunk_size=1000):
        participants = meeting.participant_list
        host = meeting.host_country
        yield {
            "id": meeting.pk,
            "date": meeting.date.isoformat() if meeting.date else None,
            "kind": meeting.kind,
            "place": meeting.place,
            "host_country": host.name if host else None,
            "host_country_code": host.code if host else None,
            "participants": [
                {
                    "id": p.pk,
                    "name": p.name,
                    "country": p.country.code if p.country else None,
                }
                for p in participants
            ],
            "topics": list(meeting.topics or []),
            "gift_count": meeting.gift_count,
            "agreement_count": meeting.agreement_count,
            "source_count": meeting.source_count,
            "url": meeting.get_absolute_url(),
        }


def _filter_errors_response(filters: MeetingFilters):
    return HttpResponse(
        "Bad filter values:\n" + "\n".join(filters.errors) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


class _Echo:
    def write(self, value):
        return value


def export_csv(filters: MeetingFilters):
    if filters.errors:
        return _filter_errors_response(filters)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # BOM: spreadsheet programs then read the file as UTF-8
        yield writer.writerow(EXPORT_FIELDS)
        for row in export_rows(filters):
            flat = dict(row)
            flat["participants"] = "; ".join(p["name"] for p in row["participants"])
            flat["participant_countries"] = "; ".join(
                sorted({p["country"] for p in row["participants"] if p["country"]})
            )
            flat["topics"] = "; ".join(str(t) for t in row["topics"])
            yield writer.writerow(
                [csv_safe("" if flat[k] is None else flat[k]) for k in EXPORT_FIELDS]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    return response


def export_json(filters: MeetingFilters):
    if filters.errors:
        return _filter_errors_response(filters)
    payload = {
        "filters": filters.params(),
        "description": filters.describe(),
        "meetings": list(export_rows(filters)),
    }
    payload["count"] = len(payload["meetings"])
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="meetings.json"'
    return response


EXPORTERS = {"csv": export_csv, "json": export_json}


class MeetingExportView(MeetingFilterMixin, ReadRequiredMixin, View):
    """/meetings/export.csv and /meetings/export.json with the list's filters."""

    format = "csv"

    def get(self, request, *args, **kwargs):
        return EXPORTERS[self.format](self.filters)


# ---- network and timeline -----------------------------------------------------------------


class NetworkView(MeetingFilterMixin, PageMixin, TemplateView):
    """Who met whom: a server-side SVG (no JavaScript) and the same edges as a table."""

    template_name = "kb/network.html"
    section = "network"
    max_nodes_default = 40

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        errors = list(filters.errors)
        by = self.request.GET.get("by", "leader")
        if by not in ("leader", "country"):
            errors.append(f"Ignored “{by[:40]}” for the network: use leader or country.")
            by = "leader"
        raw_limit = self.request.GET.get("limit", "")
        limit = self.max_nodes_default
        if raw_limit:
            if raw_limit.isdigit() and 2 <= int(raw_limit) <= 150:
                limit = int(raw_limit)
            else:
                errors.append("Ignored the number of nodes: use a number from 2 to 150.")
        graph = queries.network(filters.filter(Meeting.objects.visible()), by=by, max_nodes=limit)
        context.update(
            filters=filters,
            filter_errors=errors,
            by=by,
            limit=limit,
            graph=graph,
            choices={"kinds": MeetingKind.choices},
            # Other meeting filters given in the URL (search, leader...) survive the form.
            hidden_params=[
                (name, value)
                for name, value in filters.params(sort=False).items()
                if name not in ("from", "to", "kind")
            ],
        )
        return context


class TimelineView(MeetingFilterMixin, ForgivingPaginationMixin, PageMixin, ListView):
    """Meetings in date order, grouped by year and month (plain HTML, no script)."""

    template_name = "kb/timeline.html"
    context_object_name = "meetings"
    paginate_by = 100
    section = "timeline"

    def get_queryset(self):
        meetings = self.filters.filter(Meeting.objects.visible()).filter(date__isnull=False)
        return with_row_relations(meetings).order_by("date", "id")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filtered = self.filters.filter(Meeting.objects.visible())
        context.update(
            filters=self.filters,
            filter_errors=self.filters.errors,
            choices=queries.filter_choices(),
            years=queries.year_counts(filtered),
            undated=filtered.filter(date__isnull=True).count(),
            prev_label="← Earlier",
            next_label="Later →",
        )
        return context


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
            evidence=evidence_page(self.request, meeting=meeting),
        )
        return context


# ---- leaders ------------------------------------------------------------------------------


class LeaderListView(PageRowsMixin, PageMixin, ListView):
    template_name = "kb/leader_list.html"
    context_object_name = "leaders"
    paginate_by = PAGE_SIZE
    section = "leaders"

    def get_queryset(self):
        return Leader.objects.visible().active().order_by("name", "id")

    def rows(self):
        return (
            Leader.objects.select_related("country")
            .defer(*(f"country__{name}" for name in COUNTRY_DETAILS))
            .annotate(meeting_count=queries.leader_meeting_count())
        )


class LeaderDetailView(PageMixin, DetailView):
    template_name = "kb/leader_detail.html"
    context_object_name = "leader"
    section = "leaders"
    meetings_per_page = 100

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
        # Chronological: the leader's timeline, undated meetings last, a page at a time
        # (a head of government meets hundreds of people over a term).
        meetings = Meeting.objects.visible().filter(queries.involving_leader(leader.pk))
        paginator = Paginator(
            with_row_relations(meetings).order_by(F("date").asc(nulls_last=True), "id"),
            self.meetings_per_page,
        )
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            meetings=page.object_list,
            meeting_years=queries.by_year(page.object_list, queries.meetings_per_year(meetings)),
            paginator=paginator,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            prev_label="← Earlier",
            next_label="Later →",
            gifts_given=gifts_for_list().filter(giver=leader),
            gifts_received=gifts_for_list().filter(recipient=leader),
            agreements=agreements_for_list().filter(leader_parties=leader),
            counterparts=queries.counterparts_of_leader(leader),
            offices=leader.offices.visible().select_related("country").order_by("start", "id"),
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


# ---- gifts and agreements -----------------------------------------------------------------


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
        context["evidence"] = evidence_page(self.request, gift=self.object)
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
            _leaders_prefetch("leader_parties"), "country_parties"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["evidence"] = evidence_page(self.request, agreement=self.object)
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


class ArticleListView(PageRowsMixin, PageMixin, ListView):
    template_name = "kb/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    section = "articles"

    def get_queryset(self):
        return Article.objects.order_by("-created_at", "-id")

    def rows(self):
        return Article.objects.defer("text", "error").annotate(
            evidence_count=queries.evidence_count()
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
