"""Load: 50 Locust users for 5 minutes (SOAK_LOAD_SECONDS) against gunicorn and
PostgreSQL holding 100,000 meetings (SOAK_LOAD_MEETINGS; issue 14's scale), with a real
worker taking the uploads. Loopback only.

Everything shares this machine's cores, as a small single-host deployment would: the web
tier as configured in config/gunicorn.py, one ingest worker process (SOAK_WORKER_
CONCURRENCY; extraction is CPU-bound, and a second process would take a core from the
pages without finishing uploads any sooner), PostgreSQL, and Locust itself.

The web tier and the worker share a Redis cache (SOAK_CACHE_URL, its cache keys deleted
first), as docker-compose.yml deploys them: a write by the worker moves the versions of
the pages it changes (kb.changes) for every gunicorn process. Without it each process
would keep a cache of its own that the worker's writes never reach.

Targets: reads p95 < 300 ms, errors < 0.1%.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from kb.models import Leader, Meeting
from tests.factories import editor
from tests.soak.conftest import ROOT, database_url, needs_services

pytestmark = [pytest.mark.soak, pytest.mark.integration, needs_services]

USERS = int(os.environ.get("SOAK_LOAD_USERS", "50"))
SECONDS = int(os.environ.get("SOAK_LOAD_SECONDS", "300"))
WORKER_CONCURRENCY = int(os.environ.get("SOAK_WORKER_CONCURRENCY", "1"))
MEETINGS = int(os.environ.get("SOAK_LOAD_MEETINGS", "100000"))
# Not CI's broker (db 15) nor the soak broker's (db 14).
CACHE_URL = os.environ.get("SOAK_CACHE_URL", "redis://127.0.0.1:6379/13")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds that all the cores have spent busy since boot (/proc/stat)."""
    ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    idle = ticks[3] + ticks[4]  # idle and iowait
    return (sum(ticks) - idle) / CLOCK_TICKS


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by a process, its live descendants and the children they
    have reaped (PostgreSQL's backends, recycled pool processes)."""
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()  # fields from the third (state) on
        total += sum(int(v) for v in fields[11:15]) / CLOCK_TICKS  # utime stime cutime cstime
        stack += [int(child) for child in children]
    return total


def cpu_snapshot(server_pid: int, worker_pid: int) -> dict[str, float]:
    postmaster = Path(os.environ.get("SOAK_PGDATA", "/nonexistent"), "postmaster.pid")
    postgres_pid = int(postmaster.read_text().split()[0]) if postmaster.exists() else 0
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "machine": machine_busy_seconds(),
        "web": tree_cpu_seconds(server_pid),
        "worker": tree_cpu_seconds(worker_pid),
        "postgres": tree_cpu_seconds(postgres_pid) if postgres_pid else 0.0,
        "locust": children.ru_utime + children.ru_stime,  # the run's only reaped child
    }


