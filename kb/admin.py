from django.contrib import admin
from django.db.models import Prefetch
from simple_history.admin import SimpleHistoryAdmin

from kb.models import (
    Agreement,
    Article,
    Country,
    Evidence,
    Gift,
    Leader,
    LeaderAlias,
    Meeting,
    Organisation,
)


# The admin's lists stay bounded by the page they show, however large the tables grow:
# no full count of a filtered table (the paginator shows "Show all" instead of a total),
# no article texts loaded to print titles, and no query per row for a meeting's names.
class BoundedAdmin(admin.ModelAdmin):
    show_full_result_count = False
    list_per_page = 50


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ("article", "sentence", "start", "end", "confidence", "rule", "extractor_version")
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).with_article_names()


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "capital")
    search_fields = ("code", "name", "official_name")


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ("name",)


class LeaderAliasInline(admin.TabularInline):
    model = LeaderAlias
    extra = 0
    readonly_fields = ("key",)
    can_delete = False


@admin.register(Leader)
class LeaderAdmin(SimpleHistoryAdmin, BoundedAdmin):
    list_display = ("name", "title", "country", "review_state")
    list_filter = ("review_state", "country")
    search_fields = ("name", "title")
    autocomplete_fields = ("country", "merged_into")
    inlines = [LeaderAliasInline]
    list_select_related = ("country",)


@admin.register(Article)
class ArticleAdmin(BoundedAdmin):
    list_display = ("__str__", "published", "status", "extractor_version", "created_at")
    list_filter = ("status",)
    # The text is searched only by the site's own search; scanning every stored text from
    # the admin's search box would cost a pass over the whole table.
    search_fields = ("title", "source", "url")
    readonly_fields = ("content_hash", "attempts", "started_at", "finished_at", "error")
    # Pickers that search, instead of <select>s listing every leader and country.
    autocomplete_fields = ("leaders", "countries")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("changelist"):
            queryset = queryset.defer("text", "error")
        return queryset


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin, BoundedAdmin):
    list_display = ("__str__", "date", "place", "host_country", "review_state", "confidence")
    list_filter = ("kind", "review_state")
    search_fields = ("place", "participants__name")
    autocomplete_fields = ("participants", "host_country")
    inlines = [EvidenceInline]
    list_select_related = ("host_country",)

    def get_queryset(self, request):
        # Each row's title names the participants: one query for the page, not one a row.
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("participants", queryset=Leader.objects.only("name")))
        )


@admin.register(Gift)
class GiftAdmin(SimpleHistoryAdmin, BoundedAdmin):
    list_display = ("item", "giver", "recipient", "date", "review_state", "confidence")
    list_filter = ("review_state",)
    search_fields = ("item", "giver__name", "recipient__name")
    autocomplete_fields = ("giver", "recipient", "meeting")
    inlines = [EvidenceInline]


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin, BoundedAdmin):
    list_display = ("summary", "kind", "status", "date", "review_state", "confidence")
    list_filter = ("kind", "status", "review_state")
    search_fields = ("summary",)
    autocomplete_fields = ("leader_parties", "country_parties", "meeting")
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(BoundedAdmin):
    list_display = ("__str__", "article", "confidence", "rule", "extractor_version")
    search_fields = ("sentence",)
    raw_id_fields = ("article", "meeting", "gift", "agreement")

    def get_queryset(self, request):
        return super().get_queryset(request).with_article_names()
