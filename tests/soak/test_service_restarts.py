"""Redis and PostgreSQL restarted while 100 articles are being ingested.

Redis is a server of this test's own (append-only file on, as production should run
it). PostgreSQL is restarted only when `make soak` started a private cluster for the
run (SOAK_PGDATA): never the shared one. Nothing is lost, no article is left with a
partial set of facts, and the work resumes without anyone stepping in.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError, connection

from ingest.services import article_process, article_submit
from tests.soak.conftest import fact_counts, needs_services, varied_articles, wipe_facts

pytestmark = [pytest.mark.soak, pytest.mark.integration, needs_services]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Redis:
    def __init__(self, directory: Path):
        self.port = free_port()
        self.directory = directory
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.directory),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "",
            ],
            stdout=(self.directory / "redis.log").open("a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(100):
            if (
                subprocess.run(
                    ["redis-cli", "-p", str(self.port), "ping"], capture_output=True
                ).stdout.strip()
                == b"PONG"
            ):
                return
            time.sleep(0.1)
        raise RuntimeError("redis did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            subprocess.run(["redis-cli", "-p", str(self.port), "shutdown"], capture_output=True)
            self.process.wait(timeout=30)

    def restart(self, down_seconds: float) -> None:
        self.stop()
        time.sleep(down_seconds)
        self.start()


def restart_postgres(down_seconds: float) -> bool:
    data = os.environ.get("SOAK_PGDATA")
    if not data:
        return False
    pg_ctl = [f"{os.environ['SOAK_PGBIN']}/pg_ctl", "-D", data]
    if os.getuid() == 0:
        pg_ctl = ["runuser", "-u", "postgres", "--", *pg_ctl]
    subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], check=True, capture_output=True)
    time.sleep(down_seconds)
    subprocess.run(
        [*pg_ctl, "-o", os.environ["SOAK_PG_OPTS"], "-l", f"{data}/../pg.log", "-w", "start"],
        check=True,
        capture_output=True,
    )
    return True


def statuses(ids) -> dict[str, int]:
    from django.db.models import Count

    from kb.models import Article

    for _ in range(60):
        try:
            return dict(
                Article.objects.filter(pk__in=list(ids))
                .values_list("status")
                .annotate(n=Count("id"))
            )
        except (OperationalError, InterfaceError):
            connection.close()  # the database is restarting: try again shortly
            time.sleep(1)
    raise AssertionError("the database did not come back")


def test_redis_and_postgres_restarts_during_ingest(workers, tmp_path):
    ids = []
    for filename, text in varied_articles(100, seed=99):
        ids.append(article_submit(data=text.encode(), filename=filename, queue=False)[0].pk)
    for article_id in ids:
        article_process(article_id=article_id)
    expected = fact_counts(ids)
    wipe_facts()

    redis = Redis(tmp_path)
    redis.start()
    try:
        workers.env["CELERY_BROKER_URL"] = redis.url
        workers.start()
        workers.supervise()
        workers.start_beat()
        from config.celery import app
        from ingest.tasks import ingest_article

        with app.connection_for_write(redis.url) as broker:
            for article_id in ids:
                ingest_article.apply_async(
                    args=[article_id], queue=workers.queue, connection=broker
                )

        started = time.monotonic()
        events = []
        for _ in range(120):  # restart once the work is well under way
            if statuses(ids).get("done", 0) >= 10:
                break
            time.sleep(0.5)
        before = statuses(ids)
        redis.restart(down_seconds=3)
        events.append(("redis restarted", round(time.monotonic() - started, 1), before))
        time.sleep(2)
        before = statuses(ids)
        if restart_postgres(down_seconds=3):
            events.append(("postgres restarted", round(time.monotonic() - started, 1), before))
        time.sleep(1)
        before = statuses(ids)
        redis.restart(down_seconds=1)
        events.append(("redis restarted", round(time.monotonic() - started, 1), before))

        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            counts = statuses(ids)
            if set(counts) <= {"done", "failed"}:
                break
            time.sleep(1)
        elapsed = time.monotonic() - started
        connection.close()
        actual = fact_counts(ids)
    finally:
        workers.stop()
        redis.stop()

    from kb.models import Article

    failed = list(Article.objects.filter(pk__in=ids, status="failed").values_list("pk", "error"))
    attempts = list(Article.objects.filter(pk__in=ids).values_list("attempts", flat=True))
    mismatched = {
        pk: (expected[pk], actual.get(pk)) for pk in ids if expected[pk] != actual.get(pk)
    }
    print(
        f"\nservice restarts: 100 articles; events {events}; outcomes {counts} after "
        f"{elapsed:.1f}s; attempts total {sum(attempts)} max {max(attempts)}; "
        f"partial or duplicated fact sets {len(mismatched)}; failed {failed}; "
        f"worker exits of its own, restarted by the supervisor: {workers.exits}"
    )
    assert counts == {"done": 100}, (counts, failed, workers.log_tail())
    assert mismatched == {}, mismatched
