"""A list's number of matches is counted once per write (issue 14): a repeat request
does not count again, and a committed write shows in the next count. Transactional, so
the version moves on at a real commit (kb.changes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)


def listed(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json(), len(queries)


def test_the_count_is_reused_until_a_write(client):
    a, b = LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[a, b], place="Tromsø harbour")
    MeetingFactory(participants=[a, b], place="Bergen")
    url = "/api/meetings/?search=Troms%C3%B8"

    first, cold = listed(client, url)
    again, warm = listed(client, url)
    assert first["count"] == again["count"] == 1
    assert warm == 0  # neither counted nor read again: the whole page is kept

    MeetingFactory(participants=[a, b], place="Tromsø airport")
    after, _ = listed(client, url)
    assert after["count"] == 2 and len(after["results"]) == 2
    # Other filters, other counts; the page size is not part of the key.
    assert listed(client, "/api/meetings/?search=Bergen")[0]["count"] == 1
    assert listed(client, url + "&page_size=1")[0]["count"] == 2
