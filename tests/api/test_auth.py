"""Tokens (hashed, scoped, revocable), sessions, anonymous access and rate limits."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from api.models import ApiToken, TokenScope, hash_key
from tests.api.conftest import token_client
from tests.factories import MeetingFactory, UserFactory, editor

pytestmark = pytest.mark.django_db


def create_token(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    assert "shown once" in err.getvalue()
    return out.getvalue().strip()


def with_key(key: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_create_api_token_prints_the_key_once_and_stores_only_its_hash():
    editor("alice")
    key = create_token("alice", "--scope", "edit", "--name", "newsroom sync")

    token = ApiToken.objects.get()
    assert key.startswith("smt_") and len(key) > 40
    assert (token.scope, token.name, token.user.username) == ("edit", "newsroom sync", "alice")
    assert token.key_hash == hash_key(key) and key not in (token.key_hash, token.prefix)
    assert key.startswith(token.prefix)
    meeting = MeetingFactory()
    response = with_key(key).post(f"/api/meetings/{meeting.pk}/confirm/")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_edit_token_needs_an_editor_and_unknown_users_are_refused():
    UserFactory(username="bob")
    with pytest.raises(CommandError, match="not an editor"):
        create_token("bob", "--scope", "edit")
    with pytest.raises(CommandError, match="No user"):
        create_token("nobody")
    assert create_token("bob")  # read scope is the default
    assert ApiToken.objects.get().scope == TokenScope.READ


def test_revoked_tokens_are_401():
    editor("alice")
    key = create_token("alice", "--scope", "edit")
    assert with_key(key).get("/api/meetings/").status_code == 200

    call_command("revoke_api_token", key[:12], stdout=io.StringIO())

    response = with_key(key).get("/api/meetings/")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Invalid or revoked token.",
        "code": "authentication_failed",
    }
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    with pytest.raises(CommandError, match="No active token"):
        call_command("revoke_api_token", key, stdout=io.StringIO())


def test_revoke_all_of_a_users_tokens():
    user = editor("alice")
    keys = [create_token("alice") for _ in range(2)]
    out = io.StringIO()
    call_command("revoke_api_token", "--user", "alice", stdout=out)
    assert "Revoked 2 tokens" in out.getvalue()
    assert not ApiToken.objects.active().filter(user=user).exists()
    assert all(with_key(key).get("/api/meetings/").status_code == 401 for key in keys)


@pytest.mark.parametrize(
    "header", ["Token", "Token a b", "Token nonsense", "Bearer nonsense", "Token \u00e9t\u00e9"]
)
def test_malformed_or_unknown_keys_are_401(header):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=header.encode().decode("latin-1"))
    response = api.get("/api/meetings/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_bearer_keyword_works_too():
    user = editor("alice")
    _, key = ApiToken.issue(user=user, scope=TokenScope.READ)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/leaders/").status_code == 200


def test_a_token_of_an_inactive_user_is_401():
    api = token_client(editor("gone"), TokenScope.EDIT)
    api.user.is_active = False
    api.user.save()
    assert api.get("/api/meetings/").status_code == 401


def test_a_read_token_cannot_write_even_for_an_editor(read_token_client):
    meeting = MeetingFactory()
    response = read_token_client.post(f"/api/meetings/{meeting.pk}/confirm/")
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_an_edit_token_stops_writing_when_its_user_leaves_the_editors():
    api = token_client(editor("alice"), TokenScope.EDIT)
    meeting = MeetingFactory()
    api.user.groups.clear()
    assert api.post(f"/api/meetings/{meeting.pk}/confirm/").status_code == 403


def test_old_style_drf_tokens_are_hashed_at_once_and_keep_working():
    user = editor("legacy")
    key = Token.objects.create(user=user).key

    assert not Token.objects.exists()
    token = ApiToken.objects.get()
    assert (token.key_hash, token.scope) == (hash_key(key), TokenScope.EDIT)
    meeting = MeetingFactory()
    assert with_key(key).post(f"/api/meetings/{meeting.pk}/confirm/").status_code == 200


def test_anonymous_writes_are_401_with_www_authenticate(client):
    response = client.post("/api/articles/", {"text": "x"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    assert response.json() == {
        "detail": "Authentication credentials were not provided.",
        "code": "not_authenticated",
    }


@override_settings(SUMMITRY_ANONYMOUS_READ=False)
def test_anonymous_reading_off_is_401_for_the_schema_and_docs_too(client, analyst_client):
    for url in ("/api/meetings/", "/api/schema/", "/api/schema/?format=json", "/api/docs/"):
        response = client.get(url)
        assert response.status_code == 401, url
        assert response.json()["code"] == "not_authenticated", url
        assert response["WWW-Authenticate"] == 'Token realm="api"', url
        assert analyst_client.get(url).status_code == 200, url


def test_with_anonymous_reading_on_the_schema_and_docs_are_open(client):
    for url in ("/api/schema/", "/api/docs/"):
        assert client.get(url).status_code == 200, url
        assert client.post(url).status_code == 405, url


def test_sessions_need_the_csrf_token_to_write():
    user = editor("browser")
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(user)
    meeting = MeetingFactory()
    response = api.post(f"/api/meetings/{meeting.pk}/confirm/")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert api.get("/api/meetings/").status_code == 200


def test_admins_make_tokens_in_the_admin_and_see_the_key_once(client):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    owner = editor("svc")
    client.force_login(admin)
    response = client.post(
        "/admin/api/apitoken/add/",
        {"user": owner.pk, "name": "sync", "scope": "edit"},
        follow=True,
    )
    assert response.status_code == 200
    token = ApiToken.objects.get()
    shown = [str(m) for m in response.context["messages"]]
    key = next(m.split(": ")[-1] for m in shown if "shown only now" in m)
    assert token.key_hash == hash_key(key)
    assert with_key(key).get("/api/leaders/").status_code == 200


# ---- rate limits ---------------------------------------------------------------------------


def test_anonymous_clients_are_limited_per_address(client, settings):
    settings.API_THROTTLE_RATES = {"anon": "3/minute", "user": None}
    statuses = [client.get("/api/countries/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/countries/")
    assert response.json()["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) <= 60
    other = APIClient(REMOTE_ADDR="10.1.2.3")
    assert other.get("/api/countries/").status_code == 200


def test_each_token_has_its_own_budget(settings):
    settings.API_THROTTLE_RATES = {"anon": None, "user": "2/hour"}
    user = editor("alice")
    first, second = token_client(user, "read"), token_client(user, "read")
    assert [first.get("/api/leaders/").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/leaders/").status_code == 200
    assert int(first.get("/api/leaders/")["Retry-After"]) > 60
