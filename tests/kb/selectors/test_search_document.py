"""The meetings search on PostgreSQL reads one document per meeting (migration 0013),
which the database keeps current through every kind of write: these tests write the
way the record step, editors, merges and bulk updates do, and search after each write.
On SQLite the search stays substring matching (tests/kb/selectors/test_search.py); the
last test here runs on both and pins what the API answers."""

import datetime as dt
import importlib
import os

import pytest
from django.db import connection

from kb.models import Evidence, Gift, Meeting, ReviewState
from kb.selectors.search import _fallback_search, search_meetings
from kb.services.facts import fact_reject, fact_update
from kb.services.leaders import leader_update
from kb.services.merges import meeting_merge
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    EvidenceFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
    editor,
)

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")
postgres_only = [
    pytest.mark.integration,
    pytest.mark.skipif(not ON_POSTGRES, reason="the search document is PostgreSQL's (tsvector)"),
]


def found(q: str) -> set[int]:
    return set(search_meetings(Meeting.objects.all(), q).values_list("pk", flat=True))


@pytest.mark.django_db
class TestDocumentFollowsWrites:
    pytestmark = postgres_only

    def test_new_meeting_with_participants_and_sources(self):
        moreau = LeaderFactory(name="Aline Moreau", other_names=["Madame Moreau"])
        meeting = MeetingFactory(place="Tromso", topics=["fisheries"], participants=[moreau])
        article = ArticleFactory(title="Arctic council", text="They spoke of icebreakers.")
        EvidenceFactory(article=article, meeting=meeting)
        for q in ("Tromso", "fisheries", "Moreau", '"Madame Moreau"', "Arctic", "icebreakers"):
            assert found(q) == {meeting.pk}, q

    def test_meeting_place_edited_by_an_editor(self):
        meeting = MeetingFactory(place="Tromso", participants=[LeaderFactory()])
        fact_update(fact=meeting, user=editor(), changes={"place": "Bergen"})
        assert found("Bergen") == {meeting.pk}
        assert found("Tromso") == set()

    def test_leader_renamed_moves_every_meeting_of_theirs(self):
        leader = LeaderFactory(name="Aline Moreau")
        meetings = {MeetingFactory(participants=[leader]).pk for _ in range(3)}
        leader_update(leader=leader, user=editor(), changes={"name": "Aline Garnier"})
        assert found("Garnier") == meetings
        assert found("Moreau") == meetings  # the replaced name is kept as another name

    def test_participants_added_and_removed(self):
        meeting = MeetingFactory(participants=[LeaderFactory()])
        okafor = LeaderFactory(name="Ngozi Okafor")
        meeting.participants.add(okafor)
        assert found("Okafor") == {meeting.pk}
        meeting.participants.remove(okafor)
        assert found("Okafor") == set()

    def test_gifts_created_rejected_and_moved(self):
        first, second = MeetingFactory(), MeetingFactory()
        gift = GiftFactory(meeting=first, item="carved walrus ivory")
        assert found("walrus") == {first.pk}
        Gift.objects.filter(pk=gift.pk).update(meeting=second)  # a bulk update, no signal
        assert found("walrus") == {second.pk}
        fact_reject(fact=Gift.objects.get(pk=gift.pk), user=editor())
        assert found("walrus") == set()

    def test_agreement_summary_edited(self):
        meeting = MeetingFactory()
        agreement = AgreementFactory(meeting=meeting, summary="Accord on salmon quotas")
        assert found("salmon") == {meeting.pk}
        fact_update(fact=agreement, user=editor(), changes={"summary": "Accord on cod quotas"})
        assert found("salmon") == set()
        assert found("cod") == {meeting.pk}

    def test_article_edited_and_evidence_deleted(self):
        meeting = MeetingFactory()
        article = ArticleFactory(text="They spoke of icebreakers.")
        evidence = EvidenceFactory(article=article, meeting=meeting)
        article.text = "They spoke of submarines."
        article.save()
        assert found("submarines") == {meeting.pk}
        assert found("icebreakers") == set()
        Evidence.objects.filter(pk=evidence.pk).delete()
        assert found("submarines") == set()

    def test_merged_meeting_brings_its_words_to_the_one_kept(self):
        keep = MeetingFactory(date=dt.date(2024, 3, 1), participants=[LeaderFactory()])
        merge = MeetingFactory(date=dt.date(2024, 3, 1), participants=[LeaderFactory()])
        GiftFactory(meeting=merge, item="carved walrus ivory")
        EvidenceFactory(article=ArticleFactory(text="Notes on icebreakers."), meeting=merge)
        meeting_merge(keep=keep, merge=merge, user=editor())
        visible = Meeting.objects.visible().filter(merged_into=None)
        for q in ("walrus", "icebreakers"):
            assert set(search_meetings(visible, q).values_list("pk", flat=True)) == {keep.pk}

    def test_bulk_created_meetings_and_deleted_ones(self):
        Meeting.objects.bulk_create([Meeting(place="Tromso"), Meeting(place="Bergen")])
        tromso = Meeting.objects.get(place="Tromso")
        assert found("Tromso") == {tromso.pk}
        tromso.delete()
        assert found("Tromso") == set()

    def test_backfill_writes_what_the_triggers_write(self):
        for place in ("Tromso", "Bergen", "Narvik"):
            meeting = MeetingFactory(place=place, participants=[LeaderFactory(name="Aline Moreau")])
            EvidenceFactory(
                article=ArticleFactory(text=f"Icebreakers off {place}."), meeting=meeting
            )
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, search_document::text FROM kb_meeting ORDER BY id")
            kept = cursor.fetchall()
            cursor.execute("UPDATE kb_meeting SET search_document = NULL")
        migration = importlib.import_module("kb.migrations.0013_meeting_search_document")
        assert migration.backfill(connection, batch=2) == 2  # 3 meetings, 2 per batch
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, search_document::text FROM kb_meeting ORDER BY id")
            assert cursor.fetchall() == kept


