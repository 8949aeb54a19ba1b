"""A log record is printed once: Django's own console handler used to print request
warnings a second time beside the root handler."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django, logging
django.setup()
logging.getLogger("django.request").warning("marker-%s", "request")
logging.getLogger("kb").warning("marker-%s", "app")
"""


def run(debug):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": debug,
        "SECRET_KEY": "logging-test-key-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_request_warnings_are_printed_once_under_debug():
    result = run("1")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("marker-request") == 1, result.stderr
    assert result.stderr.count("marker-app") == 1, result.stderr


def test_request_warnings_are_printed_once_without_debug():
    result = run("0")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("marker-request") == 1, result.stderr
