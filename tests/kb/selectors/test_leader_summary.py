"""A leader's page summary read from the maintained pairs and the leader's participations
(issue 14) equals what the page computed before from every meeting: the counterparts
(ranked, with their shared count and dates), the meetings, their number per year and
where they were held, after any sequence of recording, rejecting, editing, merging,
undoing and deleting (the writes of ``tests.kb.test_leader_pairs``). Runs on SQLite,
and on PostgreSQL when DATABASE_URL is set."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Max, Min
from django.db.models.functions import ExtractYear

from kb.models import Leader, Meeting, ReviewState
from kb.selectors.leaders import counterparts_of_leader, leader_meetings
from kb.selectors.meetings import involving_leader
from kb.selectors.timeline import meetings_per_year
from tests.kb.test_counters import OPERATIONS
from tests.kb.test_leader_pairs import RAW, RawWorld
from web.views.leaders import LeaderDetailView

pytestmark = pytest.mark.django_db

Participation = Meeting.participants.through


def counterparts_before(leader, limit=20):
    """The counterparts as counted before issue 14: grouping every participation of the
    meetings the leader shared (the reference)."""
    shared = Participation.objects.filter(leader=leader).exclude(
        meeting__review_state=ReviewState.REJECTED
    )
    counterparts = (
        Leader.objects.exclude(pk=leader.pk)
        .filter(meetings__in=shared.values("meeting_id"))
        .select_related("country")
        .annotate(
            shared_count=Count("meetings", distinct=True),
            first_met=Min("meetings__date"),
            last_met=Max("meetings__date"),
        )
        .order_by("-shared_count", "name", "id")
    )
    return counterparts[:limit] if limit else counterparts


def travels_before(leader):
    rows = (
        Meeting.objects.visible()
        .filter(participants=leader)
        .exclude(host_country=None)
        .order_by()
        .values("host_country__code", "host_country__name")
        .annotate(n=Count("pk", distinct=True), first=Min("date"), last=Max("date"))
        .order_by("-n", "host_country__name")
    )
    return [tuple(r.values()) for r in rows]


def rows(counterparts):
    return [
        (c.pk, c.name, c.country_id, c.shared_count, c.first_met, c.last_met) for c in counterparts
    ]


def assert_summaries_as_before(leader):
    assert rows(counterparts_of_leader(leader)) == rows(counterparts_before(leader))
    assert rows(counterparts_of_leader(leader, limit=2)) == rows(
        counterparts_before(leader, limit=2)
    )
    assert rows(counterparts_of_leader(leader, limit=None)) == rows(
        counterparts_before(leader, limit=None)
    )
    before = Meeting.objects.visible().filter(involving_leader(leader.pk))
    # By the object and by its id (a merged leader's id stands for its survivor).
    for key in (leader, leader.pk):
        meetings = leader_meetings(key)
        timeline = before.order_by(F("date").asc(nulls_last=True), "id")
        assert list(meetings) == list(timeline)
        assert meetings_per_year(meetings) == meetings_per_year(before)
    summary = LeaderDetailView.summary(leader, leader_meetings(leader), _no_sections())
    assert summary["count"] == before.count()
    assert [(t.code, t.name, t.meetings, t.first, t.last) for t in summary["trips"]] == (
        travels_before(leader)
    )


def _no_sections() -> dict:
    return {}


@pytest.mark.parametrize("seed", range(2))
def test_after_random_writes_the_summary_equals_counting_every_meeting(
    countries, editor_user, seed
):
    rng = random.Random(seed)
    world = RawWorld(rng, editor_user)
    done = []
    shown = 0
    for _ in range(40):
        name = rng.choice(["record"] * 3 + OPERATIONS + RAW)
        try:
            getattr(world, name)()
        except ValidationError:
            continue
        done.append(name)
        for leader in Leader.objects.order_by("pk"):
            try:
                assert_summaries_as_before(leader)
            except AssertionError as error:
                raise AssertionError(f"leader {leader.pk} after {done}") from error
            shown += len(counterparts_of_leader(leader))
    assert len(set(done)) >= 10  # the sequence did exercise many kinds of write
    assert shown  # some leaders did have counterparts


def test_a_merged_leaders_id_stands_for_its_survivor(countries, editor_user):
    from kb.services.merges import leader_merge
    from tests.factories import LeaderFactory, MeetingFactory

    keep, merge, other = LeaderFactory(), LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[keep, other])
    MeetingFactory(participants=[merge, other])
    leader_merge(keep=keep, merge=merge, user=editor_user)
    merge.refresh_from_db()
    assert leader_meetings(merge.pk).count() == leader_meetings(keep).count() == 2
    assert leader_meetings(merge).count() == 2
    (top,) = counterparts_of_leader(keep)
    assert (top.pk, top.shared_count) == (other.pk, 2)


@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the covering index is PostgreSQL's")
def test_the_summary_reads_the_leaders_participations_and_the_covering_index(editor_user):
    """Planned as at 100,000 meetings (no sequential scans): the leader's meetings come
    from its participations (index by leader) and their date and host from the visible
    meetings' covering index (migration 0022), not from kb_meeting's rows. A change to
    what ``visible()`` writes would no longer match the index's condition."""
    from tests.factories import LeaderFactory, MeetingFactory

    leader, other = LeaderFactory(), LeaderFactory()
    MeetingFactory(participants=[leader, other])
    meetings = leader_meetings(leader)
    queries = [
        meetings.annotate(year=ExtractYear("date"))
        .order_by()
        .values("year")
        .annotate(n=Count("pk")),
        Meeting.objects.visible()
        .filter(pk__in=Participation.objects.filter(leader=leader).values("meeting_id"))
        .exclude(host_country=None)
        .order_by()
        .values("host_country_id")
        .annotate(n=Count("pk"), first=Min("date"), last=Max("date")),
    ]
    with connection.cursor() as cursor:
        # Pages marked all-visible, as autovacuum leaves them: index-only scans pay.
        cursor.execute("VACUUM ANALYZE kb_meeting, kb_meeting_participants")
    with transaction.atomic(), connection.cursor() as cursor:
        for scan in ("seqscan", "bitmapscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        for query in queries:
            sql, params = query.query.sql_with_params()
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Index Only Scan using kb_meeting_visible_cover on kb_meeting" in plan, plan
            assert "Index Only Scan using kb_meeting_participants_by_leader" in plan, plan
