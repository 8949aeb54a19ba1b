"""pyproject.toml declares its license as an SPDX expression (PEP 639), so installing the
project prints no setuptools deprecation warning about a license table or classifiers."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_license_is_an_spdx_string_without_license_classifiers():
    project = _pyproject()["project"]

    assert isinstance(project["license"], str)  # not the deprecated {text = ...} table
    assert re.fullmatch(r"[A-Za-z0-9.+-]+( (AND|OR|WITH) [A-Za-z0-9.+-]+)*", project["license"])
    assert not [c for c in project.get("classifiers", ()) if c.startswith("License ::")]


def test_the_build_backend_is_one_that_reads_spdx_license_strings():
    """setuptools reads ``license = "MIT"`` from version 77; older ones refuse it."""
    requires = _pyproject()["build-system"]["requires"]
    setuptools = [r for r in requires if r.startswith("setuptools")]
    assert setuptools, requires
    floor = re.search(r">=\s*(\d+)", setuptools[0])
    assert floor and int(floor.group(1)) >= 77, setuptools[0]
