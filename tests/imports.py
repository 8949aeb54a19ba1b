"""What the project's modules import, read from their source with ``ast`` (nothing is
imported, so a module's import-time side effects cannot hide or fake an edge)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _absolute(node: ast.ImportFrom, path: Path) -> list[str]:
    if not node.level:
        base = node.module or ""
    else:
        package = _module_name(path).split(".")
        if path.name != "__init__.py":
            package.pop()
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    # "from a import b" imports a, and a.b when b is a module
    named = [f"{base}.{alias.name}" for alias in node.names if alias.name != "*"]
    return [base, *named] if node.module else named


def imports_of(package: str) -> list[tuple[str, int, str]]:
    """(file relative to the repository, line, absolute module imported) for every import
    statement, at any depth (function-local imports included), in every module of the
    package."""
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(where, node.lineno, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                found += [(where, node.lineno, name) for name in _absolute(node, path)]
    return found


def reaches(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")
