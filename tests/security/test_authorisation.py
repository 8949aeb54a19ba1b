"""Who may write through the pages, with CSRF enforced (login throttling has its own
file, test_login_throttle.py).

Every page that changes something is tried by an anonymous visitor (sent to log in), an
analyst (a logged-in non-editor: 403), an editor and an admin (both allowed). All
clients enforce CSRF: a write without the token is refused with 403 even for an editor.
(The API's matrix belongs to tests/api.)
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from kb.models import Meeting
from kb.services.merges import meeting_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    UserFactory,
    editor,
)

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@dataclass
class Write:
    name: str
    url: str
    data: dict


@pytest.fixture(autouse=True)
def no_queue(no_queue):
    return no_queue


def writes() -> list[Write]:
    """Fresh records and every page write against them."""
    a, b = LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[a, b])
    other = MeetingFactory(participants=[a, b])
    undo_me = meeting_merge(
        keep=MeetingFactory(participants=[a]), merge=MeetingFactory(participants=[a]), user=None
    )
    gift = GiftFactory(giver=a, recipient=b)
    agreement = AgreementFactory(leader_parties=[a, b])
    article = ArticleFactory()
    EvidenceFactory(article=article, meeting=meeting)
    history = meeting.history.latest().history_id
    gift_history = gift.history.latest().history_id
    agreement_history = agreement.history.latest().history_id
    sentence = article.text
    return [
        Write("upload", "/upload/", {"text": f"Two envoys met in Lima. {a.pk}-{meeting.pk}"}),
        Write("meeting edit", f"/meetings/{meeting.pk}/edit/", {"place": "Lima"}),
        Write("meeting confirm", f"/meetings/{meeting.pk}/confirm/", {}),
        Write("meeting reject", f"/meetings/{other.pk}/reject/", {}),
        Write("meeting revert", f"/meetings/{meeting.pk}/revert/{history}/", {}),
        Write("gift edit", f"/gifts/{gift.pk}/edit/", {"item": "a vase"}),
        Write("gift confirm", f"/gifts/{gift.pk}/confirm/", {}),
        Write("gift reject", f"/gifts/{gift.pk}/reject/", {}),
        Write("gift revert", f"/gifts/{gift.pk}/revert/{gift_history}/", {}),
        Write("gift swap", f"/gifts/{gift.pk}/swap/", {}),
        Write("agreement edit", f"/agreements/{agreement.pk}/edit/", {"summary": "x"}),
        Write("agreement confirm", f"/agreements/{agreement.pk}/confirm/", {}),
        Write("agreement reject", f"/agreements/{agreement.pk}/reject/", {}),
        Write("agreement revert", f"/agreements/{agreement.pk}/revert/{agreement_history}/", {}),
        Write(
            "meeting merge", f"/meetings/{meeting.pk}/merge/", {"merge": other.pk, "confirm": "1"}
        ),
        Write("leader merge", f"/leaders/{a.pk}/merge/", {"merge": b.pk, "confirm": "1"}),
        Write("merge undo", f"/merges/{undo_me.pk}/undo/", {}),
        Write("re-extract", f"/articles/{article.pk}/reextract/", {}),
        Write(
            "add fact",
            f"/articles/{article.pk}/add/meeting/",
            {"sentence_start": 0, "sentence_end": len(sentence), "participants": [a.pk, b.pk]},
        ),
    ]


def snapshot() -> dict:
    """Everything the writes could change."""
    from kb.models import Agreement, Article, Gift, Leader, MergeRecord

    return {
        model.__name__: sorted(model.objects.values_list(*fields))
        for model, fields in (
            (Meeting, ("pk", "review_state", "place", "merged_into")),
            (Gift, ("pk", "review_state", "item", "giver", "recipient")),
            (Agreement, ("pk", "review_state", "summary")),
            (Leader, ("pk", "merged_into")),
            (Article, ("pk", "status")),
            (MergeRecord, ("pk", "undone_at")),
        )
    }


def client_for(role: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    if role == "analyst":
        client.force_login(UserFactory(username="analyst"))
    elif role == "editor":
        client.force_login(editor("the-editor"))
    elif role == "admin":
        client.force_login(
            get_user_model().objects.create_superuser("the-admin", "a@example.org", PASSWORD)
        )
    client.get("/accounts/login/")  # sets the CSRF cookie, as any page with a form does
    return client


def post(client: Client, write: Write, *, token: bool = True):
    data = dict(write.data)
    if token:
        data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    return client.post(write.url, data)


@pytest.mark.parametrize("role", ["anonymous", "analyst", "editor", "admin"])
def test_every_page_write_by_role(role):
    client = client_for(role)
    answers = {}
    items = writes()
    before = snapshot()
    for write in items:
        response = post(client, write)
        location = response.get("Location", "")
        answers[write.name] = response.status_code
        if role == "anonymous":
            assert response.status_code == 302, write.name
            assert location.startswith("/accounts/login/?next="), write.name
        elif role == "analyst":
            assert response.status_code == 403, write.name
        else:
            assert response.status_code in (200, 302, 400), (write.name, response.status_code)
            assert not location.startswith("/accounts/login/"), write.name
    if role in ("editor", "admin"):
        # The writes took effect.
        after = snapshot()
        assert all(after[kind] != before[kind] for kind in before), (before, after)
    else:
        assert snapshot() == before
    print(role, answers)


def test_a_write_without_the_csrf_token_is_refused_even_for_an_editor():
    client = client_for("editor")
    items = writes()
    before = snapshot()
    for write in items:
        response = post(client, write, token=False)
        assert response.status_code == 403, write.name
        assert b"CSRF" in response.content, write.name
    assert snapshot() == before


def test_logging_out_needs_the_csrf_token():
    client = client_for("editor")
    assert client.post("/accounts/logout/").status_code == 403
    token = client.cookies["csrftoken"].value
    assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
