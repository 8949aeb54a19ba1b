"""The production shape end to end: PostgreSQL, Redis and a real Celery worker process.

An article uploaded through the API is queued on commit, picked up by the worker, and
its meeting is read back through the API.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kb.models import Article, Evidence, Meeting
from tests.factories import editor

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "kb" / "demo" / "articles" / "03-canada-mexico-summit.txt"

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not (
            os.environ.get("DATABASE_URL", "").startswith("postgres")
            and os.environ.get("CELERY_BROKER_URL")
        ),
        reason="needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis): `make test` in CI",
    ),
]


def start_worker(queue: str, pool: str, log_path: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_QUEUE": queue,
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "config",
        "worker",
        "--pool",
        pool,
        "--concurrency",
        "1",
        "--queues",
        queue,
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    log = log_path.open("w")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


@pytest.fixture
def worker_factory(transactional_db, countries, tmp_path):
    """Starts Celery workers in their own processes, on a queue of their own, using the
    test database; stops them afterwards and shows their log if the test failed."""
    from config.celery import app

    queue = f"e2e-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    started: list[subprocess.Popen] = []

    def start(pool: str = "solo") -> subprocess.Popen:
        process = start_worker(queue, pool, tmp_path / f"worker-{len(started)}.log")
        started.append(process)
        return process

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    for log in sorted(tmp_path.glob("worker-*.log")):
        print(f"--- {log.name}\n{log.read_text()[-4000:]}")
    app.conf.task_default_queue = settings.CELERY_TASK_DEFAULT_QUEUE


def editor_client() -> APIClient:
    client = APIClient()
    token = Token.objects.create(user=editor())
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def wait_until_done(client: APIClient, article_id: int, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body = client.get(f"/api/articles/{article_id}/").json()
        if body["status"] in ("done", "failed"):
            return body
        time.sleep(0.5)
    raise AssertionError(f"article {article_id} still {body['status']} after {timeout}s")


def test_uploaded_article_is_extracted_by_a_real_worker_and_read_back(worker_factory):
    worker_factory()
    client = editor_client()

    started = time.monotonic()
    with DEMO.open("rb") as upload:
        response = client.post("/api/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 202, response.content
    article = wait_until_done(client, response.json()["id"])
    elapsed = time.monotonic() - started
    print(f"end-to-end ingest through the worker: {elapsed:.2f}s")

    assert article["status"] == "done", article
    meetings = client.get("/api/meetings/").json()["results"]
    assert len(meetings) == 1
    names = sorted(p["name"] for p in meetings[0]["participants"])
    assert names == ["Claire Beaumont", "Lucia Herrera"]
    assert meetings[0]["host_country"] == "CA"
    assert meetings[0]["evidence"][0]["article"] == article["id"]


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def test_a_worker_killed_mid_task_leaves_no_half_written_article_and_it_runs_again(
    worker_factory,
):
    """The pool process dies while extracting; the broker redelivers the task and the
    article ends done, with its facts written once."""
    main = worker_factory(pool="prefork")
    client = editor_client()
    # Long enough that extraction is still running when the pool process is killed.
    body = "\n\n".join([DEMO.read_text(encoding="utf-8").split("\n", 2)[2]] * 100)
    response = client.post("/api/articles/", {"text": body}, format="json")
    assert response.status_code == 202, response.content
    article_id = response.json()["id"]

    deadline = time.monotonic() + 60
    while client.get(f"/api/articles/{article_id}/").json()["status"] != "processing":
        assert time.monotonic() < deadline, "the worker never started the article"
        time.sleep(0.05)
    children = child_pids(main.pid)
    assert children, "prefork worker has no pool process"
    os.kill(children[0], signal.SIGKILL)
    killed_at = client.get(f"/api/articles/{article_id}/").json()
    assert Evidence.objects.filter(article_id=article_id).count() == 0, killed_at

    article = wait_until_done(client, article_id, timeout=180)
    assert article["status"] == "done", article
    assert Article.objects.get(pk=article_id).attempts >= 2
    meetings = Meeting.objects.filter(evidence__article_id=article_id).distinct()
    assert meetings.count() == 1
