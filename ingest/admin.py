from django.contrib import admin

from ingest.models import Feed


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("url", "title", "active", "last_checked_at", "failures", "last_error")
    list_filter = ("active",)
    search_fields = ("url", "title")
    readonly_fields = ("last_checked_at", "last_success_at", "last_error", "failures")
