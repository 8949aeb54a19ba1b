"""Revocation that stays final (issue 12, point 5)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from api.models import ApiToken, TokenScope
from tests.factories import UserFactory, editor

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/api/apitoken/add/"


def with_key(key: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def staff_with_token_rights(username: str = "staff"):
    """A staff member (not a superuser) given every permission on API tokens."""
    user = UserFactory(username=username, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="api"))
    return user


def superuser(username: str = "root"):
    return UserFactory(username=username, is_staff=True, is_superuser=True)


def keys_shown(response) -> list[str]:
    return [str(m).split(": ")[-1] for m in response.context["messages"] if "shown only" in str(m)]


def revoked_token(user) -> tuple[ApiToken, str]:
    token, key = ApiToken.issue(user=user, scope=TokenScope.READ)
    token.revoke()
    return token, key


# ---- revocation is final ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["superuser", "staff"])
def test_clearing_revoked_at_in_the_admin_does_not_revive_the_key(client, who):
    user = superuser() if who == "superuser" else staff_with_token_rights()
    token, key = revoked_token(user)
    client.force_login(user)

    client.post(
        f"/admin/api/apitoken/{token.pk}/change/",
        {"name": "back", "revoked_at_0": "", "revoked_at_1": ""},
    )

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert with_key(key).get("/api/leaders/").status_code == 401


def test_saving_a_revoked_token_without_its_revocation_is_refused():
    token, key = revoked_token(editor("alice"))
    token.revoked_at = None
    with pytest.raises(ValidationError, match="final"):
        token.save()
    assert with_key(key).get("/api/leaders/").status_code == 401


def test_a_revoked_key_stays_dead_even_if_the_row_is_updated_directly():
    token, key = revoked_token(editor("alice"))
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=None)
    assert with_key(key).get("/api/leaders/").status_code == 401


def test_a_revoked_token_can_still_be_renamed():
    token, _ = revoked_token(editor("alice"))
    token.name = "old sync"
    token.save()
    token.refresh_from_db()
    assert token.name == "old sync" and token.revoked_at is not None
