"""Changing the maintained counts: by deltas from a meeting's state before and after a
write, and by counting keys again from the tables (the repair).

A delta is applied as ``UPDATE ... SET n = n + delta`` in the writer's transaction,
after locking the rows it changes in key order (so that two writers never wait on each
other in a circle): an atomic addition, so two workers recording at once never leave a
count off, and it costs the same at 100 meetings as at 100,000. A count that a delta
would take below zero stays at zero: the counts were already wrong (a write around the
counters), and ``manage.py recount`` repairs them.

A leader's change of country moves every meeting it attended: those countries (and
their pairs) are counted again instead, as is a deleted leader's country.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from django.db import connection, transaction
from django.db.models import Case, Exists, F, IntegerField, Max, OuterRef, Q, Value, When
from django.db.models.functions import Coalesce, Greatest

from kb.counters import pair_years
from kb.counters.counting import (
    COUNTRY_FIELDS,
    LEADER_FIELDS,
    REJECTED,
    Pair,
    count_countries,
    count_host_years,
    count_leaders,
    count_pairs,
    count_totals,
    count_years,
    model,
)

CHUNK = 500
#: The keys counted by year and month (``kb.models.periods``): meetings, hosted meetings.
PERIODS = ("year", "host_year")


def _chunks(ids: Iterable, size: int = CHUNK):
    ids = sorted(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# ---- a meeting's part in the counts -----------------------------------------------------------


@dataclass(frozen=True)
class Footprint:
    """What one meeting adds to the counts: nothing when rejected or gone."""

    counted: bool = False
    host: int | None = None
    date: dt.date | None = None
    leaders: frozenset[int] = frozenset()
    countries: frozenset[int] = frozenset()
    kind: str = ""

    @property
    def year(self) -> int:
        """Its year, 0 when undated (``kb.models.periods.UNDATED``)."""
        return self.date.year if self.date else 0

    def periods(self) -> set[tuple[int, int]]:
        """The (year, month) it is counted under by year and month: its year (month 0)
        and its month, or (0, 0) when undated (``kb.models.periods``)."""
        if not self.date:
            return {(0, 0)}
        return {(self.date.year, 0), (self.date.year, self.date.month)}

    def keys(self) -> set[tuple]:
        if not self.counted:
            return set()
        keys: set[tuple] = {("total", "meetings")}
        keys |= {("year", year, month, self.kind) for year, month in self.periods()}
        if self.host is not None:
            keys |= {
                ("host_year", year, month, self.kind, self.host) for year, month in self.periods()
            }
        keys |= {("leader", pk, "meetings") for pk in self.leaders}
        keys |= {("country", pk, "attended") for pk in self.countries}
        if len(self.countries) > 1:
            keys |= {("country", pk, "linked") for pk in self.countries}
        if self.host is not None:
            keys.add(("country", self.host, "hosted"))
            if self.host in self.countries:
                keys.add(("country", self.host, "attended_home"))
        keys |= {("pair", pair) for pair in self.pairs()}
        keys |= {("leader_year", k) for k in pair_years.linked(self.leaders, self.year, self.kind)}
        keys |= {
            ("country_year", k) for k in pair_years.linked(self.countries, self.year, self.kind)
        }
        return keys

    def pairs(self) -> set[Pair]:
        return set(combinations(sorted(self.countries), 2)) if self.counted else set()


NOTHING = Footprint()


def footprints(meeting_ids: Iterable[int], *, lock: bool = False) -> dict[int, Footprint]:
    """Each meeting's footprint as stored now (``NOTHING`` for one that is gone). With
    ``lock``, its row is locked first (inside a transaction), so that a concurrent
    writer of the same meeting waits and then reads what this one committed."""
    Meeting = model("Meeting")
    out = dict.fromkeys(meeting_ids, NOTHING)
    lock = lock and not connection.get_autocommit()
    for ids in _chunks(out):
        rows = Meeting.objects.filter(pk__in=ids).order_by("pk")
        if lock:
            rows = rows.select_for_update(no_key=connection.vendor == "postgresql")
        counted = {
            pk: (host, date, kind)
            for pk, host, state, date, kind in rows.values_list(
                "pk", "host_country_id", "review_state", "date", "kind"
            )
            if state != REJECTED
        }
        people: dict[int, set[tuple[int, int | None]]] = {pk: set() for pk in counted}
        through = Meeting.participants.through.objects.filter(meeting_id__in=list(counted))
        for meeting_id, leader_id, country_id in through.values_list(
            "meeting_id", "leader_id", "leader__country_id"
        ):
            people[meeting_id].add((leader_id, country_id))
        for pk, (host, date, kind) in counted.items():
            out[pk] = Footprint(
                True,
                host,
                date,
                frozenset(leader for leader, _ in people[pk]),
                frozenset(country for _, country in people[pk] if country is not None),
                kind,
            )
    return out


# ---- what changes -----------------------------------------------------------------------------


@dataclass
class Delta:
    """Changes to apply at once: additions by key (``("country", pk, field)``,
    ``("leader", pk, "meetings")``, ``("pair", (a, b))``, ``("total", name)``,
    ``("year", year, month, kind)``, ``("host_year", year, month, kind, country)``,
    ``("leader_year" | "country_year", (a, b, year, kind))``), the dates meetings brought
    to or took from each pair, and keys to count again."""

    counts: Counter = field(default_factory=Counter)
    dates_added: dict[Pair, dt.date] = field(default_factory=dict)
    dates_removed: dict[Pair, dt.date] = field(default_factory=dict)
    recount_countries: set[int] = field(default_factory=set)
    recount_leaders: set[int] = field(default_factory=set)

    def add(self, key: tuple, n: int = 1) -> None:
        if key[1] is not None:
            self.counts[key] += n

    def meeting(self, before: Footprint, after: Footprint) -> None:
        """One meeting went from ``before`` to ``after``."""
        if before == after:
            return
        was, now = before.keys(), after.keys()
        for key in now - was:
            self.counts[key] += 1
        for key in was - now:
            self.counts[key] -= 1
        pairs_before, pairs_after = before.pairs(), after.pairs()
        moved = before.date != after.date
        for pair in pairs_after:
            if after.date and (moved or pair not in pairs_before):
                self.dates_added[pair] = max(after.date, self.dates_added.get(pair, after.date))
        for pair in pairs_before:
            if before.date and (moved or pair not in pairs_after):
                self.dates_removed[pair] = max(
                    before.date, self.dates_removed.get(pair, before.date)
                )

    def of(self, kind: str) -> dict:
        """The non-zero additions of one kind: {pk: {field: n}} (pairs: {pair: n}; by
        year and month: {(year, month, kind[, country]): n})."""
        out: dict = {}
        for key, n in self.counts.items():
            if key[0] != kind or not n:
                continue
            if kind in PERIODS:
                out[key[1:]] = n
            elif kind in ("pair", *pair_years.TABLES):
                out[key[1]] = n
            else:
                out.setdefault(key[1], {})[key[2] if kind != "total" else "n"] = n
        return out

    def __bool__(self) -> bool:
        return bool(
            any(self.counts.values())
            or self.dates_added
            or self.dates_removed
            or self.recount_countries
            or self.recount_leaders
        )


# ---- applying it ------------------------------------------------------------------------------


def _plus(column: str, n: int, *, floor: bool = True):
    if n > 0 or not floor:
        return F(column) + n
    return Greatest(F(column) + n, Value(0), output_field=IntegerField())


def _add(model_, changes: dict[int, dict[str, int]], fields, *, floor: bool = True) -> None:
    """``UPDATE ... SET f = f + n`` for each row's changes, in one statement (never
    below zero with ``floor``)."""
    values = {}
    for name in fields:
        whens = [
            When(pk=pk, then=_plus(name, c[name], floor=floor))
            for pk, c in changes.items()
            if c.get(name)
        ]
        if whens:
            values[name] = Case(*whens, default=F(name), output_field=IntegerField())
    if values:
        model_.objects.filter(pk__in=list(changes)).update(**values)


def _set(model_, rows: Iterable[int], counted: dict[int, dict[str, int]], fields) -> None:
    """Set each row to its count (zeros when it has none)."""
    zero = dict.fromkeys(fields, 0)
    objs = [model_(pk=pk, **counted.get(pk, zero)) for pk in rows]
    if objs:
        model_.objects.bulk_update(objs, list(fields), batch_size=CHUNK)


def _locked(model_, key: str, ids: Iterable[int], parent: str) -> list[int]:
    """The tally rows of ``ids`` whose record still exists, created if missing and
    locked in key order."""
    Parent = model(parent)
    ids = sorted(set(Parent.objects.filter(pk__in=sorted(set(ids))).values_list("pk", flat=True)))
    if not ids:
        return []
    model_.objects.bulk_create(
        [model_(**{f"{key}_id": pk}) for pk in ids], ignore_conflicts=True, batch_size=CHUNK
    )
    return list(
        model_.objects.select_for_update()
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _apply_keyed(delta: Delta, kind: str, recount: set[int]) -> None:
    name, key, parent, fields, count = {
        "leader": ("LeaderTally", "leader", "Leader", LEADER_FIELDS, count_leaders),
        "country": ("CountryTally", "country", "Country", COUNTRY_FIELDS, count_countries),
    }[kind]
    Tally = model(name)
    changes = {pk: c for pk, c in delta.of(kind).items() if pk not in recount}
    rows = set(_locked(Tally, key, changes.keys() | recount, parent))
    _add(Tally, {pk: c for pk, c in changes.items() if pk in rows}, fields)
    again = sorted(rows & recount)
    if again:
        _set(Tally, again, count(again), fields)


def _apply_pairs(delta: Delta) -> None:
    Pairs = model("CountryPairTally")
    recount = delta.recount_countries
    # The pairs a recount will write, so that their rows exist before they are locked.
    known = count_pairs(recount) if recount else {}
    changes = {pair: n for pair, n in delta.of("pair").items() if not recount.intersection(pair)}
    dated = {
        pair
        for pair in delta.dates_added.keys() | delta.dates_removed.keys()
        if not recount.intersection(pair)
    }
    touched = changes.keys() | dated
    if not touched and not recount:
        return
    Pairs.objects.bulk_create(
        [Pairs(country_a_id=a, country_b_id=b) for a, b in sorted(touched | known.keys())],
        ignore_conflicts=True,
        batch_size=CHUNK,
    )
    # Lock every row that may change (a few more when several pairs share a country).
    firsts, seconds = {a for a, _ in touched}, {b for _, b in touched}
    wanted = Q(country_a_id__in=firsts, country_b_id__in=seconds)
    if recount:
        wanted |= Q(country_a_id__in=recount) | Q(country_b_id__in=recount)
    rows = {
        (a, b): pk
        for pk, a, b in Pairs.objects.select_for_update()
        .filter(wanted)
        .order_by("pk")
        .values_list("pk", "country_a_id", "country_b_id")
    }
    values = {}
    whens = [When(pk=rows[p], then=_plus("meetings", n)) for p, n in changes.items() if p in rows]
    if whens:
        values["meetings"] = Case(*whens, default=F("meetings"), output_field=IntegerField())
    whens = [
        When(pk=rows[p], then=Coalesce(Greatest(F("last_met"), Value(d)), Value(d)))
        for p, d in delta.dates_added.items()
        if p in rows and p in touched
    ]
    if whens:
        values["last_met"] = Case(*whens, default=F("last_met"))
    if values:
        Pairs.objects.filter(pk__in=[rows[p] for p in touched if p in rows]).update(**values)
    _pairs_dates_checked(Pairs, {p: d for p, d in delta.dates_removed.items() if p in touched})
    if recount:
        fresh = count_pairs(recount)  # now that the rows are locked
        again = []
        for pair, pk in rows.items():
            if recount.intersection(pair):
                n, last = fresh.get(pair, (0, None))
                again.append(Pairs(pk=pk, meetings=n, last_met=last))
        Pairs.objects.bulk_update(again, ["meetings", "last_met"], batch_size=CHUNK)
        missing = fresh.keys() - rows.keys()
        Pairs.objects.bulk_create(
            [
                Pairs(country_a_id=a, country_b_id=b, meetings=n, last_met=d)
                for (a, b), (n, d) in sorted((p, fresh[p]) for p in missing)
            ],
            ignore_conflicts=True,
        )


def _pairs_dates_checked(Pairs, removed: dict[Pair, dt.date]) -> None:
    """A pair that lost a meeting dated on or after its last date: find its last date
    again (the latest of the meetings left, none when there are none)."""
    if not removed:
        return
    q = Q()
    for a, b in removed:
        q |= Q(country_a_id=a, country_b_id=b)
    for pk, a, b, n, last in Pairs.objects.filter(q).values_list(
        "pk", "country_a_id", "country_b_id", "meetings", "last_met"
    ):
        if last is None or (n and removed[(a, b)] < last):
            continue
        Pairs.objects.filter(pk=pk).update(last_met=_last_met(a, b) if n else None)


def _last_met(a: int, b: int) -> dt.date | None:
    Meeting = model("Meeting")
    through = Meeting.participants.through.objects

    def attended(country):
        return Exists(through.filter(meeting_id=OuterRef("pk"), leader__country_id=country))

    shared = Meeting.objects.exclude(review_state=REJECTED).filter(attended(a), attended(b))
    return shared.aggregate(last=Max("date"))["last"]


def _apply_totals(delta: Delta) -> None:
    """The home page's totals: each change added to one slot chosen at random, made if
    missing, in one statement (a slot may go below zero: the total is the sum)."""
    changes = {name: c["n"] for name, c in delta.of("total").items()}
    if not changes:
        return
    Total = model("Total")
    slot = random.randrange(Total.SLOTS)  # noqa: S311 (spreading writers, not secrecy)
    _upsert(
        Total._meta.db_table,
        ("name", "slot", "n"),
        "name, slot",
        [(name, slot, n) for name, n in changes.items()],
        "n = {table}.n + excluded.n",
    )


def _upsert(table: str, columns: tuple[str, ...], conflict: str, rows: list[tuple], add: str):
    """``INSERT ... ON CONFLICT DO UPDATE SET <add>`` of ``rows`` (sorted, so that rows
    are locked in key order), in one statement per :data:`CHUNK` rows."""
    quote = connection.ops.quote_name
    table = quote(table)
    names = ", ".join(columns)
    mark = "(" + ", ".join(["%s"] * len(columns)) + ")"
    rows = sorted(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([mark] * len(chunk))} "  # noqa: S608
                f"ON CONFLICT ({conflict}) DO UPDATE SET {add.format(table=table)}",
                [value for row in chunk for value in row],
            )


def _apply_years(delta: Delta) -> None:
    """Meetings per (year, month, kind): each change added to one slot chosen at random,
    made if missing, in one statement (a slot may go below zero: the count is the sum)."""
    changes = delta.of("year")
    if not changes:
        return
    MeetingYear = model("MeetingYear")
    slot = random.randrange(MeetingYear.SLOTS)  # noqa: S311 (spreading writers, not secrecy)
    _upsert(
        MeetingYear._meta.db_table,
        ("year", "month", "kind", "slot", "n"),
        "year, month, kind, slot",
        [(year, month, kind, slot, n) for (year, month, kind), n in changes.items()],
        "n = {table}.n + excluded.n",
    )


def _apply_host_years(delta: Delta) -> None:
    """Hosted meetings per (year, month, kind, country), made if missing and never below
    zero: additions alone (a new meeting) in one statement; otherwise (an edit moving a
    meeting) one statement per row, rows still in key order."""
    changes = delta.of("host_year")
    if not changes:
        return
    HostYear = model("HostYear")
    columns = ("year", "month", "kind", "host_country_id", "meetings")
    conflict = "year, month, kind, host_country_id"
    if all(n > 0 for n in changes.values()):
        _upsert(
            HostYear._meta.db_table,
            columns,
            conflict,
            [(*key, n) for key, n in changes.items()],
            "meetings = {table}.meetings + excluded.meetings",
        )
        return
    table = connection.ops.quote_name(HostYear._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
            f"VALUES (%s, %s, %s, %s, %s) ON CONFLICT ({conflict}) DO UPDATE SET "
            f"meetings = CASE WHEN {table}.meetings + %s < 0 THEN 0 "
            f"ELSE {table}.meetings + %s END",
            [(*key, max(n, 0), n, n) for key, n in sorted(changes.items())],
        )


def apply(delta: Delta) -> None:
    """Apply a delta in the caller's transaction: tables always in this order, each
    one's rows locked in key order."""
    if not delta:
        return
    with transaction.atomic():
        _apply_keyed(delta, "leader", delta.recount_leaders)
        _apply_keyed(delta, "country", delta.recount_countries)
        _apply_pairs(delta)
        _apply_totals(delta)
        _apply_years(delta)
        _apply_host_years(delta)
        for what in pair_years.TABLES:
            pair_years.apply(what, delta.of(what), recount=delta.recount_countries)


