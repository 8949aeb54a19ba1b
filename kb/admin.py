from django.contrib import admin
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
class LeaderAdmin(SimpleHistoryAdmin):
    list_display = ("name", "title", "country", "review_state")
    list_filter = ("review_state", "country")
    search_fields = ("name", "title")
    autocomplete_fields = ("country", "merged_into")
    inlines = [LeaderAliasInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("__str__", "published", "status", "extractor_version", "created_at")
    list_filter = ("status",)
    search_fields = ("title", "source", "text")
    readonly_fields = ("content_hash", "attempts", "started_at", "finished_at", "error")
    filter_horizontal = ("leaders", "countries")


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "date", "place", "host_country", "review_state", "confidence")
    list_filter = ("kind", "review_state")
    search_fields = ("place", "participants__name")
    autocomplete_fields = ("participants", "host_country")
    inlines = [EvidenceInline]


@admin.register(Gift)
class GiftAdmin(SimpleHistoryAdmin):
    list_display = ("item", "giver", "recipient", "date", "review_state", "confidence")
    list_filter = ("review_state",)
    search_fields = ("item", "giver__name", "recipient__name")
    autocomplete_fields = ("giver", "recipient", "meeting")
    inlines = [EvidenceInline]


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("summary", "kind", "status", "date", "review_state", "confidence")
    list_filter = ("kind", "status", "review_state")
    search_fields = ("summary",)
    autocomplete_fields = ("leader_parties", "country_parties", "meeting")
    inlines = [EvidenceInline]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ("__str__", "article", "confidence", "rule", "extractor_version")
    search_fields = ("sentence",)
    raw_id_fields = ("article", "meeting", "gift", "agreement")

    def get_queryset(self, request):
        return super().get_queryset(request).with_article_names()
