"""Editors' pages: permissions on every write, forms, confirm, reject, swap, merge and undo
from the pages, facts added by hand, and re-extraction.  The history on fact pages is
tested in test_pages_history.py, the review queue in test_pages_review.py; the `facts`
fixture is in conftest.py."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kb.models import Gift, Leader, Meeting, MergeRecord, ReviewState
from tests.factories import AgreementFactory, CountryFactory, GiftFactory, LeaderFactory

pytestmark = pytest.mark.django_db


def _write_requests(f):
    """(url, POST data) for every write view."""
    m, g, ag, art = f["meeting"], f["gift"], f["agreement"], f["article"]
    hid = m.history.last().history_id
    return [
        (reverse("meeting-edit", args=[m.pk]), {"kind": "summit"}),
        (reverse("gift-edit", args=[g.pk]), {"item": "x"}),
        (reverse("agreement-edit", args=[ag.pk]), {"kind": "deal"}),
        (reverse("meeting-confirm", args=[m.pk]), {}),
        (reverse("meeting-reject", args=[m.pk]), {}),
        (reverse("gift-confirm", args=[g.pk]), {}),
        (reverse("gift-reject", args=[g.pk]), {}),
        (reverse("agreement-confirm", args=[ag.pk]), {}),
        (reverse("agreement-reject", args=[ag.pk]), {}),
        (reverse("gift-swap", args=[g.pk]), {}),
        (reverse("meeting-revert", args=[m.pk, hid]), {}),
        (reverse("meeting-merge", args=[m.pk]), {"merge": f["other_meeting"].pk, "confirm": "1"}),
        (reverse("leader-merge", args=[f["a"].pk]), {"merge": f["b"].pk, "confirm": "1"}),
        (reverse("leader-edit", args=[f["b"].pk]), {"name": "Tomas Andreas Berg"}),
        (reverse("leader-confirm", args=[f["b"].pk]), {}),
        (reverse("leader-reject", args=[f["b"].pk]), {}),
        (reverse("merge-undo", args=[f["record"].pk]), {}),
        (reverse("article-reextract", args=[art.pk]), {}),
        (reverse("article-add-fact", args=[art.pk, "gift"]), {"item": "jug"}),
    ]


def _pages(f):
    return [
        reverse("review"),
        reverse("merge-list"),
        reverse("meeting-edit", args=[f["meeting"].pk]),
        reverse("gift-edit", args=[f["gift"].pk]),
        reverse("agreement-edit", args=[f["agreement"].pk]),
        reverse("meeting-merge", args=[f["meeting"].pk]),
        reverse("leader-merge", args=[f["a"].pk]),
        reverse("leader-edit", args=[f["a"].pk]),
        reverse("article-add-fact", args=[f["article"].pk, "meeting"]),
    ]


def _state():
    return (
        sorted(Meeting.objects.values_list("pk", "kind", "review_state", "merged_into")),
        sorted(Gift.objects.values_list("pk", "item", "review_state", "giver")),
        sorted(Leader.objects.values_list("pk", "name", "review_state", "merged_into")),
        MergeRecord.objects.filter(undone_at__isnull=True).count(),
    )


def test_anonymous_is_sent_to_log_in_and_nothing_changes(client, facts, no_queue):
    before = _state()
    for url, data in _write_requests(facts):
        response = client.post(url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    for url in _pages(facts):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"], url
    assert _state() == before
    assert no_queue == []


def test_analysts_get_403_and_nothing_changes(analyst_client, facts, no_queue):
    before = _state()
    for url, data in _write_requests(facts):
        assert analyst_client.post(url, data).status_code == 403, url
    for url in _pages(facts):
        assert analyst_client.get(url).status_code == 403, url
    assert _state() == before
    assert no_queue == []


def test_editors_may_open_every_page(editor_client, facts):
    for url in _pages(facts):
        assert editor_client.get(url).status_code == 200, url


def test_write_views_refuse_get(editor_client, facts):
    for name, args in [
        ("meeting-confirm", [facts["meeting"].pk]),
        ("gift-reject", [facts["gift"].pk]),
        ("gift-swap", [facts["gift"].pk]),
        ("leader-confirm", [facts["b"].pk]),
        ("leader-reject", [facts["b"].pk]),
        ("merge-undo", [facts["record"].pk]),
        ("article-reextract", [facts["article"].pk]),
        ("meeting-revert", [facts["meeting"].pk, 1]),
    ]:
        assert editor_client.get(reverse(name, args=args)).status_code == 405, name


def test_write_views_need_a_csrf_token(facts, editor_user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor_user)
    for name, record in (("meeting-confirm", facts["meeting"]), ("leader-reject", facts["b"])):
        response = strict.post(reverse(name, args=[record.pk]))
        assert response.status_code == 403, name
        record.refresh_from_db()
        assert record.review_state == ReviewState.EXTRACTED, name


def test_editor_corrects_a_meeting_through_the_form(editor_client, editor_user, facts):
    meeting = facts["meeting"]
    host = CountryFactory(code="NO", name="Norway")
    response = editor_client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {
            "kind": "summit",
            "date": "2025-01-07",
            "place": "Oslo",
            "host_country": host.pk,
            "participants": [facts["a"].pk, facts["b"].pk],
            "topics": "fisheries, energy",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.place, meeting.host_country) == ("summit", "Oslo", host)
    assert meeting.topics == ["fisheries", "energy"]
    assert meeting.review_state == ReviewState.CORRECTED
    assert set(meeting.edited_fields) == {"kind", "date", "place", "host_country", "topics"}
    assert meeting.history.first().history_user == editor_user


def test_invalid_form_shows_errors_and_saves_nothing(editor_client, facts):
    gift = facts["gift"]
    response = editor_client.post(
        reverse("gift-edit", args=[gift.pk]),
        {"giver": facts["a"].pk, "recipient": facts["a"].pk, "item": "jug"},
    )
    assert response.status_code == 400
    assert "Giver and recipient must differ" in response.content.decode()
    gift.refresh_from_db()
    assert gift.review_state == ReviewState.EXTRACTED


def test_confirm_and_reject_from_the_page(editor_client, facts):
    agreement = facts["agreement"]
    response = editor_client.post(reverse("agreement-confirm", args=[agreement.pk]))
    assert response.status_code == 302 and response["Location"] == agreement.get_absolute_url()
    agreement.refresh_from_db()
    assert agreement.review_state == ReviewState.CONFIRMED
    editor_client.post(
        reverse("agreement-reject", args=[agreement.pk]), {"next": "https://evil.example/"}
    )
    agreement.refresh_from_db()
    assert agreement.review_state == ReviewState.REJECTED


def test_confirm_answers_json_for_the_review_script(editor_client, facts):
    gift = facts["gift"]
    response = editor_client.post(
        reverse("gift-confirm", args=[gift.pk]), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"id": gift.pk, "review_state": "confirmed"}


def test_swap_and_revert_from_the_page(editor_client, facts):
    gift = facts["gift"]
    first = gift.history.first().history_id
    editor_client.post(reverse("gift-swap", args=[gift.pk]))
    gift.refresh_from_db()
    assert (gift.giver, gift.recipient) == (facts["b"], facts["a"])
    editor_client.post(reverse("gift-revert", args=[gift.pk, first]))
    gift.refresh_from_db()
    assert (gift.giver, gift.recipient) == (facts["a"], facts["b"])


def test_merge_and_undo_from_the_pages(editor_client, facts):
    keep, dup = facts["meeting"], facts["other_meeting"]
    page = editor_client.get(reverse("meeting-merge", args=[keep.pk])).content.decode()
    assert f'value="{dup.pk}"' in page  # suggested: shares participants
    # First the page says what will move, and nothing is merged yet.
    asked = editor_client.post(reverse("meeting-merge", args=[keep.pk]), {"merge": dup.pk})
    assert asked.status_code == 200
    html = asked.content.decode()
    assert f"Yes, merge #{dup.pk} into this meeting" in html
    assert "participants</li>" in html and "sources</li>" in html
    dup.refresh_from_db()
    assert dup.merged_into is None
    response = editor_client.post(
        reverse("meeting-merge", args=[keep.pk]), {"merge": dup.pk, "confirm": "1"}
    )
    assert response.status_code == 302
    dup.refresh_from_db()
    assert dup.merged_into == keep
    record = MergeRecord.objects.get(kind="meeting")
    assert "Undo" in editor_client.get(reverse("merge-list")).content.decode()
    editor_client.post(reverse("merge-undo", args=[record.pk]))
    dup.refresh_from_db()
    assert dup.merged_into is None and dup.review_state == ReviewState.EXTRACTED


def test_leader_merge_from_the_page(editor_client, facts):
    keep, dup = facts["a"], LeaderFactory(name="Ana Maria Lima")
    page = editor_client.get(reverse("leader-merge", args=[keep.pk])).content.decode()
    assert "Ana Maria Lima" in page  # same surname
    asked = editor_client.post(reverse("leader-merge", args=[keep.pk]), {"merge": dup.pk})
    assert "0 meetings</li>" in asked.content.decode()
    dup.refresh_from_db()
    assert dup.merged_into is None
    editor_client.post(reverse("leader-merge", args=[keep.pk]), {"merge": dup.pk, "confirm": "1"})
    dup.refresh_from_db()
    assert dup.merged_into == keep
    # Merging a record into itself is refused with a message, not an error page.
    response = editor_client.post(
        reverse("leader-merge", args=[keep.pk]), {"merge": keep.pk}, follow=True
    )
    assert "cannot be merged into itself" in response.content.decode()


def test_leader_page_offers_editors_its_review_and_correction(editor_client, facts):
    from django.test import Client

    leader = facts["b"]
    url = reverse("leader-detail", args=[leader.pk])
    page = editor_client.get(url).content.decode()
    for name in ("leader-edit", "leader-confirm", "leader-reject", "leader-merge"):
        assert reverse(name, args=[leader.pk]) in page, name
    assert "csrfmiddlewaretoken" in page
    anonymous = Client().get(url).content.decode()
    assert "editor-controls" not in anonymous
    assert reverse("leader-reject", args=[leader.pk]) not in anonymous


def test_reject_and_confirm_a_leader_from_its_page(editor_client, editor_user, facts):
    leader = facts["b"]
    url = reverse("leader-detail", args=[leader.pk])

    response = editor_client.post(reverse("leader-reject", args=[leader.pk]))

    assert response.status_code == 302 and response["Location"] == url
    leader.refresh_from_db()
    assert leader.review_state == ReviewState.REJECTED
    assert leader.history.first().history_user == editor_user
    page = editor_client.get(url).content.decode()
    assert "An editor rejected this leader record." in page
    assert reverse("leader-reject", args=[leader.pk]) not in page
    listed = editor_client.get(reverse("leader-list")).content.decode()
    assert url not in listed and reverse("leader-detail", args=[facts["a"].pk]) in listed

    editor_client.post(reverse("leader-confirm", args=[leader.pk]))

    leader.refresh_from_db()
    assert leader.review_state == ReviewState.CONFIRMED
    assert url in editor_client.get(reverse("leader-list")).content.decode()


def test_editor_corrects_a_leader_through_the_form(editor_client, editor_user, facts):
    leader = facts["b"]
    norway = CountryFactory(code="NO", name="Norway")
    response = editor_client.post(
        reverse("leader-edit", args=[leader.pk]),
        {"name": "Tomas Andreas Berg", "title": "President", "country": norway.pk},
    )
    assert response.status_code == 302 and response["Location"] == leader.get_absolute_url()
    leader.refresh_from_db()
    assert (leader.name, leader.country) == ("Tomas Andreas Berg", norway)
    assert leader.edited_fields == ["country", "name"]  # the title was unchanged
    assert "Tomas Berg" in leader.other_names
    assert leader.history.first().history_user == editor_user
    response = editor_client.post(reverse("leader-edit", args=[leader.pk]), {"name": " "})
    assert response.status_code == 400
    leader.refresh_from_db()
    assert leader.name == "Tomas Andreas Berg"


def test_add_a_fact_by_hand_from_the_article(editor_client, facts):
    article = facts["article"]
    page = editor_client.get(reverse("article-add-fact", args=[article.pk, "gift"]))
    assert "Lima gave Berg a jug." in page.content.decode()
    start = article.text.index("Lima gave")
    response = editor_client.post(
        reverse("article-add-fact", args=[article.pk, "gift"]),
        {
            "sentence": f"{start}:{len(article.text)}",
            "giver": facts["a"].pk,
            "recipient": facts["b"].pk,
            "item": "clay jug",
        },
    )
    assert response.status_code == 302
    gift = Gift.objects.get(item="clay jug")
    assert gift.review_state == ReviewState.CONFIRMED
    assert gift.evidence.get().sentence == "Lima gave Berg a jug."
    assert (
        editor_client.get(reverse("article-add-fact", args=[article.pk, "nonsense"])).status_code
        == 404
    )


def test_add_a_fact_without_a_sentence_is_refused(editor_client, facts):
    article = facts["article"]
    response = editor_client.post(
        reverse("article-add-fact", args=[article.pk, "meeting"]),
        {"kind": "talks", "participants": [facts["a"].pk]},
    )
    assert response.status_code == 400
    assert "Choose a sentence" in response.content.decode()


def test_reextract_button_requeues_the_article(editor_client, facts, no_queue):
    article = facts["article"]
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert reverse("article-reextract", args=[article.pk]) in page
    response = editor_client.post(reverse("article-reextract", args=[article.pk]))
    assert response.status_code == 302
    assert no_queue == [article.pk]
    article.refresh_from_db()
    assert article.status == "queued"


def test_controls_show_only_for_editors(client, editor_client, facts):
    url = facts["meeting"].get_absolute_url()
    edit_url = reverse("meeting-edit", args=[facts["meeting"].pk])
    assert edit_url in editor_client.get(url).content.decode()
    client.logout()
    assert edit_url not in client.get(url).content.decode()
    article_page = client.get(facts["article"].get_absolute_url()).content.decode()
    assert "Re-extract" not in article_page


def test_dating_a_meeting_offers_to_date_its_gifts_and_agreements(editor_client, facts):
    """Issue 15: the gifts and agreements made at a meeting take its date with it (each a
    correction of its own), those dated otherwise keep theirs."""
    import datetime as dt

    meeting = facts["meeting"]
    Meeting.objects.filter(pk=meeting.pk).update(date=None)
    meeting.refresh_from_db()
    undated = GiftFactory(giver=facts["a"], recipient=facts["b"], meeting=meeting, date=None)
    elsewhere = AgreementFactory(meeting=meeting, date=dt.date(2020, 1, 1))
    pact = AgreementFactory(meeting=meeting, date=None)
    url = reverse("meeting-edit", args=[meeting.pk])
    form = editor_client.get(url).content.decode()
    assert 'name="date_made_here"' in form and "made at this meeting" in form

    data = {
        "kind": meeting.kind,
        "date": "2025-03-04",
        "place": meeting.place,
        "participants": [p.pk for p in meeting.participants.all()],
        "date_made_here": "1",
    }
    response = editor_client.post(url, data, follow=True)
    # The fixture's gift was made at this meeting too, undated.
    assert "dated 3 gift(s) and agreement(s)" in response.content.decode()
    for fact in (undated, pact, facts["gift"]):
        fact.refresh_from_db()
        assert fact.date == dt.date(2025, 3, 4)
        assert "date" in fact.edited_fields  # sticky, like any correction
    elsewhere.refresh_from_db()
    assert elsewhere.date == dt.date(2020, 1, 1)