def recount(*, countries: Iterable[int] = (), leaders: Iterable[int] = ()) -> None:
    """Count these countries (their tallies and pairs) and leaders again."""
    delta = Delta()
    delta.recount_countries = {pk for pk in countries if pk is not None}
    delta.recount_leaders = {pk for pk in leaders if pk is not None}
    apply(delta)


#: What :func:`recount_all` rebuilds, per kind: the table, the name it is reported
#: under, and its rows from a count of the tables (given the table's model and ``apps``).
_REBUILT = {
    "country": (
        "CountryTally",
        "countries",
        lambda Tally, apps: [
            Tally(country_id=pk, **f) for pk, f in count_countries(apps=apps).items()
        ],
    ),
    "leader": (
        "LeaderTally",
        "leaders",
        lambda Tally, apps: [
            Tally(leader_id=pk, **f) for pk, f in count_leaders(apps=apps).items()
        ],
    ),
    "pair": (
        "CountryPairTally",
        "pairs",
        lambda Pairs, apps: [
            Pairs(country_a_id=a, country_b_id=b, meetings=n, last_met=d)
            for (a, b), (n, d) in count_pairs(apps=apps).items()
        ],
    ),
    "total": (
        "Total",
        "totals",
        lambda Total, apps: [
            Total(name=name, slot=0, n=n) for name, n in count_totals(apps=apps).items()
        ],
    ),
    "year": (
        "MeetingYear",
        "years",
        lambda MeetingYear, apps: [
            MeetingYear(year=year, month=month, kind=kind, slot=0, n=n)
            for (year, month, kind), n in count_years(apps=apps).items()
        ],
    ),
    "host_year": (
        "HostYear",
        "host_years",
        lambda HostYear, apps: [
            HostYear(year=year, month=month, kind=kind, host_country_id=host, meetings=n)
            for (year, month, kind, host), n in count_host_years(apps=apps).items()
        ],
    ),
}


KINDS = ("country", "leader", "pair", "total", "year", "host_year", *pair_years.TABLES)


def recount_all(*, apps=None, kinds: Iterable[str] = KINDS):
    """Rebuild every maintained count from the tables (``manage.py recount``, bulk
    loaders): each table emptied and filled again with the counts. A migration names
    the ``kinds`` its models have. Returns the rows made per table."""
    kinds = set(kinds)
    made: dict[str, int] = {}
    with transaction.atomic():
        for what in pair_years.TABLES:
            if what in kinds:
                made[what + "s"] = pair_years.rebuild(what, apps=apps)
        for kind, (name, reported, rows_of) in _REBUILT.items():
            if kind in kinds:
                Table = model(name, apps)
                Table.objects.all().delete()
                rows = rows_of(Table, apps)
                Table.objects.bulk_create(rows, batch_size=1000)
                made[reported] = len(rows)
    return made
