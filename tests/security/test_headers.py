"""Security headers on every response, a strict CSP, no inline script, and the
production settings: secure cookies, HSTS, and a clean `check --deploy`."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import ArticleFactory, MeetingFactory, editor
from tests.security.production import ROOT, production_json

pytestmark = pytest.mark.django_db


def assert_security_headers(response, url: str) -> None:
    csp = response.get("Content-Security-Policy", "")
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
    )
    assert directives.get("default-src") == ["'self'"], (url, csp)
    assert directives.get("script-src") == ["'self'"], (url, csp)
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, (url, csp)
    assert directives.get("object-src") == ["'none'"], (url, csp)
    assert directives.get("frame-ancestors") == ["'none'"], (url, csp)
    assert response.get("X-Content-Type-Options") == "nosniff", url
    assert response.get("Referrer-Policy") == "same-origin", url
    assert response.get("X-Frame-Options") == "DENY", url
    assert response.get("Cross-Origin-Opener-Policy") == "same-origin", url


def test_every_kind_of_response_carries_the_security_headers():
    meeting = MeetingFactory()
    article = ArticleFactory()
    client = Client()
    urls = [
        "/",
        "/meetings/",
        f"/meetings/{meeting.pk}/",
        "/network/",
        "/timeline/",
        "/leaders/",
        "/countries/",
        "/gifts/",
        "/agreements/",
        "/articles/",
        f"/articles/{article.pk}/",
        f"/articles/{article.pk}/status/",
        "/meetings/export.csv",
        "/accounts/login/",
        "/no-such-page/",
        "/upload/",
        "/review/",
        "/api/",
        "/api/meetings/",
        "/api/schema/",
        "/api/meetings/999999/",
    ]
    for url in urls:
        assert_security_headers(client.get(url), url)
    client.force_login(editor())
    for url in ("/upload/", "/review/", f"/meetings/{meeting.pk}/edit/"):
        assert_security_headers(client.get(url), url)
    assert_security_headers(client.post("/upload/", {}), "POST /upload/")


def test_templates_hold_no_inline_script_style_or_event_handler():
    """The CSP forbids them, so the app must not need them."""
    problems = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S | re.I):
            if "src=" not in match.group(1) or match.group(2).strip():
                problems.append(f"{path.name}: inline <script>")
        if re.search(r"<style\b", html, re.I):
            problems.append(f"{path.name}: <style> element")
        if re.search(r"\sstyle\s*=", html, re.I):
            problems.append(f"{path.name}: style attribute")
        if re.search(r"\son[a-z]+\s*=", html, re.I):
            problems.append(f"{path.name}: on* event handler attribute")
        if re.search(r"javascript:", html, re.I):
            problems.append(f"{path.name}: javascript: URL")
    assert problems == []


def test_production_settings_make_cookies_secure_and_send_hsts():
    script = """
import json, django
django.setup()
from django.conf import settings as s
from django.test import Client
from django.test.utils import override_settings
# Static files are not collected here: plain storage instead of the manifest.
storages = {**s.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
override_settings(STORAGES=storages).enable()
c = Client(HTTP_HOST="summitry.example.org")
r = c.get("/accounts/login/", secure=True, headers={"X-Forwarded-Proto": "https"})
plain = c.get("/meetings/", headers={"X-Forwarded-Proto": "http"})
cookie = r.cookies.get("csrftoken")
print(json.dumps({
    "session_secure": s.SESSION_COOKIE_SECURE, "csrf_secure": s.CSRF_COOKIE_SECURE,
    "session_httponly": s.SESSION_COOKIE_HTTPONLY, "session_samesite": s.SESSION_COOKIE_SAMESITE,
    "csrf_samesite": s.CSRF_COOKIE_SAMESITE, "hsts": r.get("Strict-Transport-Security"),
    "cookie_secure": bool(cookie and cookie["secure"]),
    "cookie_samesite": cookie["samesite"] if cookie else None,
    "redirect": [plain.status_code, plain.get("Location")],
    "headers": {h: r.get(h) for h in ("X-Content-Type-Options", "Referrer-Policy",
        "X-Frame-Options", "Cross-Origin-Opener-Policy", "Content-Security-Policy")},
}))
"""
    found = production_json(script)
    assert found["session_secure"] and found["csrf_secure"] and found["session_httponly"]
    assert found["session_samesite"] == found["csrf_samesite"] == "Lax"
    assert found["cookie_secure"] and found["cookie_samesite"] == "Lax"
    assert found["hsts"].startswith("max-age=31536000") and "includeSubDomains" in found["hsts"]
    assert found["redirect"] == [301, "https://summitry.example.org/meetings/"]
    headers = found["headers"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "default-src 'self'" in headers["Content-Security-Policy"]


def test_deploy_check_is_clean_under_production_settings():
    script = """
import io, json, django
django.setup()
from django.core.management import call_command
out = io.StringIO()
try:
    call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=out)
    ok = True
except Exception as exc:
    ok, out = False, io.StringIO(str(exc))
print(json.dumps({"ok": ok, "out": out.getvalue()}))
"""
    found = production_json(script)
    assert found["ok"], found["out"]
