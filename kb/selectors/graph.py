"""Who met whom, counted by the database: the most active nodes and the pairs among them.

The network page used to pull every participation of the selection into Python (about
250,000 rows at 100,000 meetings) to count pairs there. Here three grouped queries do it,
and only the chosen nodes and their pairs come back (four queries):

1. the meetings of the selection where two or more distinct nodes took part (leaders, or
   their countries) are the ones that make links;
2. among them, meetings per node, most first: the top ``max_nodes``, and how many nodes
   there are in all;
3. pairs among the chosen nodes, with their number of meetings together.

A node is a leader (``by="leader"``) or a country (``by="country"``, through each
leader's country; leaders without one are left out).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection

from kb.models import Leader, Meeting

Participation = Meeting.participants.through


@dataclass(frozen=True)
class GraphCounts:
    node_meetings: dict[int, int]  # the chosen nodes: meetings each took part in
    pair_meetings: dict[tuple[int, int], int]  # (low id, high id) -> meetings together
    total_nodes: int  # nodes with at least one link in the whole selection


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
        sql = (
            f"SELECT DISTINCT pt.meeting_id AS m, pt.leader_id AS k FROM {part} pt "
            f"WHERE pt.meeting_id IN ({inner})"
        )
    return sql, list(params)


def network_counts(meetings, *, by: str = "leader", max_nodes: int = 40) -> GraphCounts:
    try:
        members, params = _members_sql(meetings, by)
    except EmptyResultSet:  # a selection Django knows to be empty (pk__in=[])
        return GraphCounts({}, {}, 0)
    linked = f"SELECT m FROM ({members}) mm GROUP BY m HAVING COUNT(*) > 1"
    with connection.cursor() as cursor:
        nodes = f"SELECT k, COUNT(*) AS n FROM ({members}) p WHERE m IN ({linked}) GROUP BY k"
        cursor.execute(f"{nodes} ORDER BY n DESC, k LIMIT %s", params + params + [max_nodes])
        chosen = dict(cursor.fetchall())
        cursor.execute(f"SELECT COUNT(*) FROM ({nodes}) counted", params + params)
        total = cursor.fetchone()[0]
        pairs: dict[tuple[int, int], int] = {}
        if len(chosen) > 1:
            keys = list(chosen)
            marks = ", ".join(["%s"] * len(keys))
            cursor.execute(
                f"SELECT a.k, b.k, COUNT(*) FROM ({members}) a "
                f"JOIN ({members}) b ON a.m = b.m AND a.k < b.k "
                f"WHERE a.k IN ({marks}) AND b.k IN ({marks}) GROUP BY a.k, b.k",
                params + params + keys + keys,
            )
            pairs = {(a, b): n for a, b, n in cursor.fetchall()}
    return GraphCounts(node_meetings=chosen, pair_meetings=pairs, total_nodes=total)
