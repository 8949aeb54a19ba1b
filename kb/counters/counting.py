"""What the maintained counts should be, counted from the tables (the repair and the
check: ``manage.py recount [--check]``), and what is stored now.

Every function takes ``apps`` so that a migration can count with its historical models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Sum

REJECTED = "rejected"

COUNTRY_FIELDS = ("leaders", "hosted", "attended", "attended_home", "linked")
LEADER_FIELDS = ("meetings",)
#: The home page's totals (``kb.models.Total``); countries are counted from their tallies.
TOTALS = ("meetings", "leaders", "gifts", "agreements", "articles")

#: (country_a, country_b) with country_a < country_b.
Pair = tuple[int, int]
#: (year, month, kind) of the meetings counted per year and month
#: (``kb.models.MeetingYear``): month 0 for the whole year, year 0 for the undated.
YearKind = tuple[int, int, str]
#: (year, month, kind, host country) of the hosted meetings (``kb.models.HostYear``).
HostYearKind = tuple[int, int, str, int]


def model(name: str, apps=None):
    if apps is None:
        from django.apps import apps
    return apps.get_model("kb", name)


def _ids(ids: Iterable[int] | None) -> list[int] | None:
    return None if ids is None else sorted({pk for pk in ids if pk is not None})


def count_countries(ids: Iterable[int] | None = None, *, apps=None) -> dict[int, dict[str, int]]:
    """The tally of each country in ``ids`` (every country with a count when None),
    counted from the tables. Countries with nothing counted are left out."""
    Leader, Meeting = model("Leader", apps), model("Meeting", apps)
    Participation = Meeting.participants.through
    ids = _ids(ids)

    def only(queryset, field):
        return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})

    def grouped(queryset, field, count) -> dict[int, int]:
        rows = only(queryset, field).order_by().values(field).annotate(n=count)
        return {r[field]: r["n"] for r in rows if r[field] is not None}

    taken_part = Participation.objects.exclude(meeting__review_state=REJECTED)
    figures = {
        "leaders": grouped(
            Leader.objects.exclude(review_state=REJECTED).filter(merged_into=None),
            "country_id",
            Count("pk"),
        ),
        "hosted": grouped(
            Meeting.objects.exclude(review_state=REJECTED), "host_country_id", Count("pk")
        ),
        "attended": grouped(taken_part, "leader__country_id", Count("meeting_id", distinct=True)),
        "attended_home": grouped(
            taken_part.filter(meeting__host_country_id=F("leader__country_id")),
            "leader__country_id",
            Count("meeting_id", distinct=True),
        ),
        # Meetings where a leader of another country took part too.
        "linked": grouped(
            taken_part.filter(
                Exists(
                    Participation.objects.filter(
                        meeting_id=OuterRef("meeting_id"), leader__country_id__isnull=False
                    ).exclude(leader__country_id=OuterRef("leader__country_id"))
                )
            ),
            "leader__country_id",
            Count("meeting_id", distinct=True),
        ),
    }
    out: dict[int, dict[str, int]] = {}
    for name, by_country in figures.items():
        for pk, n in by_country.items():
            out.setdefault(pk, dict.fromkeys(figures, 0))[name] = n
    return out


def count_leaders(ids: Iterable[int] | None = None, *, apps=None) -> dict[int, dict[str, int]]:
    """The tally of each leader in ``ids`` (every leader with a meeting when None)."""
    Meeting = model("Meeting", apps)
    rows = Meeting.participants.through.objects.exclude(meeting__review_state=REJECTED)
    ids = _ids(ids)
    if ids is not None:
        rows = rows.filter(leader_id__in=ids)
    rows = rows.order_by().values("leader_id").annotate(n=Count("pk"))
    return {r["leader_id"]: {"meetings": r["n"]} for r in rows}


def _date(value) -> dt.date | None:
    """SQLite hands dates back from raw SQL as text."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def count_pairs(
    countries: Iterable[int] | None = None, *, apps=None
) -> dict[Pair, tuple[int, dt.date | None]]:
    """(meetings, last met) of every pair of countries whose leaders shared a meeting not
    rejected (only the pairs with one of ``countries`` when given), from the tables.

    Each meeting's countries are made distinct first, then paired within the meeting;
    with ``countries``, only the meetings they took part in are read."""
    Meeting, Leader = model("Meeting", apps), model("Leader", apps)
    through = Meeting.participants.through._meta.db_table
    leader, meeting = Leader._meta.db_table, Meeting._meta.db_table
    ids = _ids(countries)
    params: list = []
    only = ""
    if ids is not None:
        if not ids:
            return {}
        marks = ", ".join(["%s"] * len(ids))
        only = f"""AND p.meeting_id IN (
            SELECT p2.meeting_id FROM {through} p2 JOIN {leader} l2 ON l2.id = p2.leader_id
            WHERE l2.country_id IN ({marks}))"""
        params += ids
    sql = f"""
        WITH attended AS (
            SELECT DISTINCT p.meeting_id, l.country_id
            FROM {through} p JOIN {leader} l ON l.id = p.leader_id
            WHERE l.country_id IS NOT NULL {only}
        )
        SELECT x.country_id, y.country_id, COUNT(*), MAX(m.date)
        FROM attended x
        JOIN attended y ON y.meeting_id = x.meeting_id AND x.country_id < y.country_id
        JOIN {meeting} m ON m.id = x.meeting_id
        WHERE m.review_state <> %s
        GROUP BY x.country_id, y.country_id
    """  # noqa: S608 (table names from the models; values as parameters)
    params.append(REJECTED)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    wanted = None if ids is None else set(ids)
    return {
        (a, b): (n, _date(last))
        for a, b, n, last in rows
        if wanted is None or a in wanted or b in wanted
    }


