"""ingest reaches kb in one place, ``ingest/record.py`` (the recording step, with its
helper ``ingest/resolve.py``), plus the listed places that handle an article's row
(status, queueing) or run commands. Each exception says why, and names the kb modules it
may use; a new import of kb anywhere else in ingest fails here."""

from __future__ import annotations

from tests.imports import imports_of, reaches

# kb.counters: the recording step defers the maintained counts to the end of its
# transaction, so each country and leader it touched is counted once; kb.changes: the
# evidence it writes or drops (no signals) moves the cached pages' evidence area
RECORDING = (
    "kb.models", "kb.constants", "kb.names", "kb.services", "kb.registry", "kb.counters",
    "kb.changes",
)  # fmt: skip
ARTICLE_ROW = ("kb.models", "kb.constants")

ALLOWED = {
    # the recording step: resolves candidates to records and writes them (issue 13)
    "ingest/record.py": RECORDING,
    # record.py's look-ups (leader, meeting, gift or agreement a candidate already is),
    # called inside record.py's transaction
    "ingest/resolve.py": RECORDING,
    # the upload path: creates the Article row, and hands the extractor a registry
    # snapshot built from kb's leaders (the extractor itself never imports kb)
    "ingest/services.py": ("kb.models", "kb.registry"),
    # the article's lifecycle: a task loads the Article by id and sets its status
    "ingest/tasks.py": ARTICLE_ROW,
    # the queue seam hands a committed Article to the workers
    "ingest/queue.py": ARTICLE_ROW,
    # feed and archive ingest skip items whose address is already an Article
    "ingest/feeds.py": ARTICLE_ROW,
    "ingest/bulk.py": ARTICLE_ROW,
    # commands over stored articles (re-extract, ingest a folder and report statuses)
    "ingest/management/commands/reextract.py": ARTICLE_ROW,
    "ingest/management/commands/ingest.py": ARTICLE_ROW,
    # the demo command gives the demo editor kb's editors group
    "ingest/management/commands/demo.py": ("kb.roles",),
    # benchmarks of saving and of the workers seed kb with demo data and count its rows
    "ingest/management/commands/bench_save.py": ("kb.models", "kb.management"),
    "ingest/management/commands/bench_workers.py": ("kb.models", "kb.management"),
}


def _kb_imports():
    return [
        (where, line, module)
        for where, line, module in imports_of("ingest")
        if reaches(module, "kb")
    ]


def test_ingest_imports_kb_only_where_listed():
    offending = [
        f"{where}:{line} imports {module}"
        for where, line, module in _kb_imports()
        if not any(reaches(module, allowed) for allowed in ALLOWED.get(where, ()))
    ]
    assert offending == []


def test_the_extractor_and_readers_import_no_kb():
    """The extractor, its capability suites and the format readers are pure: what they
    know of places and leaders comes from gazetteer."""
    pure = ("ingest/extract/", "ingest/capabilities/", "ingest/read/", "ingest/fetch.py")
    assert [imp for imp in _kb_imports() if imp[0].startswith(pure)] == []


def test_every_listed_exception_is_still_used():
    """An exception no longer needed is removed from the list, so the list stays the
    truth about where ingest touches kb."""
    assert set(ALLOWED) == {where for where, _, _ in _kb_imports()}
