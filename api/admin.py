"""Admin pages for API tokens (made here, the key is shown once) and tombstones."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from rest_framework.authtoken.admin import TokenProxy

from api.models import ApiToken, TokenScope, Tombstone
from api.tokens import issue_token

# Plaintext tokens are not offered: tokens made the old way are hashed at once (api.signals).
if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "name", "user", "scope", "created_at", "last_used_at", "revoked_at")
    list_filter = ("scope", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "prefix", "user__username")
    readonly_fields = ("prefix", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]
    autocomplete_fields = ()
    raw_id_fields = ("user",)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("user", "name", "scope")
        return ("user", "name", "scope", "prefix", "created_at", "last_used_at", "revoked_at")

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (("user", "scope") if obj else ())

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        try:
            token, key = issue_token(user=obj.user, scope=obj.scope, name=obj.name)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        obj.pk, obj.prefix, obj.key_hash = token.pk, token.prefix, token.key_hash
        self.message_user(
            request,
            f"The token's key (shown only now; copy it): {key}",
            level=messages.WARNING,
        )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        original_clean = form.clean

        def clean(form_self):
            data = original_clean(form_self)
            if obj is None and data.get("scope") == TokenScope.EDIT and data.get("user"):
                from kb.roles import can_edit

                if not can_edit(data["user"]):
                    raise ValidationError("An edit-scoped token needs an editor.")
            return data

        form.clean = clean
        return form

    @admin.action(description="Revoke selected tokens")
    def revoke(self, request, queryset):
        for token in queryset.active():
            token.revoke()


@admin.register(Tombstone)
class TombstoneAdmin(admin.ModelAdmin):
    list_display = ("model", "object_id", "merged_into", "deleted_at")
    list_filter = ("model",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
