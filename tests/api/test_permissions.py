"""Who may do what: every endpoint and method, for four callers.

- anonymous (anonymous reading on, the default),
- a read-scoped token (of an editor: the scope is what stops it),
- an analyst's browser session (signed in, not an editor),
- an editor's edit-scoped token.

Reads are open to all four. A write is 401 (with ``WWW-Authenticate``) anonymously, 403
for the read token and the analyst, and does its job for the editor. A method an
endpoint lacks is 405, once the caller may write at all.
"""

from __future__ import annotations

import pytest

from kb import curation
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

pytestmark = pytest.mark.django_db

ROLES = ("client", "read_token_client", "analyst_client", "editor_client")
TEXT = "date 2024-05-02\nPresident Macron received Chancellor Scholz in Paris on Thursday."


@pytest.fixture
def world():
    fr = CountryFactory(code="FR", name="France")
    a, b, c = LeaderFactory(country=fr), LeaderFactory(), LeaderFactory()
    article = ArticleFactory(text="Macron met Scholz in Paris. They signed a pact.")
    meeting = MeetingFactory(participants=[a, b])
    duplicate = MeetingFactory(participants=[a, b])
    gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
    agreement = AgreementFactory(leader_parties=[a, b])
    evidence = EvidenceFactory(article=article, meeting=meeting)
    record = curation.leader_merge(keep=a, merge=c, user=editor("merger"))
    return {
        "fr": fr, "a": a, "b": b, "article": article, "meeting": meeting,
        "duplicate": duplicate, "gift": gift, "agreement": agreement, "evidence": evidence,
        "merge": record,
    }  # fmt: skip


READS = [
    "/api/countries/", "/api/countries/fr/", "/api/leaders/", "/api/leaders/{a}/",
    "/api/meetings/", "/api/meetings/{meeting}/", "/api/gifts/", "/api/gifts/{gift}/",
    "/api/agreements/", "/api/agreements/{agreement}/", "/api/articles/",
    "/api/articles/{article}/", "/api/evidence/", "/api/evidence/{evidence}/", "/api/merges/",
    "/api/merges/{merge}/", "/api/changes/deleted/", "/api/schema/", "/api/docs/",
    "/api/meetings/?format=csv", "/api/gifts/?format=jsonl",
]  # fmt: skip


def _url(template: str, world) -> str:
    return template.format(**{key: getattr(obj, "pk", obj) for key, obj in world.items()})


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_read_everything(request, world, role):
    api = request.getfixturevalue(role)
    for template in READS:
        plain = "docs" not in template and "format" not in template
        for method in ("get", "head", "options") if plain else ("get", "head"):
            response = getattr(api, method)(_url(template, world))
            assert response.status_code == 200, (method, template)


def _span(world):
    return {"article": world["article"].pk, "start": 0, "end": 27}


# (method, url, body or a function of the world, status for the editor)
WRITES = {
    "create meeting": (
        "post", "/api/meetings/", lambda w: {**_span(w), "participants": [w["a"].pk]}, 201,
    ),
    "create gift": (
        "post", "/api/gifts/",
        lambda w: {**_span(w), "giver": w["a"].pk, "recipient": w["b"].pk, "item": "vase"}, 201,
    ),
    "create agreement": (
        "post", "/api/agreements/",
        lambda w: {**_span(w), "kind": "mou", "status": "signed", "country_parties": ["FR"]}, 201,
    ),
    "correct meeting": ("patch", "/api/meetings/{meeting}/", {"place": "Oslo"}, 200),
    "correct gift": ("patch", "/api/gifts/{gift}/", {"item": "jug"}, 200),
    "correct agreement": ("patch", "/api/agreements/{agreement}/", {"status": "agreed"}, 200),
    "delete meeting": ("delete", "/api/meetings/{meeting}/", None, 204),
    "delete gift": ("delete", "/api/gifts/{gift}/", None, 204),
    "delete agreement": ("delete", "/api/agreements/{agreement}/", None, 204),
    "confirm meeting": ("post", "/api/meetings/{meeting}/confirm/", None, 200),
    "reject gift": ("post", "/api/gifts/{gift}/reject/", None, 200),
    "confirm agreement": ("post", "/api/agreements/{agreement}/confirm/", None, 200),
    "merge leaders": ("post", "/api/leaders/{a}/merge/", lambda w: {"merge": w["b"].pk}, 200),
    "merge meetings": (
        "post", "/api/meetings/{meeting}/merge/", lambda w: {"merge": w["duplicate"].pk}, 200,
    ),
    "undo merge": ("post", "/api/merges/{merge}/undo/", None, 200),
    "upload article": ("post", "/api/articles/", {"text": TEXT}, 202),
    "upload batch": ("post", "/api/articles/", {"items": [{"text": TEXT}]}, 202),
    "retry article": ("post", "/api/articles/{article}/retry/", None, 202),
    "put meeting": ("put", "/api/meetings/{meeting}/", {"place": "Oslo"}, 405),
    "delete leader": ("delete", "/api/leaders/{a}/", None, 405),
    "patch country": ("patch", "/api/countries/fr/", {"name": "X"}, 405),
    "delete article": ("delete", "/api/articles/{article}/", None, 405),
    "patch evidence": ("patch", "/api/evidence/{evidence}/", {"start": 1}, 405),
    "post to a list without create": ("post", "/api/leaders/", {}, 405),
    "delete the feed": ("delete", "/api/changes/deleted/", None, 405),
}  # fmt: skip
EXPECTED = {"client": 401, "read_token_client": 403, "analyst_client": 403}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", WRITES.keys())
def test_writes(request, world, role, case):
    method, template, body, editor_status = WRITES[case]
    api = request.getfixturevalue(role)
    body = body(world) if callable(body) else body
    response = getattr(api, method)(_url(template, world), body, format="json")

    expected = EXPECTED.get(role, editor_status)
    assert response.status_code == expected, response.content
    if expected >= 400:
        assert set(response.json()) >= {"detail", "code"}
    if expected == 401:
        assert response["WWW-Authenticate"] == 'Token realm="api"'
