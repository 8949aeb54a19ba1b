"""The network page is rendered once per filter and colouring and kept until the next
write (issue 14): a repeated request reads no participation, and a write, a rejection or
another colouring shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kb.models import Meeting, ReviewState
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db

PARTICIPATION = Meeting.participants.through._meta.db_table


def page(client, **params) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("network"), params)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in ctx.captured_queries]


@pytest.fixture
def pair():
    norway, chile = CountryFactory(code="NO", name="Norway"), CountryFactory(code="CL")
    return LeaderFactory(name="Ingrid Berg", country=norway), LeaderFactory(
        name="Camila Rojas", country=chile
    )


def test_a_repeated_request_neither_counts_nor_renders_again(client, pair, monkeypatch):
    from web.views import network

    rendered = []
    render = network.render_to_string
    monkeypatch.setattr(
        network, "render_to_string", lambda *a, **k: rendered.append(a[0]) or render(*a, **k)
    )
    MeetingFactory(participants=list(pair))
    first, first_sql = page(client)
    again, again_sql = page(client)
    assert rendered == ["kb/_network_graph.html"]  # the links: once, however many
    assert any(PARTICIPATION in sql for sql in first_sql)
    assert not any(PARTICIPATION in sql for sql in again_sql)
    assert "Ingrid Berg" in again and again.count("<line ") == first.count("<line ") == 1


def test_a_write_and_a_rejection_show_at_once(client, pair):
    MeetingFactory(participants=list(pair))
    html, _ = page(client)
    assert "Tomas Novak" not in html
    third = LeaderFactory(name="Tomas Novak", country=CountryFactory(code="CZ"))
    meeting = MeetingFactory(participants=[pair[0], third])
    html, _ = page(client)
    assert "Tomas Novak" in html and html.count("<line ") == 2
    meeting.review_state = ReviewState.REJECTED
    meeting.save()
    html, _ = page(client)
    assert "Tomas Novak" not in html and html.count("<line ") == 1


def test_each_colouring_and_filter_is_its_own_page(client, pair):
    MeetingFactory(participants=list(pair))
    by_country, _ = page(client)
    by_region, _ = page(client, colour="region")
    assert '<th scope="col">Region</th>' in by_region
    assert '<th scope="col">Region</th>' not in by_country
    countries, _ = page(client, by="country")
    assert "Norway" in countries and "Ingrid Berg" not in countries.split('id="graph-heading"')[1]
    later, _ = page(client, **{"from": "2999-01-01"})
    assert "<line " not in later
