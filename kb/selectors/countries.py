"""A country's page: meetings its leaders attended, counterpart countries, and the
timeline of its office-holders.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Coalesce

from kb.models import Country, CountryTally, Leader, Meeting, Office, ReviewState

Participation = Meeting.participants.through


def meetings_of_country(country):
    """Visible meetings a leader of this country attended (no duplicates)."""
    participant = Exists(
        Participation.objects.filter(meeting_id=OuterRef("pk"), leader__country=country)
    )
    return Meeting.objects.visible().filter(participant)


def counterpart_countries(country, *, limit: int | None = 20) -> list[Country]:
    """Countries ranked by how many meetings (not rejected) their leaders shared with this
    country's, with the date they last met (``shared_count``, ``last_met``).

    Each (country, meeting) pair is made distinct first, then the pairs are grouped:
    COUNT(DISTINCT ...) over the join (as the ORM writes it) sorted every participation
    of the country's meetings, 172,000 rows for the top host at 100,000 meetings; pairs
    are hashed instead. The country's own meetings come from its leaders' participations
    through the (leader, meeting) index."""
    through = Participation._meta.db_table
    leader = Leader._meta.db_table
    meeting = Meeting._meta.db_table
    table = Country._meta.db_table
    sql = f"""
        SELECT c.*, counted.shared_count, counted.last_met
        FROM (
            SELECT pair.country_id, COUNT(*) AS shared_count, MAX(m.date) AS last_met
            FROM (
                SELECT DISTINCT l.country_id, p.meeting_id
                FROM {through} p
                JOIN {leader} l ON l.id = p.leader_id
                WHERE l.country_id IS NOT NULL AND l.country_id <> %s
                  AND p.meeting_id IN (
                      SELECT p2.meeting_id FROM {through} p2
                      JOIN {leader} l2 ON l2.id = p2.leader_id
                      WHERE l2.country_id = %s)
            ) pair
            JOIN {meeting} m ON m.id = pair.meeting_id
            WHERE m.review_state <> %s
            GROUP BY pair.country_id
        ) counted
        JOIN {table} c ON c.id = counted.country_id
        ORDER BY counted.shared_count DESC, c.name, c.id
    """  # noqa: S608 (table names from the models; values as parameters)
    params: list = [country.pk, country.pk, ReviewState.REJECTED]
    if limit:
        sql += " LIMIT %s"
        params.append(limit)
    rows = list(Country.objects.raw(sql, params))
    for row in rows:  # SQLite hands back the date as text
        if isinstance(row.last_met, str):
            row.last_met = dt.date.fromisoformat(row.last_met)
    return rows


#: The country page's timeline of office-holders, in this order.
TIMELINE_KINDS = (
    (("monarch", "head_of_state"), "Head of state"),
    (("head_of_government",), "Head of government"),
    (("foreign_minister",), "Foreign minister"),
)


def country_office_timeline(country) -> list[dict]:
    """Who held the country's leading offices, and when: one row list per office, newest
    first, each term with its share of the years drawn (a few dozen rows at most)."""
    terms = list(
        Office.objects.visible()
        .filter(country=country, kind__in=[k for kinds, _ in TIMELINE_KINDS for k in kinds])
        .select_related("leader")
        .order_by("-start", "-id")
    )
    if not terms:
        return []
    today = dt.date.today()
    first = min(t.start for t in terms)
    span = max((today - first).days, 1)
    out = []
    for kinds, label in TIMELINE_KINDS:
        rows = []
        for term in (t for t in terms if t.kind in kinds):
            end = term.end or today
            rows.append(
                {
                    "term": term,
                    "offset": round(100 * (term.start - first).days / span, 2),
                    "width": max(round(100 * (end - term.start).days / span, 2), 0.5),
                }
            )
        if rows:
            out.append({"label": label, "rows": rows, "since": first.year, "until": today.year})
    return out


def country_row_counts() -> dict:
    """A countries-list row's counts, read from its maintained tally (``kb.counters``):
    its leaders (active, not rejected) and the meetings it hosted (not rejected)."""
    return {
        "leader_count": Coalesce(F("tally__leaders"), Value(0)),
        "hosted_count": Coalesce(F("tally__hosted"), Value(0)),
    }


def country_tally(country) -> CountryTally:
    """The country's maintained counts (zeros when it has none yet)."""
    return CountryTally.objects.filter(country=country).first() or CountryTally(country=country)


def tally_by_code(field: str) -> dict[str, int]:
    """One maintained count of every country that has it, by code (the map's figures
    when nothing is filtered)."""
    rows = CountryTally.objects.filter(**{f"{field}__gt": 0}).values_list("country__code", field)
    return dict(rows)
