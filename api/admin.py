"""Admin pages for API tokens and tombstones.

Staff make tokens for themselves; a superuser may make one for anyone and is recorded as
its maker. Either may give it a shorter life than ``API_TOKEN_LIFETIME_DAYS``. The key is
shown once, to whoever made the token. Of a made token only the name changes (an expiry
is never extended); revoking (an action) is final. Anyone who may change tokens may revoke
any of them (the safe direction, for an incident), but only its owner or a superuser may
rename or delete one.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from rest_framework.authtoken.admin import TokenProxy

from api.models import ApiToken, TokenOrigin, Tombstone
from api.tokens import issue_token, token_issue_check

# Plaintext tokens are not offered: tokens made the old way are hashed at once (api.signals).
if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)

RECORD_FIELDS = (
    "user",
    "scope",
    "prefix",
    "created_at",
    "created_by",
    "created_via",
    "expires_at",
    "last_used_at",
    "revoked_at",
)


class ApiTokenAddForm(forms.ModelForm):
    """The add form: who the token is for (superusers only), what for, its scope and its
    lifetime, checked by ``api.tokens.token_issue_check`` as ``made_by``."""

    lifetime_days = forms.IntegerField(
        required=False,
        label="Lifetime (days)",
        help_text="Days until the key stops working (at most API_TOKEN_LIFETIME_DAYS).",
    )
    made_by = None  # set on the class made for each request (ApiTokenAdmin.get_form)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lifetime_days"].initial = settings.API_TOKEN_LIFETIME_DAYS

    def clean(self):
        data = super().clean()
        owner = data.get("user") if self.made_by.is_superuser else self.made_by
        if owner is not None and data.get("scope"):
            token_issue_check(
                user=owner,
                scope=data["scope"],
                made_by=self.made_by,
                lifetime_days=data.get("lifetime_days"),
            )
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "prefix",
        "name",
        "user",
        "scope",
        "created_at",
        "created_by",
        "expires_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("scope", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "prefix", "user__username")
    actions = ["revoke"]
    raw_id_fields = ("user",)

    def get_fields(self, request, obj=None):
        if obj is not None:
            return ("name", *RECORD_FIELDS)
        owner = ("user",) if request.user.is_superuser else ()
        return (*owner, "name", "scope", "lifetime_days")

    def get_readonly_fields(self, request, obj=None):
        return RECORD_FIELDS if obj is not None else ()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _owner_or_superuser(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _owner_or_superuser(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            return super().get_form(request, obj, **kwargs)
        form = super().get_form(request, obj, form=ApiTokenAddForm, **kwargs)
        form.made_by = request.user  # a class made for this request
        return form

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        owner = obj.user if request.user.is_superuser else request.user
        token, key = issue_token(
            user=owner,
            scope=obj.scope,
            name=obj.name,
            made_by=request.user,
            origin=TokenOrigin.ADMIN,
            lifetime_days=form.cleaned_data.get("lifetime_days"),
        )
        for field in ApiToken._meta.concrete_fields:  # the admin goes on with ``obj``
            setattr(obj, field.attname, getattr(token, field.attname))
        obj._state.adding = False
        self.message_user(
            request,
            f"The token's key (shown only now; copy it): {key}",
            level=messages.WARNING,
        )

    @admin.action(description="Revoke selected tokens (final)", permissions=["change"])
    def revoke(self, request, queryset):
        for token in queryset.active():
            token.revoke()


def _owner_or_superuser(request, token) -> bool:
    return token is None or request.user.is_superuser or token.user_id == request.user.pk


@admin.register(Tombstone)
class TombstoneAdmin(admin.ModelAdmin):
    list_display = ("model", "object_id", "merged_into", "deleted_at")
    list_filter = ("model",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
