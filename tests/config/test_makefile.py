"""The README's make targets: `make test` does not reinstall an unchanged project, and
`make evaluate` in a clone without the gold sets beside it explains instead of failing."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


@pytest.fixture
def clone(tmp_path):
    """The Makefile and pyproject.toml in a folder whose parent has no `shared/`, with a
    venv stand-in whose python is this interpreter and whose install stamp is fresh."""
    repo = tmp_path / "nested" / "summitry"
    repo.mkdir(parents=True)
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, repo / name)
    bin_dir = repo / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").symlink_to(sys.executable)
    later = time.time() + 5
    (repo / "node_modules").mkdir()
    for stamp in (repo / ".venv" / ".installed", repo / "node_modules" / ".installed"):
        stamp.touch()
        os.utime(stamp, (later, later))
    return repo


def make(repo, *args):
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_install_is_skipped_while_pyproject_is_unchanged(clone):
    result = make(clone, "-n", "install")
    assert result.returncode == 0, result.stderr
    assert "pip install" not in result.stdout
    assert "npm ci" not in result.stdout


def test_install_runs_again_after_pyproject_changes(clone):
    stamp = clone / ".venv" / ".installed"
    earlier = stamp.stat().st_mtime - 60
    os.utime(stamp, (earlier, earlier))
    result = make(clone, "-n", "install")
    assert result.returncode == 0, result.stderr
    assert "pip install" in result.stdout


def test_front_end_packages_install_again_after_the_lockfile_changes(clone):
    stamp = clone / "node_modules" / ".installed"
    earlier = stamp.stat().st_mtime - 60
    os.utime(stamp, (earlier, earlier))
    result = make(clone, "-n", "install")
    assert result.returncode == 0, result.stderr
    assert "npm ci --omit=dev" in result.stdout
    assert "pip install" not in result.stdout


def test_evaluate_without_the_gold_sets_explains_and_succeeds(clone):
    assert not (clone.parent / "shared").exists()
    result = make(clone, "evaluate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "evaluate skipped" in result.stdout
    assert "../shared" in result.stdout
