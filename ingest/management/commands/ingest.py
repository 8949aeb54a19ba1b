import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.services import UploadRejected, article_submit
from kb.models import Article, ArticleStatus

FINISHED = (ArticleStatus.DONE, ArticleStatus.FAILED)


class Command(BaseCommand):
    help = (
        "Save articles from files (.txt, .html, .pdf) through the same service the upload "
        "page uses, and print one line per article. Without a broker, extraction runs "
        "in-process; with one, --wait waits for the workers and prints the wall time."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--wait",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Wait up to this long for each queued article to be done or failed.",
        )

    def handle(self, *args, paths, wait, **options):
        failed = 0
        for path in paths:
            if not path.is_file():
                self.stderr.write(f"{path}: no such file")
                failed += 1
                continue
            started = time.monotonic()
            try:
                article, created = article_submit(data=path.read_bytes(), filename=path.name)
            except UploadRejected as exc:
                self.stderr.write(f"{path}: refused: {exc}")
                failed += 1
                continue
            article = self._wait(article, wait)
            elapsed = time.monotonic() - started
            self.stdout.write(self._line(path, article, created, elapsed))
            failed += article.status == ArticleStatus.FAILED
        if failed:
            raise CommandError(f"{failed} of {len(paths)} files were not ingested.")

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
