"""Time saving one article's facts on an empty knowledge base and on a large one.

    python manage.py bench_save                      # 100,000 meetings (several minutes)
    python manage.py bench_save --meetings 5000 --articles 10

Recording only: each article is saved from a fixed Extraction (no spaCy), through
``article_facts_replace``, as a worker does. The extraction names the busiest leaders
of the synthetic data (the ones whose meetings, gifts and agreements a slow lookup would
read), with a meeting of two, a group meeting, gifts and agreements, each article dated
a week after the previous one, after the synthetic data's last meeting (so the same
facts are new at both sizes).

On PostgreSQL two throwaway databases are created ("<name>_bench_empty" and
"<name>_bench"), the second filled with `generate_demo_data`'s synthetic meetings, and
articles are saved in each in turn, so that load from other processes on the machine
weighs on both figures alike; both are dropped at the end. On SQLite one in-memory
database is measured large, emptied and measured again. It prints the median seconds
per article at both sizes and their ratio (never asserted: it is a measurement).
"""

from __future__ import annotations

import datetime as dt
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.models import Count, Max
from django.test.utils import (
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from ingest.extract.types import (
    AgreementCandidate,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)
from ingest.record import article_facts_replace
from ingest.resolve import agreement_find, gift_find, meeting_find
from kb.management.commands.generate_demo_data import generate
from kb.models import Article, Country, Gift, Leader, Meeting, ReviewState

TEXT = "{a} met {b} in the capital on {day}. {a} gave {b} a silver tea set. They signed a treaty."


def busiest(count: int) -> list[Leader]:
    return list(
        Leader.objects.filter(country__isnull=False)
        .annotate(n=Count("meetings"))
        .order_by("-n", "pk")
        .select_related("country")[:count]
    )


def extraction_for(people: list[tuple[str, str]], day: dt.date) -> Extraction:
    """One article's worth of facts about ``people`` ((name, country code) pairs)."""
    (a, ca), (b, cb), (c, _cc) = people[:3]
    text = TEXT.format(a=a, b=b, day=day.isoformat())

    def span(start: int = 0, end: int = 20) -> tuple[Evidence, ...]:
        return (Evidence(Span(start, end, text, 0), 0.9, "bench"),)

    return Extraction(
        published=day,
        leaders=tuple(LeaderMention(name, code, "President", ()) for name, code in people[:3]),
        countries=(ca, cb),
        meetings=(
            MeetingCandidate((a, b), "talks", ca, "the capital", day, ("trade",), span()),
            MeetingCandidate((a, b, c), "summit", None, "", day, ("security",), span()),
        ),
        gifts=(
            GiftCandidate(a, b, "a silver tea set", span(), meeting=0),
            GiftCandidate(b, a, "hand-woven carpet", span(), meeting=0),
        ),
        agreements=tuple(
            AgreementCandidate((a, b), kind, "signed", f"A {kind} on trade", day, span())
            for kind in ("treaty", "mou", "joint_statement", "deal")
        )
        + (AgreementCandidate((ca, cb), "agreement", "agreed", "On fisheries", day, span()),),
    )


def time_save(people: list[tuple[str, str]], day: dt.date, n: int) -> float:
    """Seconds to record one article's extraction about ``people`` dated ``day``."""
    extraction = extraction_for(people, day)
    article = Article.objects.create(
        text=f"Bench article {n} on {day}.", source="bench", published=day
    )
    started = time.perf_counter()
    article_facts_replace(article=article, extraction=extraction)
    return time.perf_counter() - started


def time_saves(people: list[tuple[str, str]], first_day: dt.date, articles: int) -> list[float]:
    return [time_save(people, first_day + dt.timedelta(days=7 * n), n) for n in range(articles)]


def lookups_explained(people: list[tuple[str, str]], day: dt.date) -> list[tuple[str, str]]:
    """EXPLAIN (ANALYZE on PostgreSQL) of the queries a save makes to find its facts and
    sweep orphans, for the bench's leaders: (what, plan) pairs."""
    names = [name for name, _code in people]
    a, b, c = (Leader.objects.filter(name=n).order_by("pk").first() for n in names[:3])
    ca, cb = (Country.objects.get(code=code) for _name, code in people[:2])
    calls = {
        "meeting_find (two people)": lambda: meeting_find(participants=[a, b], date=day, host=ca),
        "meeting_find (undated)": lambda: meeting_find(participants=[a, b], date=None, host=None),
        "meeting_find (group)": lambda: meeting_find(participants=[a, b, c], date=day, host=None),
        "gift_find": lambda: gift_find(giver=a, recipient=b, item="a silver tea set"),
        "agreement_find (leaders)": lambda: agreement_find(
            kind="treaty", leaders={a.pk, b.pk}, countries=set(), date=day
        ),
        "agreement_find (countries)": lambda: agreement_find(
            kind="agreement", leaders=set(), countries={ca.pk, cb.pk}, date=day
        ),
        "orphan sweep (gifts)": lambda: list(
            Gift.objects.filter(
                review_state=ReviewState.EXTRACTED,
                evidence__isnull=True,
                pk__in=list(Gift.objects.filter(giver=a).values_list("pk", flat=True)[:5]),
            )
        ),
    }
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    plans = []
    for what, call in calls.items():
        with CaptureQueriesContext(connection) as ctx:
            call()
        sql = ctx.captured_queries[-1]["sql"]
        with connection.cursor() as cursor:
            cursor.execute(prefix + sql)
            plan = "\n".join("  " + " ".join(str(col) for col in row) for row in cursor.fetchall())
        plans.append((what, plan))
    return plans


def settle() -> None:
    """Planner statistics and the visibility map, as autovacuum keeps them (without the
    map, PostgreSQL cannot answer from an index alone right after a bulk load)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


class Command(BaseCommand):
    help = "Measure per-article save time on an empty knowledge base and on a large one."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=100_000)
        parser.add_argument("--articles", type=int, default=15, help="Articles per figure.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--explain", action="store_true", help="Print the lookups' query plans at size."
        )

    def handle(self, *args, meetings, articles, seed, explain, **options):
        if meetings < 1 or articles < 1:
            raise CommandError("--meetings and --articles must be positive")
        setup_test_environment(debug=False)
        if connection.vendor == "postgresql":
            empty, large = self.interleaved(meetings, articles, seed, explain)
        else:
            empty, large = self.one_after_the_other(meetings, articles, seed, explain)
        small, big = statistics.median(empty), statistics.median(large)
        self.stdout.write(f"Per-article save, median of {articles} ({connection.vendor}):")
        self.stdout.write(f"  empty knowledge base      {small * 1000:8.1f} ms")
        self.stdout.write(f"  {meetings:>9,} meetings      {big * 1000:8.1f} ms")
        self.stdout.write(f"  ratio {big / small:.2f}x")

    def fill(self, meetings: int, seed: int, explain: bool) -> tuple[list, dt.date]:
        """Generate the large knowledge base; the leaders and first day the saves use."""
        self.stdout.write(f"Generating {meetings:,} synthetic meetings")
        started = time.perf_counter()
        generate(meetings, seed=seed)
        self.stdout.write(f"  done in {time.perf_counter() - started:.0f}s")
        settle()
        leaders = busiest(3)
        if len(leaders) < 3:
            raise CommandError("the synthetic data has fewer than three leaders")
        for x in leaders:
            self.stdout.write(f"  {x.name}: {x.meetings.count():,} meetings")
        people = [(x.name, x.country.code) for x in leaders]
        if explain:  # in the middle of the data: plans with many candidates
            dates = Meeting.objects.filter(date__isnull=False).order_by("date")
            for what, plan in lookups_explained(people, dates[dates.count() // 2].date):
                self.stdout.write(f"\n{what}:\n{plan}")
        # After the synthetic data, so that both sizes record new facts (a match at one
        # size and a creation at the other would not compare like with like); the
        # lookups still go through the busy leaders' rows and the undated meetings.
        after = Meeting.objects.aggregate(last=Max("date"))["last"] + dt.timedelta(days=30)
        return people, after

    def interleaved(self, meetings, articles, seed, explain) -> tuple[list, list]:
        """Two throwaway databases, one empty and one large, saving an article in each in
        turn: on a shared machine, load that comes and goes weighs on both alike."""
        settings_dict = connection.settings_dict
        base = settings_dict["NAME"]
        settings_dict.setdefault("TEST", {})
        settings_dict["TEST"]["NAME"] = f"{base}_bench_empty"
        original = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        empty_db = settings_dict["NAME"]
        settings_dict["TEST"]["NAME"] = f"{base}_bench"
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        large_db = settings_dict["NAME"]
        self.stdout.write("Database: postgresql (two throwaway databases, saves interleaved)")

        def use(name: str) -> None:
            connection.close()
            settings_dict["NAME"] = name
            connection.ensure_connection()

        try:
            people, after = self.fill(meetings, seed, explain)
            use(empty_db)
            settle()
            times: dict[str, list[float]] = {empty_db: [], large_db: []}
            for n in range(-1, articles):  # the first round (-1) only warms up
                for name in (empty_db, large_db):
                    use(name)
                    took = time_save(people, after + dt.timedelta(days=7 * (n + 1)), n)
                    if n >= 0:
                        times[name].append(took)
        finally:
            use(large_db)
            connection.creation.destroy_test_db(empty_db, verbosity=0)
            connection.creation.destroy_test_db(original, verbosity=0)
            teardown_test_environment()
        return times[empty_db], times[large_db]

    def one_after_the_other(self, meetings, articles, seed, explain) -> tuple[list, list]:
        """SQLite: one in-memory database, measured large, then emptied and measured."""
        original = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        self.stdout.write(f"Database: {connection.vendor} (throwaway test database)")
        try:
            people, after = self.fill(meetings, seed, explain)
            large = time_saves(people, after, articles)
            call_command("flush", interactive=False, verbosity=0)
            from gazetteer.countries import countries_sync

            countries_sync(Country)
            settle()
            empty = time_saves(people, after, articles)
        finally:
            connection.creation.destroy_test_db(original, verbosity=0)
            teardown_test_environment()
        return empty, large
