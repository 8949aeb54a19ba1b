"""The network counted in SQL gives what counting every participation in Python gives."""

import random
from collections import Counter
from itertools import combinations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.models import CountryPairTally, CountryTally, Meeting, ReviewState
from kb.selectors.graph import (
    Participation,
    network_counts,
    stored_country_counts,
    stored_leader_counts,
)
from tests.factories import CountryFactory, LeaderFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def reference(meetings, by):
    """Every participation into Python, as the page used to do."""
    pairs, nodes = Counter(), Counter()
    for meeting in meetings.prefetch_related("participants"):
        if by == "country":
            keys = {p.country_id for p in meeting.participants.all() if p.country_id}
        else:
            keys = {p.pk for p in meeting.participants.all()}
        if len(keys) > 1:
            nodes.update(keys)
            pairs.update(combinations(sorted(keys), 2))
    return nodes, pairs


@pytest.fixture
def random_world():
    rng = random.Random(7)
    countries = [CountryFactory() for _ in range(6)]
    leaders = [LeaderFactory(country=rng.choice(countries + [None])) for _ in range(14)]
    for _ in range(60):
        state = rng.choice([ReviewState.EXTRACTED] * 5 + [ReviewState.REJECTED])
        MeetingFactory(
            participants=rng.sample(leaders, rng.choice([1, 2, 2, 3, 4])), review_state=state
        )


@pytest.mark.parametrize("by", ["leader", "country"])
def test_sql_counts_match_counting_in_python(random_world, by):
    selection = Meeting.objects.visible()
    nodes, pairs = reference(selection, by)
    with CaptureQueriesContext(connection) as ctx:
        counts = network_counts(selection, by=by, max_nodes=1000)
    # One statement reads the selection once (PostgreSQL adds a transaction and the
    # statement's own work_mem and jit settings around it).
    reads = [q["sql"] for q in ctx.captured_queries if "kb_meeting" in q["sql"]]
    assert len(reads) == 1, reads
    assert counts.node_meetings == dict(nodes)
    assert counts.pair_meetings == dict(pairs)
    assert counts.total_nodes == len(nodes)


def test_the_top_nodes_and_only_their_pairs_come_back(random_world):
    selection = Meeting.objects.visible()
    nodes, pairs = reference(selection, "leader")
    counts = network_counts(selection, by="leader", max_nodes=5)
    top = sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    assert counts.node_meetings == dict(top)
    chosen = set(counts.node_meetings)
    assert counts.pair_meetings == {p: n for p, n in pairs.items() if set(p) <= chosen}
    assert counts.total_nodes == len(nodes)


def test_a_filtered_selection_counts_alone(random_world):
    some = Meeting.objects.visible().order_by("pk")[:0]
    counts = network_counts(Meeting.objects.filter(pk__in=some), by="leader")
    assert counts.node_meetings == {} and counts.pair_meetings == {} and counts.total_nodes == 0


def test_only_the_strongest_pairs_come_back_with_every_nodes_degree(random_world):
    selection = Meeting.objects.visible()
    nodes, pairs = reference(selection, "leader")
    counts = network_counts(selection, by="leader", max_nodes=1000, max_edges=4)
    strongest = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
    assert counts.pair_meetings == dict(strongest)
    degrees = Counter(k for pair in pairs for k in pair)
    assert counts.degrees == dict(degrees) and counts.total_pairs == len(pairs)


@pytest.mark.parametrize("max_nodes, max_edges", [(1000, None), (5, None), (1000, 4), (3, 2)])
def test_the_maintained_pairs_give_what_counting_every_meeting_gives(
    random_world, max_nodes, max_edges
):
    counted = network_counts(
        Meeting.objects.visible(), by="leader", max_nodes=max_nodes, max_edges=max_edges
    )
    with CaptureQueriesContext(connection) as ctx:
        stored = stored_leader_counts(max_nodes=max_nodes, max_edges=max_edges)
    assert not any(Participation._meta.db_table in q["sql"] for q in ctx.captured_queries)
    assert stored == counted and stored.pair_meetings


def test_the_maintained_pairs_leave_out_pairs_an_edit_brought_to_zero():
    ana, ben, cleo = LeaderFactory(), LeaderFactory(), LeaderFactory()
    meeting = MeetingFactory(participants=[ana, ben])
    MeetingFactory(participants=[ben, cleo])
    meeting.participants.remove(ana)  # (ana, ben) and ana's own row stay, at zero
    stored = stored_leader_counts(max_nodes=10)
    assert stored.node_meetings == {ben.pk: 1, cleo.pk: 1}
    assert stored.pair_meetings == {(ben.pk, cleo.pk): 1} and stored.total_nodes == 2


@pytest.mark.parametrize("max_nodes, max_edges", [(1000, None), (3, None), (1000, 4), (3, 2)])
def test_the_country_tallies_give_what_counting_every_meeting_gives(
    random_world, max_nodes, max_edges
):
    counted = network_counts(
        Meeting.objects.visible(), by="country", max_nodes=max_nodes, max_edges=max_edges
    )
    with CaptureQueriesContext(connection) as ctx:
        stored = stored_country_counts(max_nodes=max_nodes, max_edges=max_edges)
    assert not any(Participation._meta.db_table in q["sql"] for q in ctx.captured_queries)
    assert stored == counted and stored.pair_meetings


def test_the_country_tallies_follow_a_leader_who_changes_country_and_a_rejection():
    norway, chile, peru = CountryFactory(), CountryFactory(), CountryFactory()
    ana, ben = LeaderFactory(country=norway), LeaderFactory(country=chile)
    cleo = LeaderFactory(country=norway)
    MeetingFactory(participants=[ana, ben])
    MeetingFactory(participants=[ana, cleo])  # one country: no link, not counted
    meeting = MeetingFactory(participants=[cleo, ben])
    stored = stored_country_counts(max_nodes=10)
    assert stored.node_meetings == {norway.pk: 2, chile.pk: 2}
    assert stored.pair_meetings == {tuple(sorted((norway.pk, chile.pk))): 2}

    cleo.country = peru  # every meeting of hers moves with her
    cleo.save()
    moved = stored_country_counts(max_nodes=10)
    assert moved == network_counts(Meeting.objects.visible(), by="country", max_nodes=10)
    assert moved.node_meetings == {norway.pk: 2, chile.pk: 2, peru.pk: 2}
    assert moved.total_nodes == 3 and moved.total_pairs == 3

    meeting.review_state = ReviewState.REJECTED
    meeting.save()
    rejected = stored_country_counts(max_nodes=10)
    assert rejected == network_counts(Meeting.objects.visible(), by="country", max_nodes=10)
    assert tuple(sorted((chile.pk, peru.pk))) not in rejected.pair_meetings
    assert rejected.node_meetings == {norway.pk: 2, chile.pk: 1, peru.pk: 1}
    assert CountryTally.objects.get(country=chile).linked == 1
    low, high = sorted((chile.pk, peru.pk))
    assert CountryPairTally.objects.get(country_a=low, country_b=high).meetings == 0
