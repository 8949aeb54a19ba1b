"""The network's pairs by year and kind of meeting (``kb.models.periods``: leaders in
``LeaderPairYear``, countries in ``CountryPairYear``): what a network filtered by dates
or kind sums, instead of pairing the participations of every meeting selected.

A meeting counts, under its year (0 when undated) and kind, each pair of its nodes (its
leaders, or their distinct countries) and each node with itself once when it has two or
more nodes. Its rows are keys of its footprint (``writing.Footprint.keys``), so every
write adds the difference before and after to them, as ``n = n + delta`` in the
writer's transaction (never below zero), like the other counts; a leader's change of
country counts its countries' rows again. ``rebuild`` counts every row from the tables
in one statement per table (``manage.py recount``, bulk loaders).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from django.db import connection, transaction
from django.db.models import Q

from kb.counters.counting import REJECTED, model

#: Rows added to in one statement (5 parameters each, within SQLite's limit).
CHUNK = 1000

#: (a, b, year, kind), a <= b; (a, a, ...) is a node's meetings with another node.
Key = tuple[int, int, int, str]

#: Per kind of node: the key in a delta, the table's model, its columns and what they refer to.
TABLES = {
    "leader_year": ("LeaderPairYear", "leader_a_id", "leader_b_id", "Leader"),
    "country_year": ("CountryPairYear", "country_a_id", "country_b_id", "Country"),
}


def linked(nodes: Iterable[int], year: int, kind: str) -> set[Key]:
    """The rows one meeting counts in with these nodes."""
    nodes = sorted(set(nodes))
    if len(nodes) < 2:
        return set()
    keys = {(a, b, year, kind) for a, b in combinations(nodes, 2)}
    keys |= {(n, n, year, kind) for n in nodes}
    return keys


# ---- counting from the tables -----------------------------------------------------------------


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"COALESCE(CAST(EXTRACT(YEAR FROM {column}) AS INTEGER), 0)"
    return f"COALESCE(CAST(strftime('%%Y', {column}) AS INTEGER), 0)"


def _counting_sql(what: str, *, countries: list[int] | None = None, apps=None) -> tuple[str, list]:
    """SQL for (a, b, year, kind, meetings) rows of ``what`` ("leader_year" or
    "country_year"); with ``countries``, only from the meetings they took part in."""
    Meeting, Leader = model("Meeting", apps), model("Leader", apps)
    q = connection.ops.quote_name
    part = q(Meeting.participants.through._meta.db_table)
    meeting, leader = q(Meeting._meta.db_table), q(Leader._meta.db_table)
    if what == "leader_year":
        members = f"SELECT p.meeting_id AS m, p.leader_id AS k FROM {part} p"
    else:
        members = (
            f"SELECT DISTINCT p.meeting_id AS m, l.country_id AS k FROM {part} p "
            f"JOIN {leader} l ON l.id = p.leader_id WHERE l.country_id IS NOT NULL"
        )
    params: list = [REJECTED]
    only = ""
    if countries is not None:
        marks = ", ".join(["%s"] * len(countries))
        only = (
            f" AND mt.id IN (SELECT p2.meeting_id FROM {part} p2 "
            f"JOIN {leader} l2 ON l2.id = p2.leader_id WHERE l2.country_id IN ({marks}))"
        )
        params += countries
    sql = (
        f"WITH members AS ({members}), "
        f"shown AS (SELECT mt.id AS id, {_year('mt.date')} AS y, mt.kind AS kind "
        f"FROM {meeting} mt WHERE mt.review_state <> %s{only}) "
        "SELECT x.k, z.k, s.y, s.kind, COUNT(*) FROM members x "
        "JOIN members z ON z.m = x.m AND x.k < z.k JOIN shown s ON s.id = x.m "
        "GROUP BY x.k, z.k, s.y, s.kind "
        "UNION ALL "
        "SELECT x.k, x.k, s.y, s.kind, COUNT(*) FROM members x JOIN shown s ON s.id = x.m "
        "WHERE EXISTS (SELECT 1 FROM members z WHERE z.m = x.m AND z.k <> x.k) "
        "GROUP BY x.k, s.y, s.kind"
    )  # noqa: S608 (table names from the models; values as parameters)
    return sql, params


def count(what: str, *, countries: Iterable[int] | None = None, apps=None) -> dict[Key, int]:
    """Every row of ``what`` counted from the tables (only those of ``countries`` when
    given)."""
    ids = None if countries is None else sorted(set(countries))
    if ids is not None and not ids:
        return {}
    sql, params = _counting_sql(what, countries=ids, apps=apps)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    wanted = None if ids is None else set(ids)
    return {
        (a, b, year, kind): n
        for a, b, year, kind, n in rows
        if wanted is None or a in wanted or b in wanted
    }


def stored(what: str) -> dict[Key, int]:
    """The rows of ``what`` as stored, rows at zero left out."""
    name, a, b, _ = TABLES[what]
    rows = model(name).objects.filter(meetings__gt=0)
    return {
        (x, y, year, kind): n
        for x, y, year, kind, n in rows.values_list(a, b, "year", "kind", "meetings")
    }


def rebuild(what: str, *, apps=None) -> int:
    """Every row of ``what`` counted again from the tables; returns the number of rows."""
    name, a, b, _ = TABLES[what]
    Table = model(name, apps)
    table = connection.ops.quote_name(Table._meta.db_table)
    sql, params = _counting_sql(what, apps=apps)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        cursor.execute(
            f"INSERT INTO {table} ({a}, {b}, year, kind, meetings) {sql}",  # noqa: S608
            params,
        )
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {table}")  # a new table: plans for its real size
    return Table.objects.count()


# ---- applying a delta ---------------------------------------------------------------------------


def apply(what: str, changes: dict[Key, int], *, recount: Iterable[int] = ()) -> None:
    """Add each row's change (made if missing, never below zero) in key order, leaving
    out nodes deleted since; then count again the rows of the ``recount`` countries (a
    leader's change of country moves every meeting it attended), whose changes are left
    out."""
    recount = set(recount) if what == "country_year" else set()
    name, a, b, parent = TABLES[what]
    changes = {key: n for key, n in changes.items() if n and not recount.intersection(key[:2])}
    if changes:
        table = connection.ops.quote_name(model(name)._meta.db_table)
        nodes = connection.ops.quote_name(model(parent)._meta.db_table)
        # A node deleted since (a leader deleted with its participations) is left out.
        exists = (
            f"EXISTS (SELECT 1 FROM {nodes} WHERE id = column1) "
            f"AND EXISTS (SELECT 1 FROM {nodes} WHERE id = column2)"
        )
        rows = sorted(changes.items())
        with connection.cursor() as cursor:
            if all(n > 0 for _key, n in rows):
                # Only additions (a new meeting, the usual write): one statement for
                # every row instead of one per row, rows still taken in key order.
                for start in range(0, len(rows), CHUNK):
                    chunk = rows[start : start + CHUNK]
                    marks = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                    cursor.execute(
                        f"INSERT INTO {table} ({a}, {b}, year, kind, meetings) "  # noqa: S608
                        f"SELECT column1, column2, column3, column4, column5 "
                        f"FROM (VALUES {marks}) AS v WHERE {exists} "
                        "ORDER BY column1, column2, column3, column4 "
                        f"ON CONFLICT ({a}, {b}, year, kind) DO UPDATE SET "
                        f"meetings = {table}.meetings + excluded.meetings",
                        [value for key, n in chunk for value in (*key, n)],
                    )
            else:
                cursor.executemany(
                    f"INSERT INTO {table} ({a}, {b}, year, kind, meetings) "  # noqa: S608
                    "SELECT %s, %s, %s, %s, %s "
                    f"WHERE EXISTS (SELECT 1 FROM {nodes} WHERE id = %s) "
                    f"AND EXISTS (SELECT 1 FROM {nodes} WHERE id = %s) "
                    f"ON CONFLICT ({a}, {b}, year, kind) DO UPDATE SET meetings = CASE "
                    f"WHEN {table}.meetings + %s < 0 THEN 0 ELSE {table}.meetings + %s END",
                    [(x, y, year, kind, max(n, 0), x, y, n, n) for (x, y, year, kind), n in rows],
                )
    if recount:
        _recount(what, recount)


def _recount(what: str, countries: set[int]) -> None:
    """The rows of these countries deleted and counted again (in the caller's transaction)."""
    name, a, b, parent = TABLES[what]
    Table = model(name)
    ids = sorted(countries)
    Table.objects.filter(Q(**{f"{a}__in": ids}) | Q(**{f"{b}__in": ids})).delete()
    alive = set(model(parent).objects.filter(pk__in=ids).values_list("pk", flat=True))
    fresh = count(what, countries=alive)
    Table.objects.bulk_create(
        [
            Table(**{a: x, b: y}, year=year, kind=kind, meetings=n)
            for (x, y, year, kind), n in sorted(fresh.items())
        ],
        batch_size=500,
    )
