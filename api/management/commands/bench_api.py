"""Measure the API against a plain Django view serving the same rows, in one run.

    python manage.py bench_api                       # 10,000 meetings, 200 requests each
    python manage.py bench_api --meetings 2000 --requests 100 --min-ratio 0.5

A throwaway test database is created (SQLite in memory, or "<name>_bench" on
PostgreSQL), filled with ``generate_demo_data``'s synthetic meetings (participants,
gifts, agreements, articles, evidence), then the two are requested alternately through
Django's test client (full middleware stack, no network):

- ``/api/meetings/?page_size=50`` (DRF: authentication, permissions, throttling, filters,
  ordering, pagination, serializers), and
- ``/api/_bench/meetings-plain/?page_size=50`` (``api.bench``: the same page from
  ``.values()``, built by hand).

Prints requests/s, p50 and p95 latency of each and the ratio of throughputs (API / plain;
1.0 means as fast). ``--min-ratio`` makes the command fail below a target.
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client, override_settings
from django.test.utils import (
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from kb.management.commands.generate_demo_data import generate

API_URL = "/api/meetings/?page_size=50"
PLAIN_URL = "/api/_bench/meetings-plain/?page_size=50"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Requests/s of GET /api/meetings/ against a plain .values() view (same rows)."

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=10_000)
        parser.add_argument("--requests", type=int, default=200, help="Per URL, after warm-up.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--min-ratio", type=float, default=None, help="Fail if API/plain is below this."
        )

    def handle(self, *args, meetings, requests, seed, min_ratio, **options):
        if meetings < 1 or requests < 1:
            raise CommandError("--meetings and --requests must be positive.")
        setup_test_environment(debug=False)
        settings_dict = connection.settings_dict
        if connection.vendor != "sqlite":
            settings_dict.setdefault("TEST", {})
            settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench"
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        try:
            with override_settings(API_BENCH_VIEWS=True, API_THROTTLE_RATES={}):
                results = self._run(meetings, requests, seed)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        api, plain = results[API_URL], results[PLAIN_URL]
        ratio = api["rps"] / plain["rps"]
        self.stdout.write("")
        for label, row in (("DRF API", api), ("plain view", plain)):
            self.stdout.write(
                f"  {label:<11} {row['rps']:8.1f} req/s   p50 {row['p50']:6.1f} ms   "
                f"p95 {row['p95']:6.1f} ms   {row['queries']} queries   {row['bytes']:,} bytes"
            )
        self.stdout.write(
            f"  ratio (API / plain throughput): {ratio:.2f}  "
            f"(the API takes {1 / ratio:.2f}x the plain view's time)"
        )
        if min_ratio is not None and ratio < min_ratio:
            raise CommandError(f"ratio {ratio:.2f} is below {min_ratio}")

    def _run(self, meetings: int, requests: int, seed: int) -> dict:
        self.stdout.write(f"Database: {connection.vendor} (throwaway test database)")
        started = time.perf_counter()
        counts = generate(meetings, seed=seed)
        self.stdout.write(
            f"Generated {counts['meetings']:,} meetings, {counts['gifts']:,} gifts, "
            f"{counts['agreements']:,} agreements, {counts['evidence']:,} evidence rows "
            f"in {time.perf_counter() - started:.1f}s"
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client = Client()
        results = {}
        for url in (API_URL, PLAIN_URL):  # warm up, check, count queries
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} answered {response.status_code}")
            body = response.json()
            results[url] = {
                "times": [],
                "queries": len(ctx.captured_queries),
                "bytes": len(response.content),
                "ids": [row["id"] for row in body["results"]],
            }
        if results[API_URL]["ids"] != results[PLAIN_URL]["ids"]:
            raise CommandError("The API and the plain view list different meetings.")
        for _ in range(requests):  # alternate, so both see the same conditions
            for url in (API_URL, PLAIN_URL):
                began = time.perf_counter()
                client.get(url)
                results[url]["times"].append(time.perf_counter() - began)
                reset_queries()
        for row in results.values():
            times = row.pop("times")
            row["rps"] = len(times) / sum(times)
            row["p50"] = statistics.median(times) * 1000
            row["p95"] = _percentile(times, 0.95) * 1000
        self.stdout.write(f"{requests} requests each, alternating:")
        return results
