"""Time the analysts' pages at two data sizes, in one run, on a throwaway database.

    python manage.py bench_pages                      # 100 then 10,000 meetings
    python manage.py bench_pages --sizes 100,10000 --requests 9 --url "/meetings/?q=trade"
    python manage.py bench_pages --scale --sizes 100,100000   # issue 14's table (make bench-scale)

A fresh test database is created (like the test runner does: SQLite in memory, or
"<name>_bench" on PostgreSQL), filled with `generate_demo_data`'s synthetic meetings
up to the first size, measured, topped up to the next size, measured again, and dropped.
Each figure is the median wall time of several requests through Django's test Client
(after one warm-up request), with the number of SQL queries per request and the size of
the response.

`--scale` times the pages of issue 14's table, some of which depend on the data: the
busiest leader's page, the top host country's page and one meeting's page are looked up
again at each size (written `{busiest_leader}`, `{top_host}` and `{a_meeting}` in the
list below). API pages are requested by a signed-in reader, so the anonymous rate limit
does not turn a measurement into 429s.

Each page is timed warm (the same request again: what ``kb.changes.cached`` keeps until
the next write is reused) and cold (the first request after a write: the version
``cached`` keys by is moved on before each request, as any write does), since the cold
time is the one that grows with the data. ``--pages WORD`` keeps only the pages whose
address contains WORD (repeatable; placeholders match by name, e.g. ``top_host``).
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import (
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from kb.management.commands.generate_demo_data import generate, synthetic_meetings

DEFAULT_URLS = ("/meetings/",)
EXTRA_URLS = (
    "/meetings/?sort=-sources",
    "/meetings/?q=trade",
    "/meetings/?q=%22silver+tea+set%22",
    "/meetings/?kind=talks&gifts=1&from=2016-01-01&to=2022-12-31",
    "/meetings/?page=50",
    "/timeline/",
    "/network/",
)
# Issue 14's table, in its order, then the pages that were flat there.
SCALE_URLS = (
    "{busiest_leader}",
    "/api/leaders/?expand=meetings",
    "/network/",
    "/countries/",
    "{top_host}",
    "/leaders/",
    "/api/meetings/?search=trade",
    "/meetings/?q=trade",
    "/",
    "/meetings/",
    "/gifts/",
    "/agreements/",
    "{a_meeting}",
    # Issue 15's pictures.
    "/map/",
    "/map/?shade=attended",
    "/charts/",
    "/network/?limit=300",
    # The same number of nodes at both sizes (100 meetings hold a dozen leaders, so the
    # default 60 nodes and 300 links are drawn only at the larger size): the network's
    # cost per node shown.
    "/network/?limit=10",
    # Issue 15's lists, with filters applied.
    "/leaders/?q=a&sort=-meetings",
    "/countries/?region=Europe&sort=-hosted",
    "/gifts/?q=tea&sort=date",
    "/agreements/?status=signed&from=2015-01-01",
    "/articles/?status=done",
    # The other analysts' page whose form and rows the meeting filters shape.
    "/timeline/",
)


def placeholders() -> dict[str, str]:
    """The pages of this data: its busiest leader, top host country and a meeting."""
    from django.db.models import Count

    from kb.models import Country, Leader, Meeting

    leader = Leader.objects.annotate(n=Count("meetings")).order_by("-n", "pk").first()
    code = (
        Meeting.objects.exclude(host_country=None)
        .values("host_country")
        .annotate(n=Count("pk"))
        .order_by("-n", "host_country")
        .values_list("host_country", flat=True)
        .first()
    )
    host = Country.objects.filter(pk=code).first() if code else None
    meeting = Meeting.objects.order_by("pk").first()
    return {
        "busiest_leader": leader.get_absolute_url() if leader else "/leaders/",
        "top_host": host.get_absolute_url() if host else "/countries/",
        "a_meeting": meeting.get_absolute_url() if meeting else "/meetings/",
    }


def baselines(sizes: list[int]) -> list[int]:
    """The sizes the largest is compared with: the smallest, and the one before the
    largest when there are three or more."""
    return list(dict.fromkeys([sizes[0], *sizes[1:-1][-1:]]))


def body_size(response) -> int:
    if hasattr(response, "streaming_content"):
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def _get(client: Client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    elapsed = time.perf_counter() - started
    reset_queries()
    return elapsed


def measure_cold(client: Client, url: str, requests: int) -> float:
    """Median seconds of the first request after a write: every area's version moves on
    before each one, and results are read fresh (not served stale while recomputed), so
    nothing ``kb.changes.cached`` kept is read."""
    from kb.changes import _bump, fresh_reads

    times = []
    with fresh_reads():
        for _ in range(requests):
            _bump()
            times.append(_get(client, url))
    return statistics.median(times)


def measure(client: Client, url: str, requests: int) -> tuple[float, int, int]:
    """Median seconds per request (warm), queries per request and response bytes."""
    response = client.get(url)  # warm-up (template and query caches)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    size = body_size(response)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    queries = len(ctx.captured_queries)  # read now: reset_queries() below empties the log
    times = [_get(client, url) for _ in range(requests)]
    return statistics.median(times), queries, size


class Command(BaseCommand):
    help = "Measure page render times at 100 and 10,000 synthetic meetings (one run)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="100,10000", help="Comma-separated sizes.")
        parser.add_argument("--requests", type=int, default=7, help="Requests per figure.")
        parser.add_argument(
            "--url", action="append", default=[], help="Page(s) to time (repeatable)."
        )
        parser.add_argument(
            "--all", action="store_true", help="Also time filtered, searched and other pages."
        )
        parser.add_argument(
            "--scale",
            action="store_true",
            help="Time issue 14's pages (the busiest leader, the API with expand, the network...).",
        )
        parser.add_argument(
            "--pages",
            action="append",
            default=[],
            help="Only the pages whose address contains this text (repeatable), "
            "e.g. --scale --pages countries --pages top_host.",
        )
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, sizes, requests, url, all, scale, seed, pages, **options):
        try:
            sizes = sorted({int(s) for s in sizes.split(",") if s.strip()})
        except ValueError as exc:
            raise CommandError("--sizes takes numbers, e.g. 100,10000") from exc
        if not sizes or sizes[0] < 1:
            raise CommandError("--sizes must be positive numbers")
        urls = list(url) or ([] if scale else list(DEFAULT_URLS))
        if scale:
            urls += [u for u in SCALE_URLS if u not in urls]
        if all:
            urls += [u for u in EXTRA_URLS if u not in urls]
        if pages:
            urls = [u for u in urls if any(p in u for p in pages)]
            if not urls:
                raise CommandError("--pages matched none of the pages to time")

        setup_test_environment(debug=False)
        settings_dict = connection.settings_dict
        if connection.vendor != "sqlite":
            settings_dict.setdefault("TEST", {})
            settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench"
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        self.stdout.write(f"Database: {connection.vendor} (throwaway test database)")
        results: dict[str, dict[int, tuple[float, int, int, float]]] = {u: {} for u in urls}
        try:
            client = Client()
            reader = Client()
            reader.force_login(self._reader())
            for size in sizes:
                have = synthetic_meetings().count()
                self.stdout.write(f"Generating synthetic meetings: {have} -> {size}")
                if size > have:
                    generate(size - have, seed=seed + size)
                with connection.cursor() as cursor:
                    # planner statistics and no dead row versions, as autovacuum would keep
                    # them: the generator rewrites each meeting as its participants and
                    # sources arrive (search triggers), some 2.5 dead versions a meeting
                    vacuum = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
                    cursor.execute(vacuum)
                found = placeholders()
                for page in urls:
                    target = page.format(**found)
                    who = reader if target.startswith("/api/") else client
                    median, queries, size_bytes = measure(who, target, requests)
                    cold = measure_cold(who, target, requests)
                    results[page][size] = (median, queries, size_bytes, cold)
                    self.stdout.write(
                        f"  {size:>7,} meetings  {target:<60} {median * 1000:8.1f} ms"
                        f"  cold {cold * 1000:8.1f} ms"
                        f"  ({queries} queries, {size_bytes / 1024:,.0f} KB, median of {requests})"
                    )
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        # Against the smallest size (issue 14's ratios), and with three sizes or more also
        # against the one before the largest: at 100 meetings many pages are not full (a
        # dozen leaders, a few matches), so a larger size where they are shows whether a
        # page's cost follows what it shows or the data.
        for first in baselines(sizes):
            self._summary(results, first, sizes[-1], requests)

    def _summary(self, results, first: int, last: int, requests: int) -> None:
        self.stdout.write("")
        self.stdout.write(f"Summary ({first:,} vs {last:,} meetings, median of {requests}):")
        for page, by_size in results.items():
            small, large = by_size[first][0], by_size[last][0]
            ratio = large / small if small else float("inf")
            cold_small, cold_large = by_size[first][3], by_size[last][3]
            cold_ratio = cold_large / cold_small if cold_small else float("inf")
            self.stdout.write(
                f"  {page:<60} {small * 1000:8.1f} ms -> {large * 1000:8.1f} ms"
                f"  ratio {ratio:5.2f}x"
                f"  cold {cold_small * 1000:8.1f} ms -> {cold_large * 1000:8.1f} ms"
                f"  ratio {cold_ratio:5.2f}x  queries {by_size[first][1]} -> {by_size[last][1]}"
                f"  size {by_size[first][2] / 1024:,.0f} -> {by_size[last][2] / 1024:,.0f} KB"
            )

    def _reader(self):
        from django.contrib.auth import get_user_model

        user, _ = get_user_model().objects.get_or_create(username="bench-reader")
        return user
