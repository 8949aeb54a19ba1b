"""Who may do what: every endpoint, for every HTTP method, for four callers.

- anonymous (anonymous reading on, the default),
- a read-scoped token (of an editor: the scope is what stops it),
- an analyst's browser session (signed in, not an editor),
- an editor's edit-scoped token.

Reads are open to all four. A write is 401 (with ``WWW-Authenticate``) anonymously, 403
for the read token and the analyst, and does its job for the editor. A method an
endpoint lacks is 405, once the caller may write at all. The schema and the docs are for
whoever may read (here everyone): there a missing method is 405 for everyone.

``ENDPOINTS`` lists every route of ``api.urls`` (a test holds it to the URLconf) with
what the editor gets for each method; a method not listed is 405.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from api import urls
from ingest.models import Feed
from kb.services.merges import leader_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    OfficeFactory,
    editor,
)

pytestmark = pytest.mark.django_db

ROLES = ("client", "read_token_client", "analyst_client", "editor_client")
METHODS = ("get", "head", "options", "post", "put", "patch", "delete")
SAFE = ("get", "head", "options")
REFUSED = {"client": 401, "read_token_client": 403, "analyst_client": 403}
TEXT = "date 2024-05-02\nPresident Dubois received Chancellor Becker in Paris on Thursday."
#: Routes that are not endpoints: the benchmark's baseline (404 unless enabled) and the
#: JSON 404 for any other path.
NOT_ENDPOINTS = {"bench-meetings-plain", "not-found"}


@pytest.fixture
def world():
    fr = CountryFactory(code="FR", name="France")
    a, b, c = LeaderFactory(country=fr), LeaderFactory(), LeaderFactory()
    article = ArticleFactory(text="Dubois met Becker in Paris. They signed a pact.")
    meeting = MeetingFactory(participants=[a, b])
    duplicate = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    agreement = AgreementFactory(leader_parties=[a, b])
    evidence = EvidenceFactory(article=article, meeting=meeting)
    record = leader_merge(keep=a, merge=c, user=editor("merger"))
    return {
        "fr": fr, "a": a, "b": b, "lonely": LeaderFactory(), "article": article,
        "meeting": meeting, "duplicate": duplicate, "gift": gift, "agreement": agreement,
        "evidence": evidence, "merge": record,
        "office": OfficeFactory(leader=b, country=fr, start=dt.date(2001, 1, 1)),
        # Polling it fails at once (an internal address), without the network.
        "feed": Feed.objects.create(url="http://127.0.0.1:9/feed.rss"),
    }  # fmt: skip


def _span(w):
    return {"article": w["article"].pk, "start": 0, "end": 27}


READ = {"get": 200, "head": 200, "options": 200}
ACTION = {"options": 200}  # a POST-only action: reading it is 405
CONFIRM = {**ACTION, "post": (None, 200)}

# url name: (path, {method: status, or (body or a function of the world, status)})
ENDPOINTS = {
    "api-root": ("/api/", READ),
    "schema": ("/api/schema/", READ),
    "docs": ("/api/docs/", {"get": 200, "head": 200}),
    "country-list": ("/api/countries/", READ),
    "country-detail": ("/api/countries/fr/", READ),
    "leader-list": (
        "/api/leaders/", {**READ, "post": ({"name": "Ana Lima", "country": "FR"}, 201)},
    ),
    "leader-detail": (
        "/api/leaders/{lonely}/",
        {**READ, "patch": ({"title": "Mayor", "country": "FR"}, 200), "delete": (None, 204)},
    ),
    "leader-confirm": ("/api/leaders/{lonely}/confirm/", CONFIRM),
    "leader-reject": ("/api/leaders/{lonely}/reject/", CONFIRM),
    "leader-merge": (
        "/api/leaders/{a}/merge/", {**ACTION, "post": (lambda w: {"merge": w["b"].pk}, 200)},
    ),
    "office-list": (
        "/api/offices/",
        {**READ, "post": (
            lambda w: {"leader": w["a"].pk, "country": "FR", "kind": "foreign_minister",
                       "title": "Foreign Minister", "start": "2010-01-01"}, 201,
        )},
    ),
    "office-detail": ("/api/offices/{office}/", {**READ, "patch": ({"end": "2005-01-01"}, 200)}),
    "office-confirm": ("/api/offices/{office}/confirm/", CONFIRM),
    "office-reject": ("/api/offices/{office}/reject/", CONFIRM),
    "meeting-list": (
        "/api/meetings/",
        {**READ, "post": (lambda w: {**_span(w), "participants": [w["a"].pk]}, 201)},
    ),
    "meeting-detail": (
        "/api/meetings/{meeting}/",
        {**READ, "patch": ({"place": "Oslo"}, 200), "delete": (None, 204)},
    ),
    "meeting-confirm": ("/api/meetings/{meeting}/confirm/", CONFIRM),
    "meeting-reject": ("/api/meetings/{meeting}/reject/", CONFIRM),
    "meeting-merge": (
        "/api/meetings/{meeting}/merge/",
        {**ACTION, "post": (lambda w: {"merge": w["duplicate"].pk}, 200)},
    ),
    "gift-list": (
        "/api/gifts/",
        {**READ, "post": (
            lambda w: {**_span(w), "giver": w["a"].pk, "recipient": w["b"].pk, "item": "vase"}, 201,
        )},
    ),
    "gift-detail": (
        "/api/gifts/{gift}/", {**READ, "patch": ({"item": "jug"}, 200), "delete": (None, 204)},
    ),
    "gift-confirm": ("/api/gifts/{gift}/confirm/", CONFIRM),
    "gift-reject": ("/api/gifts/{gift}/reject/", CONFIRM),
    "agreement-list": (
        "/api/agreements/",
        {**READ, "post": (
            lambda w: {**_span(w), "kind": "mou", "status": "signed", "country_parties": ["FR"]},
            201,
        )},
    ),
    "agreement-detail": (
        "/api/agreements/{agreement}/",
        {**READ, "patch": ({"status": "agreed"}, 200), "delete": (None, 204)},
    ),
    "agreement-confirm": ("/api/agreements/{agreement}/confirm/", CONFIRM),
    "agreement-reject": ("/api/agreements/{agreement}/reject/", CONFIRM),
    "article-list": ("/api/articles/", {**READ, "post": ({"text": TEXT}, 202)}),
    "article-detail": ("/api/articles/{article}/", {**READ, "delete": (None, 204)}),
    "article-retry": ("/api/articles/{article}/retry/", {**ACTION, "post": (None, 202)}),
    "evidence-list": ("/api/evidence/", READ),
    "evidence-detail": ("/api/evidence/{evidence}/", READ),
    "merge-list": ("/api/merges/", READ),
    "merge-detail": ("/api/merges/{merge}/", READ),
    "merge-undo": ("/api/merges/{merge}/undo/", CONFIRM),
    "deleted-list": ("/api/changes/deleted/", READ),
    "feed-list": ("/api/feeds/", {**READ, "post": ({"url": "https://n.example.org/a.rss"}, 201)}),
    "feed-detail": (
        "/api/feeds/{feed}/", {**READ, "patch": ({"active": False}, 200), "delete": (None, 204)},
    ),
    "feed-poll": ("/api/feeds/{feed}/poll/", CONFIRM),
}  # fmt: skip
#: Ingest's settings, not knowledge: only editors may even read them (the read-scoped
#: token here is an editor's, so it reads them and may not write).
EDITORS_ONLY = {"feed-list", "feed-detail", "feed-poll"}
PUBLIC = {"schema", "docs"}
EXPORTS = ["/api/meetings/?format=csv", "/api/gifts/?format=jsonl", "/api/leaders/?format=csv"]


def _url(template: str, world) -> str:
    return template.format(**{key: getattr(obj, "pk", obj) for key, obj in world.items()})


def test_the_matrix_covers_every_route_of_the_api():
    names = {pattern.name for pattern in urls.router.urls}
    names |= {pattern.name for pattern in urls.urlpatterns if getattr(pattern, "name", None)}
    assert names - NOT_ENDPOINTS == set(ENDPOINTS)


def _expected(name: str, method: str, role: str) -> tuple[object, int]:
    """(body, status) for this caller."""
    if name in EDITORS_ONLY and role in ("client", "analyst_client"):
        return None, REFUSED[role]
    given = ENDPOINTS[name][1].get(method, 405)
    body, status = given if isinstance(given, tuple) else (None, given)
    if method not in SAFE and name not in PUBLIC and role in REFUSED:
        return body, REFUSED[role]
    return body, status


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ENDPOINTS.keys())
def test_every_method_of_every_endpoint(request, world, name, role):
    """Each method on a fresh copy of the world: a write's effects are rolled back."""
    api = request.getfixturevalue(role)
    url = _url(ENDPOINTS[name][0], world)
    for method in METHODS:
        body, expected = _expected(name, method, role)
        body = body(world) if callable(body) else body
        with transaction.atomic():
            response = getattr(api, method)(url, body, format="json")
            transaction.set_rollback(True)

        assert response.status_code == expected, (method, url, response.content[:300])
        if expected >= 400 and method != "head":
            assert set(response.json()) >= {"detail", "code"}, (method, url)
        if expected == 401:
            assert response["WWW-Authenticate"] == 'Token realm="api"'


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_export(request, world, role):
    api = request.getfixturevalue(role)
    for url in EXPORTS:
        for method in ("get", "head"):
            assert getattr(api, method)(url).status_code == 200, (method, url)
