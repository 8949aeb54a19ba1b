"""`manage.py ingest PATH...`: articles from files, folder trees, JSONL files and zips.

A file (.txt, .html, .pdf) prints one line: its article, new or already known, and how
extraction went. A folder, a .jsonl file or a .zip is an archive (see :mod:`ingest.bulk`):
it is streamed item by item with a progress bar, and ends with a summary: stored,
duplicates, refused (with each reason and its count) and, once extraction has run,
failed. Running it again over the same archive stores nothing twice, so a run that was
stopped is resumed by starting it again.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest import bulk
from ingest.services import UploadRejected, article_submit
from kb.models import Article, ArticleStatus

FINISHED = (ArticleStatus.DONE, ArticleStatus.FAILED)


class Progress:
    """A one-line bar on a terminal; on anything else (a log, CI), a line every tenth."""

    def __init__(self, stream, total: int, label: str, *, tty: bool | None = None):
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.tty = stream.isatty() if tty is None else tty
        self.done, self.shown = 0, -1

    def step(self, outcome: str) -> None:
        self.done += 1
        if self.tty:
            filled = int(30 * self.done / self.total)
            self.stream.write(
                f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] "
                f"{self.done:,}/{self.total:,} {outcome[:40]:<40}"
            )
            self.stream.flush()
            return
        tenth = 10 * self.done // self.total
        if tenth > self.shown or self.done == self.total:
            self.shown = tenth
            self.stream.write(f"{self.label}: {self.done:,}/{self.total:,}\n")

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")


class Command(BaseCommand):
    help = (
        "Save articles from files (.txt, .html, .pdf), folder trees, JSONL files "
        '({"text", "published", "source", "url"} per line) and .zip archives, through the '
        "same service the upload page uses. Archives stream with a progress bar and end with "
        "a summary; a second run skips what is stored, so it resumes. Without a broker, "
        "extraction runs in-process; with one, --wait waits for the workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--wait",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Wait up to this long for queued articles to be done or failed "
            "(for each file; for an archive, in all).",
        )
        parser.add_argument(
            "--progress",
            choices=("auto", "bar", "lines"),
            default="auto",
            help="Progress of archives: a bar on a terminal (auto), always a bar, or lines.",
        )

    def handle(self, *args, paths, wait, progress, verbosity, **options):
        failed = total = 0
        for path in paths:
            if not path.exists():
                self.stderr.write(f"{path}: no such file or folder")
                failed += 1
                total += 1
                continue
            if bulk.archive_kind(path) == "file":
                failed += self._file(path, wait)
                total += 1
            else:
                summary, not_done = self._archive(path, wait, progress, verbosity)
                failed += summary.refused + not_done
                total += summary.total
        if failed:
            raise CommandError(f"{failed} of {total} files were not ingested.")

    # A single file: one line, as an upload would report it.
    def _file(self, path: Path, wait: float) -> int:
        started = time.monotonic()
        try:
            article, created = article_submit(data=path.read_bytes(), filename=path.name)
        except UploadRejected as exc:
            self.stderr.write(f"{path}: refused: {exc}")
            return 1
        article = self._wait(article, wait)
        elapsed = time.monotonic() - started
        self.stdout.write(self._line(path, article, created, elapsed))
        return int(article.status == ArticleStatus.FAILED)

    # An archive: streamed, with a progress bar and a summary.
    def _archive(self, path: Path, wait: float, progress: str, verbosity: int):
        kind = bulk.archive_kind(path)
        total = bulk.count(path)
        self.stdout.write(f"{path}: {kind} of {total:,} item(s)")
        tty = {"auto": None, "bar": True, "lines": False}[progress]
        bar = Progress(self.stderr._out, total, path.name, tty=tty)  # raw: no line endings added
        summary = bulk.Summary()
        started = time.monotonic()
        try:
            for item in bulk.items(path):
                outcome = bulk.submit(item, summary)
                bar.step(outcome)
                if verbosity >= 2 or (verbosity >= 1 and outcome.startswith("refused")):
                    bar.close() if bar.tty else None
                    self.stdout.write(f"  {item.name}: {outcome}")
        finally:
            bar.close()
        failed, pending = self._outcome(summary.articles, wait)
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"{path}: {summary.stored:,} stored, {summary.duplicates:,} duplicate(s), "
            f"{summary.refused:,} refused, {failed:,} failed"
            + (f", {pending:,} still queued" if pending else "")
            + f" ({elapsed:.1f}s)"
        )
        for reason, n in summary.reasons.most_common():
            self.stdout.write(f"  refused {n:,}: {reason}")
        return summary, failed

    def _outcome(self, ids, wait: float) -> tuple[int, int]:
        """Failed and still-unfinished articles among ``ids``, after waiting up to
        ``wait`` seconds for the unfinished ones."""
        deadline = time.monotonic() + wait
        while True:
            by_status = {
                status: 0 for status in (ArticleStatus.FAILED, "pending")
            }  # counted in chunks: an archive can hold more ids than a query takes
            for start in range(0, len(ids), 5000):
                chunk = Article.objects.filter(pk__in=list(ids[start : start + 5000]))
                by_status[ArticleStatus.FAILED] += chunk.filter(status=ArticleStatus.FAILED).count()
                by_status["pending"] += chunk.exclude(status__in=FINISHED).count()
            if not by_status["pending"] or time.monotonic() >= deadline:
                return by_status[ArticleStatus.FAILED], by_status["pending"]
            time.sleep(0.2)

    def _wait(self, article: Article, seconds: float) -> Article:
        deadline = time.monotonic() + seconds
        article.refresh_from_db()
        while article.status not in FINISHED and time.monotonic() < deadline:
            time.sleep(0.02)
            article.refresh_from_db()
        return article

    def _line(self, path: Path, article: Article, created: bool, elapsed: float) -> str:
        state = "new" if created else "already known"
        line = f"{path.name}: article {article.pk} ({state}), {article.status} in {elapsed:.2f}s"
        if article.duplicate_of_id:  # a PDF or HTML file read by the worker: a known text
            line += f", duplicate of article {article.duplicate_of_id}"
        elif article.status == ArticleStatus.DONE:
            line += ", " + ", ".join(f"{n} {kind}" for kind, n in article.fact_counts().items())
        if article.error:
            line += f": {article.error.splitlines()[0]}"
        return line
