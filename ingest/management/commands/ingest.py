from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.services import UploadRejected, article_submit


class Command(BaseCommand):
    help = (
        "Save articles from files (.txt, .html, .pdf) through the same service the upload "
        "page uses, extract their facts, and print one line per article."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths, **options):
        failed = 0
        for path in paths:
            if not path.is_file():
                self.stderr.write(f"{path}: no such file")
                failed += 1
                continue
            try:
                article, created = article_submit(data=path.read_bytes(), filename=path.name)
            except UploadRejected as exc:
                self.stderr.write(f"{path}: refused: {exc}")
                failed += 1
                continue
            article.refresh_from_db()
            counts = ", ".join(f"{n} {kind}" for kind, n in article.fact_counts().items())
            state = "new" if created else "already known"
            self.stdout.write(
                f"{path.name}: article {article.pk} ({state}), {article.status}"
                + (f", {counts}" if article.status == "done" else "")
                + (f": {article.error.splitlines()[0]}" if article.error else "")
            )
        if failed:
            raise CommandError(f"{failed} of {len(paths)} files were not ingested.")