@pytest.mark.django_db
@pytest.mark.integration
@pytest.mark.skipif(not ON_POSTGRES, reason="compares PostgreSQL's search with the fallback")
@pytest.mark.parametrize(
    "q",
    [
        "Kanazawa",
        "semiconductors",
        "hydrogen",
        '"fountain pen"',
        "Dubois -Paris",
        "Dubois Becker",
        "-Kanazawa",
        '"pen roadmap"',  # the end of one field and the start of the next: no phrase
    ],
)
def test_postgres_finds_what_the_substring_fallback_finds(world, q):
    meetings = Meeting.objects.visible()
    assert set(search_meetings(meetings, q)) == set(_fallback_search(meetings, q))


@pytest.mark.django_db
def test_api_search_keeps_date_order_and_pages(world, client):
    """Any backend: newest first by default, oldest first with ordering=date, and the
    count matches the rows."""
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create(username="reader"))
    newest = client.get("/api/meetings/?search=Dubois").json()
    dates = [row["date"] for row in newest["results"]]
    assert newest["count"] == len(dates) >= 3
    assert dates == sorted(dates, reverse=True)
    oldest = client.get("/api/meetings/?search=Dubois&ordering=date").json()
    assert [row["date"] for row in oldest["results"]] == sorted(dates)
    excluded = client.get("/api/meetings/?search=Dubois+-Kanazawa").json()
    assert excluded["count"] == newest["count"] - 1
    assert all(row["place"] != "Kanazawa" for row in excluded["results"])
    assert not any(row["review_state"] == ReviewState.REJECTED for row in newest["results"])


@pytest.mark.django_db
@pytest.mark.integration
@pytest.mark.skipif(not ON_POSTGRES, reason="the indexes are PostgreSQL's (GIN)")
def test_only_the_meeting_document_index_is_kept_for_search():
    """Migration 0016 dropped 0004's per-table text indexes, which nothing read any more
    but every write maintained (an article's whole text made a tsvector on each save);
    the meeting document's index, which the search reads, stays."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename LIKE 'kb_%%' "
            "AND indexdef ILIKE '%%USING gin%%'"
        )
        gin = {row[0] for row in cursor.fetchall()}
    assert not gin & {
        "kb_article_search_gin",
        "kb_meeting_search_gin",
        "kb_gift_search_gin",
        "kb_agreement_search_gin",
    }
    assert "kb_meeting_search_document_gin" in gin, gin
