"""Who met whom, counted by the database: the most active nodes and the pairs among them.

The network page used to pull every participation of the selection into Python (about
250,000 rows at 100,000 meetings) to count pairs there. Here three groupings do it,
and only the chosen nodes and their pairs come back (one statement):

1. the meetings of the selection where two or more distinct nodes took part (leaders, or
   their countries) are the ones that make links;
2. among them, meetings per node, most first: the top ``max_nodes``, and how many nodes
   there are in all;
3. pairs among the chosen nodes, with their number of meetings together.

A node is a leader (``by="leader"``) or a country (``by="country"``, through each
leader's country; leaders without one are left out).

For every meeting not rejected (the network page without filters), the same figures are
read from counts kept by every write: the leaders' pairs (:func:`stored_leader_counts`)
or the countries' tallies and pairs (:func:`stored_country_counts`); the statement above
reads every participation, some 1.4-3 s at 100,000 meetings. A selection by dates and
kind alone sums the pairs kept by year and kind (:func:`stored_span_counts`).
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction

from kb.models import (
    CountryPairTally,
    CountryPairYear,
    CountryTally,
    Leader,
    LeaderPair,
    LeaderPairYear,
    Meeting,
)
from kb.selectors.periods import Span

Participation = Meeting.participants.through


@dataclass(frozen=True)
class GraphCounts:
    node_meetings: dict[int, int]  # the chosen nodes: meetings each took part in
    pair_meetings: dict[tuple[int, int], int]  # (low id, high id) -> meetings together
    total_nodes: int  # nodes with at least one link in the whole selection
    #: Pairs among the chosen nodes per node, all of them (``pair_meetings`` may hold
    #: only the strongest ``max_edges``), and how many pairs there are.
    degrees: dict[int, int] = field(default_factory=dict)
    total_pairs: int = 0


def _members_sql(meetings, by: str) -> tuple[str, list]:
    """SQL for (meeting_id, node) rows of the selection, one per distinct node."""
    inner, params = meetings.order_by().values("pk").query.sql_with_params()
    part = connection.ops.quote_name(Participation._meta.db_table)
    if by == "country":
        leader = connection.ops.quote_name(Leader._meta.db_table)
        sql = (
            f"SELECT DISTINCT pt.meeting_id AS m, l.country_id AS k FROM {part} pt "
            f"JOIN {leader} l ON l.id = pt.leader_id "
            f"WHERE l.country_id IS NOT NULL AND pt.meeting_id IN ({inner})"
        )
    else:
        # (meeting, leader) is unique in the participations: no DISTINCT to sort or hash.
        sql = (
            f"SELECT pt.meeting_id AS m, pt.leader_id AS k FROM {part} pt "
            f"WHERE pt.meeting_id IN ({inner})"
        )
    return sql, list(params)


#: ``max_edges`` when every pair is wanted.
ALL = 2**31 - 1


#: The answer, from CTEs ``top`` (k: node, n: its meetings, total: nodes in all) and
#: ``pairs`` (a, b: nodes, n: their meetings together) among the top nodes: the top
#: nodes, the strongest ``max_edges`` pairs, and every top node's number of pairs.
ANSWER = (
    "SELECT 0, k, k, n, total FROM top "
    "UNION ALL "
    "SELECT 1, a, b, n, 0 FROM (SELECT a, b, n FROM pairs ORDER BY n DESC, a, b LIMIT %s) s "
    "UNION ALL "
    "SELECT 2, k, k, COUNT(*), 0 FROM (SELECT a AS k FROM pairs UNION ALL "
    "SELECT b FROM pairs) ends GROUP BY k"
)


def network_counts(
    meetings, *, by: str = "leader", max_nodes: int = 40, max_edges: int | None = None
) -> GraphCounts:
    try:
        members, params = _members_sql(meetings, by)
    except EmptyResultSet:  # a selection Django knows to be empty (pk__in=[])
        return GraphCounts({}, {}, 0)
    # One statement: the selection's participations are read once (they were read six
    # times by three queries), the top nodes and the number of all nodes come from one
    # grouping, and only the chosen nodes' rows are joined to count pairs, of which only
    # the strongest ``max_edges`` come back (300 busy leaders share up to 44,850 pairs),
    # with every node's number of pairs.
    sql = (
        # Nodes per meeting by a window over the participations in meeting order (an
        # index's order for leaders: a merge join, no grouping of 240,000 rows to hash).
        "WITH linked AS MATERIALIZED (SELECT m, k FROM (SELECT m, k, COUNT(*) OVER "
        f"(PARTITION BY m) AS c FROM ({members}) mm) counted WHERE c > 1), "
        "nodes AS (SELECT k, COUNT(*) AS n FROM linked GROUP BY k), "
        "top AS MATERIALIZED (SELECT k, n, COUNT(*) OVER () AS total FROM nodes "
        "ORDER BY n DESC, k LIMIT %s), "
        "chosen AS MATERIALIZED (SELECT m, k FROM linked WHERE k IN (SELECT k FROM top)), "
        "pairs AS MATERIALIZED (SELECT a.k AS a, b.k AS b, COUNT(*) AS n "
        "FROM chosen a JOIN chosen b ON a.m = b.m AND a.k < b.k GROUP BY a.k, b.k) "
        f"{ANSWER}"
    )
    postgres = connection.vendor == "postgresql"
    with transaction.atomic() if postgres else nullcontext(), connection.cursor() as cursor:
        if postgres:
            # The groupings hold a row per participation (some 240,000 at 100,000
            # meetings, about 10 MB): in memory, rather than in five batches on disk.
            cursor.execute("SET LOCAL work_mem = '32MB'")
            # The planner guesses millions of pairs (it cannot know how few leaders share a
            # meeting) and would spend some 1.6 s compiling the statement (JIT) to save less.
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, [*params, max_nodes, ALL if max_edges is None else max_edges])
        return _graph_counts(cursor.fetchall())


def _IN_TOP() -> str:  # noqa: N802 - reads as the SQL it writes
    """Among the chosen nodes (CTE ``top``): an array on PostgreSQL, so that the pairs
    are found through their indexes (see :func:`stored_leader_counts`)."""
    if connection.vendor == "postgresql":
        return "= ANY(ARRAY(SELECT k FROM top))"
    return "IN (SELECT k FROM top)"


def stored_leader_counts(*, max_nodes: int = 40, max_edges: int | None = None) -> GraphCounts:
    """What :func:`network_counts` says of every meeting not rejected, by leader, read
    from the pairs kept up to date by every write (``kb.leader_pairs``): the busiest
    leaders through an index on their meetings, then the pairs among them, whatever the
    number of meetings. The chosen leaders go to the pairs' indexes as arrays: as
    ``IN (subquery)`` the planner read all 74,000 pairs at 100,000 meetings to keep
    1,766 (EXPLAIN ANALYZE: 50 ms, and 24 ms with arrays, on the loaded machine)."""
    table = connection.ops.quote_name(LeaderPair._meta.db_table)
    sql = (
        "WITH top AS MATERIALIZED (SELECT leader_a_id AS k, meetings AS n, "
        f"COUNT(*) OVER () AS total FROM {table} "
        "WHERE leader_a_id = leader_b_id AND meetings > 0 "
        "ORDER BY meetings DESC, leader_a_id LIMIT %s), "
        "pairs AS MATERIALIZED (SELECT leader_a_id AS a, leader_b_id AS b, meetings AS n "
        f"FROM {table} WHERE leader_a_id {_IN_TOP()} "
        f"AND leader_b_id {_IN_TOP()} AND leader_a_id < leader_b_id "
        "AND meetings > 0) "
        f"{ANSWER}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [max_nodes, ALL if max_edges is None else max_edges])
        return _graph_counts(cursor.fetchall())


def stored_country_counts(*, max_nodes: int = 40, max_edges: int | None = None) -> GraphCounts:
    """What :func:`network_counts` says of every meeting not rejected, by country, read
    from the maintained counts (``kb.counters``): each country's meetings with another
    country (``CountryTally.linked``) choose the busiest, and the pairs of countries
    (``CountryPairTally``) among them are the links. Some 250 countries and their pairs,
    whatever the number of meetings; a leader's change of country counts its countries
    and their pairs again there."""
    tally = connection.ops.quote_name(CountryTally._meta.db_table)
    pairs = connection.ops.quote_name(CountryPairTally._meta.db_table)
    sql = (
        "WITH top AS MATERIALIZED (SELECT country_id AS k, linked AS n, "
        f"COUNT(*) OVER () AS total FROM {tally} WHERE linked > 0 "
        "ORDER BY linked DESC, country_id LIMIT %s), "
        "pairs AS MATERIALIZED (SELECT country_a_id AS a, country_b_id AS b, meetings AS n "
        f"FROM {pairs} WHERE country_a_id {_IN_TOP()} "
        f"AND country_b_id {_IN_TOP()} AND meetings > 0) "
        f"{ANSWER}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [max_nodes, ALL if max_edges is None else max_edges])
        return _graph_counts(cursor.fetchall())


def stored_span_counts(
    span: Span, *, by: str = "leader", max_nodes: int = 40, max_edges: int | None = None
) -> GraphCounts:
    """What :func:`network_counts` says of the meetings of ``span`` (a selection by dates
    and kind, ``kb.selectors.periods``): the whole years summed from the pairs kept by
    year and kind (``kb.models.periods``: each node's rows with itself choose the busiest,
    then the pairs among them, through their indexes), and the days of a year cut by a
    date paired from that year's meetings alone, added (or subtracted, ``Span.cut``)
    before choosing."""
    Table = LeaderPairYear if by == "leader" else CountryPairYear
    a, b = ("leader_a_id", "leader_b_id") if by == "leader" else ("country_a_id", "country_b_id")
    table = connection.ops.quote_name(Table._meta.db_table)
    years, year_params = span.years_sql()
    nodes = f"SELECT {a} AS k, meetings AS n FROM {table} WHERE {a} = {b} AND {years}"
    pairs = (
        f"SELECT {a} AS a, {b} AS b, meetings AS n FROM {table} "
        f"WHERE {a} {_IN_TOP()} AND {b} {_IN_TOP()} AND {a} < {b} AND {years}"
    )
    linked_days, day_params = "", []
    for name, days, sign in (("days", span.days(), ""), ("cut", span.days_cut(), "-")):
        if days is None:
            continue
        try:
            members, params = _members_sql(Meeting.objects.visible().filter(days), by)
        except EmptyResultSet:
            continue
        linked_days += (
            f"{name} AS MATERIALIZED (SELECT m, k FROM (SELECT m, k, COUNT(*) OVER "
            f"(PARTITION BY m) AS c FROM ({members}) mm) counted WHERE c > 1), "
        )
        day_params += params
        nodes += f" UNION ALL SELECT k, {sign}COUNT(*) FROM {name} GROUP BY k"
        pairs += (
            f" UNION ALL SELECT x.k, z.k, {sign}COUNT(*) FROM {name} x JOIN {name} z "
            "ON z.m = x.m AND x.k < z.k WHERE x.k IN (SELECT k FROM top) "
            "AND z.k IN (SELECT k FROM top) GROUP BY x.k, z.k"
        )
    params = [*day_params, *year_params]
    sql = (
        f"WITH {linked_days}"
        f"top AS MATERIALIZED (SELECT k, SUM(n) AS n, COUNT(*) OVER () AS total FROM ({nodes}) "
        "nodes GROUP BY k HAVING SUM(n) > 0 ORDER BY 2 DESC, 1 LIMIT %s), "
        f"pairs AS MATERIALIZED (SELECT a, b, SUM(n) AS n FROM ({pairs}) kept "
        "GROUP BY a, b HAVING SUM(n) > 0) "
        f"{ANSWER}"
    )
    params += [max_nodes, *year_params, ALL if max_edges is None else max_edges]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _graph_counts(cursor.fetchall())


def _graph_counts(rows) -> GraphCounts:
    """Read the rows of :data:`ANSWER`."""
    top = sorted((row for row in rows if row[0] == 0), key=lambda row: (-row[3], row[1]))
    chosen = {k: n for _, k, _, n, _ in top}
    total = top[0][4] if top else 0
    pairs = {(a, b): n for kind, a, b, n, _ in rows if kind == 1}
    degrees = {k: n for kind, k, _, n, _ in rows if kind == 2}
    return GraphCounts(
        node_meetings=chosen,
        pair_meetings=pairs,
        total_nodes=total,
        degrees=degrees,
        total_pairs=sum(degrees.values()) // 2,
    )
