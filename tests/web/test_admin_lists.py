"""The admin's change lists cost the same for 3 rows as for 12, never load article texts,
and never count a whole table for their paginator."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db

LISTS = ["meeting", "gift", "agreement", "leader", "article", "evidence"]


def make_rows(n, first=0):
    country = CountryFactory()
    for i in range(first, first + n):
        a, b = LeaderFactory(country=country), LeaderFactory(country=CountryFactory())
        meeting = MeetingFactory(
            participants=[a, b], host_country=country, date=dt.date(2021, 1, 1) + dt.timedelta(i)
        )
        gift = GiftFactory(giver=a, recipient=b, meeting=meeting)
        AgreementFactory(leader_parties=[a, b], meeting=meeting)
        article = ArticleFactory(text=f"Leader {i} met another leader. " * 50)
        EvidenceFactory(article=article, meeting=meeting)
        EvidenceFactory(article=article, gift=gift)


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("root-admin", "r@example.org", "pw-123-xyz")
    client.force_login(user)
    return client


def captured(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in ctx.captured_queries]


@pytest.mark.parametrize("model", LISTS)
def test_admin_change_list_queries_do_not_grow_with_rows(admin_client, model):
    url = f"/admin/kb/{model}/"
    make_rows(3)
    few = len(captured(admin_client, url))
    make_rows(9, first=3)
    many = captured(admin_client, url)
    assert len(many) == few, "\n".join(many)


def test_article_change_list_leaves_the_texts_and_the_total_alone(admin_client):
    make_rows(5)
    queries = captured(admin_client, "/admin/kb/article/?status__exact=done")
    rows = [q for q in queries if 'FROM "kb_article"' in q and "COUNT(" not in q]
    assert rows, queries
    assert all('"kb_article"."text"' not in q for q in rows), rows
    # One count, of the filtered list the page shows; no second count of the whole table.
    counts = [q for q in queries if "COUNT(" in q and 'FROM "kb_article"' in q]
    assert len(counts) == 1, counts


def test_article_change_form_picks_leaders_by_search(admin_client):
    article = ArticleFactory()
    LeaderFactory.create_batch(5)
    html = admin_client.get(f"/admin/kb/article/{article.pk}/change/").content.decode()
    assert 'class="admin-autocomplete' in html
    assert "SelectFilter" not in html
