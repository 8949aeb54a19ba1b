"""`manage.py ingest` on archives (issue 14, point 4): a folder tree, a JSONL file and a
zip stream through the upload service, refuse what they cannot store with a reason,
end with a summary, and resume: a second run stores nothing twice."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ingest import bulk
from ingest.queue import queue_replaced
from kb.models import Article, ArticleStatus

pytestmark = pytest.mark.django_db

TEXTS = [
    "The prime ministers of two island states met in a harbour town to talk about fishing.",
    "A foreign minister flew to a neighbouring capital for talks on a shared river.",
    "Two presidents signed a memorandum on rail links after a day of talks.",
]


def run(*paths, **options):
    out, err = StringIO(), StringIO()
    try:
        call_command(
            "ingest", *map(str, paths), stdout=out, stderr=err, progress="lines", **options
        )
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), str(exc)
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "archive"
    (root / "2024" / "march").mkdir(parents=True)
    (root / "2025").mkdir()
    (root / "2024" / "march" / "a.txt").write_text(TEXTS[0])
    (root / "2024" / "b.txt").write_text(TEXTS[1])
    (root / "2025" / "c.html").write_text(f"<html><body><p>{TEXTS[2]}</p></body></html>")
    (root / "2025" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 16)
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("never read")
    return root


def test_a_folder_tree_is_stored_with_a_summary_and_a_second_run_stores_nothing(tree, no_queue):
    out, err, error = run(tree)
    assert Article.objects.count() == 3
    assert "3 stored, 0 duplicate(s), 1 refused, 0 failed" in out
    assert "refused 1: not an article file (.jpg)" in out
    assert "2025/photo.jpg: refused" in out
    assert error == "1 of 4 files were not ingested."
    assert "archive: 4/4" in err  # progress, on stderr
    # An HTML file is read at once (no request waits), so a second run knows its text.
    html = Article.objects.get(source="2025/c.html")
    assert "memorandum on rail links" in html.text and html.content_hash

    out, _, _ = run(tree)
    assert Article.objects.count() == 3
    assert "0 stored, 3 duplicate(s), 1 refused" in out


def test_jsonl_lines_keep_their_date_source_and_address(tmp_path, no_queue):
    path = tmp_path / "feed.jsonl"
    lines = [
        {"text": TEXTS[0], "published": "2024-05-02", "source": "Harbour Times",
         "url": "https://news.example.org/a"},
        {"text": TEXTS[1]},
        "not json at all",
        {"published": "2024-01-01"},
        {"text": TEXTS[2], "published": "yesterday"},
        {"text": TEXTS[2], "url": "javascript:alert(1)"},
        [1, 2, 3],
    ]  # fmt: skip
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n",
        encoding="utf-8",
    )
    out, _, error = run(path)
    first = Article.objects.get(url="https://news.example.org/a")
    assert first.published == dt.date(2024, 5, 2)
    assert first.source == "Harbour Times"
    assert first.status == ArticleStatus.QUEUED
    assert Article.objects.count() == 2
    assert "2 stored, 0 duplicate(s), 5 refused" in out
    assert "feed.jsonl:3: refused: not a JSON object" in out
    assert 'feed.jsonl:4: refused: no "text"' in out
    assert '"published" is not a date' in out
    assert '"url" is not an http(s) address' in out
    assert error == "5 of 7 files were not ingested."

    # Resuming: the same lines are duplicates, and a known address is one even if the
    # text was edited since.
    path.write_text(
        json.dumps({"text": TEXTS[0] + " Updated.", "url": "https://news.example.org/a"})
        + "\n"
        + json.dumps({"text": TEXTS[1]})
        + "\n",
        encoding="utf-8",
    )
    out, _, error = run(path)
    assert error is None
    assert "0 stored, 2 duplicate(s), 0 refused" in out
    assert Article.objects.count() == 2


def test_a_zip_is_read_member_by_member_within_the_upload_limit(tmp_path, settings, no_queue):
    settings.UPLOAD_MAX_BYTES = 2000
    path = tmp_path / "articles.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2024/", "")
        archive.writestr("2024/one.txt", TEXTS[0])
        archive.writestr("2024/two.txt", TEXTS[1])
        archive.writestr("big.txt", "word " * 2000)  # 10 KB, compresses to almost nothing
        archive.writestr("notes.docx", b"PK")
        archive.writestr("__MACOSX/2024/._one.txt", b"\x00")
    out, _, error = run(path)
    assert "zip of 4 item(s)" in out
    assert "2 stored, 0 duplicate(s), 2 refused" in out
    assert "larger than the upload limit of 2,000 bytes" in out
    assert "not an article file (.docx)" in out
    # Each article's source says where in the archive it was.
    assert sorted(Article.objects.values_list("source", flat=True)) == [
        "2024/one.txt",
        "2024/two.txt",
    ]
    out, _, _ = run(path)
    assert "0 stored, 2 duplicate(s), 2 refused" in out


def test_extraction_failures_are_counted_in_the_summary(tmp_path):
    def fail(*, article_id):
        Article.objects.filter(pk=article_id).update(status=ArticleStatus.FAILED, error="x")

    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"text": TEXTS[0]}) + "\n")
    with queue_replaced(lambda article: fail(article_id=article.pk)):
        out, _, error = run(path)
    assert "1 stored, 0 duplicate(s), 0 refused, 1 failed" in out
    assert error == "1 of 1 files were not ingested."


def test_a_line_over_the_limit_is_refused_without_losing_the_next(tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": TEXTS[1]}) + "\n")
    items = list(bulk.items(path))
    assert [bool(i.refused) for i in items] == [True, False]
    assert "longer than 2,000 bytes" in items[0].refused
    assert items[1].text == TEXTS[1] and items[1].name == "long.jsonl:2"


def peak_while_reading(path) -> int:
    tracemalloc.start()
    try:
        for _ in bulk.items(path):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_an_archive_streams_memory_does_not_grow_with_its_size(tmp_path):
    line = json.dumps({"text": "A summit of coastal states. " * 700}) + "\n"  # ~20 KB
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    small.write_text(line * 20)
    large.write_text(line * 400)  # 8 MB
    small_peak, large_peak = peak_while_reading(small), peak_while_reading(large)
    assert large_peak < 2 * small_peak + 200_000, (small_peak, large_peak)
    assert large_peak < 1_000_000


def test_progress_lines_come_every_tenth_and_at_the_end():
    from ingest.management.commands.ingest import Progress

    out = StringIO()
    bar = Progress(out, 25, "feed", tty=False)
    for _ in range(25):
        bar.step("stored")
    lines = out.getvalue().splitlines()
    assert lines[-1] == "feed: 25/25"
    assert 8 <= len(lines) <= 11

    out = StringIO()
    bar = Progress(out, 4, "feed", tty=True)
    bar.step("stored")
    assert out.getvalue().startswith("\rfeed [#######.") and "1/4" in out.getvalue()
