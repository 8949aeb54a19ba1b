"""Load: 50 Locust users for 5 minutes (SOAK_LOAD_SECONDS) against gunicorn and
PostgreSQL holding 10,000 meetings, with a real worker taking the uploads. Loopback only.

Targets: reads p95 < 300 ms, errors < 0.1%.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from kb.models import Meeting
from tests.factories import editor
from tests.soak.conftest import ROOT, database_url, needs_services

pytestmark = [pytest.mark.soak, pytest.mark.integration, needs_services]

USERS = int(os.environ.get("SOAK_LOAD_USERS", "50"))
SECONDS = int(os.environ.get("SOAK_LOAD_SECONDS", "300"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def test_load_reads_p95_and_error_rate(workers, tmp_path):
    call_command("generate_demo_data", meetings=10_000, seed=1)
    assert Meeting.objects.count() >= 10_000
    token = Token.objects.create(user=editor("load-editor")).key
    workers.start(concurrency=2)

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
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            os.environ.get("SOAK_GUNICORN_WORKERS", str(min(8, 2 * (os.cpu_count() or 1)))),
            "--threads",
            "4",
            "--worker-class",
            "gthread",
            "--timeout",
            "60",
            # Longer than a user's pause, so the server never closes a kept-alive
            # connection just as the client reuses it (seen as "connection reset").
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
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
            env={**env, "SOAK_TOKEN": token, "SOAK_TIMINGS": str(timings)},
            capture_output=True,
            text=True,
            timeout=SECONDS + 120,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(locust.stdout[-6000:], locust.stderr[-6000:])
    records = [json.loads(line) for line in timings.read_text().splitlines()]
    reads = [ms for kind, ms, ok in records if kind == "read"]
    writes = [ms for kind, ms, ok in records if kind == "write"]
    errors = sum(1 for _, _, ok in records if not ok)
    error_rate = errors / max(1, len(records))
    from kb.models import Article

    uploaded = Article.objects.filter(text__contains="Load test report")
    summary = {
        "users": USERS,
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
    }
    print(f"\nload: {summary}")
    if os.environ.get("SOAK_LOG_DIR"):
        with open(os.path.join(os.environ["SOAK_LOG_DIR"], "load-summary.json"), "w") as out:
            json.dump(summary, out, indent=2)
    assert error_rate < 0.001, summary
    assert percentile(reads, 0.95) < 300, summary
