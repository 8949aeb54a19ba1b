"""``manage.py reextract --outdated | --article ID... [--dry-run] [--batch N]``: run
extraction again on stored articles, through the service the article page's "Extract
again" button uses (``ingest.services.article_requeue``).

``--outdated`` picks the articles an older extractor read (``Article.extractor_version``
differs from ``EXTRACTOR_VERSION``, or is empty because extraction failed), leaving out
duplicates, which have no facts of their own, and articles already queued or being
extracted. Editors' work survives: re-extraction never changes or deletes a fact an
editor corrected, confirmed or rejected, nor evidence added by hand (``ingest.record``).

Articles are read in chunks of ``--batch`` ids, so memory stays bounded however many
are stored. Without a broker (no ``CELERY_BROKER_URL``) each article is extracted
in-process before the next is queued; with one, the workers do it.
"""

from __future__ import annotations

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from ingest.extract.types import EXTRACTOR_VERSION
from ingest.services import article_requeue
from kb.constants import PENDING
from kb.models import Article, ArticleStatus


class Command(BaseCommand):
    help = (
        "Extract stored articles again with the current extractor (--outdated: those an "
        "older version read; --article: the ones named), keeping every editor's work."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--outdated",
            action="store_true",
            help=f"Articles read by another extractor version than {EXTRACTOR_VERSION}.",
        )
        parser.add_argument(
            "--article",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="This article, whatever its version (repeatable).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the articles only; change nothing."
        )
        parser.add_argument(
            "--batch", type=int, default=100, metavar="N", help="Articles read at a time."
        )

    def handle(self, *args, outdated, article, dry_run, batch, **options):
        if not outdated and not article:
            raise CommandError("Say which articles: --outdated, or --article ID.")
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        missing = sorted(
            set(article) - set(Article.objects.filter(pk__in=article).values_list("pk", flat=True))
        )
        if missing:
            raise CommandError(f"No such article: {', '.join(map(str, missing))}.")
        chosen = _chosen(outdated=outdated, ids=article)
        if dry_run:
            total = chosen.count()
            self.stdout.write(
                f"{total} article(s) would be extracted again with extractor "
                f"{EXTRACTOR_VERSION}; nothing was changed."
            )
            return
        outcome: Counter = Counter()
        for ids in _chunks(chosen, batch):
            for article_row in Article.objects.filter(pk__in=ids).only("id").order_by("pk"):
                article_requeue(article=article_row)
            # In-process (no broker) they are finished by now; with workers, mostly queued.
            outcome.update(Article.objects.filter(pk__in=ids).values_list("status", flat=True))
        total = sum(outcome.values())
        counts = ", ".join(f"{outcome[s]} {s}" for s in ArticleStatus.values if outcome[s])
        self.stdout.write(
            f"{total} article(s) extracted again with extractor {EXTRACTOR_VERSION}"
            + (f": {counts}." if total else ".")
        )


def _chosen(*, outdated: bool, ids: list[int]):
    """The articles to extract again: not duplicates, not already queued or running."""
    chosen = Article.objects.none()
    if outdated:
        chosen = Article.objects.exclude(extractor_version=EXTRACTOR_VERSION)
    if ids:
        chosen = chosen | Article.objects.filter(pk__in=ids)
    return chosen.filter(duplicate_of__isnull=True).exclude(status__in=PENDING)


def _chunks(articles, size: int):
    """Ids in ascending order, ``size`` at a time, read chunk by chunk (an article done
    meanwhile may leave the selection; the next chunk starts after the last id seen)."""
    last = 0
    while True:
        ids = list(articles.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return
        yield ids
        last = ids[-1]
