"""Helpers for the fault and load tests: real worker and beat processes, varied
articles, and the expected facts from a clean in-process run."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "kb" / "demo" / "articles"

needs_services = pytest.mark.skipif(
    not (
        os.environ.get("DATABASE_URL", "").startswith("postgres")
        and os.environ.get("CELERY_BROKER_URL", "").startswith("redis")
    ),
    reason="needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis)",
)


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def varied_articles(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """``count`` distinct (filename, text) pairs made from the demo articles: each with
    its own dateline, and its body repeated once to three times."""
    rng = random.Random(seed)
    demos = sorted(DEMO.glob("*.txt"))
    out = []
    for n in range(count):
        path = demos[n % len(demos)]
        text = path.read_text(encoding="utf-8")
        body = text.split("\n", 2)[2] if text.startswith("date ") else text
        day = dt.date(2020, 1, 1) + dt.timedelta(days=n * 3 + rng.randrange(3))
        repeat = rng.randint(1, 3)
        body = "\n\n".join([body] * repeat) + f"\n\nFiled as report {n:04d}."
        out.append((f"soak-{n:04d}-{path.name}", f"date {day.isoformat()}\n\n{body}"))
    return out


def fact_counts(article_ids) -> dict[int, tuple[int, int, int, int]]:
    from kb.models import Article

    counts = {}
    for article in Article.objects.filter(pk__in=list(article_ids)):
        c = article.fact_counts()
        counts[article.pk] = (c["meetings"], c["gifts"], c["agreements"], article.evidence.count())
    return counts


def wipe_facts() -> None:
    from kb.models import Agreement, Article, ArticleStatus, Evidence, Gift, Meeting

    Evidence.objects.all().delete()
    for model in (Gift, Agreement, Meeting):
        model.objects.all().delete()
    Article.objects.update(
        status=ArticleStatus.QUEUED, attempts=0, error="", started_at=None, finished_at=None
    )


@dataclass
class Workers:
    """Celery worker (and beat) processes on a queue of their own, each in its own
    process group so that a "main process" kill takes its pool with it."""

    queue: str
    log_dir: Path
    env: dict[str, str]
    processes: list[subprocess.Popen] = field(default_factory=list)
    beat: subprocess.Popen | None = None
    starts: int = 0
    exits: list[int] = field(default_factory=list)  # return codes of unexpected exits
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)

    def _spawn(self, args: list[str], name: str) -> subprocess.Popen:
        log = (self.log_dir / f"{name}.log").open("a")
        return subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start(self, concurrency: int = 2) -> subprocess.Popen:
        self.starts += 1
        process = self._spawn(
            [
                "worker",
                "--pool",
                "prefork",
                "--concurrency",
                str(concurrency),
                "--queues",
                self.queue,
                "--loglevel",
                "INFO",
                "-O",
                "fair",
                "--without-gossip",
                "--without-mingle",
                "--hostname",
                f"soak{self.starts}@%h",
            ],
            "worker",
        )
        self.processes.append(process)
        return process

    def start_beat(self) -> None:
        self.beat = self._spawn(
            ["beat", "--loglevel", "INFO", "--schedule", str(self.log_dir / "beat-schedule")],
            "beat",
        )

    @property
    def current(self) -> subprocess.Popen:
        return self.processes[-1]

    def children(self, process: subprocess.Popen | None = None) -> list[int]:
        process = process or self.current
        path = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        try:
            return [int(p) for p in path.read_text().split()]
        except OSError:
            return []

    def kill_child(self) -> bool:
        children = self.children()
        if not children:
            return False
        try:
            os.kill(random.choice(children), signal.SIGKILL)
        except ProcessLookupError:
            return False
        return True

    def kill_main(self) -> None:
        """SIGKILL the worker's main process and its pool, then start a new worker."""
        with self._lock:
            try:
                os.killpg(self.current.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.current.wait(timeout=30)
            self.start()

    def supervise(self) -> None:
        """Restart the worker when it exits on its own, as the deployment's process
        supervisor does (docker compose ``restart: unless-stopped``, systemd
        ``Restart=always``): a worker that dies is replaced, and the test counts it."""

        def watch():
            while not self._stopping.wait(0.5):
                with self._lock:
                    if self.processes and self.current.poll() is not None:
                        self.exits.append(self.current.returncode)
                        self.start()

        threading.Thread(target=watch, daemon=True, name="soak-supervisor").start()

    def stop(self) -> None:
        self._stopping.set()
        for process in [*self.processes, *([self.beat] if self.beat else [])]:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in [*self.processes, *([self.beat] if self.beat else [])]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def log_tail(self, chars: int = 6000) -> str:
        return "\n".join(
            f"--- {log.name}\n{log.read_text(errors='replace')[-chars:]}"
            for log in sorted(self.log_dir.glob("*.log"))
        )


@pytest.fixture
def workers(transactional_db, countries, tmp_path) -> Iterator[Workers]:
    from config.celery import app

    queue = f"soak-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": os.environ.get("SOAK_VISIBILITY_TIMEOUT", "15"),
        "INGEST_SWEEP_SECONDS": "5",
        "INGEST_STUCK_AFTER_SECONDS": os.environ.get("SOAK_STUCK_AFTER_SECONDS", "90"),
        "LOG_LEVEL": "INFO",
    }
    pool = Workers(queue=queue, log_dir=tmp_path, env=env)
    yield pool
    pool.stop()
    print(pool.log_tail(3000))
    if os.environ.get("SOAK_LOG_DIR"):  # keep the whole logs for a post-mortem
        import shutil

        shutil.copytree(tmp_path, Path(os.environ["SOAK_LOG_DIR"]) / queue, dirs_exist_ok=True)
    app.conf.task_default_queue = settings.CELERY_TASK_DEFAULT_QUEUE


def wait_until_settled(article_ids, timeout: float) -> dict[str, int]:
    """Wait until every article is done or failed; return the status counts."""
    from django.db.models import Count

    from kb.models import Article

    deadline = time.monotonic() + timeout
    while True:
        counts = dict(
            Article.objects.filter(pk__in=list(article_ids))
            .values_list("status")
            .annotate(n=Count("id"))
        )
        if set(counts) <= {"done", "failed"} or time.monotonic() > deadline:
            return counts
        time.sleep(1)
