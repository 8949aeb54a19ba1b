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


def _packages() -> list[Path]:
    include = _pyproject()["tool"]["setuptools"]["packages"]["find"]["include"]
    tops = {pattern.rstrip("*").rstrip(".") for pattern in include}
    return [ROOT / top for top in sorted(tops) if (ROOT / top / "__init__.py").exists()]


def _data_files(package: Path) -> set[Path]:
    return {
        path
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }


def test_every_data_file_under_a_package_is_declared_package_data():
    """A wheel carries only the files package-data names: the registry, the demo articles,
    the capability floors and the classifier's model must be in it, or an installed
    Summitry (not run from the source tree) cannot load them."""
    declared = _pyproject()["tool"]["setuptools"].get("package-data", {})
    missing = []
    for package in _packages():
        covered = {p for pattern in declared.get(package.name, ()) for p in package.glob(pattern)}
        missing += [str(p.relative_to(ROOT)) for p in _data_files(package) - covered]
    assert not missing, f"add these to [tool.setuptools.package-data]: {sorted(missing)}"


def test_the_data_files_the_code_loads_are_found_by_the_check():
    """The check above sees the files it must protect (it would pass vacuously if the
    walk found nothing)."""
    found = {str(p.relative_to(ROOT)) for pkg in _packages() for p in _data_files(pkg)}
    assert "kb/data/registry.csv" in found
    assert "ingest/capabilities/floors.json" in found
    assert "ingest/meeting_clf/meta.json" in found
