"""kb is the domain: it imports nothing from ingest (the recording step is
``ingest/record.py``, which calls kb, never the other way), and the reference data both
read lives in gazetteer, which imports neither."""

from __future__ import annotations

from tests.imports import imports_of, reaches


def test_kb_imports_nothing_from_ingest():
    offending = [
        f"{where}:{line} imports {module}"
        for where, line, module in imports_of("kb")
        if reaches(module, "ingest")
    ]
    assert offending == []


def test_gazetteer_imports_neither_kb_nor_ingest():
    offending = [
        f"{where}:{line} imports {module}"
        for where, line, module in imports_of("gazetteer")
        if reaches(module, "kb") or reaches(module, "ingest")
    ]
    assert offending == []


def test_the_walk_sees_relative_and_local_imports():
    """The checks above would pass vacuously if the walk missed imports: it must see
    kb's own relative imports and gazetteer's import of its data table."""
    kb_imports = imports_of("kb")
    assert any(where.startswith("kb/") and reaches(m, "kb.models") for where, _, m in kb_imports)
    assert ("gazetteer/geo.py", "gazetteer.geo_data") in {
        (where, m) for where, _, m in imports_of("gazetteer")
    }
