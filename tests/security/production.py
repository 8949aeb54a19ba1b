"""Run a snippet under production settings (DEBUG off) in a fresh interpreter, since
settings are read once per process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Settings of this environment that would change what production means here.
_LEFT_OUT = ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "TRUSTED_PROXIES", "API_NUM_PROXIES")


def run_production(script: str, **environment: str) -> subprocess.CompletedProcess:
    base = {
        k: v for k, v in os.environ.items() if k not in _LEFT_OUT and not k.startswith("SECURE_")
    }
    env = {
        **base,
        "DEBUG": "0",
        "SECRET_KEY": "production-like-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "summitry.example.org",
        "DJANGO_SETTINGS_MODULE": "config.settings",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_json(script: str, **environment: str) -> dict:
    """The JSON the script prints last, which must exit cleanly."""
    result = run_production(script, **environment)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])