def cpu_used(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds used during the run, by part; "others" is what processes outside the
    test took from the same cores (other work on the machine skews the latencies)."""
    used = {part: round(after[part] - before[part], 1) for part in before}
    used["others"] = round(used["machine"] - sum(v for k, v in used.items() if k != "machine"), 1)
    return used


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def test_load_reads_p95_and_error_rate(workers, tmp_path):
    call_command("generate_demo_data", meetings=MEETINGS, seed=1)
    assert Meeting.objects.count() >= MEETINGS
    # As after any bulk load: planner statistics, and the full-text indexes' pending
    # entries merged (a live database has autovacuum do both as rows trickle in).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    token = Token.objects.create(user=editor("load-editor")).key
    # The 50 leaders with most meetings (the busiest's page is the costliest to build).
    busy_leaders = list(
        Leader.objects.filter(tally__meetings__gt=0)
        .order_by("-tally__meetings", "pk")
        .values_list("pk", flat=True)[:50]
    )
    import redis

    # No page kept from an earlier database: Django's cache keys (":1:..."), and only
    # them, so a database shared with a broker keeps its queues.
    cache_db = redis.Redis.from_url(CACHE_URL)
    for key in cache_db.scan_iter(":1:*"):
        cache_db.delete(key)
    workers.env["CACHE_URL"] = CACHE_URL
    workers.start(concurrency=WORKER_CONCURRENCY)

    port = free_port()
    static_root = tmp_path / "static"
    env = {
        **workers.env,
        "DEBUG": "0",
        "SECRET_KEY": "load-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url(),
        # One loopback address stands for 50 users: the per-address API limits would
        # measure themselves, not the app.
        "API_THROTTLE_ANON": "",
        "API_THROTTLE_USER": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    for name in ("WORKERS", "THREADS"):
        if os.environ.get(f"SOAK_GUNICORN_{name}"):
            env[f"GUNICORN_{name}"] = os.environ[f"SOAK_GUNICORN_{name}"]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=(tmp_path / "gunicorn.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    timings = tmp_path / "timings.jsonl"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        cpu_before = cpu_snapshot(server.pid, workers.current.pid)
        locust = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(ROOT / "tests/soak/locustfile.py"),
                "--headless",
                "--users",
                str(USERS),
                "--spawn-rate",
                "10",
                "--run-time",
                f"{SECONDS}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--only-summary",
                "--stop-timeout",
                "10",
                "--exit-code-on-error",
                "0",
            ],
            cwd=tmp_path,
            env={
                **env,
                "SOAK_TOKEN": token,
                "SOAK_TIMINGS": str(timings),
                "SOAK_MEETINGS": str(MEETINGS),
                "SOAK_LEADERS": ",".join(map(str, busy_leaders)),
            },
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
        )
        cpu = cpu_used(cpu_before, cpu_snapshot(server.pid, workers.current.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(locust.stdout[-6000:], locust.stderr[-6000:])
    records = [json.loads(line) for line in timings.read_text().splitlines()]
    reads = [ms for name, ms, ok in records if name.startswith("read ")]
    writes = [ms for name, ms, ok in records if name.startswith("write ")]
    by_endpoint: dict[str, list[float]] = {}
    for name, ms, _ in records:
        by_endpoint.setdefault(name, []).append(ms)
    errors = sum(1 for _, _, ok in records if not ok)
    error_rate = errors / max(1, len(records))
    from kb.models import Article

    uploaded = Article.objects.filter(text__contains="Load test report")
    summary = {
        "users": USERS,
        "meetings": MEETINGS,
        "seconds": SECONDS,
        "requests": len(records),
        "rps": round(len(records) / SECONDS, 1),
        "reads": len(reads),
        "reads_p50_ms": round(percentile(reads, 0.5)),
        "reads_p95_ms": round(percentile(reads, 0.95)),
        "reads_p99_ms": round(percentile(reads, 0.99)),
        "writes": len(writes),
        "writes_p95_ms": round(percentile(writes, 0.95)),
        "errors": errors,
        "error_rate": f"{error_rate:.4%}",
        "uploads_stored": uploaded.count(),
        "uploads_done": uploaded.filter(status="done").count(),
        "cpu_seconds": cpu,
        "web_cpu_ms_per_request": round(1000 * cpu["web"] / max(1, len(records)), 1),
        "p95_ms_by_endpoint": {
            name: {
                "requests": len(times),
                "p50": round(percentile(times, 0.5)),
                "p95": round(percentile(times, 0.95)),
            }
            for name, times in sorted(by_endpoint.items())
        },
    }
    print(f"\nload: {summary}")
    if os.environ.get("SOAK_LOG_DIR"):
        with open(os.path.join(os.environ["SOAK_LOG_DIR"], "load-summary.json"), "w") as out:
            json.dump(summary, out, indent=2)
    assert error_rate < 0.001, summary
    assert percentile(reads, 0.95) < 300, summary
