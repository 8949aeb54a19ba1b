"""Ingest rate with one and with two real Celery workers, and whether two duplicate.

    python manage.py bench_workers                     # 200 articles, 1 then 2 workers
    python manage.py bench_workers --articles 60 --meetings 100000

Needs PostgreSQL (DATABASE_URL) and a broker (CELERY_BROKER_URL): the workers are real
processes (`celery -A config worker --pool solo`), each on one core, reading a throwaway
database ("<name>_bench_workers", dropped at the end) and a queue of their own.

Two batches are made of the demo articles (kb/demo/articles), each repeated with a
numbered closing line so that every copy is a distinct article:

- ``same``: every copy's facts match the other copies' (same dateline): the workers race
  to record the same leaders and meetings, as they do when several outlets report one
  event, and after the first round each save adds a source to a stored meeting.
- ``news``: each round of copies is dated 11 days after the one before, so every round
  reports new meetings of the same leaders, as a news archive does: the leaders are still
  raced for, and each save creates its meetings (new rows, pairs and counts kept).

Each run starts from the knowledge base as it was (empty, or ``--meetings`` synthetic
meetings), enqueues the whole batch at once, and waits until every article is done or
failed. It prints articles per second for each batch and worker count, their ratio
(never asserted: it is a measurement), and what each run recorded: two workers must
record the same leaders, meetings, gifts and agreements as one (issue 14, point 3).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from ingest.services import article_submit
from ingest.tasks import ingest_article
from kb.models import Agreement, Article, ArticleStatus, Gift, Leader, Meeting

ROOT = Path(settings.BASE_DIR)
DEMO = ROOT / "kb" / "demo" / "articles"


BATCHES = ("same", "news")
#: Days between two rounds of the ``news`` batch: more than a meeting's date window on
#: either side (``ingest.resolve.MEETING_DATE_TOLERANCE``), so a round's meetings are new
#: ones. (A gift is matched by giver, recipient and item, whatever its date: the rounds'
#: gifts are the first round's, with more sources.)
ROUND_DAYS = 11
_DATELINE = re.compile(r"\Adate (\d{4}-\d{2}-\d{2})")


def batch(count: int, kind: str = "same") -> list[str]:
    """``count`` distinct articles made of the demo texts (see the module's docstring)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    if not texts:
        raise CommandError(f"no demo articles in {DEMO}")
    made = []
    for i in range(count):
        text = texts[i % len(texts)]
        if kind == "news":
            days = ROUND_DAYS * (i // len(texts))

            def shifted(match, days=days):
                day = dt.date.fromisoformat(match.group(1)) + dt.timedelta(days=days)
                return f"date {day.isoformat()}"

            text = _DATELINE.sub(shifted, text, count=1)
        made.append(f"{text}\n\nCopy {i + 1} of this report, for the benchmark.")
    return made


def recorded(marks: dict) -> dict[str, list]:
    """What the run recorded, by the names and values that identify it (not ids)."""
    new = {model: model.objects.filter(pk__gt=marks[model]) for model in marks}

    def names(qs) -> tuple[str, ...]:
        return tuple(sorted(x.name for x in qs))

    return {
        "leaders": sorted(x.name for x in new[Leader]),
        "meetings": sorted(
            (m.kind, str(m.date), names(m.participants.all()))
            for m in new[Meeting].prefetch_related("participants")
        ),
        "gifts": sorted(
            (g.giver.name, g.recipient.name, g.item)
            for g in new[Gift].select_related("giver", "recipient")
        ),
        "agreements": sorted(
            (a.kind, str(a.date), names(a.leader_parties.all()))
            for a in new[Agreement].prefetch_related("leader_parties")
        ),
    }


def high_water() -> dict:
    """The last primary key of each table the runs write to."""
    return {
        model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for model in (Article, Gift, Agreement, Meeting, Leader)
    }


def forget(marks: dict) -> None:
    """Back to the knowledge base as it was before the runs: what they added goes."""
    for model in (Article, Gift, Agreement, Meeting, Leader):
        model.objects.filter(pk__gt=marks[model]).delete()


class Command(BaseCommand):
    help = "Articles per second with one and two real Celery workers, and a duplicate check."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument(
            "--meetings",
            type=int,
            default=0,
            help="Synthetic meetings stored before the runs (the knowledge base's size).",
        )
        parser.add_argument("--workers", default="1,2", help="Worker counts to compare.")
        parser.add_argument("--timeout", type=float, default=1800, help="Seconds per run.")

    def handle(self, *args, articles, meetings, workers, timeout, **options):
        if connection.vendor != "postgresql" or settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError(
                "bench_workers needs PostgreSQL (DATABASE_URL) and a broker (CELERY_BROKER_URL)"
            )
        counts = [int(n) for n in workers.split(",") if n.strip()]
        if not counts or min(counts) < 1 or articles < 1:
            raise CommandError("--workers and --articles take positive numbers")
        from config.celery import app

        setup_test_environment(debug=False)
        settings_dict = connection.settings_dict
        settings_dict.setdefault("TEST", {})
        settings_dict["TEST"]["NAME"] = f"{settings_dict['NAME']}_bench_workers"
        old_name = connection.creation.create_test_db(
            verbosity=0, autoclobber=True, serialize=False
        )
        queue = f"bench-{uuid.uuid4().hex[:8]}"
        default_queue = app.conf.task_default_queue
        app.conf.task_default_queue = queue
        batches = {kind: batch(articles, kind) for kind in BATCHES}
        results: dict[str, list] = {kind: [] for kind in BATCHES}
        try:
            if meetings:
                from kb.management.commands.generate_demo_data import generate

                self.stdout.write(f"Generating {meetings:,} synthetic meetings")
                generate(meetings, seed=1)
            marks = high_water()
            for n in counts:
                for kind, texts in batches.items():
                    forget(marks)
                    rate = self._run(n, texts, queue, timeout)
                    results[kind].append((n, rate, recorded(marks)))
                    sizes = ", ".join(f"{len(v)} {k}" for k, v in results[kind][-1][2].items())
                    self.stdout.write(
                        f"  {kind:<4} batch, {n} worker(s): {articles} articles in "
                        f"{articles / rate:6.1f} s = {rate:5.2f} articles/s; recorded {sizes}"
                    )
        finally:
            app.conf.task_default_queue = default_queue
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        self.stdout.write("")
        self.stdout.write(f"Summary ({articles} articles, {meetings:,} meetings stored before):")
        for kind, runs in results.items():
            base_n, base_rate, base_kb = runs[0]
            for n, rate, kb in runs:
                differ = [k for k in kb if kb[k] != base_kb[k]]
                same = "same records" if not differ else "DIFFERENT " + ", ".join(differ)
                self.stdout.write(
                    f"  {kind:<4} batch, {n} worker(s): {rate:5.2f} articles/s, "
                    f"ratio {rate / base_rate:4.2f}x against {base_n}; {same}"
                )

    def _run(self, workers: int, texts: list[str], queue: str, timeout: float) -> float:
        logs = Path(tempfile.mkdtemp(prefix="bench-workers-"))
        processes = [self._start(queue, logs / f"worker-{i}.log") for i in range(workers)]
        try:
            self._wait_ready(logs, workers, processes)
            ids = [
                article_submit(text=text, source="bench_workers", queue=False)[0].pk
                for text in texts
            ]

            started = time.perf_counter()
            for pk in ids:
                ingest_article.apply_async(args=[pk], queue=queue)
            pending = Article.objects.filter(pk__in=ids).exclude(
                status__in=(ArticleStatus.DONE, ArticleStatus.FAILED)
            )
            while pending.exists():
                if time.perf_counter() - started > timeout:
                    raise CommandError(f"{pending.count()} articles still pending after {timeout}s")
                time.sleep(0.1)
            elapsed = time.perf_counter() - started
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
        failed = Article.objects.filter(pk__in=ids, status=ArticleStatus.FAILED).count()
        if failed:
            self.stderr.write(f"  {failed} articles failed (see their errors in the database)")
        return len(ids) / elapsed

    def _start(self, queue: str, log_path: Path) -> subprocess.Popen:
        db = connection.settings_dict
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CELERY_QUEUE": queue,
        }
        command = [
            sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo",
            "--concurrency", "1", "--queues", queue, "--loglevel", "INFO",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]  # fmt: skip
        log = log_path.open("w")
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def _wait_ready(self, logs: Path, workers: int, processes, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while True:
            ready = [p for p in logs.glob("worker-*.log") if " ready." in p.read_text()]
            if len(ready) == workers:
                return
            dead = [p for p in processes if p.poll() is not None]
            if dead or time.monotonic() > deadline:
                tail = "\n".join(p.read_text()[-2000:] for p in sorted(logs.glob("*.log")))
                raise CommandError(f"a worker did not start:\n{tail}")
            time.sleep(0.2)
