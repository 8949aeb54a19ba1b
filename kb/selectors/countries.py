"""A country's page: meetings its leaders attended, counterpart countries, and the
timeline of its office-holders.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Coalesce

from kb.models import Country, CountryPairTally, CountryTally, Meeting, Office

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

    Read from the maintained pair counts (``kb.counters``): at most one row per other
    country, where counting from the tables read every participation of the country's
    meetings (172,000 rows for the top host at 100,000 meetings)."""
    pairs = CountryPairTally._meta.db_table
    table = Country._meta.db_table
    sql = f"""
        SELECT c.*, p.meetings AS shared_count, p.last_met
        FROM {pairs} p
        JOIN {table} c ON c.id = CASE WHEN p.country_a_id = %s
                                      THEN p.country_b_id ELSE p.country_a_id END
        WHERE (p.country_a_id = %s OR p.country_b_id = %s) AND p.meetings > 0
        ORDER BY p.meetings DESC, c.name, c.id
    """  # noqa: S608 (table names from the models; values as parameters)
    params: list = [country.pk, country.pk, country.pk]
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
