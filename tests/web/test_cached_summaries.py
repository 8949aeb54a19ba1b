"""A leader's and a country's page sum over all their meetings once per write (issue 14):
a repeat view does not recount, and a committed write shows at once. Transactional, so
the version moves on at a real commit as in production (kb.changes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import ReviewState
from tests.factories import CountryFactory, GiftFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def view(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.context, len(queries)


def test_a_leaders_summary_is_reused_until_a_write_then_recounted(client):
    home = CountryFactory(code="QA", name="Qaland")
    abroad = CountryFactory(code="QB", name="Qbland")
    leader, other = LeaderFactory(country=home), LeaderFactory(country=abroad)
    for _ in range(3):
        MeetingFactory(participants=[leader, other], host_country=abroad)
    GiftFactory(giver=leader, recipient=other)
    url = reverse("leader-detail", args=[leader.pk])

    first, cold = view(client, url)
    again, warm = view(client, url)
    assert warm < cold  # the sums came from the cache
    assert again["paginator"].count == first["paginator"].count == 3
    assert [(o.pk, o.shared_count) for o in again["counterparts"]] == [(other.pk, 3)]
    assert [(t.code, t.meetings) for t in again["trips"]] == [("QB", 3)]
    assert again["gifts_given"].paginator.count == 1

    third = LeaderFactory(country=home)
    MeetingFactory(participants=[leader, third], host_country=home)
    GiftFactory(giver=leader, recipient=third)
    after, _ = view(client, url)
    assert after["paginator"].count == 4
    assert {o.pk: o.shared_count for o in after["counterparts"]} == {other.pk: 3, third.pk: 1}
    assert {t.code: t.meetings for t in after["trips"]} == {"QB": 3, "QA": 1}
    assert after["gifts_given"].paginator.count == 2


def test_a_rejected_meeting_leaves_the_leaders_summary_at_once(client):
    leader, other = LeaderFactory(), LeaderFactory()
    meetings = [MeetingFactory(participants=[leader, other]) for _ in range(2)]
    url = reverse("leader-detail", args=[leader.pk])
    assert view(client, url)[0]["paginator"].count == 2

    meetings[0].review_state = ReviewState.REJECTED
    meetings[0].save()
    context, _ = view(client, url)
    assert context["paginator"].count == 1
    assert [o.shared_count for o in context["counterparts"]] == [1]


def test_a_countrys_counts_are_reused_until_a_write(client):
    host, guest = CountryFactory(code="QC", name="Qcland"), CountryFactory(code="QD", name="Qdland")
    a, b = LeaderFactory(country=host), LeaderFactory(country=guest)
    MeetingFactory(participants=[a, b], host_country=host)
    url = reverse("country-detail", args=["QD"])

    first, cold = view(client, url)
    again, warm = view(client, url)
    assert warm < cold
    assert again["meetings_abroad_count"] == 1
    assert [(c.code, c.shared_count) for c in again["counterpart_countries"]] == [("QC", 1)]

    MeetingFactory(participants=[a, b], host_country=host)
    after, _ = view(client, url)
    assert after["meetings_abroad_count"] == 2
    assert [(c.code, c.shared_count) for c in after["counterpart_countries"]] == [("QC", 2)]


def test_a_searched_meeting_list_is_reused_until_a_write(client):
    a, b = LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[a, b], place="Tromsø harbour")
    MeetingFactory(participants=[a, b], place="Bergen")
    url = reverse("meeting-list") + "?q=Troms%C3%B8"

    first, cold = view(client, url)
    again, warm = view(client, url)
    assert warm < cold
    assert [m.place for m in again["meetings"]] == ["Tromsø harbour"]

    MeetingFactory(participants=[a, b], place="Tromsø airport")
    after, _ = view(client, url)
    assert sorted(m.place for m in after["meetings"]) == ["Tromsø airport", "Tromsø harbour"]
    other, _ = view(client, reverse("meeting-list") + "?q=Bergen")
    assert [m.place for m in other["meetings"]] == ["Bergen"]


def test_a_list_page_is_reused_until_a_write_then_read_again(client):
    first, second = LeaderFactory(name="Ana First"), LeaderFactory(name="Bo Second")
    other = LeaderFactory(name="Cy Other")
    MeetingFactory(participants=[first, other])
    url = reverse("leader-list") + "?sort=-meetings"

    cold_page, cold = view(client, url)
    warm_page, warm = view(client, url)
    assert warm < cold
    assert [x.name for x in warm_page["leaders"]][:2] == ["Ana First", "Cy Other"]

    for _ in range(3):
        MeetingFactory(participants=[second, other])
    after, _ = view(client, url)
    assert [(x.name, x.meeting_count) for x in after["leaders"]] == [
        ("Cy Other", 4),
        ("Bo Second", 3),
        ("Ana First", 1),
    ]
    assert after["paginator"].count == 3
