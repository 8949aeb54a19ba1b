"""Who may make a token, revocation that stays final, and expiry (issue 12, point 5)."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from rest_framework.test import APIClient

from api.models import ApiToken, TokenScope, hash_key
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


# ---- who makes tokens -----------------------------------------------------------------------


def test_staff_cannot_make_a_token_for_another_user_in_the_admin(client):
    root = superuser()
    staff = staff_with_token_rights()
    client.force_login(staff)

    response = client.post(ADD_URL, {"user": root.pk, "name": "mine", "scope": "edit"}, follow=True)

    assert response.status_code == 200
    assert not ApiToken.objects.filter(user=root).exists()
    token = ApiToken.objects.get()
    assert (token.user, token.created_by, token.created_via) == (staff, staff, "admin")
    [key] = keys_shown(response)
    assert token.key_hash == hash_key(key)


def test_the_add_form_offers_staff_no_choice_of_owner(client):
    client.force_login(staff_with_token_rights())
    form = client.get(ADD_URL).context["adminform"].form
    assert "user" not in form.fields


def test_staff_cannot_change_another_users_token(client):
    root = superuser()
    token, _ = ApiToken.issue(user=root, scope=TokenScope.EDIT, name="root's")
    client.force_login(staff_with_token_rights())

    client.post(f"/admin/api/apitoken/{token.pk}/change/", {"name": "renamed"})

    token.refresh_from_db()
    assert token.name == "root's"


def test_staff_cannot_delete_another_users_token(client):
    token, key = ApiToken.issue(user=superuser(), scope=TokenScope.READ)
    client.force_login(staff_with_token_rights())

    client.post(f"/admin/api/apitoken/{token.pk}/delete/", {"post": "yes"})
    client.post(
        "/admin/api/apitoken/",
        {"action": "delete_selected", "_selected_action": [token.pk], "post": "yes"},
    )

    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_a_superuser_may_make_a_token_for_another_user_and_is_recorded_as_its_maker(client):
    root = superuser()
    owner = editor("svc")
    client.force_login(root)

    response = client.post(
        ADD_URL, {"user": owner.pk, "name": "sync", "scope": "edit"}, follow=True
    )

    token = ApiToken.objects.get()
    assert (token.user, token.created_by, token.created_via) == (owner, root, "admin")
    change_page = client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    maker = change_page[change_page.index("field-created_by") :]
    assert re.search(r'class="readonly"><a [^>]*>root</a>', maker[: maker.index("</div>", 300)])
    [key] = keys_shown(response)
    assert with_key(key).get("/api/leaders/").status_code == 200


def test_an_admin_form_error_is_a_form_error_not_a_500(client):
    root = superuser()
    gone = editor("gone")
    gone.is_active = False
    gone.save()
    client.force_login(root)

    response = client.post(ADD_URL, {"user": gone.pk, "scope": "read"})

    assert response.status_code == 200
    assert "inactive" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_command_records_that_it_made_the_token():
    editor("alice")
    call_command("create_api_token", "alice", stdout=io.StringIO(), stderr=io.StringIO())
    token = ApiToken.objects.get()
    assert (token.created_by, token.created_via) == (None, "command")


def test_revoking_in_the_admin_needs_the_right_to_change_tokens(client):
    token, key = ApiToken.issue(user=superuser(), scope=TokenScope.READ)
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_apitoken"))
    client.force_login(viewer)
    revoke = {"action": "revoke", "_selected_action": [token.pk]}

    client.post("/admin/api/apitoken/", revoke)
    assert with_key(key).get("/api/leaders/").status_code == 200

    client.force_login(staff_with_token_rights())  # the safe direction: any token
    client.post("/admin/api/apitoken/", revoke)
    assert with_key(key).get("/api/leaders/").status_code == 401


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


# ---- expiry -----------------------------------------------------------------------------------


def test_a_new_token_expires_after_the_configured_lifetime(settings):
    settings.API_TOKEN_LIFETIME_DAYS = 7
    before = timezone.now()
    token, _ = ApiToken.issue(user=editor("alice"), scope=TokenScope.READ)
    assert before + timedelta(days=7) <= token.expires_at <= timezone.now() + timedelta(days=7)


def test_an_expired_token_is_401_with_a_clear_reason():
    token, key = ApiToken.issue(user=editor("alice"), scope=TokenScope.READ)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    response = with_key(key).get("/api/leaders/")

    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "token_expired"
    assert body["detail"].startswith("This token expired on ")
    assert "new token" in body["detail"]
    assert response["WWW-Authenticate"] == 'Token realm="api"'


def test_a_token_works_until_it_expires():
    token, key = ApiToken.issue(user=editor("alice"), scope=TokenScope.READ)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() + timedelta(minutes=1))
    assert with_key(key).get("/api/leaders/").status_code == 200


def test_the_command_takes_a_shorter_lifetime_but_not_a_longer_one(settings):
    settings.API_TOKEN_LIFETIME_DAYS = 30
    editor("alice")
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "alice", "--days", "3", stdout=out, stderr=err)
    token = ApiToken.objects.get()
    assert timedelta(days=2, hours=23) < token.expires_at - timezone.now() <= timedelta(days=3)
    assert "expires" in err.getvalue()
    with pytest.raises(CommandError, match="at most 30"):
        call_command("create_api_token", "alice", "--days", "31", stdout=out, stderr=err)
    with pytest.raises(CommandError, match="at least 1"):
        call_command("create_api_token", "alice", "--days", "0", stdout=out, stderr=err)


def test_the_admin_takes_a_lifetime_up_to_the_setting(client, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 30
    staff = staff_with_token_rights()
    client.force_login(staff)

    refused = client.post(ADD_URL, {"scope": "read", "lifetime_days": 31})
    assert refused.status_code == 200 and not ApiToken.objects.exists()

    client.post(ADD_URL, {"scope": "read", "lifetime_days": 2})
    token = ApiToken.objects.get()
    assert timedelta(days=1, hours=23) < token.expires_at - timezone.now() <= timedelta(days=2)


def test_the_admin_cannot_extend_a_token(client):
    root = superuser()
    token, _ = ApiToken.issue(user=root, scope=TokenScope.READ)
    expiry = token.expires_at
    client.force_login(root)

    client.post(
        f"/admin/api/apitoken/{token.pk}/change/",
        {"name": "x", "expires_at_0": "2999-01-01", "expires_at_1": "00:00:00"},
    )

    token.refresh_from_db()
    assert token.expires_at == expiry


def test_converted_drf_tokens_expire_too(settings):
    from rest_framework.authtoken.models import Token

    settings.API_TOKEN_LIFETIME_DAYS = 5
    Token.objects.create(user=editor("legacy"))
    token = ApiToken.objects.get()
    assert token.created_via == "converted"
    assert token.expires_at - timezone.now() <= timedelta(days=5)


def settings_with(**environment) -> subprocess.CompletedProcess:
    """Load the settings in a fresh process with these environment variables."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.API_TOKEN_LIFETIME_DAYS)",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "1",
            **environment,
        },
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_token_lifetime_comes_from_the_environment_and_must_be_a_day_or_more():
    assert settings_with(API_TOKEN_LIFETIME_DAYS="").stdout.strip() == "90"
    assert settings_with(API_TOKEN_LIFETIME_DAYS="7").stdout.strip() == "7"
    for wrong in ("0", "-3", "ninety"):
        refused = settings_with(API_TOKEN_LIFETIME_DAYS=wrong)
        assert refused.returncode != 0
        assert "API_TOKEN_LIFETIME_DAYS must be" in refused.stderr