def count_totals(*, apps=None) -> dict[str, int]:
    """How many of each record a reader can see, counted over the whole tables."""

    def shown(name):
        return model(name, apps).objects.exclude(review_state=REJECTED)

    return {
        "meetings": shown("Meeting").count(),
        "leaders": shown("Leader").filter(merged_into=None).count(),
        "gifts": shown("Gift").count(),
        "agreements": shown("Agreement").count(),
        "articles": model("Article", apps).objects.count(),
    }


def _by_period(rows) -> dict[tuple, int]:
    """Counts by (year, month, *rest) from counts by (year or None, month or None,
    *rest): each added to its year's row (month 0) and its month's, the undated under
    (0, 0)."""
    out: dict[tuple, int] = {}
    for year, month, *rest, n in rows:
        periods = [(year, 0), (year, month)] if year else [(0, 0)]
        for period in periods:
            key = (*period, *rest)
            out[key] = out.get(key, 0) + n
    return out


def _counted_by_month(fields: tuple[str, ...], *, apps=None):
    from django.db.models.functions import ExtractMonth, ExtractYear

    return (
        model("Meeting", apps)
        .objects.exclude(review_state=REJECTED)
        .annotate(year=ExtractYear("date"), month=ExtractMonth("date"))
        .order_by()
        .values_list("year", "month", *fields)
        .annotate(n=Count("pk"))
    )


def count_years(*, apps=None) -> dict[YearKind, int]:
    """Meetings not rejected per (year, month, kind): month 0 for the whole year, the
    undated under year 0 (month 0 only)."""
    return _by_period(_counted_by_month(("kind",), apps=apps))


def count_host_years(*, apps=None) -> dict[HostYearKind, int]:
    """Meetings not rejected per (year, month, kind, host country), as ``count_years``."""
    rows = _counted_by_month(("kind", "host_country_id"), apps=apps).exclude(host_country_id=None)
    return _by_period(rows)


# ---- what is stored ---------------------------------------------------------------------------


def stored_totals(*, apps=None) -> dict[str, int]:
    """The totals as stored (the sum of each one's slots; 0 when it has none)."""
    rows = model("Total", apps).objects.values("name").annotate(n=Sum("n"))
    out = dict.fromkeys(TOTALS, 0)
    out.update({r["name"]: r["n"] for r in rows})
    return out


def stored_years(*, apps=None) -> dict[YearKind, int]:
    """Meetings per (year, month, kind) as stored (the sum of each one's slots), zeros
    left out."""
    rows = (
        model("MeetingYear", apps)
        .objects.values_list("year", "month", "kind")
        .annotate(n=Sum("n"))
        .order_by()
    )
    return {(year, month, kind): n for year, month, kind, n in rows if n}


def stored_host_years(*, apps=None) -> dict[HostYearKind, int]:
    """Hosted meetings per (year, month, kind, country) as stored, zeros left out."""
    rows = (
        model("HostYear", apps)
        .objects.filter(meetings__gt=0)
        .values_list("year", "month", "kind", "host_country_id", "meetings")
    )
    return {tuple(key): n for *key, n in rows}


def stored() -> dict[str, dict]:
    """Every maintained count as stored, rows of zeros left out (as counting does)."""

    def nonzero(name, fields):
        out = {}
        for row in model(name).objects.values("pk", *fields):
            figures = {f: row[f] for f in fields}
            if any(figures.values()):
                out[row["pk"]] = figures
        return out

    pairs = {
        (row[0], row[1]): (row[2], row[3])
        for row in model("CountryPairTally")
        .objects.exclude(meetings=0, last_met=None)
        .values_list("country_a_id", "country_b_id", "meetings", "last_met")
    }
    return {
        "country": nonzero("CountryTally", COUNTRY_FIELDS),
        "leader": nonzero("LeaderTally", LEADER_FIELDS),
        "pair": pairs,
        "total": stored_totals(),
        "year": stored_years(),
        "host_year": stored_host_years(),
    }


def differences() -> list[str]:
    """Where the stored counts differ from counting the tables now, one line each."""
    have = stored()
    want = {
        "country": count_countries(),
        "leader": count_leaders(),
        "pair": count_pairs(),
        "total": count_totals(),
        "year": count_years(),
        "host_year": count_host_years(),
    }
    from kb.counters import pair_years

    for what in pair_years.TABLES:
        have[what], want[what] = pair_years.stored(what), pair_years.count(what)
    out = []
    for what in ("country", "leader", "pair", "total", "year", "host_year", *pair_years.TABLES):
        for key in sorted(have[what].keys() | want[what].keys()):
            if have[what].get(key) != want[what].get(key):
                out.append(
                    f"{what} {key}: stored {have[what].get(key)}, counted {want[what].get(key)}"
                )
    return out
